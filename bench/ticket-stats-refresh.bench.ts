// An hourly scheduled refresh of today's ticket stats over the organisation's 7 queues, through the
// built bundle ticked hourly as the published add-on is, Assembled building each report in 20 s
// (the simulator's default): the background time a run takes (virtual seconds, the executions of
// the hourly ticks), what that comes to in a day against Apps Script's 60 minutes of triggers, and
// the reports asked per run (one per queue: issue 13, each once waited its own build).

import { stepUntil } from '../dev/daily-refresh';
import { startLocalAddon } from '../dev/local-addon';
import type { SimRequest } from '../dev/simulator/api';

const HOUR = 3_600_000;
const RUNS = 6;

export async function run(): Promise<Record<string, number | string>> {
  // 08:50 in New York: the refresh's hourly tick comes at :50.
  const local = await startLocalAddon({ now: '2026-05-25T12:50:00Z', dialect: 'live' });
  const { rt, sim } = local;
  let asked = 0;
  rt.setHttp((request: SimRequest) => {
    if (request.method === 'POST' && /\/v0\/reports\//.test(request.url)) asked++;
    return local.backend.http(request);
  });
  rt.workbook.addSheet('Tickets today');
  const spec = {
    source: { kind: 'report', report: 'ticket_stats', granularity: 'interval' },
    range: { kind: 'relative', preset: 'today' },
    target: { kind: 'sheet', name: 'Tickets today' },
    mode: 'replace',
  };
  await rt.callFromSidebar(
    'saveRefresh',
    { spec, frequency: { kind: 'hourly' }, notifyByEmail: false },
    'bench-ticket-stats-hourly',
  );
  const began = rt.clock.now();
  const done = () =>
    rt.workbook.sheetNames().includes('Assembled log')
      ? rt.workbook
          .values('Assembled log')
          .slice(1)
          .filter((r) => r[4] === 'done').length
      : 0;
  await stepUntil(rt, () => done() >= RUNS, (RUNS + 1) * HOUR);
  const runs = done();
  if (runs < RUNS) throw new Error(`Only ${runs} of ${RUNS} runs were done`);
  const background = rt.executions
    .filter((e) => e.kind === 'time-trigger' && e.startedAt >= began)
    .reduce((sum, e) => sum + e.durationMs, 0);
  const perRun = background / runs;
  return {
    'queues asked': sim.admin.org.queues.length,
    'runs done': runs,
    'virtual s per run': Math.round(perRun / 1000),
    'virtual min a day (of 60)': Math.round((24 * perRun) / 60_000),
    'reports asked per run': Math.round((10 * asked) / runs) / 10,
  };
}
