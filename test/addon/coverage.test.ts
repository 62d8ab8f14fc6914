import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { columnName } from '../../src/core/sheet/a1';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `cov-key-${String(++keys).padStart(6, '0')}`;

const pull = (rt: LocalRuntime, spec: object) => pullToEnd(rt, spec, key());

// Each week holds its zone's 25-hour day (autumn 2026): 7 x 24 + 1 hours of 30-minute intervals.
const WEEKS = [
  { timezone: 'America/New_York', from: '2026-10-26', to: '2026-11-01', start: Date.UTC(2026, 9, 26, 4) },
  { timezone: 'Europe/London', from: '2026-10-19', to: '2026-10-25', start: Date.UTC(2026, 9, 18, 23) },
] as const;

describe.each(['seed', 'live'] as const)('Coverage, %s dialect', (dialect) => {
  it.each(WEEKS)(
    '$timezone: required, scheduled and gap per interval, coloured, charted, refreshed in place',
    async (week) => {
      const { rt } = await startLocalAddon({ dialect, timezone: week.timezone, now: '2026-11-05T12:00:00Z' });
      const spec = {
        source: { kind: 'resource', resource: 'coverage' },
        range: { kind: 'absolute', from: week.from, to: week.to },
        target: { kind: 'new_sheet', name: 'Coverage' },
        mode: 'replace',
      };
      const job = await pull(rt, spec);
      expect(job.state).toBe('done');
      const values = rt.workbook.values('Coverage');
      const header = values[0] as string[];
      // The chart lies past the table, far to the right: the outcome says where.
      expect(job.message).toBe(
        `${values.length - 1} intervals written to Coverage!A1; their chart is at ${columnName(header.length + 2)}1.`,
      );
      // Start and End stay in view as the sheet scrolls sideways, the header as it scrolls down.
      expect([rt.workbook.frozenColumns('Coverage'), rt.workbook.frozenRows('Coverage')]).toEqual([2, 1]);
      // Gap and Short say what their numbers and colours mean, and why Short is below zero.
      const notes = rt.workbook.notes('Coverage')[0] as string[];
      expect(notes[4]).toMatch(
        /^Gap = Scheduled - Required.* Below zero \(red\) is short .* above zero \(blue\) is over/,
      );
      expect(notes[5]).toMatch(
        /^Short = .*below zero \(red\), as a Gap is \(-3 is 3 people short\)\. It can be below zero while Gap \(all types\) is 0 or above/,
      );
      expect(header.slice(0, 6)).toEqual([
        'Start',
        'End',
        'Required (all types)',
        'Scheduled (all types)',
        'Gap (all types)',
        'Short (all types)',
      ]);
      const rows = values.slice(1);
      expect(rows).toHaveLength((7 * 24 + 1) * 2);
      expect(rows[0]?.[0]).toEqual(new Date(week.start));
      for (const r of rows) expect(r[4]).toBeCloseTo(Number(r[3]) - Number(r[2]), 6);
      expect(rows.some((r) => Number(r[4]) < 0)).toBe(true);
      expect(rows.some((r) => Number(r[3]) > 0)).toBe(true);
      const typeGaps = header.flatMap((h, i) => (/: Gap$/.test(h) ? [i] : []));
      expect(typeGaps.length).toBeGreaterThan(1);
      // Short adds up the types' shortfalls, which the total gap nets against types over: some
      // interval is short in a type though its total gap is not below zero.
      for (const r of rows)
        expect(r[5]).toBeCloseTo(
          typeGaps.reduce((n, i) => n + Math.min(0, Number(r[i])), 0),
          6,
        );
      expect(rows.some((r) => Number(r[4]) >= 0 && Number(r[5]) < 0)).toBe(true);

      // Gaps coloured by rules, not by painting cells: short red, over blue, on every gap column.
      const rules = rt.workbook.conditionalFormats('Coverage');
      expect(rules.map((r) => [r.criteria, r.values[0], r.background])).toEqual([
        ['NUMBER_LESS_THAN', 0, '#f4c7c3'],
        ['NUMBER_GREATER_THAN', 0, '#c9daf8'],
      ]);
      expect(rules[0]?.ranges.map((g) => g.grid.col - 1)).toEqual([4, 5, ...typeGaps]);
      expect(rules[0]?.ranges.every((g) => g.grid.row === 2 && g.grid.numRows === rows.length)).toBe(true);

      // A line chart of required vs scheduled beside the table, titled in the sheet's timezone.
      const [chart, ...more] = rt.workbook.charts('Coverage');
      expect(more).toEqual([]);
      expect(chart?.type).toBe('LINE');
      expect(String(chart?.options.title)).toContain(week.timezone);
      expect(chart?.ranges.map((g) => g.grid.col)).toEqual([1, 3, 4]);
      expect(chart?.position?.anchorColumn).toBe(header.length + 2);

      // A rule the user added elsewhere stays; a refresh updates the rules and the chart in place.
      const mine = {
        ...(rules[0] as (typeof rules)[number]),
        ranges: [{ sheet: rules[0]?.ranges[0]?.sheet, grid: { row: 1, col: 200, numRows: 5, numCols: 1 } }],
      };
      rt.workbook.conditionalFormats('Coverage').push(mine as (typeof rules)[number]);
      const id = chart?.chartId;
      const again = await pull(rt, { ...spec, target: { kind: 'sheet', name: 'Coverage' } });
      expect(again.state).toBe('done');
      const after = rt.workbook.conditionalFormats('Coverage');
      expect(after).toHaveLength(3);
      expect(after[0]?.ranges[0]?.grid.col).toBe(200);
      expect(rt.workbook.charts('Coverage').map((c) => c.chartId)).toEqual([id]);
      expect(rt.workbook.notes('Coverage')[0]?.slice(4, 6)).toEqual(notes.slice(4, 6));
      expect(rt.workbook.frozenColumns('Coverage')).toBe(2);
    },
  );
});
