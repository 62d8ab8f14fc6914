// A refresh whose sheet another editor deleted while its run was under way: what became of the run
// is said the same way to everyone (the log, each card's Last run), what to do only by each card's
// own line and the owner's e-mail, which says the sheet's rows went with it, how to have it back
// (the same ways on the owner's card), and names no one.
import { describe, expect, it } from 'vitest';
import { saveDailyAht, stepUntil } from '../../dev/daily-refresh';
import { startLocalAddon } from '../../dev/local-addon';
import { SHEET_BACK } from '../../src/core/schedule/failure-mail';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { ITS_CARD } from '../../src/core/schedule/run-now-pulls';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('a refresh whose sheet is deleted during its run', () => {
  it('says the run was cut short, names only actions that exist, and e-mails that the rows went with the sheet', async () => {
    // Assembled takes 10 minutes to build the report: the run spans two hourly ticks.
    const { rt } = await startLocalAddon({ now: '2026-05-25T09:10:00Z', reportDelayMs: 10 * MINUTE });
    const sam = rt.asUser('sam@example.com');
    rt.workbook.write('AHT', [['agent'], ['a1']]);
    await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-cut-short', notify: true });
    const card = async (viewer = sam) => (await viewer.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    for (let t = 0; t < 4 * HOUR && !(await card())?.running; t += MINUTE)
      await rt.clock.advanceAsync(MINUTE);
    expect((await card())?.running).toBe(true);
    sam.workbook.deleteSheet('AHT');
    await stepUntil(rt, () => rt.mail.length > 0, 3 * HOUR);

    const happened = 'Not finished: its sheet "AHT" was deleted during the run.';
    const [head = [], ...rows] = rt.workbook.values('Assembled log');
    expect(rows.map((r) => [r[head.indexOf('Status')], r[head.indexOf('Message')]])).toEqual([
      ['failed', happened],
      ['paused', 'Paused as its run failed: its sheet "AHT" was deleted.'],
    ]);
    const todo = {
      [rt.user]:
        'It cannot run: its sheet "AHT" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Once it is back, this card offers Resume. Or point it at another sheet: delete this refresh, then pull into that sheet and save a refresh there.',
      [sam.user]:
        'It cannot run: its sheet "AHT" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Once it is back, ask analyst@example.com to resume it. Remove only if no one needs it any more: it belongs to analyst@example.com, and only they can save it again.',
    };
    for (const viewer of [rt, sam])
      expect(await card(viewer)).toMatchObject({
        paused: true,
        targetGone: todo[viewer.user],
        lastRun: { status: 'failed', message: happened },
      });

    expect(rt.mail.map((m) => m.to)).toEqual(['analyst@example.com']);
    const body = rt.mail[0]?.body ?? '';
    expect(body).toContain(
      `\nPaused: its sheet "AHT" was deleted.\nThe rows the sheet "AHT" held went with it.\n${SHEET_BACK}\n\nOpen the spreadsheet`,
    );
    // The e-mail's Resume is on its card once the sheet is back; the card, offering Delete alone
    // meanwhile, says Resume comes with the sheet, not to press it now.
    expect(SHEET_BACK).toContain(`Then Resume on ${ITS_CARD}.`);
    expect(todo[rt.user]).not.toContain('Then Resume');
    // Who deleted it is not known: no one is named.
    expect(body).not.toMatch(/sam@|deleted by/);
  });
});
