// Run now on a refresh that runs within the press's own call: a second press made on the card as it
// was before that run ended (the second Enter of a double press, another tab) runs nothing more;
// pressed again once the card shows how the run went, it runs again.
import { describe, expect, it } from 'vitest';
import { saveListRefresh } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const runs = (rt: LocalRuntime) =>
  rt.workbook.sheetNames().includes('Assembled log')
    ? rt.workbook
        .displayValues('Assembled log')
        .slice(1)
        .map((r) => `${r[2]} ${r[4]}`)
    : [];

describe('Run now pressed twice on a card', () => {
  it('runs once; pressed again on the card showing that run, it runs again', async () => {
    const { rt } = await startLocalAddon({ now: '2026-12-08T05:20:00Z' });
    rt.workbook.addSheet('Teams');
    const [saved] = await saveListRefresh(rt, {
      resource: 'teams',
      sheet: 'Teams',
      frequency: { kind: 'daily', hour: 6 },
      key: 'refresh-run-now-once',
    });
    const id = saved?.id as string;
    const [drawn] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(drawn).toMatchObject({ ranAt: 0, runNow: true });
    // The first press's run ends within its call: the card it answers with shows it.
    const [after] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id, drawn?.ranAt);
    expect(after).toMatchObject({ running: false, runNow: true, lastRun: { status: 'done' } });
    expect(after?.ranAt).toBeGreaterThan(0);
    // The second press, made on the card as it was drawn before.
    await expect(rt.callFromSidebar('runRefreshNow', id, drawn?.ranAt)).rejects.toThrow(
      'Nothing more was run: a run of it ended since its card was drawn, and its card now shows how. Press Run now again to run it once more.',
    );
    expect(runs(rt)).toEqual([expect.stringMatching(/^Run now: Teams \(Replace\) done$/)]);
    // Asked again on the card showing that run: a second run.
    await rt.clock.advanceAsync(60_000);
    const [again] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id, after?.ranAt);
    expect(again).toMatchObject({ running: false, lastRun: { status: 'done' } });
    expect(runs(rt)).toHaveLength(2);
  });
});
