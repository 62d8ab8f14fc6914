// A push Assembled keeps refusing is stopped after OUTAGE_MS of failed tries, counted from its
// last progress; and a person can stop a push (the sidebar's Stop), never another person's.
import { describe, expect, it } from 'vitest';
import type { RunLogEntry } from '../../src/core/pull/run-log';
import { OUTAGE_MS, OUTAGE_TRIES, PushStore } from '../../src/core/push/push-job';
import { advancePush, startPush, stopPush } from '../../src/core/push/run-push';
import { drive, TIME_OFF_SHEET as HEADER, pushSetup, records, timeOffRows } from './support';

const DOWN = { force5xx: 1_000_000 };

/** Assembled goes down once the first batch of 50 time-off rows has reached it. */
function downAfterABatch(s: ReturnType<typeof pushSetup>): void {
  s.atRequest(s.sentCount() + 1, () => {
    if ((s.simulator.stats().byRoute['POST /v0/time_off'] ?? 0) >= 50) s.simulator.setFaults(DOWN);
    else downAfterABatch(s);
  });
}

describe('a push while Assembled is down', () => {
  it(`is stopped after ${OUTAGE_MS / 60_000} minutes and ${OUTAGE_TRIES} tries that failed, saying why`, () => {
    const s = pushSetup();
    const sheet = s.addSheet('Leave', [HEADER, ...timeOffRows(s, 3, 'outage')]);
    s.simulator.setFaults(DOWN);
    const started = s.clock.now();
    const { job } = drive(s, startPush(s.deps, 'time_off', sheet, 'outage-0001').id);
    expect(job).toMatchObject({ state: 'failed', done: 0 });
    expect(job.message).toMatch(
      /^Stopped: Assembled failed \d+ tries in a row over 3\d minutes\. Last problem: .*503.*\. Rows already sent keep their status; push again to send the rest\.$/,
    );
    expect(job.updatedAt - started).toBeGreaterThanOrEqual(OUTAGE_MS);
    expect(job.updatedAt - started).toBeLessThan(OUTAGE_MS + 5 * 60_000);
  });

  it('stopped after failing to send rows (nothing was read first), says the last send’s cause', () => {
    const s = pushSetup();
    const ids = s.simulator.admin.org.timeOff.filter((t) => t.status === 'pending').slice(0, 3);
    const sheet = s.addSheet('Cancel', [['Request ID'], ...ids.map((t) => [t.id])]);
    s.simulator.setFaults(DOWN);
    const { job } = drive(s, startPush(s.deps, 'time_off_cancel', sheet, 'outage-0004').id);
    expect(job).toMatchObject({ state: 'failed', done: 0, total: 3 });
    expect(job.message).toMatch(
      /^Stopped: Assembled failed \d+ tries in a row over 3\d minutes\. Last problem: Assembled had a server error \(HTTP 503\) while cancelling time off\. /,
    );
  });

  it('is never stopped for the rate limit: Assembled is up, and the rows go once it lets them', () => {
    const s = pushSetup();
    const ids = s.simulator.admin.org.timeOff.filter((t) => t.status === 'pending').slice(0, 3);
    const sheet = s.addSheet('Cancel', [['Request ID'], ...ids.map((t) => [t.id])]);
    s.simulator.setFaults({ force429: 1_000_000 });
    const id = startPush(s.deps, 'time_off_cancel', sheet, 'outage-0005').id;
    const pushes = new PushStore(s.deps.store);
    const started = s.clock.now();
    for (let job = pushes.get(id); s.clock.now() - started < 2 * OUTAGE_MS; job = pushes.get(id)) {
      s.clock.advance(Math.max(60_000, (job?.notBefore ?? 0) - s.clock.now()));
      advancePush(s.deps, id, s.clock.now() + 60_000);
    }
    expect(pushes.get(id)).toMatchObject({ state: 'running', done: 0 });
    s.simulator.setFaults({});
    expect(drive(s, id).job).toMatchObject({ state: 'done', succeeded: 3 });
  });

  it('waits out a rate limit as long as Assembled asks (Retry-After), not a minute a try', () => {
    const s = pushSetup();
    const ids = s.simulator.admin.org.timeOff.filter((t) => t.status === 'pending').slice(0, 3);
    const sheet = s.addSheet('Cancel', [['Request ID'], ...ids.map((t) => [t.id])]);
    // Refusals enough to outlast an execution's own retries, each with Retry-After: 1.
    s.simulator.setFaults({ force429: 60 });
    const id = startPush(s.deps, 'time_off_cancel', sheet, 'outage-0006').id;
    const started = s.clock.now();
    const job = advancePush(s.deps, id, s.clock.now() + 60_000);
    expect(job).toMatchObject({ state: 'running', limitedSince: expect.any(Number) });
    expect((job.notBefore ?? 0) - s.clock.now()).toBeLessThanOrEqual(1_000);
    expect(drive(s, id).job).toMatchObject({ state: 'done', succeeded: 3 });
    expect(s.clock.now() - started).toBeLessThan(5 * 60_000);
  });

  it('counts the 30 minutes from its last progress: rows sent between outages start the count again', () => {
    const s = pushSetup();
    // 60 rows: a first batch of 50, then 10.
    const sheet = s.addSheet('Leave', [HEADER, ...timeOffRows(s, 60, 'outage')]);
    s.simulator.setFaults(DOWN);
    const pushes = new PushStore(s.deps.store);
    const id = startPush(s.deps, 'time_off', sheet, 'outage-0002').id;
    const started = s.clock.now();
    // Down for 20 minutes; then up for one batch, and down again.
    for (let job = pushes.get(id); s.clock.now() - started < 20 * 60_000; job = pushes.get(id)) {
      s.clock.advance(Math.max(60_000, (job?.notBefore ?? 0) - s.clock.now()));
      advancePush(s.deps, id, s.clock.now() + 5 * 60_000);
    }
    s.simulator.setFaults({});
    downAfterABatch(s);
    const back = s.clock.now();
    const { job } = drive(s, id);
    expect(job).toMatchObject({ state: 'failed', done: 50, succeeded: 50 });
    expect(job.message).toMatch(/^Stopped: Assembled failed \d+ tries in a row over 3\d minutes/);
    expect(job.updatedAt - back).toBeGreaterThanOrEqual(OUTAGE_MS);
    // The last 10 rows went as Assembled failed: a server error to a create leaves it unknown
    // whether Assembled took them, and they say so, never "Done".
    const unsent = records(sheet.grid).filter((r) => r['Push status'] !== 'created');
    expect(unsent.map((r) => r['Push message'])).toEqual(
      Array(10).fill(
        expect.stringMatching(
          /^Not known whether Assembled took it: the push stopped before its answer came\. Push again: /,
        ),
      ),
    );
  });

  it(`in the background, where tries come back hourly, is not stopped before ${OUTAGE_TRIES} tries`, () => {
    const s = pushSetup();
    const sheet = s.addSheet('Leave', [HEADER, ...timeOffRows(s, 3, 'outage')]);
    s.simulator.setFaults(DOWN);
    const started = s.clock.now();
    const { job, runs } = drive(s, startPush(s.deps, 'time_off', sheet, 'outage-0003').id, {
      gapMs: 60 * 60_000,
    });
    expect(job).toMatchObject({ state: 'failed', done: 0 });
    expect(runs).toBe(OUTAGE_TRIES);
    expect(job.message).toMatch(
      new RegExp(`^Stopped: Assembled failed ${OUTAGE_TRIES} tries in a row over 2\\d\\d minutes`),
    );
    expect(job.updatedAt - started).toBeGreaterThan(4 * 60 * 60_000);
  });
});

describe('a push whose answer was lost, while Assembled is down', () => {
  it('says it was checking whether Assembled took the batch, not reading time-off requests', () => {
    const s = pushSetup();
    const sheet = s.addSheet('Leave', [HEADER, ...timeOffRows(s, 3, 'lost')]);
    // The batch reaches Assembled, its answer is lost, and Assembled goes down.
    s.loseAnswers(1);
    const downOnceSent = () =>
      s.atRequest(s.sentCount() + 1, () => {
        if (!s.simulator.stats().byRoute['POST /v0/time_off']) return downOnceSent();
        s.simulator.setFaults(DOWN);
      });
    downOnceSent();
    const id = startPush(s.deps, 'time_off', sheet, 'outage-0007').id;
    const job = advancePush(s.deps, id, s.clock.now() + 60_000);
    expect(job).toMatchObject({ state: 'running', inFlight: expect.anything() });
    expect(job.message).toMatch(
      /^Assembled had a server error \(HTTP 503\) while checking whether Assembled took the last batch;/,
    );
    expect(drive(s, id).job.message).toMatch(
      /^Stopped: .*\. Last problem: .* while checking whether Assembled took the last batch\./,
    );
  });
});

describe('stopping a push', () => {
  it('stops one waiting out an outage: nothing more is sent, and it says how far it got and why', () => {
    const s = pushSetup();
    const sheet = s.addSheet('Leave', [HEADER, ...timeOffRows(s, 3, 'outage')]);
    s.simulator.setFaults(DOWN);
    const job = advancePush(
      s.deps,
      startPush(s.deps, 'time_off', sheet, 'stop-0001').id,
      s.clock.now() + 60_000,
    );
    expect(job.state).toBe('running');
    const logs: RunLogEntry[] = [];
    const stopped = stopPush({ ...s.deps, log: { append: (e) => logs.push(e), restate: () => {} } }, job.id);
    expect(stopped).toMatchObject({ state: 'failed' });
    expect(stopped.message).toBe(
      'Stopped: no row was sent. Last problem: Assembled had a server error (HTTP 503) while reading people. Push again to send the rows.',
    );
    // Logged as a stopped pull is, not as a failure.
    expect(logs).toEqual([expect.objectContaining({ status: 'stopped', message: stopped.message })]);
    s.simulator.setFaults({});
    s.clock.advance(10 * 60_000);
    expect(advancePush(s.deps, job.id, s.clock.now() + 60_000).state).toBe('failed');
    expect(s.simulator.stats().byRoute['POST /v0/time_off'] ?? 0).toBe(0);
  });

  it('says how many rows went before it was stopped, and that they keep their status', () => {
    const s = pushSetup();
    const sheet = s.addSheet('Leave', [HEADER, ...timeOffRows(s, 60, 'stop')]);
    // The first batch of 50 goes; then Assembled is down.
    downAfterABatch(s);
    const job = advancePush(
      s.deps,
      startPush(s.deps, 'time_off', sheet, 'stop-0003').id,
      s.clock.now() + 5 * 60_000,
    );
    expect(job).toMatchObject({ state: 'running', done: 50 });
    expect(stopPush(s.deps, job.id).message).toMatch(
      /^Stopped: 50 of 60 rows were sent\. Last problem: .*HTTP 503.*\. Rows already sent keep their status; push again to send the rest\.$/,
    );
  });

  it('is refused for another person’s push, and while an execution is sending a batch', () => {
    const s = pushSetup();
    const sheet = s.addSheet('Leave', [HEADER, ...timeOffRows(s, 3, 'outage')]);
    s.simulator.setFaults(DOWN);
    const job = startPush(s.deps, 'time_off', sheet, 'stop-0002');
    expect(() =>
      stopPush({ ...s.deps, user: { id: 'id-someone-0002', email: 'someone@example.com' } }, job.id),
    ).toThrow(/someone else|belongs to/i);
    const pushes = new PushStore(s.deps.store);
    pushes.save({ ...job, leaseUntil: s.clock.now() + 60_000 });
    expect(() => stopPush(s.deps, job.id)).toThrow(/A batch is being sent right now: press Stop again/);
    expect(pushes.get(job.id)?.state).toBe('running');
  });
});
