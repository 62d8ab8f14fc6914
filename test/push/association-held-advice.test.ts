// A platform ID another agent holds in Assembled because a row of this sheet pushed it: the
// refused row names that row and how to free the ID, and the edits its words name, made as a user
// would make them, let Validate and Push through. So do those of a new row for that agent beside
// the pushed row, the way the older advice (a row of this sheet) leads. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';
import { fullName } from './support';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

/** Mei's zendesk 555 pushed from row 2; Lucas given the same 555 in row 3. */
async function heldFromRow2() {
  const { rt, sim } = await startLocalAddon({ dialect: 'live' });
  const [mei, lucas] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
  if (!mei || !lucas) throw new Error('no agents');
  const sheet = await template(rt, 'associations', [[mei.email, 'zendesk', '555']]);
  const push = async (key: string) =>
    follow(rt, await rt.callFromSidebar<PushView>('startPush', 'associations', key));
  expect(await push('held-advice-1')).toMatchObject({ state: 'done', succeeded: 1 });
  rt.workbook.write(sheet, [[lucas.email, 'zendesk', '555']], { row: 3 });
  const validate = () => rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
  const held = (id: string) => sim.admin.org.people.find((p) => p.id === id)?.platforms.zendesk;
  const cell = (row: number, header: string, value: string) =>
    rt.workbook.write(sheet, [[value]], {
      row,
      column: (rt.workbook.values(sheet)[0] ?? []).indexOf(header) + 1,
    });
  return { rt, mei, lucas, sheet, push, validate, held, cell };
}

describe.skipIf(!built)('a platform ID held in Assembled by a row this sheet pushed', () => {
  it('names that row, and giving its agent the new ID there and clearing it sends both rows', async () => {
    const { rt, mei, lucas, sheet, push, validate, held, cell } = await heldFromRow2();
    const check = await validate();
    expect(check).toMatchObject({ ok: 0, errors: 1, skipped: 1 });
    expect(check.problems).toEqual([
      `Row 3: Platform ID: zendesk ID 555 belongs in Assembled to ${fullName(mei)} (${mei.email}), pushed from row 2. A platform ID belongs to one agent: if this one is right, give them their new zendesk ID in row 2 and clear its Push status and Pushed at, or remove it from them in Assembled.`,
    ]);
    // Its words, followed: the new ID in row 2, its Push status and Pushed at cleared.
    cell(2, 'Platform ID', '556');
    cell(2, 'Push status', '');
    cell(2, 'Pushed at', '');
    expect(await validate()).toMatchObject({ ok: 2, errors: 0 });
    expect(await push('held-advice-2')).toMatchObject({ state: 'done', succeeded: 2, invalid: 0 });
    expect(column(rt, sheet, 'Push status')).toEqual(['associated', 'associated']);
    expect([held(mei.id), held(lucas.id)]).toEqual(['556', '555']);
  });

  it('lets a new row for that agent go once the pushed row it names is deleted, and the refused row with it', async () => {
    const { rt, mei, lucas, sheet, push, validate, held } = await heldFromRow2();
    // The other way to free the ID: a new row giving Mei her new ID, beside the pushed one.
    rt.workbook.write(sheet, [[mei.email, 'zendesk', '556']], { row: 4 });
    const check = await validate();
    expect(check).toMatchObject({ ok: 0, errors: 2 });
    expect(check.problems[1]).toBe(
      'Row 4: Platform ID: the same agent has another zendesk ID in row 2 (555, pushed). A person has one zendesk ID in Assembled: if this row is right, delete row 2 (that changes nothing in Assembled) and push this one, which replaces their zendesk ID there; if not, delete this row.',
    );
    // Its words, followed: row 2 deleted, this row pushed.
    rt.workbook.deleteRows(sheet, 2, 1);
    expect(await validate()).toMatchObject({ ok: 2, errors: 0 });
    expect(await push('held-advice-3')).toMatchObject({ state: 'done', succeeded: 2, invalid: 0 });
    expect(column(rt, sheet, 'Push message')[1]).toBe(
      'Platform ID associated in Assembled. It replaced 555.',
    );
    expect([held(mei.id), held(lucas.id)]).toEqual(['556', '555']);
  });
});
