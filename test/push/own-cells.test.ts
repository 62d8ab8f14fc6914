// A push sheet's status columns are the add-on's: they never land on cells of the user's, and a
// row counts as pushed only by the add-on's own record of it, not by whatever an Assembled ID cell
// happens to hold; what the user typed there is kept, its row held back (stray-cells.test.ts).
import { describe, expect, it } from 'vitest';
import { type LocalAddon, startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow } from './in-runtime';

async function twoRows() {
  const addon = await startLocalAddon({ now: '2027-09-01T12:00:00Z' });
  const [a, b] = addon.sim.admin.org.people.filter((p) => p.staffable && !p.deleted);
  return { ...addon, a: a?.email ?? '', b: b?.email ?? '' };
}

/** The agent (by email) of each time-off request Assembled holds under these ids. */
function requestsOf(sim: LocalAddon['sim'], ids: unknown[]): (string | undefined)[] {
  const { people, timeOff } = sim.admin.org;
  return ids.map((id) => {
    const agent = timeOff.find((t) => t.id === id)?.agent_id;
    return people.find((p) => p.agent_id === agent)?.email;
  });
}

describe('status columns beside the sheet', () => {
  it('go right of every used column, so notes typed in unheaded columns stay, and a note there is no Assembled ID', async () => {
    const { rt, sim, a, b } = await twoRows();
    rt.workbook.write('Sheet1', [
      ['Agent', 'Start', 'End', 'Type'],
      [a, '2027-09-06 09:00', '2027-09-06 17:00', 'pto', 'approved by Nora'],
      [b, '2027-09-07 09:00', '2027-09-07 17:00', 'pto', '', 'call back Monday'],
    ]);
    rt.workbook.select('Sheet1!A1');
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ rows: 2, ok: 2, errors: 0, skipped: 0, unread: [] });
    const [header, first, second] = rt.workbook.values('Sheet1');
    expect(header).toEqual([
      'Agent',
      'Start',
      'End',
      'Type',
      '',
      '',
      'Push status',
      'Assembled ID',
      'Push message',
      'Pushed at',
    ]);
    expect(first?.slice(4, 7)).toEqual(['approved by Nora', '', 'OK']);
    expect(second?.slice(4, 7)).toEqual(['', 'call back Monday', 'OK']);

    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'own-cells-0001'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 2, skipped: 0 });
    expect(view.message).toBe('Finished: 2 created. See the Push status column.');
    // Both rows reached Assembled, each the request of its own agent.
    expect(requestsOf(sim, column(rt, 'Sheet1', 'Assembled ID'))).toEqual([a, b]);
    expect(
      rt.workbook
        .values('Sheet1')
        .slice(1)
        .map((r) => r.slice(4, 6)),
    ).toEqual([
      ['approved by Nora', ''],
      ['', 'call back Monday'],
    ]);
  });
});

describe('an Assembled ID the add-on did not write', () => {
  it('does not make a row done, nor is it written over: the row is held back; rows the add-on pushed stay done, their status or time cleared since', async () => {
    const { rt, sim, a, b } = await twoRows();
    const row = (who: string, day: number) => [who, `2027-09-0${day} 09:00`, `2027-09-0${day} 17:00`, 'pto'];
    rt.workbook.write('Leave', [['Agent', 'Start', 'End', 'Type'], row(a, 6), row(b, 7)]);
    rt.workbook.select('Leave!A1');
    await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'own-cells-0011'));
    const ids = column(rt, 'Leave', 'Assembled ID');
    const at = (header: string) => (rt.workbook.values('Leave')[0] ?? []).indexOf(header) + 1;
    // Pushed rows with a cell of the add-on's cleared: the first's Push status, the second's Pushed
    // at (the print of what was sent, in the status cell's note, still says it went).
    rt.workbook.write('Leave', [['']], { row: 2, column: at('Push status') });
    rt.workbook.write('Leave', [['']], { row: 3, column: at('Pushed at') });
    // A new row whose Assembled ID someone typed in: it was never pushed, and pushed, the id
    // Assembled gave would take the place of what they wrote.
    rt.workbook.write('Leave', [[...row(a, 8)]], { row: 4 });
    rt.workbook.write('Leave', [['see Nora']], { row: 4, column: at('Assembled ID') });
    const held =
      'Assembled ID holds "see Nora", which the add-on did not write; a push writes its outcome there, so the row is held back. Move it to a column of your own or clear it, then Validate again. If the row was made in Assembled already, by hand, delete the row instead: pushed, it would be made a second time.';

    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ rows: 3, ok: 0, errors: 1, skipped: 2, problems: [`Row 4: ${held}`] });
    expect(column(rt, 'Leave', 'Push message')[2]).toBe(held);
    const made = sim.admin.org.timeOff.length;
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'own-cells-0012'),
    );
    expect(view.message).toBe(
      'Finished: 0 created, 1 with problems to fix, 2 already done and skipped. See the Push status column.',
    );
    const now = column(rt, 'Leave', 'Assembled ID');
    expect(now).toEqual([...ids, 'see Nora']);
    expect(requestsOf(sim, now.slice(0, 2))).toEqual([a, b]);
    expect(sim.admin.org.timeOff).toHaveLength(made);
  });
});
