// Retry budget, exponential backoff with full jitter, and Retry-After parsing.

export interface RetryOptions {
  /** Attempts per request, the first included (default 5). */
  maxAttempts?: number;
  /** Total backoff one request may wait across its retries, in ms (default 60 s). */
  maxTotalWaitMs?: number;
  /** First backoff ceiling, doubled on each retry (default 500 ms). */
  baseDelayMs?: number;
  /** Cap on one backoff (default 30 s). */
  maxDelayMs?: number;
  /** Randomness for jitter, [0, 1); injectable for tests. */
  random?: () => number;
}

export class RetryPolicy {
  readonly maxAttempts: number;
  readonly maxTotalWaitMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;

  constructor(options: RetryOptions = {}) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.maxTotalWaitMs = options.maxTotalWaitMs ?? 60_000;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.random = options.random ?? Math.random;
  }

  /**
   * Wait before the next attempt after `attempts` tries, or undefined when the budget is spent.
   * A server-given Retry-After wins over the jittered backoff.
   */
  nextDelay(attempts: number, waitedMs: number, retryAfterMs?: number): number | undefined {
    if (attempts >= this.maxAttempts) return undefined;
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempts - 1));
    const delay = retryAfterMs ?? Math.floor(this.random() * ceiling);
    return waitedMs + delay > this.maxTotalWaitMs ? undefined : delay;
  }
}

/** Retry-After as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
