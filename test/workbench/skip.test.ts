// The top bar's skip buttons: clicks quicker than a skip each add their time.
import { afterEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../dev/workbench/workbench';

const DAY_MS = 86_400_000;

describe('skipping the clock ahead', () => {
  let bench: Workbench | undefined;
  afterEach(() => bench?.close());

  it('three skips asked for at once move the clock three days, one after another', async () => {
    bench = await Workbench.create({ followRealClock: false, now: '2026-05-25T12:00:00Z' }, '');
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
});
