// Push's list of rows names the pushed rows changed since, as Validate's does, through the built
// bundle: its summary counted them, its list left them out.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)("Push's list of rows", () => {
  it('names the rows changed since they were pushed, as Validate does', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b, c] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b || !c) throw new Error('no agents');
    const sheet = await template(rt, 'time_off', [
      [a.email, '2027-02-01 09:00', '2027-02-01 13:00', '', '', 'dentist'],
      [b.email, '2027-02-02', '2027-02-03', '', 'vacation', ''],
    ]);
    const first = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'listed-1'));
    expect(first).toMatchObject({ state: 'done', succeeded: 2 });

    // Both pushed rows changed, and a new row added with them.
    rt.workbook.write(sheet, [['2027-02-01 15:00']], { row: 2, column: 3 });
    rt.workbook.write(sheet, [['2027-02-04']], { row: 3, column: 3 });
    rt.workbook.write(sheet, [[c.email, '2027-02-05', '2027-02-05', '', '', '']], { row: 4, column: 1 });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    const named = (problems: string[]) => problems.map((p) => /^Row (\d+): Changed since/.exec(p)?.[1]);
    expect(named(check.problems)).toEqual(['2', '3']);

    const pushed = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'listed-2'));
    expect(pushed).toMatchObject({ state: 'done', succeeded: 1, failed: 0, invalid: 0 });
    expect(named(pushed.problems)).toEqual(['2', '3']);
    expect(pushed.problems).toEqual(check.problems);
  });
});
