// A refresh whose sheet was deleted says so on its card as soon as the list is read, before any run
// finds out, to its owner and to another editor, without a call to Assembled (no key needed).
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

describe('a refresh whose sheet was deleted', () => {
  it('says so on its card at once, to its owner and to another editor with no key, asking nothing of Assembled', async () => {
    const { rt, backend } = await startLocalAddon({ mode: 'bound' });
    rt.workbook.addSheet('Staff');
    const [saved] = await rt.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'resource', resource: 'people' },
          target: { kind: 'sheet', name: 'Staff' },
          mode: 'replace',
        },
        frequency: { kind: 'daily', hour: 7 },
        notifyByEmail: false,
      },
      'refresh-staff-01',
    );
    expect(saved?.targetGone).toBe('');
    const other = rt.asUser('editor@example.com');
    expect((await other.callFromSidebar<RefreshView[]>('listRefreshes'))[0]?.targetGone).toBe('');

    rt.workbook.deleteSheet('Staff');
    const requests: string[] = [];
    rt.setHttp((req) => {
      requests.push(req.url);
      return backend.http(req);
    });
    const [mine] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(mine).toMatchObject({
      targetGone:
        'It cannot run: its sheet "Staff" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Once it is back, it runs at its next time (paused meanwhile, this card offers Resume). Or point it at another sheet: delete this refresh, then pull into that sheet and save a refresh there.',
      paused: false,
      lastRun: null,
    });
    const [theirs] = await other.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(theirs?.targetGone).toBe(
      'It cannot run: its sheet "Staff" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Once it is back, it runs at its next time (paused meanwhile, ask analyst@example.com to resume it). Remove only if no one needs it any more: it belongs to analyst@example.com, and only they can save it again.',
    );
    expect(requests).toEqual([]);

    // Paused by its next run, it still says so.
    await rt.clock.advanceAsync(25 * 3_600_000);
    const [paused] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(paused?.paused).toBe(true);
    expect(paused?.targetGone).toMatch(/^It cannot run: its sheet "Staff" was deleted\./);
  });
});
