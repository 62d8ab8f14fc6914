// A time-off row with All day empty and dates alone goes as whole days, while its empty box looks
// just like FALSE (midnight to midnight) and the All day column may sit behind the sidebar: Validate
// and Push name those rows in the sidebar: Validate says what to do about it, Push, once they went,
// only that they did. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import { follow, validateTemplate } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('time-off rows with an empty All day', () => {
  it('are named by Validate and Push when they go as whole days; FALSE and timed rows are not', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
    if (!a) throw new Error('no agent');
    const { check } = await validateTemplate(rt, 'time_off', [
      [a.email, '2027-01-04', '2027-01-05', 'TRUE', 'pto'],
      // Row 3: empty, dates alone: two whole days, its box unticked.
      [a.email, '2027-01-11', '2027-01-12', '', 'pto'],
      // Empty with times, and FALSE with dates alone (midnight to midnight): exact times.
      [a.email, '2027-01-18 09:00', '2027-01-18 13:00', '', 'pto'],
      [a.email, '2027-01-25', '2027-01-26', 'FALSE', 'pto'],
      // Row 6: empty, End empty: one whole day.
      [a.email, '2027-02-01', '', '', 'pto'],
    ]);
    const words =
      'Rows 3 and 6 go as whole days: All day is empty and they have no times. Tick All day to say so, or give times.';
    expect(check).toMatchObject({ ok: 5, errors: 0, emptyAllDay: words });

    const allDay = () => sim.admin.org.timeOff.filter((t) => t.all_day).length;
    const before = allDay();
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'empty-all-day'),
    );
    // Once sent, it says what became of them, and no longer what to tick: they are in Assembled.
    expect(view).toMatchObject({
      state: 'done',
      succeeded: 5,
      emptyAllDay: 'Rows 3 and 6 went as whole days: All day is empty and they have no times.',
    });
    expect(allDay() - before).toBe(3);
  });

  it('are named one row alone, and not at all once every box is filled', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
    if (!a) throw new Error('no agent');
    const { sheet, check } = await validateTemplate(rt, 'time_off', [[a.email, '2027-03-01', '', '', 'pto']]);
    expect(check.emptyAllDay).toBe(
      'Row 2 goes as whole days: All day is empty and it has no times. Tick All day to say so, or give times.',
    );
    rt.workbook.write(sheet, [[true]], { row: 2, column: 4 });
    expect((await rt.callFromSidebar<{ emptyAllDay?: string }>('validatePush', 'time_off')).emptyAllDay).toBe(
      undefined,
    );
  });
});
