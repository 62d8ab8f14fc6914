// Rows of a pulled schedule that move one activity into the time another is leaving: Assembled
// deletes what a write overlaps as it then stands, so the row moving away is sent first; two that
// swap times have no such order, and Validate says so before anything is sent.
import { expect, it } from 'vitest';
import type { Backend } from '../../dev/backend';
import type { LocalRuntime } from '../../dev/gas';
import type { SimRequest, SimResponse } from '../../dev/simulator/api';
import { activityStore } from '../../dev/simulator/schedules';
import type { PushView } from '../../src/core/push/push-view';
import { pulledSchedule } from './pulled-schedule-sheet';

const HALF_HOUR = 1_800_000;

/** A day's schedule pulled into "Schedule", given an Action column; two activities of one agent, back to back. */
async function backToBack(key: string) {
  const addon = await pulledSchedule(key);
  const [header = [], ...rows] = addon.rt.workbook.values('Schedule');
  const col = (name: string) => header.indexOf(name);
  const ms = (r: unknown[] | undefined, name: string) => Number(r?.[col(name)]);
  const at = rows.findIndex((a) => {
    const b = rows.find((r) => r[col('Agent ID')] === a[col('Agent ID')] && ms(r, 'Start') === ms(a, 'End'));
    return b !== undefined && ms(b, 'End') - ms(b, 'Start') > HALF_HOUR;
  });
  expect(at).toBeGreaterThanOrEqual(0);
  const first = rows[at] ?? [];
  const nextAt = rows.findIndex(
    (r) => r[col('Agent ID')] === first[col('Agent ID')] && ms(r, 'Start') === ms(first, 'End'),
  );
  const second = rows[nextAt] ?? [];
  addon.rt.workbook.write('Schedule', [['Action']], { column: header.length + 1 });
  /** Row `i` of the pull (0 = first under the header) given an update to these times. */
  const update = (i: number, start: number, end: number) => {
    addon.rt.workbook.write('Schedule', [[new Date(start), new Date(end)]], {
      row: i + 2,
      column: col('Start') + 1,
    });
    addon.rt.workbook.write('Schedule', [['update']], { row: i + 2, column: header.length + 1 });
  };
  const push = async (key: string) => {
    let view = await addon.rt.callFromSidebar<PushView>('startPush', 'activities', key);
    for (let i = 0; view.state === 'running' && i < 50; i++) {
      await addon.rt.clock.advanceAsync(view.nextPollInMs);
      view = await addon.rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    return view;
  };
  const held = (r: unknown[]) => {
    const a = activityStore(addon.sim.admin.org).get(String(r[col('Activity ID')]));
    return a && [a.start_time * 1000, a.end_time * 1000];
  };
  return {
    ...addon,
    first: { at, row: first },
    second: { at: nextAt, row: second },
    col,
    ms,
    update,
    push,
    held,
  };
}

it('sends the row that moves away before the row that moves into the time it leaves, whatever their order on the sheet', async () => {
  const { rt, first, second, ms, update, push, held } = await backToBack('activity-order-0001');
  const [s1, e1, e2] = [ms(first.row, 'Start'), ms(first.row, 'End'), ms(second.row, 'End')];
  // As QA did: the first moved half an hour later, into the second, which moves its start away.
  update(first.at, s1 + HALF_HOUR, e1 + HALF_HOUR);
  update(second.at, e1 + HALF_HOUR, e2);
  expect(await rt.callFromSidebar('validatePush', 'activities')).toMatchObject({ ok: 2, errors: 0 });
  expect(await push('activity-order-0002')).toMatchObject({ state: 'done', succeeded: 2 });
  expect(held(first.row)).toEqual([s1 + HALF_HOUR, e1 + HALF_HOUR]);
  expect(held(second.row)).toEqual([e1 + HALF_HOUR, e2]);
});

it('sends a delete of an activity a row is placed over before that row', async () => {
  const { rt, first, second, ms, update, push, held } = await backToBack('activity-order-0011');
  const [s1, e1] = [ms(first.row, 'Start'), ms(first.row, 'End')];
  update(first.at, s1 + HALF_HOUR, e1 + HALF_HOUR);
  rt.workbook.write('Schedule', [['delete']], { row: second.at + 2, column: first.row.length + 1 });
  expect(await push('activity-order-0012')).toMatchObject({ state: 'done', succeeded: 2 });
  expect(held(first.row)).toEqual([s1 + HALF_HOUR, e1 + HALF_HOUR]);
  const after = rt.workbook.values('Schedule');
  expect(after[second.at + 2 - 1]?.[first.row.length + 1]).toBe('deleted');
});

it('refuses two rows that swap times at Validate, since whichever goes first deletes the other, and sends neither', async () => {
  const { rt, first, second, ms, update, push, held } = await backToBack('activity-order-0021');
  const [s1, e1, e2] = [ms(first.row, 'Start'), ms(first.row, 'End'), ms(second.row, 'End')];
  update(first.at, e1, e2);
  update(second.at, s1, e1);
  const checked = await rt.callFromSidebar<{ problems: string[] }>('validatePush', 'activities');
  expect(checked).toMatchObject({ ok: 0, errors: 2 });
  const [a, b] = [first.at + 2, second.at + 2].sort((x, y) => x - y);
  const words = (other: number) =>
    `Placed over the activity of row ${other} as Assembled holds it now, and no order sends that row first: it is in turn placed over this row's activity, or over one that waits so. Whichever is sent first, Assembled deletes the activity it is placed over. Push one of them first with times over none of the others, then its times here; or delete one activity and create it again in a new row.`;
  expect(checked.problems).toEqual([`Row ${a}: ${words(b as number)}`, `Row ${b}: ${words(a as number)}`]);
  expect(await push('activity-order-0022')).toMatchObject({ state: 'done', succeeded: 0, invalid: 2 });
  expect(held(first.row)).toEqual([s1, e1]);
  expect(held(second.row)).toEqual([e1, e2]);
});

/**
 * The words of a row held back for the row it waits on, refused: by Assembled when `sent`, else
 * found with a problem before it was sent.
 */
const waits = (row: number, sent: boolean) =>
  `Waits on row ${row}, which ${sent ? 'Assembled refused' : 'has a problem to fix'}: this row is placed over the activity row ${row} moves or deletes, and sent now would have Assembled delete it. Fix row ${row}, then push again.`;

it('holds back the row that waits on a row refused at Validate, so the activity that row moves is not deleted', async () => {
  const { rt, first, second, ms, update, push, held } = await backToBack('activity-order-0031');
  const [s1, e1, e2] = [ms(first.row, 'Start'), ms(first.row, 'End'), ms(second.row, 'End')];
  update(first.at, s1 + HALF_HOUR, e1 + HALF_HOUR);
  update(second.at, e1 + HALF_HOUR, e2);
  // The row moving away names a type Assembled does not have.
  const [header = []] = rt.workbook.values('Schedule');
  rt.workbook.write('Schedule', [['Nonsense']], {
    row: second.at + 2,
    column: header.indexOf('Activity type') + 1,
  });
  const checked = await rt.callFromSidebar<{ problems: string[] }>('validatePush', 'activities');
  expect(checked).toMatchObject({ ok: 0, errors: 2 });
  expect(checked.problems).toContain(`Row ${first.at + 2}: ${waits(second.at + 2, false)}`);
  expect(await push('activity-order-0032')).toMatchObject({ state: 'done', succeeded: 0, invalid: 2 });
  expect(held(first.row)).toEqual([s1, e1]);
  expect(held(second.row)).toEqual([e1, e2]);
});

/** Bulk activity calls answered by `answer`, given the ids of the activities they carry. */
function answerBulks(
  rt: LocalRuntime,
  backend: Backend,
  answer: (request: SimRequest, ids: string[]) => SimResponse,
): void {
  rt.setHttp((request) => {
    if (request.method !== 'POST' || !/\/v0\/activities\/bulk/.test(request.url))
      return backend.http(request);
    const body = JSON.parse(request.body ?? '{}') as { activities: { activity: { id?: string } }[] };
    return answer(
      request,
      body.activities.map((a) => a.activity.id ?? ''),
    );
  });
}

it('holds back the row that waits on a row Assembled refuses, so the activity that row moves is not deleted', async () => {
  const { rt, backend, first, second, ms, update, push, held, col } = await backToBack('activity-order-0041');
  const [s1, e1, e2] = [ms(first.row, 'Start'), ms(first.row, 'End'), ms(second.row, 'End')];
  update(first.at, s1 + HALF_HOUR, e1 + HALF_HOUR);
  update(second.at, e1 + HALF_HOUR, e2);
  expect(await rt.callFromSidebar('validatePush', 'activities')).toMatchObject({ ok: 2, errors: 0 });
  // Assembled refuses the row moving away: its type deleted there since Validate.
  answerBulks(rt, backend, (request, ids) => {
    if (!ids.includes(String(second.row[col('Activity ID')]))) return backend.http(request);
    return backend.http({
      ...request,
      body: request.body?.replace(/"type_id":"[^"]*"/, '"type_id":"at_deleted"'),
    });
  });
  const view = await push('activity-order-0042');
  expect(view).toMatchObject({ state: 'done', succeeded: 0, failed: 2 });
  expect(view.problems).toContain(`Row ${first.at + 2}: ${waits(second.at + 2, true)}`);
  expect(held(first.row)).toEqual([s1, e1]);
  expect(held(second.row)).toEqual([e1, e2]);
  const [header = [], ...after] = rt.workbook.values('Schedule');
  const status = after[first.at] ?? [];
  const at = header.indexOf('Push status');
  expect(status.slice(at, at + 3)).toEqual(['error', '', waits(second.at + 2, true)]);
});

it('puts off the row that waits on a row Assembled did not take yet (a rate limit), and sends both once it does', async () => {
  const { rt, backend, first, second, ms, update, push, held, col } = await backToBack('activity-order-0051');
  const [s1, e1, e2] = [ms(first.row, 'Start'), ms(first.row, 'End'), ms(second.row, 'End')];
  update(first.at, s1 + HALF_HOUR, e1 + HALF_HOUR);
  update(second.at, e1 + HALF_HOUR, e2);
  // The row moving away is not taken for ten minutes, as a busy Assembled may: it goes in a later run.
  let limited = 0;
  answerBulks(rt, backend, (request, ids) =>
    ids.includes(String(second.row[col('Activity ID')])) && limited++ === 0
      ? { status: 429, headers: { 'retry-after': '600' }, body: '{"error":"rate limited"}', delayMs: 0 }
      : backend.http(request),
  );
  expect(await push('activity-order-0052')).toMatchObject({ state: 'done', succeeded: 2 });
  expect(limited).toBeGreaterThan(1);
  expect(held(first.row)).toEqual([s1 + HALF_HOUR, e1 + HALF_HOUR]);
  expect(held(second.row)).toEqual([e1 + HALF_HOUR, e2]);
});

/** Pushed with Assembled refusing the row moving away: the row moving into its time is held back. */
async function heldBehindRefused(key: string) {
  const addon = await backToBack(key);
  const { rt, backend, first, second, ms, update, push, col } = addon;
  const [s1, e1, e2] = [ms(first.row, 'Start'), ms(first.row, 'End'), ms(second.row, 'End')];
  update(first.at, s1 + HALF_HOUR, e1 + HALF_HOUR);
  update(second.at, e1 + HALF_HOUR, e2);
  answerBulks(rt, backend, (request, ids) =>
    ids.includes(String(second.row[col('Activity ID')]))
      ? backend.http({
          ...request,
          body: request.body?.replace(/"type_id":"[^"]*"/, '"type_id":"at_deleted"'),
        })
      : backend.http(request),
  );
  expect(await push(`${key}-push`)).toMatchObject({ state: 'done', succeeded: 0, failed: 2 });
  rt.setHttp((request) => backend.http(request));
  return { ...addon, s1, e1, e2 };
}

it('counts the row held back as ready once the row it waits on is fixed, and sends both', async () => {
  const { rt, first, second, push, held, col, s1, e1, e2 } = await heldBehindRefused('activity-order-0061');
  // The row moving away fixed: another type.
  const [, ...rows] = rt.workbook.values('Schedule');
  const type = col('Activity type');
  const other = rows.map((r) => r[type]).find((t) => t !== rows[second.at]?.[type]);
  rt.workbook.write('Schedule', [[other]], { row: second.at + 2, column: type + 1 });
  const checked = await rt.callFromSidebar<{ problems: string[] }>('validatePush', 'activities');
  expect(checked).toMatchObject({ ok: 2, errors: 0, problems: [] });
  expect(await push('activity-order-0062')).toMatchObject({ state: 'done', succeeded: 2, failed: 0 });
  expect(held(first.row)).toEqual([s1 + HALF_HOUR, e1 + HALF_HOUR]);
  expect(held(second.row)).toEqual([e1 + HALF_HOUR, e2]);
});

it('says the row held back waits on the row Assembled refused, not that Assembled refused it, while that row is not fixed', async () => {
  const { rt, first, second } = await heldBehindRefused('activity-order-0071');
  const checked = await rt.callFromSidebar<{ problems: string[] }>('validatePush', 'activities');
  expect(checked).toMatchObject({ ok: 0, errors: 2 });
  const said = new Map([
    [
      second.at,
      `Refused by Assembled when last pushed, and not changed since: Refused by Assembled: type_id: unknown activity type at_deleted Change the row, or push it again to send it as it is.`,
    ],
    [first.at, waits(second.at + 2, true)],
  ]);
  const inOrder = [...said].sort(([a], [b]) => a - b).map(([at, words]) => `Row ${at + 2}: ${words}`);
  expect(checked.problems).toEqual(inOrder);
  const [header = [], ...after] = rt.workbook.values('Schedule');
  const at = header.indexOf('Push status');
  expect(after[first.at]?.slice(at, at + 3)).toEqual(['error', '', waits(second.at + 2, true)]);
});
