// Who pushed a row, on a sheet two editors push: the Push status note of each row a push sends ends
// with "Pushed by" its owner, also when their hourly check sent it, their sidebar closed. Notes
// written before that line read as they always did: pushed, and unchanged. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { editor } from '../addon/second-editor';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('a row pushed on a shared sheet', () => {
  it("names who pushed it in its note, the push's owner; a note from before without the name still reads as pushed", async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt, sim } = addon;
    const b = await editor(addon, 'editor@example.com');
    const [p, q] = sim.admin.org.people.filter((x) => !x.deleted && x.staffable && x.email);
    const sheet = await template(rt, 'time_off', [
      [p?.email, '2027-02-01', '', 'TRUE', 'pto', 'A 1'],
      [q?.email, '2027-02-02', '', 'TRUE', 'pto', 'A 2'],
    ]);
    // A's push waits on Assembled's rate limit; A's sidebar closed, A's hourly check sends the rows.
    sim.setFaults({ force429: 1_000_000 });
    const a = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'pushed-by-a');
    expect(a.state).toBe('running');
    sim.setFaults({});
    await rt.clock.advanceAsync(60 * 60_000);
    expect(column(rt, sheet, 'Push status')).toEqual(['created', 'created']);

    // B adds two rows and pushes them with B's own push.
    b.workbook.write(
      sheet,
      [
        [p?.email, '2027-02-03', '', 'TRUE', 'pto', 'B 1'],
        [q?.email, '2027-02-04', '', 'TRUE', 'pto', 'B 2'],
      ],
      { row: 4 },
    );
    b.workbook.select(`'${sheet}'!A1`);
    const theirs = await follow(b, await b.callFromSidebar<PushView>('startPush', 'time_off', 'pushed-by-b'));
    expect(theirs).toMatchObject({ state: 'done', succeeded: 2, skipped: 2 });

    const at = (rt.workbook.values(sheet)[0] ?? []).indexOf('Push status');
    const notes = () =>
      rt.workbook
        .notes(sheet)
        .slice(1, 5)
        .map((r) => r[at] ?? '');
    const pushed = notes();
    expect(pushed.map((n) => n.slice(n.lastIndexOf('\n') + 1))).toEqual([
      `Pushed by ${rt.user}.`,
      `Pushed by ${rt.user}.`,
      'Pushed by editor@example.com.',
      'Pushed by editor@example.com.',
    ]);
    expect(pushed.map((n) => n.startsWith('The row as it was pushed:\nAgent: '))).toEqual([
      true,
      true,
      true,
      true,
    ]);

    // A row's note as notes were written before they named anyone: still done, and unchanged.
    const old = String(pushed[2]).replace(/\nPushed by [^\n]*$/, '');
    expect(old).toMatch(/Sent while the spreadsheet's time zone was America\/New_York\.$/);
    rt.workbook.note(`'${sheet}'!${String.fromCharCode(65 + at)}4`, old);
    const messages = column(rt, sheet, 'Push message');
    rt.workbook.select(`'${sheet}'!A1`);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ ok: 0, errors: 0, changed: 0, skipped: 4 });
    expect(column(rt, sheet, 'Push status')).toEqual(['created', 'created', 'created', 'created']);
    expect(column(rt, sheet, 'Push message')).toEqual(messages);
    expect(notes()).toEqual([pushed[0], pushed[1], old, pushed[3]]);
    // Changed since, each row names what changed by its note; put back, each note is as it was,
    // though Validate writes it again.
    const validate = () => rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    rt.workbook.write(sheet, [['2027-02-05']], { row: 2, column: 2 });
    rt.workbook.write(sheet, [['2027-02-05']], { row: 4, column: 2 });
    expect(await validate()).toMatchObject({ changed: 2 });
    const changed = column(rt, sheet, 'Push message').map(String);
    expect(changed[0]).toMatch(/^Changed since it was pushed: Start was 2027-02-01 when pushed; not sent/);
    expect(changed[2]).toMatch(/^Changed since it was pushed: Start was 2027-02-03 when pushed; not sent/);
    rt.workbook.write(sheet, [['2027-02-01']], { row: 2, column: 2 });
    rt.workbook.write(sheet, [['2027-02-03']], { row: 4, column: 2 });
    expect(await validate()).toMatchObject({ changed: 0, skipped: 4 });
    expect(notes()).toEqual([pushed[0], pushed[1], old, pushed[3]]);
  });
});
