// A coverage pull: the window's requirements as required vs scheduled per interval (coverage.ts),
// written as a table, its gaps coloured by conditional formatting and a line chart beside it. A
// refresh rewrites the table and updates the same rules and chart in place.
import type { AssembledClient } from '../assembled';
import type { Zone } from '../ports';
import { cellName } from '../sheet/a1';
import { writeTable } from '../sheet/write-table';
import { datesWords } from '../time/dates-words';
import { coverageTable } from './coverage';
import { fitMade, type OpenTarget } from './pull-target';

export function pullCoverage(
  client: AssembledClient,
  window: { start: number; end: number; from: string; to: string },
  zone: Zone,
  open: () => OpenTarget,
  note: string,
): { rows: number; label: string; chart?: string } {
  const types = client.listRequirementTypes();
  const requirements = client.listRequirements({ start_time: window.start, end_time: window.end });
  const coverage = coverageTable(requirements, types);
  const target = open();
  const rows = coverage.table.rows.length;
  // After the table and a blank column: far to the right of a wide one, so the outcome says where.
  const anchorCol = target.col + coverage.table.columns.length + 1;
  // A new sheet keeps the table and, when there is a chart, its anchor cell.
  fitMade(target, { rows: target.row + rows, cols: rows ? anchorCol : anchorCol - 2 });
  const result = writeTable(target.grid, coverage.table, {
    mode: 'replace',
    row: target.row,
    col: target.col,
    ...(target.previous ? { previous: target.previous } : {}),
    note,
  });
  target.remember(result.extent);
  const { grid } = target;
  for (const { col, note } of coverage.headerNotes) grid.setNote(target.row, target.col + col, note);
  // Start and End stay in view as the sheet scrolls sideways, as a schedule grid's agents do (only
  // from column A: freezing past it would freeze the user's cells too).
  grid.layoutPicture?.({
    col: target.col,
    cols: 0,
    width: 0,
    freeze: target.col === 1 ? 2 : 0,
    freezeRows: 0,
  });
  if (rows === 0) return { rows, label: target.label };
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
    anchorCol,
  });
  return { rows, label: target.label, chart: cellName(target.row, anchorCol) };
}
