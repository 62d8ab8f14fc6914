// Sync time off on a pushed time-off sheet, through the built bundle: each row says what Assembled
// did to its request since the push, in its own words: cancelled (whether or not Assembled's list
// shows cancelled requests unasked), deleted, changed there (times, all-day, type), or nothing.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type LocalAddon, startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import type { SyncSummary } from '../../src/core/push/sync-time-off';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

const AGAIN =
  'To ask for this time off again, clear Push status and Assembled ID and push the row; if it is not wanted any more, delete the row.';
const CANCELLED = `Cancelled in Assembled: the time off is not booked there any more. ${AGAIN}`;
const DELETED = `Deleted in Assembled: it has no request with this Assembled ID any more. ${AGAIN}`;
const PENDING = 'Created; pending approval in Assembled.';
const REPUSH =
  "To have the row's instead, cancel the request (Time off to cancel, with its Assembled ID), then clear Push status and Assembled ID here and push the row as new.";

/** `rows` pushed from a "Time off to create" sheet in front; the sheet and the requests' ids. */
async function pushed(addon: LocalAddon, rows: unknown[][], name: string) {
  const { rt } = addon;
  const sheet = await template(rt, 'time_off', rows);
  const view = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', name));
  expect(view).toMatchObject({ state: 'done', succeeded: rows.length });
  return { sheet, ids: column(rt, sheet, 'Assembled ID').map(String) };
}

function cancel({ sim, key }: LocalAddon, id: string): void {
  const authorization = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
  const reply = sim.handle({ method: 'POST', url: `/v0/time_off/${id}/cancel`, headers: { authorization } });
  expect(reply.status).toBe(200);
}

const outcomes = (addon: LocalAddon, sheet: string) => {
  const status = column(addon.rt, sheet, 'Push status');
  return column(addon.rt, sheet, 'Push message').map((m, i) => [status[i], m]);
};

const agents = (addon: LocalAddon) => addon.sim.admin.org.people.filter((p) => p.staffable && !p.deleted);

describe.skipIf(!built)('Sync time off: what Assembled did to each pushed request', () => {
  for (const hides of [false, true])
    it(`a request cancelled in Assembled says so and what to do, changed since it was pushed or not (list ${hides ? 'hides' : 'shows'} cancelled)`, async () => {
      const addon = await startLocalAddon({
        dialect: 'live',
        simulator: { listHidesCancelledTimeOff: hides },
      });
      const { rt, sim } = addon;
      const [a, b, c] = agents(addon);
      const { sheet, ids } = await pushed(
        addon,
        [
          [a?.email, '2026-07-01 09:00', '2026-07-01 17:00', 'FALSE', 'pto', 'cancelled'],
          [b?.email, '2026-07-02 09:00', '2026-07-02 17:00', 'FALSE', 'pto', 'cancelled, then edited'],
          [c?.email, '2026-07-03 09:00', '2026-07-03 12:00', 'FALSE', 'pto', 'left alone'],
        ],
        'sync-cancelled-1',
      );
      // The second row's End is typed over after the push: Assembled was never sent it.
      rt.workbook.write(sheet, [['2026-07-02 18:00']], { row: 3, column: 3 });
      await rt.clock.advanceAsync(60_000);
      cancel(addon, ids[0] as string);
      cancel(addon, ids[1] as string);

      const summary = await rt.callFromSidebar<SyncSummary>('syncTimeOff');
      expect(outcomes(addon, sheet)).toEqual([
        ['cancelled', CANCELLED],
        [
          'cancelled',
          `Changed since it was pushed: End was 2026-07-02 17:00 when pushed; not sent again, and the request it made was cancelled in Assembled since. Assembled's last word on it: ${CANCELLED}`,
        ],
        ['created', PENDING],
      ]);
      expect(summary.message).toBe(
        `2 of the 3 requests created from "${sheet}" changed in Assembled (2 cancelled); their Push status and message say how. 1 row was changed in the sheet since it was pushed; its Push message says what to do.`,
      );
      // Validate says the same, once; a second sync has no news.
      await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
      const synced = outcomes(addon, sheet);
      expect((await rt.callFromSidebar<SyncSummary>('syncTimeOff')).changes).toBe(0);
      expect(outcomes(addon, sheet)).toEqual(synced);
      // Rows a sync before this one left saying less, or that Assembled still has them, are put right.
      rt.workbook.write(
        sheet,
        [
          ['Cancelled in Assembled.'],
          [
            "Changed since it was pushed: End was 2026-07-02 17:00 when pushed; not sent again, so Assembled still has it as it was. To send it as a new row, clear its Push status and Assembled ID. Assembled's last word on it: Cancelled in Assembled.",
          ],
        ],
        { row: 2, column: 9 },
      );
      expect((await rt.callFromSidebar<SyncSummary>('syncTimeOff')).changes).toBe(2);
      expect(outcomes(addon, sheet)).toEqual(synced);

      // As the row says: its Push status and Assembled ID cleared, a push makes it again.
      rt.workbook.write(sheet, [['', '']], { row: 3, column: 7 });
      const again = await follow(
        rt,
        await rt.callFromSidebar<PushView>('startPush', 'time_off', 'sync-cancelled-2'),
      );
      expect(again).toMatchObject({ state: 'done', succeeded: 1 });
      const made = String(column(rt, sheet, 'Assembled ID')[1]);
      expect(made).not.toBe(ids[1]);
      expect(sim.admin.org.timeOff.find((t) => t.id === made)).toMatchObject({
        status: 'pending',
        end_time: Date.parse('2026-07-02T22:00:00Z') / 1000,
      });
    });

  it('deleted in Assembled, changed there, or left alone: each row in its own words, kept up to date', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt, sim } = addon;
    const [a, b, c, d] = agents(addon);
    const { sheet, ids } = await pushed(
      addon,
      [
        [a?.email, '2026-07-01 09:00', '2026-07-01 17:00', 'FALSE', 'pto', 'approved, as pushed'],
        [b?.email, '2026-07-02 09:00', '2026-07-02 17:00', 'FALSE', 'pto', 'deleted'],
        [c?.email, '2026-07-03 09:00', '2026-07-03 17:00', 'FALSE', 'pto', 'new times'],
        [d?.email, '2026-07-06', '2026-07-07', 'TRUE', 'pto', 'a day more, and sick'],
      ],
      'sync-drift-1',
    );
    const [asPushed, deleted, moved, longer] = ids as [string, string, string, string];
    await rt.clock.advanceAsync(60_000);
    sim.admin.decideTimeOff(asPushed, 'approved');
    sim.admin.deleteTimeOff(deleted);
    const sec = (iso: string) => Date.parse(iso) / 1000;
    // New York: 10:00 to 18:00 local.
    sim.admin.changeTimeOff(moved, {
      start_time: sec('2026-07-03T14:00:00Z'),
      end_time: sec('2026-07-03T22:00:00Z'),
    });
    const held = sim.admin.org.timeOff.find((t) => t.id === longer);
    if (!held) throw new Error('no request');
    sim.admin.changeTimeOff(longer, { end_time: held.end_time + 86_400, type: 'sick' });

    const summary = await rt.callFromSidebar<SyncSummary>('syncTimeOff');
    expect(outcomes(addon, sheet)).toEqual([
      ['approved', 'Approved in Assembled.'],
      ['deleted', DELETED],
      [
        'created',
        `${PENDING} Changed in Assembled since it was pushed: Start is 2026-07-03 10:00 there, pushed as 2026-07-03 09:00; End is 2026-07-03 18:00 there, pushed as 2026-07-03 17:00. ${REPUSH}`,
      ],
      [
        'created',
        `${PENDING} Changed in Assembled since it was pushed: End is 2026-07-08 there, pushed as 2026-07-07; Type is sick there, pushed as pto. ${REPUSH}`,
      ],
    ]);
    expect(summary.message).toBe(
      `4 of the 4 requests created from "${sheet}" changed in Assembled (1 approved, 1 deleted, 2 changed there); their Push status and message say how.`,
    );
    // Validate leaves Sync's words; a second sync has no news.
    await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    const synced = outcomes(addon, sheet);
    expect(synced[2]?.[1]).toMatch(/^Created; pending approval in Assembled\. Changed in Assembled/);
    expect((await rt.callFromSidebar<SyncSummary>('syncTimeOff')).changes).toBe(0);
    expect(outcomes(addon, sheet)).toEqual(synced);

    // Put back in Assembled as pushed, then approved: the row says so, no longer changed there.
    await rt.clock.advanceAsync(60_000);
    sim.admin.changeTimeOff(moved, {
      start_time: sec('2026-07-03T13:00:00Z'),
      end_time: sec('2026-07-03T21:00:00Z'),
    });
    sim.admin.decideTimeOff(longer, 'approved');
    expect((await rt.callFromSidebar<SyncSummary>('syncTimeOff')).message).toBe(
      `2 of the 4 requests created from "${sheet}" changed in Assembled (1 pending, 1 changed there); their Push status and message say how.`,
    );
    expect(outcomes(addon, sheet).slice(2)).toEqual([
      ['created', PENDING],
      [
        'approved',
        `Approved in Assembled. Changed in Assembled since it was pushed: End is 2026-07-08 there, pushed as 2026-07-07; Type is sick there, pushed as pto. ${REPUSH}`,
      ],
    ]);

    // A row edited since it was pushed names both: its own change, and Assembled's.
    rt.workbook.write(sheet, [['a day more, and sick, please']], { row: 5, column: 6 });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check.problems).toEqual([
      `Row 5: Changed since it was pushed: Notes was a day more, and sick when pushed; not sent again, and Assembled has since changed it too. Assembled's last word on it: Approved in Assembled. Changed in Assembled since it was pushed: End is 2026-07-08 there, pushed as 2026-07-07; Type is sick there, pushed as pto. ${REPUSH}`,
    ]);
    expect(sim.stats().byRoute['POST /v0/time_off']).toBe(4);
  });

  it('says All day changed there as the box shows it: ticked, or not, there and when pushed', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt, sim } = addon;
    const [a, b] = agents(addon);
    const { sheet, ids } = await pushed(
      addon,
      [
        [a?.email, '2026-07-06', '2026-07-07', 'TRUE', 'pto', 'whole days, made timed'],
        [b?.email, '2026-07-03 09:00', '2026-07-03 17:00', 'FALSE', 'pto', 'timed, made whole days'],
      ],
      'sync-all-day-1',
    );
    await rt.clock.advanceAsync(60_000);
    sim.admin.changeTimeOff(ids[0] as string, { all_day: false });
    sim.admin.changeTimeOff(ids[1] as string, { all_day: true });

    await rt.callFromSidebar<SyncSummary>('syncTimeOff');
    // Start and End follow, each as the sheet shows it.
    const [timed, whole] = column(rt, sheet, 'Push message').map(String);
    expect(timed).toContain('pushed: All day is not ticked there, was ticked when pushed; Start is');
    expect(whole).toContain('pushed: All day is ticked there, was not when pushed; Start is');
  });
});
