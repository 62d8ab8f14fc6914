// A coverage pull: the window's requirements as required vs scheduled per interval (coverage.ts),
// written as a table, its gaps coloured by conditional formatting and a line chart beside it. A
// refresh rewrites the table and updates the same rules and chart in place.
import type { AssembledClient } from '../assembled';
import type { Zone } from '../ports';
import { writeTable } from '../sheet/write-table';
import { datesWords } from '../time/date-range';
import { coverageTable } from './coverage';
import type { OpenTarget } from './pull-target';

export function pullCoverage(
  client: AssembledClient,
  window: { start: number; end: number; from: string; to: string },
  zone: Zone,
  open: () => OpenTarget,
  note: string,
): { rows: number; label: string } {
  const types = client.listRequirementTypes();
  const requirements = client.listRequirements({ start_time: window.start, end_time: window.end });
  const coverage = coverageTable(requirements, types);
  const target = open();
  const result = writeTable(target.grid, coverage.table, {
    mode: 'replace',
    row: target.row,
    col: target.col,
    ...(target.previous ? { previous: target.previous } : {}),
    note,
  });
  target.remember(result.extent);
  const rows = coverage.table.rows.length;
  if (rows > 0) {
    const { grid } = target;
    const owner = { row: target.row, col: target.col, rows: result.extent.rows, cols: result.extent.cols };
    grid.signColors?.(
      owner,
      coverage.gapColumns.map((c) => ({ row: target.row + 1, col: target.col + c, rows, cols: 1 })),
    );
    grid.lineChart?.({
      title: `Coverage ${datesWords(window)}: required vs scheduled (${zone.name})`,
      xTitle: `Interval start (${zone.name})`,
      yTitle: 'Staff',
      ranges: coverage.chartColumns.map((c) => ({
        row: target.row,
        col: target.col + c,
        rows: rows + 1,
        cols: 1,
      })),
      anchorRow: target.row,
      anchorCol: target.col + coverage.table.columns.length + 1,
    });
  }
  return { rows, label: target.label };
}
