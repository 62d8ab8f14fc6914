import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import { PushStore } from '../../src/core/push/push-job';
import {
  advancePush,
  hasActivePushes,
  runDuePushes,
  startPush,
  validateSheet,
} from '../../src/core/push/run-push';
import { drive, TIME_OFF_SHEET as HEADER, OPS, pushSetup, records, timeOffRows as rows } from './support';

function created(s: ReturnType<typeof pushSetup>, tag: string) {
  return s.org.timeOff.filter((t) => t.notes.startsWith(`${tag} `));
}

function duplicates(list: { agent_id: string; start_time: number; end_time: number }[]): number {
  const keys = list.map((t) => `${t.agent_id}|${t.start_time}|${t.end_time}`);
  return keys.length - new Set(keys).size;
}

describe('pushing time off', () => {
  it('creates one request a row, writes each row its id and status, and sends one request a row', () => {
    const s = pushSetup();
    const sheet = s.addSheet('Leave', [HEADER, ...rows(s, 30, 'small')]);
    const job = startPush(s.deps, 'time_off', sheet, 'push-key-0001');
    expect(s.triggers()).toBe(1);
    const { job: done } = drive(s, job.id);
    expect(done).toMatchObject({ state: 'done', total: 30, done: 30, succeeded: 30, failed: 0 });
    const made = created(s, 'small');
    expect(made).toHaveLength(30);
    const out = records(sheet.grid);
    expect(out.map((r) => r['Push status'])).toEqual(Array(30).fill('created'));
    expect(new Set(out.map((r) => r['Assembled ID']))).toEqual(new Set(made.map((t) => t.id)));
    expect(out[0]?.['Pushed at']).toMatch(/^2026-05-25T/);
    const posts = s.http.sent.filter((r) => r.method === 'POST').length;
    expect(posts).toBe(30);
    // People are read once for the execution.
    expect(s.http.sent.filter((r) => r.url.includes('/v0/people')).length).toBe(1);
  });

  it('pushing the same sheet twice creates nothing twice', () => {
    const s = pushSetup();
    const sheet = s.addSheet('Leave', [HEADER, ...rows(s, 12, 'twice')]);
    drive(s, startPush(s.deps, 'time_off', sheet, 'push-key-first').id);
    const before = s.http.sent.filter((r) => r.method === 'POST').length;
    const second = drive(s, startPush(s.deps, 'time_off', sheet, 'push-key-second').id).job;
    expect(second).toMatchObject({ state: 'done', total: 0, skipped: 12, succeeded: 0 });
    expect(s.http.sent.filter((r) => r.method === 'POST').length).toBe(before);
    expect(created(s, 'twice')).toHaveLength(12);
    // The same key twice is the same push.
    expect(startPush(s.deps, 'time_off', sheet, 'push-key-second').id).toBe(second.id);
  });

  it('skips rows with a done status or an id the add-on wrote, resends rows marked error or OK, and holds back one with an id typed', () => {
    const s = pushSetup();
    const [a, b, c, d, e] = rows(s, 5, 'marked');
    const header = [...HEADER, 'Push status', 'Assembled ID', 'Push message', 'Pushed at'];
    const pushed = new Date('2026-05-20T12:00:00Z');
    const sheet = s.addSheet('Leave', [
      header,
      // Its Assembled ID cleared since: the time the add-on wrote with the status still says it went.
      [...(a ?? []), 'created', '', '', pushed],
      // Its Push status cleared since: the time the add-on wrote with the id still says it went.
      [...(b ?? []), '', 'existing-id', '', pushed],
      [...(c ?? []), 'error', '', '', ''],
      [...(d ?? []), 'OK', '', '', ''],
      // Text typed in the column, with no mark of the add-on beside it: never pushed, and held
      // back rather than written over by the id Assembled would give (stray-cells.ts).
      [...(e ?? []), '', 'call back Monday', '', ''],
    ]);
    const { job } = drive(s, startPush(s.deps, 'time_off', sheet, 'push-key-mark').id);
    expect(job).toMatchObject({ skipped: 2, total: 2, succeeded: 2, invalid: 1 });
    const made = created(s, 'marked');
    expect(made.map((t) => t.notes)).toEqual(['marked 2', 'marked 3']);
    expect(records(sheet.grid)[4]).toMatchObject({
      'Push status': 'error',
      'Assembled ID': 'call back Monday',
    });
  });

  it('validates without sending anything, then a push fixes nothing it should not', () => {
    const s = pushSetup();
    const good = rows(s, 3, 'val');
    const sheet = s.addSheet('Leave', [
      HEADER,
      ...good,
      ['nobody@example.com', '2026-08-01 09:00', '2026-08-01 10:00'],
    ]);
    const summary = validateSheet(s.deps, 'time_off', sheet);
    expect(summary).toMatchObject({ rows: 4, ok: 3, errors: 1, skipped: 0 });
    expect(summary.problems[0]).toMatch(/^Row 5: Agent: no agent/);
    expect(s.http.sent.every((r) => r.method === 'GET')).toBe(true);
    expect(records(sheet.grid).map((r) => r['Push status'])).toEqual(['OK', 'OK', 'OK', 'error']);
    // One write for the added header cells, one block for the statuses.
    expect(sheet.grid.writes).toBe(2);
  });

  it('stops with words about the key when Assembled refuses it, leaving rows unsent', () => {
    const s = pushSetup();
    const sheet = s.addSheet('Leave', [HEADER, ...rows(s, 5, 'auth')]);
    const job = startPush(s.deps, 'time_off', sheet, 'push-key-auth');
    s.simulator.revokeKey(s.simulator.admin.sampleKey);
    const { job: end } = drive(s, job.id);
    expect(end.state).toBe('failed');
    expect(end.message).toMatch(/API key/);
    expect(end.message).not.toContain(s.simulator.admin.sampleKey);
    expect(records(sheet.grid).every((r) => !r['Push status'])).toBe(true);
  });

  it('gives each execution only what fits before its deadline, and the sidebar sees progress', () => {
    const s = pushSetup();
    const sheet = s.addSheet('Leave', [HEADER, ...rows(s, 400, 'slices')]);
    const job = startPush(s.deps, 'time_off', sheet, 'push-key-slices');
    const deadline = s.clock.now() + 40_000;
    const first = advancePush(s.deps, job.id, deadline);
    expect(first.state).toBe('running');
    // It sends until the deadline (the last batch shrunk to fit), not only whole batches that fit.
    expect(s.clock.now()).toBeLessThanOrEqual(deadline);
    expect(first.done).toBeGreaterThan(170);
    expect(first.done).toBeLessThan(400);
    expect(first.leaseUntil).toBeUndefined();
    const { job: end } = drive(s, job.id);
    expect(end).toMatchObject({ state: 'done', done: 400, succeeded: 400 });
    expect(duplicates(created(s, 'slices'))).toBe(0);
  });

  it('leaves a push alone while another execution holds it', () => {
    const s = pushSetup();
    const sheet = s.addSheet('Leave', [HEADER, ...rows(s, 5, 'lease')]);
    const job = startPush(s.deps, 'time_off', sheet, 'push-key-lease');
    const pushes = new PushStore(s.deps.store);
    pushes.save({ ...job, leaseUntil: s.clock.now() + 60_000 });
    expect(advancePush(s.deps, job.id, s.clock.now() + 60_000).done).toBe(0);
    expect(s.http.sent).toHaveLength(0);
  });
});

describe('the dispatcher', () => {
  it('has work while a push of this user runs, and carries only its own user’s pushes', () => {
    const s = pushSetup();
    const sheet = s.addSheet('Leave', [HEADER, ...rows(s, 5, 'disp')]);
    const job = startPush(s.deps, 'time_off', sheet, 'push-key-disp');
    const someone = { id: 'id-someone-0002', email: 'someone@example.com' };
    expect(hasActivePushes(s.deps.store, OPS)).toBe(true);
    expect(hasActivePushes(s.deps.store, someone)).toBe(false);
    runDuePushes({ ...s.deps, user: someone }, s.clock.now() + 300_000);
    expect(s.http.sent).toHaveLength(0);
    runDuePushes(s.deps, s.clock.now() + 300_000);
    expect(new PushStore(s.deps.store).get(job.id)?.state).toBe('done');
    expect(hasActivePushes(s.deps.store, OPS)).toBe(false);
  });

  it('one push per sheet: starting another while one runs follows the running one', () => {
    const s = pushSetup();
    const sheet = s.addSheet('Leave', [HEADER, ...rows(s, 5, 'one')]);
    const a = startPush(s.deps, 'time_off', sheet, 'push-key-one-a');
    expect(startPush(s.deps, 'time_off', sheet, 'push-key-one-b').id).toBe(a.id);
    expect(() => validateSheet(s.deps, 'time_off', sheet)).toThrow(/A push is running on this sheet/);
  });
});

describe('2,000 time-off rows across executions', () => {
  it('creates exactly 2,000 with no duplicate, under 429 storms and a kill mid-batch', () => {
    const s = pushSetup();
    const sheet = s.addSheet('Leave', [HEADER, ...rows(s, 2000, 'big')]);
    // Storms of forced 429s at three points, and an execution killed mid-batch.
    s.atRequest(150, () => s.simulator.setFaults({ force429: 40 }));
    s.atRequest(900, () => s.simulator.setFaults({ force429: 60 }));
    s.atRequest(1700, () => s.simulator.setFaults({ force429: 25 }));
    s.atRequest(1834, () => s.killAfter(7));
    const job = startPush(s.deps, 'time_off', sheet, 'push-key-2000');
    const { job: end, runs, kills } = drive(s, job.id, { gapMs: 60_000 });
    expect(kills).toBe(1);
    // One execution ran out of time, the next was killed, a third finished.
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(end).toMatchObject({ state: 'done', total: 2000, done: 2000, succeeded: 2000, failed: 0 });
    const made = created(s, 'big');
    expect(made).toHaveLength(2000);
    expect(duplicates(made)).toBe(0);
    const out = records(sheet.grid);
    expect(out.filter((r) => r['Push status'] === 'created')).toHaveLength(2000);
    expect(new Set(out.map((r) => r['Assembled ID']))).toEqual(new Set(made.map((t) => t.id)));
    expect(out.some((r) => r['Push message']?.startsWith('Found in Assembled'))).toBe(true);
    expect(s.simulator.stats().rejected429).toBeGreaterThanOrEqual(125);
  });

  it('reconciles rows whose answers were lost (timeouts before or after the service acted) before resending', () => {
    const s = pushSetup({ sim: { faults: { timeoutRate: 0.02 } } });
    s.loseAnswers(37);
    const sheet = s.addSheet('Leave', [HEADER, ...rows(s, 300, 'timeouts')]);
    const { job } = drive(s, startPush(s.deps, 'time_off', sheet, 'push-key-tmo').id);
    expect(job).toMatchObject({ state: 'done', done: 300, succeeded: 300 });
    const made = created(s, 'timeouts');
    expect(made).toHaveLength(300);
    expect(duplicates(made)).toBe(0);
    expect(s.http.sent.some((r) => r.url.includes('/v0/time_off/requests'))).toBe(true);
    expect(
      records(sheet.grid).filter((r) => r['Push message']?.startsWith('Found in Assembled')).length,
    ).toBeGreaterThan(0);
  });
});

describe("all-day rows in a push's later executions", () => {
  it("still start at the agent's midnight: the agent's time zone is kept with the push, the people not read again", () => {
    const s = pushSetup();
    s.deps.zone = intlZone('Australia/Sydney');
    const agent = s.agents.find((p) => p.timezone === 'Europe/Dublin');
    const days = [4, 6, 8, 10, 12, 14];
    const sheet = s.addSheet('Leave', [
      HEADER,
      ...days.map((d) => [
        agent?.email ?? '',
        `2027-01-${String(d).padStart(2, '0')}`,
        '',
        true,
        'pto',
        `later ${d}`,
      ]),
    ]);
    const id = startPush(s.deps, 'time_off', sheet, 'push-key-later').id;
    // The first execution has time for a row or two only; the next ones send the rest.
    const first = advancePush(s.deps, id, s.clock.now() + 2_500);
    expect(first.done).toBeLessThan(days.length);
    expect(drive(s, id).job).toMatchObject({ state: 'done', succeeded: days.length });
    const made = created(s, 'later').sort((a, b) => a.start_time - b.start_time);
    // Dublin keeps UTC in January: each day from its midnight there, not Sydney's.
    expect(made.map((t) => [t.start_time, t.end_time])).toEqual(
      days.map((d) => [Date.UTC(2027, 0, d) / 1000, Date.UTC(2027, 0, d + 1) / 1000]),
    );
    expect(s.http.sent.filter((r) => r.url.includes('/v0/people')).length).toBe(1);
  });
});
