// A list pull (agent states, paged by the live service with no total) from an Assembled answering
// slowly carries on across executions (issue 13): the sidebar's first call answers within its turn
// with the pages read so far and the pull's Stop, later executions carry on from the replies kept
// in the job's staging, and the pull ends with exactly the table a pull never cut short writes,
// asking Assembled for each page once, a kill mid-read notwithstanding.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { createRng } from '../../dev/simulator/prng';
import type { JobView } from '../../src/core/pull/pull-view';
import { isStageSheet } from '../../src/core/pull/staging';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { pullToEnd } from './pull-to-end';

/** What a sidebar call does before answering (run-pull.ts SIDEBAR_TURN_MS). */
const SIDEBAR_TURN_MS = 20_000;
/** A killed execution's hold on the spreadsheet lapses when it would have ended. */
const LEASE_LAPSE_MS = 7 * 60_000;
/** Three days of states are ~20 pages, read in 5 round trips: at 25 s each, several sidebar turns. */
const SLOW_MS = 25_000;

const PROJECT = 'team-analytics';

let rt: LocalRuntime;
let sim: Awaited<ReturnType<typeof startLocalAddon>>['sim'];
/** Requests sent to Assembled, by URL. */
const requests = new Map<string, number>();
/**
 * Armed by a test: called with each request for agent states, and the round trip (the UrlFetchApp
 * call, which may carry several pages read ahead) it went in (1 for the first).
 */
let onStatesPage: ((trip: number, url: string) => void) | undefined;
let statesTrips = 0;
let lastTrip = -1;

beforeAll(async () => {
  const local = await startLocalAddon({ dialect: 'live' });
  rt = local.rt;
  sim = local.sim;
  rt.bigquery.addProject(PROJECT);
  rt.setHttp((request) => {
    requests.set(request.url, (requests.get(request.url) ?? 0) + 1);
    const response = local.backend.http(request);
    if (/\/v0\/agents\/state\?/.test(request.url)) {
      // The pages of one fetchAll arrive under one count of UrlFetchApp calls.
      const call = rt.counters.urlfetch.calls;
      if (call !== lastTrip) statesTrips++;
      lastTrip = call;
      onStatesPage?.(statesTrips, request.url);
    }
    return response;
  });
});

/**
 * Presses a button (`press`) as a read step is about to send its second round trip for states, the
 * lock held by the step: what it answered, and the trips sent before it.
 */
function pressAtSecondTrip<T>(press: () => Promise<T>): { pressed?: Promise<T>; tripsBefore: number } {
  const at: { pressed?: Promise<T>; tripsBefore: number } = { tripsBefore: 0 };
  statesTrips = 0;
  onStatesPage = (trip) => {
    if (trip !== 1) return;
    onStatesPage = undefined;
    rt.meanwhile('urlfetch', 1, () => {
      at.tripsBefore = statesTrips;
      at.pressed = press();
    });
  };
  return at;
}

let keys = 0;
const key = () => `list-resume-${String(++keys).padStart(6, '0')}`;

const days = (name: string) => ({
  source: { kind: 'resource', resource: 'agent_states' },
  range: { kind: 'absolute', from: '2026-05-20', to: '2026-05-22' },
  target: { kind: 'sheet', name },
  mode: 'replace',
});

/** Requests sent more than once since the counts were cleared. */
const repeated = () => [...requests].filter(([, n]) => n > 1).map(([url]) => url);

/**
 * Follows a pull as the sidebar does; a killed call is answered by asking again (the same key).
 * `killAt`: the execution sending the pull's round trip of that number for states is killed as it
 * would send it (its requests never go), whichever execution it falls in.
 */
async function follow(spec: object, k: string, killAt?: number) {
  let job: JobView | undefined;
  let killed = 0;
  let calls = 0;
  statesTrips = 0;
  for (let i = 0; i < 200 && job?.nextPollInMs !== 0; i++) {
    if (job) rt.clock.advance(job.nextPollInMs);
    // The execution's states requests come before any other (the names are read after them).
    if (killAt !== undefined && !killed && killAt > statesTrips)
      rt.killAfter('urlfetch', killAt - statesTrips);
    try {
      calls++;
      job = job
        ? await rt.callFromSidebar<JobView>('pollPull', job.id)
        : await rt.callFromSidebar<JobView>('startPull', spec, k);
    } catch (error) {
      expect(String(error)).toMatch(/Exceeded maximum execution time/);
      killed++;
      rt.clock.advance(LEASE_LAPSE_MS);
    }
  }
  return { job, killed, calls };
}

describe('Pull data, a list read a turn at a time from a slow Assembled', () => {
  let expected: unknown[][] = [];

  beforeAll(async () => {
    rt.workbook.addSheet('Reference');
    const clean = await pullToEnd(rt, days('Reference'), key());
    expect(clean.state).toBe('done');
    expected = rt.workbook.values('Reference');
    expect(expected.length).toBeGreaterThan(8_000);
  });

  it('the first call answers within its turn with the pages read; later ones finish with the same table, each page asked once', async () => {
    sim.setFaults({ latencyMs: SLOW_MS });
    requests.clear();
    rt.workbook.addSheet('Slow');
    const first = await rt.callFromSidebar<JobView>('startPull', days('Slow'), key());
    // The turn, and the request under way when it ended.
    expect(rt.lastExecution?.durationMs).toBeLessThan(SIDEBAR_TURN_MS + SLOW_MS + 2_000);
    expect(first.state).toBe('fetching');
    expect(first.stage).toMatch(/^Reading from Assembled: \d+ pages read$/);
    expect(first.nextPollInMs).toBeGreaterThan(0);
    let job = first;
    let calls = 1;
    for (let i = 0; i < 100 && job.nextPollInMs > 0; i++, calls++) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
      expect(rt.lastExecution?.killed).toBe(false);
    }
    sim.setFaults({});
    expect(job.state).toBe('done');
    expect(calls).toBeGreaterThan(5);
    expect(rt.workbook.values('Slow')).toEqual(expected);
    expect(repeated()).toEqual([]);
    expect(rt.workbook.sheetNames().filter(isStageSheet)).toEqual([]);
  });

  it('into BigQuery, appended: the rows once each, though the read took several executions', async () => {
    sim.setFaults({ latencyMs: SLOW_MS });
    requests.clear();
    const spec = {
      ...days(''),
      target: { kind: 'bigquery', project: PROJECT, dataset: 'wfm', table: 'states' },
      mode: 'append',
    };
    const { job, calls, killed } = await follow(spec, key());
    sim.setFaults({});
    expect(killed).toBe(0);
    expect(calls).toBeGreaterThan(5);
    expect(job?.state).toBe('done');
    const sql = `SELECT count(*) AS n, count(DISTINCT concat(agent_id, '|', platform, '|', CAST(start_time AS STRING))) AS d FROM \`${PROJECT}.wfm.states\``;
    const [row] = rt.bigquery.sql(sql, PROJECT).rows as { f: { v: string }[] }[];
    expect([Number(row?.f[0]?.v), Number(row?.f[1]?.v)]).toEqual([expected.length - 1, expected.length - 1]);
    expect(repeated()).toEqual([]);
  });

  it('killed at a random round trip of the read, the pull carries on from the pages kept and asks for none again', async () => {
    sim.setFaults({ latencyMs: 3_000 });
    const rng = createRng(13);
    for (let n = 0; n < 3; n++) {
      // The read's round trips: the first page, then 2, 4, 8 and 8 read ahead.
      const at = 2 + Math.floor(rng.next() * 4);
      requests.clear();
      const sheet = `Killed ${n}`;
      rt.workbook.addSheet(sheet);
      const { job, killed } = await follow(days(sheet), key(), at);
      const where = `killed sending round trip ${at}`;
      expect(killed, where).toBe(1);
      expect(job?.state, where).toBe('done');
      expect(rt.workbook.values(sheet), where).toEqual(expected);
      expect(repeated(), where).toEqual([]);
    }
    sim.setFaults({});
    expect(rt.workbook.sheetNames().filter(isStageSheet)).toEqual([]);
  });

  it('killed as a batch of pages is being kept, only that batch is asked for again', async () => {
    sim.setFaults({ latencyMs: 3_000 });
    requests.clear();
    const lost: string[] = [];
    onStatesPage = (trip, url) => {
      if (trip > 3) onStatesPage = undefined;
      if (trip !== 3) return;
      // The next Spreadsheet call is the one keeping the batch: it never happens.
      if (lost.length === 0) rt.killAfter('spreadsheet', 1);
      lost.push(url);
    };
    rt.workbook.addSheet('Killed keeping');
    const { job, killed } = await follow(days('Killed keeping'), key());
    sim.setFaults({});
    expect(killed).toBe(1);
    expect(job?.state).toBe('done');
    expect(rt.workbook.values('Killed keeping')).toEqual(expected);
    expect(lost).toHaveLength(4);
    expect(repeated()).toEqual(lost);
  });

  it('Stop pressed while a read step holds the lock: the step ends the pull after the page under way, not at its deadline', async () => {
    // Long and slow enough that the poll's step has pages left to read, read ahead, after the
    // start's step: Stop is pressed between two of its round trips.
    sim.setFaults({ latencyMs: 4_000 });
    rt.workbook.addSheet('Stopped mid-step');
    const spec = {
      ...days('Stopped mid-step'),
      range: { kind: 'absolute', from: '2026-05-14', to: '2026-05-22' },
    };
    const started = await rt.callFromSidebar<JobView>('startPull', spec, key());
    expect(started.state).toBe('fetching');
    rt.clock.advance(started.nextPollInMs);
    const press = pressAtSecondTrip(() => rt.callFromSidebar<JobView>('stopPull', started.id));
    const stepBegan = rt.clock.now();
    const polled = await rt.callFromSidebar<JobView>('pollPull', started.id);
    // The press answers at once that the pull is stopping; the step sends the round trip under
    // way and no other, and ends the pull itself, well before its turn is up.
    expect(await press.pressed).toMatchObject({ state: 'fetching', stage: 'Stopping' });
    expect(statesTrips).toBe(press.tripsBefore + 1);
    expect(rt.clock.now() - stepBegan).toBeLessThan(SIDEBAR_TURN_MS);
    expect(polled).toMatchObject({
      state: 'failed',
      stage: 'Stopped',
      message: 'Stopped: nothing was written, and the target is as it was.',
    });
    statesTrips = 0;
    await rt.clock.advanceAsync(2 * 3_600_000);
    sim.setFaults({});
    expect(statesTrips).toBe(0);
    expect(rt.workbook.values('Stopped mid-step')).toEqual([]);
    expect(rt.workbook.sheetNames().filter(isStageSheet)).toEqual([]);
    expect(rt.properties.document.keys().filter((k) => k.startsWith('assembled.stop.'))).toEqual([]);
  });

  it("Stop or Pause on a refresh's card pressed while its run's read step holds the lock: answered at once, the step ends the run after the page under way", async () => {
    sim.setFaults({ latencyMs: 4_000 });
    for (const press of ['stopRefreshRun', 'pauseRefresh'] as const) {
      const sheet = `Refreshed ${press}`;
      rt.workbook.addSheet(sheet);
      const [saved] = await rt.callFromSidebar<RefreshView[]>(
        'saveRefresh',
        {
          spec: { ...days(sheet), range: { kind: 'relative', preset: 'days_back', days: 9 } },
          frequency: { kind: 'daily', hour: 7 },
          notifyByEmail: false,
        },
        key(),
      );
      const id = saved?.id as string;
      const [running] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id);
      expect(running).toMatchObject({ running: true, stopping: false });
      const pressing = pressAtSecondTrip(() => rt.callFromSidebar<RefreshView[]>(press, id));
      const stepBegan = rt.clock.now();
      const polled = await rt.callFromSidebar<RefreshView[]>('pollRefresh', id);
      // The press answers at once that the run is stopping (a Pause: the refresh paused); the step
      // sends the round trip under way and no other, and ends the run, well before its turn is up.
      const pause = press === 'pauseRefresh';
      expect((await pressing.pressed)?.[0]).toMatchObject({ running: true, stopping: true, paused: pause });
      expect(statesTrips).toBe(pressing.tripsBefore + 1);
      expect(rt.clock.now() - stepBegan).toBeLessThan(SIDEBAR_TURN_MS);
      const lead = pause ? 'Stopped as the refresh was paused' : 'Stopped on its card by you';
      expect(polled[0]).toMatchObject({
        running: false,
        stopping: false,
        paused: pause,
        lastRun: { status: 'stopped', message: `${lead}: nothing was written, and the target is as it was.` },
      });
      statesTrips = 0;
      await rt.clock.advanceAsync(2 * 3_600_000);
      expect(statesTrips).toBe(0);
      expect(rt.workbook.values(sheet)).toEqual([]);
      const kept = rt.properties.document.keys().filter((k) => /^assembled\.(stop|pause)\./.test(k));
      expect(kept).toEqual([]);
      await rt.callFromSidebar('deleteRefresh', id);
    }
    sim.setFaults({});
  });

  it('Stop during the read: nothing more is asked, the sheet is as it was, the staging goes', async () => {
    sim.setFaults({ latencyMs: SLOW_MS });
    rt.workbook.addSheet('Stopped');
    rt.workbook.write('Stopped', [['kept', 'as it was']]);
    rt.workbook.note('Stopped!A1', 'Source: Assembled Agent states');
    const before = rt.workbook.values('Stopped');
    const started = await rt.callFromSidebar<JobView>('startPull', days('Stopped'), key());
    expect(started.state).toBe('fetching');
    rt.clock.advance(started.nextPollInMs);
    const reading = await rt.callFromSidebar<JobView>('pollPull', started.id);
    expect(reading.state).toBe('fetching');
    const stopped = await rt.callFromSidebar<JobView>('stopPull', reading.id);
    expect(stopped).toMatchObject({
      state: 'failed',
      stage: 'Stopped',
      message: 'Stopped: nothing was written, and the target is as it was.',
    });
    requests.clear();
    // The background run a pull under way has would carry it on, were it not stopped.
    await rt.clock.advanceAsync(2 * 3_600_000);
    sim.setFaults({});
    expect([...requests.keys()].filter((url) => url.includes('/v0/agents/state'))).toEqual([]);
    expect(rt.workbook.values('Stopped')).toEqual(before);
    expect(rt.workbook.sheetNames().filter(isStageSheet)).toEqual([]);
  });
});
