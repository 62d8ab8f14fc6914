// Two columns that fit one field (Reason and Notes, From beside Start) are not combined: every row
// is read from the same one, and Validate and Push say which, and that the other is not read.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { doubledWords } from '../../src/core/push/doubled-columns';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow } from './in-runtime';

async function sheet(rows: unknown[][]) {
  const addon = await startLocalAddon({ now: '2027-09-01T12:00:00Z' });
  const [a, b] = addon.sim.admin.org.people.filter((p) => p.staffable && !p.deleted);
  addon.rt.workbook.write(
    'Leave',
    rows.map((r) => r.map((v) => (v === 'A' ? a?.email : v === 'B' ? b?.email : v))),
  );
  addon.rt.workbook.select('Leave!A1');
  return addon;
}

describe('two columns that fit one field', () => {
  it('read every row from the same one, named with the other by Validate and Push', async () => {
    const { rt, sim } = await sheet([
      ['Email', 'From', 'To', 'Type', 'Reason', 'Notes', 'Manager'],
      ['A', '2027-09-06 09:00', '2027-09-06 17:00', 'pto', 'family', 'internal: cover by Sam', 'Nora'],
      ['B', '2027-09-07 09:00', '2027-09-07 17:00', 'pto', 'wedding', '', 'Nora'],
    ]);
    const doubled = { field: 'Notes', read: 'Notes', others: ['Reason'] };
    const notes = [doubled];
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ ok: 2, unread: ['Manager'], doubled: notes });
    expect(doubledWords(check.doubled[0] ?? doubled)).toBe(
      `"Notes" and "Reason" both fit Notes: each row's Notes is read from "Notes" alone, and "Reason" is not read. Rename the column not meant for Notes, or move what it holds into "Notes".`,
    );
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'doubled-0001'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 2, doubled: notes });
    // The second row's Reason is not sent in place of its empty Notes.
    const ids = column(rt, 'Leave', 'Assembled ID');
    expect(ids.map((id) => sim.admin.org.timeOff.find((t) => t.id === id)?.notes)).toEqual([
      'internal: cover by Sam',
      '',
    ]);
  });

  it('take no date from From or To beside Start and End: a row with Start empty is to fix', async () => {
    const { rt } = await sheet([
      ['Agent', 'Start', 'End', 'From', 'To'],
      ['A', '2027-09-06 09:00', '2027-09-06 17:00', '2027-09-20 09:00', '2027-09-20 17:00'],
      ['B', '', '', '2027-09-07 09:00', '2027-09-07 17:00'],
    ]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({
      ok: 1,
      errors: 1,
      unread: [],
      doubled: [
        { field: 'Start', read: 'Start', others: ['From'] },
        { field: 'End', read: 'End', others: ['To'] },
      ],
    });
    expect(check.problems[0]).toMatch(/^Row 3: Start is empty/);
  });
});
