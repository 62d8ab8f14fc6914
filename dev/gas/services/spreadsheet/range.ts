// Range: reads and writes of a block of cells, with Sheets' checks and the call's cost.

import { COSTS, cellCost } from '../../costs.js';
import type { Env } from '../env.js';
import { a1Notation, columnLetters, type GridRange } from './a1.js';
import { displayValue, readValue, writeCell } from './cells.js';
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR, normaliseColor } from './colors.js';
import {
  addMetadata,
  type DeveloperMetadata,
  DeveloperMetadataFinder,
  locationOfRange,
  metadataAt,
} from './developer-metadata.js';
import { createFilter, type Filter, filterOf } from './filter.js';
import { checkCellText } from './limits.js';
import { type Cell, contains, intersects, type SheetModel } from './model.js';
import { DEFAULT_NUMBER_FORMAT } from './number-format.js';
import { copyBlock, pasteBlock } from './paste.js';
import { assertEditable, newProtection, type Protection } from './protection.js';
import { fromR1C1, toR1C1 } from './r1c1.js';
import { Sheet } from './sheet.js';
import { type SortSpec, sortRows } from './sort.js';
import { DataValidation } from './validation.js';

const typeName = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'Object[]' : typeof v === 'string' ? 'String' : typeof v;

interface ClearOptions {
  contentsOnly?: boolean;
  formatOnly?: boolean;
  commentsOnly?: boolean;
  validationsOnly?: boolean;
}

function clearCell(cell: Cell, options: ClearOptions | undefined, only: boolean): void {
  if (!only || options?.contentsOnly) {
    cell.value = '';
    cell.formula = undefined;
  }
  if (!only || options?.formatOnly) {
    cell.format = undefined;
    cell.fontWeight = undefined;
    cell.background = undefined;
    cell.fontColor = undefined;
  }
  if (options?.commentsOnly) cell.note = undefined;
  if (options?.validationsOnly) cell.validation = undefined;
}

/** A formula in R1C1 notation as the A1 one it is at (row, col); anything else as given. */
const a1Of = (input: unknown, row: number, col: number) =>
  typeof input === 'string' && input.startsWith('=') ? fromR1C1(input, row, col) : input;

export class Range {
  constructor(
    private readonly env: Env,
    readonly model: SheetModel,
    readonly grid: GridRange,
    /** Given as whole rows ('2:5') or whole columns ('A:C'): what developer metadata may sit on. */
    readonly whole?: 'rows' | 'columns',
  ) {}

  private get cells(): number {
    return this.grid.numRows * this.grid.numCols;
  }

  private read<T>(body: () => T): T {
    const cost = cellCost(COSTS.sheetReadMs, COSTS.sheetReadPerCellMs, this.cells);
    return this.env.exec.call('spreadsheet', cost, () => {
      const c = this.env.world.counters.spreadsheet;
      c.reads++;
      c.cellsRead += this.cells;
      return body();
    });
  }

  /** Clearing is charged as one call: Sheets drops cells without writing each. */
  private write<T>(body: () => T, perCell = true): T {
    const cost = cellCost(COSTS.sheetWriteMs, perCell ? COSTS.sheetWritePerCellMs : 0, this.cells);
    return this.env.exec.call('spreadsheet', cost, () => {
      assertEditable(this.env, this.model, this.grid);
      const c = this.env.world.counters.spreadsheet;
      c.writes++;
      c.cellsWritten += this.cells;
      return body();
    });
  }

  private info<T>(body: () => T): T {
    return this.env.exec.call('spreadsheet', 0, body);
  }

  /** A realm 2-D array of f(cell, its row, its column) over the range. */
  private grid2d<T>(f: (cell: Cell | undefined, row: number, col: number) => T): T[][] {
    const { row, col, numRows, numCols } = this.grid;
    const { realm } = this.env.exec;
    const out: T[][] = [];
    for (let r = 0; r < numRows; r++) {
      const src = this.model.rows[row - 1 + r];
      const line: T[] = [];
      for (let c = 0; c < numCols; c++) line.push(f(src?.[col - 1 + c], row + r, col + c));
      out.push(realm.array(line));
    }
    return realm.array(out);
  }

  private each(f: (row: number, col: number, r: number, c: number) => void): void {
    const { row, col, numRows, numCols } = this.grid;
    for (let r = 0; r < numRows; r++) for (let c = 0; c < numCols; c++) f(row + r, col + c, r, c);
  }

  /** Apps Script's checks on a 2-D argument: an array of arrays with the range's exact shape. */
  private checkShape(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values) || !values.every((r) => Array.isArray(r))) {
      throw new Error(
        `The parameters (${typeName(values)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    const { numRows, numCols } = this.grid;
    if (values.length !== numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${numRows}.`,
      );
    }
    for (const r of values as unknown[][]) {
      if (r.length !== numCols) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${numCols}.`,
        );
      }
    }
    return values as unknown[][];
  }

  private get timeZone(): string {
    return this.model.workbook.timeZone;
  }

  private readCell = (cell: Cell | undefined) =>
    readValue(cell, this.timeZone, (ms) => this.env.exec.realm.date(ms));

  getValues(): unknown[][] {
    return this.read(() => {
      const c = this.env.world.counters.spreadsheet;
      c.getValuesCalls++;
      c.getValuesCells += this.cells;
      return this.grid2d(this.readCell);
    });
  }

  getValue(): unknown {
    return this.read(() => this.readCell(this.model.get(this.grid.row, this.grid.col)));
  }

  getDisplayValues(): string[][] {
    return this.read(() => this.grid2d(displayValue));
  }

  getDisplayValue(): string {
    return this.read(() => displayValue(this.model.get(this.grid.row, this.grid.col)));
  }

  getFormulas(): string[][] {
    return this.read(() => this.grid2d((cell) => cell?.formula ?? ''));
  }

  getFormula(): string {
    return this.read(() => this.model.get(this.grid.row, this.grid.col)?.formula ?? '');
  }

  getFormulasR1C1(): string[][] {
    return this.read(() =>
      this.grid2d((cell, row, col) => (cell?.formula ? toR1C1(cell.formula, row, col) : '')),
    );
  }

  getFormulaR1C1(): string {
    const { row, col } = this.grid;
    return this.read(() => {
      const formula = this.model.get(row, col)?.formula;
      return formula ? toR1C1(formula, row, col) : '';
    });
  }

  getNotes(): string[][] {
    return this.read(() => this.grid2d((cell) => cell?.note ?? ''));
  }

  getNote(): string {
    return this.read(() => this.model.get(this.grid.row, this.grid.col)?.note ?? '');
  }

  getNumberFormats(): string[][] {
    return this.read(() => this.grid2d((cell) => cell?.format ?? DEFAULT_NUMBER_FORMAT));
  }

  getNumberFormat(): string {
    return this.read(() => this.model.get(this.grid.row, this.grid.col)?.format ?? DEFAULT_NUMBER_FORMAT);
  }

  getFontWeights(): string[][] {
    return this.read(() => this.grid2d((cell) => cell?.fontWeight ?? 'normal'));
  }

  getFontWeight(): string {
    return this.read(() => this.model.get(this.grid.row, this.grid.col)?.fontWeight ?? 'normal');
  }

  getBackgrounds(): string[][] {
    return this.read(() => this.grid2d((cell) => cell?.background ?? DEFAULT_BACKGROUND));
  }

  getBackground(): string {
    return this.read(() => this.model.get(this.grid.row, this.grid.col)?.background ?? DEFAULT_BACKGROUND);
  }

  getFontColors(): string[][] {
    return this.read(() => this.grid2d((cell) => cell?.fontColor ?? DEFAULT_FONT_COLOR));
  }

  getFontColor(): string {
    return this.read(() => this.model.get(this.grid.row, this.grid.col)?.fontColor ?? DEFAULT_FONT_COLOR);
  }

  getDataValidations(): (DataValidation | null)[][] {
    const { realm } = this.env.exec;
    return this.read(() =>
      this.grid2d((cell) => (cell?.validation ? new DataValidation(realm, cell.validation) : null)),
    );
  }

  getDataValidation(): DataValidation | null {
    const rule = this.model.get(this.grid.row, this.grid.col)?.validation;
    return this.read(() => (rule ? new DataValidation(this.env.exec.realm, rule) : null));
  }

  setValues(values: unknown[][]): Range {
    return this.write(() => {
      const rows = this.checkShape(values, 'setValues');
      for (const row of rows) checkCellText(row);
      const c = this.env.world.counters.spreadsheet;
      c.setValuesCalls++;
      c.setValuesCells += this.cells;
      c.setValuesLargestCells = Math.max(c.setValuesLargestCells, this.cells);
      this.each((row, col, r, k) => writeCell(this.model, row, col, rows[r]?.[k], this.timeZone));
      this.dropHiddenByMerges();
      return this;
    });
  }

  setValue(value: unknown): Range {
    return this.write(() => {
      checkCellText([value]);
      this.each((row, col) => writeCell(this.model, row, col, value, this.timeZone));
      this.dropHiddenByMerges();
      return this;
    });
  }

  setFormula(formula: string): Range {
    return this.setValue(formula);
  }

  setFormulas(formulas: string[][]): Range {
    return this.write(() => {
      const rows = this.checkShape(formulas, 'setFormulas');
      for (const row of rows) checkCellText(row);
      this.each((row, col, r, k) => writeCell(this.model, row, col, rows[r]?.[k], this.timeZone));
      this.dropHiddenByMerges();
      return this;
    });
  }

  /** Each cell gets its formula in R1C1 notation, read from where the cell is (r1c1.ts). */
  setFormulasR1C1(formulas: string[][]): Range {
    return this.write(() => {
      const rows = this.checkShape(formulas, 'setFormulasR1C1');
      for (const row of rows) checkCellText(row);
      this.each((row, col, r, k) =>
        writeCell(this.model, row, col, a1Of(rows[r]?.[k], row, col), this.timeZone),
      );
      this.dropHiddenByMerges();
      return this;
    });
  }

  setFormulaR1C1(formula: string): Range {
    return this.write(() => {
      checkCellText([formula]);
      this.each((row, col) => writeCell(this.model, row, col, a1Of(formula, row, col), this.timeZone));
      this.dropHiddenByMerges();
      return this;
    });
  }

  private setEach(method: string, values: unknown[][], apply: (cell: Cell, v: unknown) => void): Range {
    return this.write(() => {
      const rows = this.checkShape(values, method);
      this.each((row, col, r, k) => apply(this.model.ensure(row, col), rows[r]?.[k]));
      return this;
    });
  }

  private setAll(apply: (cell: Cell) => void): Range {
    return this.write(() => {
      this.each((row, col) => apply(this.model.ensure(row, col)));
      return this;
    });
  }

  setNote(note: string | null): Range {
    return this.setAll((cell) => {
      cell.note = note ? String(note) : undefined;
    });
  }

  setNotes(notes: (string | null)[][]): Range {
    return this.setEach('setNotes', notes, (cell, v) => {
      cell.note = v ? String(v) : undefined;
    });
  }

  setNumberFormat(format: string): Range {
    return this.setAll((cell) => {
      cell.format = String(format);
    });
  }

  setNumberFormats(formats: string[][]): Range {
    return this.setEach('setNumberFormats', formats, (cell, v) => {
      cell.format = String(v);
    });
  }

  setFontWeight(weight: string | null): Range {
    return this.setAll((cell) => {
      cell.fontWeight = weight ?? 'normal';
    });
  }

  setFontWeights(weights: (string | null)[][]): Range {
    return this.setEach('setFontWeights', weights, (cell, v) => {
      cell.fontWeight = v ? String(v) : 'normal';
    });
  }

  setBackground(color: string | null): Range {
    const value = normaliseColor(color, 'setBackground');
    return this.setAll((cell) => {
      cell.background = value;
    });
  }

  setBackgrounds(colors: (string | null)[][]): Range {
    return this.setEach('setBackgrounds', colors, (cell, v) => {
      cell.background = normaliseColor(v, 'setBackgrounds');
    });
  }

  setFontColor(color: string | null): Range {
    const value = normaliseColor(color, 'setFontColor');
    return this.setAll((cell) => {
      cell.fontColor = value;
    });
  }

  setFontColors(colors: (string | null)[][]): Range {
    return this.setEach('setFontColors', colors, (cell, v) => {
      cell.fontColor = normaliseColor(v, 'setFontColors');
    });
  }

  setDataValidation(rule: DataValidation | null): Range {
    return this.setAll((cell) => {
      cell.validation = rule ? rule.rule : undefined;
    });
  }

  /**
   * insertCheckboxes(): a TRUE/FALSE checkbox in each cell, and, as Google's reference says, "sets
   * the value of all cells in the range to false", so an untouched box reads as it shows. A rule set
   * with setDataValidation(requireCheckbox()) leaves the cells' values as they were ('' if empty).
   * The forms with custom checked and unchecked values are not simulated.
   */
  insertCheckboxes(...custom: unknown[]): Range {
    if (custom.length > 0) throw new Error('insertCheckboxes with custom values is not simulated.');
    return this.write(() => {
      this.each((row, col) => {
        writeCell(this.model, row, col, false, this.timeZone);
        this.model.ensure(row, col).validation = {
          criteria: 'CHECKBOX',
          values: [],
          allowInvalid: true,
          helpText: '',
        };
      });
      return this;
    });
  }

  setDataValidations(rules: (DataValidation | null)[][]): Range {
    return this.setEach('setDataValidations', rules, (cell, v) => {
      cell.validation = v instanceof DataValidation ? v.rule : undefined;
    });
  }

  /** Contents and formats; notes and validation stay unless asked for. */
  clear(options?: ClearOptions): Range {
    const only =
      options &&
      (options.contentsOnly || options.formatOnly || options.commentsOnly || options.validationsOnly);
    return this.write(() => {
      const { row, col, numRows, numCols } = this.grid;
      for (let r = row; r < row + numRows; r++) {
        const line = this.model.rows[r - 1];
        if (!line) continue;
        for (let c = col; c < Math.min(col + numCols, line.length + 1); c++) {
          const cell = line[c - 1];
          if (cell) clearCell(cell, options, Boolean(only));
        }
      }
      return this;
    }, false);
  }

  clearContent(): Range {
    return this.clear({ contentsOnly: true });
  }

  clearFormat(): Range {
    return this.clear({ formatOnly: true });
  }

  clearNote(): Range {
    return this.clear({ commentsOnly: true });
  }

  clearDataValidations(): Range {
    return this.clear({ validationsOnly: true });
  }

  /**
   * copyTo(destination) and copyTo(destination, {contentsOnly, formatOnly}): one server-side call
   * that pastes this range from the destination's top-left cell, in this range's size, as Sheets'
   * paste does (paste.ts): values, formulas (their relative references moved), formats, notes and
   * data validation, or only the contents or the formats; an empty source cell empties the cell it
   * lands on. Both ranges must be in one spreadsheet, and the paste must fit in the destination
   * sheet's grid (the stricter reading). Charged as a write of every cell it lands on.
   * copyTo(destination, copyPasteType, transposed) is not simulated.
   */
  copyTo(destination: unknown, options?: unknown, transposed?: unknown): void {
    if (!(destination instanceof Range))
      throw new Error(
        `The parameters (${typeName(destination)}) don't match the method signature for SpreadsheetApp.Range.copyTo.`,
      );
    if (
      transposed !== undefined ||
      (options !== undefined && (typeof options !== 'object' || options === null))
    )
      throw new Error('Range.copyTo with a CopyPasteType is not simulated.');
    const { contentsOnly = false, formatOnly = false } = (options ?? {}) as ClearOptions;
    const { numRows, numCols } = this.grid;
    const to = { row: destination.grid.row, col: destination.grid.col, numRows, numCols };
    const cost = cellCost(COSTS.sheetWriteMs, COSTS.sheetWritePerCellMs, numRows * numCols);
    this.env.exec.call('spreadsheet', cost, () => {
      if (destination.model.workbook !== this.model.workbook)
        throw new Error('Target range and source range must be on the same spreadsheet.');
      if (
        to.row + numRows - 1 > destination.model.maxRows ||
        to.col + numCols - 1 > destination.model.maxColumns
      )
        throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
      assertEditable(this.env, destination.model, to);
      const c = this.env.world.counters.spreadsheet;
      c.writes++;
      c.cellsWritten += numRows * numCols;
      // Read every source cell first: the two ranges may overlap.
      const block = copyBlock(this.model, this.grid);
      pasteBlock(
        destination.model,
        to.row,
        to.col,
        block,
        contentsOnly ? 'contents' : formatOnly ? 'formats' : 'all',
      );
      new Range(this.env, destination.model, to).dropHiddenByMerges();
    });
  }

  /**
   * sort(sortSpecObj): the rows of this range sorted by a column of the sheet (a number: A to Z),
   * by { column, ascending }, or by an array of those, as Sheets sorts them (sort.ts): within this
   * range's columns only. Charged as a write of every cell.
   */
  sort(sortSpecObj: unknown): Range {
    const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((spec): SortSpec => {
      if (typeof spec === 'number') return { column: spec, ascending: true };
      const { column, ascending } = (spec ?? {}) as { column?: unknown; ascending?: unknown };
      if (typeof column !== 'number' || (ascending !== undefined && typeof ascending !== 'boolean'))
        throw new Error(
          `The parameters (${typeName(sortSpecObj)}) don't match the method signature for SpreadsheetApp.Range.sort.`,
        );
      return { column, ascending: ascending ?? true };
    });
    return this.write(() => {
      sortRows(this.model, this.grid, specs);
      return this;
    });
  }

  /** A merged cell shows (and keeps) only its top-left value: what lands under it is lost. */
  private dropHiddenByMerges(): void {
    for (const m of this.model.merges) {
      if (!intersects(m, this.grid)) continue;
      for (let r = m.row; r < m.row + m.numRows; r++)
        for (let c = m.col; c < m.col + m.numCols; c++) {
          const cell = this.model.get(r, c);
          if (cell && (r !== m.row || c !== m.col)) {
            cell.value = '';
            cell.formula = undefined;
          }
        }
    }
  }

  /** Merges overlapping this range only in part refuse to be merged or unmerged. */
  private assertWholeMerges(): void {
    if (this.model.merges.some((m) => intersects(m, this.grid) && !contains(this.grid, m)))
      throw new Error('You must select all cells in a merged range to merge or unmerge them.');
  }

  private mergeBlocks(blocks: { row: number; col: number; numRows: number; numCols: number }[]): Range {
    return this.write(() => {
      this.assertWholeMerges();
      const { frozenRows, frozenColumns } = this.model;
      for (const b of blocks) {
        if (frozenRows > 0 && b.row <= frozenRows && b.row + b.numRows - 1 > frozenRows)
          throw new Error("You can't merge frozen and non-frozen rows.");
        if (frozenColumns > 0 && b.col <= frozenColumns && b.col + b.numCols - 1 > frozenColumns)
          throw new Error("You can't merge frozen and non-frozen columns.");
      }
      this.model.merges = this.model.merges.filter((m) => !intersects(m, this.grid));
      for (const b of blocks) if (b.numRows * b.numCols > 1) this.model.merges.push(b);
      this.dropHiddenByMerges();
      return this;
    }, false);
  }

  merge(): Range {
    return this.mergeBlocks([{ ...this.grid }]);
  }

  mergeAcross(): Range {
    const { row, col, numRows, numCols } = this.grid;
    return this.mergeBlocks(
      Array.from({ length: numRows }, (_, i) => ({ row: row + i, col, numRows: 1, numCols })),
    );
  }

  mergeVertically(): Range {
    const { row, col, numRows, numCols } = this.grid;
    return this.mergeBlocks(
      Array.from({ length: numCols }, (_, i) => ({ row, col: col + i, numRows, numCols: 1 })),
    );
  }

  breakApart(): Range {
    return this.write(() => {
      this.assertWholeMerges();
      this.model.merges = this.model.merges.filter((m) => !intersects(m, this.grid));
      return this;
    }, false);
  }

  /** Merged ranges inside this range or overlapping it. */
  getMergedRanges(): Range[] {
    return this.info(() =>
      this.env.exec.realm.array(
        this.model.merges
          .filter((m) => intersects(m, this.grid))
          .map((m) => new Range(this.env, this.model, { ...m })),
      ),
    );
  }

  isPartOfMerge(): boolean {
    return this.info(() => this.model.merges.some((m) => intersects(m, this.grid)));
  }

  /** A new protected range over this one (even if one already covers it). */
  protect(): Protection {
    return this.info(() => newProtection(this.env, this.model, 'RANGE', { ...this.grid }));
  }

  getRow(): number {
    return this.info(() => this.grid.row);
  }

  getColumn(): number {
    return this.info(() => this.grid.col);
  }

  getNumRows(): number {
    return this.info(() => this.grid.numRows);
  }

  getNumColumns(): number {
    return this.info(() => this.grid.numCols);
  }

  getHeight(): number {
    return this.getNumRows();
  }

  getWidth(): number {
    return this.getNumColumns();
  }

  getLastRow(): number {
    return this.info(() => this.grid.row + this.grid.numRows - 1);
  }

  getLastColumn(): number {
    return this.info(() => this.grid.col + this.grid.numCols - 1);
  }

  getA1Notation(): string {
    return this.info(() => {
      const { row, col, numRows, numCols } = this.grid;
      if (this.whole === 'rows') return `${row}:${row + numRows - 1}`;
      if (this.whole === 'columns') return `${columnLetters(col)}:${columnLetters(col + numCols - 1)}`;
      return a1Notation(this.grid);
    });
  }

  // ---- developer metadata, on whole rows or columns only (developer-metadata.ts) ----

  addDeveloperMetadata(...args: unknown[]): Range {
    addMetadata(this.env, this.model.workbook, () => locationOfRange(this), args);
    return this;
  }

  getDeveloperMetadata(): DeveloperMetadata[] {
    return metadataAt(this.env, this.model.workbook, () => (this.whole ? locationOfRange(this) : null));
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return this.info(
      () =>
        new DeveloperMetadataFinder(this.env, this.model.workbook, {
          kind: 'range',
          sheet: this.model,
          grid: { ...this.grid },
        }),
    );
  }

  /** A filter over this range (filter.ts); a sheet has one at most. */
  createFilter(): Filter {
    return this.info(() => createFilter(this.env, this.model, this.grid));
  }

  /** The filter of this range's sheet, or null, wherever on the sheet it is. */
  getFilter(): Filter | null {
    return this.info(() => filterOf(this.env, this.model, 'Range.getFilter'));
  }

  getSheet(): Sheet {
    return this.info(() => new Sheet(this.env, this.model));
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this.info(() =>
      new Sheet(this.env, this.model).rangeAt(
        this.grid.row + rowOffset,
        this.grid.col + columnOffset,
        numRows ?? this.grid.numRows,
        numColumns ?? this.grid.numCols,
      ),
    );
  }

  getCell(row: number, column: number): Range {
    return this.info(() => {
      if (row < 1 || column < 1 || row > this.grid.numRows || column > this.grid.numCols) {
        throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
      }
      return new Sheet(this.env, this.model).rangeAt(
        this.grid.row + row - 1,
        this.grid.col + column - 1,
        1,
        1,
      );
    });
  }

  activate(): Range {
    return this.info(() => {
      const user = this.env.world.user(this.env.exec.user);
      user.activeSheetId = this.model.id;
      user.activeRange = { ...this.grid };
      return this;
    });
  }
}
