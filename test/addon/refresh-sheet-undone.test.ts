// A refresh whose sheet another editor deleted, then took back with Edit ▸ Undo, as its card advises.
// Sheets may put the sheet back under a new id (the local runtime's reading, dev/gas/README.md): the
// refresh follows it by its name and its table's header note, so its card stops saying it is gone
// and Resume runs it into the sheet put back. A sheet of someone's own given the name since is not
// its table, and is never written over.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR, hourlyTeams } from './hourly-teams';

describe('a refresh whose sheet was deleted and the delete undone', () => {
  it("is back on its card after the deleter's Undo, and Resume runs it into the sheet put back", async () => {
    const { rt } = await startLocalAddon({ now: '2026-12-07T12:00:00Z', dialect: 'live' });
    const id = await hourlyTeams(rt, 'refresh-sheet-undone');
    const sam = rt.asUser('sam@example.com');
    await rt.clock.advanceAsync(HOUR);
    const table = rt.workbook.values('Teams');
    expect(table.length).toBeGreaterThan(1);
    const deleted = rt.workbook.sheetId('Teams');

    sam.workbook.deleteSheet('Teams');
    await rt.clock.advanceAsync(HOUR);
    const card = async (who = rt) => (await who.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    expect(await card()).toMatchObject({
      paused: true,
      targetGone: expect.stringContaining('whoever deleted it can undo that (Edit ▸ Undo)'),
    });

    expect(sam.workbook.undo()).toEqual({ done: true, sheet: 'Teams' });
    expect(rt.workbook.sheetId('Teams')).not.toBe(deleted);
    // Its card offers Resume, the ways back past.
    const reason = 'Paused: its sheet "Teams" was deleted. It is back now:';
    expect(await card()).toMatchObject({
      paused: true,
      targetGone: '',
      pausedReason: `${reason} Resume on this card to have it run again.`,
    });
    expect(await card(sam)).toMatchObject({
      targetGone: '',
      pausedReason: `${reason} ask analyst@example.com to resume it.`,
    });
    await rt.callFromSidebar('resumeRefresh', id);
    await rt.clock.advanceAsync(HOUR);

    expect(await card()).toMatchObject({ paused: false, targetGone: '', lastRun: { status: 'done' } });
    expect(rt.workbook.values('Teams')).toEqual(table);
    expect(rt.workbook.sheetNames().filter((s) => s.startsWith('Teams'))).toEqual(['Teams']);
  });

  it("tells every editor and the owner's e-mail of the deleter's Undo before Version history, and Remove as the end of the owner's refresh", async () => {
    const { rt } = await startLocalAddon({ now: '2026-12-07T12:00:00Z', dialect: 'live' });
    await hourlyTeams(rt, 'refresh-sheet-ways-back');
    const sam = rt.asUser('sam@example.com');
    await rt.clock.advanceAsync(HOUR);
    sam.workbook.deleteSheet('Teams');
    await rt.clock.advanceAsync(HOUR);

    // The lightest way first: Undo puts the sheet back alone, Version history the whole spreadsheet.
    const undoFirst = /\(Edit ▸ Undo\); or restore a version .*\(File ▸ Version history/;
    const [theirs] = await sam.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(theirs?.targetGone).toMatch(undoFirst);
    expect(theirs?.targetGone).toMatch(
      /Once it is back, ask analyst@example\.com to resume it\. Remove only if no one needs it any more: it belongs to analyst@example\.com, and only they can save it again\.$/,
    );
    const [mine] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(mine?.targetGone).toMatch(undoFirst);
    expect(rt.mail.map((m) => m.to)).toEqual(['analyst@example.com']);
    expect(rt.mail[0]?.body).toMatch(undoFirst);

    expect(sam.workbook.undo()).toEqual({ done: true, sheet: 'Teams' });
    expect((await sam.callFromSidebar<RefreshView[]>('listRefreshes'))[0]).toMatchObject({
      targetGone: '',
      pausedReason:
        'Paused: its sheet "Teams" was deleted. It is back now: ask analyst@example.com to resume it.',
    });
  });

  it('leaves alone a sheet of its name made since that does not hold its table, and stays paused', async () => {
    const { rt } = await startLocalAddon({ now: '2026-12-07T12:00:00Z', dialect: 'live' });
    const id = await hourlyTeams(rt, 'refresh-sheet-renamed-in');
    const sam = rt.asUser('sam@example.com');
    await rt.clock.advanceAsync(HOUR);
    sam.workbook.deleteSheet('Teams');
    // Another sheet of sam's given the name, holding their own cells.
    sam.workbook.write('Teams', [['my plan for the teams']]);
    await rt.clock.advanceAsync(HOUR);

    const [card] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(card).toMatchObject({
      paused: true,
      targetGone: expect.stringMatching(/^It cannot run: its sheet "Teams" was deleted\./),
    });
    await expect(rt.callFromSidebar('resumeRefresh', id)).rejects.toThrow(
      /It cannot run: its sheet "Teams" was deleted/,
    );
    await expect(rt.callFromSidebar('runRefreshNow', id)).rejects.toThrow(/Nothing was run/);
    await rt.clock.advanceAsync(2 * HOUR);
    expect(rt.workbook.values('Teams')).toEqual([['my plan for the teams']]);
  });
});
