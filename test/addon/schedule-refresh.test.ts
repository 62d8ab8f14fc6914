// Issue 15: activities, the schedule grid and coverage saved as scheduled refreshes like any pull;
// a refresh run by the trigger keeps the coverage chart and conditional formats in place (the same
// chart, no second one, the rules once) and repaints the grid.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { pullToEnd } from './pull-to-end';

const HOUR = 3_600_000;
const range = { kind: 'relative', preset: 'yesterday' };
const spec = (resource: string, sheet: string) => ({
  source: { kind: 'resource', resource },
  range,
  target: { kind: 'sheet', name: sheet },
  mode: resource === 'activities' ? 'merge' : 'replace',
});

describe.each(['seed', 'live'] as const)('schedule pulls as scheduled refreshes, %s dialect', (dialect) => {
  it('activities, the grid and coverage refresh daily; the chart and the rules stay in place', async () => {
    const { rt } = await startLocalAddon({ dialect, mode: 'bound' });
    const sources = [
      ['activities', 'Activities'],
      ['schedule_grid', 'Grid'],
      ['coverage', 'Coverage'],
    ] as const;
    for (const [i, [resource, sheet]] of sources.entries()) {
      rt.workbook.addSheet(sheet);
      const job = await pullToEnd(rt, spec(resource, sheet), `sched-pull-00000${i}`);
      expect(job.state).toBe('done');
      await rt.callFromSidebar<RefreshView[]>(
        'saveRefresh',
        { spec: spec(resource, sheet), frequency: { kind: 'daily', hour: 6 }, notifyByEmail: false },
        `sched-refresh-00000${i}`,
      );
    }
    const chartId = rt.workbook.charts('Coverage')[0]?.chartId;
    expect(chartId).toBeGreaterThan(0);
    const firstDay = rt.workbook.values('Coverage')[1]?.[0];
    // Another editor sees the three refreshes, the owner's.
    const seen = await rt.asUser('editor@example.com').callFromSidebar<RefreshView[]>('listRefreshes');
    expect(seen.map((r) => [r.target, r.mine])).toEqual(sources.map(([, sheet]) => [sheet, false]));

    // The next morning each refresh runs from the trigger, pulling the day before.
    await rt.clock.advanceAsync(24 * HOUR);
    const list = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(list.map((r) => [r.target, r.lastRun?.status])).toEqual(sources.map(([, s]) => [s, 'done']));
    const log = rt.workbook.displayValues('Assembled log').slice(1);
    for (const [, sheet] of sources)
      expect(log.filter((r) => r.includes(sheet) && r.includes('done')).length).toBe(2);

    // Coverage holds a later day, with the same chart and the two gap rules, once each.
    expect(rt.workbook.values('Coverage')[1]?.[0]).not.toEqual(firstDay);
    expect(rt.workbook.charts('Coverage').map((c) => c.chartId)).toEqual([chartId]);
    expect(rt.workbook.conditionalFormats('Coverage').map((r) => r.criteria)).toEqual([
      'NUMBER_LESS_THAN',
      'NUMBER_GREATER_THAN',
    ]);
    // The grid is repainted in its activity types' colours.
    expect(
      rt.workbook
        .backgrounds('Grid')
        .flat()
        .some((bg) => bg !== '#ffffff'),
    ).toBe(true);
    expect(rt.workbook.values('Activities').length).toBeGreaterThan(1);
  });
});
