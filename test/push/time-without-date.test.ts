// A Start or End typed as a time alone (09:00): Sheets makes a date cell of it on its day 0,
// 1899-12-30. Such a row is refused beside itself, saying what to type, at Validate and at Push,
// and the other rows go; nothing tells the person to change how times are sent. Through the built
// bundle, against the live dialect (unix seconds), where 1899 would have gone as negative seconds.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));
const example = '06/25/2026 09:00 (or ISO: 2026-06-25 09:00)';
const noDate = (column: string) => `${column}: a time with no date: type the date and time, like ${example}.`;

async function liveSheet() {
  const addon = await startLocalAddon({ dialect: 'live', now: '2026-05-25T12:00:00Z' });
  const agents = addon.sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
  return { ...addon, email: (i: number) => agents[i]?.email };
}

/** Every word the push left: the rows' messages and the run's own. */
const said = (rt: Awaited<ReturnType<typeof liveSheet>>['rt'], sheet: string, view: PushView) =>
  JSON.stringify([column(rt, sheet, 'Push message'), view]);

describe.skipIf(!built)('a time typed without a date', () => {
  it('in a time-off row is refused beside it, and the other rows are pushed', async () => {
    const { rt, sim, email } = await liveSheet();
    const sheet = await template(rt, 'time_off', [
      [email(0), '2026-06-01 09:00', '2026-06-01 17:00', 'FALSE', 'pto'],
      [email(1), '09:00', '17:00', 'FALSE', 'pto'],
      [email(2), '2026-06-03 09:00', '2026-06-03 17:00', 'FALSE', 'pto'],
      // A year typed wrong is a date cell too, far off.
      [email(3), '2226-06-04 09:00', '2026-06-04 17:00', 'FALSE', 'pto'],
    ]);
    const farYear =
      'Start: reads as 2226-06-04 09:00, and the year 2226 looks wrong: type the date and time, like 06/25/2026 09:00 (or ISO: 2026-06-25 09:00).';
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ ok: 2, errors: 2 });
    const messages = ['Ready to push.', noDate('Start and End'), 'Ready to push.', farYear];
    expect(column(rt, sheet, 'Push message')).toEqual(messages);

    const view = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'no-date-off'));
    expect(view).toMatchObject({ state: 'done', succeeded: 2, invalid: 2 });
    const made = 'Created; pending approval in Assembled.';
    expect(column(rt, sheet, 'Push message')).toEqual([made, messages[1], made, farYear]);
    const ids = column(rt, sheet, 'Assembled ID');
    expect(ids.map((id) => sim.admin.org.timeOff.some((t) => t.id === id))).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(said(rt, sheet, view)).not.toMatch(/Send times as|ISO 8601 dates/);
  });

  it('in an agent-state row is refused beside it; the other rows are checked and ingested', async () => {
    const { rt, sim, email } = await liveSheet();
    const sheet = await template(rt, 'agent_states', [
      [email(0), 'available', '', '2026-05-20 09:00', '2026-05-20 10:00', ''],
      [email(1), 'available', '', '09:00', '', ''],
      [email(2), 'available', '', '2026-05-20 09:00', '2026-05-20 10:00', ''],
    ]);
    // Validate reads the states Assembled holds over the rows' span: the dateless row is not in it.
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check).toMatchObject({ ok: 2, errors: 1, problems: [`Row 3: ${noDate('Start')}`] });
    const messages = ['Ready to push.', noDate('Start'), 'Ready to push.'];
    expect(column(rt, sheet, 'Push message')).toEqual(messages);

    const before = [...sim.admin.org.states.values()].flat().length;
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'no-date-states'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 2, invalid: 1 });
    expect(column(rt, sheet, 'Push message')[1]).toBe(noDate('Start'));
    expect([...sim.admin.org.states.values()].flat().length - before).toBe(2);
    expect(said(rt, sheet, view)).not.toMatch(/Send times as|ISO 8601 dates/);
  });
});
