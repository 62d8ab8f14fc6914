import { randomUUID } from 'node:crypto';
// Push on a virtual clock against the simulator: requests per created row (time off one a row,
// states in bulk), and the virtual wall time of 2,000 time-off rows next to the 300/min limit's
// minimum (a burst of 20, then 5 a second). Executions of up to 5 minutes run back to back, as the
// sidebar's polling would drive them.
import { intlZone } from '../dev/intl-zone';
import { MemoryLock, MemoryStore } from '../dev/memory-store';
import { createSimulatorHttp } from '../dev/net/simulator-http';
import { VirtualClock } from '../dev/net/virtual-clock';
import { createSimulator } from '../dev/simulator/index';
import { createAssembledClient } from '../src/core/assembled';
import { PushStore } from '../src/core/push/push-job';
import { advancePush, type PushDeps, startPush } from '../src/core/push/run-push';
import type { CellValue } from '../src/core/table/build-table';
import { MemoryGrid } from '../test/sheet/memory-grid';

const BURST = 20;
const PER_SECOND = 5;
const DAY = 86_400_000;

function setup(header: string[], rows: CellValue[][]) {
  const clock = new VirtualClock(Date.parse('2026-05-25T12:00:00Z'));
  const sim = createSimulator({ seed: 11, dialect: 'live', now: () => clock.now() });
  const http = createSimulatorHttp(sim, clock);
  const grid = new MemoryGrid([header, ...rows]);
  const deps: PushDeps = {
    client: (limiter) =>
      createAssembledClient({ http, clock, apiKey: sim.admin.sampleKey, rateLimit: limiter }),
    clock,
    zone: intlZone('America/New_York'),
    store: new MemoryStore(),
    lock: new MemoryLock(),
    sheets: {
      open: (id) => (id === 1 ? { id, name: 'Bench', grid } : undefined),
      insertTemplate: () => {
        throw new Error('not in the bench');
      },
    },
    user: { id: 'id-bench-0001', email: 'bench@example.com' },
    own: new MemoryStore(),
    newId: () => randomUUID(),
    spreadsheetId: 'bench-spreadsheet',
    ensureTrigger: () => undefined,
  };
  return { clock, sim, http, grid, deps };
}

function push(s: ReturnType<typeof setup>, kind: 'time_off' | 'agent_states') {
  const start = s.clock.now();
  const job = startPush(s.deps, kind, { id: 1, name: 'Bench' }, `bench-${kind}-001`);
  const pushes = new PushStore(s.deps.store);
  let current = job;
  let executions = 0;
  while (current.state === 'running') {
    executions++;
    current = advancePush(s.deps, job.id, s.clock.now() + 5 * 60_000);
    const wait = (current.notBefore ?? 0) - s.clock.now();
    if (current.state === 'running' && wait > 0) s.clock.advance(wait);
  }
  const done = pushes.get(job.id);
  return {
    ms: s.clock.now() - start,
    requests: s.http.sent.length,
    succeeded: done?.succeeded ?? 0,
    executions,
  };
}

function timeOff(count: number) {
  const probe = createSimulator({ seed: 11 });
  const agents = probe.admin.org.people.filter((p) => !p.deleted && p.staffable);
  const base = Date.parse('2026-08-03T13:00:00Z');
  const rows = Array.from({ length: count }, (_, i) => {
    const start = base + Math.floor(i / agents.length) * DAY;
    return [agents[i % agents.length]?.agent_id ?? '', new Date(start), new Date(start + 8 * 3_600_000)];
  });
  return push(setup(['Agent', 'Start', 'End'], rows), 'time_off');
}

function states(count: number) {
  const probe = createSimulator({ seed: 11 });
  const agents = probe.admin.org.people.filter((p) => !p.deleted && p.staffable);
  const base = Date.parse('2026-05-25T13:00:00Z');
  const rows = Array.from({ length: count }, (_, i) => {
    const start = base + Math.floor(i / agents.length) * 300_000;
    return [
      agents[i % agents.length]?.agent_id ?? '',
      'available',
      new Date(start),
      new Date(start + 300_000),
    ];
  });
  return push(setup(['Agent', 'State', 'Start', 'End'], rows), 'agent_states');
}

export async function run(): Promise<Record<string, number | string>> {
  const off = timeOff(2000);
  const st = states(2000);
  const minimumMs = ((2000 - BURST) / PER_SECOND) * 1000;
  return {
    time_off_2000_created: off.succeeded,
    time_off_2000_requests: off.requests,
    time_off_requests_per_row: (off.requests / off.succeeded).toFixed(4),
    time_off_2000_executions: off.executions,
    time_off_2000_virtual_ms: off.ms,
    time_off_2000_min_ms: minimumMs,
    time_off_2000_vs_min: `${((off.ms / minimumMs - 1) * 100).toFixed(1)}% over`,
    states_2000_ingested: st.succeeded,
    states_2000_requests: st.requests,
    states_requests_per_row: (st.requests / st.succeeded).toFixed(4),
  };
}
