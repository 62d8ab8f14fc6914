// Start and End at midnight in a time-off row: with All day FALSE they are exact times, never
// whole days with a day added; with All day empty, dates alone are read as whole days, and the row
// says so. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import { column, follow, template } from './in-runtime';
import { agentMidnight } from './support';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));
const sec = (iso: string) => Date.parse(iso) / 1000;

describe.skipIf(!built)('a time-off row from midnight to midnight', () => {
  it('with All day FALSE is those exact times; left empty, dates alone are whole days and the row says so', async () => {
    const { rt, sim } = await startLocalAddon({ timezone: 'Australia/Sydney', now: '2026-12-20T00:00:00Z' });
    rt.workbook.setLocale('en_GB');
    const [a, b, c] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    // Typed without a leading ', Sheets makes date cells of them, at midnight.
    const sheet = await template(rt, 'time_off', [
      [a?.email, '11/01/2027 00:00', '13/01/2027 00:00', 'FALSE', 'pto'],
      [b?.email, '11/01/2027', '13/01/2027', '', 'pto'],
      [c?.email, '11/01/2027', '11/01/2027', 'FALSE', 'pto'],
    ]);
    await rt.callFromSidebar('validatePush', 'time_off');
    const read =
      'All day: empty, and Start and End have no time of day: read as TRUE, whole days 11 January 2027 to 13 January 2027 (FALSE takes them as midnight to midnight).';
    expect(column(rt, sheet, 'Push message')).toEqual([
      "Ready to push. All day: FALSE (not ticked), so 11 January 2027 00:00 to 13 January 2027 00:00, End's day not included (tick All day for whole days).",
      `Ready to push. ${read}`,
      'End is the same as Start: give the time the time off ends (for whole days, set All day to TRUE).',
    ]);
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'midnight-push'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 2, invalid: 1 });
    expect(column(rt, sheet, 'Push message')[1]).toContain(read);
    const made = column(rt, sheet, 'Assembled ID')
      .slice(0, 2)
      .map((id) => sim.admin.org.timeOff.find((t) => t.id === id));
    // Sydney's midnights of 11 and 13 January: two days, not three.
    expect(made[0]).toMatchObject({
      all_day: false,
      start_time: sec('2027-01-10T13:00:00Z'),
      end_time: sec('2027-01-12T13:00:00Z'),
    });
    // 11 to 13 January, the agent's own days.
    expect(made[1]).toMatchObject({
      all_day: true,
      start_time: agentMidnight(b, '2027-01-11'),
      end_time: agentMidnight(b, '2027-01-14'),
    });
  });
});
