// The part of a sheet the writer needs, in block operations only: a call per cell or per row is
// what makes Apps Script slow, so nothing here works on less than a block.
import type { CellValue } from '../table/build-table';

export interface Extent {
  rows: number;
  cols: number;
}

export interface Grid {
  /** Rows and columns in use (Sheet.getLastRow / getLastColumn). */
  used(): Extent;
  /** The sheet's grid, rows by columns: Sheets counts every cell of it against its limit, empty or not. */
  gridSize(): Extent;
  /** Cells of every sheet's grid in the spreadsheet, hidden sheets too (see cell-room.ts). */
  spreadsheetCells(): number;
  /** Grows the sheet, once, so that a block ending at (rows, cols) from A1 fits. */
  growTo(extent: Extent): void;
  /** Deletes the rows and columns past `extent` from A1, never the last row or column. */
  trimTo(extent: Extent): void;
  read(row: number, col: number, rows: number, cols: number): CellValue[][];
  /** A block's cells as the sheet shows them, under their number formats (Range.getDisplayValues). */
  shown?(row: number, col: number, rows: number, cols: number): string[][];
  /** A block's formulas in A1 notation, '' where a cell holds a plain value (Range.getFormulas). */
  formulas(row: number, col: number, rows: number, cols: number): string[][];
  /**
   * A block's formulas in R1C1 notation, '' where a cell holds none (Range.getFormulasR1C1): one
   * formula filled down a column (=G2/F2, =G3/F3) reads the same on every row.
   */
  formulasR1C1?(row: number, col: number, rows: number, cols: number): string[][];
  write(row: number, col: number, values: CellValue[][]): void;
  /** Writes formulas in R1C1 notation, each cell the A1 one it is there, in one call (Range.setFormulasR1C1). */
  writeFormulasR1C1?(row: number, col: number, formulas: string[][]): void;
  clear(row: number, col: number, rows: number, cols: number): void;
  setColumnFormat(row: number, col: number, rows: number, format: string): void;
  /** The number formats of a column's cells, in one call. */
  columnFormats?(row: number, col: number, rows: number): string[];
  /** Gives a column's cells a number format each, in one call. */
  setColumnFormats?(row: number, col: number, formats: string[]): void;
  /**
   * Readies a block before anything is written, so that a write never stops half-way: throws
   * WriteRefused when part of it may not be edited (a protection), and unmerges merged cells in
   * it (a value written under a merge is lost, and a merge across the header blocks freezing).
   */
  prepare(row: number, col: number, rows: number, cols: number): void;
  /** Bold header, frozen when it is the sheet's first row, and a note on its first cell. */
  styleHeader(row: number, col: number, cols: number, note: string): void;
  /** A cell's note ('' for none). */
  noteAt(row: number, col: number): string;
  /** Replaces a cell's note, nothing else of it. */
  setNote(row: number, col: number, note: string): void;
  /** The sheet's tab colour (#rrggbb) or null for none, and setting it. */
  tabColor?(): string | null;
  setTabColor?(color: string | null): void;
  /** The notes of a row's cells, in one call ('' for none). */
  rowNotes(row: number, col: number, cols: number): string[];
  /** The notes of a column's cells, in one call ('' for none). */
  columnNotes(row: number, col: number, rows: number): string[];
  /** Replaces the notes of a column's cells, in one call. */
  setColumnNotes(row: number, col: number, notes: string[]): void;
  /** Cell colours of a block (null = default), as two block calls: backgrounds, then font colours. */
  paint?(row: number, col: number, backgrounds: (string | null)[][], fontColors: (string | null)[][]): void;
  /**
   * Colours blocks by sign (below zero: short, above: over) with conditional format rules, replacing
   * the rules this writer set before inside `owner` and keeping every other rule of the sheet.
   */
  signColors?(owner: Block, blocks: Block[]): void;
  /** Shows the cells of column `col` that read `text` in red, with a conditional format rule. */
  flag?(col: number, text: string): void;
  /** Stretches that rule, where it still is, over rows added to the sheet since. */
  stretchFlag?(col: number, text: string): void;
  /** Inserts a line chart of `ranges`, or updates the one already drawn from the same first cell. */
  lineChart?(chart: LineChartSpec): void;
  /**
   * Narrow columns, frozen label columns and header rows, so a wide and long picture or table
   * reads with its labels in view (0 freezes nothing; 0 columns are left their width).
   */
  layoutPicture?(layout: {
    col: number;
    cols: number;
    width: number;
    freeze: number;
    freezeRows: number;
  }): void;
  /** Drops formats (colours, number formats) of a block. */
  clearFormats?(row: number, col: number, rows: number, cols: number): void;
}

export interface Block {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface LineChartSpec {
  title: string;
  xTitle: string;
  yTitle: string;
  /** The first range is the x axis; the chart is known again by its first cell. */
  ranges: Block[];
  anchorRow: number;
  anchorCol: number;
}

export const SHEETS_CELL_LIMIT = 10_000_000;
/** Sheets' Automatic number format: a count shows as a count, a date as a date. */
export const AUTOMATIC_FORMAT = 'General';
/** Cells per setValues call: much larger calls time out on real Sheets. */
export const MAX_CELLS_PER_WRITE = 50_000;

/** A cell that holds something: '' is Sheets' empty cell (null and undefined, a fake's or a gap's). */
export const filledCell = (v: unknown): boolean => v !== '' && v !== null && v !== undefined;
