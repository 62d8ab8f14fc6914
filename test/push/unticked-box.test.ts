// The time off template's All day boxes, untouched, read FALSE, as the unticked boxes they show
// (insertCheckboxes, as Google's reference says), and mean what an empty box does, as they look the
// same: times as typed, whole days for dates alone, said in the row and the sidebar. The template's
// rows with nothing typed but their boxes are empty rows, not rows to fix.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';
import { agentMidnight } from './support';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('an All day box left unticked in the template', () => {
  it("sends the times as typed, and whole days for dates alone, End's day included, saying so; the untouched rows are empty", async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
    if (!a) throw new Error('no agent');
    // Agent, Start and End typed; All day and the rest as the template made them.
    const sheet = await template(rt, 'time_off', [
      [a.email, '2027-03-01 09:00', '2027-03-01 13:00'],
      [a.email, '2027-03-08', '2027-03-10'],
    ]);

    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({
      ok: 2,
      errors: 0,
      untickedDays:
        'Row 3 goes as whole days: All day is not ticked, and Start and End have no time of day. Tick All day to say so, or type the times.',
    });
    const said = column(rt, sheet, 'Push message').map(String);
    expect(said[0]).toBe('Ready to push.');
    expect(said[1]).toBe(
      'Ready to push. All day: not ticked, and Start and End have no time of day: read as whole days, 8 March 2027 to 10 March 2027 (for part of a day, type the times in Start and End).',
    );

    const before = sim.admin.org.timeOff.length;
    const done = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'unticked-1'));
    expect(done).toMatchObject({ state: 'done', succeeded: 2, total: 2 });
    const sent = sim.admin.org.timeOff.slice(before);
    // 8, 9 and 10 March: three days in the agent's own zone.
    expect(sent.map((t) => [t.all_day ?? false, t.end_time - t.start_time])).toEqual([
      [false, 4 * 3600],
      [true, agentMidnight(a, '2027-03-11') - agentMidnight(a, '2027-03-08')],
    ]);
  });

  it('is told to be ticked, in those words, where a timed row lacks its End', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
    const sheet = await template(rt, 'time_off', [[a?.email, '2027-03-01 09:00']]);
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off')).toMatchObject({
      errors: 1,
    });
    expect(column(rt, sheet, 'Push message')).toEqual([
      'End is empty: give when the time off ends, or tick All day.',
    ]);
  });
});
