// The in-memory workbook that outlives executions: sheets of sparse cells.

import type { GridRange } from './a1.js';
import type { ChartModel } from './charts.js';
import type { ConditionalFormatModel } from './conditional-format.js';
import type { DataSourceModel } from './data-source.js';
import type { CellValue } from './interpret.js';
import {
  mapReferences,
  movedReference,
  referenceBreaker,
  referenceRenamer,
  type SpanMove,
  sameSheetName,
} from './references.js';

export interface ValidationRule {
  criteria: 'VALUE_IN_LIST' | 'DATE_IS_VALID_DATE' | 'CHECKBOX';
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface Cell {
  /** '' when the cell has no content. Dates are serial numbers under a date format, as in Sheets. */
  value: CellValue;
  formula?: string;
  note?: string;
  format?: string;
  fontWeight?: string;
  background?: string;
  fontColor?: string;
  validation?: ValidationRule;
}

/** SpreadsheetApp.SheetType: a grid, a chart on its own sheet, or a Connected Sheets data source. */
export type SheetKind = 'GRID' | 'OBJECT' | 'DATASOURCE';

/** A protected range, or a protected sheet (whose grid is the whole sheet, minus `unprotected`). */
export interface ProtectionModel {
  type: 'RANGE' | 'SHEET';
  sheet: SheetModel;
  grid: GridRange;
  description: string;
  warningOnly: boolean;
  /** null until a script changes the list: the protection mirrors the spreadsheet's editors. */
  editors: Set<string> | null;
  unprotected: GridRange[];
}

/**
 * Where developer metadata sits: the spreadsheet, a sheet, or a span of whole rows or columns of a
 * sheet (`start` 1-based), which grows, shrinks and moves with the rows or columns (developer-metadata.ts).
 */
export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: SheetModel }
  | { type: 'ROW' | 'COLUMN'; sheet: SheetModel; start: number; count: number };

export interface DeveloperMetadataModel {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

export const MAX_CELLS = 10_000_000;

const lastOf = (start: number, count: number) => start + count - 1;

export function intersects(a: GridRange, b: GridRange): boolean {
  return (
    a.row <= lastOf(b.row, b.numRows) &&
    b.row <= lastOf(a.row, a.numRows) &&
    a.col <= lastOf(b.col, b.numCols) &&
    b.col <= lastOf(a.col, a.numCols)
  );
}

export function contains(outer: GridRange, inner: GridRange): boolean {
  return (
    outer.row <= inner.row &&
    outer.col <= inner.col &&
    lastOf(inner.row, inner.numRows) <= lastOf(outer.row, outer.numRows) &&
    lastOf(inner.col, inner.numCols) <= lastOf(outer.col, outer.numCols)
  );
}

/**
 * A span [start, start+count) after inserting (count > 0) or deleting (count < 0) lines at `at`.
 * Lines inserted at either edge (before its first line, or right after its last) lie outside it.
 */
function shiftSpan(start: number, size: number, at: number, count: number): [number, number] | null {
  const end = start + size; // exclusive
  if (count > 0) {
    if (at <= start) return [start + count, size];
    if (at < end) return [start, size + count];
    return [start, size];
  }
  const delEnd = at - count; // exclusive
  const keepBefore = Math.max(0, Math.min(end, at) - start);
  const keepAfter = Math.max(0, end - Math.max(start, delEnd));
  if (keepBefore + keepAfter === 0) return null;
  return [start < at ? start : Math.max(at, start + count), keepBefore + keepAfter];
}

/**
 * Frozen rows (or columns) after lines inserted or deleted at `at`: lines inserted above the last
 * frozen one are frozen too, those inserted just below it are not (the stricter reading: Sheets'
 * own rule there is not documented), and deleted frozen lines leave the count.
 */
function frozenAfter(frozen: number, at: number, count: number): number {
  if (count > 0) return at <= frozen ? frozen + count : frozen;
  return frozen - Math.max(0, Math.min(frozen, at - count - 1) - at + 1);
}

/** Moves merges and protected ranges with the rows or columns inserted or deleted around them. */
function shiftRanges(ranges: GridRange[], axis: 'row' | 'col', at: number, count: number): GridRange[] {
  const sizeKey = axis === 'row' ? 'numRows' : 'numCols';
  const out: GridRange[] = [];
  for (const g of ranges) {
    const span = shiftSpan(g[axis], g[sizeKey], at, count);
    if (span) out.push({ ...g, [axis]: span[0], [sizeKey]: span[1] });
  }
  return out;
}
const hasContent = (c: Cell | undefined) => c !== undefined && (c.value !== '' || c.formula !== undefined);

/**
 * Which neighbours rows (or columns) inserted take their formatting from: those before them or
 * after them, as the Sheets API's InsertDimensionRequest.inheritFromBefore puts it ("if row index 0
 * has red background and row index 1 has a green background, then inserting 2 rows at index 1 can
 * inherit either"). insertRowsAfter(n) inherits from row n, insertRowsBefore(n) from row n (now
 * below them); a person's Insert row above / below likewise. Formatting here is what Sheets formats
 * a cell with: number format, bold, colours and data validation (a checkbox column stays one), not
 * its value, formula or note.
 */
export type Inherit = 'before' | 'after';

const formatted = (c: Cell | undefined): c is Cell =>
  c !== undefined &&
  (c.format !== undefined ||
    c.fontWeight !== undefined ||
    c.background !== undefined ||
    c.fontColor !== undefined ||
    c.validation !== undefined);

function formatLike(cell: Cell, like: Cell): void {
  cell.format = like.format;
  cell.fontWeight = like.fontWeight;
  cell.background = like.background;
  cell.fontColor = like.fontColor;
  cell.validation = like.validation ? structuredClone(like.validation) : undefined;
}

export class SheetModel {
  hidden = false;
  /** The tab's colour as Sheets gives it back (#rrggbb), or null for none. */
  tabColor: string | null = null;
  kind: SheetKind = 'GRID';
  /** Merged blocks, none overlapping another. */
  merges: GridRange[] = [];
  /** The sheet's filter's range (Data ▸ Create a filter; filter.ts), or null for none. */
  filter: GridRange | null = null;
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  /** In the order set; see conditional-format.ts. */
  conditionalFormats: ConditionalFormatModel[] = [];
  /** Embedded charts, in insertion order; see charts.ts. */
  charts: ChartModel[] = [];
  /** A DATASOURCE sheet's Connected Sheets data source and preview; see data-source.ts. */
  dataSource?: DataSourceModel;
  /** rows[r - 1][c - 1]; both levels sparse. */
  rows: (Cell | undefined)[][] = [];

  constructor(
    readonly workbook: WorkbookModel,
    /** Its own while in the workbook; a new one when a person's Undo puts it back (restoreSheet). */
    public id: number,
    public name: string,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  get(row: number, col: number): Cell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  ensure(row: number, col: number): Cell {
    let r = this.rows[row - 1];
    if (!r) {
      r = [];
      this.rows[row - 1] = r;
    }
    let cell = r[col - 1];
    if (!cell) {
      cell = { value: '' };
      r[col - 1] = cell;
    }
    return cell;
  }

  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) if (this.rows[r - 1]?.some(hasContent)) return r;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        if (hasContent(row[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /**
   * Inserts rows before row `before`; they take the formatting of the row before them or after
   * them (`inherit`, see formatLike).
   */
  insertRows(before: number, count: number, inherit: Inherit): void {
    this.workbook.assertGrowth(count * this.maxColumns);
    if (this.rows.length >= before) this.rows.splice(before - 1, 0, ...new Array<Cell[]>(count));
    this.maxRows += count;
    this.shift('row', before, count);
    const from = inherit === 'before' ? before - 1 : before + count;
    const like = from >= 1 && from <= this.maxRows ? this.rows[from - 1] : undefined;
    like?.forEach((cell, c) => {
      if (!formatted(cell)) return;
      for (let r = before; r < before + count; r++) formatLike(this.ensure(r, c + 1), cell);
    });
  }

  deleteRows(start: number, count: number): void {
    this.rows.splice(start - 1, count);
    this.maxRows -= count;
    this.shift('row', start, -count);
  }

  /** Inserts columns before column `before`, formatted as the one before or after them (insertRows). */
  insertColumns(before: number, count: number, inherit: Inherit): void {
    this.workbook.assertGrowth(count * this.maxRows);
    for (const row of this.rows)
      if (row && row.length >= before) row.splice(before - 1, 0, ...new Array<Cell>(count));
    this.maxColumns += count;
    this.shift('col', before, count);
    const from = inherit === 'before' ? before - 1 : before + count;
    if (from < 1 || from > this.maxColumns) return;
    this.rows.forEach((line, r) => {
      const cell = line?.[from - 1];
      if (!formatted(cell)) return;
      for (let c = before; c < before + count; c++) formatLike(this.ensure(r + 1, c), cell);
    });
  }

  deleteColumns(start: number, count: number): void {
    for (const row of this.rows) row?.splice(start - 1, count);
    this.maxColumns -= count;
    this.shift('col', start, -count);
  }

  private shift(axis: 'row' | 'col', at: number, count: number): void {
    this.merges = shiftRanges(this.merges, axis, at, count).filter((m) => m.numRows * m.numCols > 1);
    if (this.filter) {
      // In place: a Filter a script holds goes on naming it. Its lines all deleted, it goes.
      const [moved] = shiftRanges([this.filter], axis, at, count);
      if (moved) Object.assign(this.filter, moved);
      else this.filter = null;
    }
    if (axis === 'row') this.frozenRows = frozenAfter(this.frozenRows, at, count);
    else this.frozenColumns = frozenAfter(this.frozenColumns, at, count);
    const wb = this.workbook;
    const lines = (axis === 'row' ? this.maxRows : this.maxColumns) - count; // before the change
    // Lines added below the last one move no cell any formula can name.
    if (count < 0 || at <= lines)
      wb.moveReferences(this, axis, (start, size) => shiftSpan(start, size, at, count), lines);
    const type = axis === 'row' ? 'ROW' : 'COLUMN';
    wb.developerMetadata = wb.developerMetadata.filter(({ location: l }) => {
      if (l.type !== type || l.sheet !== this) return true;
      // Its rows (or columns) all deleted, the metadata goes with them.
      const span = shiftSpan(l.start, l.count, at, count);
      if (span) [l.start, l.count] = span;
      return span !== null;
    });
    wb.protections = wb.protections.filter((p) => {
      if (p.sheet !== this) return true;
      p.unprotected = shiftRanges(p.unprotected, axis, at, count);
      if (p.type === 'SHEET') return true;
      const [grid] = shiftRanges([p.grid], axis, at, count);
      if (grid) p.grid = grid;
      return grid !== undefined;
    });
  }

  /** Grows the grid so that (rows x cols) fits, as appendRow does. */
  growTo(rows: number, cols: number): void {
    const extraRows = Math.max(0, rows - this.maxRows);
    const extraCols = Math.max(0, cols - this.maxColumns);
    this.workbook.assertGrowth(extraRows * Math.max(cols, this.maxColumns) + extraCols * this.maxRows);
    this.maxRows += extraRows;
    this.maxColumns += extraCols;
  }
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  /** Sheets types what is typed (dates, decimals, TRUE/FALSE) by this locale. */
  locale = 'en_US';
  /** The world's clock: a month and day typed with no year fall in its year (interpret.ts). */
  now: () => number = () => Date.now();
  /** The spreadsheet's owner, who may always edit protected ranges and sheets. */
  owner = '';
  protections: ProtectionModel[] = [];
  /** Every sheet's and the spreadsheet's own, in the order added. */
  developerMetadata: DeveloperMetadataModel[] = [];
  private nextSheetId = 0;
  private nextMetadataId = 0;

  constructor(
    readonly id: string,
    public name: string,
    public timeZone: string,
  ) {}

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  assertGrowth(extraCells: number): void {
    if (this.totalCells() + extraCells > MAX_CELLS) {
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
      );
    }
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /**
   * Renames a sheet as Sheets does: every formula that refers to it, in any sheet, is rewritten to
   * the new name, so it goes on pointing at the same cells (and not at a new sheet of the old name).
   */
  renameSheet(sheet: SheetModel, to: string): void {
    const renamed = referenceRenamer(sheet.name, to);
    for (const other of this.sheets)
      for (const row of other.rows)
        for (const cell of row ?? []) if (cell?.formula) cell.formula = renamed(cell.formula);
    sheet.name = to;
  }

  /**
   * Rewrites every formula that refers to `sheet`, in any sheet, after its rows or columns moved, as
   * Sheets does, so that it goes on pointing at the same cells (references.ts).
   */
  moveReferences(sheet: SheetModel, axis: 'row' | 'col', move: SpanMove, lines: number): void {
    for (const host of this.sheets) {
      const refersTo = (name: string | undefined) =>
        name === undefined ? host === sheet : sameSheetName(name, sheet.name);
      for (const row of host.rows)
        row?.forEach((cell) => {
          if (cell?.formula)
            cell.formula = mapReferences(cell.formula, (ref) =>
              refersTo(ref.sheet) ? movedReference(ref, axis, move, lines) : undefined,
            );
        });
    }
  }

  /** Ids are the spreadsheet's own and never given twice; Sheets' look random, these need not. */
  metadataId(): number {
    return 1_000_000 + ++this.nextMetadataId * 7;
  }

  /**
   * A sheet deleted takes its protections and developer metadata with it, and every formula's
   * reference to it becomes #REF!, as in Sheets: a sheet made again under the old name is not
   * picked up (so a sheet swapped by deletion breaks the formulas that read it).
   */
  dropSheet(sheet: SheetModel): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    const broken = referenceBreaker(sheet.name);
    for (const other of this.sheets)
      for (const row of other.rows)
        for (const cell of row ?? []) if (cell?.formula) cell.formula = broken(cell.formula);
    this.protections = this.protections.filter((p) => p.sheet !== sheet);
    this.developerMetadata = this.developerMetadata.filter(
      (m) => m.location.type === 'SPREADSHEET' || m.location.sheet !== sheet,
    );
  }

  /**
   * A sheet deleted put back at `at` (a person's Undo of its delete, undo.ts) with everything the
   * delete left in it, and `protections` as they were, under its name and a new id: whether Sheets
   * gives it its old id back is not documented, so the stricter reading. Its developer metadata
   * stays gone, as dropSheet took it (the stricter reading too).
   */
  restoreSheet(sheet: SheetModel, at: number, protections: ProtectionModel[]): void {
    if (this.sheetByNameAnyCase(sheet.name))
      throw new Error(`A sheet with the name "${sheet.name}" already exists. Please enter another name.`);
    this.assertGrowth(sheet.maxRows * sheet.maxColumns);
    sheet.id = this.newSheetId();
    this.sheets.splice(Math.min(at, this.sheets.length), 0, sheet);
    this.protections.push(...protections);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** The sheet whose name is this one's whatever the case: the one a new name would clash with. */
  sheetByNameAnyCase(name: string): SheetModel | undefined {
    return this.sheets.find((s) => sameSheetName(s.name, name));
  }

  addSheet(name?: string, index?: number, rows = 1000, cols = 26): SheetModel {
    const finalName = name ?? this.freeName();
    if (this.sheetByNameAnyCase(finalName)) {
      throw new Error(`A sheet with the name "${finalName}" already exists. Please enter another name.`);
    }
    this.assertGrowth(rows * cols);
    const sheet = new SheetModel(this, this.newSheetId(), finalName, rows, cols);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  /** The first sheet of a new spreadsheet has gid 0; later ones get large ids, never one twice. */
  private newSheetId(): number {
    const n = this.nextSheetId++;
    return n === 0 ? 0 : 1_000_000_000 + n * 7919;
  }

  private freeName(): string {
    for (let n = this.sheets.length + 1; ; n++) if (!this.sheetByNameAnyCase(`Sheet${n}`)) return `Sheet${n}`;
  }
}
