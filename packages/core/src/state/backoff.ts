/** When the outbox tries again: exponential backoff with full jitter, never sooner than Retry-After. */

/** Backoff of the outbox. */
export interface RetryOptions {
  /** Ceiling of the first retry's delay in ms; doubles with each failure. 1000 by default. */
  readonly baseMs?: number;
  /** Largest ceiling in ms (a server's Retry-After may ask for more, and gets it). 300000 (5 minutes) by default. */
  readonly maxMs?: number;
}

/** The defaults of `RetryOptions`. */
export const DEFAULT_RETRY: Required<RetryOptions> = { baseMs: 1000, maxMs: 300_000 };

/**
 * Milliseconds to wait before attempt `failures + 1`: a uniform draw from
 * `[0, min(maxMs, baseMs * 2^(failures - 1))]` ("full jitter": clients that failed together do not
 * retry together), raised to `retryAfterMs` when the server said how long to wait.
 *
 * @param failures failed attempts so far (>= 1).
 * @param random a uniform draw in [0, 1); `Math.random` by default.
 * @example retryDelay(3, { baseMs: 1000 }, 5000) // between 5000 and 5000: Retry-After wins over a smaller draw
 */
export function retryDelay(failures: number, { baseMs = DEFAULT_RETRY.baseMs, maxMs = DEFAULT_RETRY.maxMs }: RetryOptions = {}, retryAfterMs?: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.max(Math.floor(random() * ceiling), retryAfterMs ?? 0);
}
