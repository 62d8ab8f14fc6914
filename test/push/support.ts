import { randomUUID } from 'node:crypto';
// Push dependencies over the simulator on a virtual clock, with in-memory sheets.
import { intlZone } from '../../dev/intl-zone';
import { MemoryLock, MemoryStore } from '../../dev/memory-store';
import { createSimulatorHttp } from '../../dev/net/simulator-http';
import { VirtualClock } from '../../dev/net/virtual-clock';
import { createSimulator } from '../../dev/simulator';
import type { Dialect, SimulatorOptions } from '../../dev/simulator/api';
import type { Person } from '../../dev/simulator/model';
import { createAssembledClient } from '../../src/core/assembled';
import { type Http, NetworkError } from '../../src/core/ports';
import { type PushJob, PushStore } from '../../src/core/push/push-job';
import { advancePush, type PushDeps, type SheetRef } from '../../src/core/push/run-push';
import type { TemplateSpec } from '../../src/core/push/template';
import type { CellValue } from '../../src/core/table/build-table';
import { parseLocalDate } from '../../src/core/time/local-date';
import { fromLocal } from '../../src/core/time/zone-math';
import { MemoryGrid } from '../sheet/memory-grid';

/** The caller of push tests. */
export const OPS = { id: 'id-ops-0001', email: 'ops@example.com' };

/** Thrown by the test transport to stand for Apps Script killing the execution. */
export class Killed extends Error {}

export function pushSetup(options: { dialect?: Dialect; sim?: SimulatorOptions } = {}) {
  const dialect = options.dialect ?? 'seed';
  const clock = new VirtualClock(Date.parse('2026-05-25T12:00:00Z'));
  const simulator = createSimulator({ seed: 7, dialect, now: () => clock.now(), ...options.sim });
  const http = createSimulatorHttp(simulator, clock);
  /** Kill the execution when this many more requests have been answered (undefined: never). */
  let killAfter: number | undefined;
  /** Actions to take once this many requests have been sent in all (429 storms and the like). */
  const hooks: { at: number; run: () => void }[] = [];
  let sentCount = 0;
  const store = new FreezableStore();
  /** Every nth POST is applied by the service but its answer never arrives (0: never). */
  let loseEvery = 0;
  let posts = 0;
  const lost = (requests: { method: string }[]) => {
    let lose = false;
    for (const r of requests) {
      if (r.method !== 'POST') continue;
      posts++;
      if (loseEvery > 0 && posts % loseEvery === 0) lose = true;
    }
    if (lose) throw new NetworkError('timeout: the answer was lost');
  };
  const killable: Http = {
    fetch(request) {
      const reply = http.fetch(request);
      countDown(1);
      lost([request]);
      return reply;
    },
    fetchAll(requests) {
      const replies = http.fetchAll(requests);
      countDown(requests.length);
      lost(requests);
      return replies;
    },
  };
  function countDown(n: number) {
    sentCount += n;
    for (const hook of hooks.filter((h) => h.at <= sentCount)) {
      hooks.splice(hooks.indexOf(hook), 1);
      hook.run();
    }
    if (killAfter === undefined) return;
    killAfter -= n;
    if (killAfter <= 0) {
      killAfter = undefined;
      // Nothing the killed execution does afterwards (catch, finally) reaches the store.
      store.frozen = true;
      throw new Killed('execution killed');
    }
  }
  const sheets = new Map<number, { name: string; grid: MemoryGrid }>();
  const templates: TemplateSpec[] = [];
  let nextId = 100;
  let triggers = 0;
  const deps: PushDeps = {
    client: (limiter) =>
      createAssembledClient({
        http: killable,
        clock,
        apiKey: simulator.admin.sampleKey,
        rateLimit: limiter,
        timeFormat: dialect === 'live' ? 'unix' : 'iso',
      }),
    clock,
    zone: intlZone('America/New_York'),
    zones: intlZone,
    store,
    lock: new MemoryLock(),
    sheets: {
      open(id) {
        const s = sheets.get(id);
        return s ? { id, name: s.name, grid: s.grid } : undefined;
      },
      insertTemplate(template) {
        templates.push(template);
        const taken = new Set([...sheets.values()].map((s) => s.name));
        let name = template.sheetName;
        for (let n = 2; taken.has(name); n++) name = `${template.sheetName} (${n})`;
        const id = nextId++;
        sheets.set(id, { name, grid: new MemoryGrid([template.columns.map((c) => c.header)]) });
        return { id, name };
      },
    },
    user: OPS,
    own: new MemoryStore(),
    newId: () => randomUUID(),
    spreadsheetId: 'test-spreadsheet',
    ensureTrigger: () => {
      triggers++;
      return undefined;
    },
  };
  const org = simulator.admin.org;
  const agents = org.people.filter((p) => !p.deleted && p.staffable);
  return {
    deps,
    clock,
    simulator,
    http,
    org,
    agents,
    templates,
    triggers: () => triggers,
    store,
    /** Kills the execution once `n` more requests have been answered (their effects stay). */
    killAfter(n: number) {
      killAfter = n;
    },
    /** Runs `fn` once `count` requests have been sent since the setup. */
    atRequest(count: number, fn: () => void) {
      hooks.push({ at: count, run: fn });
    },
    sentCount: () => sentCount,
    /** From now on every nth POST is applied but its answer lost (a timeout after the fact). */
    loseAnswers(every: number) {
      loseEvery = every;
    },
    addSheet(name: string, rows: CellValue[][]): SheetRef & { grid: MemoryGrid } {
      const id = nextId++;
      const grid = new MemoryGrid(rows);
      sheets.set(id, { name, grid });
      return { id, name, grid };
    },
    grid(ref: SheetRef): MemoryGrid {
      const s = sheets.get(ref.id);
      if (!s) throw new Error(`no sheet ${ref.id}`);
      return s.grid;
    },
    deleteSheet(ref: SheetRef) {
      sheets.delete(ref.id);
    },
  };
}

/** A MemoryStore that ignores writes after a simulated kill, until the next execution. */
export class FreezableStore extends MemoryStore {
  frozen = false;
  override set(key: string, value: unknown): void {
    if (!this.frozen) super.set(key, value);
  }
  override delete(key: string): void {
    if (!this.frozen) super.delete(key);
  }
}

/** Runs executions of up to 5 minutes, as the dispatcher would, until the push ends; counts them. */
export function drive(
  s: ReturnType<typeof pushSetup>,
  id: string,
  options: { gapMs?: number; maxRuns?: number } = {},
) {
  const pushes = new PushStore(s.deps.store);
  let job = pushes.get(id) as PushJob;
  let runs = 0;
  let kills = 0;
  while (job.state === 'running') {
    if (++runs > (options.maxRuns ?? 200)) throw new Error(`push still running after ${runs - 1} executions`);
    const wait = Math.max(job.leaseUntil ?? 0, job.notBefore ?? 0) - s.clock.now();
    if (wait > 0) s.clock.advance(wait);
    s.store.frozen = false;
    try {
      job = advancePush(s.deps, id, s.clock.now() + 5 * 60_000);
    } catch (error) {
      if (!(error instanceof Killed)) throw error;
      kills++;
      s.store.frozen = false;
      // The lock dies with the execution.
      (s.deps.lock as MemoryLock).held = false;
      job = pushes.get(id) as PushJob;
    }
    s.clock.advance(options.gapMs ?? 0);
  }
  return { job, runs, kills };
}

export const fullName = (p: Person) => `${p.first_name} ${p.last_name}`;

/** The sheet as text, by header: one record per data row. */
export function records(grid: MemoryGrid): Record<string, string>[] {
  const [header = [], ...rows] = grid.text();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The header of a time-off sheet typed by hand (no status columns yet). */
export const TIME_OFF_SHEET = ['Agent', 'Start', 'End', 'All day', 'Type', 'Notes'];
const DAY = 86_400_000;

/** n time-off rows over the simulator's agents, each a distinct 8-hour day, marked by a note. */
export function timeOffRows(s: ReturnType<typeof pushSetup>, n: number, tag: string): CellValue[][] {
  const base = Date.parse('2026-08-03T13:00:00Z');
  return Array.from({ length: n }, (_, i) => {
    const agent = s.agents[i % s.agents.length];
    const start = base + Math.floor(i / s.agents.length) * DAY;
    return [
      agent?.email ?? '',
      new Date(start),
      new Date(start + 8 * 3_600_000),
      false,
      'pto',
      `${tag} ${i}`,
    ];
  });
}

/** Unix seconds of a day's midnight (2026-07-06) in an agent's own zone: an all-day request's start. */
export function agentMidnight(agent: Pick<Person, 'timezone'> | undefined, day: string): number {
  const date = parseLocalDate(day);
  if (!agent?.timezone || !date) throw new Error(`no zone or no day: ${agent?.timezone} ${day}`);
  return fromLocal(date, intlZone(agent.timezone)) / 1000;
}
