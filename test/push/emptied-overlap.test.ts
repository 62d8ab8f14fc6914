// A pushed time-off row one editor empties (its cells selected, Delete) still books its time in
// Assembled: a new row another editor types over that time is a second request, held back as one
// over a row still filled in would be. Through the built bundle, two editors with keys of their own.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { TIME_OFF_HEADER } from '../support/time-off-template';
import { column, follow } from './in-runtime';

const SAM_KEY = 'sk_live_test_sam_emptied';

const push = async (rt: LocalRuntime, key: string) =>
  follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', key));

describe('a new time-off row over a pushed row since emptied', () => {
  it("is held back, naming the emptied row that Assembled still holds, for another editor's push too", async () => {
    const { rt, sim } = await startLocalAddon({ mode: 'bound', dialect: 'live' });
    sim.issueKey(SAM_KEY);
    const sam = rt.asUser('sam@example.com');
    await sam.callFromSidebar('saveSettings', { apiKey: SAM_KEY, timeFormat: 'iso', apiVersion: '' });
    const [mei, other] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    rt.workbook.write('Leave', [
      TIME_OFF_HEADER,
      [mei?.email, '2026-07-14', '2026-07-18', 'TRUE', 'pto', 'week off'],
      [other?.email, '2026-07-15', '2026-07-15', 'TRUE', 'pto'],
    ]);
    rt.workbook.select('Leave!A1');
    const booked = () => sim.admin.org.timeOff.filter((t) => t.agent_id === mei?.agent_id).length;
    const before = booked();
    expect(await push(rt, 'a-push-1')).toMatchObject({ state: 'done', succeeded: 2 });
    expect(booked()).toBe(before + 1);

    // Sam empties row 2 (A2:F2), and asks for a day inside that week in row 4.
    sam.workbook.write('Leave', [Array(6).fill('')], { row: 2 });
    sam.workbook.write('Leave', [[mei?.email, '2026-07-16', '2026-07-16', 'TRUE', 'pto', 'one day']], {
      row: 4,
    });
    sam.workbook.select('Leave!A1');
    expect(await sam.callFromSidebar<ValidateSummary>('validatePush', 'time_off')).toMatchObject({
      ok: 0,
      errors: 1,
    });
    expect(column(sam, 'Leave', 'Push status')).toEqual(['created', 'created', 'error']);
    const said = column(sam, 'Leave', 'Push message')[2];
    expect(said).toBe(
      'Start: overlaps row 2, time off for the same agent already pushed to Assembled (the cells of row 2 were emptied since, but Assembled still holds what it sent: emptying a row withdraws nothing): this would be a second request over the same time. Delete this row if it was typed twice; to change the request, cancel it first (Time off to cancel, with its Assembled ID), or Sync time off if it was cancelled in Assembled.',
    );
    // The emptied row itself still says so.
    expect(column(sam, 'Leave', 'Push message')[0]).toMatch(
      /^Changed since it was pushed: its cells were emptied, but Assembled still holds what the row sent/,
    );

    expect(await push(sam, 'sam-push-1')).toMatchObject({ state: 'done', succeeded: 0, invalid: 1 });
    expect(column(sam, 'Leave', 'Push status')[2]).toBe('error');
    expect(booked()).toBe(before + 1);
  });
});
