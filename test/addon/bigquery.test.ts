// Pulls into a BigQuery table through the built bundle and the fake BigQuery (DuckDB): resumable
// loads across killed executions with no row twice, merge on the source's key, a schema change,
// and BigQuery's own words when a job fails.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { createRng } from '../../dev/simulator/prng';
import type { JobView } from '../../src/core/pull/pull-view';
import { pullToEnd } from './pull-to-end';

// biome-ignore lint/suspicious/noExplicitAny: REST resources are read field by field in assertions
type Rest = any;
const P = 'team-analytics';
const day = (d: string) => ({ kind: 'absolute', from: d, to: d }) as const;
const states = (range: object, mode: string, table = 'agent_states') => ({
  source: { kind: 'resource', resource: 'agent_states' },
  range,
  target: { kind: 'bigquery', project: P, dataset: 'wfm', table },
  mode,
});
let keys = 0;
const key = () => `bq-key-${String(++keys).padStart(6, '0')}`;

async function addon(options: { executionLimitMs?: number } = {}) {
  const { rt, sim } = await startLocalAddon({ dialect: 'live', ...options });
  rt.bigquery.addProject(P);
  return { rt, sim };
}

function count(rt: LocalRuntime, table: string) {
  const sql = `SELECT count(*) AS n, count(DISTINCT concat(agent_id, '|', platform, '|', CAST(start_time AS STRING))) AS d FROM \`${P}.wfm.${table}\``;
  const [row] = rt.bigquery.sql(sql, P).rows as { f: { v: string }[] }[];
  return { rows: Number(row?.f[0]?.v), distinct: Number(row?.f[1]?.v) };
}

describe('pull into BigQuery', () => {
  it('loads an agent-state history across executions killed at random points, no row twice', async () => {
    // A 10-second execution limit and random Assembled latency put each kill somewhere else; a
    // sidebar's call loads a chunk and answers, well within it, so it is also cut short at a random
    // one of its BigQuery calls now and then.
    const { rt, sim } = await addon({ executionLimitMs: 9_000 });
    rt.properties.script.set('BIGQUERY_CHUNK_ROWS', '100');
    const rng = createRng(16);
    const spec = states(day('2026-05-21'), 'append');
    const k = key();
    let job: JobView | undefined;
    let killed = 0;
    // A sidebar's call answers while a chunk's job runs: the next, 2 s on, checks it.
    for (let i = 0; i < 200 && job?.state !== 'done'; i++) {
      sim.setFaults({ latencyMs: Math.floor(rng.next() * 300) });
      if (rng.next() < 0.3) rt.killAfter('bigquery', 1 + Math.floor(rng.next() * 4));
      try {
        job = job
          ? await rt.callFromSidebar<JobView>('pollPull', job.id)
          : await rt.callFromSidebar<JobView>('startPull', spec, k);
      } catch (error) {
        expect(String(error)).toMatch(/Exceeded maximum execution time/);
        killed++;
      }
      // A killed execution's lock lapses when it would have ended anyway (6 minutes on).
      await rt.clock.advanceAsync(killed ? 6.5 * 60_000 : 1_000);
    }
    expect(job?.state).toBe('done');
    expect(killed).toBeGreaterThan(2);
    const loaded = count(rt, 'agent_states');
    expect(loaded.rows).toBe(job?.rows);
    expect(loaded.rows).toBe(loaded.distinct);
    // The same pull into a sheet: the same rows, each once.
    sim.setFaults({});
    const sheet = await pullToEnd(rt, { ...spec, target: { kind: 'new_sheet', name: 'States' } }, key());
    expect(loaded.rows).toBe(sheet.rows);
    const loads = rt.bigquery.jobList().filter((j: Rest) => j.configuration.jobType === 'LOAD');
    expect(loads.length).toBeGreaterThan(5);
    expect(loads.every((j: Rest) => j.status.state === 'DONE' && !j.status.errorResult)).toBe(true);
    // Partitioned by day on the start time, clustered by agent; names described as they were.
    const table = rt.bigquery.getTable(P, 'wfm', 'agent_states') as Rest;
    expect(table.timePartitioning).toEqual({ type: 'DAY', field: 'start_time' });
    expect(table.clustering).toEqual({ fields: ['agent_id'] });
    expect(job?.message).toMatch(
      /rows appended to team-analytics\.wfm\.agent_states .*console\.cloud\.google\.com/,
    );
  });

  it('merges on the source key: a day loaded again and the next day add only new rows', async () => {
    const { rt } = await addon();
    const first = await pullToEnd(rt, states(day('2026-05-21'), 'merge'), key());
    expect(first.state).toBe('done');
    const once = count(rt, 'agent_states');
    expect(once.rows).toBe(first.rows);
    const both = await pullToEnd(
      rt,
      states({ kind: 'absolute', from: '2026-05-21', to: '2026-05-22' }, 'merge'),
      key(),
    );
    expect(both.state).toBe('done');
    const after = count(rt, 'agent_states');
    expect(after.rows).toBe(after.distinct);
    expect(after.rows).toBe(both.rows);
    expect(after.rows).toBeGreaterThan(once.rows);
    // The staging tables are gone once merged.
    expect(
      (rt.bigquery.listTables(P, 'wfm') as Rest).tables.map((t: Rest) => t.tableReference.tableId),
    ).toEqual(['agent_states']);
    // Replace swaps the table whole.
    const replaced = await pullToEnd(rt, states(day('2026-05-20'), 'replace'), key());
    expect(count(rt, 'agent_states').rows).toBe(replaced.rows);
  });

  it("merges a report's whole week over each agent's cut-short week, in one statement, the other weeks kept", async () => {
    const { rt } = await addon();
    const weeks = (from: string, to: string) => ({
      source: { kind: 'report', report: 'adherence', granularity: 'week' },
      range: { kind: 'absolute', from, to },
      target: { kind: 'bigquery', project: P, dataset: 'wfm', table: 'weekly' },
      mode: 'merge',
    });
    const spans = () =>
      (
        rt.bigquery.sql(
          `SELECT CAST(start_time AS STRING), CAST(end_time AS STRING), count(*) FROM \`${P}.wfm.weekly\` GROUP BY 1, 2 ORDER BY 1, 2`,
          P,
        ).rows as { f: { v: string }[] }[]
      ).map((r) => `${r.f[0]?.v.slice(5, 10)}–${r.f[1]?.v.slice(5, 10)} ${r.f[2]?.v}`);
    const before = await pullToEnd(rt, weeks('2026-05-04', '2026-05-10'), key());
    const part = await pullToEnd(rt, weeks('2026-05-11', '2026-05-13'), key());
    expect([before.state, part.state]).toEqual(['done', 'done']);
    const agents = part.rows;
    expect(spans()).toEqual([`05-04–05-11 ${before.rows}`, `05-11–05-14 ${agents}`]);
    const whole = await pullToEnd(rt, weeks('2026-05-11', '2026-05-17'), key());
    expect(whole).toMatchObject({ state: 'done', rows: agents });
    expect(spans()).toEqual([`05-04–05-11 ${before.rows}`, `05-11–05-18 ${agents}`]);
    // Merged again, the same weeks are updated, not taken out; a part of one never replaces it.
    expect(await pullToEnd(rt, weeks('2026-05-11', '2026-05-17'), key())).toMatchObject({ state: 'done' });
    expect(spans()).toEqual([`05-04–05-11 ${before.rows}`, `05-11–05-18 ${agents}`]);
    expect(await pullToEnd(rt, weeks('2026-05-12', '2026-05-13'), key())).toMatchObject({ state: 'done' });
    expect(spans()).toEqual([`05-04–05-11 ${before.rows}`, `05-11–05-18 ${agents}`]);
    const merges = rt.bigquery
      .jobList()
      .filter((j: Rest) => /^MERGE/.test(j.configuration.query?.query ?? ''));
    expect(merges.length).toBe(5);
  });

  it("retries BigQuery's transient errors with backoff; a lost insert's retry polls the same job", async () => {
    const { rt } = await addon();
    rt.properties.script.set('BIGQUERY_CHUNK_ROWS', '200');
    // Every write's first answer is lost (dataset, table, each chunk's job, the staging table's
    // removal), among 500s, 503s and rate limits.
    rt.bigquery.faults.set({ backendErrors: 1, unavailable: 1, rateLimits: 1, lostWrites: 40 });
    const merged = await pullToEnd(rt, states(day('2026-05-21'), 'merge'), key());
    expect(merged.message).toMatch(/rows merged into/);
    expect(merged.state).toBe('done');
    const loaded = count(rt, 'agent_states');
    expect(loaded.rows).toBe(merged.rows);
    expect(loaded.rows).toBe(loaded.distinct);
    expect(rt.bigquery.faults.injected).toBeGreaterThan(8);
    const loads = rt.bigquery.jobList().filter((j: Rest) => j.configuration.jobType === 'LOAD');
    expect(new Set(loads.map((j: Rest) => j.jobReference.jobId)).size).toBe(loads.length);
    expect(
      (rt.bigquery.listTables(P, 'wfm') as Rest).tables.map((t: Rest) => t.tableReference.tableId),
    ).toEqual(['agent_states']);
    // An outage that outlasts the backoff fails the pull in BigQuery's words.
    rt.bigquery.faults.set({ backendErrors: 50 });
    const failed = await pullToEnd(rt, states(day('2026-05-22'), 'append'), key());
    expect(failed.state).toBe('failed');
    expect(failed.message).toMatch(/^An internal error occurred .* The add-on gave up after 6 attempts\.$/);
  });

  it('adds a new source column to the table and refuses a changed type in words', async () => {
    const { rt } = await addon();
    // A table made earlier with fewer columns: the pull adds the ones it lacks.
    rt.bigquery.insertDataset({ datasetReference: { datasetId: 'wfm' } }, P);
    rt.bigquery.insertTable(
      {
        tableReference: { tableId: 'narrow' },
        schema: {
          fields: [
            { name: 'agent_id', type: 'STRING' },
            { name: 'start_time', type: 'TIMESTAMP' },
          ],
        },
      },
      P,
      'wfm',
    );
    const added = await pullToEnd(rt, states(day('2026-05-21'), 'append', 'narrow'), key());
    expect(added.state).toBe('done');
    const fields = (rt.bigquery.getTable(P, 'wfm', 'narrow') as Rest).schema.fields.map((f: Rest) => f.name);
    expect(fields.slice(0, 2)).toEqual(['agent_id', 'start_time']);
    expect(fields).toContain('platform');
    rt.bigquery.insertTable(
      { tableReference: { tableId: 'typed' }, schema: { fields: [{ name: 'start_time', type: 'INT64' }] } },
      P,
      'wfm',
    );
    const refused = await pullToEnd(rt, states(day('2026-05-21'), 'append', 'typed'), key());
    expect(refused.state).toBe('failed');
    expect(refused.message).toBe(
      'Cannot load into team-analytics.wfm.typed: column start_time is INT64 in team-analytics.wfm.typed but the source now gives TIMESTAMP: load into a new table, or change the column in BigQuery',
    );
    expect(rt.bigquery.rows(P, 'wfm', 'typed')).toEqual([]);
  });

  it('refuses to append or merge another report into a table holding one, before any row is loaded', async () => {
    const { rt } = await addon();
    const report = (report: string, mode: string, table = 'adherence') => ({
      source: { kind: 'report', report, granularity: 'day' },
      range: day('2026-05-21'),
      target: { kind: 'bigquery', project: P, dataset: 'wfm', table },
      mode,
    });
    const made = await pullToEnd(rt, report('adherence', 'replace'), key());
    expect(made.state).toBe('done');
    const fields = () =>
      (rt.bigquery.getTable(P, 'wfm', 'adherence') as Rest).schema.fields.map((f: Rest) => f.name);
    const before = fields();
    const loads = () => rt.bigquery.jobList().length;
    const jobs = loads();
    for (const [mode, adding] of [
      ['append', 'appending'],
      ['merge', 'merging'],
    ]) {
      const refused = await pullToEnd(rt, report('ticket_stats', mode as string), key());
      expect(refused).toMatchObject({
        state: 'failed',
        message: `Nothing was loaded: team-analytics.wfm.adherence holds Adherence report (day) rows, not Ticket stats report (day), and ${adding} would mix the two in one table. Choose another table, or Replace it.`,
      });
    }
    expect(fields()).toEqual(before);
    expect(rt.bigquery.rows(P, 'wfm', 'adherence').length).toBe(made.rows);
    expect(loads()).toBe(jobs);
    // Its description says what it holds, as a pulled sheet's header note does.
    const described = () => (rt.bigquery.getTable(P, 'wfm', 'adherence') as Rest).description;
    expect(described()).toBe('Source: Assembled Adherence report (day)');
    // The same report appends as before.
    const again = await pullToEnd(rt, report('adherence', 'append'), key());
    expect(again.state).toBe('done');
    expect(rt.bigquery.rows(P, 'wfm', 'adherence').length).toBe(2 * (made.rows ?? 0));
    // A table described so but made with fewer columns is widened by the same data, as before.
    rt.bigquery.insertTable(
      {
        tableReference: { tableId: 'states' },
        description: 'Source: Assembled Agent states',
        schema: { fields: [{ name: 'agent_id', type: 'STRING' }] },
      },
      P,
      'wfm',
    );
    expect(await pullToEnd(rt, states(day('2026-05-21'), 'append', 'states'), key())).toMatchObject({
      state: 'done',
    });
    expect((rt.bigquery.getTable(P, 'wfm', 'states') as Rest).schema.fields.length).toBeGreaterThan(1);
    // Replaced with weeks, the table says it holds weeks.
    expect(
      await pullToEnd(
        rt,
        {
          ...report('adherence', 'replace'),
          source: { kind: 'report', report: 'adherence', granularity: 'week' },
        },
        key(),
      ),
    ).toMatchObject({ state: 'done' });
    expect(described()).toBe('Source: Assembled Adherence report (week)');
  });

  it("replaces a table of another report whole, made anew with the new rows' partitioning and clustering", async () => {
    const { rt } = await addon();
    const report = (report: string) => ({
      source: { kind: 'report', report, granularity: 'day' },
      range: day('2026-05-21'),
      target: { kind: 'bigquery', project: P, dataset: 'wfm', table: 'adherence' },
      mode: 'replace',
    });
    expect(await pullToEnd(rt, report('adherence'), key())).toMatchObject({ state: 'done' });
    expect((rt.bigquery.getTable(P, 'wfm', 'adherence') as Rest).clustering).toEqual({
      fields: ['agent_id'],
    });
    const tickets = await pullToEnd(rt, report('ticket_stats'), key());
    expect(tickets).toMatchObject({ state: 'done' });
    expect(tickets.message).toMatch(/ rows loaded into team-analytics\.wfm\.adherence /);
    const table = rt.bigquery.getTable(P, 'wfm', 'adherence') as Rest;
    const names = table.schema.fields.map((f: Rest) => f.name);
    expect(names).toContain('queue_id');
    expect(names).not.toContain('agent_id');
    expect(table).toMatchObject({
      clustering: { fields: ['queue_id'] },
      timePartitioning: { field: 'start_time' },
      description: 'Source: Assembled Ticket stats report (day)',
    });
    expect(rt.bigquery.rows(P, 'wfm', 'adherence').length).toBe(tickets.rows);
    // The tables are the one replaced and nothing left staged.
    expect(
      (rt.bigquery.listTables(P, 'wfm') as Rest).tables.map((t: Rest) => t.tableReference.tableId),
    ).toEqual(['adherence']);
    // A column of another type is no refusal to a replace either: the table is made anew.
    rt.bigquery.insertTable(
      { tableReference: { tableId: 'typed' }, schema: { fields: [{ name: 'start_time', type: 'INT64' }] } },
      P,
      'wfm',
    );
    const typed = await pullToEnd(rt, states(day('2026-05-21'), 'replace', 'typed'), key());
    expect(typed.state).toBe('done');
    expect(rt.bigquery.rows(P, 'wfm', 'typed').length).toBe(typed.rows);
  });

  it('loads time off partitioned on its first day, which every request has (an all-day one has no start time)', async () => {
    const { rt } = await addon();
    const spec = {
      source: { kind: 'resource', resource: 'time_off_requests' },
      range: { kind: 'absolute', from: '2026-05-01', to: '2026-06-30' },
      target: { kind: 'bigquery', project: P, dataset: 'wfm', table: 'time_off' },
      mode: 'replace',
    };
    const job = await pullToEnd(rt, spec, key());
    expect(job.state).toBe('done');
    // A few kilobytes are not "0.0 MB".
    expect(job.message).toMatch(/ rows loaded into team-analytics\.wfm\.time_off \(under 0\.1 MB\)\./);
    const table = rt.bigquery.getTable(P, 'wfm', 'time_off') as Rest;
    const type = (name: string) => table.schema.fields.find((f: Rest) => f.name === name)?.type;
    expect(table.timePartitioning?.field).toBe('first_day');
    expect([type('first_day'), type('last_day')]).toEqual(['DATE', 'DATE']);
    const sql = `SELECT count(*) AS n, countif(first_day IS NULL) AS nd, countif(start_time IS NULL) AS ns FROM \`${P}.wfm.time_off\``;
    const [row] = rt.bigquery.sql(sql, P).rows as { f: { v: string }[] }[];
    expect(Number(row?.f[0]?.v)).toBeGreaterThan(0);
    expect(Number(row?.f[1]?.v)).toBe(0);
    // The sample has all-day requests: the point of partitioning on the day.
    expect(Number(row?.f[2]?.v)).toBeGreaterThan(0);
  });

  it('loads a duration in days, as tables loaded before hold it, and says so in the column description', async () => {
    const { rt } = await addon();
    const days = 'days (fraction of a day)';
    // Each row's duration is its span in days: end - start (seconds) over 86,400 (epoch: the fake's DuckDB).
    const offDays = (table: string) => {
      const sql = `SELECT count(*) AS n, countif(abs(duration * 86400 - (epoch(end_time) - epoch(start_time))) > 0.001) AS off FROM \`${P}.wfm.${table}\` WHERE end_time IS NOT NULL`;
      const [row] = rt.bigquery.sql(sql, P).rows as { f: { v: string }[] }[];
      return { rows: Number(row?.f[0]?.v), off: Number(row?.f[1]?.v) };
    };
    const described = (table: string) =>
      (rt.bigquery.getTable(P, 'wfm', table) as Rest).schema.fields.find((f: Rest) => f.name === 'duration')
        ?.description;
    await pullToEnd(rt, states(day('2026-05-21'), 'append', 'new_states'), key());
    expect(described('new_states')).toBe(days);
    expect(offDays('new_states').rows).toBeGreaterThan(0);
    expect(offDays('new_states').off).toBe(0);
    // A table loaded before durations were described: its column gets the words, its unit stays days.
    const old = (rt.bigquery.getTable(P, 'wfm', 'new_states') as Rest).schema.fields.map(
      ({ description: _, ...f }: Rest) => f,
    );
    rt.bigquery.insertTable(
      { tableReference: { projectId: P, datasetId: 'wfm', tableId: 'old_states' }, schema: { fields: old } },
      P,
      'wfm',
    );
    await pullToEnd(rt, states(day('2026-05-21'), 'append', 'old_states'), key());
    await pullToEnd(rt, states(day('2026-05-22'), 'merge', 'old_states'), key());
    expect(described('old_states')).toBe(days);
    expect(offDays('old_states').rows).toBeGreaterThan(offDays('new_states').rows);
    expect(offDays('old_states').off).toBe(0);
  });

  it('says while it loads what a reader of the table sees meanwhile, and never a sheet', async () => {
    const { rt } = await addon();
    const held = () => count(rt, 'meanwhile').rows;
    const first = await pullToEnd(rt, states(day('2026-05-20'), 'replace', 'meanwhile'), key());
    expect(first.state).toBe('done');
    // Small chunks: a day's load outlasts one execution's budget, so the sidebar sees it under way.
    rt.properties.script.set('BIGQUERY_CHUNK_ROWS', '40');
    const loading = async (mode: string, table = 'meanwhile') => {
      const old = table === 'meanwhile' ? held() : 0;
      let job = await rt.callFromSidebar<JobView>('startPull', states(day('2026-05-21'), mode, table), key());
      // Once a chunk is in: the first call answers as its job runs.
      for (let i = 0; i < 10 && job.rows === 0; i++) {
        rt.clock.advance(job.nextPollInMs);
        job = await rt.callFromSidebar<JobView>('pollPull', job.id);
      }
      expect(job.state).toBe('writing');
      const seen = { detail: job.detail, rows: job.rows, old, held: held() };
      for (let i = 0; i < 300 && job.nextPollInMs > 0; i++) {
        rt.clock.advance(job.nextPollInMs);
        job = await rt.callFromSidebar<JobView>('pollPull', job.id);
      }
      expect(job.state).toBe('done');
      return seen;
    };
    const loaded = (rows: number) =>
      `Loading the rows into the table (${rows.toLocaleString('en-US')} so far).`;
    // Replace and merge: the old rows until the last are in.
    const replace = await loading('replace');
    expect(replace.detail).toBe(
      `${loaded(replace.rows)} Until the last are in, the table holds its old rows; then the new ones replace them all at once.`,
    );
    expect(replace).toMatchObject({ held: replace.old, old: first.rows });
    const merge = await loading('merge');
    expect(merge.detail).toBe(
      `${loaded(merge.rows)} Until the last are in, the table holds its old rows; then the new ones are merged in at once.`,
    );
    expect(merge.held).toBe(merge.old);
    // Append: the rows loaded so far are in the table already.
    const append = await loading('append');
    expect(append.detail).toBe(
      `${loaded(append.rows)} They join the table a batch at a time, so a reader of it meanwhile sees some of them.`,
    );
    expect(append.rows).toBeGreaterThan(0);
    expect(append.held).toBe(append.old + append.rows);
    // A replace or merge into a table the pull makes: it has no old rows to hold meanwhile (QA).
    for (const mode of ['replace', 'merge']) {
      const fresh = await loading(mode, `fresh_${mode}`);
      expect(fresh.detail, mode).toBe(
        `${loaded(fresh.rows)} The table is new: the rows appear in it once the last are in.`,
      );
    }
  });

  it('says a big load is loading within seconds of the read, some rows in, and says when a replace or merge changes the table', async () => {
    const { rt } = await addon();
    await pullToEnd(rt, states(day('2026-05-20'), 'replace'), key());
    rt.properties.script.set('BIGQUERY_CHUNK_ROWS', '100');
    const loads = () => rt.bigquery.jobList().filter((j: Rest) => j.configuration.jobType === 'LOAD');
    const old = (verb: string) =>
      `Until the last are in, the table holds its old rows; then the new ones ${verb}.`;
    const fresh = 'The table is new: the rows appear in it once the last are in.';
    for (const [mode, date, meanwhile, final, table] of [
      [
        'replace',
        '2026-05-21',
        old('replace them all at once'),
        "Replacing the table's rows with the new ones, all at once…",
      ],
      ['merge', '2026-05-22', old('are merged in at once'), 'Merging the rows into the table, all at once…'],
      ['merge', '2026-05-22', fresh, 'Putting them into the new table, all at once…', 'fresh'],
    ] as const) {
      const before = loads().length;
      const began = rt.clock.now();
      const seen: JobView[] = [];
      const job = await pullToEnd(rt, states(day(date), mode, table), key(), undefined, seen);
      expect(job.state, mode).toBe('done');
      expect(loads().length - before, mode).toBeGreaterThan(20);
      // The first answer once the read is over: within seconds of the first load job, some rows in,
      // where a whole 20-second turn of loading went by under the read's words.
      const first = seen.find((j) => j.state === 'writing');
      const loading: Rest = loads()[before];
      const after = began + (first?.elapsedMs ?? 0) - Number(loading.statistics.creationTime);
      expect(after, mode).toBeLessThan(10_000);
      expect(first?.rows, mode).toBeGreaterThan(0);
      expect(first, mode).toMatchObject({
        stage: `Loading into BigQuery: ${job.rows.toLocaleString('en-US')} rows`,
        detail: `Loading the rows into the table (${first?.rows.toLocaleString('en-US')} so far). ${meanwhile}`,
      });
      // Every row in the staging table, the final statement running: said so, not "Loading … so far".
      expect(seen.at(-1)?.detail, mode).toBe(
        `All ${job.rows.toLocaleString('en-US')} rows are loaded. ${final}`,
      );
    }
  });

  it('a load done within seconds of the read is done in the call that ends the read, no call more to check it', async () => {
    const { rt } = await addon();
    // A day's rows in two or three load jobs of about a second each, and a merge or replace's statement.
    rt.properties.script.set('BIGQUERY_CHUNK_ROWS', '2000');
    const loads = () => rt.bigquery.jobList().filter((j: Rest) => j.configuration.jobType === 'LOAD');
    for (const [mode, date] of [
      ['replace', '2026-05-20'],
      ['merge', '2026-05-21'],
      ['append', '2026-05-22'],
    ] as const) {
      const before = loads().length;
      const job = await rt.callFromSidebar<JobView>('startPull', states(day(date), mode), key());
      expect(job.state, mode).toBe('done');
      expect(loads().length - before, mode).toBeGreaterThan(1);
    }
  });

  it("a sidebar's call loads chunk after chunk while its turn lasts, from rows it builds once, not one chunk a call", async () => {
    const { rt } = await addon();
    // A day's rows in chunks of 100: several load jobs, each done in about a second.
    rt.properties.script.set('BIGQUERY_CHUNK_ROWS', '100');
    const loads = () => rt.bigquery.jobList().filter((j: Rest) => j.configuration.jobType === 'LOAD');
    for (const mode of ['append', 'replace']) {
      const before = loads().length;
      const seen: JobView[] = [];
      const job = await pullToEnd(rt, states(day('2026-05-21'), mode), key(), undefined, seen);
      // The sidebar's calls made once the rows were read: each loads while its turn lasts.
      const loading = seen.filter((j) => j.state === 'writing').length;
      expect(job.state, mode).toBe('done');
      const chunks = loads().length - before;
      expect(chunks, mode).toBeGreaterThan(20);
      // About 2 s a chunk: ten in a call's 20-second turn, each call building the rows once, where
      // each call loaded one chunk and the next built all the rows again for the one after.
      expect(loading, mode).toBeLessThanOrEqual(Math.ceil(chunks / 8));
    }
  });

  it("Stop pressed while a sidebar's call waits on its load job is seen by that call within seconds: the pull ends stopped, the job cancelled", async () => {
    const { rt } = await addon();
    // A busy project (a load waits a minute for slots), and a day's rows in three jobs.
    rt.bigquery.jobMs.base = 60_000;
    rt.properties.script.set('BIGQUERY_CHUNK_ROWS', '2000');
    const loads = () => rt.bigquery.jobList().filter((j: Rest) => j.configuration.jobType === 'LOAD');
    let job = await rt.callFromSidebar<JobView>('startPull', states(day('2026-05-21'), 'append'), key());
    const began = rt.clock.now() - job.elapsedMs;
    // The first job outlasts the call's turn: it answered with the job running.
    expect(job.state).toBe('writing');
    expect(loads().map((j: Rest) => j.status.state)).toEqual(['RUNNING']);
    // Stop pressed, as google.script.run's calls run at once, while a later call waits on the second job.
    const at: { time: number; pressed?: Promise<JobView> } = { time: 0 };
    const watch = () => {
      if (loads().length < 2) return rt.meanwhile('bigquery', 1, watch);
      at.time = rt.clock.now();
      at.pressed = rt.callFromSidebar<JobView>('stopPull', job.id);
    };
    rt.meanwhile('bigquery', 1, watch);
    for (let i = 0; i < 100 && !at.pressed && job.nextPollInMs > 0; i++) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(await at.pressed).toMatchObject({ state: 'writing', stage: 'Stopping' });
    // That call ended the pull itself: the first job's rows stay, the second's were cancelled.
    expect(job).toMatchObject({ state: 'failed', stage: 'Stopped', rows: 2_000 });
    expect(job.message).toMatch(/^Stopped: 2,000 of [\d,]+ rows had been appended to /);
    expect(began + job.elapsedMs - at.time).toBeLessThan(10_000);
    await rt.clock.advanceAsync(15 * 60_000);
    const second: Rest = loads()[1];
    expect(second.status.errorResult.reason).toBe('stopped');
    expect(count(rt, 'agent_states').rows).toBe(2_000);
  });

  it('drops the staging table of a replace or merge stopped or failed mid-load; a refused drop leaves the outcome', async () => {
    const { rt } = await addon();
    // Small chunks: a day's load outlasts one execution's budget, so it is stopped under way.
    rt.properties.script.set('BIGQUERY_CHUNK_ROWS', '40');
    const tables = () =>
      ((rt.bigquery.listTables(P, 'wfm') as Rest).tables ?? []).map((t: Rest) => t.tableReference.tableId);
    const underWay = async (mode: string) => {
      let job = await rt.callFromSidebar<JobView>('startPull', states(day('2026-05-21'), mode), key());
      // The staging table is made by the first chunk's job, once it is done.
      for (let i = 0; i < 5 && !tables().some((t: string) => t.startsWith('_staging_')); i++) {
        rt.clock.advance(job.nextPollInMs);
        job = await rt.callFromSidebar<JobView>('pollPull', job.id);
      }
      expect(job.state).toBe('writing');
      expect(tables().filter((t: string) => t.startsWith('_staging_'))).toHaveLength(1);
      return job;
    };
    // Stop pressed: nothing of it stays in BigQuery, not even the table it made.
    for (const mode of ['replace', 'merge']) {
      const job = await underWay(mode);
      const stopped = await rt.callFromSidebar<JobView>('stopPull', job.id);
      expect(stopped.message).toMatch(/^Stopped: /);
      expect(tables()).toEqual([]);
    }
    // BigQuery down past the backoff mid-load: the pull fails, and its staging goes once BigQuery answers.
    let job = await underWay('merge');
    rt.bigquery.faults.set({ backendErrors: 6 });
    for (let i = 0; i < 20 && job.nextPollInMs > 0; i++) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(job.state).toBe('failed');
    expect(job.message).toMatch(/The add-on gave up after 6 attempts\.$/);
    expect(tables()).toEqual([]);
    // BigQuery refusing the cancels (the chunk's, the final query's) and the drop: what the jobs
    // did is not known, and the stop says so; the staging table is left, and the table it made.
    job = await underWay('replace');
    rt.bigquery.faults.set({ backendErrors: 3 });
    const stopped = await rt.callFromSidebar<JobView>('stopPull', job.id);
    expect(stopped.message).toBe('Stopped: load jobs BigQuery had already taken may still finish.');
    expect(tables()).toHaveLength(2);
  });

  it('Stop while a chunk is loading cancels its job: no staging table comes back once the job would have ended, nor the new table the pull made', async () => {
    const { rt } = await addon();
    // A busy project: a load waits 10 minutes for slots, longer than the add-on waits for one.
    rt.bigquery.jobMs.base = 10 * 60_000;
    const tables = () =>
      ((rt.bigquery.listTables(P, 'wfm') as Rest).tables ?? []).map((t: Rest) => t.tableReference.tableId);
    const loads = () => rt.bigquery.jobList().filter((j: Rest) => j.configuration.jobType === 'LOAD');
    for (const mode of ['replace', 'merge', 'append']) {
      const job = await rt.callFromSidebar<JobView>('startPull', states(day('2026-05-21'), mode), key());
      expect(job.state).toBe('writing');
      const chunk: Rest = loads().at(-1);
      expect(chunk.status.state).toBe('RUNNING');
      const stopped = await rt.callFromSidebar<JobView>('stopPull', job.id);
      // Its one chunk cancelled in time: an append's table has none of it, a merge or replace's
      // final query never ran. The table did not exist before the pull, and does not now (QA).
      expect(stopped.message, mode).toBe(
        'Stopped: nothing was written, and team-analytics.wfm.agent_states is as it was.',
      );
      await rt.clock.advanceAsync(15 * 60_000);
      expect(tables(), mode).toEqual([]);
      const cancelled: Rest = loads().find((j: Rest) => j.jobReference.jobId === chunk.jobReference.jobId);
      expect(cancelled.status.errorResult.reason).toBe('stopped');
    }
    // BigQuery refusing to drop it: the words say the table is there now, with no rows.
    const remove = rt.bigquery.removeTable.bind(rt.bigquery);
    rt.bigquery.removeTable = (project, dataset, table) => {
      if (table === 'agent_states') throw new Error('Access Denied: Table team-analytics:wfm.agent_states');
      remove(project, dataset, table);
    };
    const job = await rt.callFromSidebar<JobView>('startPull', states(day('2026-05-21'), 'replace'), key());
    const stopped = await rt.callFromSidebar<JobView>('stopPull', job.id);
    expect(stopped.message).toBe(
      'Stopped: nothing was written, but team-analytics.wfm.agent_states, which this pull made, is left with no rows: delete it in BigQuery if you do not want it.',
    );
    await rt.clock.advanceAsync(15 * 60_000);
    expect(tables()).toEqual(['agent_states']);
    expect(count(rt, 'agent_states').rows).toBe(0);
  });

  it("a sidebar's call answers while a load job runs, saying it loads into BigQuery, so Stop pressed then ends the pull at once: its job cancelled, the table as it was", async () => {
    const { rt } = await addon();
    const first = await pullToEnd(rt, states(day('2026-05-20'), 'replace'), key());
    const before = count(rt, 'agent_states');
    // A busy project: a load waits a minute for slots, within what a step would wait for one job.
    rt.bigquery.jobMs.base = 60_000;
    const loads = () => rt.bigquery.jobList().filter((j: Rest) => j.configuration.jobType === 'LOAD');
    let job = await rt.callFromSidebar<JobView>('startPull', states(day('2026-05-21'), 'replace'), key());
    for (let i = 0; i < 20 && job.state !== 'writing' && job.nextPollInMs > 0; i++) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    // The read is over: its stage is not said on; the load's is, with the rows it brings.
    expect(job).toMatchObject({
      state: 'writing',
      stage: expect.stringMatching(/^Loading into BigQuery: [\d,]+ rows$/),
    });
    const chunk: Rest = loads().at(-1);
    expect(chunk.status.state).toBe('RUNNING');
    // The next call checks the job and answers, not waiting the minute out.
    rt.clock.advance(job.nextPollInMs);
    const asked = rt.clock.now();
    job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    expect(job).toMatchObject({ state: 'writing', stage: expect.stringMatching(/^Loading into BigQuery: /) });
    expect(rt.clock.now() - asked).toBeLessThan(5_000);
    // Between calls, Stop is seen at once.
    const stopped = await rt.callFromSidebar<JobView>('stopPull', job.id);
    expect(stopped).toMatchObject({ state: 'failed', stage: 'Stopped' });
    await rt.clock.advanceAsync(15 * 60_000);
    const cancelled: Rest = loads().find((j: Rest) => j.jobReference.jobId === chunk.jobReference.jobId);
    expect(cancelled.status.errorResult.reason).toBe('stopped');
    expect(count(rt, 'agent_states')).toEqual(before);
    expect(before.rows).toBe(first.rows);
  });

  it('Stop pressed as a replace or merge runs its final query, too late to cancel it, says the rows went in, as the log does', async () => {
    const { rt } = await addon();
    await pullToEnd(rt, states(day('2026-05-20'), 'replace'), key());
    // Jobs take 5 s: the stop's check after its cancel (up to 10 s) sees the query end.
    rt.bigquery.jobMs.base = 5_000;
    // The pull's final query: its job id is made from the pull's.
    const final = (job: JobView, mode: string): Rest =>
      rt.bigquery
        .jobList()
        .find((j: Rest) =>
          j.jobReference.jobId.endsWith(`${job.id.replace(/[^A-Za-z0-9_-]/g, '_')}_${mode}`),
        );
    const log = () => rt.workbook.values('Assembled log') as unknown[][];
    let held = 0;
    for (const [mode, date, verb] of [
      ['replace', '2026-05-21', 'loaded into'],
      ['merge', '2026-05-22', 'merged into'],
    ] as const) {
      let job = await rt.callFromSidebar<JobView>('startPull', states(day(date), mode), key());
      for (let i = 0; i < 50 && !final(job, mode) && job.nextPollInMs > 0; i++) {
        rt.clock.advance(job.nextPollInMs);
        job = await rt.callFromSidebar<JobView>('pollPull', job.id);
      }
      // The sidebar answered with the final query running (a query's work is done as it starts).
      expect(job.state, mode).toBe('writing');
      expect(final(job, mode).status.state, mode).toBe('RUNNING');
      const stopped = await rt.callFromSidebar<JobView>('stopPull', job.id);
      expect(stopped, mode).toMatchObject({
        state: 'done',
        message: `Stopped too late: the rows were ${verb} team-analytics.wfm.agent_states all the same.`,
      });
      // Replace: the day's rows alone; merge: the next day's merged into them.
      const now = count(rt, 'agent_states').rows;
      expect(stopped.rows, mode).toBeGreaterThan(0);
      if (mode === 'replace') expect(now).toBe(stopped.rows);
      else expect(now).toBeGreaterThan(held);
      held = now;
      const row = log().at(-1) ?? [];
      expect(row, mode).toContain('done');
      expect(row, mode).toContain(stopped.rows);
      expect(row, mode).toContain(stopped.message);
    }
  });

  it('Stop pressed as a call loads the last chunks, heard only once the pull is done (the calls one at a time), says it came too late, as the log does', async () => {
    const { rt } = await addon();
    // Chunks of 100, a second each: the call after the read loads every one within its turn.
    rt.properties.script.set('BIGQUERY_CHUNK_ROWS', '100');
    const log = () => rt.workbook.values('Assembled log') as unknown[][];
    const seen: JobView[] = [];
    const job = await pullToEnd(rt, states(day('2026-05-21'), 'append'), key(), undefined, seen);
    const shown = seen.at(-1) ?? job;
    expect(job.state).toBe('done');
    const logged = log().length;
    // Stop pressed while the sidebar still showed the pull loading, its call answered after the poll's.
    expect(shown.nextPollInMs).toBeGreaterThan(0);
    const stopped = await rt.callFromSidebar<JobView>('stopPull', shown.id);
    expect(stopped).toMatchObject({
      state: 'done',
      rows: job.rows,
      message: 'Stopped too late: the rows were appended to team-analytics.wfm.agent_states all the same.',
    });
    expect(count(rt, 'agent_states').rows).toBe(job.rows);
    // The run's one row says it too.
    expect(log()).toHaveLength(logged);
    const row = log().at(-1) ?? [];
    expect(row).toContain('done');
    expect(row).toContain(job.rows);
    expect(row).toContain(stopped.message);
    // Pressed again (a second click), the same words; a poll says them.
    expect((await rt.callFromSidebar<JobView>('stopPull', job.id)).message).toBe(stopped.message);
    expect((await rt.callFromSidebar<JobView>('pollPull', job.id)).message).toBe(stopped.message);
  });

  it('Stop pressed as an append loads its second chunk: the first stays in the table, and the stop says how many rows of how many', async () => {
    const { rt } = await addon();
    // A busy project (a load waits a minute), and a day's rows in chunks of 100.
    rt.bigquery.jobMs.base = 60_000;
    rt.properties.script.set('BIGQUERY_CHUNK_ROWS', '100');
    const loads = () => rt.bigquery.jobList().filter((j: Rest) => j.configuration.jobType === 'LOAD');
    let job = await rt.callFromSidebar<JobView>('startPull', states(day('2026-05-21'), 'append'), key());
    for (let i = 0; i < 100 && loads().length < 2 && job.nextPollInMs > 0; i++) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(loads().map((j: Rest) => j.status.state)).toEqual(['DONE', 'RUNNING']);
    const total = Number(/([\d,]+) rows$/.exec(job.stage)?.[1]?.replace(/,/g, ''));
    expect(total).toBeGreaterThan(200);
    const stopped = await rt.callFromSidebar<JobView>('stopPull', job.id);
    expect(stopped).toMatchObject({
      state: 'failed',
      stage: 'Stopped',
      rows: 100,
      message: `Stopped: 100 of ${total.toLocaleString('en-US')} rows had been appended to team-analytics.wfm.agent_states; the rest were not.`,
    });
    // The second chunk cancelled: once it would have ended, the table holds the first alone.
    await rt.clock.advanceAsync(15 * 60_000);
    expect(count(rt, 'agent_states').rows).toBe(100);
    const row = (rt.workbook.values('Assembled log') as unknown[][]).at(-1) ?? [];
    expect(row).toContain('stopped');
    expect(row).toContain(100);
  });

  it("Stop pressed while a background run's step waits on a slow load job (a pull left to carry on, a refresh's run): the run ends stopped within seconds, its job cancelled, no staging left, the table as it was", async () => {
    const { rt } = await addon();
    const tables = () =>
      ((rt.bigquery.listTables(P, 'wfm') as Rest).tables ?? []).map((t: Rest) => t.tableReference.tableId);
    const loads = () => rt.bigquery.jobList().filter((j: Rest) => j.configuration.jobType === 'LOAD');
    const held = () =>
      (
        rt.bigquery.sql(`SELECT count(*), CAST(max(start_time) AS STRING) FROM \`${P}.wfm.agent_states\``, P)
          .rows as Rest[]
      )[0].f.map((c: Rest) => c.v);
    await pullToEnd(rt, states(day('2026-05-20'), 'append'), key());
    const before = held();
    // A busy project: a load waits a minute for slots, within what the add-on waits for one job.
    // A day's rows in three jobs: a Stop may come as a later one loads.
    rt.bigquery.jobMs.base = 60_000;
    rt.properties.script.set('BIGQUERY_CHUNK_ROWS', '2000');
    /**
     * Presses Stop (`press`) as the step first asks BigQuery after the run's next new chunk (`nth`
     * after it) started (Jobs.get), the lock held by the step: what the press answered, when, and
     * that job. A sidebar's step never waits on a job: the dispatcher's, the sidebar closed, does.
     */
    const pressWhileLoading = <T>(press: () => Promise<T>, nth = 0) => {
      const at: { pressed?: Promise<T>; time: number; chunk?: Rest } = { time: 0 };
      const seen = loads().length + nth;
      const watch = () => {
        const chunk: Rest = loads()[seen];
        if (chunk?.status.state !== 'RUNNING') return rt.meanwhile('bigquery', 1, watch);
        at.chunk = chunk;
        at.time = rt.clock.now();
        at.pressed = press();
      };
      rt.meanwhile('bigquery', 1, watch);
      return at;
    };
    const leftAsItWas = async (chunk: Rest) => {
      // Once the job would have ended, and a cancel reached it: nothing landed, nothing came back.
      await rt.clock.advanceAsync(15 * 60_000);
      expect(tables()).toEqual(['agent_states']);
      expect(held()).toEqual(before);
      const cancelled: Rest = loads().find((j: Rest) => j.jobReference.jobId === chunk.jobReference.jobId);
      expect(cancelled.status.errorResult.reason).toBe('stopped');
      expect(rt.properties.document.keys().filter((k) => /^assembled\.(stop|pause)\./.test(k))).toEqual([]);
    };
    // A merge's second chunk: the first is in its staging table only.
    // (An append's chunks loaded by the sidebar before are in the table: a merge or replace's are staged.)
    for (const [mode, nth] of [
      ['merge', 1],
      ['replace', 0],
    ] as const) {
      const started = await rt.callFromSidebar<JobView>('startPull', states(day('2026-05-21'), mode), key());
      const began = rt.clock.now() - started.elapsedMs;
      const at = pressWhileLoading(() => rt.callFromSidebar<JobView>('stopPull', started.id), nth);
      // The sidebar closed: the dispatcher carries the pull on.
      await rt.clock.advanceAsync(61 * 60_000);
      const ended = await rt.callFromSidebar<JobView>('pollPull', started.id);
      // The press answers that the pull is stopping; the step sees it within seconds (the press's
      // 5 s wait for the lock, a check every 2 s, the cancel's 1 s), not once its job is done (a
      // minute) or its budget spent, and ends the pull itself.
      expect(await at.pressed, mode).toMatchObject({ state: 'writing', stage: 'Stopping' });
      expect(began + ended.elapsedMs - at.time, mode).toBeLessThan(10_000);
      expect(ended, mode).toMatchObject({
        state: 'failed',
        stage: 'Stopped',
        message: 'Stopped: nothing was written, and team-analytics.wfm.agent_states is as it was.',
        rows: 0,
      });
      // The rows loaded into staging are said, where "Rows loaded" fell from "(4,000 so far)" to a
      // bare "none", as if a count went missing (QA).
      expect(ended.rowsWords, mode).toBe(
        `none: the ${mode === 'merge' ? '4,000' : '2,000'} so far never reached the table`,
      );
      await leftAsItWas(at.chunk);
    }
    // A scheduled refresh's run, stopped on its card as the dispatcher loads it.
    const [saved] = await rt.callFromSidebar<Rest[]>(
      'saveRefresh',
      {
        spec: states({ kind: 'relative', preset: 'days_back', days: 2 }, 'merge'),
        frequency: { kind: 'daily', hour: 7 },
        notifyByEmail: false,
      },
      key(),
    );
    await rt.callFromSidebar<Rest[]>('runRefreshNow', saved.id);
    const at = pressWhileLoading(() => rt.callFromSidebar<Rest[]>('stopRefreshRun', saved.id));
    await rt.clock.advanceAsync(61 * 60_000);
    const [ended] = await rt.callFromSidebar<Rest[]>('listRefreshes');
    expect((await at.pressed)?.[0]).toMatchObject({ running: true, stopping: true });
    expect(ended).toMatchObject({
      running: false,
      lastRun: {
        status: 'stopped',
        message:
          'Stopped on its card by you: nothing was written, and team-analytics.wfm.agent_states is as it was.',
      },
    });
    await leftAsItWas(at.chunk);
  });

  it("shows BigQuery's own words when a job fails, in the sidebar and the run log", async () => {
    const { rt } = await addon();
    rt.bigquery.insertDataset({ datasetReference: { datasetId: 'wfm' } }, P);
    rt.bigquery.insertTable(
      {
        tableReference: { tableId: 'strict' },
        schema: { fields: [{ name: 'reviewed_by', type: 'STRING', mode: 'REQUIRED' }] },
      },
      P,
      'wfm',
    );
    const failed = await pullToEnd(rt, states(day('2026-05-21'), 'append', 'strict'), key());
    expect(failed.state).toBe('failed');
    expect(failed.message).toMatch(
      /^BigQuery refused the load: Error while reading data, error message: JSON table encountered too many errors, giving up\. .* First error: .*Missing required field: reviewed_by\.$/,
    );
    const log = rt.workbook.values('Assembled log') as unknown[][];
    expect(log.at(-1)).toContain(failed.message);
    // A project whose BigQuery API is off: Google's words, not ours.
    rt.bigquery.addProject('other-project', { apiEnabled: false });
    const off = await pullToEnd(
      rt,
      {
        ...states(day('2026-05-21'), 'append'),
        target: { kind: 'bigquery', project: 'other-project', dataset: 'wfm', table: 't' },
      },
      key(),
    );
    expect(off.message).toMatch(
      /^BigQuery API has not been used in project other-project before or it is disabled/,
    );
  });
});

describe('BigQuery as a refresh target and as input', () => {
  it("a daily refresh appends yesterday's agent states from the trigger; the project is remembered for every editor", async () => {
    const { rt } = await addon();
    const spec = states({ kind: 'relative', preset: 'yesterday' }, 'append', 'daily_states');
    await rt.callFromSidebar(
      'saveRefresh',
      { spec, frequency: { kind: 'daily', hour: 7 }, notifyByEmail: false },
      'bq-refresh-01',
    );
    await rt.clock.advanceAsync(2 * 86_400_000);
    // One run a day, each its own load jobs; a state spanning midnight is in both days' pulls.
    const loads = rt.bigquery.jobList().filter((j: Rest) => j.configuration.jobType === 'LOAD');
    expect(loads.filter((j: Rest) => /_c0$/.test(j.jobReference.jobId))).toHaveLength(2);
    const sent = loads.reduce((n: number, j: Rest) => n + Number(j.statistics.load.outputRows), 0);
    const loaded = count(rt, 'daily_states');
    expect(loaded.rows).toBeGreaterThan(0);
    expect(loaded.rows).toBe(sent);
    const other = rt.asUser('lead@example.com');
    expect((await other.callFromSidebar<Rest>('getPullOptions')).bigQueryProject).toBe(P);
  });

  it("a refresh's run in the background waits on slow load jobs in the tick that started it, not the few seconds a sidebar's first load call waits", async () => {
    const { rt } = await addon();
    // A busy project: each of a day's jobs waits 5 s for slots, past that first call's seconds.
    rt.bigquery.jobMs.base = 5_000;
    rt.properties.script.set('BIGQUERY_CHUNK_ROWS', '200');
    const spec = states({ kind: 'relative', preset: 'yesterday' }, 'append', 'slow_states');
    await rt.callFromSidebar(
      'saveRefresh',
      { spec, frequency: { kind: 'daily', hour: 9 }, notifyByEmail: false },
      'bq-refresh-slow',
    );
    // Saved at 08:00 New York: the hourly tick at 09:00 runs it; the next is at 10:00.
    const fired = await rt.clock.advanceAsync(90 * 60_000);
    const ticks = fired.filter((f) => ['onDispatchTrigger', 'onHourlyDispatchTrigger'].includes(f.handler));
    expect(ticks).toHaveLength(1);
    const [view] = await rt.callFromSidebar<Rest[]>('listRefreshes');
    expect(view?.lastRun).toMatchObject({ status: 'done' });
    const loads = rt.bigquery.jobList().filter((j: Rest) => j.configuration.jobType === 'LOAD');
    expect(loads.length).toBeGreaterThan(2);
  });

  it("a refresh edited to append into a table says it in the Pull form's BigQuery words, and that a day under way is added again at every run", async () => {
    const { rt } = await addon();
    const spec = states({ kind: 'relative', preset: 'yesterday' }, 'merge', 'hourly_states');
    const form = { frequency: { kind: 'hourly' }, notifyByEmail: false };
    const [saved] = await rt.callFromSidebar<Rest[]>('saveRefresh', { spec, ...form }, 'bq-refresh-02');
    // Edit: the mode changed to append, sent with the card's id as the Scheduled refreshes sidebar does.
    const [card] = await rt.callFromSidebar<Rest[]>(
      'saveRefresh',
      { spec: { ...spec, mode: 'append' }, ...form },
      saved.id,
    );
    expect(card.mode).toBe('Append: add every row to it');
    const again =
      'A day already over when a run begins is added once; a day still under way (today, this week) is added whole at every run, so its earlier rows are there again. To keep one row per record, choose Merge by key.';
    // Replace would take all but its own period away: said, and asked at Save, like any append's.
    const replaces = (place: string) =>
      `Each run will then replace the whole ${place}, leaving the rows of yesterday only: every other row in it goes at its next run.`;
    expect(card.modes).toEqual([
      {
        value: 'replace',
        label: 'Replace it',
        note: replaces('table'),
        ask: expect.objectContaining({ keep: 'Keep Append' }),
      },
      { value: 'append', label: 'Append: add every row to it', note: again },
      { value: 'merge', label: 'Merge by key (Agent ID, Platform, Start)', note: '' },
    ]);
    // Into a sheet, an append skips the rows there: the sheet's words, nothing to warn of.
    const sheet = { ...spec, mode: 'append', target: { kind: 'sheet', name: 'Sheet1' } };
    const views = await rt.callFromSidebar<Rest[]>(
      'saveRefresh',
      { spec: sheet, ...form },
      'sheet-refresh-1',
    );
    const onSheet = views.find((v) => v.target === 'Sheet1');
    expect(onSheet.mode).toBe('Append below it');
    expect(onSheet.modes.map((m: Rest) => m.note)).toEqual([replaces('sheet'), '', '']);
    // A report by day adds no day still under way: each day once, nothing to warn of.
    const byDay = {
      ...spec,
      source: { kind: 'report', report: 'adherence', granularity: 'day' },
      mode: 'append',
    };
    const [report] = await rt.callFromSidebar<Rest[]>('saveRefresh', { spec: byDay, ...form }, saved.id);
    expect(report.mode).toBe('Append: add every row to it');
    expect(report.modes.map((m: Rest) => m.note)).toEqual([replaces('table'), '', '']);
  });

  it('an append refresh loads a day once it is over: created as append, changed to append, or given a wider range', async () => {
    const { rt } = await addon();
    const form = { frequency: { kind: 'daily', hour: 7 }, notifyByEmail: false };
    const save = async (spec: object, id: string) =>
      (await rt.callFromSidebar<Rest[]>('saveRefresh', { spec, ...form }, id)).find(
        (v) => v.id === id || v.spec.target.table === (spec as Rest).target.table,
      );
    const week = { kind: 'relative', preset: 'last_7_days' };
    // Created as append; one created as replace (changed to append after its first run); one
    // appending yesterday, whose range is widened to the last 7 days after its first run.
    await save(states(week, 'append', 'appended'), 'bq-once-1');
    const replaced = await save(states(week, 'replace', 'replaced'), 'bq-once-2');
    const widened = await save(
      states({ kind: 'relative', preset: 'yesterday' }, 'append', 'widened'),
      'bq-once-3',
    );
    await rt.clock.advanceAsync(86_400_000);
    // Changed in the Edit form (mode) and through saveRefresh (range), as the sidebar sends it.
    await rt.callFromSidebar(
      'saveRefresh',
      { spec: { ...replaced.spec, mode: 'append' }, ...form },
      replaced.id,
    );
    await rt.callFromSidebar('saveRefresh', { spec: { ...widened.spec, range: week }, ...form }, widened.id);
    await rt.clock.advanceAsync(2 * 86_400_000);
    const log = (rt.workbook.values('Assembled log') as string[][]).slice(1);
    const loaded = (table: string) =>
      log
        .filter((row) => row.join(' ').includes(`wfm.${table}`))
        .map((row) => row.find((c) => /^Scheduled: /.test(String(c))));
    // Each day once: the first run the days it has, each later run the day just over.
    expect(loaded('appended')).toEqual([
      'Scheduled: Agent states 2026-05-19 to 2026-05-25 (Append)',
      'Scheduled: Agent states 2026-05-26 (Append)',
      'Scheduled: Agent states 2026-05-27 (Append)',
    ]);
    // Its first run replaced, as it was created; its later runs append, as the Edit form changed it.
    expect(loaded('replaced')).toEqual([
      'Scheduled: Agent states 2026-05-19 to 2026-05-25 (Replace)',
      ...loaded('appended').slice(1),
    ]);
    // The widened range's days before the one it held first, then on from there.
    expect(loaded('widened')).toEqual([
      'Scheduled: Agent states 2026-05-25 (Append)',
      'Scheduled: Agent states 2026-05-20 to 2026-05-24 (Append)',
      'Scheduled: Agent states 2026-05-26 to 2026-05-27 (Append)',
    ]);
    for (const table of ['appended', 'replaced']) {
      const sent = log
        .filter((row) => row.join(' ').includes(`wfm.${table}`))
        .reduce((n, row) => n + Number(row[5]), 0);
      expect(count(rt, table).rows).toBe(sent);
    }
    // Run now of days the table holds whole adds nothing, and says why.
    const mine = await rt.callFromSidebar<Rest[]>('listRefreshes');
    const loads = rt.bigquery.jobList().length;
    const after = await rt.callFromSidebar<Rest[]>('runRefreshNow', mine[0].id);
    expect(rt.bigquery.jobList()).toHaveLength(loads);
    expect(after[0].lastRun).toMatchObject({ status: 'skipped', rows: 0 });
    expect(after[0].lastRun.message).toBe(
      'Nothing appended: the table holds 2026-05-21 to 2026-05-27 already, loaded after those days were over.',
    );
    // Other data into that table: it holds none of it, so Run now loads the whole range.
    const [agent] = rt.bigquery.sql(`SELECT agent_id FROM \`${P}.wfm.appended\` LIMIT 1`, P).rows as Rest[];
    const other = { ...mine[0].spec, filters: { agent_ids: [agent.f[0].v] } };
    await rt.callFromSidebar('saveRefresh', { spec: other, ...form }, mine[0].id);
    let [rerun] = await rt.callFromSidebar<Rest[]>('runRefreshNow', mine[0].id);
    for (let i = 0; i < 20 && rerun.running; i++) {
      await rt.clock.advanceAsync(5_000);
      [rerun] = await rt.callFromSidebar<Rest[]>('pollRefresh', mine[0].id);
    }
    expect(rerun.lastRun).toMatchObject({ status: 'done' });
    // Each Run now has its row, the one that loaded nothing too.
    const rows = (rt.workbook.values('Assembled log') as string[][]).slice(log.length + 1);
    expect(rows.map((row) => [row[4], row[5], row[7]])).toEqual([
      ['skipped', 0, after[0].lastRun.message],
      ['done', rerun.lastRun.rows, expect.any(String)],
    ]);
  });

  it('says what to fix in a BigQuery target, and keeps sheet-only sources off it', async () => {
    const { rt } = await addon();
    const bad = {
      ...states(day('2026-05-21'), 'append'),
      target: { kind: 'bigquery', project: 'My Project', dataset: 'w-fm', table: 't' },
    };
    await expect(rt.callFromSidebar('startPull', bad, key())).rejects.toThrow(
      /^The Google Cloud project id is 6 to 30 lower-case letters, digits or hyphens, like my-team-123\. Type the dataset name in letters, digits and underscores\.$/,
    );
    // Nothing typed: a name is wanted.
    const blank = { ...bad, target: { kind: 'bigquery', project: P, dataset: ' ', table: '' } };
    await expect(rt.callFromSidebar('startPull', blank, key())).rejects.toThrow(
      /^Type a dataset name\. Type a table name\.$/,
    );
    const grid = {
      source: { kind: 'resource', resource: 'schedule_grid' },
      range: day('2026-05-21'),
      target: { kind: 'bigquery', project: P, dataset: 'wfm', table: 'grid' },
      mode: 'replace',
    };
    await expect(rt.callFromSidebar('startPull', grid, key())).rejects.toThrow(
      /Schedule grid is a picture for a sheet: it cannot go to BigQuery/,
    );
    expect(rt.bigquery.jobList()).toEqual([]);
  });
});
