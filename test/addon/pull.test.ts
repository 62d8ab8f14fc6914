import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { type LocalAddon, startLocalAddon } from '../../dev/local-addon';
import { RESOURCE_INFO, RESOURCES } from '../../src/core/pull/catalogue';
import type { JobView } from '../../src/core/pull/pull-view';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `test-key-${String(++keys).padStart(6, '0')}`;

const lastWeek = { kind: 'relative', preset: 'last_week' } as const;
/** Last week's adherence by day into a new sheet, replacing it: the plain report pull. */
const adherenceInto = (name: string) => ({
  source: { kind: 'report', report: 'adherence', granularity: 'day' },
  range: lastWeek,
  target: { kind: 'new_sheet', name },
  mode: 'replace',
});

function start(rt: LocalRuntime, spec: object): Promise<JobView> {
  return rt.callFromSidebar<JobView>('startPull', spec, key());
}

/** Teams into a new sheet named Teams, replacing it: the plainest resource pull. */
function startTeamsPull(rt: LocalRuntime): Promise<JobView> {
  return start(rt, {
    source: { kind: 'resource', resource: 'teams' },
    target: { kind: 'new_sheet', name: 'Teams' },
    mode: 'replace',
  });
}

/** What the open sidebar does: poll when told to, until the job is over. */
async function follow(rt: LocalRuntime, job: JobView): Promise<JobView> {
  let current = job;
  for (let i = 0; i < 100 && current.nextPollInMs > 0; i++) {
    await rt.clock.advanceAsync(current.nextPollInMs);
    current = await rt.callFromSidebar<JobView>('pollPull', current.id);
  }
  return current;
}

function logRows(rt: LocalRuntime): unknown[][] {
  return rt.workbook.values('Assembled log').slice(1);
}

describe.each(['seed', 'live'] as const)('Pull data, %s dialect', (dialect) => {
  it.each(['adherence', 'ticket_stats', 'handle_time'] as const)(
    'pulls the %s report into a new sheet',
    async (report) => {
      const { rt } = await startLocalAddon({ dialect });
      const job = await follow(
        rt,
        await start(rt, {
          source: { kind: 'report', report, granularity: 'day' },
          range: lastWeek,
          target: { kind: 'new_sheet', name: report },
          mode: 'replace',
        }),
      );
      expect(job).toMatchObject({ state: 'done', range: '2026-05-18 to 2026-05-24' });
      const values = rt.workbook.values(report);
      expect(values.length).toBe(job.rows + 1);
      // Headers read as words; the API field each holds is in the header note.
      expect(values[0]).toContain('Start');
      // Times are real dates, a day's shown as a date (day-rows.test.ts); numbers stay numbers.
      const at = (name: string) => (values[0] as string[]).indexOf(name);
      const formats = rt.workbook.numberFormats(report)[1] ?? [];
      expect(Object.prototype.toString.call(values[1]?.[at('Start')])).toBe('[object Date]');
      expect(formats[at('Start')]).toBe('yyyy-mm-dd');
      // Counts plain, durations [h]:mm:ss, percents as percents.
      const [count, duration, percent]: readonly [string | undefined, string, string | undefined] = {
        ticket_stats: ['Solved', 'Average handle time', undefined] as const,
        adherence: [undefined, 'Scheduled', 'Adherence'] as const,
        handle_time: ['Handled', 'Average handle time', undefined] as const,
      }[report];
      const shown = rt.workbook.displayValues(report);
      if (count)
        expect([typeof values[1]?.[at(count)], shown[1]?.[at(count)]]).toEqual([
          'number',
          expect.stringMatching(/^\d+$/),
        ]);
      expect(formats[at(duration)]).toBe('[h]:mm:ss');
      expect(shown[1]?.[at(duration)]).toMatch(/^\d+:\d\d:\d\d$/);
      if (percent) {
        expect(formats[at(percent)]).toBe('0.00%');
        expect(values.slice(1).every((r) => Number(r[at(percent)]) <= 1)).toBe(true);
      }
      expect(rt.workbook.frozenRows(report)).toBe(1);
      // Ids come with the names an analyst reads, beside them, looked up once per pull.
      const id = report === 'ticket_stats' ? 'Queue' : 'Agent';
      expect(at(`${id} name`)).toBe(at(`${id} ID`) + 1);
      expect(values.slice(1).every((r) => String(r[at(`${id} name`)]).length > 0)).toBe(true);
      // The run log and the report's sheet, made by polls after the press, are made behind the
      // sheet the user is in: Done offers the way there.
      expect(rt.workbook.activeSheet()).toBe('Sheet1');
      expect(job.sheet?.name).toBe(report);
      expect(rt.workbook.notes(report)[0]?.[0]).toMatch(
        /Source: Assembled .*\nRange: 2026-05-18 to 2026-05-24 \(America\/New_York\)/,
      );
      // Generated in the sheet's timezone and format; each header's API field listed.
      const note = rt.workbook.notes(report)[0]?.[0];
      expect(note).toMatch(/\nGenerated: 2026-05-25 08:\d\d:\d\d \(America\/New_York\) by /);
      expect(note).toContain(
        `\n${duration} = ${report === 'adherence' ? 'scheduled_seconds' : 'average_handle_seconds'}`,
      );
      expect(logRows(rt).at(-1)).toEqual(expect.arrayContaining(['done', job.rows]));
    },
  );

  // The schedule grid is a picture with two header rows, tested in schedule-grid.test.ts.
  it.each(RESOURCES.filter((r) => r !== 'schedule_grid'))('pulls %s', async (resource) => {
    const { rt } = await startLocalAddon({ dialect });
    const info = RESOURCE_INFO[resource];
    const job = await follow(
      rt,
      await start(rt, {
        source: { kind: 'resource', resource },
        ...(info.range === 'none' ? {} : { range: lastWeek }),
        // Without a priority order the live dialect demands one: the add-on supplies the people's platforms.
        filters: {},
        target: { kind: 'new_sheet', name: resource },
        mode: 'replace',
      }),
    );
    expect(job.message).not.toMatch(/fail|error/i);
    expect(job.state).toBe('done');
    // Counts read as people write them: 20,653 rows, not 20653.
    const unit = resource === 'coverage' ? 'intervals' : 'rows';
    // Coverage says where its chart is too (coverage.test.ts).
    expect(job.message?.replace(/; their chart is at [A-Z]+1\.$/, '.')).toBe(
      job.rows === 0
        ? `No rows: Assembled holds none for this range and these filters, so ${resource}!A1 shows "(no records)".`
        : `${job.rows.toLocaleString('en-US')} ${unit} written to ${resource}!A1.`,
    );
    expect(rt.workbook.values(resource).length).toBe(job.rows === 0 ? 1 : job.rows + 1);
  });
});

describe('Pull data', () => {
  it('says a merge or append that finds no rows found none and left the sheet as it was', async () => {
    const { rt } = await startLocalAddon();
    const acts = (range: object, mode: string, kind = 'sheet') => ({
      source: { kind: 'resource', resource: 'activities' },
      range,
      target: { kind, name: 'Acts' },
      mode,
    });
    await follow(rt, await start(rt, acts(lastWeek, 'replace', 'new_sheet')));
    const before = JSON.stringify(rt.workbook.values('Acts'));
    expect(rt.workbook.values('Acts').length).toBeGreaterThan(1);
    // A range Assembled holds no schedule for yet.
    const future = { kind: 'absolute', from: '2028-01-01', to: '2028-01-02' };
    for (const mode of ['merge', 'append']) {
      const job = await follow(rt, await start(rt, acts(future, mode)));
      expect(job.state).toBe('done');
      expect(job.message).toBe(
        'No rows: Assembled holds nothing yet for 2028-01-01 to 2028-01-02, which lies ahead: schedules may not be planned yet, so Acts!A1 was left as it was.',
      );
      expect(JSON.stringify(rt.workbook.values('Acts'))).toBe(before);
    }
  });

  // A refresh that appends, saved from a first pull that found nothing, wrote its table beside
  // "(no records)", from B1 on: formulas on its columns met them a column to the right.
  it('writes the first rows found over "(no records)", at A1, in every mode', async () => {
    const { rt } = await startLocalAddon();
    const future = { kind: 'absolute', from: '2028-01-01', to: '2028-01-02' };
    for (const mode of ['append', 'merge']) {
      const name = `Acts ${mode}`;
      const acts = (range: object, mode: string, kind = 'sheet') => ({
        source: { kind: 'resource', resource: 'activities' },
        range,
        target: { kind, name },
        mode,
      });
      await follow(rt, await start(rt, acts(future, 'replace', 'new_sheet')));
      expect(rt.workbook.values(name)).toEqual([['(no records)']]);
      const job = await follow(rt, await start(rt, acts(lastWeek, mode)));
      expect(job.message).toBe(`${job.rows.toLocaleString('en-US')} rows written to '${name}'!A1.`);
      const [header, ...rows] = rt.workbook.values(name);
      expect(header?.[0]).toBe('Occurrence ID');
      expect(header).not.toContain('(no records)');
      expect(rows).toHaveLength(job.rows);
    }
  });

  it("says a replace that finds no rows kept the table's header, whose note still lists its columns", async () => {
    const { rt } = await startLocalAddon();
    const acts = (range: object, kind = 'sheet') => ({
      source: { kind: 'resource', resource: 'activities' },
      range,
      target: { kind, name: 'Acts' },
      mode: 'replace',
    });
    await follow(rt, await start(rt, acts(lastWeek, 'new_sheet')));
    const header = rt.workbook.values('Acts')[0];
    const columns = (note: string) => note.split('Columns (header = API field):')[1] ?? '(no list)';
    const listed = columns(rt.workbook.notes('Acts')[0]?.[0] ?? '');
    expect(listed).toMatch(/^\n.+ = /);
    const job = await follow(
      rt,
      await start(rt, acts({ kind: 'absolute', from: '2028-01-01', to: '2028-01-02' })),
    );
    expect(job.message).toBe(
      "No rows: Assembled holds nothing yet for 2028-01-01 to 2028-01-02, which lies ahead: schedules may not be planned yet, so Acts!A1 keeps the table's header, with no rows under it.",
    );
    expect(rt.workbook.values('Acts')).toEqual([header]);
    const note = rt.workbook.notes('Acts')[0]?.[0] ?? '';
    expect(note).toContain('Range: 2028-01-01 to 2028-01-02');
    expect(columns(note)).toBe(listed);
  });

  // Copied into a formula, Handle time!A1 is an error: Sheets quotes such a name.
  it('names the cell its rows went to as a formula does, quoting a sheet name that is not a plain word', async () => {
    const { rt } = await startLocalAddon();
    for (const [name, cell] of [
      ['Team list', "'Team list'!A1"],
      ["Ana's teams", "'Ana''s teams'!A1"],
      ['Q1', "'Q1'!A1"],
      ['Teams_2027', 'Teams_2027!A1'],
    ]) {
      const job = await follow(
        rt,
        await start(rt, {
          source: { kind: 'resource', resource: 'teams' },
          target: { kind: 'new_sheet', name },
          mode: 'replace',
        }),
      );
      expect(job.message).toBe(`${job.rows} rows written to ${cell}.`);
      expect(logRows(rt).at(-1)).toContain(job.message);
    }
  });

  it('writes awkward names and ids as the literal text they are', async () => {
    const { rt } = await startLocalAddon();
    await follow(
      rt,
      await start(rt, {
        source: { kind: 'resource', resource: 'people' },
        target: { kind: 'new_sheet', name: 'People' },
        mode: 'replace',
      }),
    );
    const text = JSON.stringify(rt.workbook.values('People'));
    for (const literal of [
      '=IMPORTXML(\\"http://x\\",\\"//a\\")',
      '+1 555 0100',
      '@support',
      '"007"',
      '<img src=x onerror=alert(1)>',
    ]) {
      expect(text).toContain(literal);
    }
    expect(rt.workbook.formulas('People').flat().filter(Boolean)).toEqual([]);
  });

  it('finishes a report job through the dispatcher trigger after the sidebar closed, then removes the trigger', async () => {
    const { rt } = await startLocalAddon();
    const job = await start(rt, {
      source: { kind: 'report', report: 'handle_time', granularity: 'week' },
      range: lastWeek,
      target: { kind: 'new_sheet', name: 'AHT' },
      mode: 'replace',
    });
    expect(job.state).toBe('running');
    expect(rt.triggers()).toHaveLength(1);
    // Nobody polls: the add-on's hourly dispatcher does the rest.
    await rt.clock.advanceAsync(2 * 3_600_000);
    expect(rt.workbook.values('AHT').length).toBeGreaterThan(1);
    expect(rt.triggers()).toHaveLength(0);
    expect(rt.counters.triggers.created).toBe(1);
  });

  it('a failed report leaves the target sheet untouched and says why, in the sidebar and the log', async () => {
    const { rt, backend } = await startLocalAddon();
    // A table pulled there before: what the failed pull would have replaced.
    const teams = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'sheet', name: 'Sheet1' },
    };
    await pullToEnd(rt, { ...teams, mode: 'replace' }, key());
    const before = rt.workbook.values('Sheet1');
    expect(before.length).toBeGreaterThan(1);
    // Assembled fails the report: asked for a team it no longer knows (deleted as it was asked).
    rt.setHttp((request) =>
      backend.http(
        request.method === 'POST' && /\/v0\/reports\//.test(request.url)
          ? {
              ...request,
              body: JSON.stringify({ ...JSON.parse(request.body ?? '{}'), team_ids: ['t-gone'] }),
            }
          : request,
      ),
    );
    // Other data than the table's: Pull data asks first, and the person agreed (other-source.ts).
    const adherence = {
      source: { kind: 'report', report: 'adherence', granularity: 'interval' },
      range: { kind: 'absolute', from: '2025-01-01', to: '2025-01-15' },
      target: { kind: 'sheet', name: 'Sheet1' },
      mode: 'replace',
    };
    const job = await follow(
      rt,
      await rt.callFromSidebar<JobView>('startPull', adherence, key(), undefined, 'Teams'),
    );
    expect(job.state).toBe('failed');
    expect(job.message).toBe('Assembled could not generate the report: Unknown team_id t-gone.');
    expect(rt.workbook.values('Sheet1')).toEqual(before);
    expect(logRows(rt).at(-1)).toEqual(expect.arrayContaining(['failed', job.message]));
  });

  it('a report that never finishes is marked stalled with a message', async () => {
    const { rt } = await startLocalAddon({ simulator: { reportDelayMs: 6 * 3_600_000 } });
    const job = await follow(rt, await start(rt, adherenceInto('Slow')));
    expect(job.state).toBe('stalled');
    expect(job.message).toMatch(/had not finished the report after 45 minutes/);
  });

  it('a report started late, after Assembled was down, is given its own 45 minutes', async () => {
    const { rt, sim } = await startLocalAddon({ simulator: { reportDelayMs: 10 * 60_000 } });
    sim.setFaults({ errorRate: 1 });
    const first = await start(rt, adherenceInto('Late'));
    expect(first.state).toBe('queued');
    // Assembled is back an hour after the pull was asked for; the report then takes 10 minutes.
    await rt.clock.advanceAsync(60 * 60_000);
    sim.setFaults({});
    const job = await follow(rt, await rt.callFromSidebar<JobView>('pollPull', first.id));
    expect(job.message).not.toMatch(/had not finished/);
    expect(job.state).toBe('done');
  });

  it('logs a sidebar pull in one row however many tries it took: a pull given up counts them there, and times them, not the waits between', async () => {
    const { rt, sim } = await startLocalAddon();
    sim.setFaults({ force5xx: 1_000_000 });
    const logged = () => (rt.workbook.sheetNames().includes('Assembled log') ? logRows(rt) : []);
    // The sidebar's calls, each a try, timed on the clock: what the row's Duration adds up.
    let working = 0;
    const timed = async (call: () => Promise<JobView>) => {
      const from = rt.clock.now();
      const view = await call();
      working += rt.clock.now() - from;
      return view;
    };
    const pressed = rt.clock.now();
    let job = await timed(() => start(rt, adherenceInto('Adherence')));
    for (let i = 0; i < 100 && job.nextPollInMs > 0; i++) {
      await rt.clock.advanceAsync(job.nextPollInMs);
      job = await timed(() => rt.callFromSidebar<JobView>('pollPull', job.id));
    }
    expect(job.state).toBe('failed');
    // Its 6 tries were one pull: one row, how it ended, its tries counted in its message.
    const rows = logged();
    expect(rows.map((r) => r[4])).toEqual(['failed']);
    expect(job.message).toMatch(/The add-on gave up after 6 attempts\./);
    // Its Duration is the time its tries took, not the minutes of waits between them.
    expect(rt.clock.now() - pressed - working).toBeGreaterThan(120_000);
    // (A call's clock runs on a moment past the save that ends its try.)
    const seconds = Number(rows[0]?.[6]);
    expect(seconds).toBeLessThanOrEqual(working / 1000);
    expect(seconds).toBeGreaterThan(working / 1000 - 3);
    // The row says what the sidebar said, then the waits it left out: with them, its Duration is
    // the sidebar's Elapsed (5 min 41 s beside 139.5 s said nothing of the difference).
    const said = String(rows[0]?.[7]);
    expect(said.startsWith(`${job.message} Assembled failed for a while: the pull waited `)).toBe(true);
    const [, min = '0', sec = '0'] =
      /waited (?:(\d+) min )?(\d+) s between tries \(not in Duration\)\.$/.exec(said) ?? [];
    expect(Math.abs(seconds + Number(min) * 60 + Number(sec) - job.elapsedMs / 1000)).toBeLessThan(1.5);

    // A pull that gets past a failed try has its one row too, done.
    sim.setFaults({ errorRate: 1 });
    const first = await start(rt, adherenceInto('Adherence 2'));
    expect(first.stage).toBe('Waiting to try again');
    sim.setFaults({});
    expect(await follow(rt, first)).toMatchObject({ state: 'done' });
    expect(logged().map((r) => r[4])).toEqual(['failed', 'done']);
  });

  it("logs each try of a pull whose sidebar was closed, those its sidebar made first, then how it ended, in its owner's rows", async () => {
    const { rt, sim, backend } = await startLocalAddon();
    const sam = rt.asUser('sam@example.com');
    const samKey = 'sk_live_test_sam_closed_sidebar';
    sim.issueKey(samKey);
    await sam.callFromSidebar('saveSettings', {
      apiKey: samKey,
      timeFormat: backend.timeFormat,
      apiVersion: '',
    });
    sim.setFaults({ force5xx: 1_000_000 });
    // The analyst's attempts 1 and 2 are their sidebar's (the press, and one poll); Sam's attempt 1
    // is the press.
    const pressed = rt.clock.now();
    let job = await start(rt, adherenceInto('Adherence'));
    await start(sam, adherenceInto('Adherence for Sam'));
    await rt.clock.advanceAsync(job.nextPollInMs);
    job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    expect(job.stage).toBe('Waiting to try again');
    expect(rt.workbook.sheetNames()).not.toContain('Assembled log');
    // The sidebars are closed: nobody polls. The tries are each owner's hourly check's, an hour
    // apart, and the log is where the person who closed it looks: its rows begin at attempt 1, not
    // at the first try the hourly check made.
    const rowsOf = (who: LocalRuntime) => logRows(rt).filter((r) => r[1] === who.user);
    const attempt = (n: number) =>
      new RegExp(
        `^Attempt ${n} failed: Assembled had a server error \\(HTTP 503\\) while starting the report\\. Next try by 2026-05-25 \\d\\d:\\d\\d \\(America/New_York\\)\\.$`,
      );
    const said = (who: LocalRuntime) => rowsOf(who).map((r) => [r[4], r[7]]);
    const retrying = (n: number) =>
      Array.from({ length: n }, (_, i) => ['retrying', expect.stringMatching(attempt(i + 1))]);
    await rt.clock.advanceAsync(3_600_000);
    expect(said(rt)).toEqual(retrying(3));
    expect(said(sam)).toEqual(retrying(2));
    expect(logRows(rt)).toHaveLength(5);
    // The sidebar's tries are written at the times they were made, before the hourly check's.
    const when = rowsOf(rt).map((r) => (r[0] as Date).getTime());
    expect(when[1]).toBeLessThan(pressed + 10 * 60_000);
    expect(when[2]).toBeGreaterThan(pressed + 30 * 60_000);

    // Each try once, to the end, which counts them all; each owner's in their own rows.
    await rt.clock.advanceAsync(5 * 3_600_000);
    for (const who of [rt, sam]) {
      expect(said(who)).toEqual([
        ...retrying(5),
        ['failed', expect.stringMatching(/The add-on gave up after 6 attempts\./)],
      ]);
    }
    expect(logRows(rt)).toHaveLength(12);
  });

  it("a pull that Assembled's outage ends says the sheet still holds what it held, and to try again", async () => {
    const { rt, sim } = await startLocalAddon();
    const first = await follow(rt, await start(rt, adherenceInto('Adherence')));
    expect(first.state).toBe('done');
    const before = rt.workbook.values('Adherence');
    // Assembled is down (the workbench's "Is down"): Pull it again, replacing the table.
    sim.setFaults({ errorRate: 1 });
    const job = await follow(rt, await start(rt, adherenceInto('Adherence')));
    expect(job).toMatchObject({ state: 'failed', rows: 0 });
    expect(job.message).toMatch(
      /^Assembled had a server error \(HTTP 5\d\d\) while starting the report\. The add-on gave up after 6 attempts\. Nothing was written: "Adherence" still holds what it held before this pull\. Try again in a few minutes\.$/,
    );
    expect(rt.workbook.values('Adherence')).toEqual(before);
    // The log says it in the same words, then the waits between tries its Duration leaves out.
    const row = logRows(rt).at(-1) ?? [];
    expect(row[4]).toBe('failed');
    expect(String(row[7])).toMatch(/ the pull waited \d+ min \d\d s between tries \(not in Duration\)\.$/);
    expect(String(row[7]).startsWith(`${job.message} Assembled failed for a while:`)).toBe(true);
    // A first pull into a new sheet makes none.
    const fresh = await follow(rt, await start(rt, adherenceInto('Adherence 2')));
    expect(fresh.message).toMatch(
      /gave up after 6 attempts\. Nothing was written, and no sheet "Adherence 2" was made\. Try again in a few minutes\.$/,
    );
    expect(rt.workbook.sheetNames()).not.toContain('Adherence 2');
    sim.setFaults({});
  });

  it('refuses a "new sheet" named like a sheet of the user\'s own; one it pulled before, or an empty one, it writes into', async () => {
    const { rt, sim } = await startLocalAddon();
    const teams = { kind: 'resource', resource: 'teams' };
    rt.workbook.write('Sheet1', [['My KPI notes'], ['Target adherence', 0.9]]);
    const reads = () => sim.stats().byRoute['GET /v0/teams'] ?? 0;
    const before = reads();
    await expect(
      start(rt, { source: teams, target: { kind: 'new_sheet', name: 'sheet1' }, mode: 'replace' }),
    ).rejects.toThrow(
      '"Sheet1" is already a sheet, and holds data the add-on did not pull. Type another name for the new sheet.',
    );
    expect(rt.workbook.values('Sheet1')).toEqual([
      ['My KPI notes', ''],
      ['Target adherence', 0.9],
    ]);
    expect(reads()).toBe(before);
    // A table the add-on pulled there is written again, as a pull into a new sheet run twice.
    const spec = { source: teams, target: { kind: 'new_sheet', name: 'Teams' }, mode: 'replace' };
    await pullToEnd(rt, spec, key());
    await pullToEnd(rt, spec, key());
    expect(rt.workbook.values('Teams')[0]?.[0]).toBe('ID');
    // So is an empty sheet.
    rt.workbook.addSheet('Empty');
    await pullToEnd(rt, { ...spec, target: { kind: 'new_sheet', name: 'Empty' } }, key());
    expect(rt.workbook.values('Empty').length).toBeGreaterThan(1);
  });

  it("refuses an Existing sheet of the user's own, in any mode, before asking Assembled; an empty one, a pulled one, or one whose pulled block is recorded, it writes into", async () => {
    const { rt, sim } = await startLocalAddon();
    const teams = { kind: 'resource', resource: 'teams' };
    rt.workbook.write('KPIs', [
      ['Headcount', '=COUNTA(People!A2:A500)'],
      ['Target adherence', 0.9],
    ]);
    const formulas = rt.workbook.formulas('KPIs');
    const values = rt.workbook.values('KPIs');
    const reads = () => sim.stats().byRoute['GET /v0/teams'] ?? 0;
    const before = reads();
    // The advice given for a "new sheet" named KPIs no longer leads to writing over it.
    await expect(
      start(rt, { source: teams, target: { kind: 'new_sheet', name: 'KPIs' }, mode: 'replace' }),
    ).rejects.toThrow(
      '"KPIs" is already a sheet, and holds data the add-on did not pull. Type another name for the new sheet.',
    );
    // The sheet picked, or its A1 as the active cell (a table at A1 owns its sheet).
    const own = [
      { kind: 'sheet', name: 'KPIs' },
      { kind: 'cell', sheet: 'KPIs', a1: 'A1' },
    ];
    for (const target of own)
      for (const mode of ['replace', 'append', 'merge'])
        await expect(start(rt, { source: teams, target, mode })).rejects.toThrow(
          '"KPIs" holds data the add-on did not pull, which a pull would write over. Choose a new sheet, or clear "KPIs" first if what it holds may go.',
        );
    expect(rt.workbook.formulas('KPIs')).toEqual(formulas);
    expect(rt.workbook.values('KPIs')).toEqual(values);
    expect(reads()).toBe(before);
    // An empty sheet is written into.
    rt.workbook.addSheet('Teams');
    const spec = { source: teams, target: { kind: 'sheet', name: 'Teams' }, mode: 'replace' };
    expect(await pullToEnd(rt, spec, key())).toMatchObject({ state: 'done' });
    // So is the table pulled there, and again with its header note cleared: its block is recorded.
    expect(await pullToEnd(rt, spec, key())).toMatchObject({ state: 'done' });
    rt.workbook.note('Teams!A1', '');
    expect(await pullToEnd(rt, spec, key())).toMatchObject({ state: 'done' });
    expect(rt.workbook.values('Teams')[0]?.[0]).toBe('ID');
  });

  it('refuses to append or merge another granularity or source into a pulled table, before asking Assembled', async () => {
    const { rt, sim } = await startLocalAddon();
    const report = (granularity: string) => ({ kind: 'report', report: 'adherence', granularity });
    const into = { kind: 'sheet', name: 'Adherence' };
    await pullToEnd(
      rt,
      {
        source: report('day'),
        range: lastWeek,
        target: { kind: 'new_sheet', name: 'Adherence' },
        mode: 'replace',
      },
      key(),
    );
    const before = rt.workbook.values('Adherence');
    const asked = () => sim.stats().byRoute['POST /v0/reports/adherence'] ?? 0;
    const reports = asked();
    await expect(
      start(rt, { source: report('week'), range: lastWeek, target: into, mode: 'append' }),
    ).rejects.toThrow(
      '"Adherence" holds Adherence report (day), not Adherence report (week). Appending would mix the two in one table: pull into another sheet, or choose Replace it.',
    );
    await expect(
      start(rt, {
        source: { kind: 'resource', resource: 'teams' },
        target: { kind: 'cell', sheet: 'Adherence', a1: 'A1' },
        mode: 'merge',
      }),
    ).rejects.toThrow(/holds Adherence report \(day\), not Teams\. Merging would mix/);
    expect(asked()).toBe(reports);
    expect(rt.workbook.values('Adherence')).toEqual(before);
    // Beside the table, past the sheet's last column, nothing is held: the pull goes ahead.
    const beside = await pullToEnd(
      rt,
      {
        source: { kind: 'resource', resource: 'teams' },
        target: { kind: 'cell', sheet: 'Adherence', a1: 'AZ1' },
        mode: 'append',
      },
      key(),
    );
    expect(beside.state).toBe('done');
    // The same report at the same granularity appends; another one replaces.
    await pullToEnd(rt, { source: report('day'), range: lastWeek, target: into, mode: 'append' }, key());
    await pullToEnd(rt, { source: report('week'), range: lastWeek, target: into, mode: 'replace' }, key());
    expect(rt.workbook.values('Adherence').length).toBeLessThan(before.length);
  });

  it('a rejected key fails the pull in words and writes nothing', async () => {
    const { rt, sim, key: apiKey } = await startLocalAddon();
    sim.revokeKey(apiKey);
    const job = await startTeamsPull(rt);
    expect(job.state).toBe('failed');
    // The add-on's words say what to do; Assembled's own, after them, say what it found.
    expect(job.message).toMatch(
      /^Assembled did not accept the API key: .* set a valid key\. Assembled said: "API key has been revoked"\.$/,
    );
    expect(rt.workbook.sheetNames()).not.toContain('Teams');
  });

  it.each([401, 403, 404])(
    "a %i shows Assembled's own words after the add-on's, on one line, with the key in them masked",
    async (status) => {
      const { rt, key: apiKey } = await startLocalAddon();
      rt.setHttp((request) => {
        const [, authorization] =
          Object.entries(request.headers).find(([k]) => /^authorization$/i.test(k)) ?? [];
        return {
          status,
          headers: { 'content-type': 'text/plain' },
          body: `Refused for key ${apiKey}\n(header ${authorization}, key starting ${apiKey.slice(0, 14)})`,
          delayMs: 0,
        };
      });
      const job = await startTeamsPull(rt);
      expect(job.state).toBe('failed');
      expect(job.message).toMatch(
        /(set (a valid key|it)|the record deleted)\. Assembled said: "Refused for key \[redacted\] \(header Basic \[redacted\], key starting \[redacted\]\)"\.$/,
      );
      expect(JSON.stringify(job)).not.toContain(apiKey.slice(0, 14));
    },
  );

  it('merge mode updates changed rows in place and adds new ones, keeping other columns', async () => {
    const addon: LocalAddon = await startLocalAddon();
    const { rt, sim } = addon;
    const spec = {
      source: { kind: 'resource', resource: 'time_off_requests' },
      target: { kind: 'new_sheet', name: 'Time off' },
      mode: 'merge',
    };
    const first = await start(rt, spec);
    const before = rt.workbook.values('Time off');
    const header = before[0] as string[];
    const status = header.indexOf('Status');
    const pendingRow = before.findIndex((r) => r[status] === 'pending');
    const id = String(before[pendingRow]?.[0]);
    // A note typed by the analyst in a column of their own survives the merge.
    rt.workbook.write('Time off', [['my notes'], ['call back']], { row: 1, column: header.length + 1 });
    sim.admin.decideTimeOff(id, 'approved');
    await start(rt, spec);
    const after = rt.workbook.values('Time off');
    expect(after.length).toBe(before.length);
    expect(after[pendingRow]?.[0]).toBe(id);
    expect(after[pendingRow]?.[status]).toBe('approved');
    expect(after[1]?.[header.length]).toBe('call back');
    expect(first.rows).toBe(before.length - 1);
  });

  it('refuses a spec the source cannot take, naming each problem', async () => {
    const { rt } = await startLocalAddon();
    await expect(
      start(rt, {
        source: { kind: 'resource', resource: 'people' },
        range: lastWeek,
        filters: { queue_ids: ['q1'] },
        target: { kind: 'new_sheet', name: 'P' },
        mode: 'replace',
      }),
    ).rejects.toThrow(/^People takes no date range\. People cannot be filtered by queue_ids\.$/);
    await expect(
      start(rt, {
        source: { kind: 'report', report: 'adherence', granularity: 'hourly' },
        range: lastWeek,
        target: { kind: 'cell', sheet: 'S', a1: 'b2' },
        mode: 'replace',
      }),
    ).rejects.toThrow(/source: does not match any accepted form|target/);
  });

  it('says what to fix in a field a form fills in its words, with no field path', async () => {
    const { rt } = await startLocalAddon();
    const teams = { source: { kind: 'report', report: 'handle_time', granularity: 'day' }, mode: 'replace' };
    const fixed = (from: string, to: string) => ({ kind: 'absolute', from, to });
    await expect(
      start(rt, { ...teams, range: fixed('2026-12-10', ''), target: { kind: 'new_sheet', name: 'T' } }),
    ).rejects.toThrow(/^Type the date the range ends \(To\) like 2026-03-01\.$/);
    await expect(
      start(rt, { ...teams, range: fixed('', '2026-12-10'), target: { kind: 'new_sheet', name: ' ' } }),
    ).rejects.toThrow(
      /^Type the date the range starts \(From\) like 2026-03-01\. Type a name for the new sheet\.$/,
    );
    await expect(
      rt.callFromSidebar('previewRange', { kind: 'relative', preset: 'days_back', days: 0 }),
    ).rejects.toThrow(/^Days back must be a whole number from 1 to 366\.$/);
  });

  it('logs the run after the thousandth: the log grows past the rows its sheet was made with', async () => {
    const { rt } = await startLocalAddon();
    const teams = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'new_sheet', name: 'T' },
    };
    await pullToEnd(rt, { ...teams, mode: 'replace' }, key());
    // A year of hourly refreshes: every row of the log's sheet (1,000, as Sheets makes one) holds a run.
    const { maxRows } = rt.workbook.size('Assembled log');
    const old = Array.from({ length: maxRows - 2 }, (_, i) => [`earlier run ${i}`]);
    rt.workbook.write('Assembled log', old, { row: 3, column: 3 });
    expect(rt.workbook.size('Assembled log')).toMatchObject({ lastRow: maxRows, maxRows });
    expect(await pullToEnd(rt, { ...teams, mode: 'append' }, key())).toMatchObject({ state: 'done' });
    const last = rt.workbook.values('Assembled log').at(-1);
    expect(rt.workbook.size('Assembled log').lastRow).toBe(maxRows + 1);
    expect(last?.slice(2, 5)).toEqual(['Teams (Append)', 'T', 'done']);
    expect(rt.workbook.displayValues('Assembled log').at(-1)?.[0]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC−4$/,
    );
  });

  it("never writes over the add-on's run log: not offered as a target, and refused by name in any case", async () => {
    const { rt } = await startLocalAddon();
    const teams = (target: object) => ({
      source: { kind: 'resource', resource: 'teams' },
      target,
      mode: 'replace',
    });
    expect(await pullToEnd(rt, teams({ kind: 'new_sheet', name: 'Teams' }), key())).toMatchObject({
      state: 'done',
    });
    const log = rt.workbook.values('Assembled log');
    expect(log.length).toBe(2);
    const options = await rt.callFromSidebar<{ sheets: string[] }>('getPullOptions');
    expect(options.sheets).toContain('Teams');
    expect(options.sheets).not.toContain('Assembled log');
    for (const target of [
      { kind: 'sheet', name: 'Assembled log' },
      { kind: 'new_sheet', name: 'assembled LOG' },
      { kind: 'cell', sheet: 'Assembled log', a1: 'J1' },
    ])
      await expect(start(rt, teams(target))).rejects.toThrow(
        /^"Assembled log" is the add-on's log of runs: choose another sheet/,
      );
    expect(rt.workbook.values('Assembled log')).toEqual(log);
  });

  it('shows the concrete dates a relative range resolves to', async () => {
    const { rt } = await startLocalAddon({ timezone: 'Australia/Sydney', now: '2026-06-30T15:00:00Z' });
    // 1 July in Sydney: last quarter is April to June, month to date is just today.
    expect(await rt.callFromSidebar('previewRange', { kind: 'relative', preset: 'last_quarter' })).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
      zone: 'Australia/Sydney',
      note: expect.stringMatching(/^Clocks went back on 2026-04-05 \(Australia\/Sydney\)/),
    });
    expect(await rt.callFromSidebar('previewRange', { kind: 'relative', preset: 'month_to_date' })).toEqual({
      from: '2026-07-01',
      to: '2026-07-01',
      zone: 'Australia/Sydney',
    });
  });

  it("says before a report pull when its buckets will be Assembled's UTC ones, or its intervals asked in parts", async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-02T15:00:00Z' });
    const quarter = { kind: 'relative', preset: 'last_quarter' };
    expect(await rt.callFromSidebar('previewRange', quarter, 'week')).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
      zone: 'America/New_York',
      note: expect.stringMatching(
        /^Buckets: Assembled's UTC weeks, not calendar weeks in America\/New_York \(ranges over 31 days/,
      ),
    });
    // Up to 31 days the add-on rolls 30-minute intervals up into the sheet's weeks: nothing to say.
    const month = { kind: 'absolute', from: '2026-10-01', to: '2026-10-31' };
    expect(await rt.callFromSidebar('previewRange', month, 'week')).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      zone: 'America/New_York',
    });
    expect(await rt.callFromSidebar('previewRange', quarter)).not.toHaveProperty('note');
    // Assembled refuses intervals over 31 days: a quarter of them is asked as 3 reports, said before.
    expect(await rt.callFromSidebar('previewRange', quarter, 'interval')).toMatchObject({
      note: expect.stringMatching(/^Asked as 3 reports at once /),
    });
    expect(await rt.callFromSidebar('previewRange', month, 'interval')).not.toHaveProperty('note');
    await expect(rt.callFromSidebar('previewRange', quarter, 'fortnight')).rejects.toThrow(/^Granularity: /);
    // In UTC Assembled's weeks are the sheet's.
    const utc = await startLocalAddon({ timezone: 'Etc/UTC', now: '2026-12-02T15:00:00Z' });
    expect(await utc.rt.callFromSidebar('previewRange', quarter, 'month')).not.toHaveProperty('note');
  });
});
