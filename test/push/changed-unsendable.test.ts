// A pushed row changed since so that it could not be sent as it stands (End before Start) says so
// with its change words, through the built bundle: told only to cancel and push it again, a person
// would cancel the good request before learning the row is invalid. Sync time off, rewriting such a
// row's message with its request's news, checks it the same way and says it in the same words.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import type { SyncSummary } from '../../src/core/push/sync-time-off';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('a pushed row changed so it could not be sent', () => {
  it('says what is wrong with it before the advice to cancel it', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    const sheet = await template(rt, 'time_off', [
      [a.email, '2026-12-22 09:00', '2026-12-22 12:00', '', '', 'dentist'],
    ]);
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'bad-edit-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 1 });

    rt.workbook.write(sheet, [['2026-12-22 08:00']], { row: 2, column: 3 });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check.changed).toBe(1);
    const [message = ''] = column(rt, sheet, 'Push message') as string[];
    expect(message).toMatch(
      /^Changed since it was pushed: End was 2026-12-22 12:00 when pushed; not sent again, so Assembled still has it as it was, and as it stands it could not be sent: End must be after Start\. Put that right first\. To change it, cancel the request/,
    );
    expect(check.problems[0]).toContain('as it stands it could not be sent');

    // Put right, the row says only what changed.
    rt.workbook.write(sheet, [['2026-12-22 13:00']], { row: 2, column: 3 });
    await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    const [fixed = ''] = column(rt, sheet, 'Push message') as string[];
    expect(fixed).not.toContain('could not be sent');
  });

  it('is said by Sync time off too, in the words Validate gives it', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    const sheet = await template(rt, 'time_off', [
      [a.email, '2026-12-22 09:00', '2026-12-22 12:00', '', '', 'dentist'],
      [a.email, '2026-12-23 09:00', '2026-12-23 12:00', '', '', 'dentist'],
    ]);
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'bad-sync-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 2 });
    const ids = column(rt, sheet, 'Assembled ID').map(String);

    // End before Start on one, an agent Assembled does not know on the other; no Validate since.
    rt.workbook.write(sheet, [['2026-12-22 08:00']], { row: 2, column: 3 });
    rt.workbook.write(sheet, [['nobody@example.com']], { row: 3, column: 1 });
    await rt.clock.advanceAsync(60_000);
    for (const id of ids) sim.admin.decideTimeOff(id, 'approved');
    const synced = await rt.callFromSidebar<SyncSummary>('syncTimeOff');
    expect(synced.updated).toBe(2);
    const messages = column(rt, sheet, 'Push message') as string[];
    expect(messages[0]).toMatch(
      /, and as it stands it could not be sent: End must be after Start\. Put that right first\. /,
    );
    expect(messages[1]).toMatch(
      /, and as it stands it could not be sent: .*nobody@example\.com.* Put that right first\. /,
    );
    expect(messages.every((m) => m.endsWith("Assembled's last word on it: Approved in Assembled."))).toBe(
      true,
    );

    // Validate has nothing to add: its words for the rows are Sync's.
    await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(column(rt, sheet, 'Push message')).toEqual(messages);
  });
});
