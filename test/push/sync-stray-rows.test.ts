// Sync time off on a pushed time-off sheet, through the built bundle: only rows the add-on pushed
// take Assembled's news. A row whose Assembled ID was typed, pasted or shifted there names no
// request of its own: it is left as it is, values and types, and the summary says so and why,
// where Sync once wrote "deleted" over the user's cells for an id Assembled does not have.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type LocalAddon, startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { SyncSummary } from '../../src/core/push/sync-time-off';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

const DELETED =
  'Deleted in Assembled: it has no request with this Assembled ID any more. To ask for this time off again, clear Push status and Assembled ID and push the row; if it is not wanted any more, delete the row.';

const agents = (addon: LocalAddon) => addon.sim.admin.org.people.filter((p) => p.staffable && !p.deleted);

/** A row's cells with what they are: a Date's time, a number or text as itself. */
const typed = (row: unknown[] = []) => row.map((v) => (v instanceof Date ? { date: v.getTime() } : v));

describe.skipIf(!built)('Sync time off: rows the add-on did not push are left as they are', () => {
  it('a typed Assembled ID and status between pushed rows keep their cells; a pushed row deleted there says so', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt, sim } = addon;
    const [a, b, c, d] = agents(addon);
    // Row 3 is empty as the rest are pushed.
    const sheet = await template(rt, 'time_off', [
      [a?.email, '2026-07-01 09:00', '2026-07-01 17:00', 'FALSE', 'pto', 'to approve'],
      [],
      [b?.email, '2026-07-02 09:00', '2026-07-02 17:00', 'FALSE', 'pto', 'to delete'],
      [c?.email, '2026-07-03 09:00', '2026-07-03 12:00', 'FALSE', 'pto', 'left alone'],
    ]);
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'sync-stray-1'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 3 });
    const ids = column(rt, sheet, 'Assembled ID').map(String);

    // Typed in: a request made in Assembled by hand, its id a number, its status and a date beside it.
    rt.workbook.write(
      sheet,
      [
        [
          d?.email,
          '2026-07-06 09:00',
          '2026-07-06 17:00',
          'FALSE',
          'pto',
          'made by hand',
          'approved',
          5551111,
          '2026-07-06',
        ],
      ],
      { row: 3 },
    );
    const before = rt.workbook.values(sheet)[2];
    const formats = rt.workbook.numberFormats(sheet)[2];
    expect(typed(before).slice(6, 9)).toEqual(['approved', 5551111, { date: expect.any(Number) }]);

    await rt.clock.advanceAsync(60_000);
    sim.admin.decideTimeOff(ids[0] ?? '', 'approved');
    sim.admin.deleteTimeOff(ids[2] ?? '');
    const summary = await rt.callFromSidebar<SyncSummary>('syncTimeOff');

    expect(typed(rt.workbook.values(sheet)[2])).toEqual(typed(before));
    expect(rt.workbook.numberFormats(sheet)[2]).toEqual(formats);
    const status = column(rt, sheet, 'Push status');
    const message = column(rt, sheet, 'Push message');
    expect([0, 2, 3].map((i) => [status[i], message[i]])).toEqual([
      ['approved', 'Approved in Assembled.'],
      ['deleted', DELETED],
      ['created', 'Created; pending approval in Assembled.'],
    ]);
    expect(summary).toMatchObject({ updated: 2, changes: 2 });
    expect(summary.message).toBe(
      `2 of the 3 requests created from "${sheet}" changed in Assembled (1 approved, 1 deleted); their Push status and message say how. 1 row was left as it is (row 3): the add-on did not write its Assembled ID; Validate says what to do with it.`,
    );
  });

  it('a row pasted two columns right on a sheet never pushed is left as it is, and the sheet said to be unpushed', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt } = addon;
    const [a] = agents(addon);
    // Type lands under Push status, Note (a number) under Assembled ID.
    const sheet = await template(rt, 'time_off', [
      ['', '', a?.email, '2026-07-01 09:00', '2026-07-01 17:00', 'FALSE', 'pto', 20260701],
    ]);
    const before = rt.workbook.values(sheet);
    const summary = await rt.callFromSidebar<SyncSummary>('syncTimeOff');
    expect(typed(rt.workbook.values(sheet)[1])).toEqual(typed(before[1]));
    expect(summary).toMatchObject({ updated: 0, changes: 0 });
    expect(summary.message).toBe(
      `"${sheet}" has no rows pushed from it yet: push it first, then sync. 1 row was left as it is (row 2): the add-on did not write its Push status and Assembled ID; Validate says what to do with it.`,
    );
    // As the summary says, Validate tells what to do, the row still held back.
    await rt.callFromSidebar('validatePush', 'time_off');
    expect(String(column(rt, sheet, 'Push message')[0])).toMatch(
      /^Push status holds "pto" and Assembled ID holds "20260701", which the add-on did not write: the row's cells look shifted 2 columns to the right\./,
    );
  });
});
