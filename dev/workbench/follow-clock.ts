// The virtual clock follows the real one: every tick it moves on by the real time that passed,
// firing time-driven triggers as they fall due. Executions still add their own virtual cost, and
// skipping ahead jumps it, so it runs ahead of the wall clock, never behind.

export interface Advancer {
  advance(ms: number): void;
}

export class FollowClock {
  private timer: NodeJS.Timeout | null = null;
  private last = Date.now();

  constructor(
    private readonly target: () => Advancer,
    private readonly tickMs = 1000,
    private readonly onError: (error: unknown) => void = (e) => console.error(e),
    /** Virtual ms per real ms (tests run the clock faster). */
    private readonly rate = 1,
  ) {}

  start(): void {
    if (this.timer) return;
    this.last = Date.now();
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref();
  }

  tick(): void {
    const now = Date.now();
    const elapsed = now - this.last;
    this.last = now;
    if (elapsed <= 0) return;
    try {
      this.target().advance(elapsed * this.rate);
    } catch (error) {
      this.onError(error);
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
