// The 140,000-row adherence report of issue 13, live dialect, through build/Code.js in the local
// Apps Script runtime: the report's pages are synthetic (1,400 pages of 300 metrics, three metrics
// a row, for the simulator's 100 agents over 29 days of half hours), everything else is the
// simulator. Pulled twice: left to the dispatcher (a bound script's one-minute tick), and with
// the sidebar open. Goals: it lands, every page is fetched once, few setValues calls.
import type { LocalRuntime } from '../dev/gas';
import { startLocalAddon } from '../dev/local-addon';
import type { SimRequest, SimResponse } from '../dev/simulator/api';
import type { JobView } from '../src/core/pull/pull-view';

const ROWS = 140_000;
const METRICS = ['scheduled_seconds', 'adherent_seconds', 'adherence_percent'];
const PER_PAGE = 300;
const HALF_HOUR_S = 1800;
/** Assembled builds it in this long. */
const BUILD_MS = 60_000;
const FROM = '2026-04-01';
const TO = '2026-04-29';

/** A report job of the synthetic size, answered page by page like the live service. */
function syntheticReports(agents: string[], startS: number, now: () => number) {
  let startedAt = 0;
  const requested = new Map<number, number>();
  const metric = (i: number) => {
    const row = Math.floor(i / METRICS.length);
    const name = METRICS[i % METRICS.length] as string;
    const start = startS + Math.floor(row / agents.length) * HALF_HOUR_S;
    const value =
      name === 'adherence_percent'
        ? 90 + (row % 10)
        : 1800 - (row % 7) * (name === 'adherent_seconds' ? 60 : 0);
    return {
      name,
      value,
      attributes: {
        agent_id: agents[row % agents.length],
        type: 'interval',
        start_time: start,
        end_time: start + HALF_HOUR_S,
      },
    };
  };
  const json = (status: number, body: unknown): SimResponse => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    delayMs: 150,
  });
  return {
    requested,
    handle(request: SimRequest): SimResponse | undefined {
      if (request.method === 'POST' && request.url.includes('/v0/reports/adherence')) {
        startedAt = now();
        return json(202, { report_id: 'synthetic-adherence' });
      }
      const page = /\/v0\/reports\/synthetic-adherence\?(.*)$/.exec(request.url);
      if (!page) return undefined;
      const query = new URLSearchParams(page[1]);
      const offset = Number(query.get('offset') ?? 0);
      const limit = Math.min(Number(query.get('limit') ?? 100), PER_PAGE);
      const total = ROWS * METRICS.length;
      if (now() - startedAt < BUILD_MS)
        return json(200, {
          report_id: 'synthetic-adherence',
          status: 'in_progress',
          metrics: [],
          total_metric_count: 0,
        });
      requested.set(offset, (requested.get(offset) ?? 0) + 1);
      const metrics = [];
      for (let i = offset; i < Math.min(total, offset + limit); i++) metrics.push(metric(i));
      return json(200, {
        report_id: 'synthetic-adherence',
        status: 'complete',
        report_type: 'adherence',
        generated_at: Math.floor((startedAt + BUILD_MS) / 1000),
        metrics,
        total_metric_count: total,
        limit,
        offset,
      });
    },
  };
}

const SPEC = {
  source: { kind: 'report', report: 'adherence', granularity: 'interval' },
  range: { kind: 'absolute', from: FROM, to: TO },
  target: { kind: 'new_sheet', name: 'Adherence' },
  mode: 'replace',
};

async function setup() {
  const local = await startLocalAddon({ dialect: 'live', mode: 'bound', now: '2026-05-25T12:00:00Z' });
  const { rt, sim, backend } = local;
  const agents = sim.admin.org.people.map((p) => p.agent_id).filter(Boolean);
  // The range starts at midnight New York (UTC-4 in April).
  const reports = syntheticReports(agents, Date.parse(`${FROM}T04:00:00Z`) / 1000, () => rt.clock.now());
  rt.setHttp((request) => reports.handle(request) ?? backend.http(request));
  rt.counters.reset();
  return { rt, reports };
}

/** Virtual time from the start to the end of the last execution. */
const toDone = (rt: LocalRuntime, began: number) => {
  const last = rt.executions.at(-1);
  return last ? last.startedAt + last.durationMs - began : 0;
};

function figures(
  label: string,
  rt: LocalRuntime,
  reports: ReturnType<typeof syntheticReports>,
  job: JobView,
  began: number,
  executions: number,
) {
  const counts = [...reports.requested.values()];
  const c = rt.counters;
  return {
    [`${label}: job state`]: job.state,
    [`${label}: rows written`]: job.rows,
    [`${label}: executions`]: executions,
    [`${label}: killed executions`]: c.executions.killed,
    [`${label}: report pages (distinct)`]: counts.length,
    [`${label}: report page requests`]: counts.reduce((a, b) => a + b, 0),
    [`${label}: UrlFetch requests (all)`]: c.urlfetch.requests,
    [`${label}: setValues calls`]: c.spreadsheet.setValuesCalls,
    [`${label}: largest setValues (cells)`]: c.spreadsheet.setValuesLargestCells,
    [`${label}: virtual minutes to done`]: (toDone(rt, began) / 60_000).toFixed(1),
    [`${label}: staging sheets left`]: rt.workbook.sheetNames().filter((n) => n.startsWith('~')).length,
  };
}

/** Started from the sidebar, which is then closed: the dispatcher's one-minute ticks finish it. */
async function byDispatcher() {
  const { rt, reports } = await setup();
  const began = rt.clock.now();
  const started = await rt.callFromSidebar<JobView>('startPull', SPEC, 'bench-big-report-1');
  const runs = rt.executions.length;
  const state = () =>
    JSON.parse(rt.properties.document.get(`job.${started.id}`) ?? '{}') as { state?: string };
  for (let i = 0; i < 120 && !['done', 'failed', 'stalled'].includes(state().state ?? ''); i++)
    await rt.clock.advanceAsync(60_000);
  const executions = rt.executions.length - runs + 1;
  const result = figures('dispatcher', rt, reports, started, began, executions);
  // The job as it ended (a finished job is only read).
  const job = await rt.callFromSidebar<JobView>('pollPull', started.id);
  return { ...result, 'dispatcher: job state': job.state, 'dispatcher: rows written': job.rows };
}

/** With the sidebar open: it asks again a second after each answer. */
async function bySidebar() {
  const { rt, reports } = await setup();
  const began = rt.clock.now();
  let job = await rt.callFromSidebar<JobView>('startPull', SPEC, 'bench-big-report-2');
  const runs = rt.executions.length;
  for (let i = 0; i < 500 && job.nextPollInMs > 0; i++) {
    rt.clock.advance(job.nextPollInMs);
    job = await rt.callFromSidebar<JobView>('pollPull', job.id);
  }
  return figures('sidebar', rt, reports, job, began, rt.executions.length - runs + 1);
}

export async function run(): Promise<Record<string, number | string>> {
  return { ...(await byDispatcher()), ...(await bySidebar()) };
}
