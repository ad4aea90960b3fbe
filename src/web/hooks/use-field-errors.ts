import { ApiError } from '../api/client.js';

/** Whether the API named a field as being at fault, so a form can highlight it. */
export function fieldErrorsOf(error: unknown): (field: string) => boolean {
  return (field) => error instanceof ApiError && error.hasField(field);
}
