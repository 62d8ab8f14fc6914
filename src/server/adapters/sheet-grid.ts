import type { Extent, Grid } from '../../core/sheet/grid';
import type { CellValue } from '../../core/table/build-table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Conditional colours of a coverage gap: short of staff, and over. */
const SHORT_COLOR = '#f4c7c3';
const OVER_COLOR = '#c9daf8';

function spreadsheetCells(sheet: Sheet): number {
  return sheet
    .getParent()
    .getSheets()
    .reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
}

/**
 * Grows the sheet so that a block ending at (row, col) fits: getRange outside the grid throws.
 * A table is grown once to its final size (growTo) before its blocks are written; a write still
 * grows for itself, for writers that add a few cells at the edge (a push's status columns).
 */
function ensureSize(sheet: Sheet, row: number, col: number): void {
  const rows = sheet.getMaxRows();
  if (row > rows) sheet.insertRowsAfter(rows, row - rows);
  const cols = sheet.getMaxColumns();
  if (col > cols) sheet.insertColumnsAfter(cols, col - cols);
}

export function sheetGrid(sheet: Sheet): Grid {
  return {
    used: () => ({ rows: sheet.getLastRow(), cols: sheet.getLastColumn() }),
    cellsAfterGrowth(e: Extent) {
      const rows = sheet.getMaxRows();
      const cols = sheet.getMaxColumns();
      return spreadsheetCells(sheet) - rows * cols + Math.max(rows, e.rows) * Math.max(cols, e.cols);
    },
    growTo: (e) => ensureSize(sheet, e.rows, e.cols),
    read: (row, col, rows, cols) => sheet.getRange(row, col, rows, cols).getValues() as CellValue[][],
    write(row, col, values) {
      const width = values[0]?.length ?? 0;
      ensureSize(sheet, row + values.length - 1, col + width - 1);
      sheet.getRange(row, col, values.length, width).setValues(values);
    },
    clear: (row, col, rows, cols) => {
      sheet.getRange(row, col, rows, cols).clearContent();
    },
    setColumnFormat: (row, col, rows, format) => {
      sheet.getRange(row, col, rows, 1).setNumberFormat(format);
    },
    paint(row, col, backgrounds, fontColors) {
      const range = sheet.getRange(row, col, backgrounds.length, backgrounds[0]?.length ?? 0);
      range.setBackgrounds(backgrounds as string[][]);
      range.setFontColors(fontColors as string[][]);
    },
    signColors(owner, blocks) {
      const inside = (r: GoogleAppsScript.Spreadsheet.Range) =>
        r.getRow() >= owner.row &&
        r.getColumn() >= owner.col &&
        r.getRow() < owner.row + owner.rows &&
        r.getColumn() < owner.col + owner.cols;
      const others = sheet.getConditionalFormatRules().filter((rule) => !rule.getRanges().every(inside));
      const ranges = blocks.map((b) => sheet.getRange(b.row, b.col, b.rows, b.cols));
      const short = SpreadsheetApp.newConditionalFormatRule()
        .whenNumberLessThan(0)
        .setBackground(SHORT_COLOR)
        .setRanges(ranges)
        .build();
      const over = SpreadsheetApp.newConditionalFormatRule()
        .whenNumberGreaterThan(0)
        .setBackground(OVER_COLOR)
        .setRanges(ranges)
        .build();
      sheet.setConditionalFormatRules([...others, short, over]);
    },
    lineChart(spec) {
      const first = spec.ranges[0];
      const existing = sheet.getCharts().find((c) => {
        const r = c.getRanges()[0];
        return (
          r !== undefined && first !== undefined && r.getRow() === first.row && r.getColumn() === first.col
        );
      });
      let builder = existing ? existing.modify().clearRanges() : sheet.newChart();
      for (const b of spec.ranges) builder = builder.addRange(sheet.getRange(b.row, b.col, b.rows, b.cols));
      const chart = builder
        .asLineChart()
        .setTitle(spec.title)
        .setXAxisTitle(spec.xTitle)
        .setYAxisTitle(spec.yTitle)
        .setPosition(spec.anchorRow, spec.anchorCol, 0, 0)
        .build();
      if (existing) sheet.updateChart(chart);
      else sheet.insertChart(chart);
    },
    clearFormats: (row, col, rows, cols) => {
      sheet.getRange(row, col, rows, cols).clearFormat();
    },
    styleHeader(row, col, cols, note) {
      sheet.getRange(row, col, 1, cols).setFontWeight('bold');
      if (row === 1) sheet.setFrozenRows(1);
      sheet.getRange(row, col).setNote(note);
    },
  };
}
