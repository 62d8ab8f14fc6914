// A time typed on a night the clocks change, in a New York sheet: 02:30 on the spring-forward night
// never shows on a clock and is read as 03:30 EDT; 01:30 on the fall-back night shows twice and is
// read as the first. Either row still goes, and says how it was read and how to type it exactly;
// a time typed with its offset is exact and says nothing. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));
const sec = (iso: string) => Date.parse(iso) / 1000;

describe.skipIf(!built)('a time-off row typed at a time the clocks skip or repeat', () => {
  it('is pushed as the instant read, its status saying which and how to be exact', async () => {
    const { rt, sim } = await startLocalAddon({ timezone: 'America/New_York', now: '2027-03-01T12:00:00Z' });
    const [a, b, c, d] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    const sheet = await template(rt, 'time_off', [
      // Typed into the template's date-time column, Sheets makes a date cell of it.
      [a?.email, '2027-03-14 02:30', '2027-03-14 06:00', 'FALSE', 'pto'],
      // Text, as a Plain text cell keeps it.
      [b?.email, "'2027-11-07 01:30", "'2027-11-07 04:00", 'FALSE', 'pto'],
      [c?.email, '2027-11-07 01:30-05:00', '2027-11-07 04:00', 'FALSE', 'pto'],
      // What 02:30 is read as, typed: a time the clocks show, with nothing to say.
      [d?.email, '2027-03-14 03:30', '2027-03-14 06:00', 'FALSE', 'pto'],
    ]);
    const skipped =
      'Start: 02:30 on 14 March 2027 does not exist in America/New_York (clocks go forward from 02:00 to 03:00): read as 03:30 (UTC\u22124). To be exact, type a time the clocks show that day, or the time with its offset, such as 2027-03-14 03:30-04:00.';
    const twice =
      'Start: 01:30 on 7 November 2027 happens twice in America/New_York (clocks go back from 02:00 to 01:00): read as the first (UTC\u22124). To mean the second, type it with its offset: 2027-11-07 01:30-05:00.';
    await rt.callFromSidebar('validatePush', 'time_off');
    expect(column(rt, sheet, 'Push message')).toEqual([
      `Ready to push. ${skipped}`,
      `Ready to push. ${twice}`,
      'Ready to push.',
      'Ready to push.',
    ]);
    const view = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'clock-push'));
    expect(view).toMatchObject({ state: 'done', succeeded: 4 });
    const messages = column(rt, sheet, 'Push message');
    expect(messages[0]).toContain(skipped);
    expect(messages[1]).toContain(twice);
    expect(messages[2]).not.toContain('twice');
    expect(messages[3]).not.toContain('does not exist');
    const made = column(rt, sheet, 'Assembled ID').map((id) =>
      sim.admin.org.timeOff.find((t) => t.id === id),
    );
    expect(made.map((t) => t && [t.start_time, t.end_time])).toEqual([
      // 02:30 read forward by the hour skipped: 03:30 EDT.
      [sec('2027-03-14T07:30:00Z'), sec('2027-03-14T10:00:00Z')],
      // The first 01:30: EDT; typed with its offset, the second: EST.
      [sec('2027-11-07T05:30:00Z'), sec('2027-11-07T09:00:00Z')],
      [sec('2027-11-07T06:30:00Z'), sec('2027-11-07T09:00:00Z')],
      [sec('2027-03-14T07:30:00Z'), sec('2027-03-14T10:00:00Z')],
    ]);
  });
});
