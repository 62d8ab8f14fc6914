// One owner's key refused at a run of one of their refreshes: every refresh of theirs here runs with
// that key, so all of them not paused already pause at once, in the log and on their cards, and the
// owner gets one e-mail naming them, not one at each refresh's own time. Another editor's refreshes,
// run with their own key, go on.
import { describe, expect, it } from 'vitest';
import { saveListRefresh } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR, hourlyRefresh, hourlyTeams } from './hourly-teams';

const SAM_KEY = 'sk_live_test_sam_keyall';
const SETTINGS = 'Extensions ▸ Assembled for Google Sheets ▸ Settings…';

/** The analyst's sites, daily at 14:00, its failures e-mailed. */
async function dailySites(rt: LocalRuntime, key: string): Promise<void> {
  rt.workbook.addSheet('Sites');
  await saveListRefresh(rt, {
    resource: 'sites',
    sheet: 'Sites',
    frequency: { kind: 'daily', hour: 14 },
    key,
    notify: true,
  });
}

describe("a refresh whose owner's key Assembled refuses", () => {
  it("pauses its owner's other refreshes here with it, in one e-mail, and no one else's", async () => {
    // 08:00 in New York.
    const { rt, sim, key, backend } = await startLocalAddon({ dialect: 'live' });
    const settings = (apiKey: string) => ({ apiKey, timeFormat: backend.timeFormat, apiVersion: '' });
    sim.issueKey(SAM_KEY);
    const sam = rt.asUser('sam@example.com');
    await sam.callFromSidebar('saveSettings', settings(SAM_KEY));
    // The analyst's: teams hourly (no e-mail asked), sites daily at 14:00, people paused by them;
    // sam's queues hourly.
    rt.workbook.addSheet('Teams');
    await saveListRefresh(rt, {
      resource: 'teams',
      sheet: 'Teams',
      frequency: { kind: 'hourly' },
      key: 'keyall-teams',
    });
    await dailySites(rt, 'keyall-sites');
    await hourlyRefresh(rt, 'people', 'People', 'keyall-people');
    await hourlyRefresh(rt, 'queues', 'Queues', 'keyall-queues', sam);
    const listed = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    const [teams, sites, people, queues] = listed.map((v) => v.id) as [string, string, string, string];
    await rt.callFromSidebar('pauseRefresh', people);
    sim.revokeKey(key);

    await rt.clock.advanceAsync(HOUR);
    const cards = async (viewer = rt) =>
      new Map((await viewer.callFromSidebar<RefreshView[]>('listRefreshes')).map((v) => [v.id, v]));
    const refused = `Paused: Assembled did not accept your API key. Set a valid key in ${SETTINGS}, then Resume.`;
    let mine = await cards();
    expect(mine.get(teams)).toMatchObject({ paused: true, pausedReason: refused });
    // Sites never ran: its card names the run its key was refused at, not one of its own.
    const atTeams = 'at the run of Teams, 2026-05-25 09:00 (it runs with the same key)';
    expect(mine.get(sites)).toMatchObject({
      paused: true,
      pausedReason: `Paused: Assembled did not accept your API key ${atTeams}. Set a valid key in ${SETTINGS}, then Resume.`,
    });
    // Paused by its owner: left so, not said to be for the key.
    expect(mine.get(people)).toMatchObject({ paused: true, pausedReason: '' });
    // Sam's runs with sam's key: untouched, and run.
    expect(mine.get(queues)).toMatchObject({ paused: false, lastRun: { status: 'done' } });
    expect((await cards(sam)).get(sites)).toMatchObject({
      pausedReason: `Paused: Assembled did not accept the API key of its owner, analyst@example.com, ${atTeams}; they need to set a valid key in ${SETTINGS} and resume it.`,
    });
    const theirs = 'Assembled did not accept the API key of its owner, analyst@example.com';
    const [head = [], ...rows] = rt.workbook.values('Assembled log');
    const col = (name: string) => head.indexOf(name);
    expect(
      rows
        .filter((r) => r[col('Who')] === 'analyst@example.com')
        .map((r) => [r[col('What')], r[col('Status')], r[col('Message')]]),
    ).toEqual([
      [expect.stringMatching(/Teams/), 'failed', `${theirs}.`],
      [expect.stringMatching(/Teams/), 'paused', `Paused as its run failed: ${theirs}.`],
      [expect.stringMatching(/Sites/), 'paused', `Paused before its next run: ${theirs}, ${atTeams}.`],
    ]);
    // E-mailed, as the sites' owner asked for e-mail of it.
    const told = () => rt.mail.filter((m) => m.to === 'analyst@example.com');
    expect(told()).toHaveLength(1);
    expect(told()[0]?.body.split('\n')).toContain(
      'Your other refresh here runs with the same key, so it is paused with this one: Sites, into the sheet "Sites". Resume it on its card too once a valid key is saved.',
    );

    // Past the sites' own time: nothing more runs, nor is e-mailed; sam's goes on.
    await rt.clock.advanceAsync(7 * HOUR);
    expect(told()).toHaveLength(1);
    mine = await cards();
    expect(mine.get(sites)).toMatchObject({ paused: true, lastRun: null });
    expect(mine.get(queues)).toMatchObject({ paused: false, lastRun: { status: 'done' } });
    expect(mine.get(queues)?.ranAt).toBeGreaterThan(rt.clock.now() - HOUR);

    // A working key saved: Settings counts both, and Resume runs each again.
    sim.issueKey(key);
    const saved = await rt.callFromSidebar<{ pausedForKey?: number }>('saveSettings', settings(key));
    expect(saved.pausedForKey).toBe(2);
    // Only Resume is left: said of the run of Teams still, not of a run Sites never had ("then").
    expect((await cards()).get(sites)).toMatchObject({
      pausedReason: `Paused: Assembled did not accept your API key ${atTeams}. A key is saved now: Resume to run it again.`,
    });
    for (const id of [teams, sites]) {
      const resumed = (await rt.callFromSidebar<RefreshView[]>('resumeRefresh', id)).find((v) => v.id === id);
      expect(resumed).toMatchObject({ paused: false, pausedReason: '' });
    }
    await rt.clock.advanceAsync(HOUR);
    expect((await cards()).get(teams)?.lastRun?.status).toBe('done');
    expect(told()).toHaveLength(1);
  });

  it('says its own run once one paused with another is refused at a run of its own', async () => {
    const { rt, sim, key, backend } = await startLocalAddon({ dialect: 'live' });
    await hourlyTeams(rt, 'keyall-own-teams');
    rt.workbook.addSheet('Sites');
    await saveListRefresh(rt, {
      resource: 'sites',
      sheet: 'Sites',
      frequency: { kind: 'daily', hour: 14 },
      key: 'keyall-own-sites',
    });
    const sites = (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[1]?.id ?? '';
    sim.revokeKey(key);
    await rt.clock.advanceAsync(HOUR);
    const card = async () =>
      (await rt.callFromSidebar<RefreshView[]>('listRefreshes')).find((v) => v.id === sites);
    expect((await card())?.pausedReason).toMatch(/at the run of Teams/);

    // A key saved, refused at Sites' own Run now: that run is why now, as for any refresh.
    await rt.callFromSidebar('saveSettings', {
      apiKey: 'sk_live_test_never_issued_keyall',
      timeFormat: backend.timeFormat,
      apiVersion: '',
    });
    await rt.clock.advanceAsync(60_000);
    await rt.callFromSidebar('runRefreshNow', sites);
    for (let i = 0; i < 20 && (await card())?.running; i++) {
      await rt.clock.advanceAsync(60_000);
      await rt.callFromSidebar('pollRefresh', sites);
    }
    expect(await card()).toMatchObject({
      paused: true,
      running: false,
      lastRun: { status: 'failed' },
      pausedReason: `Paused: Assembled did not accept your API key. Set a valid key in ${SETTINGS}, then Resume.`,
    });
  });

  it('offers Run now on Resume of the refresh whose run was refused, as for a run missed while paused', async () => {
    const { rt, sim, key, backend } = await startLocalAddon({ dialect: 'live' });
    rt.workbook.addSheet('Teams');
    await saveListRefresh(rt, {
      resource: 'teams',
      sheet: 'Teams',
      frequency: { kind: 'daily', hour: 9 },
      key: 'keyall-resume-teams',
    });
    const teams = (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0]?.id ?? '';
    sim.revokeKey(key);
    await rt.clock.advanceAsync(HOUR);
    sim.issueKey(key);
    await rt.callFromSidebar('saveSettings', { apiKey: key, timeFormat: backend.timeFormat, apiVersion: '' });
    // Its 09:00 run brought nothing: the sheet is as far behind as after a run missed while paused.
    const resumed = (await rt.callFromSidebar<RefreshView[]>('resumeRefresh', teams)).find(
      (v) => v.id === teams,
    );
    expect(resumed).toMatchObject({
      paused: false,
      runNow: true,
      missed:
        'Its last run, due 2026-05-25 09:00, failed. Run now to bring it up to date, or it next runs 2026-05-26 09:00.',
    });
  });

  it('leaves one of theirs whose run is under way to that run, which tells of itself in the same e-mail', async () => {
    const { rt, sim, key } = await startLocalAddon({ dialect: 'live' });
    await hourlyTeams(rt, 'keyall-busy-teams');
    await dailySites(rt, 'keyall-busy-sites');
    const [teams, sites] = (await rt.callFromSidebar<RefreshView[]>('listRefreshes')).map((v) => v.id);
    // The sites' Run now waits for its next try, Assembled down; its key is refused by then.
    sim.setFaults({ force5xx: 1_000_000 });
    await rt.callFromSidebar('runRefreshNow', sites);
    sim.setFaults({});
    sim.revokeKey(key);

    await rt.clock.advanceAsync(HOUR);
    const [head = [], ...rows] = rt.workbook.values('Assembled log');
    const theirs = 'Assembled did not accept the API key of its owner, analyst@example.com';
    expect(
      rows.map((r) => [r[head.indexOf('What')], r[head.indexOf('Status')], r[head.indexOf('Message')]]),
    ).toEqual([
      ['Run now: Sites (Replace)', 'retrying', expect.stringMatching(/^Attempt 1 failed/)],
      ['Run now: Sites (Replace)', 'failed', `${theirs}.`],
      ['Scheduled: Teams (Replace)', 'failed', `${theirs}.`],
      ['Scheduled: Teams (Replace)', 'paused', `Paused as its run failed: ${theirs}.`],
      ['Scheduled: Sites (Replace)', 'paused', `Paused as its run failed: ${theirs}.`],
    ]);
    const cards = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(cards.map((c) => [c.id, c.paused, c.lastRun?.status])).toEqual([
      [teams, true, 'failed'],
      [sites, true, 'failed'],
    ]);
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0]?.subject).toBe('2 Assembled scheduled refreshes of yours failed: Teams; Sites');
    expect(rt.mail[0]?.body).not.toMatch(/paused with this one/);
  });
});
