// People have two ids: their record's (ID) and the one reports, agent states, time off and
// activities name them by (Agent ID). An analyst looking an adherence row up in People must use
// the second; the header note says so, and the two really do differ.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

describe("a People sheet's two ids", () => {
  it("has a header note saying reports' Agent ID is found in its Agent ID column, not in ID", async () => {
    const { rt } = await startLocalAddon();
    const pull = (spec: object, key: string) => pullToEnd(rt, { mode: 'replace', ...spec }, key);
    expect(
      (
        await pull(
          { source: { kind: 'resource', resource: 'people' }, target: { kind: 'new_sheet', name: 'People' } },
          'people-ids-1',
        )
      ).state,
    ).toBe('done');
    expect(
      (
        await pull(
          {
            source: { kind: 'report', report: 'adherence', granularity: 'day' },
            range: { kind: 'relative', preset: 'last_week' },
            target: { kind: 'new_sheet', name: 'Adherence' },
          },
          'people-ids-2',
        )
      ).state,
    ).toBe('done');
    const column = (sheet: string, header: string) => {
      const [head = [], ...rows] = rt.workbook.displayValues(sheet);
      return new Set(rows.map((r) => r[head.indexOf(header)]));
    };
    const reported = [...column('Adherence', 'Agent ID')];
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.every((id) => column('People', 'Agent ID').has(id))).toBe(true);
    expect(reported.some((id) => column('People', 'ID').has(id))).toBe(false);
    expect(rt.workbook.notes('People')[0]?.[0]).toContain(
      "Agent ID is the id reports, agent states, time off and activities name an agent by: look their Agent ID up in this sheet's Agent ID column, not in ID (the person's own record).",
    );
  });
});
