// Time off asked for again, as Sync time off tells a row whose request ended in Assembled: "To ask
// for this time off again, clear Push status and Assembled ID and push the row". Done so, the row
// is not warned about as one that would be made a second time (its request is known to have ended:
// Sync keeps that in the Push status note), Validate and Push both, and Push makes a new request. A
// row whose request still stands is still warned about. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { PushAsk, ValidateSummary } from '../../src/core/push/run-push';
import type { SyncSummary } from '../../src/core/push/sync-time-off';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('time off asked for again after Sync time off found its request ended', () => {
  it('is not warned about as made a second time, and is pushed as a new request; a request still standing is', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b, c, d] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    const sheet = await template(rt, 'time_off', [
      [a?.email, '2027-04-05', '', 'TRUE', 'pto', 'to cancel'],
      [b?.email, '2027-04-06', '', 'TRUE', 'pto', 'to approve'],
      [c?.email, '2027-04-07', '', 'TRUE', 'pto', 'to deny'],
      [d?.email, '2027-04-08', '', 'TRUE', 'pto', 'to delete'],
    ]);
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'asked-again-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 4 });
    const ids = column(rt, sheet, 'Assembled ID').map(String);
    const [toCancel = '', toApprove = '', toDeny = '', toDelete = ''] = ids;

    // Cancelled with the add-on's own "Time off to cancel"; the others decided or deleted in Assembled.
    await template(rt, 'time_off_cancel', [[toCancel]]);
    const cancel = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off_cancel', 'asked-again-cancel'),
    );
    expect(cancel).toMatchObject({ state: 'done', succeeded: 1 });
    sim.admin.decideTimeOff(toApprove, 'approved');
    sim.admin.decideTimeOff(toDeny, 'denied');
    sim.admin.deleteTimeOff(toDelete);
    rt.workbook.select(`'${sheet}'!A1`);
    expect(await rt.callFromSidebar<SyncSummary>('syncTimeOff')).toMatchObject({ updated: 4 });
    expect(column(rt, sheet, 'Push status')).toEqual(['cancelled', 'approved', 'denied', 'deleted']);
    expect(String(column(rt, sheet, 'Push message')[0])).toMatch(
      /^Cancelled in Assembled: .*To ask for this time off again, clear Push status and Assembled ID and push the row/,
    );

    // Sync keeps what it found in the Push status note, beside what was pushed.
    const at = (rt.workbook.values(sheet)[0] ?? []).indexOf('Push status') + 1;
    const notes = () =>
      rt.workbook
        .notes(sheet)
        .slice(1, 5)
        .map((r) => r[at - 1] ?? '');
    const ended = (status: string) =>
      `\nSync time off found the request ${status} in Assembled. To ask for this time off again, clear Push status and Assembled ID and push the row; if it is not wanted any more, delete the row.`;
    const synced = notes();
    expect(synced.map((n) => n.startsWith('The row as it was pushed:\n'))).toEqual([true, true, true, true]);
    expect(synced.map((n) => n.slice(n.lastIndexOf('\n')))).toEqual([
      ended('cancelled'),
      `\nPushed by ${rt.user}.`,
      ended('denied'),
      ended('deleted'),
    ]);
    // A row synced before notes kept it has it from the next sync, its status unchanged.
    const letter = String.fromCharCode(64 + at);
    rt.workbook.note(`'${sheet}'!${letter}2`, String(synced[0]).replace(ended('cancelled'), ''));
    expect(await rt.callFromSidebar<SyncSummary>('syncTimeOff')).toMatchObject({ updated: 0 });
    expect(notes()).toEqual(synced);

    // Push status and Assembled ID cleared on every row, as the Push message says.
    rt.workbook.write(
      sheet,
      ids.map(() => ['', '']),
      { row: 2, column: at },
    );
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    // Only the approved request, which still stands, would be made a second time.
    expect(check).toMatchObject({ ok: 4, errors: 0, again: 1 });
    const messages = column(rt, sheet, 'Push message') as string[];
    // Each keeps its first push's Pushed at until it is sent, and says whose time that is.
    const ready =
      'Ready to push. Its Pushed at is the time of an earlier push: Push puts the new time there when it sends the row.';
    expect(messages[0]).toBe(ready);
    expect(messages[1]).toMatch(/^Ready to push\. It was pushed as it stands before/);
    expect(messages.slice(2)).toEqual([ready, ready]);
    expect(await rt.callFromSidebar<PushAsk>('askBeforePush', 'time_off')).toEqual({
      clear: 0,
      cancel: 0,
      again: 1,
    });

    // The approved row deleted, as the question's "Send nothing" says; the rest go as new requests.
    rt.workbook.deleteRows(sheet, 3, 1);
    expect(await rt.callFromSidebar<PushAsk>('askBeforePush', 'time_off')).toMatchObject({ again: 0 });
    const posts = () => sim.stats().byRoute['POST /v0/time_off'] ?? 0;
    const before = posts();
    const again = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'asked-again-2'),
    );
    expect(again).toMatchObject({ state: 'done', succeeded: 3 });
    expect(posts()).toBe(before + 3);
    const made = column(rt, sheet, 'Assembled ID').map(String);
    expect(made.every((id) => id && !ids.includes(id))).toBe(true);
    expect(made.map((id) => sim.admin.org.timeOff.find((t) => t.id === id)?.status)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    // Pushed anew, the rows stand again: cleared once more, each would be made a second time.
    rt.workbook.write(
      sheet,
      made.map(() => ['', '']),
      { row: 2, column: at },
    );
    expect(await rt.callFromSidebar<PushAsk>('askBeforePush', 'time_off')).toMatchObject({ again: 3 });
  });
});
