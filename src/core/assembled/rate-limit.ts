// Client-side token bucket, so a run paces itself instead of collecting 429s.
import type { Clock } from '../ports';

export interface RateLimitOptions {
  /** Sustained rate (default 300, Assembled's documented limit). */
  perMinute?: number;
  /** Bucket size (default 20, Assembled's documented burst). */
  burst?: number;
}

// Float refill can leave 0.9999999 tokens; treat that as a whole one.
const EPSILON = 1e-9;

export class TokenBucket {
  private readonly ratePerMs: number;
  private readonly burst: number;
  private tokens: number;
  private last: number;
  private blockedUntil = 0;

  constructor(
    private readonly clock: Clock,
    options: RateLimitOptions = {},
  ) {
    this.ratePerMs = (options.perMinute ?? 300) / 60_000;
    this.burst = options.burst ?? 20;
    this.tokens = this.burst;
    this.last = clock.now();
  }

  /** Blocks (clock.sleep) until at least one token is free, then takes up to `max`; returns how many. */
  acquire(max: number): number {
    for (;;) {
      const now = this.refill();
      if (now < this.blockedUntil) {
        this.clock.sleep(this.blockedUntil - now);
        continue;
      }
      if (this.tokens + EPSILON >= 1) {
        const n = Math.max(1, Math.min(max, Math.floor(this.tokens + EPSILON)));
        this.tokens = Math.max(0, this.tokens - n);
        return n;
      }
      this.clock.sleep(Math.ceil((1 - this.tokens) / this.ratePerMs));
    }
  }

  /** The server said 429: our idea of the bucket was too generous, so empty it (and pause if told how long). */
  penalise(retryAfterMs?: number): void {
    const now = this.refill();
    this.tokens = 0;
    if (retryAfterMs !== undefined) this.blockedUntil = Math.max(this.blockedUntil, now + retryAfterMs);
  }

  private refill(): number {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + Math.max(0, now - this.last) * this.ratePerMs);
    this.last = now;
    return now;
  }
}
