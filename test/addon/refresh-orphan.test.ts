// A refresh whose owner has left, or is away, keeps writing into the shared sheet with their key
// from their trigger. Any other editor may Pause it or Remove it from the spreadsheet, which sets no
// key working: the owner's trigger then runs nothing of it. Resume and Edit would set the owner's
// key working again, so only the owner may, and the server says so to anyone else. Who paused or
// removed it is said on its card and in the log, its Who theirs, and e-mailed to the owner.
import { describe, expect, it } from 'vitest';
import { saveDailyAht } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const HOUR = 3_600_000;

/** The log's Who, Status and Message of each row. */
function logRows(rt: LocalRuntime): string[][] {
  if (!rt.workbook.sheetNames().includes('Assembled log')) return [];
  const [head = [], ...rows] = rt.workbook.displayValues('Assembled log');
  return rows.map((r) => ['Who', 'Status', 'Message'].map((h) => r[head.indexOf(h)] ?? ''));
}

/** The log's Status, Rows and Duration (s) of each row, as the sheet shows them. */
function logCounts(rt: LocalRuntime): string[][] {
  const [head = [], ...rows] = rt.workbook.displayValues('Assembled log');
  return rows.map((r) => ['Status', 'Rows', 'Duration (s)'].map((h) => r[head.indexOf(h)] ?? ''));
}

/** A's daily 07:00 refresh of the sheet "AHT", which holds a table already; every request counted. */
async function colleagueLeft(options: { reportDelayMs?: number } = {}) {
  // 05:10 in New York: its first run is due at 07:00.
  const { rt, backend, key } = await startLocalAddon({
    now: '2026-05-25T09:10:00Z',
    mode: 'addon',
    ...options,
  });
  rt.workbook.write('AHT', [
    ['agent', 'handled'],
    ['a1', 3],
  ]);
  const before = rt.workbook.values('AHT');
  const [saved] = await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-orphan' });
  const requests: string[] = [];
  rt.setHttp((req) => {
    requests.push(req.url);
    return backend.http(req);
  });
  const sam = rt.asUser('sam@example.com');
  const card = async (viewer: LocalRuntime) =>
    (await viewer.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
  return { rt, sam, id: saved?.id as string, before, requests, card, key };
}

describe("another editor's Pause of a refresh not theirs", () => {
  it("stops its runs from the owner's trigger, says who paused it, and leaves Resume and Edit to the owner", async () => {
    const { rt, sam, id, before, requests, card } = await colleagueLeft();
    const [paused] = await sam.callFromSidebar<RefreshView[]>('pauseRefresh', id);
    const reason = 'Paused by sam@example.com on 2026-05-25 05:10.';
    expect(paused).toMatchObject({ mine: false, paused: true, pausedReason: reason, nextRun: '' });
    // Pause's answer says the owner was e-mailed, to the one who pressed it alone.
    expect(paused?.ownerTold).toBe('Its owner, analyst@example.com, has been e-mailed.');
    expect(await card(rt)).not.toHaveProperty('ownerTold');
    expect(await card(rt)).toMatchObject({ mine: true, paused: true, pausedReason: reason });
    expect(logRows(rt)).toEqual([
      [
        'sam@example.com',
        'paused',
        'Paused by sam@example.com: it runs no more until analyst@example.com resumes it.',
      ],
    ]);

    // A's trigger ticks past its 07:00 run, and the next day's: nothing is asked of Assembled with
    // A's key, nothing written.
    await rt.clock.advanceAsync(30 * HOUR);
    expect(requests).toEqual([]);
    expect(rt.workbook.values('AHT')).toEqual(before);
    expect(logRows(rt)).toHaveLength(1);

    // Resume and Edit would set A's key working: refused by the server to B, in words.
    await expect(sam.callFromSidebar('resumeRefresh', id)).rejects.toThrow(
      'This refresh belongs to analyst@example.com and runs with their API key; only they can resume it.',
    );
    const edit = { spec: paused?.spec, frequency: { kind: 'hourly' }, notifyByEmail: false };
    await expect(sam.callFromSidebar('saveRefresh', edit, id)).rejects.toThrow(
      'This refresh belongs to analyst@example.com and runs with their API key; only they can edit it.',
    );
    expect(await card(rt)).toMatchObject({ paused: true, frequencyLabel: 'Daily at 07:00 America/New_York' });
    expect(requests).toEqual([]);

    // A, back, resumes it: who paused it is no longer said on its card; the log says who resumed it.
    const [resumed] = await rt.callFromSidebar<RefreshView[]>('resumeRefresh', id);
    expect(resumed).toMatchObject({ paused: false, pausedReason: '' });
    expect(logRows(rt).at(-1)).toEqual([
      'analyst@example.com',
      'resumed',
      'Resumed by analyst@example.com: it runs again, next at 2026-05-27 07:00 (America/New_York).',
    ]);
    // No run: neither row counts rows or seconds, as 0 and 0 would say a run found nothing.
    expect(logCounts(rt)).toEqual([
      ['paused', '', ''],
      ['resumed', '', ''],
    ]);
  });

  it('e-mails the owner once, from the editor who paused it: who, which refresh, what it means, what to do', async () => {
    // Saved without e-mails on failure: this is no failure, and nothing else tells them.
    const { rt, sam, id, key } = await colleagueLeft();
    await sam.callFromSidebar('pauseRefresh', id);
    expect(rt.mail.map((m) => [m.from, m.to])).toEqual([['sam@example.com', 'analyst@example.com']]);
    const [mail] = rt.mail;
    expect(mail?.subject).toBe(
      'Your Assembled scheduled refresh was paused by another editor: Handle time report (day), last week',
    );
    expect(mail?.body).toBe(
      [
        'A scheduled refresh you own was paused by sam@example.com.',
        '',
        `Spreadsheet: "${rt.workbook.name}"`,
        'Refresh: Handle time report (day), last week, into the sheet "AHT"',
        '',
        'It runs no more until you resume it.',
        'Its sheet keeps what it holds now.',
        'To have it run again, press Resume on its card in Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes….',
        '',
        `Open the spreadsheet: https://docs.google.com/spreadsheets/d/${rt.workbook.id}/edit`,
      ].join('\n'),
    );
    expect(JSON.stringify(rt.mail)).not.toContain(key);
    // Pressed again (a second card open on it), it is paused already: no second e-mail, none said.
    const [again] = await sam.callFromSidebar<RefreshView[]>('pauseRefresh', id);
    expect(rt.mail).toHaveLength(1);
    expect(again).not.toHaveProperty('ownerTold');
  });

  it('stands when the e-mail cannot be sent (the editor declined to let the add-on send mail)', async () => {
    const { rt, sam, id } = await colleagueLeft();
    sam.declineScopes('https://www.googleapis.com/auth/script.send_mail');
    const [paused] = await sam.callFromSidebar<RefreshView[]>('pauseRefresh', id);
    expect(paused).toMatchObject({ paused: true });
    expect(rt.mail).toEqual([]);
    // Not said to have been e-mailed: it was not.
    expect(paused).not.toHaveProperty('ownerTold');
  });

  it('e-mails no one when the owner pauses it, and logs neither that Pause nor its Resume', async () => {
    const { rt, id } = await colleagueLeft();
    const [paused] = await rt.callFromSidebar<RefreshView[]>('pauseRefresh', id);
    expect(rt.mail).toEqual([]);
    expect(paused).not.toHaveProperty('ownerTold');
    await rt.callFromSidebar('resumeRefresh', id);
    expect(logRows(rt)).toEqual([]);
  });

  it("stops the owner's run under way, which the owner's trigger then carries on no further", async () => {
    // Assembled takes 35 s to build the report: A's Run now is under way when B presses Pause.
    const { rt, sam, id, before, requests, card } = await colleagueLeft({ reportDelayMs: 35_000 });
    expect((await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id))[0]).toMatchObject({
      running: true,
    });
    const asked = requests.length;

    const [paused] = await sam.callFromSidebar<RefreshView[]>('pauseRefresh', id);
    expect(paused).toMatchObject({ paused: true, running: false, lastRun: { status: 'stopped' } });
    await rt.clock.advanceAsync(30 * HOUR);
    expect(requests).toHaveLength(asked);
    expect(rt.workbook.values('AHT')).toEqual(before);
    expect(logRows(rt).map((r) => r.slice(1))).toEqual([
      ['stopped', 'Stopped as the refresh was paused: nothing was written, and the target is as it was.'],
      ['paused', 'Paused by sam@example.com: it runs no more until analyst@example.com resumes it.'],
    ]);
    // The run stopped counts its rows (none) and its time; the Pause, no run, neither.
    expect(logCounts(rt)).toEqual([
      ['stopped', '0', expect.stringMatching(/^\d+(\.\d)?$/)],
      ['paused', '', ''],
    ]);
    expect(await card(rt)).toMatchObject({ paused: true, running: false, lastRun: { status: 'stopped' } });
  });
});

describe("another editor's Remove of a refresh not theirs", () => {
  it("takes it out of the spreadsheet: the owner's trigger runs nothing of it, and goes at its own next tick", async () => {
    const { rt, sam, id, before, requests } = await colleagueLeft();
    expect(rt.triggers().map((t) => t.owner)).toEqual([rt.user]);

    expect(await sam.callFromSidebar<RefreshView[]>('deleteRefresh', id)).toEqual([]);
    expect(await rt.callFromSidebar<RefreshView[]>('listRefreshes')).toEqual([]);
    expect(logRows(rt)).toEqual([
      ['sam@example.com', 'removed', 'Removed from this spreadsheet by sam@example.com: it runs no more.'],
    ]);
    expect(logCounts(rt)).toEqual([['removed', '', '']]);
    // B's execution cannot delete A's trigger (Apps Script gives it to A alone): it is left to A's.
    expect(rt.triggers().map((t) => t.owner)).toEqual([rt.user]);

    await rt.clock.advanceAsync(30 * HOUR);
    expect(requests).toEqual([]);
    expect(rt.workbook.values('AHT')).toEqual(before);
    expect(logRows(rt)).toHaveLength(1);
    // A's tick found nothing of A's left to do here, and removed its own trigger.
    expect(rt.triggers()).toEqual([]);
  });

  it('e-mails the owner once, from the editor who removed it: what it leaves and how to set it up again', async () => {
    const { rt, sam, id, key } = await colleagueLeft();
    // A run worked before: its rows are what the sheet keeps, counted as its card counts them.
    await rt.clock.advanceAsync(2 * HOUR);
    const [ran] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(ran?.lastRun?.status).toBe('done');
    const rows = rt.workbook.values('AHT').length - 1;
    expect(ran?.lastRun?.rows).toBe(rows);

    await sam.callFromSidebar('deleteRefresh', id);
    expect(rt.mail.map((m) => [m.from, m.to, m.subject])).toEqual([
      [
        'sam@example.com',
        'analyst@example.com',
        'Your Assembled scheduled refresh was removed by another editor: Handle time report (day), last week',
      ],
    ]);
    const body = rt.mail[0]?.body.split('\n');
    expect(body?.[0]).toBe(
      'A scheduled refresh you own was removed from the spreadsheet by sam@example.com.',
    );
    expect(body?.slice(5, 8)).toEqual([
      'It is gone: it runs no more.',
      `Its sheet still holds the rows written ${ran?.lastRun?.at} (America/New_York) (${rows} rows).`,
      'To have it run again, set it up again: pull the same data into its sheet from Extensions ▸ Assembled for Google Sheets ▸ Pull data…, then press Save scheduled refresh.',
    ]);
    expect(JSON.stringify(rt.mail)).not.toContain(key);
  });

  it('e-mails no one when the owner deletes it', async () => {
    const { rt, id } = await colleagueLeft();
    await rt.callFromSidebar('deleteRefresh', id);
    expect(rt.mail).toEqual([]);
  });
});
