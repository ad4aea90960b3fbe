/** Attempts before a delivery is given up (then it stays listed as failed, and can be redelivered). */
export const MAX_ATTEMPTS = 8;

const FIRST_RETRY_MS = 15_000;

/**
 * When to try again after failed attempt number `attempt` (1-based): 15 s, 1 min, 4 min, 16 min, 64 min, ~4.3 h,
 * ~17 h, so the 8th and last attempt comes about 23 hours after the first; null once attempts are used up.
 */
export function nextAttemptAt(attempt: number, now: Date): Date | null {
  if (attempt >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + FIRST_RETRY_MS * 4 ** (attempt - 1));
}
