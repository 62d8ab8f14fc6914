// A pull that would replace a table the add-on pulled of other data (QA: People pulled into
// "People", Data changed to Teams, Pull data: 8 teams over 100 people, and =COUNTA(People!A:A)
// counting teams) is refused until the person agrees to replace that data, by name.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `replace-other-${String(++keys).padStart(6, '0')}`;

const resource = (name: string) => ({ kind: 'resource', resource: name });
const intoPeople = (source: object) => ({
  source,
  target: { kind: 'new_sheet', name: 'People' },
  mode: 'replace',
});

describe('A pull replacing a table of other data', () => {
  it('is refused, asking Assembled nothing, until the person agrees to replace that data', async () => {
    const { rt, sim } = await startLocalAddon();
    expect(await pullToEnd(rt, intoPeople(resource('people')), key())).toMatchObject({ state: 'done' });
    const people = rt.workbook.values('People');
    const teamsRead = () => sim.stats().byRoute['GET /v0/teams'] ?? 0;
    const before = teamsRead();
    const refusal =
      '"People" holds People, not Teams: replacing them puts Teams in their place, and formulas that read "People" would read Teams from then on. Pull into another sheet, or answer Replace when Pull data asks.';
    await expect(rt.callFromSidebar('startPull', intoPeople(resource('teams')), key())).rejects.toThrow(
      refusal,
    );
    // Chosen as an existing sheet, or agreed to replace other data than it holds: the same.
    const existing = { ...intoPeople(resource('teams')), target: { kind: 'sheet', name: 'People' } };
    await expect(rt.callFromSidebar('startPull', existing, key())).rejects.toThrow(refusal);
    await expect(
      rt.callFromSidebar('startPull', intoPeople(resource('teams')), key(), undefined, 'Sites'),
    ).rejects.toThrow(refusal);
    expect(rt.workbook.values('People')).toEqual(people);
    expect(teamsRead()).toBe(before);
    // Agreed to: replaced.
    expect(await pullToEnd(rt, intoPeople(resource('teams')), key(), 'People')).toMatchObject({
      state: 'done',
    });
    expect(rt.workbook.notes('People', 1)[0]?.[0]).toMatch(/^Source: Assembled Teams$/m);
    expect(rt.workbook.values('People')[0]?.[1]).toBe('Name');
    // Its own data again, or another granularity of the same report, is replaced unasked.
    expect(await pullToEnd(rt, intoPeople(resource('teams')), key())).toMatchObject({ state: 'done' });
    const adherence = (granularity: string) => ({
      source: { kind: 'report', report: 'adherence', granularity },
      range: { kind: 'relative', preset: 'last_week' },
      target: { kind: 'new_sheet', name: 'Adherence' },
      mode: 'replace',
    });
    expect(await pullToEnd(rt, adherence('day'), key())).toMatchObject({ state: 'done' });
    expect(await pullToEnd(rt, adherence('week'), key())).toMatchObject({ state: 'done' });
  });
});
