// Measures how long the event loop went without a turn: a timer beats every few ms, and a late
// beat means the loop was held by synchronous work for that long (wall time).

export class EventLoopWatch {
  private lastBeat = performance.now();
  private longest = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly beatMs = 25) {}

  start(): this {
    this.reset();
    this.timer = setInterval(() => {
      const now = performance.now();
      this.longest = Math.max(this.longest, now - this.lastBeat - this.beatMs);
      this.lastBeat = now;
    }, this.beatMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Longest block (ms) since start or reset, the one still running included. */
  longestMs(): number {
    return Math.max(0, Math.round(Math.max(this.longest, performance.now() - this.lastBeat - this.beatMs)));
  }

  reset(): void {
    this.longest = 0;
    this.lastBeat = performance.now();
  }
}

/** Fails with the cure when one synchronous stretch went past the limit. */
export function checkBlock(ms: number, limitMs: number): void {
  if (ms > limitMs)
    throw new Error(
      `This test held its worker's event loop for ${ms} ms without a break (limit ${limitMs} ms; vitest gives up on a worker ` +
        'silent for a minute): await rt.clock.advanceAsync(ms) for long spans, await a macrotask between long runs, or move the case to bench/.',
    );
}
