// A pushed time-off row whose All day box is changed since is changed only when what the row asks
// for is: a box ticked over dates alone (whole days ticked or not), or FALSE cleared on a timed row
// (unticked either way), asks for the same, so Validate does not tell anyone to cancel a request
// for it; a timed row ticked to whole days asks for other time and is still changed, said as the
// box looks. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('a pushed time-off row whose All day box changed', () => {
  it('is changed only when the row reads otherwise: whole days or not', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b, c] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
    // The template's boxes as they come, unticked (FALSE).
    const sheet = await template(rt, 'time_off', [
      [a?.email, '2027-01-04', '2027-01-08'],
      [b?.email, '2027-01-11 09:00', '2027-01-11 13:00'],
      [c?.email, '2027-01-12 09:00', '2027-01-12 13:00'],
    ]);
    const done = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'all-day-box-1'),
    );
    expect(done).toMatchObject({ state: 'done', succeeded: 3 });
    const status = column(rt, sheet, 'Push status');

    // Ticked as the sidebar advised, cleared, and ticked over times.
    rt.workbook.write(sheet, [[true], [''], [true]], { row: 2, column: 4 });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ changed: 1, errors: 0 });
    const said = column(rt, sheet, 'Push message').map(String);
    expect(said.slice(0, 2).join(' ')).not.toContain('Changed since it was pushed');
    expect(column(rt, sheet, 'Push status').slice(0, 2)).toEqual(status.slice(0, 2));
    expect(said[2]).toMatch(/^Changed since it was pushed: All day was unticked when pushed; not sent again/);
  });
});
