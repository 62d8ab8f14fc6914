// Run now's run is said as started when it was pressed, whatever run the refresh had due before:
// a paused refresh whose run time passed while it was paused has a due time nobody ran, and its card
// took it as the press's.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { lastRunText } from '../../src/ui/last-run';
import { HOUR, pausedForRefusedKey } from './hourly-teams';

const MINUTE = 60_000;

describe('Run now on a paused refresh whose run time has passed', () => {
  it('is started at the press, on its card, on another editor’s and in the log', async () => {
    // 08:00 New York: the hourly refresh pauses at 09:00 for its owner's refused key.
    const addon = await startLocalAddon({ now: '2026-05-25T12:00:00Z', dialect: 'live' });
    const { rt } = addon;
    const { id, sam, card } = await pausedForRefusedKey(addon, 'refresh-run-now-start');
    // Its 10:00 passes while it is paused; Run now is pressed at 10:39.
    await rt.clock.advanceAsync(HOUR + 39 * MINUTE);
    const [ran] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id);
    expect(ran).toMatchObject({ paused: true, running: false, lastRun: { status: 'failed' } });
    // Refused at once, it ended the minute it was pressed: said as one time, as a run pressed before
    // its time is, not as "Started by you 2026-05-25 10:00, failed at 10:39".
    expect(lastRunText(ran as RefreshView)).toBe('2026-05-25 10:39, failed');
    expect(lastRunText((await card()) as RefreshView)).toBe('2026-05-25 10:39, failed');
    const [theirs] = await sam.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(lastRunText(theirs as RefreshView)).toBe('2026-05-25 10:39, failed');
    const rows = rt.workbook.displayValues('Assembled log').slice(1);
    expect(rows.at(-1)?.slice(0, 3)).toEqual([
      expect.stringMatching(/^2026-05-25 10:39:\d\d UTC−4$/),
      'analyst@example.com',
      expect.stringMatching(/^Run now: /),
    ]);
  });
});
