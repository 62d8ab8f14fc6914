// The schedule grid: 200 agents x 7 days x 30-minute columns pulled end to end through the built
// bundle in the local Apps Script runtime. Goal: a handful of block calls (values, backgrounds and
// font colours as arrays), none per cell. The demo org has ~95 agents; clones of them (own agent
// ids, same shifts) make up 200 before the first activities request.
import { startLocalAddon } from '../dev/local-addon';
import type { JobView } from '../src/core/pull/pull-view';

const AGENTS = 200;

export async function run(): Promise<Record<string, number | string>> {
  const { rt, sim } = await startLocalAddon({ now: '2026-05-25T12:00:00Z' });
  const org = sim.admin.org;
  const agents = org.people.filter((p) => p.staffable && !p.deleted && org.schedules.has(p.agent_id));
  for (let i = 0; agents.length + i < AGENTS; i++) {
    const model = agents[i % agents.length];
    if (!model) break;
    const agentId = `${model.agent_id}_clone${i}`;
    org.people.push({
      ...model,
      id: `${model.id}_clone${i}`,
      agent_id: agentId,
      last_name: `${model.last_name} ${i}`,
    });
    org.schedules.set(agentId, [...(org.schedules.get(model.agent_id) ?? [])]);
  }
  rt.counters.reset();
  const spec = {
    source: { kind: 'resource', resource: 'schedule_grid' },
    range: { kind: 'absolute', from: '2026-05-18', to: '2026-05-24' },
    target: { kind: 'new_sheet', name: 'Grid' },
    mode: 'replace',
    gridMinutes: 30,
  };
  const wall = performance.now();
  let job = await rt.callFromSidebar<JobView>('startPull', spec, 'bench-grid-0001');
  while (job.nextPollInMs > 0) {
    rt.clock.advance(job.nextPollInMs);
    job = await rt.callFromSidebar<JobView>('pollPull', job.id);
  }
  const c = rt.counters.spreadsheet;
  const size = rt.workbook.size('Grid');
  return {
    'grid job state': job.state,
    'grid agents (rows)': job.rows,
    'grid columns (incl. labels, legend)': size.lastColumn,
    'grid setValues calls': c.setValuesCalls,
    'grid largest setValues (cells)': c.setValuesLargestCells,
    'grid spreadsheet writes (all kinds)': c.writes,
    'grid spreadsheet calls (all)': c.calls,
    'grid virtual ms of the writing execution': rt.executions.at(-1)?.durationMs ?? 0,
    'grid wall ms start to done': Math.round(performance.now() - wall),
  };
}
