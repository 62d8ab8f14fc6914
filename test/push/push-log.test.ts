// Pushes in the "Assembled log", a sheet with nothing to push said so, and time-off types checked
// against the account (issue 14 item 14), through the built bundle and the push sidebar's calls.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { FaultOptions } from '../../dev/simulator/api';
import type { PushView } from '../../src/core/push/push-view';
import { rowsInUse } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));
const SCRIPT = '<script>alert(1)</script>';

describe.skipIf(!built)('push outcomes a user can find', () => {
  it('checks each row’s type against the account’s time-off types, sends the others, and logs the push', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b, c] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted);
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    rt.workbook.write(
      sheet,
      [
        [a?.email, '2026-07-01', '', 'TRUE', 'pto', 'fine'],
        [b?.email, '2026-07-02', '', 'TRUE', SCRIPT, 'markup'],
        [c?.email, '2026-07-03', '', 'TRUE', 'Holiday', 'unknown'],
        [c?.email, '2026-07-06', '', 'TRUE', 'Sick', 'by name'],
      ],
      { row: 2 },
    );
    rt.workbook.select(`'${sheet}'!A1`);
    const checked = await rt.callFromSidebar<{ ok: number; errors: number; problems: string[] }>(
      'validatePush',
      'time_off',
    );
    expect(checked).toMatchObject({ ok: 2, errors: 2 });
    expect(checked.problems[0]).toBe(
      `Row 3: Type: "${SCRIPT}" is not a time-off type: use a type's name, such as pto or sick.`,
    );
    expect(checked.problems[1]).toMatch(
      /^Row 4: Type: "Holiday" is not one of your Assembled account's time-off types: Paid time off, Sick, /,
    );

    let view = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'push-log-types-1');
    while (view.state === 'running') {
      await rt.clock.advanceAsync(view.nextPollInMs);
      view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    expect(view).toMatchObject({ state: 'done', succeeded: 2, invalid: 2 });
    const rows = rowsInUse(rt.workbook.values(sheet)).slice(1);
    expect(rows.map((r) => r[6])).toEqual(['created', 'error', 'error', 'created']);
    const sent = sim.admin.org.timeOff.filter((t) =>
      ['fine', 'markup', 'unknown', 'by name'].includes(t.notes),
    );
    expect(sent.map((t) => [t.notes, t.type])).toEqual([
      ['fine', 'pto'],
      ['by name', 'sick'],
    ]);

    const log = rt.workbook.values('Assembled log');
    expect(log[0]).toEqual(['When', 'Who', 'What', 'Target', 'Status', 'Rows', 'Duration (s)', 'Message']);
    expect(log.slice(1)).toHaveLength(1);
    expect(log[1]?.slice(1, 6)).toEqual([
      'analyst@example.com',
      'Push: Time off to create',
      sheet,
      'done, 2 to fix',
      2,
    ]);
    expect(String(log[1]?.[7])).toMatch(/^Finished: 2 created, 2 with problems to fix\./);
  });

  it('a push that failed is logged as failed, whatever rows it also left to fix', async () => {
    const { rt, sim, key, backend } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted);
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    rt.workbook.write(
      sheet,
      [
        [a?.email, '2026-07-01', '', 'TRUE', 'pto', 'fine'],
        [a?.email, '2026-07-09', '2026-07-08', 'TRUE', 'pto', 'ends before it starts'],
      ],
      { row: 2 },
    );
    rt.workbook.select(`'${sheet}'!A1`);
    // The key is revoked once the push has read what it needs: its first send is refused.
    rt.setHttp((request) => {
      if (request.method === 'POST') sim.revokeKey(key);
      return backend.http(request);
    });
    let view = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'push-log-failed-1');
    while (view.state === 'running') {
      await rt.clock.advanceAsync(view.nextPollInMs);
      view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    expect(view).toMatchObject({ state: 'failed', invalid: 1 });
    const [, ...log] = rt.workbook.values('Assembled log');
    expect(log.map((r) => r[4])).toEqual(['failed']);
  });

  it('a push that found rows already in Assembled after an interrupted send says how many, in the log too', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const people = sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email).slice(0, 4);
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    rt.workbook.write(
      sheet,
      people.map((p, i) => [
        p.email,
        `2026-07-0${i + 1} 09:00`,
        `2026-07-0${i + 1} 17:00`,
        '',
        'pto',
        `found ${i}`,
      ]),
      { row: 2 },
    );
    rt.workbook.select(`'${sheet}'!A1`);
    // Two creates made by Assembled, their answers lost: found when the push looks, not sent again.
    sim.setFaults({ forceLostReply: 2, lostReplyAs: 504 });
    let view = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'push-log-found-1');
    while (view.state === 'running') {
      await rt.clock.advanceAsync(view.nextPollInMs);
      view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    sim.setFaults({});
    expect(view).toMatchObject({ state: 'done', succeeded: 4 });
    expect(sim.admin.org.timeOff.filter((t) => t.notes?.startsWith('found '))).toHaveLength(4);
    const found =
      'Finished: 4 created (2 of the 4 found in Assembled after their answer was lost; none sent twice).';
    expect(view.message).toContain(found);
    const [head = [], ...log] = rt.workbook.values('Assembled log');
    expect(log.map((r) => [r[head.indexOf('Status')], r[head.indexOf('Rows')]])).toEqual([['done', 4]]);
    expect(String(log[0]?.[head.indexOf('Message')])).toContain(found);
  });

  it('a sheet with only its header says there is nothing to push, in the sidebar and the log', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    // A log begun when its last column was headed "Error": headed for what it holds now, rows kept.
    const old = ['When', 'Who', 'What', 'Target', 'Status', 'Rows', 'Duration (s)', 'Error'];
    rt.workbook.addSheet('Assembled log');
    rt.workbook.write('Assembled log', [old]);
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    rt.workbook.select(`'${sheet}'!A1`);
    const view = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'push-log-empty-1');
    expect(view).toMatchObject({
      state: 'done',
      total: 0,
      message: `Nothing to push: "${sheet}" has no rows under its header. Add rows, then push again.`,
    });
    const [header, ...log] = rt.workbook.values('Assembled log');
    expect(header?.[7]).toBe('Message');
    expect(log.map((r) => r.slice(2, 6))).toEqual([['Push: Time off to create', sheet, 'done', 0]]);
    expect(log[0]?.[7]).toBe(view.message);
  });

  it('a push its sidebar left to the background logs the time it was worked on, not the hour it waited for the tick', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const people = sim.admin.org.people.filter((p) => p.staffable && !p.deleted);
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    // More rows than the 300-a-minute limit lets the sidebar's first 30-s call send.
    const rows = Array.from({ length: 240 }, (_, i) => [
      people[i % people.length]?.email,
      `2026-08-${String(1 + Math.floor(i / people.length)).padStart(2, '0')}`,
      '',
      'TRUE',
      'pto',
      `row ${i}`,
    ]);
    rt.workbook.write(sheet, rows, { row: 2 });
    rt.workbook.select(`'${sheet}'!A1`);
    const started = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'push-log-later-1');
    expect(started.state).toBe('running');
    // The sidebar is closed: the published add-on's hourly tick carries the push on.
    await rt.clock.advanceAsync(2 * 3_600_000);
    const [head = [], ...log] = rt.workbook.values('Assembled log');
    expect(log.map((r) => r[head.indexOf('Status')])).toEqual(['done']);
    expect(Number(log[0]?.[head.indexOf('Duration (s)')])).toBeLessThan(5 * 60);
  });

  it('a push that waited out Assembled failing logs its own time, and says it waited between tries', async () => {
    // The sidebar stays open while Assembled is down for three minutes, then back.
    const { view, row } = await pushThrough({ force5xx: 1_000_000 }, 'after the outage', 3 * 60_000);
    expect(view.elapsedMs).toBeGreaterThan(3 * 60_000);
    // Duration is the push's own time, as a refresh's attempt's: not the minutes between tries.
    expect(row.duration).toBeLessThan(60);
    expect(row.message).toMatch(
      /^Finished: 1 created\. .* Assembled failed for a while: the push waited [34] min \d\d s between tries \(not in Duration\)\.$/,
    );
  });

  it('a push that waited out Assembled’s rate limit says so, as that wait is in its Duration', async () => {
    // The sidebar stays open while Assembled refuses every request for three minutes, then lets them.
    const { row } = await pushThrough({ force429: 1_000_000 }, 'after the limit', 3 * 60_000);
    // Waiting its turn is time spent on Assembled, as a report being built: Duration holds it, and says why.
    expect(row.duration).toBeGreaterThanOrEqual(3 * 60);
    expect(row.message).toMatch(
      /^Finished: 1 created\. .* Assembled limited its requests for a while: the push waited [23] min \d\d s for its turn \(in Duration\)\.$/,
    );
  });

  it('a push whose few rate-limited requests went on their retry says nothing of the wait', async () => {
    const { sim, view, row } = await pushThrough({ force429: 3 }, 'a few refusals');
    expect(sim.stats().rejected429).toBe(3);
    expect(row.message).toBe(view.message);
  });
});

/**
 * One time-off row pushed from an open sidebar while Assembled answers with `faults`, lifted after
 * `liftAfterMs` (never, when not given); its view at the end and its log row.
 */
async function pushThrough(faults: FaultOptions, note: string, liftAfterMs = Number.POSITIVE_INFINITY) {
  const { rt, sim } = await startLocalAddon({ dialect: 'live' });
  const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted);
  const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
  rt.workbook.write(sheet, [[a?.email, '2026-07-01', '', 'TRUE', 'pto', note]], { row: 2 });
  rt.workbook.select(`'${sheet}'!A1`);
  sim.setFaults(faults);
  let view = await rt.callFromSidebar<PushView>(
    'startPush',
    'time_off',
    `push-log-${note.replace(/\W+/g, '-')}`,
  );
  const started = rt.clock.now();
  while (view.state === 'running') {
    if (rt.clock.now() - started >= liftAfterMs) sim.setFaults({});
    await rt.clock.advanceAsync(view.nextPollInMs);
    view = await rt.callFromSidebar<PushView>('pollPush', view.id);
  }
  expect(view).toMatchObject({ state: 'done', succeeded: 1 });
  const [head = [], ...log] = rt.workbook.values('Assembled log');
  const cells = log[0] ?? [];
  const row = {
    duration: Number(cells[head.indexOf('Duration (s)')]),
    message: String(cells[head.indexOf('Message')]),
  };
  return { sim, view, row };
}
