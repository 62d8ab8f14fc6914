// The top bar's skip buttons: clicks quicker than a skip each add their time.
import { afterEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../dev/workbench/workbench';

const DAY_MS = 86_400_000;

describe('skipping the clock ahead', () => {
  let bench: Workbench | undefined;
  afterEach(() => bench?.close());

  it('three skips asked for at once move the clock three days, one after another', async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const start = bench.rt.clock.now();
    const replies = await Promise.all([bench.skip(DAY_MS), bench.skip(DAY_MS), bench.skip(DAY_MS)]);
    expect(replies).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(bench.rt.clock.now() - start).toBe(3 * DAY_MS);
  });
});
