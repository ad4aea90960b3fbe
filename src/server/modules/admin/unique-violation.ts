import { AppError } from '../../http/errors.js';

/** PostgreSQL's unique_violation. */
const UNIQUE_VIOLATION = '23505';

/**
 * Runs a write and turns a unique-constraint violation into the catalogue's 409 `duplicate` naming the field.
 * Services check for duplicates first; this covers the race where two requests pass that check at once.
 */
export async function orDuplicate<T>(field: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if ((err as { code?: unknown }).code === UNIQUE_VIOLATION) throw new AppError('duplicate', { field });
    throw err;
  }
}
