// The Assembled client on a virtual clock against the simulator: paging 5,000 people, 20 pages of a
// list the live service answers with no total (skills), and 1,000 time-off creates under the 300/min
// limit next to the theoretical minimum (burst 20, then 5/s).
import { createSimulatorHttp } from '../dev/net/simulator-http';
import { VirtualClock } from '../dev/net/virtual-clock';
import type { Dialect } from '../dev/simulator/api';
import { createSimulator } from '../dev/simulator/index';
import { createAssembledClient } from '../src/core/assembled';
import type { Http } from '../src/core/ports';

const DAY = 86_400_000;
const BURST = 20;
const PER_SECOND = 5;

function setup(dialect: Dialect) {
  const clock = new VirtualClock();
  const sim = createSimulator({ seed: 11, dialect, now: () => clock.now() });
  const http = createSimulatorHttp(sim, clock);
  // A round trip is one fetch or one fetchAll, however many requests it carries.
  let roundTrips = 0;
  const counted: Http = {
    fetch(request) {
      roundTrips++;
      return http.fetch(request);
    },
    fetchAll(requests) {
      roundTrips++;
      return http.fetchAll(requests);
    },
  };
  const client = createAssembledClient({
    http: counted,
    clock,
    apiKey: sim.admin.sampleKey,
    timeFormat: dialect === 'live' ? 'unix' : 'iso',
  });
  return { clock, sim, http, client, roundTrips: () => roundTrips };
}

function pagePeople(dialect: Dialect, count: number) {
  const { clock, sim, http, client } = setup(dialect);
  const people = sim.admin.org.people;
  const template = people[0];
  if (!template) throw new Error('the simulator has no people');
  // The demo org has ~100 people; the back office grows it to the benchmark's size.
  for (let i = people.length; i < count; i++) {
    people.push({ ...template, id: `bench-p${i}`, agent_id: `bench-a${i}`, email: `p${i}@example.com` });
  }
  const start = clock.now();
  const read = client.listPeople();
  if (read.length !== count) throw new Error(`read ${read.length} people, expected ${count}`);
  return { requests: http.sent.length, ms: clock.now() - start, rejected429: sim.stats().rejected429 };
}

/** Skills, which the live service answers with no total, grown to `count`: 500 a page. */
function pageWithoutTotal(count: number) {
  const { clock, sim, http, client, roundTrips } = setup('live');
  const skills = sim.admin.org.skills;
  const template = skills[0];
  if (!template) throw new Error('the simulator has no skills');
  for (let i = skills.length; i < count; i++) skills.push({ ...template, id: `bench-s${i}`, name: `s${i}` });
  const start = clock.now();
  const read = client.listSkills();
  if (read.length !== count) throw new Error(`read ${read.length} skills, expected ${count}`);
  return {
    pages: Math.ceil(count / 500),
    requests: http.sent.length,
    roundTrips: roundTrips(),
    ms: clock.now() - start,
  };
}

function createTimeOff(count: number) {
  const { clock, sim, http, client } = setup('live');
  const agents = sim.admin.org.people.filter((p) => !p.deleted).map((p) => p.agent_id);
  const base = Math.floor(clock.now() / DAY) * DAY + 60 * DAY;
  const inputs = Array.from({ length: count }, (_, i) => {
    const start = base + Math.floor(i / agents.length) * 2 * DAY;
    return {
      agent_id: agents[i % agents.length] ?? '',
      start_time: start,
      end_time: start + DAY / 2,
      type: 'pto',
    };
  });
  const start = clock.now();
  const outcomes = client.createTimeOffMany(inputs);
  const failed = outcomes.filter((o) => !o.ok).length;
  return {
    requests: http.sent.length,
    ms: clock.now() - start,
    rejected429: sim.stats().rejected429,
    failed,
  };
}

export async function run(): Promise<Record<string, number | string>> {
  const seedPeople = pagePeople('seed', 5000);
  const livePeople = pagePeople('live', 5000);
  const noTotal = pageWithoutTotal(9_800);
  const creates = createTimeOff(1000);
  const minimumMs = ((1000 - BURST) / PER_SECOND) * 1000;
  return {
    people_5000_seed_requests: seedPeople.requests,
    people_5000_seed_virtual_ms: seedPeople.ms,
    people_5000_live_requests: livePeople.requests,
    people_5000_live_virtual_ms: livePeople.ms,
    people_min_requests: Math.ceil(5000 / 500),
    people_429s: seedPeople.rejected429 + livePeople.rejected429,
    no_total_9800_pages: noTotal.pages,
    no_total_9800_requests: noTotal.requests,
    no_total_9800_round_trips: noTotal.roundTrips,
    no_total_9800_virtual_ms: noTotal.ms,
    time_off_1000_requests: creates.requests,
    time_off_1000_virtual_ms: creates.ms,
    time_off_1000_min_ms: minimumMs,
    time_off_1000_vs_min: `${((creates.ms / minimumMs - 1) * 100).toFixed(1)}% over`,
    time_off_1000_failed: creates.failed,
    time_off_1000_429s: creates.rejected429,
  };
}
