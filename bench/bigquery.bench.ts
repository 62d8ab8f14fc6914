// An agent-state history loaded into BigQuery through the built bundle and the fake BigQuery
// (DuckDB): a team of 500 agents with 50 states each a day (25,000 rows a day), pulled one day at
// a time (as a daily refresh would) into one table until it holds BQ_BENCH_ROWS rows (default
// 5,000,000: 200 days). The simulator's org is too small for this, so the bench answers
// GET /v0/agents/state itself (live dialect, paged) and leaves every other request to it.
// Executions are killed at random points (seeded: BQ_BENCH_SEED), as the 6-minute limit or a
// lost machine would: before a random call of a random service, so the kill lands while pages are
// read, staged, loaded or saved. The table must still hold every (agent, start) once.
// Load jobs of BQ_BENCH_CHUNK_ROWS rows (default 10,000: three a day). Figures: rows per wall
// second, Apps Script executions used and killed (and before which service's call), load jobs, MB uploaded,
// peak memory of the process (DuckDB runs in a worker thread of it).
import type { SimRequest, SimResponse } from '../dev/gas';
import type { ServiceName } from '../dev/gas/counters';
import { startLocalAddon } from '../dev/local-addon';
import { createRng } from '../dev/simulator/prng';
import type { JobView } from '../src/core/pull/pull-view';

const TARGET = Number(process.env.BQ_BENCH_ROWS ?? 5_000_000);
const AGENTS = 500;
const PER_DAY = 50;
const P = 'bench-project';
const DAY = 86_400_000;
const STATES = ['available', 'busy', 'break', 'lunch', 'training'];
/** Share of executions killed, and where: before the n-th call (1..KILL_CALLS) of one of these. */
const KILL_RATE = Number(process.env.BQ_BENCH_KILL_RATE ?? 0.25);
const KILL_CALLS = 12;
const KILL_SERVICES: ServiceName[] = [
  'bigquery',
  'bigquery',
  'urlfetch',
  'spreadsheet',
  'properties',
  'lock',
];
/** Rows per load job (the BIGQUERY_CHUNK_ROWS script property): a day's pull is several jobs, so kills land between and inside them. */
const CHUNK_ROWS = process.env.BQ_BENCH_CHUNK_ROWS ?? '10000';
/**
 * The add-on gives up on a step cut short four executions running (by design: a step that never
 * fits is reported, not retried for ever), so random kills never strike more than twice in a row.
 */
const MAX_KILLS_IN_A_ROW = 2;

/** The states that start in [start, end) (unix seconds), paged by limit/offset. */
function agentStates(url: URL): SimResponse {
  const start = Number(url.searchParams.get('start_time')) * 1000;
  const end = Number(url.searchParams.get('end_time')) * 1000;
  const limit = Number(url.searchParams.get('limit') ?? 100);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const first = Math.ceil(start / DAY);
  const days = Math.max(0, Math.ceil(end / DAY) - first);
  const total = days * AGENTS * PER_DAY;
  const items = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) {
    const day = first + Math.floor(i / (AGENTS * PER_DAY));
    const slot = Math.floor((i % (AGENTS * PER_DAY)) / AGENTS);
    const agent = i % AGENTS;
    const begins = day * DAY + slot * 28 * 60_000 + agent * 1000;
    items.push({
      agent_id: `agent-${String(agent).padStart(4, '0')}`,
      state: STATES[(agent + slot) % STATES.length],
      start_time: Math.floor(begins / 1000),
      end_time: Math.floor(begins / 1000) + 27 * 60,
      platform: 'zendesk',
    });
  }
  const body = JSON.stringify({ agent_states: items, total, limit, offset });
  return { status: 200, headers: { 'content-type': 'application/json' }, body, delayMs: 150 };
}

export async function run(): Promise<Record<string, number | string>> {
  const { rt, backend } = await startLocalAddon({ dialect: 'live', now: '2026-05-25T12:00:00Z' });
  rt.setHttp((request: SimRequest) => {
    const url = new URL(request.url, 'https://api.assembledhq.com');
    return request.method === 'GET' && url.pathname === '/v0/agents/state'
      ? agentStates(url)
      : backend.http(request);
  });
  rt.bigquery.addProject(P);
  rt.properties.script.set('BIGQUERY_CHUNK_ROWS', CHUNK_ROWS);
  rt.counters.reset();
  const rng = createRng(Number(process.env.BQ_BENCH_SEED ?? 16));
  let kills = 0;
  const killedAt: Record<string, number> = {};
  let inARow = 0;
  let peakRss = process.memoryUsage().rss;
  /** One execution from the sidebar, perhaps killed at a random point. */
  const call = async (fn: string, ...args: unknown[]): Promise<JobView | undefined> => {
    const kill = inARow < MAX_KILLS_IN_A_ROW && rng.chance(KILL_RATE);
    const service = rng.pick(KILL_SERVICES);
    if (kill) rt.killAfter(service, rng.int(1, KILL_CALLS));
    const killedBefore = rt.counters.executions.killed;
    try {
      return await rt.callFromSidebar<JobView>(fn, ...args);
    } catch (error) {
      if (!/Exceeded maximum execution time/.test(String(error))) throw error;
      return undefined;
    } finally {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (rt.counters.executions.killed > killedBefore) {
        kills++;
        inARow++;
        killedAt[service] = (killedAt[service] ?? 0) + 1;
        // A killed execution's lock lapses when it would have ended anyway (6 minutes on).
        await rt.clock.advanceAsync(6.5 * 60_000);
      } else {
        inARow = 0;
        // A kill planned past the execution's last call of that service lapsed with it.
      }
    }
  };
  const began = performance.now();
  let loaded = 0;
  let pulls = 0;
  let day = Date.parse('2026-05-24T00:00:00Z');
  while (loaded < TARGET) {
    const date = new Date(day).toISOString().slice(0, 10);
    day -= DAY;
    const spec = {
      source: { kind: 'resource', resource: 'agent_states' },
      range: { kind: 'absolute', from: date, to: date },
      target: { kind: 'bigquery', project: P, dataset: 'wfm', table: 'agent_states' },
      mode: 'append',
    };
    const key = `bench-bq-${String(pulls++).padStart(4, '0')}`;
    // Until a start survives, start again with the same key (the same pull, never a second one).
    let job: JobView | undefined;
    while (!job) job = await call('startPull', spec, key);
    while (job.nextPollInMs > 0) {
      await rt.clock.advanceAsync(job.nextPollInMs);
      job = (await call('pollPull', job.id)) ?? job;
    }
    if (job.state !== 'done' || job.rows === 0)
      throw new Error(`pull of ${date} ended ${job.state}: ${job.message}`);
    loaded += job.rows;
    if (process.env.BQ_BENCH_VERBOSE)
      console.log(date, job.rows, loaded, Math.round(performance.now() - began));
  }
  const seconds = (performance.now() - began) / 1000;
  const sql = `SELECT count(*), count(DISTINCT concat(agent_id, '|', CAST(start_time AS STRING))) FROM \`${P}.wfm.agent_states\``;
  const [row] = rt.bigquery.sql(sql, P).rows as { f: { v: string }[] }[];
  const inTable = Number(row?.f[0]?.v);
  const distinct = Number(row?.f[1]?.v);
  if (inTable !== loaded || distinct !== loaded)
    throw new Error(`${loaded} rows loaded, but the table holds ${inTable} (${distinct} distinct)`);
  const executions = rt.executions.filter((e) => e.fnName === 'startPull' || e.fnName === 'pollPull');
  const loads = rt.bigquery
    .jobList()
    .filter((j) => (j.configuration as { jobType: string }).jobType === 'LOAD');
  return {
    'rows loaded (jobs)': loaded,
    'rows in the table': inTable,
    'distinct (agent, start) in the table': distinct,
    'pulls (one day each)': pulls,
    'rows per wall second': Math.round(loaded / seconds),
    'executions used': executions.length,
    'executions killed (random points)': kills,
    'kills before a call of': Object.entries(killedAt)
      .map(([service, n]) => `${service} ${n}`)
      .join(', '),
    'peak memory (RSS MB)': Math.round(peakRss / 1e6),
    'load jobs': loads.length,
    'MB uploaded': Math.round(rt.counters.bigquery.bytesUploaded / 1e6),
    'longest execution (virtual ms)': Math.max(...executions.map((e) => e.durationMs)),
  };
}
