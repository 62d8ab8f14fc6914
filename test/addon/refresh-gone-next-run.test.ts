// A refresh paused by a run that found its sheet deleted: its card's Next run reads "Paused", as every
// paused card's does, to its owner and to another editor; before that run, "None". It is counted as
// one that cannot run, as its card says, not failing, as no run of it failed (red, listed first): it
// cannot run until someone acts, and says what to do. Paused, it is counted as paused too.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { nextRunShown, summaryParts } from '../../src/ui/pages/refreshes/health';
import { HOUR, hourlyTeams } from './hourly-teams';

describe('a refresh paused because its sheet was deleted', () => {
  it('reads "Paused" as its Next run, and is counted as one that cannot run, and paused', async () => {
    const { rt } = await startLocalAddon({ now: '2026-12-07T12:00:00Z', dialect: 'live' });
    await hourlyTeams(rt, 'refresh-gone-next-run');
    const other = rt.asUser('editor@example.com');
    rt.workbook.deleteSheet('Teams');

    const [before] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(before).toMatchObject({ paused: false, lastRun: null });
    expect(nextRunShown(before as RefreshView)).toBe('None');

    await rt.clock.advanceAsync(HOUR);
    for (const who of [rt, other]) {
      const list = await who.callFromSidebar<RefreshView[]>('listRefreshes');
      const [card] = list;
      expect(card).toMatchObject({ paused: true, lastRun: null });
      expect(card?.targetGone).toMatch(/^It cannot run: its sheet "Teams" was deleted/);
      expect(nextRunShown(card as RefreshView)).toBe('Paused');
      expect(summaryParts(list)).toEqual([
        { text: '1 refresh' },
        { text: '1 cannot run', alarm: 'failing' },
        { text: '1 paused' },
      ]);
    }
  });
});
