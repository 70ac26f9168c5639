// When and how long to wait before calling again after a rate limit (117 CallRateExceeded / 429).
import type { AdApiError } from './errors.js';

export const CALL_RATE_EXCEEDED = 117;
export const AUTHENTICATION_TOKEN_EXPIRED = 109;

export interface BackoffOptions {
  /** First delay in milliseconds (doubled each attempt; default 1000). */
  baseMs?: number;
  /** Longest delay in milliseconds (default 30000). */
  maxMs?: number;
}

export function isRateLimited(error: AdApiError): boolean {
  return error.httpStatus === 429 || error.has(CALL_RATE_EXCEEDED);
}

/**
 * Milliseconds to wait before retry number `attempt` (0-based): the server's Retry-After when it
 * sent one, else exponential backoff with "equal jitter" (half fixed, half random) so that many
 * clients throttled together do not come back together.
 */
export function backoffDelay(attempt: number, error: AdApiError, options: BackoffOptions = {}, random = Math.random): number {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 30_000;
  if (error.retryAfter !== undefined) return error.retryAfter * 1000;
  const ceiling = Math.min(max, base * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
