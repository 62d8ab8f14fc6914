import type { Extent, Grid } from '../../core/sheet/grid';
import { WriteRefused } from '../../core/sheet/write-table';
import type { CellValue } from '../../core/table/build-table';
import { errorText } from '../error-text';
import { isGridSheet } from './find-sheet';
import { flagColumn, stretchFlag } from './flag-column';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Conditional colours of a coverage gap: short of staff, and over. */
const SHORT_COLOR = '#f4c7c3';
const OVER_COLOR = '#c9daf8';

/** Cells of the spreadsheet's grid sheets: chart and data-source sheets have none to count. */
function spreadsheetCells(sheet: Sheet): number {
  return sheet
    .getParent()
    .getSheets()
    .filter(isGridSheet)
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

interface Block {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const overlaps = (a: Block, r: Range) =>
  a.row < r.getRow() + r.getNumRows() &&
  r.getRow() < a.row + a.rows &&
  a.col < r.getColumn() + r.getNumColumns() &&
  r.getColumn() < a.col + a.cols;

const within = (a: Block, r: Range) =>
  r.getRow() <= a.row &&
  r.getColumn() <= a.col &&
  a.row + a.rows <= r.getRow() + r.getNumRows() &&
  a.col + a.cols <= r.getColumn() + r.getNumColumns();

const ASK = 'ask the spreadsheet’s owner for edit rights there';
const advice = `and the account this runs as may not edit it. Nothing was written: ${ASK}.`;

/** Why this user may not write the block, when a protection they cannot edit covers part of it. */
function protectedWhy(sheet: Sheet, block: Block): string | undefined {
  const { SHEET, RANGE } = SpreadsheetApp.ProtectionType;
  // Warning-only protections ask people to confirm; scripts write through them.
  const binding = (p: GoogleAppsScript.Spreadsheet.Protection) => !p.isWarningOnly() && !p.canEdit();
  for (const p of sheet.getProtections(SHEET)) {
    if (binding(p) && !p.getUnprotectedRanges().some((u) => within(block, u)))
      return `The sheet "${sheet.getName()}" is protected, ${advice}`;
  }
  for (const p of sheet.getProtections(RANGE)) {
    const range = p.getRange();
    if (binding(p) && overlaps(block, range))
      return `${range.getA1Notation()} of "${sheet.getName()}" is protected, ${advice}`;
  }
  return undefined;
}

/** Sheets' refusal of a write into a protected cell, as an error saying what to do. */
function guarded<T>(sheet: Sheet, body: () => T): T {
  try {
    return body();
  } catch (error) {
    const message = errorText(error);
    if (/protected cell or object/.test(message))
      throw new WriteRefused(
        `Part of "${sheet.getName()}" is protected, and the account this runs as may not edit it, so the write stopped: ${ASK}.`,
      );
    throw error;
  }
}

/** Whether a merged cell spans row 1 and row 2: Sheets then refuses to freeze the first row. */
function mergeAcrossFirstRow(sheet: Sheet): boolean {
  if (sheet.getMaxRows() < 2) return false;
  return sheet
    .getRange(1, 1, 2, sheet.getMaxColumns())
    .getMergedRanges()
    .some((m) => m.getRow() === 1 && m.getNumRows() > 1);
}

export function sheetGrid(sheet: Sheet): Grid {
  return {
    used: () => ({ rows: sheet.getLastRow(), cols: sheet.getLastColumn() }),
    gridSize: () => ({ rows: sheet.getMaxRows(), cols: sheet.getMaxColumns() }),
    spreadsheetCells: () => spreadsheetCells(sheet),
    growTo: (e) => ensureSize(sheet, e.rows, e.cols),
    trimTo(e: Extent) {
      // Sheets keeps at least one row and one column.
      const [rows, cols] = [Math.max(1, e.rows), Math.max(1, e.cols)];
      const [maxRows, maxCols] = [sheet.getMaxRows(), sheet.getMaxColumns()];
      if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
      if (maxCols > cols) sheet.deleteColumns(cols + 1, maxCols - cols);
    },
    read: (row, col, rows, cols) => sheet.getRange(row, col, rows, cols).getValues() as CellValue[][],
    shown: (row, col, rows, cols) => sheet.getRange(row, col, rows, cols).getDisplayValues(),
    formulas: (row, col, rows, cols) => sheet.getRange(row, col, rows, cols).getFormulas(),
    // Its declared type allows null for a cell without a formula.
    formulasR1C1: (row, col, rows, cols) =>
      sheet
        .getRange(row, col, rows, cols)
        .getFormulasR1C1()
        .map((line) => line.map((f) => f ?? '')),
    write(row, col, values) {
      const width = values[0]?.length ?? 0;
      guarded(sheet, () => {
        ensureSize(sheet, row + values.length - 1, col + width - 1);
        sheet.getRange(row, col, values.length, width).setValues(values);
      });
    },
    writeFormulasR1C1(row, col, formulas) {
      guarded(sheet, () =>
        sheet.getRange(row, col, formulas.length, formulas[0]?.length ?? 0).setFormulasR1C1(formulas),
      );
    },
    clear: (row, col, rows, cols) => {
      guarded(sheet, () => sheet.getRange(row, col, rows, cols).clearContent());
    },
    setColumnFormat: (row, col, rows, format) => {
      guarded(sheet, () => sheet.getRange(row, col, rows, 1).setNumberFormat(format));
    },
    columnFormats: (row, col, rows) =>
      sheet
        .getRange(row, col, rows, 1)
        .getNumberFormats()
        .map((r) => r[0] ?? ''),
    setColumnFormats: (row, col, formats) => {
      guarded(sheet, () =>
        sheet.getRange(row, col, formats.length, 1).setNumberFormats(formats.map((f) => [f])),
      );
    },
    paint(row, col, backgrounds, fontColors) {
      const range = sheet.getRange(row, col, backgrounds.length, backgrounds[0]?.length ?? 0);
      range.setBackgrounds(backgrounds as string[][]);
      range.setFontColors(fontColors as string[][]);
    },
    flag(col, text) {
      flagColumn(sheet, col, text);
    },
    stretchFlag(col, text) {
      stretchFlag(sheet, col, text);
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
    layoutPicture({ col, cols, width, freeze, freezeRows }) {
      if (cols > 0) sheet.setColumnWidths(col, cols, width);
      const frozen: [number, () => number, (n: number) => void][] = [
        [freeze, () => sheet.getFrozenColumns(), (n) => sheet.setFrozenColumns(n)],
        [freezeRows, () => sheet.getFrozenRows(), (n) => sheet.setFrozenRows(n)],
      ];
      for (const [n, get, set] of frozen) {
        if (n < 1 || get() === n) continue;
        try {
          set(n);
        } catch {
          // A merge of the user's across the frozen edge: Sheets refuses; the picture is written.
        }
      }
    },
    clearFormats: (row, col, rows, cols) => {
      sheet.getRange(row, col, rows, cols).clearFormat();
    },
    noteAt: (row, col) => sheet.getRange(row, col).getNote(),
    tabColor: () => sheet.getTabColor(),
    // null resets the colour, though the types say string.
    setTabColor: (color) => void sheet.setTabColor(color as string),
    rowNotes: (row, col, cols) => sheet.getRange(row, col, 1, cols).getNotes()[0] ?? [],
    columnNotes: (row, col, rows) =>
      sheet
        .getRange(row, col, rows, 1)
        .getNotes()
        .map((r) => r[0] ?? ''),
    setColumnNotes(row, col, notes) {
      guarded(sheet, () => sheet.getRange(row, col, notes.length, 1).setNotes(notes.map((n) => [n])));
    },
    setNote(row, col, note) {
      guarded(sheet, () => sheet.getRange(row, col).setNote(note));
    },
    styleHeader(row, col, cols, note) {
      guarded(sheet, () => {
        sheet.getRange(row, col, 1, cols).setFontWeight('bold');
        // Frozen only for a table that starts at A1: freezing the row of one beside the user's cells
        // would freeze theirs too, as would a merge outside the table across rows 1 and 2.
        if (row === 1 && col === 1 && sheet.getFrozenRows() !== 1 && !mergeAcrossFirstRow(sheet))
          sheet.setFrozenRows(1);
        sheet.getRange(row, col).setNote(note);
      });
    },
    prepare(row, col, rows, cols) {
      const block = { row, col, rows, cols };
      const why = protectedWhy(sheet, block);
      if (why) throw new WriteRefused(why);
      // Only cells inside the grid can be merged; the rest is added empty later.
      const inRows = Math.min(rows, sheet.getMaxRows() - row + 1);
      const inCols = Math.min(cols, sheet.getMaxColumns() - col + 1);
      if (inRows < 1 || inCols < 1) return;
      for (const merged of sheet.getRange(row, col, inRows, inCols).getMergedRanges()) merged.breakApart();
    },
  };
}
