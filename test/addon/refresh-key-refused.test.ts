// A refresh whose owner's saved key Assembled refuses (saved with Save anyway): the log, which every
// editor reads, and another editor's card say whose key it was; its owner's card says it as theirs.
// A key saved since the pause leaves only Resume, which both cards say, until a run refuses it again.
import { describe, expect, it } from 'vitest';
import { saveAht, stepUntil } from '../../dev/daily-refresh';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR, hourlyTeams, pausedForRefusedKey } from './hourly-teams';

describe("a refresh run with its owner's refused key", () => {
  it('is said in its owner\'s name to everyone but them, and as "your API key" to them', async () => {
    const { rt, backend } = await startLocalAddon({ dialect: 'live' });
    const sam = rt.asUser('sam@example.com');
    await hourlyTeams(rt, 'refresh-key-refused');
    // Save anyway: a well-formed key Assembled never issued.
    const wrong = 'sk_live_test_never_issued_key';
    await rt.callFromSidebar('saveSettings', {
      apiKey: wrong,
      timeFormat: backend.timeFormat,
      apiVersion: '',
    });
    await rt.clock.advanceAsync(HOUR);

    const theirs = 'Assembled did not accept the API key of its owner, analyst@example.com.';
    const [head = [], ...rows] = rt.workbook.values('Assembled log');
    expect(
      rows.map((r) => [r[head.indexOf('Who')], r[head.indexOf('Status')], r[head.indexOf('Message')]]),
    ).toEqual([
      ['analyst@example.com', 'failed', theirs],
      ['analyst@example.com', 'paused', `Paused as its run failed: ${theirs}`],
    ]);
    const card = async (viewer = rt) => (await viewer.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    expect(await card(sam)).toMatchObject({ lastRun: { status: 'failed', message: theirs } });
    expect(await card(rt)).toMatchObject({
      lastRun: { status: 'failed', message: 'Assembled did not accept your API key.' },
      pausedReason:
        'Paused: Assembled did not accept your API key. Set a valid key in Extensions ▸ Assembled for Google Sheets ▸ Settings…, then Resume.',
    });
    // Nobody but the owner is told to set a key, and the key is never shown.
    const shared = JSON.stringify([rows, await card(sam)]);
    expect(shared).not.toMatch(/set a valid key\.|Open Extensions/);
    expect(JSON.stringify([rows, await card(sam), await card(rt), rt.mail])).not.toContain(wrong);
  });

  it("is resumed only once Assembled takes its owner's key: asked with one read, the key of the one who presses", async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt, sim } = addon;
    const { id, sam, settings, card, paused } = await pausedForRefusedKey(addon, 'refresh-key-resume');
    const sent = () => sim.stats().total;

    // Another editor, whose key works, cannot resume it: it runs with its owner's key. Nothing is asked.
    const before = sent();
    await expect(sam.callFromSidebar('resumeRefresh', id)).rejects.toThrow(/belongs to analyst@example\.com/);
    expect(sent()).toBe(before);

    // Its owner, the key unchanged: Assembled is asked once, refuses it, and nothing is resumed.
    await expect(rt.callFromSidebar('resumeRefresh', id)).rejects.toThrow(
      'Not resumed: Assembled still does not accept your API key. Save a working key in Extensions ▸ Assembled for Google Sheets ▸ Settings…, then Resume.',
    );
    expect(sent()).toBe(before + 1);
    expect(sim.stats().byRoute['GET /v0/roles']).toBe(1);
    expect(await card()).toEqual(paused);
    const logged = rt.workbook.values('Assembled log').length;
    await rt.clock.advanceAsync(3 * HOUR);
    expect(rt.workbook.values('Assembled log')).toHaveLength(logged);
    expect(rt.mail).toHaveLength(1);

    // Assembled down, the key is not known bad: resumed, saying it could not be checked.
    sim.setFaults({ errorRate: 1 });
    const [resumed] = await rt.callFromSidebar<RefreshView[]>('resumeRefresh', id);
    expect(resumed).toMatchObject({
      paused: false,
      keyUnchecked: expect.stringMatching(
        /^Resumed, though your API key could not be checked: Assembled had a server error \(HTTP 5\d\d\) while reading roles\. If Assembled still does not accept it, the next run pauses this refresh again\.$/,
      ),
    });
    // Said for that Resume alone, not on the card afterwards.
    expect(await card()).not.toHaveProperty('keyUnchecked');
    sim.setFaults({});
    await rt.clock.advanceAsync(HOUR);
    expect(await card()).toMatchObject({ paused: true, pausedReason: paused?.pausedReason });

    // A working key saved, it is taken: resumed, and its next run is done.
    await rt.callFromSidebar('saveSettings', settings(addon.key));
    const [taken] = await rt.callFromSidebar<RefreshView[]>('resumeRefresh', id);
    expect(taken).toMatchObject({ paused: false, pausedReason: '' });
    expect(taken).not.toHaveProperty('keyUnchecked');
    // The log, whose runs stopped at the refused key, says who set it going again, each time.
    const [head = [], ...rows] = rt.workbook.values('Assembled log');
    expect(
      rows
        .filter((r) => r[head.indexOf('Status')] === 'resumed')
        .map((r) => [r[head.indexOf('Who')], r[head.indexOf('Message')]]),
    ).toEqual([
      [
        'analyst@example.com',
        expect.stringMatching(/^Resumed by analyst@example\.com: it runs again, next at /),
      ],
      [
        'analyst@example.com',
        expect.stringMatching(/^Resumed by analyst@example\.com: it runs again, next at /),
      ],
    ]);
    await rt.clock.advanceAsync(HOUR);
    expect((await card())?.lastRun?.status).toBe('done');
  });

  it('e-mails its owner one order of steps, in the words of its card: a valid key, then Resume, then Run now for the week it missed', async () => {
    // 22:30 on Sunday in New York: its run at 23:30 pulls 23 to 29 November, and the one it is
    // paused at, on Monday, was for 30 November to 6 December, which no run pulled.
    const { rt, backend } = await startLocalAddon({ now: '2026-12-07T03:30:00Z', dialect: 'live' });
    rt.workbook.addSheet('AHT');
    await saveAht(rt, {
      sheet: 'AHT',
      frequency: { kind: 'hourly' },
      preset: 'last_week',
      key: 'refresh-key-steps',
      notify: true,
    });
    const card = async () => (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    await stepUntil(rt, () => rt.workbook.values('AHT').length > 1, 2 * HOUR);
    await rt.callFromSidebar('saveSettings', {
      apiKey: 'sk_live_test_never_issued_key',
      timeFormat: backend.timeFormat,
      apiVersion: '',
    });
    await stepUntil(rt, () => rt.mail.length > 0, 2 * HOUR);

    const settings = 'Extensions ▸ Assembled for Google Sheets ▸ Settings…';
    const refreshes = 'Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes…';
    const body = rt.mail[0]?.body ?? '';
    const lines = body.split('\n');
    const paused = lines.findIndex((l) => l.startsWith('Paused: '));
    expect(lines.slice(paused, paused + 2)).toEqual([
      `Paused: Assembled did not accept your API key. Set a valid key in ${settings}, then Resume on its card in ${refreshes}.`,
      'Not pulled: 2026-11-30 to 2026-12-06. After Resume, Run now on its card pulls last week as of the day you press it.',
    ]);
    // Where its card is, said once, at Resume: not again at Run now, nor at the e-mail's foot.
    expect(body.split(refreshes)).toHaveLength(2);
    // Said once, in that order: no line of its own on resuming, nor Run now as a fix on its own.
    expect(lines.filter((l) => /resume/i.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /Run now/.test(l))).toHaveLength(1);
    // Its card offers the buttons named, and its reason line the same steps, Resume by its name.
    const view = await card();
    expect(view).toMatchObject({
      paused: true,
      runNow: true,
      pausedReason: `Paused: Assembled did not accept your API key. Set a valid key in ${settings}, then Resume.`,
    });
  });
  it('says only Resume is left once its owner has saved a key since the pause, to them and to another editor', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt } = addon;
    const { id, sam, settings, card } = await pausedForRefusedKey(addon, 'refresh-key-saved-since');
    const samCard = async () => (await sam.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    const refusedToOwner = `Paused: Assembled did not accept your API key. Set a valid key in Extensions ▸ Assembled for Google Sheets ▸ Settings…, then Resume.`;
    const refusedToSam =
      'Paused: Assembled did not accept the API key of its owner, analyst@example.com; they need to set a valid key in Extensions ▸ Assembled for Google Sheets ▸ Settings… and resume it.';
    expect(await samCard()).toMatchObject({ pausedReason: refusedToSam });

    await rt.clock.advanceAsync(60_000);
    await rt.callFromSidebar('saveSettings', settings(addon.key));
    expect(await card()).toMatchObject({
      paused: true,
      pausedReason:
        'Paused: Assembled did not accept your API key then. A key is saved now: Resume to run it again.',
    });
    expect(await samCard()).toMatchObject({
      pausedReason:
        'Paused for the API key of its owner, analyst@example.com, who has saved a key since: ask analyst@example.com to resume it.',
    });

    // A key refused again by a run after it: a valid key is wanted again, as before.
    await rt.callFromSidebar('saveSettings', settings('sk_live_test_never_issued_key'));
    await rt.clock.advanceAsync(60_000);
    await rt.callFromSidebar('runRefreshNow', id);
    for (let i = 0; i < 20 && (await card())?.running; i++) {
      await rt.clock.advanceAsync(60_000);
      await rt.callFromSidebar('pollRefresh', id);
    }
    expect(await card()).toMatchObject({ paused: true, running: false, pausedReason: refusedToOwner });
    expect(await samCard()).toMatchObject({ pausedReason: refusedToSam });

    // Saved, then removed: no key is saved, which the cards say, not one saved since.
    await rt.callFromSidebar('saveSettings', settings(addon.key));
    await rt.callFromSidebar('clearApiKey');
    expect((await samCard())?.pausedReason).not.toMatch(/saved a key since/);
  });
});
