// An update of a pulled activity Assembled no longer holds (deleted since the pull, e.g. by a create
// without Allow conflicts placed over it): its id was right, so the row says the activity is gone
// and to pull again, Validate does not advise pushing it again as it is, and the pull that follows
// says to clear the Action the row's words already asked to clear.
import { expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { activityStore, commitStore } from '../../dev/simulator/schedules';
import type { PushView } from '../../src/core/push/push-view';
import { pullToEnd } from '../addon/pull-to-end';

it('tells an update of an activity gone from Assembled to clear its Action and pull again, not to check its id', async () => {
  const { rt, sim } = await startLocalAddon({ dialect: 'live', now: '2026-05-25T12:00:00Z' });
  const spec = {
    source: { kind: 'resource', resource: 'activities' },
    range: { kind: 'absolute', from: '2026-05-26', to: '2026-05-26' },
    target: { kind: 'new_sheet', name: 'Schedule' },
    mode: 'replace',
  };
  expect(await pullToEnd(rt, spec, 'gone-activity-0001')).toMatchObject({ state: 'done' });
  const [header = [], first = []] = rt.workbook.values('Schedule');
  const id = String(first[header.indexOf('Activity ID')]);
  rt.workbook.write('Schedule', [['Action'], ['update']], { column: header.length + 1 });
  rt.workbook.write('Schedule', [['moved']], { row: 2, column: header.indexOf('Description') + 1 });
  // Deleted in Assembled since the pull.
  const next = new Map(activityStore(sim.admin.org));
  next.delete(id);
  commitStore(sim.admin.org, next);

  let view = await rt.callFromSidebar<PushView>('startPush', 'activities', 'gone-activity-0002');
  for (let i = 0; view.state === 'running' && i < 50; i++) {
    await rt.clock.advanceAsync(view.nextPollInMs);
    view = await rt.callFromSidebar<PushView>('pollPush', view.id);
  }
  const gone = `Assembled holds no activity with the id "${id}": it may have been deleted since (a create without Allow conflicts ticked, or an update, deletes the agent's activities it overlaps), or the id is mistyped. Clear this row's Action, then pull the schedule again to see what Assembled holds.`;
  expect(view).toMatchObject({ state: 'done', failed: 1, problems: [`Row 2: ${gone}`] });
  // Pushing it again as it is can only be refused again.
  expect(await rt.callFromSidebar('validatePush', 'activities')).toMatchObject({
    errors: 1,
    problems: [`Row 2: Refused by Assembled when last pushed, and not changed since: ${gone}`],
  });
  // The pull says what the row said: clear the Action.
  const refused = await pullToEnd(rt, spec, 'gone-activity-0003');
  expect(refused.message).toContain('An Action beside the table is not pushed yet (row 2).');
  expect(refused.message).toContain('or clear those Actions, then pull again.');
  rt.workbook.write('Schedule', [['']], { row: 2, column: header.length + 1 });
  expect(await pullToEnd(rt, spec, 'gone-activity-0004')).toMatchObject({ state: 'done' });
});
