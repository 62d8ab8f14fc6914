// An edit of a state Assembled no longer holds (deleted since its id was taken): the row says so,
// as an activity's does, and Validate does not advise pushing it again as it is.
import { expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import { column, follow, template } from './in-runtime';

it('tells an update of a state deleted since to clear its Action and pull again, not to check its id', async () => {
  const { rt, sim } = await startLocalAddon({ dialect: 'live' });
  const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
  if (!a) throw new Error('no agents');
  const push = async (key: string) =>
    follow(rt, await rt.callFromSidebar<PushView>('startPush', 'state_edits', key));
  const sheet = await template(rt, 'state_edits', [
    ['insert', '', a.email, 'lunch', '', '2026-05-24 12:00', '2026-05-24 13:00', 'five9'],
  ]);
  expect(await push('gone-state-0001')).toMatchObject({ state: 'done', succeeded: 1 });
  const [id] = column(rt, sheet, 'Assembled ID');
  // Deleted since (another row, as another editor may), then an update by its id.
  rt.workbook.write(sheet, [['delete', id]], { row: 3 });
  expect(await push('gone-state-0002')).toMatchObject({ state: 'done', succeeded: 1 });
  rt.workbook.write(
    sheet,
    [['update', id, a.email, 'lunch', '', '2026-05-24 12:00', '2026-05-24 13:30', 'five9']],
    { row: 4 },
  );
  const gone = `Assembled holds no state with the id "${id}": it may have been deleted since, or the id is mistyped. Clear this row's Action, then pull the Agent-state edit history again to see what Assembled holds.`;
  expect(await push('gone-state-0003')).toMatchObject({
    state: 'done',
    failed: 1,
    problems: [`Row 4: ${gone}`],
  });
  // Pushing it again as it is can only be refused again.
  expect(await rt.callFromSidebar('validatePush', 'state_edits')).toMatchObject({
    errors: 1,
    problems: [`Row 4: Refused by Assembled when last pushed, and not changed since: ${gone}`],
  });
});
