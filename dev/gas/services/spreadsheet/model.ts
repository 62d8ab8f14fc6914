// The in-memory workbook that outlives executions: sheets of sparse cells.

import type { ChartModel } from './charts.js';
import type { ConditionalFormatModel } from './conditional-format.js';
import type { CellValue } from './interpret.js';

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

export const MAX_CELLS = 10_000_000;
const hasContent = (c: Cell | undefined) => c !== undefined && (c.value !== '' || c.formula !== undefined);

export class SheetModel {
  hidden = false;
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  /** In the order set; see conditional-format.ts. */
  conditionalFormats: ConditionalFormatModel[] = [];
  /** Embedded charts, in insertion order; see charts.ts. */
  charts: ChartModel[] = [];
  /** rows[r - 1][c - 1]; both levels sparse. */
  rows: (Cell | undefined)[][] = [];

  constructor(
    readonly workbook: WorkbookModel,
    readonly id: number,
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

  insertRows(before: number, count: number): void {
    this.workbook.assertGrowth(count * this.maxColumns);
    if (this.rows.length >= before) this.rows.splice(before - 1, 0, ...new Array<Cell[]>(count));
    this.maxRows += count;
  }

  deleteRows(start: number, count: number): void {
    this.rows.splice(start - 1, count);
    this.maxRows -= count;
  }

  insertColumns(before: number, count: number): void {
    this.workbook.assertGrowth(count * this.maxRows);
    for (const row of this.rows)
      if (row && row.length >= before) row.splice(before - 1, 0, ...new Array<Cell>(count));
    this.maxColumns += count;
  }

  deleteColumns(start: number, count: number): void {
    for (const row of this.rows) row?.splice(start - 1, count);
    this.maxColumns -= count;
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
  private nextSheetId = 0;

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

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  addSheet(name?: string, index?: number, rows = 1000, cols = 26): SheetModel {
    const finalName = name ?? this.freeName();
    if (this.sheetByName(finalName)) {
      throw new Error(`A sheet with the name "${finalName}" already exists. Please enter another name.`);
    }
    this.assertGrowth(rows * cols);
    // The first sheet of a new spreadsheet has gid 0; later ones get large ids.
    const id = this.nextSheetId === 0 ? 0 : 1_000_000_000 + this.nextSheetId * 7919;
    this.nextSheetId++;
    const sheet = new SheetModel(this, id, finalName, rows, cols);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  private freeName(): string {
    for (let n = this.sheets.length + 1; ; n++) if (!this.sheetByName(`Sheet${n}`)) return `Sheet${n}`;
  }
}
