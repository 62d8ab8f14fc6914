// rt.workbook: look at (and seed) the workbook from a test without running the script.

import { a1Notation, type GridRange, parseA1, resolveA1 } from './services/spreadsheet/a1.js';
import { displayValue, readValue, writeCell } from './services/spreadsheet/cells.js';
import type { ChartModel } from './services/spreadsheet/charts.js';
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR } from './services/spreadsheet/colors.js';
import type { ConditionalFormatModel } from './services/spreadsheet/conditional-format.js';
import { type DataSourceModel, dataSourceOf, settle } from './services/spreadsheet/data-source.js';
import { FILTER_EXISTS } from './services/spreadsheet/filter.js';
import type { Cell, Inherit, SheetKind, SheetModel, ValidationRule } from './services/spreadsheet/model.js';
import { DEFAULT_NUMBER_FORMAT } from './services/spreadsheet/number-format.js';
import { type CopiedBlock, copyBlock, pasteBlock, pasteCell } from './services/spreadsheet/paste.js';
import { outsideSheet, withinSheet } from './services/spreadsheet/selection.js';
import { type SortSpec, sortRows } from './services/spreadsheet/sort.js';
import { type Reach, record, redo, type Stepped, undo } from './services/spreadsheet/undo.js';
import { isValidTimeZone } from './time/timezone.js';
import type { World } from './world.js';

/** What a person's copy holds: the cells of a range of one sheet (by id, which survives a rename). */
export interface CopiedCells {
  sheetId: number;
  rows: number;
  cols: number;
  block: CopiedBlock;
}

export class WorkbookView {
  constructor(
    private readonly world: World,
    private readonly user: string,
    private readonly documentId: string,
  ) {}

  private get wb() {
    return this.world.document(this.documentId).workbook;
  }

  private sheet(name: string): SheetModel {
    const s = this.wb.sheetByName(name);
    if (!s) throw new Error(`No sheet named ${name}; sheets: ${this.sheetNames().join(', ')}`);
    return s;
  }

  /**
   * f over the sheet's data range (A1 to last row x last column with content), or a given extent;
   * `limit` keeps only the first rows (a view of a large sheet need not read all of it).
   */
  private grid<T>(
    name: string,
    f: (cell: Cell | undefined) => T,
    extent?: { rows: number; cols: number },
    limit = Number.POSITIVE_INFINITY,
  ): T[][] {
    const s = this.sheet(name);
    const rows = Math.min(limit, extent?.rows ?? s.lastRow());
    const cols = extent?.cols ?? s.lastColumn();
    const out: T[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: T[] = [];
      for (let c = 1; c <= cols; c++) line.push(f(s.get(r, c)));
      out.push(line);
    }
    return out;
  }

  get id(): string {
    return this.wb.id;
  }

  get name(): string {
    return this.wb.name;
  }

  get timeZone(): string {
    return this.wb.timeZone;
  }

  /** The sheet's id, as getSheetId() gives it. */
  sheetId(name: string): number {
    return this.sheet(name).id;
  }

  sheetNames(): string[] {
    return this.wb.sheets.map((s) => s.name);
  }

  /** What getValues() returns: numbers, strings, booleans, Dates, '' for empty. */
  values(sheet: string, limit?: number): unknown[][] {
    return this.grid(sheet, (c) => readValue(c, this.wb.timeZone, (ms) => new Date(ms)), undefined, limit);
  }

  displayValues(sheet: string, limit?: number): string[][] {
    return this.grid(sheet, displayValue, undefined, limit);
  }

  formulas(sheet: string, limit?: number): string[][] {
    return this.grid(sheet, (c) => c?.formula ?? '', undefined, limit);
  }

  notes(sheet: string, limit?: number): string[][] {
    return this.grid(sheet, (c) => c?.note ?? '', undefined, limit);
  }

  numberFormats(sheet: string, limit?: number): string[][] {
    return this.grid(sheet, (c) => c?.format ?? DEFAULT_NUMBER_FORMAT, undefined, limit);
  }

  fontWeights(sheet: string, limit?: number): string[][] {
    return this.grid(sheet, (c) => c?.fontWeight ?? 'normal', undefined, limit);
  }

  /** What getBackgrounds() / getFontColors() return over the data range. */
  backgrounds(sheet: string, limit?: number): string[][] {
    return this.grid(sheet, (c) => c?.background ?? DEFAULT_BACKGROUND, undefined, limit);
  }

  fontColors(sheet: string, limit?: number): string[][] {
    return this.grid(sheet, (c) => c?.fontColor ?? DEFAULT_FONT_COLOR, undefined, limit);
  }

  /** The sheet's conditional format rules and embedded charts, as the model keeps them. */
  conditionalFormats(sheet: string): ConditionalFormatModel[] {
    return this.sheet(sheet).conditionalFormats;
  }

  charts(sheet: string): ChartModel[] {
    return this.sheet(sheet).charts;
  }

  frozenColumns(sheet: string): number {
    return this.sheet(sheet).frozenColumns;
  }

  /** Widths in pixels of the columns given one (setColumnWidth), by 1-based column. */
  columnWidths(sheet: string): Record<number, number> {
    return Object.fromEntries(this.sheet(sheet).columnWidths);
  }

  /**
   * The rules from A1 to the last cell with content or a rule: rules reach past the data (a push
   * template's dropdowns cover 1,000 empty rows).
   */
  dataValidations(sheet: string, limit?: number): (ValidationRule | null)[][] {
    const s = this.sheet(sheet);
    const extent = { rows: s.lastRow(), cols: s.lastColumn() };
    s.rows.slice(0, limit).forEach((line, r) => {
      line?.forEach((cell, c) => {
        if (!cell?.validation) return;
        extent.rows = Math.max(extent.rows, r + 1);
        extent.cols = Math.max(extent.cols, c + 1);
      });
    });
    return this.grid(sheet, (c) => (c?.validation ? structuredClone(c.validation) : null), extent, limit);
  }

  frozenRows(sheet: string): number {
    return this.sheet(sheet).frozenRows;
  }

  isHidden(sheet: string): boolean {
    return this.sheet(sheet).hidden;
  }

  /** The sheet's tab colour (#rrggbb), or null for none. */
  tabColor(sheet: string): string | null {
    return this.sheet(sheet).tabColor;
  }

  setTabColor(sheet: string, color: string | null): void {
    this.sheet(sheet).tabColor = color;
  }

  size(sheet: string): { lastRow: number; lastColumn: number; maxRows: number; maxColumns: number } {
    const s = this.sheet(sheet);
    return { lastRow: s.lastRow(), lastColumn: s.lastColumn(), maxRows: s.maxRows, maxColumns: s.maxColumns };
  }

  addSheet(name: string): void {
    this.wb.addSheet(name);
  }

  /** A chart moved to its own sheet (Sheets' chart menu, "Move to own sheet"): no cells. */
  addChartSheet(name: string): void {
    this.addSheetOfKind(name, 'OBJECT');
  }

  /**
   * A Connected Sheets data-source sheet (Data > Data connectors): no cells a script may write.
   * With a table, this user connects it to that BigQuery table and its first execution starts.
   */
  addDataSourceSheet(name: string, table?: { projectId: string; datasetId: string; tableId: string }): void {
    this.addSheetOfKind(name, 'DATASOURCE');
    const sheet = this.sheet(name);
    if (table) {
      const model = dataSourceOf(sheet);
      model.spec = { ...table, tableProjectId: table.projectId, rawQuery: '' };
      Object.assign(model, {
        state: 'RUNNING',
        doneAt: this.world.clock.now() + this.world.dataExecutionMs,
        runBy: this.user,
      });
    }
  }

  /**
   * A data source sheet's Connected Sheets state: its BigQuery spec, execution state, who ran it
   * and the preview rows (timestamps as epoch ms). Null for other sheets.
   */
  dataSource(sheet: string): DataSourceModel | null {
    const s = this.sheet(sheet);
    if (s.kind !== 'DATASOURCE') return null;
    const model = dataSourceOf(s);
    settle({ world: this.world }, model);
    return structuredClone(model);
  }

  private addSheetOfKind(name: string, kind: SheetKind): void {
    this.wb.addSheet(name).kind = kind;
  }

  get locale(): string {
    return this.wb.locale;
  }

  /** File > Settings > Locale. */
  setLocale(locale: string): void {
    this.wb.locale = locale;
  }

  /**
   * File > Settings > Time zone. Cells keep their serial numbers, so a date shows the same day and
   * time as before, as in Sheets; what scripts read from it is an instant in the new zone.
   */
  setTimeZone(timeZone: string): void {
    if (!isValidTimeZone(timeZone)) throw new Error(`Invalid argument: ${timeZone}`);
    this.wb.timeZone = timeZone;
  }

  private gridOf(a1: string): { sheet: SheetModel; grid: GridRange } {
    const parts = parseA1(a1);
    const sheet = parts?.sheetName ? this.wb.sheetByName(parts.sheetName) : undefined;
    if (!parts || !sheet) throw new Error(`Give a range with its sheet, e.g. 'Sheet1!A1:B2': ${a1}`);
    return { sheet, grid: resolveA1(parts, sheet.maxRows, sheet.maxColumns) };
  }

  /** The user merges cells (Format > Merge cells), e.g. merge('People!A1:A2'). */
  merge(a1: string): void {
    const { sheet, grid } = this.gridOf(a1);
    sheet.merges.push(grid);
  }

  /**
   * The user inserts a note on each cell of a range (Insert > Note), e.g. note('Sheet1!C1', 'why'),
   * or deletes it: a note whose text is cleared is gone, as in Sheets.
   */
  note(a1: string, text: string): void {
    const { sheet, grid } = this.gridOf(a1);
    for (let r = grid.row; r < grid.row + grid.numRows; r++)
      for (let c = grid.col; c < grid.col + grid.numCols; c++) {
        const cell = text ? sheet.ensure(r, c) : sheet.get(r, c);
        if (cell) cell.note = text || undefined;
      }
  }

  /**
   * The user gives a range a number format (Format > Number > Custom), e.g. numberFormat('Data!B2:C9',
   * 'yyyy-mm-dd'), or '@' (Plain text), or null (Automatic: none). The cells' values stay as they are.
   */
  numberFormat(a1: string, format: string | null): void {
    const { sheet, grid } = this.gridOf(a1);
    for (let r = grid.row; r < grid.row + grid.numRows; r++)
      for (let c = grid.col; c < grid.col + grid.numCols; c++) {
        const cell = format === null ? sheet.get(r, c) : sheet.ensure(r, c);
        if (cell) cell.format = format ?? undefined;
      }
  }

  /** The user freezes rows and columns (View > Freeze). */
  freeze(sheet: string, frozen: { rows?: number; columns?: number }): void {
    const s = this.sheet(sheet);
    s.frozenRows = frozen.rows ?? s.frozenRows;
    s.frozenColumns = frozen.columns ?? s.frozenColumns;
  }

  /** The user drags a column's edge to make it this many pixels wide. */
  resizeColumn(sheet: string, column: number, pixels: number): void {
    this.sheet(sheet).columnWidths.set(column, pixels);
  }

  /** The sheet's merged ranges in A1 notation. */
  merges(sheet: string): string[] {
    return this.sheet(sheet).merges.map(a1Notation);
  }

  /**
   * The owner protects a range ('People!A1:C10') or a whole sheet ('People') so that only the
   * given editors (and the owner) may edit it; warningOnly only asks people to confirm.
   */
  protect(
    target: string,
    options: { editors?: string[]; warningOnly?: boolean; unprotected?: string[] } = {},
  ): void {
    const whole = !target.includes('!');
    const { sheet, grid } = whole
      ? {
          sheet: this.sheet(target),
          grid: {
            row: 1,
            col: 1,
            numRows: this.sheet(target).maxRows,
            numCols: this.sheet(target).maxColumns,
          },
        }
      : this.gridOf(target);
    this.wb.protections.push({
      type: whole ? 'SHEET' : 'RANGE',
      sheet,
      grid,
      description: '',
      warningOnly: options.warningOnly ?? false,
      editors: new Set([this.wb.owner, ...(options.editors ?? [])]),
      unprotected: (options.unprotected ?? []).map((a1) => this.gridOf(a1).grid),
    });
  }

  /**
   * The user inserts rows above row `before` (right-click > Insert rows above), or deletes rows
   * from `start`: merges, protections, developer metadata, the frozen rows and every formula's
   * references move with the rows as in Sheets. The rows inserted take the formatting (number
   * formats, bold, colours, data validation) of the row after them (`inherit`, model.ts), as Insert
   * row above gives them; 'before' for those of the row before, as Insert row below does.
   */
  insertRows(sheet: string, before: number, count = 1, inherit: Inherit = 'after'): void {
    this.sheet(sheet).insertRows(before, count, inherit);
  }

  deleteRows(sheet: string, start: number, count = 1): void {
    this.sheet(sheet).deleteRows(start, count);
  }

  /**
   * The same for columns: inserted left of column `before` (formatted as the one right of them,
   * or with 'before' the one left), or deleted from `start`.
   */
  insertColumns(sheet: string, before: number, count = 1, inherit: Inherit = 'after'): void {
    this.sheet(sheet).insertColumns(before, count, inherit);
  }

  deleteColumns(sheet: string, start: number, count = 1): void {
    this.sheet(sheet).deleteColumns(start, count);
  }

  /**
   * The user's Data ▸ Create a filter over a range ('Sheet1!A1:J20'): a sheet has one at most
   * (filter.ts). Which rows it hides is not simulated.
   */
  createFilter(range: string): void {
    const { sheet, grid } = this.gridOf(range);
    if (sheet.filter) throw new Error(FILTER_EXISTS);
    if (grid.row + grid.numRows - 1 > sheet.maxRows || grid.col + grid.numCols - 1 > sheet.maxColumns)
      throw new Error(outsideSheet(range, sheet.name, sheet.maxRows, sheet.maxColumns));
    sheet.filter = grid;
  }

  /** The user's Data ▸ Remove filter; a sheet without one is refused, as the menu has no such item. */
  removeFilter(sheet: string): void {
    const s = this.sheet(sheet);
    if (!s.filter) throw new Error(`"${sheet}" has no filter.`);
    s.filter = null;
  }

  /** The range of the sheet's filter ('A1:J20'), or null for none. */
  filter(sheet: string): string | null {
    const { filter } = this.sheet(sheet);
    return filter ? a1Notation(filter) : null;
  }

  /**
   * The user's Data ▸ Sort range over a range ('Sheet1!A2:C9') by its columns (1-based in the
   * sheet, as Range.sort takes them), sorted as a script's Range.sort sorts (sort.ts).
   */
  sortRange(range: string, specs: SortSpec[]): void {
    const { sheet, grid } = this.gridOf(range);
    if (grid.row + grid.numRows - 1 > sheet.maxRows || grid.col + grid.numCols - 1 > sheet.maxColumns)
      throw new Error(outsideSheet(range, sheet.name, sheet.maxRows, sheet.maxColumns));
    sortRows(sheet, grid, specs);
  }

  /** The user hides a sheet from its tab. */
  hideSheet(name: string): void {
    this.sheet(name).hidden = true;
  }

  /**
   * The user deletes a sheet from its tab: their edit, which their Undo takes back (undo.ts), as in
   * Sheets, where Edit ▸ Undo brings a deleted sheet back.
   */
  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    record(this.history, this.wb, sheet, () => this.wb.dropSheet(sheet));
  }

  /** The user renames a sheet from its tab (its id stays). */
  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    // Sheets tells names apart whatever their case: "people" is taken by "People".
    const taken = this.wb.sheetByNameAnyCase(to);
    if (taken && taken !== sheet)
      throw new Error(`A sheet with the name "${to}" already exists. Please enter another name.`);
    this.wb.renameSheet(sheet, to);
  }

  /** The user renames the spreadsheet (any editor may). */
  renameSpreadsheet(name: string): void {
    this.wb.name = name;
  }

  /** Types values in as a user would (same conversions as setValues), creating the sheet if needed. */
  write(sheet: string, values: unknown[][], at: { row?: number; column?: number } = {}): void {
    const s = this.wb.sheetByName(sheet) ?? this.wb.addSheet(sheet);
    const row = at.row ?? 1;
    const col = at.column ?? 1;
    s.growTo(row + values.length - 1, col + Math.max(0, ...values.map((r) => r.length)) - 1);
    values.forEach((line, r) => {
      line.forEach((v, c) => {
        writeCell(s, row + r, col + c, v, this.wb.timeZone);
      });
    });
  }

  /**
   * The user's Ctrl+C or Ctrl+X of a range ('Sheet1!A2:F2'): its cells as they are now, which a
   * paste lays down whatever changes meanwhile.
   */
  copy(range: string): CopiedCells {
    const { sheet, grid } = this.gridOf(range);
    if (grid.row + grid.numRows - 1 > sheet.maxRows || grid.col + grid.numCols - 1 > sheet.maxColumns)
      throw new Error(outsideSheet(range, sheet.name, sheet.maxRows, sheet.maxColumns));
    return { sheetId: sheet.id, rows: grid.numRows, cols: grid.numCols, block: copyBlock(sheet, grid) };
  }

  /**
   * The user's Ctrl+V, at the range selected ('Sheet1!B5' or 'Sheet1!B5:D9'), of cells copied in this
   * spreadsheet, as Sheets pastes them (paste.ts): values, formulas (references moved), formats,
   * notes and data validation. One cell copied fills the range selected; a block lands from its
   * top-left cell, growing the sheet past its edge as typing does. `cut`: the cells leave where they
   * were, at the paste as in Sheets, their formulas as they are. Gives what the clipboard then
   * holds: a cut's cells where they landed. `what` 'values': Ctrl+Shift+V, values only (paste.ts).
   */
  paste(copied: CopiedCells, target: string, cut = false, what: 'all' | 'values' = 'all'): CopiedCells {
    const { sheet, grid } = this.gridOf(target);
    const one = copied.rows === 1 && copied.cols === 1;
    const rows = one ? grid.numRows : copied.rows;
    const cols = one ? grid.numCols : copied.cols;
    sheet.growTo(grid.row + rows - 1, grid.col + cols - 1);
    const from = this.wb.sheetById(copied.sheetId);
    if (cut && from)
      for (let r = 0; r < copied.rows; r++) {
        const line = from.rows[copied.block.row + r - 1];
        if (line) line.fill(undefined, copied.block.col - 1, copied.block.col - 1 + copied.cols);
      }
    if (one)
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++)
          pasteCell(
            sheet,
            grid.row + r,
            grid.col + c,
            copied.block.cells[0]?.[0],
            what,
            cut ? undefined : copied.block,
          );
    else pasteBlock(sheet, grid.row, grid.col, copied.block, what, cut);
    if (!cut) return copied;
    const landed = { row: grid.row, col: grid.col, numRows: rows, numCols: cols };
    return { sheetId: sheet.id, rows, cols, block: copyBlock(sheet, landed) };
  }

  /**
   * The user makes `change` as their own edit on `sheet` (typing, a paste, a sort…), kept for their
   * Edit ▸ Undo (undo.ts); `reach`: the ranges ('Sheet1!A2:C9') it may change cells in, and the
   * cells a cut takes away, if known (else every cell is looked at). The other methods here change
   * the workbook without it, as a script does.
   */
  edit(sheet: string, change: () => void, reach?: (string | CopiedCells)[]): void {
    const grids = reach?.map((r) => this.reachOf(r));
    // A range it cannot read (the change refuses it): every cell is looked at.
    const known = grids?.every((g): g is Reach => g !== undefined);
    record(this.history, this.wb, this.sheet(sheet), change, known ? grids : undefined);
  }

  private reachOf(r: string | CopiedCells): Reach | undefined {
    if (typeof r !== 'string') {
      const sheet = this.wb.sheetById(r.sheetId);
      const { row, col } = r.block;
      return sheet && { sheet, grid: { row, col, numRows: r.rows, numCols: r.cols } };
    }
    const parts = parseA1(r);
    const sheet = parts?.sheetName ? this.wb.sheetByName(parts.sheetName) : undefined;
    if (!parts || !sheet) return undefined;
    return { sheet, grid: resolveA1(parts, sheet.maxRows, sheet.maxColumns) };
  }

  /** The user's Edit ▸ Undo: their last edit taken back, unless its cells were changed since. */
  undo(): Stepped {
    return undo(this.history, this.wb);
  }

  /** The user's Edit ▸ Redo: the edit they last undid, made again. */
  redo(): Stepped {
    return redo(this.history, this.wb);
  }

  /** How many edits the user's Undo and Redo can take back and bring back. */
  steps(): { undo: number; redo: number } {
    return { undo: this.history.done.length, redo: this.history.undone.length };
  }

  private get history() {
    return this.world.user(this.user, this.documentId).history;
  }

  /** The sheet the user has open, as SpreadsheetApp.getActiveSheet() would pick it. */
  activeSheet(): string {
    const id = this.world.user(this.user, this.documentId).activeSheetId;
    const s = this.wb.sheetById(id) ?? this.wb.sheets.find((x) => !x.hidden) ?? this.wb.sheets[0];
    return s?.name ?? '';
  }

  /** The user's selection as the script sees it ('Sheet1!C5'), on the sheet as it is now; '' before any. */
  selection(): string {
    const range = this.world.user(this.user, this.documentId).activeRange;
    const s = this.wb.sheetByName(this.activeSheet());
    if (!range || !s) return '';
    return `${s.name}!${a1Notation(withinSheet(range, s.maxRows, s.maxColumns))}`;
  }

  /**
   * Sets the user's active sheet and selection, e.g. select('Sheet1!B2:C5'). A person selects only
   * cells the sheet has: a range past its last row or column is refused, the selection left as it was.
   */
  select(a1Notation: string): void {
    this.setSelection(a1Notation, false);
  }

  /**
   * The user comes back to a sheet (clicks its tab) and finds the selection they left on it, e.g.
   * returnTo('Sheet1!I1'): rows or columns deleted since under it took it to the sheet's edge.
   */
  returnTo(a1Notation: string): void {
    this.setSelection(a1Notation, true);
  }

  private setSelection(a1Notation: string, toEdge: boolean): void {
    const parts = parseA1(a1Notation);
    const s = parts?.sheetName ? this.wb.sheetByName(parts.sheetName) : this.wb.sheets[0];
    if (!parts || !s) throw new Error(`Range not found: ${a1Notation}`);
    const range = resolveA1(parts, s.maxRows, s.maxColumns);
    const outside = range.row + range.numRows - 1 > s.maxRows || range.col + range.numCols - 1 > s.maxColumns;
    if (outside && !toEdge) throw new Error(outsideSheet(a1Notation, s.name, s.maxRows, s.maxColumns));
    const state = this.world.user(this.user, this.documentId);
    state.activeSheetId = s.id;
    state.activeRange = withinSheet(range, s.maxRows, s.maxColumns);
  }
}
