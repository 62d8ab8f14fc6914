// What the Pull and Push sidebars say while Assembled does not answer: the retry, its reason and
// the time to the next try, at the stage it happened (a list being read, rows being checked).
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import { progressWords } from '../../src/core/push/progress-words';
import type { PushView } from '../../src/core/push/push-view';

describe('a pull while Assembled is down', () => {
  it('says a request to Assembled failed, why, and counts down to the next try; then finishes', async () => {
    const { rt, sim } = await startLocalAddon();
    sim.setFaults({ force5xx: 1_000 });
    const spec = {
      source: { kind: 'resource', resource: 'people' },
      filters: {},
      target: { kind: 'new_sheet', name: 'People' },
      mode: 'replace',
    };
    let job = await rt.callFromSidebar<JobView>('startPull', spec, 'key-0001');
    for (let i = 0; i < 3 && job.detail.startsWith('Reading'); i++) {
      await rt.clock.advanceAsync(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(job).toMatchObject({
      state: 'queued',
      stage: 'Waiting to try again',
      detail: expect.stringMatching(
        /^(A request to Assembled failed|Requests to Assembled failed \d times in a row): [^()]*\(HTTP 503\)[^()]*[^.]\. The add-on tries again, (once more|up to \d more times)\.$/,
      ),
    });
    // Assembled's cause, without the advice to try again by hand: the add-on is doing that.
    expect(job.detail).not.toMatch(/in a few minutes/);
    // It says how many tries are left: six failures in all end the pull.
    const failures = Number(/failed (\d) times/.exec(job.detail)?.[1] ?? 1);
    expect(job.detail).toContain(failures === 5 ? 'once more.' : `up to ${6 - failures} more times.`);
    expect(job.nextTryInMs).toBeGreaterThan(0);
    expect(job.nextCheckInMs).toBe(0);
    sim.setFaults({});
    for (let i = 0; i < 10 && job.nextPollInMs > 0; i++) {
      await rt.clock.advanceAsync(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(job).toMatchObject({ state: 'done', stage: 'Done', detail: expect.not.stringMatching(/failed/) });
  });
});

describe('a report pull once Assembled answers again', () => {
  it('drops the failures from its words as soon as a request goes through', async () => {
    const { rt, sim } = await startLocalAddon({ reportDelayMs: 10 * 60_000 });
    sim.setFaults({ force5xx: 1_000 });
    const spec = {
      source: { kind: 'report', report: 'adherence', granularity: 'day' },
      range: { kind: 'relative', preset: 'last_week' },
      filters: {},
      target: { kind: 'new_sheet', name: 'Adherence' },
      mode: 'replace',
    };
    let job = await rt.callFromSidebar<JobView>('startPull', spec, 'key-0003');
    expect(job.detail).toMatch(/failed: .*\. The add-on tries again, up to 5 more times\.$/);
    sim.setFaults({});
    // The report starts, and Assembled takes minutes to build it: the checks are what is said.
    for (let i = 0; i < 5 && job.state === 'queued'; i++) {
      await rt.clock.advanceAsync(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(job.state).toBe('running');
    expect(job.stage).toBe('Assembled is generating the report');
    expect(job.detail).not.toMatch(/failed/);
  });
});

/** A running add-on with a time-off template holding one good row. */
async function withOneTimeOffRow() {
  const addon = await startLocalAddon();
  const agent = addon.sim.admin.org.people.find((p) => !p.deleted && p.staffable && p.email);
  const { sheet } = await addon.rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
  addon.rt.workbook.write(sheet, [[agent?.email, '2026-07-01 09:00', '2026-07-01 17:00', 'FALSE', '', '']], {
    row: 2,
  });
  return addon;
}

describe('a push while Assembled is down', () => {
  it('says its rows are being checked and a request to Assembled failed, not "No rows to send"; then sends', async () => {
    const { rt, sim } = await withOneTimeOffRow();
    sim.setFaults({ force5xx: 1_000 });
    let view = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'key-0002');
    expect(progressWords(view).count).toBe('Checking the rows');
    expect(view).toMatchObject({
      state: 'running',
      estimatedLeftMs: null,
      message: expect.stringMatching(
        /^A request to Assembled failed: [^()]*\(HTTP 503\)[^()]*[^.]\. The add-on tries again, and the push stops if it is still failing at 30 min\.$/,
      ),
    });
    expect(view.nextTryInMs).toBeGreaterThan(0);
    sim.setFaults({});
    for (let i = 0; i < 10 && view.state === 'running'; i++) {
      await rt.clock.advanceAsync(view.nextPollInMs);
      view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    expect(view).toMatchObject({ state: 'done', succeeded: 1, nextTryInMs: 0 });
  });
});

describe("a push held back by Assembled's rate limit", () => {
  it('says Assembled is up and the wait has no limit, how long so far, and counts no failed tries', async () => {
    const { rt, sim } = await withOneTimeOffRow();
    sim.setFaults({ force429: 1_000_000 });
    let view = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'key-0005');
    // Tried again as often as Assembled's Retry-After allows, for over a minute.
    const started = rt.clock.now();
    for (let i = 0; i < 200 && rt.clock.now() - started < 90_000; i++) {
      await rt.clock.advanceAsync(Math.max(view.nextTryInMs, view.nextPollInMs));
      view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    expect(view.state).toBe('running');
    expect(view.message).toMatch(
      /^Assembled's rate limit was hit while .*\. Assembled is up, so the add-on waits its turn and tries again for as long as it takes\.$/,
    );
    expect(view.limitedForMs).toBeGreaterThanOrEqual(60_000);
    sim.setFaults({});
    for (let i = 0; i < 10 && view.state === 'running'; i++) {
      await rt.clock.advanceAsync(view.nextPollInMs);
      view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    expect(view).toMatchObject({ state: 'done', succeeded: 1 });
  });
});

describe('a push that meets an outage while sending its rows', () => {
  it('says why and when it tries again; stopped, its message and log line give the last cause', async () => {
    const { rt, sim } = await startLocalAddon();
    const ids = sim.admin.org.timeOff
      .filter((t) => t.status === 'pending' || t.status === 'approved')
      .slice(0, 3)
      .map((t) => [t.id]);
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off_cancel');
    rt.workbook.write(sheet, ids, { row: 2 });
    // Cancels need nothing read first: the rows are checked, and every send fails.
    sim.setFaults({ force5xx: 1_000_000 });
    let view = await rt.callFromSidebar<PushView>('startPush', 'time_off_cancel', 'key-0004');
    expect(view).toMatchObject({ state: 'running', preparing: false, done: 0, total: 3 });
    const cause = /Assembled had a server error \(HTTP 5\d\d\) while cancelling time off/;
    expect(view.message).toMatch(
      /^A request to Assembled failed: .*\. The add-on tries again, and the push stops/,
    );
    expect(view.message).toMatch(cause);
    expect(view.nextTryInMs).toBeGreaterThan(0);
    // Another try, and the same words: each try that fails says so.
    await rt.clock.advanceAsync(view.nextPollInMs);
    view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    expect(view.message).toMatch(cause);
    // How long it has failed, and when the add-on will give up: a long wait has an end in sight.
    await rt.clock.advanceAsync(view.nextTryInMs);
    view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    expect(view.message).toMatch(
      /^Assembled has failed for \d+ min: .*\. The add-on tries again, and the push stops if it is still failing at 30 min\.$/,
    );
    const stopped = await rt.callFromSidebar<PushView>('stopPush', view.id);
    expect(stopped.message).toMatch(
      /^Stopped: no row was sent\. Last problem: .*\. Push again to send the rows\.$/,
    );
    expect(stopped.message).toMatch(cause);
    const log = rt.workbook.values('Assembled log').slice(1);
    expect(log.map((r) => [r[3], r[4]])).toEqual([[sheet, 'stopped']]);
    expect(String(log[0]?.at(-1))).toMatch(cause);
    sim.setFaults({});
  });
});
