// The time off template's All day boxes, untouched, read FALSE, as the unticked boxes they show
// (insertCheckboxes, as Google's reference says): a row left so is not all day, and the template's
// rows with nothing typed but their boxes are empty rows, not rows to fix.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('an All day box left unticked in the template', () => {
  it('sends the times as typed, and midnight to midnight for dates alone, saying so; the untouched rows are empty', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
    if (!a) throw new Error('no agent');
    // Agent, Start and End typed; All day and the rest as the template made them.
    const sheet = await template(rt, 'time_off', [
      [a.email, '2027-03-01 09:00', '2027-03-01 13:00'],
      [a.email, '2027-03-08', '2027-03-10'],
    ]);

    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ ok: 2, errors: 0 });
    const said = column(rt, sheet, 'Push message').map(String);
    expect(said[0]).toBe('Ready to push.');
    expect(said[1]).toBe(
      "Ready to push. All day: FALSE (not ticked), so 8 March 2027 00:00 to 10 March 2027 00:00, End's day not included (tick All day for whole days).",
    );
    expect(said.join(' ')).not.toContain('read as TRUE');

    const before = sim.admin.org.timeOff.length;
    const done = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'unticked-1'));
    expect(done).toMatchObject({ state: 'done', succeeded: 2, total: 2 });
    const sent = sim.admin.org.timeOff.slice(before);
    expect(sent.map((t) => [t.all_day ?? false, t.end_time - t.start_time])).toEqual([
      [false, 4 * 3600],
      [false, 2 * 24 * 3600],
    ]);
  });
});
