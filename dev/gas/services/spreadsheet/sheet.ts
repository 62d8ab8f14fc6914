// Sheet: ranges by coordinates or A1, the grid's size, rows in and out, freezing, visibility.

import { COSTS, cellCost } from '../../costs.js';
import type { Env } from '../env.js';
import { parseA1, resolveA1 } from './a1.js';
import { writeCell } from './cells.js';
import {
  type ChartModel,
  checkNewChart,
  copyChart,
  EmbeddedChart,
  EmbeddedChartBuilder,
  indexOfChart,
  newChartModel,
} from './charts.js';
import { normaliseColor } from './colors.js';
import { ConditionalFormatRule, checkRulesFor } from './conditional-format.js';
import { type DataSourceSheet, dataSourceSheetOf } from './data-source.js';
import {
  addMetadata,
  type DeveloperMetadata,
  DeveloperMetadataFinder,
  metadataAt,
} from './developer-metadata.js';
import { type Filter, filterOf } from './filter.js';
import { checkCellText } from './limits.js';
import type { SheetModel } from './model.js';
import { assertEditable, assertSheetEditable, newProtection, Protection } from './protection.js';
import { Range } from './range.js';
import { Spreadsheet } from './spreadsheet.js';

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

export class Sheet {
  constructor(
    private readonly env: Env,
    readonly model: SheetModel,
  ) {}

  private info<T>(body: () => T): T {
    return this.env.exec.call('spreadsheet', 0, body);
  }

  /** Chart and data-source sheets have no cells: grid calls on them fail. */
  private assertGrid(): void {
    if (this.model.kind !== 'GRID')
      throw new Error(`The action is not supported for ${this.model.kind} sheet.`);
  }

  private gridInfo<T>(body: () => T): T {
    return this.info(() => {
      this.assertGrid();
      return body();
    });
  }

  /** Inserting or deleting rows is charged as one call: no cell is written. */
  private write<T>(cells: number, body: () => T): T {
    return this.env.exec.call(
      'spreadsheet',
      cellCost(COSTS.sheetWriteMs, COSTS.sheetWritePerCellMs, cells),
      () => {
        this.assertGrid();
        const c = this.env.world.counters.spreadsheet;
        c.writes++;
        c.cellsWritten += cells;
        return body();
      },
    );
  }

  /** Inserting rows or columns: counted, so that a writer growing a sheet block by block shows. */
  private grow(body: () => void): Sheet {
    return this.write(0, () => {
      this.env.world.counters.spreadsheet.gridGrowths++;
      body();
      return this;
    });
  }

  /** A range checked against the grid, without charging a call (callers already did). */
  rangeAt(row: number, col: number, numRows: number, numCols: number, whole?: Range['whole']): Range {
    this.assertGrid();
    for (const [v, what] of [
      [row, 'row'],
      [col, 'column'],
      [numRows, 'rows'],
      [numCols, 'columns'],
    ] as const) {
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`Invalid argument: ${what}`);
    }
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (col < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.model.maxRows || col + numCols - 1 > this.model.maxColumns)
      throw new Error(OUTSIDE);
    return new Range(this.env, this.model, { row, col, numRows, numCols }, whole);
  }

  /** Resolves A1 notation against this sheet (a sheet name in it must be this sheet's). */
  rangeByA1(notation: string): Range {
    const parts = parseA1(String(notation));
    if (!parts || (parts.sheetName !== undefined && parts.sheetName !== this.model.name)) {
      throw new Error('Range not found');
    }
    const g = resolveA1(parts, this.model.maxRows, this.model.maxColumns);
    const noCols = parts.startCol === undefined && parts.endCol === undefined;
    const noRows = parts.startRow === undefined && parts.endRow === undefined;
    return this.rangeAt(g.row, g.col, g.numRows, g.numCols, noCols ? 'rows' : noRows ? 'columns' : undefined);
  }

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    return this.info(() => {
      if (typeof rowOrA1 === 'string') return this.rangeByA1(rowOrA1);
      return this.rangeAt(rowOrA1, column as number, numRows ?? 1, numColumns ?? 1);
    });
  }

  getDataRange(): Range {
    return this.gridInfo(() =>
      this.rangeAt(1, 1, Math.max(1, this.model.lastRow()), Math.max(1, this.model.lastColumn())),
    );
  }

  getName(): string {
    return this.info(() => this.model.name);
  }

  setName(name: string): Sheet {
    return this.info(() => {
      const other = this.model.workbook.sheetByNameAnyCase(String(name));
      if (other && other !== this.model) {
        throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
      }
      assertSheetEditable(this.env, this.model);
      this.model.workbook.renameSheet(this.model, String(name));
      return this;
    });
  }

  /** SpreadsheetApp.SheetType: GRID, OBJECT (a chart sheet) or DATASOURCE. */
  getType(): string {
    return this.info(() => this.model.kind);
  }

  /** This sheet as a Connected Sheets data source sheet; null unless it is one. */
  asDataSourceSheet(): DataSourceSheet | null {
    return this.info(() =>
      this.model.kind === 'DATASOURCE'
        ? dataSourceSheetOf(this.env, this.model, (m) => new Sheet(this.env, m))
        : null,
    );
  }

  /** The sheet's protection: the existing one if the sheet is already protected. */
  protect(): Protection {
    return this.info(() => {
      const found = this.model.workbook.protections.find((p) => p.sheet === this.model && p.type === 'SHEET');
      if (found) return new Protection(this.env, found);
      const grid = { row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxColumns };
      return newProtection(this.env, this.model, 'SHEET', grid);
    });
  }

  getProtections(type: string): Protection[] {
    return this.info(() =>
      this.env.exec.realm.array(
        this.model.workbook.protections
          .filter((p) => p.sheet === this.model && p.type === String(type))
          .map((p) => new Protection(this.env, p)),
      ),
    );
  }

  // ---- developer metadata (developer-metadata.ts) ----

  addDeveloperMetadata(...args: unknown[]): Sheet {
    addMetadata(this.env, this.model.workbook, () => ({ type: 'SHEET', sheet: this.model }), args);
    return this;
  }

  /** The metadata on the sheet itself, not on its rows or columns. */
  getDeveloperMetadata(): DeveloperMetadata[] {
    return metadataAt(this.env, this.model.workbook, () => ({ type: 'SHEET', sheet: this.model }));
  }

  /** Finds metadata on the sheet and on its rows and columns. */
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return this.info(
      () => new DeveloperMetadataFinder(this.env, this.model.workbook, { kind: 'sheet', sheet: this.model }),
    );
  }

  /** The sheet's filter (Data ▸ Create a filter), or null: filter.ts. */
  getFilter(): Filter | null {
    return this.gridInfo(() => filterOf(this.env, this.model, 'Sheet.getFilter'));
  }

  getSheetId(): number {
    return this.info(() => this.model.id);
  }

  getIndex(): number {
    return this.info(() => this.model.workbook.sheets.indexOf(this.model) + 1);
  }

  getParent(): Spreadsheet {
    return this.info(() => new Spreadsheet(this.env, this.model.workbook));
  }

  getLastRow(): number {
    return this.gridInfo(() => this.model.lastRow());
  }

  getLastColumn(): number {
    return this.gridInfo(() => this.model.lastColumn());
  }

  getMaxRows(): number {
    return this.gridInfo(() => this.model.maxRows);
  }

  getMaxColumns(): number {
    return this.gridInfo(() => this.model.maxColumns);
  }

  private checkRow(row: number, howMany = 1): void {
    if (!Number.isInteger(row) || !Number.isInteger(howMany) || row < 1 || howMany < 1) {
      throw new Error('Invalid argument: row');
    }
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    return this.grow(() => {
      this.checkRow(beforePosition, howMany);
      if (beforePosition > this.model.maxRows) throw new Error(OUTSIDE);
      assertSheetEditable(this.env, this.model);
      this.model.insertRows(beforePosition, howMany, 'after');
    });
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return this.grow(() => {
      this.checkRow(afterPosition, howMany);
      if (afterPosition > this.model.maxRows) throw new Error(OUTSIDE);
      assertSheetEditable(this.env, this.model);
      this.model.insertRows(afterPosition + 1, howMany, 'before');
    });
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }

  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.write(0, () => {
      this.checkRow(rowPosition, howMany);
      if (rowPosition + howMany - 1 > this.model.maxRows) throw new Error(OUTSIDE);
      if (howMany >= this.model.maxRows) throw new Error("You can't delete all the rows on the sheet.");
      assertSheetEditable(this.env, this.model, {
        row: rowPosition,
        col: 1,
        numRows: howMany,
        numCols: this.model.maxColumns,
      });
      this.model.deleteRows(rowPosition, howMany);
    });
  }

  deleteRow(rowPosition: number): Sheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return this.grow(() => {
      this.checkRow(afterPosition, howMany);
      if (afterPosition > this.model.maxColumns) throw new Error(OUTSIDE);
      assertSheetEditable(this.env, this.model);
      this.model.insertColumns(afterPosition + 1, howMany, 'before');
    });
  }

  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    return this.grow(() => {
      this.checkRow(beforePosition, howMany);
      if (beforePosition > this.model.maxColumns) throw new Error(OUTSIDE);
      assertSheetEditable(this.env, this.model);
      this.model.insertColumns(beforePosition, howMany, 'after');
    });
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.write(0, () => {
      this.checkRow(columnPosition, howMany);
      if (columnPosition + howMany - 1 > this.model.maxColumns) throw new Error(OUTSIDE);
      if (howMany >= this.model.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
      assertSheetEditable(this.env, this.model, {
        row: 1,
        col: columnPosition,
        numRows: this.model.maxRows,
        numCols: howMany,
      });
      this.model.deleteColumns(columnPosition, howMany);
    });
  }

  /** Writes after the last row with content, growing the grid when needed. */
  appendRow(rowContents: unknown[]): Sheet {
    const width = Array.isArray(rowContents) ? rowContents.length : 0;
    return this.write(width, () => {
      if (!Array.isArray(rowContents) || width === 0) {
        throw new Error(
          "The parameters (Object[]) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
        );
      }
      checkCellText(rowContents);
      const row = this.model.lastRow() + 1;
      assertEditable(this.env, this.model, { row, col: 1, numRows: 1, numCols: width });
      if (row > this.model.maxRows || width > this.model.maxColumns)
        assertSheetEditable(this.env, this.model);
      this.model.growTo(row, width);
      rowContents.forEach((v, i) => {
        writeCell(this.model, row, i + 1, v, this.model.workbook.timeZone);
      });
      return this;
    });
  }

  setFrozenRows(rows: number): void {
    this.gridInfo(() => {
      if (!Number.isInteger(rows) || rows < 0 || rows >= this.model.maxRows)
        throw new Error('Invalid argument: rows');
      assertSheetEditable(this.env, this.model);
      if (rows > 0 && this.model.merges.some((m) => m.row <= rows && m.row + m.numRows - 1 > rows))
        throw new Error("You can't freeze rows which contain only part of a merged cell.");
      this.model.frozenRows = rows;
    });
  }

  getFrozenRows(): number {
    return this.gridInfo(() => this.model.frozenRows);
  }

  setFrozenColumns(columns: number): void {
    this.gridInfo(() => {
      if (!Number.isInteger(columns) || columns < 0 || columns >= this.model.maxColumns) {
        throw new Error('Invalid argument: columns');
      }
      assertSheetEditable(this.env, this.model);
      if (columns > 0 && this.model.merges.some((m) => m.col <= columns && m.col + m.numCols - 1 > columns))
        throw new Error("You can't freeze columns which contain only part of a merged cell.");
      this.model.frozenColumns = columns;
    });
  }

  getFrozenColumns(): number {
    return this.gridInfo(() => this.model.frozenColumns);
  }

  private wholeSheet(): Range {
    this.assertGrid();
    return new Range(this.env, this.model, {
      row: 1,
      col: 1,
      numRows: this.model.maxRows,
      numCols: this.model.maxColumns,
    });
  }

  clear(): Sheet {
    this.wholeSheet().clear();
    return this;
  }

  clearContents(): Sheet {
    this.wholeSheet().clearContent();
    return this;
  }

  clearFormats(): Sheet {
    this.wholeSheet().clearFormat();
    return this;
  }

  hideSheet(): Sheet {
    return this.info(() => {
      assertSheetEditable(this.env, this.model);
      const visible = this.model.workbook.sheets.filter((s) => !s.hidden);
      if (visible.length === 1 && visible[0] === this.model)
        throw new Error("You can't hide all the sheets in a document.");
      this.model.hidden = true;
      return this;
    });
  }

  showSheet(): Sheet {
    return this.info(() => {
      this.model.hidden = false;
      return this;
    });
  }

  isSheetHidden(): boolean {
    return this.info(() => this.model.hidden);
  }

  getTabColor(): string | null {
    return this.info(() => this.model.tabColor);
  }

  /** As cell colours are read; null resets. */
  setTabColor(color: string | null): Sheet {
    return this.info(() => {
      const value = normaliseColor(color, 'setTabColor', 'Sheet');
      assertSheetEditable(this.env, this.model);
      this.model.tabColor = value ?? null;
      return this;
    });
  }

  activate(): Sheet {
    return this.info(() => {
      const user = this.env.world.user(this.env.exec.user);
      user.activeSheetId = this.model.id;
      user.activeRange = null;
      this.model.hidden = false;
      return this;
    });
  }

  /** Widths are recorded, not computed: auto-resize sets the default 100 px. */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    return this.info(() => {
      for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths.set(c, 100);
      return this;
    });
  }

  autoResizeColumn(columnPosition: number): Sheet {
    return this.autoResizeColumns(columnPosition, 1);
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    return this.info(() => {
      this.model.columnWidths.set(columnPosition, width);
      return this;
    });
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    return this.info(() => {
      for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths.set(c, width);
      return this;
    });
  }

  getColumnWidth(columnPosition: number): number {
    return this.info(() => this.model.columnWidths.get(columnPosition) ?? 100);
  }

  // ---- conditional formats and embedded charts (conditional-format.ts, charts.ts) ----

  /** Replaces every rule of the sheet, as Sheets does. */
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    const checked = checkRulesFor(this.model, rules);
    this.write(0, () => {
      this.model.conditionalFormats = checked.map((r) => ({
        ...r,
        ranges: [...r.ranges],
        values: [...r.values],
      }));
    });
  }

  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this.info(() =>
      this.env.exec.realm.array(
        this.model.conditionalFormats.map((r) => new ConditionalFormatRule(this.env, r)),
      ),
    );
  }

  newChart(): EmbeddedChartBuilder {
    return this.info(() => new EmbeddedChartBuilder(this.env, newChartModel(this.model)));
  }

  insertChart(chart: EmbeddedChart): void {
    const placed = checkNewChart(this.model, chart);
    this.write(0, () => {
      this.model.charts.push(placed);
    });
  }

  getCharts(): EmbeddedChart[] {
    return this.info(() =>
      this.env.exec.realm.array(this.model.charts.map((c) => new EmbeddedChart(this.env, copyChart(c)))),
    );
  }

  updateChart(chart: EmbeddedChart): void {
    const at = indexOfChart(this.model, chart, 'updateChart');
    const next: ChartModel = copyChart(chart.chart);
    if (!next.position || next.ranges.length === 0) throw new Error('The chart has no data or no position.');
    this.write(0, () => {
      this.model.charts[at] = next;
    });
  }

  removeChart(chart: EmbeddedChart): void {
    const at = indexOfChart(this.model, chart, 'removeChart');
    this.write(0, () => {
      this.model.charts.splice(at, 1);
    });
  }
}
