// The workbench's faster clock for tests: the virtual clock and the sidebar's timers keep one pace.
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockRate, clockRateScript } from '../../dev/workbench/clock-rate';
import { FollowClock } from '../../dev/workbench/follow-clock';

afterEach(() => {
  vi.useRealTimers();
});

describe('the workbench clock rate', () => {
  it('moves the virtual clock rate times the real time that passed', () => {
    vi.useFakeTimers();
    const moved: number[] = [];
    const clock = new FollowClock(() => ({ advance: (ms) => moved.push(ms) }), 1000, undefined, 10);
    clock.start();
    vi.advanceTimersByTime(2000);
    clock.stop();
    expect(moved).toEqual([10_000, 10_000]);
  });

  it('runs a sidebar page’s timers and Date.now() at the same rate; rate 1 leaves the page alone', () => {
    let real = 1_000_000;
    const delays: number[] = [];
    const record = (_fn: unknown, ms: number) => delays.push(ms);
    const window = { setTimeout: record, setInterval: record };
    const date = { now: () => real };
    runInNewContext(clockRateScript(10), { window, Date: date });
    window.setTimeout(() => undefined, 10_000);
    window.setInterval(() => undefined, 1000);
    expect(delays).toEqual([1000, 100]);
    real += 500;
    expect(date.now()).toBe(1_005_000);
    expect(clockRateScript(1)).toBe('');
  });

  it('refuses a rate that is no rate, saying what it takes', () => {
    expect(clockRate(undefined)).toBe(1);
    expect(clockRate(10)).toBe(10);
    for (const bad of [0, 0.5, Number.NaN, 101, Number.POSITIVE_INFINITY])
      expect(() => clockRate(bad)).toThrow(`clockRate must be a number from 1 to 100, not ${bad}`);
  });
});
