import { randomUUID } from 'node:crypto';
import { intlZone } from '../dev/intl-zone';
// Push figures. Time off goes through the built bundle in the local runtime, as a user drives it:
// an org of 5,000 people, 1,000 rows naming agents by e-mail, the Push button then the sidebar's
// polls (each waits the view's nextPollInMs on the virtual clock, as the page does) until done.
// Requests per created row count every UrlFetch request from the click on (people read included);
// the wall time runs from the click to the last answer, next to the 300/min limit's minimum for
// the 1,000 writes alone (a burst of 20, then 5 a second). The same again with a Type column
// (checked against the account's time-off types). States go in bulk through core.
import { startLocalAddon } from '../dev/local-addon';
import { MemoryLock, MemoryStore } from '../dev/memory-store';
import { createSimulatorHttp } from '../dev/net/simulator-http';
import { VirtualClock } from '../dev/net/virtual-clock';
import { createSimulator } from '../dev/simulator/index';
import { createAssembledClient } from '../src/core/assembled';
import { PushStore } from '../src/core/push/push-job';
import type { PushView } from '../src/core/push/push-view';
import { advancePush, type PushDeps, startPush } from '../src/core/push/run-push';
import type { CellValue } from '../src/core/table/build-table';
import { MemoryGrid } from '../test/sheet/memory-grid';

const BURST = 20;
const PER_SECOND = 5;
const PEOPLE = 5_000;
const ROWS = 1_000;
const SHEET = 'Time off to create';

async function timeOffFromSidebar(withType: boolean) {
  const { rt, sim } = await startLocalAddon({ seed: 11, dialect: 'live' });
  const people = sim.admin.org.people;
  const template = people.find((p) => p.staffable && !p.deleted);
  if (!template) throw new Error('the simulator has no agents');
  // The demo org has ~100 people; the back office grows it to the benchmark's size.
  for (let i = people.length; i < PEOPLE; i++) {
    people.push({ ...template, id: `bench-p${i}`, agent_id: `bench-a${i}`, email: `p${i}@example.com` });
  }
  const agents = people.filter((p) => p.staffable && !p.deleted);
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const day = 3 + Math.floor(i / agents.length);
    const date = `2026-08-${String(day).padStart(2, '0')}`;
    const row = [agents[i % agents.length]?.email ?? '', `${date} 09:00`, `${date} 17:00`];
    return withType ? [...row, i % 2 ? 'pto' : 'sick'] : row;
  });
  rt.workbook.addSheet(SHEET);
  const header = withType ? ['Agent', 'Start', 'End', 'Type'] : ['Agent', 'Start', 'End'];
  rt.workbook.write(SHEET, [header, ...rows]);
  rt.workbook.select(`${SHEET}!A1`);
  rt.counters.reset();
  const start = rt.clock.now();
  let view = await rt.callFromSidebar<PushView>('startPush', 'time_off', randomUUID());
  let polls = 0;
  while (view.state === 'running') {
    await rt.clock.advanceAsync(view.nextPollInMs);
    view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    polls++;
  }
  return {
    ms: rt.clock.now() - start,
    requests: rt.counters.urlfetch.requests,
    peopleReads: sim.stats().byRoute['GET /v0/people'] ?? 0,
    succeeded: view.succeeded,
    polls,
    message: view.message,
  };
}

function states(count: number) {
  const clock = new VirtualClock(Date.parse('2026-05-25T12:00:00Z'));
  const sim = createSimulator({ seed: 11, dialect: 'live', now: () => clock.now() });
  const http = createSimulatorHttp(sim, clock);
  const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
  // States record what happened: these end before the clock's now (12:00Z).
  const base = Date.parse('2026-05-25T08:00:00Z');
  const rows: CellValue[][] = Array.from({ length: count }, (_, i) => {
    const start = base + Math.floor(i / agents.length) * 300_000;
    return [
      agents[i % agents.length]?.agent_id ?? '',
      'available',
      new Date(start),
      new Date(start + 300_000),
    ];
  });
  const grid = new MemoryGrid([['Agent', 'State', 'Start', 'End'], ...rows]);
  const deps: PushDeps = {
    client: (limiter) =>
      createAssembledClient({ http, clock, apiKey: sim.admin.sampleKey, rateLimit: limiter }),
    clock,
    zone: intlZone('America/New_York'),
    zones: intlZone,
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
  const job = startPush(deps, 'agent_states', { id: 1, name: 'Bench' }, 'bench-agent_states-001');
  let current = job;
  while (current.state === 'running') {
    current = advancePush(deps, job.id, clock.now() + 5 * 60_000);
    const wait = (current.notBefore ?? 0) - clock.now();
    if (current.state === 'running' && wait > 0) clock.advance(wait);
  }
  const done = new PushStore(deps.store).get(job.id);
  if (done?.succeeded !== count)
    throw new Error(`states bench: ${done?.succeeded ?? 0} of ${count} ingested`);
  return { requests: http.sent.length, succeeded: done.succeeded };
}

export async function run(): Promise<Record<string, number | string>> {
  const off = await timeOffFromSidebar(false);
  // With a Type column the account's time-off types are read once too (one more request).
  const typed = await timeOffFromSidebar(true);
  const st = states(2000);
  const minimumMs = ((ROWS - BURST) / PER_SECOND) * 1000;
  return {
    time_off_people_in_org: PEOPLE,
    time_off_1000_created: off.succeeded,
    time_off_1000_requests: off.requests,
    time_off_1000_people_reads: off.peopleReads,
    time_off_requests_per_row: (off.requests / off.succeeded).toFixed(4),
    time_off_1000_sidebar_polls: off.polls,
    time_off_1000_virtual_ms: off.ms,
    time_off_1000_min_ms: minimumMs,
    time_off_1000_vs_min: `${(off.ms / minimumMs).toFixed(3)}x`,
    time_off_typed_created: typed.succeeded,
    time_off_typed_requests_per_row: (typed.requests / typed.succeeded).toFixed(4),
    time_off_typed_vs_min: `${(typed.ms / minimumMs).toFixed(3)}x`,
    states_2000_ingested: st.succeeded,
    states_2000_requests: st.requests,
    states_requests_per_row: (st.requests / st.succeeded).toFixed(4),
  };
}
