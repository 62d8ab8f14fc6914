// A row whose cells the user emptied (select its cells, Delete) keeps no error or message beside
// it once Validate or Push reads the sheet again; a row that still holds something, and a row
// Assembled took, keep theirs. Through the built bundle, as the sidebar calls it.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { follow, template } from './in-runtime';

/** The column's first `count` cells under the header ('' for cells past the sheet's used range). */
function column(rt: LocalRuntime, sheet: string, header: string, count: number): unknown[] {
  const [head = [], ...rows] = rt.workbook.values(sheet);
  const at = head.indexOf(header);
  return Array.from({ length: count }, (_, i) => rows[i]?.[at] ?? '');
}

const validate = (rt: LocalRuntime, kind: string) =>
  rt.callFromSidebar<ValidateSummary>('validatePush', kind);
const push = async (rt: LocalRuntime, kind: string, key: string) =>
  follow(rt, await rt.callFromSidebar<PushView>('startPush', kind, key));
/** The user selects a row's cells from column A and presses Delete. */
const empty = (rt: LocalRuntime, sheet: string, row: number, cells: number) =>
  rt.workbook.write(sheet, [Array(cells).fill('')], { row });

describe('a row the user emptied', () => {
  it('loses its error and message at the next Validate (time off over the same day, one row deleted)', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    const sheet = await template(rt, 'time_off', [
      [a?.email, '2026-07-01', '', 'TRUE', 'pto'],
      [a?.email, '2026-07-01', '', 'TRUE', 'pto', 'the same day'],
      [b?.email, '2026-07-02', '', 'TRUE', 'pto'],
    ]);
    expect(await validate(rt, 'time_off')).toMatchObject({ ok: 1, errors: 2 });
    expect(column(rt, sheet, 'Push status', 3)).toEqual(['error', 'error', 'OK']);

    empty(rt, sheet, 3, 6);
    expect(await validate(rt, 'time_off')).toMatchObject({ ok: 2, errors: 0, problems: [] });
    expect(column(rt, sheet, 'Push status', 3)).toEqual(['OK', '', 'OK']);
    expect(column(rt, sheet, 'Push message', 3)).toEqual(['Ready to push.', '', 'Ready to push.']);
  });

  it('loses a time Assembled refused it at too, and a status and message kept from before', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    const refused = [
      '',
      '',
      '',
      '',
      '',
      '',
      'error',
      '',
      'Assembled refused it: overlaps.',
      '2026-05-24 10:00',
    ];
    const sheet = await template(rt, 'time_off', [[a?.email, '2026-07-01', '', 'TRUE', 'pto'], refused]);
    expect(await validate(rt, 'time_off')).toMatchObject({ ok: 1, errors: 0 });
    for (const header of ['Push status', 'Assembled ID', 'Push message', 'Pushed at'])
      expect(column(rt, sheet, header, 2)[1], header).toBe('');
  });

  it('loses them at the next Push too (agent states, associations), and nothing is sent for it', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    // Now is 2026-05-25 08:00 in New York: a state tomorrow is a row to fix.
    const states = await template(rt, 'agent_states', [
      [a?.email, 'available', '', '2026-05-25 06:00', '2026-05-25 07:00', 'five9'],
      [a?.email, 'busy', '', '2026-05-26 06:00', '2026-05-26 07:00', 'five9'],
    ]);
    expect(await push(rt, 'agent_states', 'emptied-states-1')).toMatchObject({ succeeded: 1, invalid: 1 });
    expect(column(rt, states, 'Push status', 2)).toEqual(['ingested', 'error']);
    empty(rt, states, 3, 6);
    expect(await push(rt, 'agent_states', 'emptied-states-2')).toMatchObject({
      state: 'done',
      invalid: 0,
      problems: [],
    });
    expect(column(rt, states, 'Push status', 2)).toEqual(['ingested', '']);
    expect(column(rt, states, 'Push message', 2)[1]).toBe('');

    const associations = await template(rt, 'associations', [
      ['ghost@example.com', 'zendesk', '5550001'],
      [b?.email, 'zendesk', '5550002'],
    ]);
    expect(await push(rt, 'associations', 'emptied-assoc-1')).toMatchObject({ succeeded: 1, invalid: 1 });
    empty(rt, associations, 2, 3);
    const posts = () =>
      Object.entries(sim.stats().byRoute)
        .filter(([route]) => route.startsWith('POST'))
        .reduce((n, [, count]) => n + count, 0);
    const sent = posts();
    expect(await push(rt, 'associations', 'emptied-assoc-2')).toMatchObject({ invalid: 0, skipped: 1 });
    expect(column(rt, associations, 'Push status', 2)).toEqual(['', 'associated']);
    expect(posts()).toBe(sent);
  });

  it('keeps its status and Assembled ID once done: typed back, it is not sent twice', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    const row = [a?.email, '2026-07-01', '', 'TRUE', 'pto', 'emptied and typed back'];
    // Marked done by hand (a done word and an ID typed in, no time in Pushed at, no note): no sign
    // it was pushed, nor that it was not, so it is held back, never sent.
    const marked = [b?.email, '2026-07-01', '', 'TRUE', 'pto', '', 'created', 'typed-id-1'];
    const sheet = await template(rt, 'time_off', [row, marked]);
    expect(await push(rt, 'time_off', 'emptied-done-1')).toMatchObject({ succeeded: 1, invalid: 1 });
    const [id] = column(rt, sheet, 'Assembled ID', 1);
    expect(id).not.toBe('');

    empty(rt, sheet, 2, 6);
    empty(rt, sheet, 3, 6);
    await validate(rt, 'time_off');
    // The row held back, emptied, loses the words beside it; the row pushed keeps its status.
    expect(column(rt, sheet, 'Push status', 2)).toEqual(['created', '']);
    expect(column(rt, sheet, 'Assembled ID', 2)).toEqual([id, 'typed-id-1']);
    // Its message says emptying withdrew nothing, and how to withdraw it (not "push the row as new").
    const [said] = column(rt, sheet, 'Push message', 1);
    expect(said).toMatch(
      /^Changed since it was pushed: its cells were emptied, but Assembled still holds what the row sent, and emptying a row withdraws nothing\. To withdraw the request, cancel it: Time off to cancel, with its Assembled ID\. Assembled's last word on it: Created/,
    );

    rt.workbook.write(sheet, [row, marked], { row: 2 });
    expect(await push(rt, 'time_off', 'emptied-done-2')).toMatchObject({
      succeeded: 0,
      skipped: 1,
      invalid: 1,
    });
    expect(sim.admin.org.timeOff.filter((t) => t.notes === 'emptied and typed back')).toHaveLength(1);
    expect(sim.admin.org.timeOff.filter((t) => t.agent_id === b?.agent_id && t.notes === '')).toHaveLength(0);
  });

  it('keeps its status while a column the push does not read still holds something', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    rt.workbook.write('Leave', [
      ['Agent', 'Start', 'End', 'All day', 'Manager'],
      [a?.email, '2026-07-01', '', 'TRUE', 'Robin'],
      [a?.email, '2026-07-01', '', 'TRUE', 'Sam'],
    ]);
    rt.workbook.select("'Leave'!A1");
    // The same request twice: the later copy is the row to fix.
    expect(await validate(rt, 'time_off')).toMatchObject({ errors: 1 });
    empty(rt, 'Leave', 3, 4);
    await validate(rt, 'time_off');
    expect(column(rt, 'Leave', 'Push status', 2)).toEqual(['OK', 'error']);
  });

  it("loses them with only the template's unticked box left (a name deleted, a box ticked then unticked)", async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    const sheet = await template(rt, 'time_off', [[a?.email, '2026-07-01', '', 'TRUE', 'pto']]);
    // A name typed in row 16, and row 5's box ticked: each a row to fix.
    rt.workbook.write(sheet, [[a?.email]], { row: 16, column: 1 });
    rt.workbook.write(sheet, [[true]], { row: 5, column: 4 });
    expect(await validate(rt, 'time_off')).toMatchObject({ ok: 1, errors: 2 });
    const shown = () => {
      const [status, message] = ['Push status', 'Push message'].map((h) => column(rt, sheet, h, 15));
      return [5, 16].map((row) => [status?.[row - 2], message?.[row - 2]]);
    };
    expect(shown().map(([status]) => status)).toEqual(['error', 'error']);

    // Deleted, and unticked: the rows hold nothing but their unticked boxes again.
    rt.workbook.write(sheet, [['']], { row: 16, column: 1 });
    rt.workbook.write(sheet, [[false]], { row: 5, column: 4 });
    expect(await validate(rt, 'time_off')).toMatchObject({ ok: 1, errors: 0, problems: [] });
    expect(shown()).toEqual([
      ['', ''],
      ['', ''],
    ]);

    // And at Push, a box ticked and unticked since Validate.
    rt.workbook.write(sheet, [[true]], { row: 5, column: 4 });
    await validate(rt, 'time_off');
    rt.workbook.write(sheet, [[false]], { row: 5, column: 4 });
    expect(await push(rt, 'time_off', 'emptied-box-1')).toMatchObject({
      state: 'done',
      succeeded: 1,
      invalid: 0,
    });
    expect(shown()[0]).toEqual(['', '']);
  });

  it('costs a push no write when it never showed anything (a gap left between rows)', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    const writes = async (key: string, rows: unknown[][]) => {
      await template(rt, 'time_off', rows);
      const before = rt.counters.spreadsheet.setValuesCalls;
      expect(await push(rt, 'time_off', key)).toMatchObject({ succeeded: 2 });
      return rt.counters.spreadsheet.setValuesCalls - before;
    };
    const pair = (day: string) => [
      [a?.email, day, '', 'TRUE'],
      [b?.email, day, '', 'TRUE'],
    ];
    // The first push writes the Assembled log's header too.
    await writes('emptied-gap-0', pair('2026-07-01'));
    const together = await writes('emptied-gap-1', pair('2026-07-02'));
    const [first, second] = pair('2026-07-03');
    const apart = await writes('emptied-gap-2', [first ?? [], [], second ?? []]);
    expect(apart).toBe(together);
  });
});
