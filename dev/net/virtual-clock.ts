// A Clock whose time moves only when slept or advanced: tests and benchmarks run in no wall time.
import type { Clock } from '../../src/core/ports';

export class VirtualClock implements Clock {
  constructor(private t = Date.UTC(2026, 4, 25, 12)) {}

  now(): number {
    return this.t;
  }

  sleep(ms: number): void {
    this.advance(ms);
  }

  advance(ms: number): void {
    if (ms > 0) this.t += ms;
  }
}
