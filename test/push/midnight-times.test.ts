// Start and End at midnight in a time-off row (dates alone, or 00:00 typed, the same value): with
// All day not ticked, FALSE or empty alike as the sheet draws them alike, they are whole days, End's
// day included, and the row says so; only times of day make a row exact. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import { column, follow, template } from './in-runtime';
import { agentMidnight } from './support';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));
const sec = (iso: string) => Date.parse(iso) / 1000;

describe.skipIf(!built)('a time-off row from midnight to midnight', () => {
  it('with All day FALSE or empty is whole days, End included, and says so; times of day are exact', async () => {
    const { rt, sim } = await startLocalAddon({ timezone: 'Australia/Sydney', now: '2026-12-20T00:00:00Z' });
    rt.workbook.setLocale('en_GB');
    const [a, b, c, d] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    // Typed without a leading ', Sheets makes date cells of them, at midnight.
    const sheet = await template(rt, 'time_off', [
      [a?.email, '11/01/2027 00:00', '13/01/2027 00:00', 'FALSE', 'pto'],
      [b?.email, '11/01/2027', '13/01/2027', '', 'pto'],
      [c?.email, '11/01/2027', '11/01/2027', 'FALSE', 'pto'],
      [d?.email, '11/01/2027 09:00', '11/01/2027 17:00', 'FALSE', 'pto'],
    ]);
    await rt.callFromSidebar('validatePush', 'time_off');
    const read =
      'All day: not ticked, and Start and End have no time of day: read as whole days, 11 January 2027 to 13 January 2027 (for part of a day, type the times in Start and End).';
    const one =
      'All day: not ticked, and Start and End have no time of day: read as the whole day 11 January 2027 (for part of a day, type the times in Start and End).';
    expect(column(rt, sheet, 'Push message')).toEqual([
      `Ready to push. ${read}`,
      `Ready to push. ${read}`,
      `Ready to push. ${one}`,
      'Ready to push.',
    ]);
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'midnight-push'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 4 });
    expect(column(rt, sheet, 'Push message')[0]).toContain(read);
    const made = column(rt, sheet, 'Assembled ID').map((id) =>
      sim.admin.org.timeOff.find((t) => t.id === id),
    );
    // 11 to 13 January, the agents' own days, FALSE and empty alike: three days, not two.
    for (const [n, who] of [a, b].entries())
      expect(made[n]).toMatchObject({
        all_day: true,
        start_time: agentMidnight(who, '2027-01-11'),
        end_time: agentMidnight(who, '2027-01-14'),
      });
    expect(made[2]).toMatchObject({
      all_day: true,
      start_time: agentMidnight(c, '2027-01-11'),
      end_time: agentMidnight(c, '2027-01-12'),
    });
    // Times of day in Sydney: exact.
    expect(made[3]).toMatchObject({
      all_day: false,
      start_time: sec('2027-01-10T22:00:00Z'),
      end_time: sec('2027-01-11T06:00:00Z'),
    });
  });
});
