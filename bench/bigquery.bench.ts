// An agent-state history loaded into BigQuery through the built bundle and the fake BigQuery
// (DuckDB): a team of 500 agents with 50 states each a day (25,000 rows a day), pulled one day at
// a time (as a daily refresh would) into one table until it holds BQ_BENCH_ROWS rows (default
// 5,000,000: 200 days). The simulator's org is too small for this, so the bench answers
// GET /v0/agents/state itself (live dialect, paged) and leaves every other request to it.
// Figures: rows per wall second, Apps Script executions used (and killed), load jobs, MB uploaded.
import type { SimRequest, SimResponse } from '../dev/gas';
import { startLocalAddon } from '../dev/local-addon';
import type { JobView } from '../src/core/pull/pull-view';

const TARGET = Number(process.env.BQ_BENCH_ROWS ?? 5_000_000);
const AGENTS = 500;
const PER_DAY = 50;
const P = 'bench-project';
const DAY = 86_400_000;
const STATES = ['available', 'busy', 'break', 'lunch', 'training'];

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
  rt.counters.reset();
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
    let job = await rt.callFromSidebar<JobView>(
      'startPull',
      spec,
      `bench-bq-${String(pulls++).padStart(4, '0')}`,
    );
    while (job.nextPollInMs > 0) {
      await rt.clock.advanceAsync(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    if (job.state !== 'done' || job.rows === 0)
      throw new Error(`pull of ${date} ended ${job.state}: ${job.message}`);
    loaded += job.rows;
    if (process.env.BQ_BENCH_VERBOSE)
      console.log(date, job.rows, loaded, Math.round(performance.now() - began));
  }
  const seconds = (performance.now() - began) / 1000;
  const sql = `SELECT count(*), count(DISTINCT concat(agent_id, CAST(start_time AS STRING))) FROM \`${P}.wfm.agent_states\``;
  const [row] = rt.bigquery.sql(sql, P).rows as { f: { v: string }[] }[];
  const executions = rt.executions.filter((e) => e.fnName === 'startPull' || e.fnName === 'pollPull');
  const loads = rt.bigquery
    .jobList()
    .filter((j) => (j.configuration as { jobType: string }).jobType === 'LOAD');
  return {
    'rows loaded (jobs)': loaded,
    'rows in the table': Number(row?.f[0]?.v),
    'distinct (agent, start) in the table': Number(row?.f[1]?.v),
    'pulls (one day each)': pulls,
    'rows per wall second': Math.round(loaded / seconds),
    'executions used': executions.length,
    'executions killed': rt.counters.executions.killed,
    'load jobs': loads.length,
    'MB uploaded': Math.round(rt.counters.bigquery.bytesUploaded / 1e6),
    'longest execution (virtual ms)': Math.max(...executions.map((e) => e.durationMs)),
  };
}
