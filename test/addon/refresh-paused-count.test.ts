// The line above the Scheduled refreshes list counts as paused every refresh whose card's Next run
// reads "Paused": one its run paused for a refused key (failing too, and counted so) and one Remove
// key paused, to its owner and to another editor alike.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { nextRunShown, summaryParts } from '../../src/ui/pages/refreshes/health';
import { hourlyRefresh, pausedForRefusedKey } from './hourly-teams';

/** The count line's parts, and how many cards read "Next run: Paused", as `viewer` sees the list. */
async function seen(viewer: LocalRuntime) {
  const cards = await viewer.callFromSidebar<RefreshView[]>('listRefreshes');
  return {
    summary: summaryParts(cards).map((p) => p.text),
    pausedCards: cards.filter((c) => nextRunShown(c) === 'Paused').length,
  };
}

describe('the count above the Scheduled refreshes list', () => {
  it('counts every card reading "Next run: Paused" as paused, a failing one as failing too', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt } = addon;
    // Analyst's Teams: its run failed on a key Assembled refused, which paused it.
    const { sam } = await pausedForRefusedKey(addon, 'refresh-paused-count-teams');
    for (const viewer of [rt, sam])
      expect(await seen(viewer)).toEqual({ summary: ['1 refresh', '1 failing', '1 paused'], pausedCards: 1 });

    // Sam's People, paused by his Remove key before any run.
    await hourlyRefresh(rt, 'people', 'People', 'refresh-paused-count-people', sam);
    await sam.callFromSidebar('clearApiKey');
    for (const viewer of [rt, sam])
      expect(await seen(viewer)).toEqual({
        summary: ['2 refreshes', '1 failing', '2 paused'],
        pausedCards: 2,
      });
  });
});
