// The top bar's skip buttons: a skip is one request that fires every trigger due on the way, as the
// clock stepped a minute at a time would, and says how far it has got while it runs.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunResult } from '../../dev/gas';
import { Workbench } from '../../dev/workbench/workbench';
import { monthlyRefreshWorkbook } from './monthly-refresh';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** What tells one execution from another: which, whose, when, for how long, and how it ended. */
const fired = (runs: RunResult[]) =>
  runs.map((r) => ({
    fn: r.fnName,
    kind: r.kind,
    user: r.user,
    at: new Date(r.startedAt).toISOString(),
    ms: r.durationMs,
    killed: r.killed,
    error: r.error?.message ?? null,
  }));

describe('skipping the clock ahead', () => {
  const benches: Workbench[] = [];
  afterEach(() => {
    for (const b of benches.splice(0)) b.close();
  });
  const open = async (now: string) => {
    const bench = await Workbench.create({ followRealClock: false, now }, '');
    benches.push(bench);
    return bench;
  };

  it('three skips asked for at once move the clock three days, one after another', async () => {
    const bench = await open('2026-05-25T12:00:00Z');
    const start = bench.rt.clock.now();
    const replies = await Promise.all([bench.skip(DAY_MS), bench.skip(DAY_MS), bench.skip(DAY_MS)]);
    // Each says the time it left the clock at, a day after the one before.
    expect(replies.map((r) => (r.ok ? r.time.slice(0, 14) : r.message))).toEqual([
      'Tue 2026-05-26',
      'Wed 2026-05-27',
      'Thu 2026-05-28',
    ]);
    expect(bench.rt.clock.now() - start).toBe(3 * DAY_MS);
  });

  it('a skip runs the executions stepping the clock a minute at a time runs, at the same times', async () => {
    // Two workbenches alike, over the monthly refresh's run (1 December, 06:00 in New York).
    const skipped = await open('2026-11-29T14:30:00Z');
    const stepped = await open('2026-11-29T14:30:00Z');
    await monthlyRefreshWorkbook(skipped.rt);
    await monthlyRefreshWorkbook(stepped.rt);
    const before = skipped.rt.executions.length;
    expect(stepped.rt.executions.length).toBe(before);
    const span = 3 * DAY_MS;
    const end = stepped.rt.clock.now() + span;

    const reply = await skipped.skip(span);
    while (stepped.rt.clock.now() < end)
      await stepped.rt.clock.advanceAsync(Math.min(MINUTE_MS, end - stepped.rt.clock.now()));

    const runs = fired(skipped.rt.executions.slice(before));
    // The hourly ticks, one of which ran the refresh: none passed over, none run twice or late.
    expect(runs.length).toBeGreaterThanOrEqual(72);
    expect(runs).toEqual(fired(stepped.rt.executions.slice(before)));
    const log = skipped.rt.workbook.values('Assembled log');
    expect(String(log[log.length - 1]?.[2])).toMatch(/^Scheduled: Adherence report/);
    expect(skipped.rt.workbook.values('Adherence')).toEqual(stepped.rt.workbook.values('Adherence'));
    expect(reply).toEqual({ ok: true, time: expect.stringMatching(/^Wed 2026-12-02 09:3\d:\d\d EST$/) });
  });

  it('says how far a skip under way has got and where it is going; nothing once it is done', async () => {
    const bench = await open('2026-12-06T14:00:00Z');
    await monthlyRefreshWorkbook(bench.rt);
    expect(bench.state().skip).toBeNull();
    const done = bench.skip(7 * DAY_MS);
    const seen = new Set<number>();
    let skipping = true;
    void done.then(() => {
      skipping = false;
    });
    // The runtime gives the event loop a turn between the hourly ticks: the state is read meanwhile.
    while (skipping) {
      const progress = bench.state().skip;
      if (progress) {
        expect(progress.until).toMatch(/^Sun 2026-12-13 09:0\d:\d\d EST$/);
        seen.add(progress.percent);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(Math.min(...seen)).toBeLessThan(10);
    expect(Math.max(...seen)).toBeGreaterThan(90);
    expect(seen.size).toBeGreaterThan(50);
    expect(bench.state().skip).toBeNull();
    expect((await done).ok).toBe(true);
    expect(bench.state().time).toMatch(/^Sun 2026-12-13 09:0\d:\d\d EST$/);
  });

  it('refuses a skip of nothing or of more than 31 days, saying so', async () => {
    const bench = await open('2026-12-06T14:00:00Z');
    expect(await bench.skip(0)).toEqual({ ok: false, message: 'Skip between 1 ms and 31 days' });
    expect(await bench.skip(32 * DAY_MS)).toEqual({ ok: false, message: 'Skip between 1 ms and 31 days' });
    expect(bench.state().skip).toBeNull();
  });
});
