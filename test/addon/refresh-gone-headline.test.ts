// A refresh whose sheet was deleted after a failed run that was set right since: its card leads with
// the sheet being gone, not the old run's reason, and says what to do with the buttons it shows
// (Delete alone): the sheet brought back, then Resume.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { lastRunWhy } from '../../src/ui/last-run';
import { HOUR, pausedForRefusedKey } from './hourly-teams';

describe('a refresh whose sheet was deleted after its key was set right', () => {
  it('says its sheet is gone as the reason, the old refusal only when asked, and no Resume before the sheet is back', async () => {
    const addon = await startLocalAddon({ now: '2026-12-07T12:00:00Z', dialect: 'live' });
    const { rt } = addon;
    const { id, sam, settings } = await pausedForRefusedKey(addon, 'refresh-gone-headline');
    await rt.callFromSidebar('saveSettings', settings(addon.key));
    await rt.callFromSidebar('resumeRefresh', id);
    rt.workbook.deleteSheet('Teams');
    await rt.clock.advanceAsync(HOUR);

    const [mine] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    const [theirs] = await sam.callFromSidebar<RefreshView[]>('listRefreshes');
    // Nothing ran since the refused key: that run is still its last, failed.
    expect(mine).toMatchObject({ paused: true, lastRun: { status: 'failed' } });
    expect(mine?.lastRun?.message).toMatch(/did not accept your API key/);
    // Its reason is asked for, not headlined: the card's reason is the sheet gone.
    expect(lastRunWhy(mine as RefreshView)).toEqual({ label: 'Why it failed', text: mine?.lastRun?.message });
    expect(lastRunWhy(theirs as RefreshView)?.label).toBe('Why it failed');
    expect(mine?.targetGone).toBe(
      'It cannot run: its sheet "Teams" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Once it is back, this card offers Resume. Or point it at another sheet: delete this refresh, then pull into that sheet and save a refresh there.',
    );
    expect(theirs?.targetGone).toBe(
      'It cannot run: its sheet "Teams" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Once it is back, ask analyst@example.com to resume it. Remove only if no one needs it any more: it belongs to analyst@example.com, and only they can save it again.',
    );
    // Resume and Run now, pressed on a card drawn before, are refused in the same words.
    const words = mine?.targetGone.replace(/^It cannot run: /, '');
    await expect(rt.callFromSidebar('resumeRefresh', id)).rejects.toThrow(`It cannot run: ${words}`);
    await expect(rt.callFromSidebar('runRefreshNow', id)).rejects.toThrow(`Nothing was run: ${words}`);
  });
});
