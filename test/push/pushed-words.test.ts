// What a pushed row held, in words, through the built bundle: the Push status note reads as the
// row's filled columns and their values (no code a person cannot use) and who pushed it, and a row
// changed since names each column changed with the value it was pushed with. Notes of the older
// form (a print) are still read: zone-change.test.ts; notes without who pushed: pushed-by.test.ts.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('a pushed row in words', () => {
  it('keeps what was pushed in its note, and names what changed with its pushed value', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b) throw new Error('no agents');
    const sheet = await template(rt, 'time_off', [
      [a.email, '2027-01-05 09:00', '2027-01-05 13:00', '', '', 'dentist'],
      [b.email, '2027-01-06', '2027-01-07', '', 'vacation', ''],
    ]);
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'words-push-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 2 });
    const [head = [], ...notes] = rt.workbook.notes(sheet);
    const at = rt.workbook.values(sheet)[0]?.indexOf('Push status') ?? -1;
    expect(head.length).toBeGreaterThan(0);
    const tail = `If the row is changed after it was pushed, Validate and Push say so. Sent while the spreadsheet's time zone was America/New_York.\nPushed by ${rt.user}.`;
    // The template's rows below, their boxes unticked, have no note.
    expect(notes.slice(0, 3).map((n) => n[at])).toEqual([
      `The row as it was pushed:\nAgent: ${a.email}\nStart: 2027-01-05 09:00\nEnd: 2027-01-05 13:00\nNotes: dentist\n${tail}`,
      `The row as it was pushed:\nAgent: ${b.email}\nStart: 2027-01-06\nEnd: 2027-01-07\nType: vacation\n${tail}`,
      '',
    ]);

    // End moved on; Notes emptied and Type filled on the other row.
    rt.workbook.write(sheet, [['2027-01-05 15:00']], { row: 2, column: 3 });
    rt.workbook.write(sheet, [['pto', 'moved']], { row: 3, column: 5 });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check.changed).toBe(2);
    const [first = '', second = ''] = column(rt, sheet, 'Push message') as string[];
    expect(first).toMatch(
      /^Changed since it was pushed: End was 2027-01-05 13:00 when pushed; not sent again/,
    );
    expect(second).toMatch(
      /^Changed since it was pushed: Type was vacation and Notes was empty when pushed; not sent again/,
    );
    // Put back, the row is as it was pushed.
    rt.workbook.write(sheet, [['2027-01-05 13:00']], { row: 2, column: 3 });
    expect((await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off')).changed).toBe(1);
  });
});
