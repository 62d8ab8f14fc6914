// An all-day time-off row shows its days, not midnights: Start and End as dates once Validate or
// Push reads the row as whole days (2027-01-04 to 2027-01-05 is two days off, which midnight to
// midnight would not read as), a timed row its minutes (no seconds: nobody pushes them). Only
// formats change, never a value. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

async function timeOffSheet(rows: (who: string) => unknown[][]) {
  const addon = await startLocalAddon({ dialect: 'live' });
  const [a] = addon.sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
  if (!a) throw new Error('no agent');
  const typed = rows(a.email);
  const sheet = await template(addon.rt, 'time_off', typed);
  // The rows typed: the template's unticked boxes below them read FALSE to its last row.
  const end = typed.length + 1;
  /** Start and End as the sheet shows them, row by row. */
  const shown = () =>
    addon.rt.workbook
      .displayValues(sheet)
      .slice(1, end)
      .map((r) => r.slice(1, 3));
  /** Start and End as a script reads them. */
  const values = () =>
    addon.rt.workbook
      .values(sheet)
      .slice(1, end)
      .map((r) => r.slice(1, 3));
  return { ...addon, sheet, shown, values };
}

describe.skipIf(!built)('an all-day time-off row in the sheet', () => {
  it('shows its first and last day off once Validate reads it as whole days; a timed row its minutes', async () => {
    const { rt, sheet, shown, values } = await timeOffSheet((who) => [
      [who, '2027-01-04', '2027-01-05', 'TRUE', 'pto', 'two days'],
      [who, '2027-01-11 09:00', '2027-01-11 17:00', 'FALSE', 'pto', 'part of a day'],
      // All day not ticked, empty or FALSE, with dates alone reads as whole days too.
      [who, '2027-01-18', '2027-01-18', '', 'pto', 'one day'],
      [who, '2027-01-25', '2027-01-26', 'FALSE', 'pto', 'two days, unticked'],
      // And with End empty: one day, as End's note says.
      [who, '2027-02-01', '', '', 'pto', 'one day, End empty'],
      // An End that does not read is no empty End: the row is refused, and not shown as days.
      [who, '2027-02-08', 'soon', '', 'pto', 'End unread'],
    ]);
    const typed = values();
    expect(shown()).toEqual([
      ['2027-01-04 00:00', '2027-01-05 00:00'],
      ['2027-01-11 09:00', '2027-01-11 17:00'],
      ['2027-01-18 00:00', '2027-01-18 00:00'],
      ['2027-01-25 00:00', '2027-01-26 00:00'],
      ['2027-02-01 00:00', ''],
      ['2027-02-08 00:00', 'soon'],
    ]);
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off')).toMatchObject({
      ok: 5,
      errors: 1,
    });
    expect(shown()).toEqual([
      ['2027-01-04', '2027-01-05'],
      ['2027-01-11 09:00', '2027-01-11 17:00'],
      ['2027-01-18', '2027-01-18'],
      ['2027-01-25', '2027-01-26'],
      ['2027-02-01', ''],
      ['2027-02-08 00:00', 'soon'],
    ]);
    expect(values()).toEqual(typed);

    // Made timed again, the row shows its times again at the next Validate.
    rt.workbook.write(sheet, [['2027-01-04 09:00', '2027-01-04 13:00', 'FALSE']], { row: 2, column: 2 });
    await rt.callFromSidebar('validatePush', 'time_off');
    expect(shown()[0]).toEqual(['2027-01-04 09:00', '2027-01-04 13:00']);
  });

  it('is shown as days by Push too, with one format write a column however many rows there are', async () => {
    const writes = async (n: number) => {
      const { rt, shown } = await timeOffSheet((who) =>
        Array.from({ length: n }, (_, i) => [
          who,
          `2027-02-${String(i + 1).padStart(2, '0')}`,
          '',
          'TRUE',
          'pto',
        ]),
      );
      const before = rt.counters.spreadsheet.writes;
      const view = await follow(
        rt,
        await rt.callFromSidebar<PushView>('startPush', 'time_off', `all-day-days-${n}`),
      );
      expect(view).toMatchObject({ state: 'done', succeeded: n });
      expect(shown()[0]).toEqual(['2027-02-01', '']);
      return rt.counters.spreadsheet.writes - before;
    };
    expect(await writes(20)).toBe(await writes(2));
  });
});
