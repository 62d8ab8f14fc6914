// A live ticket stats report is asked a queue at a time (queue-parts.ts). Cut short by the 6-minute
// limit anywhere, such a pull carries on and ends with exactly the table a pull that was never cut
// short writes, each row naming its queue, and asks Assembled for no report twice. So does a pull an
// older version saved while it waited for one report over every queue, once it is carried on.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { type SimulatorHandle, startLocalAddon } from '../../dev/local-addon';
import type { SimRequest, SimResponse } from '../../dev/simulator/api';
import type { JobView } from '../../src/core/pull/pull-view';

const LEASE_LAPSE_MS = 7 * 60_000;

/** Billing Email, a queue of seed 7's organisation with none under it. */
const BILLING_EMAIL = 'a62fbea5-e41c-4473-a5e3-3900d6846190';

/** A live-dialect add-on whose requests to Assembled a test watches. */
interface Addon {
  rt: LocalRuntime;
  /** A request to the simulator made by the test itself, not counted in `asked`. */
  http: (request: SimRequest) => SimResponse;
  /** The reports asked for (their bodies, as sent) since the last pull began. */
  asked: string[];
  /** Called after each request; `complete`: a page of a complete report. */
  plan?: (request: SimRequest, complete: boolean) => void;
}

/** A live-dialect add-on, its organisation changed first by `org`; reports are ready when asked. */
async function addon(org?: (sim: SimulatorHandle) => void): Promise<Addon> {
  const local = await startLocalAddon({ dialect: 'live', reportDelayMs: 0 });
  org?.(local.sim);
  const made: Addon = { rt: local.rt, http: local.backend.http, asked: [] };
  local.rt.setHttp((request: SimRequest) => {
    const response = local.backend.http(request);
    const report = /\/v0\/reports\//.test(request.url);
    if (report && request.method === 'POST') made.asked.push(request.body ?? '');
    made.plan?.(request, report && response.body.includes('"status":"complete"'));
    return response;
  });
  return made;
}

/** Ticket stats of one day by day, into a new sheet. */
const ticketStats = (sheet: string, filters: object = {}) => ({
  source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
  range: { kind: 'absolute', from: '2026-05-24', to: '2026-05-24' },
  filters,
  target: { kind: 'new_sheet', name: sheet },
  mode: 'replace',
});

let keys = 0;

/** The pull jobs as saved. */
const savedJobs = (rt: LocalRuntime) =>
  JSON.stringify(
    Object.entries(rt.properties.document.all()).filter(([key]) => key.startsWith('assembled.job.')),
  );

/**
 * Pulls as the sidebar does. With `killAt`, the execution making the pull's `killAt`-th Lock
 * call (counted from its start) is killed there. Gives the job, the sheet's values, how many
 * executions were killed, the reports asked for, and the pull's step boundaries: its first Lock
 * call, and the first after each save of the job.
 */
async function pull(a: Addon, spec: ReturnType<typeof ticketStats>, killAt?: number) {
  const { rt } = a;
  a.asked = [];
  let job = await rt.callFromSidebar<JobView>(
    'startPull',
    spec,
    `queue-parts-${String(++keys).padStart(6, '0')}`,
  );
  // The sidebar's calls alone carry the pull on, so that the Lock calls counted are theirs (the
  // dispatcher, fired as the clock moves, would take some of the steps).
  rt.removeTriggers();
  const from = rt.counters.lock.calls;
  const boundaries = [1];
  let watching = true;
  let saved = savedJobs(rt);
  const watch = () => {
    if (!watching) return;
    const now = savedJobs(rt);
    if (now !== saved) boundaries.push(rt.counters.lock.calls - from);
    saved = now;
    rt.meanwhile('lock', 1, watch);
  };
  rt.meanwhile('lock', 1, watch);
  let killed = 0;
  for (let i = 0; i < 200 && job.nextPollInMs > 0; i++) {
    rt.clock.advance(job.nextPollInMs);
    // Aimed at this execution; it lapses if this one ends before making that call.
    const left = killAt === undefined ? 0 : killAt - (rt.counters.lock.calls - from);
    if (killed === 0 && left > 0) rt.killAfter('lock', left);
    try {
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    } catch (error) {
      expect(String(error)).toMatch(/Exceeded maximum execution time/);
      killed++;
      // The killed execution's hold on the spreadsheet lapses when it would have ended.
      rt.clock.advance(LEASE_LAPSE_MS);
    }
  }
  a.plan = undefined;
  watching = false;
  return { job, sheet: rt.workbook.values(spec.target.name), killed, asked: a.asked, boundaries };
}

/**
 * Plans a kill at the next save of the job in the execution that reads the first page of a
 * complete report (of the first such read for which `which` holds).
 */
const killAtSaveAfter = (a: Addon, which: () => boolean = () => true) => {
  a.plan = (request, complete) => {
    if (!complete || !/offset=0\b/.test(request.url) || !which()) return;
    a.rt.killAfter('properties', 1);
    a.plan = undefined;
  };
};

/** An organisation of Billing Email alone. */
const oneQueue = (sim: SimulatorHandle) => {
  const { queues } = sim.admin.org;
  queues.splice(0, queues.length, ...queues.filter((q) => q.id === BILLING_EMAIL));
};

describe('a ticket stats pull asked a queue at a time, cut short', () => {
  it.each([
    ['a filter of one queue', { queue_ids: [BILLING_EMAIL] }, undefined],
    ['an organisation of one queue', {}, oneQueue],
  ] as const)(
    'of %s, killed after its reply is staged and before the job is saved, still labels the rows with it',
    async (_, filters, org) => {
      const a = await addon(org);
      const clean = await pull(a, ticketStats('Clean', filters));
      expect(clean.job.state).toBe('done');
      expect(clean.sheet.slice(1).map((r) => r[0])).toEqual([BILLING_EMAIL]);
      killAtSaveAfter(a);
      const cut = await pull(a, ticketStats('Cut', filters));
      expect(cut.killed).toBe(1);
      expect(cut.job.state).toBe('done');
      expect(cut.sheet).toEqual(clean.sheet);
      expect(cut.asked).toEqual(clean.asked);
    },
  );

  describe('over several queues', () => {
    let a: Addon;
    let clean: Awaited<ReturnType<typeof pull>>;

    beforeAll(async () => {
      a = await addon();
      clean = await pull(a, ticketStats('Clean'));
      expect(clean.job.state).toBe('done');
      // One report for each queue alone, none over every queue.
      expect(clean.asked.length).toBeGreaterThan(3);
      for (const body of clean.asked) expect(JSON.parse(body).queue_ids).toHaveLength(1);
      expect(new Set(clean.sheet.slice(1).map((r) => r[0])).size).toBeGreaterThan(3);
    });

    it('killed at each step boundary, ends with exactly the table and asks no report twice', async () => {
      // Each step runs under the lock: the first Lock call after a save of the job is where that
      // step has ended and the next not begun (the lock not yet given up). The reports are asked
      // for in one step, then each is checked and read in one of its own at least.
      expect(clean.boundaries.length).toBeGreaterThan(clean.asked.length);
      for (const at of clean.boundaries) {
        const sheet = `Lock ${at}`;
        const cut = await pull(a, ticketStats(sheet), at);
        expect(cut.killed, sheet).toBe(1);
        expect(cut.job.state, sheet).toBe('done');
        expect(cut.sheet, sheet).toEqual(clean.sheet);
        expect(cut.asked, sheet).toEqual(clean.asked);
        a.rt.workbook.deleteSheet(sheet);
      }
    });

    it('killed after asking for the reports and before the job is saved, asks for them again and labels each queue its own', async () => {
      // The reports asked for together as the pull starts, then its execution killed before their
      // ids are saved: none of them is read, and those asked again are each read as their queue's.
      const { rt } = a;
      a.asked = [];
      let posts = 0;
      a.plan = (request) => {
        if (request.method !== 'POST' || ++posts < clean.asked.length) return;
        rt.killAfter('properties', 1);
        a.plan = undefined;
      };
      await expect(
        rt.callFromSidebar<JobView>('startPull', ticketStats('Asked'), 'queue-parts-asked'),
      ).rejects.toThrow(/Exceeded maximum execution time/);
      expect(a.asked).toEqual(clean.asked);
      rt.clock.advance(LEASE_LAPSE_MS);
      const saved = Object.entries(rt.properties.document.all()).find(
        ([key, value]) => key.startsWith('assembled.job.') && value.includes('"Asked"'),
      );
      const job = JSON.parse(saved?.[1] ?? '{}');
      expect(job.reportId).toBeUndefined();
      let view = await rt.callFromSidebar<JobView>('pollPull', job.id);
      for (let i = 0; i < 200 && view.nextPollInMs > 0; i++) {
        rt.clock.advance(view.nextPollInMs);
        view = await rt.callFromSidebar<JobView>('pollPull', view.id);
      }
      expect(view.state).toBe('done');
      expect(rt.workbook.values('Asked')).toEqual(clean.sheet);
      expect(a.asked).toEqual([...clean.asked, ...clean.asked]);
      rt.workbook.deleteSheet('Asked');
    });

    it('killed after any report is read and before the job is saved, ends with exactly the table and asks no report twice', async () => {
      // Each queue's report, the first read as the job moves on to the next.
      for (let report = 0; report < clean.asked.length; report++) {
        const sheet = `Report ${report}`;
        let seen = 0;
        killAtSaveAfter(a, () => seen++ === report);
        const cut = await pull(a, ticketStats(sheet));
        expect(cut.killed, sheet).toBe(1);
        expect(cut.job.state, sheet).toBe('done');
        expect(cut.sheet, sheet).toEqual(clean.sheet);
        expect(cut.asked, sheet).toEqual(clean.asked);
        a.rt.workbook.deleteSheet(sheet);
      }
    });

    it('saved by an older version while it waited for one report over every queue, ends with exactly the table', async () => {
      // An older version asked one report over every queue first and kept no queues in the job until
      // that report's metrics named none; a job so saved is carried on across the upgrade.
      let first: SimRequest | undefined;
      a.plan = (request) => {
        if (request.method === 'POST') first ??= request;
      };
      a.asked = [];
      const started = await a.rt.callFromSidebar<JobView>(
        'startPull',
        ticketStats('Older'),
        'queue-parts-older',
      );
      a.rt.removeTriggers();
      a.plan = undefined;
      const key = `assembled.job.${started.id}`;
      const job = JSON.parse(a.rt.properties.document.get(key) ?? '{}');
      expect(job).toMatchObject({ state: 'running', queues: expect.any(Array) });
      expect(job.part).toBeUndefined();
      const { queue_ids: _, ...whole } = JSON.parse(first?.body ?? '{}');
      const asked = a.http({ ...(first as SimRequest), body: JSON.stringify(whole) });
      expect(JSON.parse(asked.body).report_id).toEqual(expect.any(String));
      const { queues: __, ahead: ___, ...older } = job;
      a.rt.properties.document.set(
        key,
        JSON.stringify({ ...older, reportId: JSON.parse(asked.body).report_id }),
      );
      let view = started;
      for (let i = 0; i < 200 && view.nextPollInMs > 0; i++) {
        a.rt.clock.advance(view.nextPollInMs);
        view = await a.rt.callFromSidebar<JobView>('pollPull', view.id);
      }
      expect(view.state).toBe('done');
      expect(a.rt.workbook.values('Older')).toEqual(clean.sheet);
      // The queues' reports, asked together as the job began and dropped for the older job's
      // report over every queue (asked by the test); then each queue's once.
      expect(a.asked).toEqual([...clean.asked, ...clean.asked]);
      a.rt.workbook.deleteSheet('Older');
    });
  });
});
