// An overlap names the field of the row that makes it: its End when it runs on past another's
// start, its Start when it starts inside another, both when it does each.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { validateTemplate } from './in-runtime';

describe('the field an overlap names', () => {
  it('is the End run into the next, the Start inside the one before, or both', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live', now: '2026-10-20T12:00:00Z' });
    const a = sim.admin.org.people.find((p) => p.staffable && !p.deleted);
    const row = (from: string, to: string) => [
      'create',
      '',
      a?.email,
      'Phones',
      `2026-10-22 ${from}`,
      `2026-10-22 ${to}`,
    ];
    const { check } = await validateTemplate(rt, 'activities', [
      row('09:00', '10:00'),
      row('09:30', '11:00'),
      row('10:30', '12:00'),
    ]);
    const said = (field: string, rows: string, tick: string) =>
      `${field}: overlaps ${rows} for the same agent, and Assembled would delete one to place the other. Change the times, delete a row typed twice, or tick Allow conflicts (TRUE) on ${tick} (it keeps overlaps only for rows that create).`;
    expect(check.problems).toEqual([
      `Row 2: ${said('End', 'row 3', 'both rows')}`,
      `Row 3: ${said('Start and End', 'rows 2 and 4', 'this row and rows 2, 4')}`,
      `Row 4: ${said('Start', 'row 3', 'both rows')}`,
    ]);
    // With one box of a pair ticked, each row names only the box left to tick.
    const ticked = await validateTemplate(rt, 'activities', [
      [...row('13:00', '14:00'), '', '', true],
      row('13:30', '15:00'),
    ]);
    expect(ticked.check.problems).toEqual([
      `Row 2: ${said('End', 'row 3', 'row 3 too')}`,
      `Row 3: ${said('Start', 'row 2', 'this row too')}`,
    ]);
  });

  it('lists the rows overlapped as a sentence does, and says states when more than one', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const a = sim.admin.org.people.find((p) => p.staffable && !p.deleted && p.email);
    const state = (from: string, to: string) => [
      a?.email,
      'busy',
      '',
      `2026-05-24 ${from}`,
      `2026-05-24 ${to}`,
      'five9',
    ];
    const { check } = await validateTemplate(rt, 'agent_states', [
      state('9:00', '9:20'),
      state('9:10', '9:30'),
      state('9:15', '9:40'),
    ]);
    const same = 'of the same agent from the same source: an agent is in one state at a time on a platform.';
    expect(check.problems).toEqual([
      expect.stringMatching(/^Row 2: End: overlaps rows 3 and 4, states of the same agent/),
      expect.stringContaining(`Row 3: Start and End: overlaps rows 2 and 4, states ${same}`),
      expect.stringContaining(`Row 4: Start: overlaps rows 2 and 3, states ${same}`),
    ]);
  });
});
