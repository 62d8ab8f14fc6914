// A time-off row with All day not ticked (FALSE or empty, drawn alike) and dates alone goes as whole
// days, and the All day column may sit behind the sidebar: Validate and Push name those rows in the
// sidebar: Validate says what to do about it, Push, once they went, only that they did. Through the
// built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import { follow, validateTemplate } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('time-off rows with All day not ticked', () => {
  it('are named by Validate and Push when they go as whole days, FALSE or empty; ticked and timed rows are not', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
    if (!a) throw new Error('no agent');
    const { check } = await validateTemplate(rt, 'time_off', [
      [a.email, '2027-01-04', '2027-01-05', 'TRUE', 'pto'],
      // Row 3: empty, dates alone: two whole days, its box unticked.
      [a.email, '2027-01-11', '2027-01-12', '', 'pto'],
      // Empty and FALSE with times: exact times.
      [a.email, '2027-01-18 09:00', '2027-01-18 13:00', '', 'pto'],
      [a.email, '2027-01-19 09:00', '2027-01-19 13:00', 'FALSE', 'pto'],
      // Row 6: FALSE with dates alone, as the template's untouched box: two whole days too.
      [a.email, '2027-01-25', '2027-01-26', 'FALSE', 'pto'],
      // Row 7: empty, End empty: one whole day.
      [a.email, '2027-02-01', '', '', 'pto'],
    ]);
    const words =
      'Rows 3, 6 and 7 go as whole days: All day is not ticked, and Start and End have no time of day. Tick All day to say so, or type the times.';
    expect(check).toMatchObject({ ok: 6, errors: 0, untickedDays: words });

    const allDay = () => sim.admin.org.timeOff.filter((t) => t.all_day).length;
    const before = allDay();
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'unticked-days'),
    );
    // Once sent, it says what became of them, and no longer what to tick: they are in Assembled.
    expect(view).toMatchObject({
      state: 'done',
      succeeded: 6,
      untickedDays:
        'Rows 3, 6 and 7 went as whole days: All day is not ticked, and Start and End have no time of day.',
    });
    expect(allDay() - before).toBe(4);
  });

  it('are named one row alone, and not at all once its box is ticked', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
    if (!a) throw new Error('no agent');
    const { sheet, check } = await validateTemplate(rt, 'time_off', [[a.email, '2027-03-01', '', '', 'pto']]);
    expect(check.untickedDays).toBe(
      'Row 2 goes as whole days: All day is not ticked, and Start and End have no time of day. Tick All day to say so, or type the times.',
    );
    rt.workbook.write(sheet, [[true]], { row: 2, column: 4 });
    expect(
      (await rt.callFromSidebar<{ untickedDays?: string }>('validatePush', 'time_off')).untickedDays,
    ).toBe(undefined);
  });
});
