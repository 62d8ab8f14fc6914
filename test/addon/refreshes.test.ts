import { describe, expect, it } from 'vitest';
import { stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import { SHEET_BACK } from '../../src/core/schedule/failure-mail';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const reportSpec = (sheet: string, mode = 'replace') => ({
  source: { kind: 'report', report: 'handle_time', granularity: 'day' },
  range: { kind: 'relative', preset: 'last_week' },
  target: { kind: 'new_sheet', name: sheet },
  mode,
});

async function save(
  rt: LocalRuntime,
  spec: object,
  frequency: object,
  id = 'refresh-000001',
  notifyByEmail = false,
) {
  return rt.callFromSidebar<RefreshView[]>('saveRefresh', { spec, frequency, notifyByEmail }, id);
}

/** The local times of the runs in the log, in the spreadsheet's zone, with what they pulled. */
function loggedRuns(rt: LocalRuntime): string[] {
  if (!rt.workbook.sheetNames().includes('Assembled log')) return [];
  return rt.workbook
    .displayValues('Assembled log')
    .slice(1)
    .map((r) => `${r[0]} ${r[2]} ${r[4]}`);
}

describe.each([
  ['America/New_York', '2026-03-01T12:00:00Z', ['UTC−5', 'UTC−4', 'UTC−4']],
  ['Europe/London', '2026-03-15T12:00:00Z', ['UTC', 'UTC', 'UTC+1']],
])('scheduled refreshes in %s', (timezone, now, offsets) => {
  it('a weekly Monday 07:00 refresh fires at 07:00 local each week across the DST change, pulling the week just ended', async () => {
    const { rt } = await startLocalAddon({ timezone, now, mode: 'bound' });
    rt.workbook.addSheet('AHT');
    await save(
      rt,
      { ...reportSpec('AHT'), target: { kind: 'sheet', name: 'AHT' } },
      { kind: 'weekly', weekdays: [1], hour: 7 },
    );
    await rt.clock.advanceAsync(15 * DAY);
    const runs = loggedRuns(rt);
    // Three Mondays fall in the 15 days after the start, on both sides of the DST change.
    expect(runs).toHaveLength(3);
    for (const run of runs) {
      // An hourly tick starts the run; the report job then ticks every minute until it is written.
      expect(run).toMatch(
        /^\d{4}-\d\d-\d\d 07:[0-5]\d:\d\d UTC\S* Scheduled: Handle time report \(day\) \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(Replace\) done$/,
      );
    }
    // Each run's When names the offset from UTC it was written in, before and after the change.
    expect(runs.map((run) => run.split(' ')[2])).toEqual(offsets);
    const first = runs[0]?.split(' ') ?? [];
    const [from, to] = [first[8], first[10]];
    expect(new Date(`${from}T12:00:00Z`).getUTCDay()).toBe(1);
    expect(new Date(`${to}T12:00:00Z`).getUTCDay()).toBe(0);
    expect(rt.triggers()).toHaveLength(1);
  });
});

describe('scheduled refreshes', () => {
  it('says a weekly refresh with no weekday in words, with no field path', async () => {
    const { rt } = await startLocalAddon({ mode: 'bound' });
    await expect(save(rt, reportSpec('AHT'), { kind: 'weekly', weekdays: [], hour: 7 })).rejects.toThrow(
      /^Choose at least one weekday for a weekly refresh\.$/,
    );
  });

  it('a refresh saved after a pull into a new sheet writes into that sheet ever after; one trigger for many refreshes', async () => {
    const { rt } = await startLocalAddon({ mode: 'bound' });
    await rt.callFromSidebar('startPull', reportSpec('Weekly AHT'), 'pull-000000001');
    // The sidebar offers a refresh once the pull has written its sheet.
    rt.clock.advance(5 * 60_000);
    await save(rt, reportSpec('Weekly AHT'), { kind: 'daily', hour: 6 }, 'refresh-000000');
    // A second refresh into the same place would write over the first's table: refused.
    await expect(
      save(rt, reportSpec('Weekly AHT', 'append'), { kind: 'daily', hour: 7 }, 'refresh-000009'),
    ).rejects.toThrow(
      '"Weekly AHT" is already refreshed daily at 06:00 America/New_York by you, and two refreshes into one place would write over each other. Rather than add a second, change that refresh in Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes…',
    );
    // Below it on the same sheet, and on other sheets, are other places.
    const below = { ...reportSpec('Weekly AHT'), target: { kind: 'cell', sheet: 'Weekly AHT', a1: 'A500' } };
    await save(rt, below, { kind: 'daily', hour: 7 }, 'refresh-000001');
    rt.workbook.addSheet('Other');
    await save(
      rt,
      { ...reportSpec('Other'), filters: { team_ids: ['team-1'] }, filterNames: { team_ids: ['Tier 2'] } },
      { kind: 'daily', hour: 8 },
      'refresh-000002',
    );
    const list = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(list.map((r) => r.target)).toEqual(['Weekly AHT', "'Weekly AHT'!A500", 'Other']);
    // Refreshes of one report read apart by their filters.
    expect(list.map((r) => r.what)).toEqual([
      'Handle time report (day), last week',
      'Handle time report (day), last week',
      'Handle time report (day), last week, filtered: team "Tier 2"',
    ]);
    // Moving a refresh into a place that has one is refused too.
    const other = list[2] as RefreshView;
    const moved = { spec: reportSpec('Weekly AHT'), frequency: other.frequency, notifyByEmail: false };
    await expect(rt.callFromSidebar('saveRefresh', moved, other.id)).rejects.toThrow(/already refreshed/);
    // Two saved into one place before the check: each can still be edited where it is.
    const key = `assembled.refresh.${other.id}`;
    const record = JSON.parse(rt.properties.document.get(key) ?? '{}');
    const first = JSON.parse(rt.properties.document.get(`assembled.refresh.${list[0]?.id}`) ?? '{}');
    rt.properties.document.set(key, JSON.stringify({ ...record, spec: first.spec, sheetId: first.sheetId }));
    const edit = { spec: first.spec, frequency: { kind: 'daily', hour: 9 }, notifyByEmail: false };
    const edited = await rt.callFromSidebar<RefreshView[]>('saveRefresh', edit, other.id);
    expect(edited.find((r) => r.id === other.id)?.frequencyLabel).toBe('Daily at 09:00 America/New_York');
    expect(list[0]).toMatchObject({
      frequencyLabel: 'Daily at 06:00 America/New_York',
      nextRun: '2026-05-26 06:00',
      mine: true,
    });
    await rt.clock.advanceAsync(2 * DAY);
    expect(rt.triggers()).toHaveLength(1);
    expect(rt.workbook.sheetNames().filter((n) => n.startsWith('Weekly AHT'))).toEqual(['Weekly AHT']);
  });

  it("a pull names the ids it is filtered by, as the sidebar listed them, in the log, the header's note and the sidebar's progress", async () => {
    const { rt, sim } = await startLocalAddon({ mode: 'bound' });
    const team = sim.admin.org.teams[0]?.id ?? '';
    const filtered = {
      ...reportSpec('Tier 2 AHT'),
      filters: { team_ids: [team] },
      filterNames: { team_ids: ['Tier 2'] },
    };
    const started = await rt.callFromSidebar<JobView>('startPull', filtered, 'pull-000000001');
    await rt.clock.advanceAsync(5 * 60_000);
    expect(loggedRuns(rt).at(-1)).toMatch(/, filtered: team "Tier 2" done$/);
    // The progress panel's What says it as the log does, from the start to Done.
    const what = /^Handle time report \(day\), 2026-\d\d-\d\d to 2026-\d\d-\d\d, filtered: team "Tier 2"$/;
    expect(started.what).toMatch(what);
    expect(await rt.callFromSidebar<JobView>('pollPull', started.id)).toMatchObject({
      state: 'done',
      what: expect.stringMatching(what),
    });
    expect(rt.workbook.notes('Tier 2 AHT')[0]?.[0]).toContain(`Filters: team "Tier 2" (${team})`);
    // More names than a note says are not kept: the shared store holds the first 50 of a list.
    const many = { ...filtered, filterNames: { team_ids: Array.from({ length: 51 }, (_, i) => `T${i}`) } };
    await expect(rt.callFromSidebar('startPull', many, 'pull-000000002')).rejects.toThrow();
  });

  it("a pull of more teams than a card names names each in the header's note, with its id", async () => {
    const { rt, sim } = await startLocalAddon({ mode: 'bound' });
    const teams = sim.admin.org.teams.slice(0, 4);
    expect(teams).toHaveLength(4);
    const four = {
      ...reportSpec('Four teams'),
      filters: { team_ids: teams.map((t) => t.id) },
      filterNames: { team_ids: teams.map((t) => t.name) },
    };
    const started = await rt.callFromSidebar<JobView>('startPull', four, 'pull-000000001');
    await rt.clock.advanceAsync(5 * 60_000);
    // The one-line words stay short: the progress panel and the log count them.
    expect(started.what).toMatch(/, filtered: 4 teams$/);
    expect(loggedRuns(rt).at(-1)).toMatch(/, filtered: 4 teams done$/);
    const names = teams.map((t) => `"${t.name}"`).join(', ');
    expect(rt.workbook.notes('Four teams')[0]?.[0]).toContain(
      `Filters: teams ${names} (${teams.map((t) => t.id).join(',')})`,
    );
    // A longer list is named as far as 50, then counted: the note stays a few KB.
    const ids = sim.admin.org.people.slice(0, 60).map((p) => p.agent_id);
    expect(ids).toHaveLength(60);
    const sixty = {
      ...reportSpec('Sixty agents'),
      filters: { agent_ids: ids },
      filterNames: { agent_ids: ids.slice(0, 50).map((id) => `Name of ${id}`) },
    };
    await rt.callFromSidebar<JobView>('startPull', sixty, 'pull-000000002');
    await rt.clock.advanceAsync(5 * 60_000);
    const note = rt.workbook.notes('Sixty agents')[0]?.[0];
    expect(note).toContain(`Filters: agents "Name of ${ids[0]}", "Name of ${ids[1]}", `);
    expect(note).toContain(`"Name of ${ids[49]}" and 10 more (${ids.join(',')})`);
  });

  it('a late trigger runs a missed refresh once, not once per missed period', async () => {
    const { rt } = await startLocalAddon({ mode: 'bound' });
    rt.workbook.addSheet('Teams');
    await save(
      rt,
      {
        source: { kind: 'resource', resource: 'teams' },
        target: { kind: 'sheet', name: 'Teams' },
        mode: 'replace',
      },
      { kind: 'hourly' },
    );
    // The clock jumps ten hours with no trigger firing (Google was late), then runs on.
    rt.clock.set(rt.clock.now() + 10 * HOUR);
    await rt.clock.advanceAsync(5 * 60_000);
    expect(loggedRuns(rt)).toHaveLength(1);
  });

  it('a failing refresh logs the failure, e-mails its owner, pauses naming them, and does not blank the sheet', async () => {
    const { rt, sim, key } = await startLocalAddon({ mode: 'bound' });
    rt.workbook.write('Teams', [
      ['id', 'name'],
      ['t1', 'Tier 1'],
    ]);
    await save(
      rt,
      {
        source: { kind: 'resource', resource: 'teams' },
        target: { kind: 'sheet', name: 'Teams' },
        mode: 'replace',
      },
      { kind: 'hourly' },
      'refresh-000009',
      true,
    );
    sim.revokeKey(key);
    await rt.clock.advanceAsync(3 * HOUR);
    expect(rt.workbook.values('Teams')).toEqual([
      ['id', 'name'],
      ['t1', 'Tier 1'],
    ]);
    // The run that failed, then the pause it made: the log's runs of it stop there.
    expect(loggedRuns(rt)).toEqual([
      expect.stringMatching(/ Scheduled: Teams \(Replace\) failed$/),
      expect.stringMatching(/ Teams \(Replace\) paused$/),
    ]);
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0]).toMatchObject({
      to: 'analyst@example.com',
      subject: expect.stringMatching(/refresh of yours failed/),
    });
    expect(rt.mail[0]?.body).not.toContain(key);
    // Its reader is the owner: the e-mail speaks to them, and says where Resume is, read far from it.
    expect(rt.mail[0]?.body).toMatch(
      /^Paused: Assembled did not accept your API key\. Set a valid key in .*Settings…, then Resume on its card in .*Scheduled refreshes…\.$/m,
    );
    // Where that card is, said there once: not again at the e-mail's foot.
    expect(
      rt.mail[0]?.body.split('Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes…'),
    ).toHaveLength(2);
    // Paused for the key, it has no next run until resumed: said once, by that line.
    expect(rt.mail[0]?.body).not.toMatch(/It is paused|runs again/);
    // Paused, it does not go on failing: no word of further e-mails.
    expect(rt.mail[0]?.body).not.toMatch(/once a day/);
    const [view] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(view).toMatchObject({ paused: true, lastRun: { status: 'failed' } });
    // To its owner the card speaks to them; to another editor it names the owner.
    expect(view?.pausedReason).toMatch(
      /^Paused: Assembled did not accept your API key\. Set a valid key in .*Settings…, then Resume\.$/,
    );
    const [seen] = await rt.asUser('editor@example.com').callFromSidebar<RefreshView[]>('listRefreshes');
    expect(seen?.pausedReason).toMatch(
      /^Paused: Assembled did not accept the API key of its owner, analyst@example\.com; they need to set a valid key in .*Settings… and resume it\.$/,
    );
  });

  it('an hourly refresh failing run after run e-mails its owner when it starts failing, then about once a day', async () => {
    const { rt, sim } = await startLocalAddon({ mode: 'bound' });
    rt.workbook.addSheet('Teams');
    await save(
      rt,
      {
        source: { kind: 'resource', resource: 'teams' },
        target: { kind: 'sheet', name: 'Teams' },
        mode: 'replace',
      },
      { kind: 'hourly' },
      'refresh-000010',
      true,
    );
    await rt.clock.advanceAsync(2 * HOUR);
    const failed = () => loggedRuns(rt).filter((r) => r.endsWith(' failed')).length;
    expect(failed()).toBe(0);
    // Assembled is down for a day and a half: every hourly run fails.
    sim.setFaults({ errorRate: 1 });
    await rt.clock.advanceAsync(12 * HOUR);
    expect(failed()).toBeGreaterThan(3);
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0]?.body).not.toMatch(/failed every run since/);
    expect(rt.mail[0]?.body).toMatch(
      /^If it goes on failing, this e-mail comes at most once a day, not for every run; but if it finds its API key refused or removed, or its sheet deleted, it is paused, and an e-mail says so at once\.$/m,
    );
    await rt.clock.advanceAsync(24 * HOUR);
    expect(rt.mail).toHaveLength(2);
    expect(rt.mail[1]?.body).toMatch(
      /^It has failed every run since the one due 2026-05-2\d \d\d:\d\d \(America\/New_York\); while it goes on failing, this e-mail comes at most once a day, but if it finds its API key refused or removed, or its sheet deleted, it is paused, and an e-mail says so at once\.$/m,
    );
    // Back, then down again: a new row of failures, told at once.
    sim.setFaults({});
    await rt.clock.advanceAsync(2 * HOUR);
    sim.setFaults({ errorRate: 1 });
    await rt.clock.advanceAsync(4 * HOUR);
    expect(rt.mail).toHaveLength(3);
    expect(rt.mail[2]?.body).not.toMatch(/failed every run since/);
  });

  it('a pull of other data into the place a refresh writes is refused; the same data may be pulled there again', async () => {
    const { rt } = await startLocalAddon({ mode: 'bound' });
    rt.workbook.addSheet('Sites');
    const sites = {
      source: { kind: 'resource', resource: 'sites' },
      target: { kind: 'sheet', name: 'Sites' },
      mode: 'replace',
    };
    await save(rt, sites, { kind: 'daily', hour: 7 });
    // "New sheet" with its name in another case names that sheet too.
    const queues = {
      ...sites,
      source: { kind: 'resource', resource: 'queues' },
      target: { kind: 'new_sheet', name: 'sites' },
    };
    await expect(rt.callFromSidebar('startPull', queues, 'pull-other-0001')).rejects.toThrow(
      /^"Sites" is refreshed daily at 07:00 America\/New_York by .* with Sites: Queues pulled there would be replaced at its next run\. Pull into another sheet, or change or delete that refresh in .*Scheduled refreshes…$/,
    );
    expect(rt.workbook.values('Sites')).toEqual([]);
    await expect(rt.callFromSidebar('startPull', sites, 'pull-same-0001')).resolves.toMatchObject({
      state: expect.any(String),
    });
    // Another sheet, or another cell of this one, is free.
    await expect(
      rt.callFromSidebar(
        'startPull',
        { ...queues, target: { kind: 'cell', sheet: 'Sites', a1: 'H1' } },
        'pull-other-0002',
      ),
    ).resolves.toMatchObject({ state: expect.any(String) });
  });

  it('an append or merge into the place a Replace refresh writes is refused, naming the refresh; a replace of the same data is not', async () => {
    const { rt, sim } = await startLocalAddon({ mode: 'bound' });
    rt.workbook.addSheet('Adherence wk');
    const weekly = {
      source: { kind: 'report', report: 'adherence', granularity: 'day' },
      range: { kind: 'relative', preset: 'last_week' },
      target: { kind: 'sheet', name: 'Adherence wk' },
      mode: 'replace',
    };
    await save(rt, weekly, { kind: 'weekly', weekdays: [1], hour: 7 });
    const asked = () => sim.stats().byRoute['POST /v0/reports/adherence'] ?? 0;
    const before = asked();
    const older = { ...weekly, range: { kind: 'absolute', from: '2026-05-04', to: '2026-05-10' } };
    for (const [mode, done] of [
      ['append', 'appended'],
      ['merge', 'merged'],
    ] as const)
      await expect(rt.callFromSidebar('startPull', { ...older, mode }, `pull-${mode}-0001`)).rejects.toThrow(
        new RegExp(
          `^"Adherence wk" is refreshed weekly on Mon at 07:00 America/New_York by .*, replacing its table: rows ${done} there would be gone at its next run\\. Pull into another sheet, or change that refresh to append or merge in .*Scheduled refreshes…$`,
        ),
      );
    expect(asked()).toBe(before);
    expect(rt.workbook.values('Adherence wk')).toEqual([]);
    await expect(rt.callFromSidebar('startPull', older, 'pull-replace-0001')).resolves.toMatchObject({
      state: expect.any(String),
    });
  });

  it('deleting the target sheet pauses its refresh with a clear reason', async () => {
    const { rt } = await startLocalAddon({ mode: 'bound' });
    rt.workbook.addSheet('Sites');
    await save(
      rt,
      {
        source: { kind: 'resource', resource: 'sites' },
        target: { kind: 'sheet', name: 'Sites' },
        mode: 'replace',
      },
      { kind: 'hourly' },
    );
    // Renamed, the card names it as its tab does at once, before any run.
    rt.workbook.renameSheet('Sites', 'Our sites');
    expect((await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0]?.target).toBe('Our sites');
    await rt.clock.advanceAsync(HOUR);
    // And so does the log's Target of the run after.
    const [head = [], ...logged] = rt.workbook.values('Assembled log');
    expect(logged.map((r) => r[head.indexOf('Target')])).toEqual(['Our sites']);
    rt.workbook.deleteSheet('Our sites');
    await rt.clock.advanceAsync(2 * HOUR);
    const [view] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    const reason =
      'its sheet "Our sites" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Then Resume on this card. Or point it at another sheet: delete this refresh, then pull into that sheet and save a refresh there.';
    expect(view?.pausedReason).toBe(`Paused: ${reason}`);
    const runs = loggedRuns(rt).length;
    // Resume and Run now say it cannot run, rather than seem to work, in its card's words: Resume
    // comes with the sheet, not pressed again now.
    const now =
      'its sheet "Our sites" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Once it is back, this card offers Resume. Or point it at another sheet: delete this refresh, then pull into that sheet and save a refresh there.';
    expect(view?.targetGone).toBe(`It cannot run: ${now}`);
    await expect(rt.callFromSidebar('resumeRefresh', view?.id)).rejects.toThrow(`It cannot run: ${now}`);
    await expect(rt.callFromSidebar('runRefreshNow', view?.id)).rejects.toThrow(`Nothing was run: ${now}`);
    expect((await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0]?.paused).toBe(true);
    expect(loggedRuns(rt)).toHaveLength(runs);
  });

  it("a sheet renamed during a run is called by its new name in that run's log rows; the rows before keep the old", async () => {
    // The report takes 10 minutes to build: the run outlives the tick that started it.
    const { rt, sim } = await startLocalAddon({ now: '2026-05-25T09:10:00Z', reportDelayMs: 10 * 60_000 });
    rt.workbook.addSheet('AHT');
    const [saved] = await save(
      rt,
      { ...reportSpec('AHT'), target: { kind: 'sheet', name: 'AHT' } },
      { kind: 'daily', hour: 7 },
    );
    const logged = () =>
      rt.workbook.sheetNames().includes('Assembled log') ? rt.workbook.values('Assembled log') : [];
    await rt.callFromSidebar('runRefreshNow', saved?.id);
    await stepUntil(rt, () => logged().length === 2, 2 * HOUR);
    await rt.callFromSidebar('runRefreshNow', saved?.id);
    rt.workbook.renameSheet('AHT', 'AHT (team)');
    await stepUntil(rt, () => logged().length === 3, 2 * HOUR);
    // And an attempt that fails after a rename, before anything is written.
    await rt.callFromSidebar('runRefreshNow', saved?.id);
    rt.workbook.renameSheet('AHT (team)', 'AHT (team B)');
    sim.setFaults({ force5xx: 100 });
    await stepUntil(rt, () => logged().length === 4, 2 * HOUR);
    const [head = [], ...rows] = logged();
    const column = (name: string) => rows.map((r) => r[head.indexOf(name)]);
    expect(column('Status')).toEqual(['done', 'done', 'retrying']);
    expect(column('Target')).toEqual(['AHT', 'AHT (team)', 'AHT (team B)']);
    // Its sheet's name ends there, quoted as a formula quotes it; the run due 07:00 meanwhile, not
    // started, is said after it.
    expect(column('Message')[1]).toMatch(/ rows written to 'AHT \(team\)'!A1\.( |$)/);
  });

  it('a sheet deleted before a run pauses its refresh, e-mails the owner who asked, once, and logs it', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const spec = {
      source: { kind: 'resource', resource: 'time_off_requests' },
      range: { kind: 'relative', preset: 'this_week' },
      target: { kind: 'new_sheet', name: 'Time off' },
      mode: 'replace',
    };
    await rt.callFromSidebar('startPull', spec, 'pull-timeoff-01');
    await rt.clock.advanceAsync(5 * 60_000);
    await save(rt, spec, { kind: 'hourly' }, 'refresh-timeoff-1', true);
    const pulled = loggedRuns(rt).length;
    rt.workbook.deleteSheet('Time off');
    // Another editor's trigger runs their own work only: the owner's refresh is theirs to run.
    const sam = rt.asUser('sam@example.com');
    await rt.clock.advanceAsync(HOUR);
    const reason =
      'its sheet "Time off" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Then Resume on this card. Or point it at another sheet: delete this refresh, then pull into that sheet and save a refresh there.';
    expect(rt.mail.map((m) => m.to)).toEqual(['analyst@example.com']);
    expect(rt.mail[0]?.subject).toBe(
      'An Assembled scheduled refresh of yours cannot run: Time-off requests, this week',
    );
    // What the sheet held went with it; who deleted it is not known, so no one is named.
    expect(rt.mail[0]?.body).toContain(
      `\nPaused: its sheet "Time off" was deleted.\nThe rows the sheet "Time off" held went with it.\n${SHEET_BACK}\n\nOpen the spreadsheet`,
    );
    // Not "runs again once resumed" nor "Run now": neither runs into a deleted sheet.
    expect(rt.mail[0]?.body).not.toMatch(/once resumed|Run now/);
    expect(loggedRuns(rt).slice(pulled)).toEqual([
      expect.stringMatching(/ Scheduled: Time-off requests \(Replace\) paused$/),
    ]);
    const [head = [], ...rows] = rt.workbook.values('Assembled log');
    // The log says what happened, and only that: what to do is said once, by the card's reason
    // line, to its viewer (Sam is told whom to ask to resume it, and whose refresh Remove ends). Nothing ran: no last run.
    const happened = 'Paused before its next run: its sheet "Time off" was deleted.';
    expect(rows.at(-1)?.[head.indexOf('Message')]).toBe(happened);
    const todo = {
      [rt.user]:
        'It cannot run: its sheet "Time off" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Once it is back, this card offers Resume. Or point it at another sheet: delete this refresh, then pull into that sheet and save a refresh there.',
      'sam@example.com':
        'It cannot run: its sheet "Time off" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Once it is back, ask analyst@example.com to resume it. Remove only if no one needs it any more: it belongs to analyst@example.com, and only they can save it again.',
    };
    for (const viewer of [rt, sam]) {
      const [card] = await viewer.callFromSidebar<RefreshView[]>('listRefreshes');
      expect(card).toMatchObject({
        paused: true,
        // Its owner's ways back are theirs alone to take: Sam's card says what befell it.
        pausedReason: viewer === rt ? `Paused: ${reason}` : 'Paused: its sheet "Time off" was deleted.',
        targetGone: todo[viewer.user],
        lastRun: null,
      });
    }
    // Paused, it is not run again: no e-mail or row every hour.
    await rt.clock.advanceAsync(3 * HOUR);
    expect(rt.mail).toHaveLength(1);
    expect(loggedRuns(rt)).toHaveLength(pulled + 1);
  });

  it('after Remove key in another spreadsheet, a refresh says everywhere that no key is saved for its owner, and its run is logged', async () => {
    const { rt, key } = await startLocalAddon({ dialect: 'live' });
    rt.workbook.addSheet('Teams');
    const spec = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'sheet', name: 'Teams' },
      mode: 'replace',
    };
    const [saved] = await save(rt, spec, { kind: 'hourly' }, 'refresh-nokey-01', true);
    await rt.clock.advanceAsync(HOUR);
    expect(loggedRuns(rt)).toHaveLength(1);
    // Removed here, it would pause the refresh at once (refresh-no-key.test.ts).
    await rt.newSpreadsheet().callFromSidebar('clearApiKey');
    await rt.clock.advanceAsync(HOUR);
    const settings = 'Extensions ▸ Assembled for Google Sheets ▸ Settings…';
    const ran = 'Its owner, analyst@example.com, had no Assembled API key saved.';
    const [head = [], ...rows] = rt.workbook.values('Assembled log');
    expect(rows.map((r) => [r[head.indexOf('Status')], r[head.indexOf('Message')]])).toEqual([
      ['done', expect.any(String)],
      ['failed', ran],
      [
        'paused',
        'Paused as its run failed: its owner, analyst@example.com, had no Assembled API key saved when it ran.',
      ],
    ]);
    // The owner's card speaks to them, its Last run as its reason line does.
    const toYou = `Paused: no Assembled API key is saved for you. Save one in ${settings}, then Resume.`;
    const [mine] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(mine).toMatchObject({
      paused: true,
      pausedReason: toYou,
      lastRun: { status: 'failed', message: 'No Assembled API key was saved for you.' },
    });
    // Another editor's names the owner, in both.
    const pausedReason = `Paused: its owner, analyst@example.com, had no Assembled API key saved when it ran; they need to save one in ${settings} and resume it.`;
    const [theirs] = await rt.asUser('sam@example.com').callFromSidebar<RefreshView[]>('listRefreshes');
    expect(theirs).toMatchObject({ pausedReason, lastRun: { message: ran } });
    // The e-mail goes to the owner alone, and speaks to them.
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0]?.to).toBe('analyst@example.com');
    // Read far from the card, it says where Resume is.
    const onItsCard = ' on its card in Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes….';
    expect(rt.mail[0]?.body).toContain(`\n${toYou.replace(/\.$/, onItsCard)}\n`);
    expect(rt.mail[0]?.body).not.toMatch(/its owner/i);
    // The sheet's note is any editor's to read: it names the owner.
    expect(rt.workbook.notes('Teams')[0]?.[0]).toContain(`: ${pausedReason} The rows were last`);
    for (const text of [rt.mail[0]?.body, rt.workbook.notes('Teams')[0]?.[0], JSON.stringify([mine, theirs])])
      expect(text).not.toMatch(/did not accept|set for you/);
    // Saved again and resumed, it runs.
    await rt.callFromSidebar('saveSettings', { apiKey: key, timeFormat: 'unix', apiVersion: '' });
    await rt.callFromSidebar('resumeRefresh', saved?.id);
    await rt.clock.advanceAsync(HOUR);
    expect(loggedRuns(rt).at(-1)).toMatch(/ done$/);
  });

  it('other editors see refreshes but cannot run them; the owner can pause, resume, run now and delete', async () => {
    const { rt } = await startLocalAddon({ mode: 'bound' });
    rt.workbook.addSheet('Queues');
    const spec = {
      source: { kind: 'resource', resource: 'queues' },
      target: { kind: 'sheet', name: 'Queues' },
      mode: 'replace',
    };
    const [saved] = await save(rt, spec, { kind: 'daily', hour: 9 }, 'refresh-000042');
    const id = saved?.id;
    const other = rt.asUser('editor@example.com');
    const seen = await other.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(seen[0]).toMatchObject({ owner: 'analyst@example.com', mine: false });
    await expect(other.callFromSidebar('runRefreshNow', id)).rejects.toThrow(
      /belongs to analyst@example.com/,
    );
    expect((await rt.callFromSidebar<RefreshView[]>('pauseRefresh', id))[0]?.paused).toBe(true);
    expect((await rt.callFromSidebar<RefreshView[]>('resumeRefresh', id))[0]?.paused).toBe(false);
    const ran = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id);
    expect(ran[0]?.lastRun?.status).toBe('done');
    // The log tells a run by hand from a scheduled one.
    expect(loggedRuns(rt).at(-1)).toMatch(/ Run now: Queues \(Replace\) done$/);
    expect(await rt.callFromSidebar<RefreshView[]>('deleteRefresh', id)).toEqual([]);
    await rt.clock.advanceAsync(2 * HOUR);
    expect(rt.triggers()).toHaveLength(0);
  });

  it('every 1 hour, which Every N hours once offered, is saved as Every hour: one way to say it', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.addSheet('AHT');
    const spec = { ...reportSpec('AHT'), target: { kind: 'sheet', name: 'AHT' } };
    const [view] = await save(rt, spec, { kind: 'every_hours', hours: 1 });
    expect(view).toMatchObject({ frequency: { kind: 'hourly' }, frequencyLabel: 'Every hour' });
  });
});

describe('Run now in a published add-on, whose trigger ticks only hourly', () => {
  it("the owner's open sidebar carries the run on and shows it written within a minute of the report; another editor's cannot", async () => {
    const { rt } = await startLocalAddon({ mode: 'addon', reportDelayMs: 35_000 });
    rt.workbook.addSheet('AHT');
    const spec = { ...reportSpec('AHT'), target: { kind: 'sheet', name: 'AHT' } };
    const [saved] = await save(rt, spec, { kind: 'monthly', day: 1, hour: 7 });
    const id = saved?.id as string;
    let [view] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id);
    // Its card offers Stop, not Run now, while the run is under way.
    expect(view).toMatchObject({ running: true, runNow: false });
    await expect(rt.asUser('editor@example.com').callFromSidebar('pollRefresh', id)).rejects.toThrow(
      /belongs to analyst@example.com/,
    );
    // The sidebar reads the list again every 3 s while a run of the caller's is under way.
    const started = rt.clock.now();
    for (let i = 0; i < 40 && view?.running; i++) {
      await rt.clock.advanceAsync(3_000);
      [view] = await rt.callFromSidebar<RefreshView[]>('pollRefresh', id);
    }
    expect(view?.lastRun).toMatchObject({ status: 'done' });
    expect(rt.clock.now() - started).toBeLessThan(60_000);
    expect(rt.workbook.values('AHT').length).toBeGreaterThan(1);
  });

  it('Run now pressed again while its run is under way starts no second run, and says so', async () => {
    const { rt } = await startLocalAddon({ mode: 'addon', reportDelayMs: 35_000 });
    rt.workbook.addSheet('AHT');
    const [saved] = await save(
      rt,
      { ...reportSpec('AHT'), target: { kind: 'sheet', name: 'AHT' } },
      {
        kind: 'monthly',
        day: 1,
        hour: 7,
      },
    );
    const id = saved?.id as string;
    let [view] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id);
    // Its card offers Stop, not Run now, while the run is under way.
    expect(view).toMatchObject({ running: true, runNow: false });
    // From another sidebar of theirs (a second tab), or a press the first has not answered yet.
    await expect(rt.callFromSidebar('runRefreshNow', id)).rejects.toThrow(
      'Nothing more was run: it is running now, and its card shows how that run ends.',
    );
    for (let i = 0; i < 40 && view?.running; i++) {
      await rt.clock.advanceAsync(3_000);
      [view] = await rt.callFromSidebar<RefreshView[]>('pollRefresh', id);
    }
    expect(view?.lastRun).toMatchObject({ status: 'done' });
    expect(loggedRuns(rt)).toEqual([
      expect.stringMatching(
        / Run now: Handle time report \(day\) 2026-05-18 to 2026-05-24 \(Replace\) done$/,
      ),
    ]);
  });
});
