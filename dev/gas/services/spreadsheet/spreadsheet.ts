// Spreadsheet: the one workbook of this runtime, seen by the executing user.

import { isValidTimeZone } from '../../time/timezone.js';
import type { Env } from '../env.js';
import { type GridRange, parseA1 } from './a1.js';
import { type DataSourceSheet, dataSourceSheetOf, insertDataSourceSheet } from './data-source.js';
import {
  addMetadata,
  type DeveloperMetadata,
  DeveloperMetadataFinder,
  metadataAt,
} from './developer-metadata.js';
import type { WorkbookModel } from './model.js';
import { assertSheetEditable, Protection } from './protection.js';
import type { Range } from './range.js';
import { withinSheet } from './selection.js';
import { Sheet } from './sheet.js';

export class Spreadsheet {
  constructor(
    private readonly env: Env,
    /** Default: the spreadsheet the execution runs in. */
    private readonly workbook?: WorkbookModel,
  ) {}

  private get wb() {
    return this.workbook ?? this.env.world.workbook;
  }

  private get userState() {
    return this.env.world.user(this.env.exec.user);
  }

  private info<T>(body: () => T): T {
    return this.env.exec.call('spreadsheet', 0, body);
  }

  /** The user's active sheet, falling back to the first visible one if it was deleted. */
  activeSheetModel() {
    const state = this.userState;
    const sheet =
      this.wb.sheetById(state.activeSheetId) ?? this.wb.sheets.find((s) => !s.hidden) ?? this.wb.sheets[0];
    if (!sheet) throw new Error('The spreadsheet has no sheets.');
    state.activeSheetId = sheet.id;
    return sheet;
  }

  getId(): string {
    return this.info(() => this.wb.id);
  }

  getName(): string {
    return this.info(() => this.wb.name);
  }

  rename(name: string): void {
    this.info(() => {
      this.wb.name = String(name);
    });
  }

  getUrl(): string {
    return this.info(() => `https://docs.google.com/spreadsheets/d/${this.wb.id}/edit`);
  }

  getSpreadsheetTimeZone(): string {
    return this.info(() => this.wb.timeZone);
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.info(() => {
      if (!isValidTimeZone(timezone)) throw new Error(`Invalid argument: ${timezone}`);
      this.wb.timeZone = timezone;
    });
  }

  getSpreadsheetLocale(): string {
    return this.info(() => this.wb.locale);
  }

  /** e.g. 'de_DE': what people type is read by this locale's rules from then on. */
  setSpreadsheetLocale(locale: string): void {
    this.info(() => {
      if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(String(locale))) throw new Error(`Invalid argument: ${locale}`);
      this.wb.locale = String(locale);
    });
  }

  /** Every protected range, or every protected sheet, of the spreadsheet. */
  getProtections(type: string): Protection[] {
    return this.info(() =>
      this.env.exec.realm.array(
        this.wb.protections.filter((p) => p.type === String(type)).map((p) => new Protection(this.env, p)),
      ),
    );
  }

  // ---- developer metadata (developer-metadata.ts) ----

  addDeveloperMetadata(...args: unknown[]): Spreadsheet {
    addMetadata(this.env, this.wb, () => ({ type: 'SPREADSHEET' }), args);
    return this;
  }

  /** The metadata on the spreadsheet itself. */
  getDeveloperMetadata(): DeveloperMetadata[] {
    return metadataAt(this.env, this.wb, () => ({ type: 'SPREADSHEET' }));
  }

  /** Finds metadata anywhere in the spreadsheet. */
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return this.info(() => new DeveloperMetadataFinder(this.env, this.wb, { kind: 'spreadsheet' }));
  }

  getSheets(): Sheet[] {
    return this.info(() => this.env.exec.realm.array(this.wb.sheets.map((s) => new Sheet(this.env, s))));
  }

  getNumSheets(): number {
    return this.info(() => this.wb.sheets.length);
  }

  getSheetByName(name: string): Sheet | null {
    return this.info(() => {
      const model = this.wb.sheetByName(String(name));
      return model ? new Sheet(this.env, model) : null;
    });
  }

  getSheetById(id: number): Sheet | null {
    return this.info(() => {
      const model = this.wb.sheetById(id);
      return model ? new Sheet(this.env, model) : null;
    });
  }

  /** insertSheet(), (index), (name), (name, index); the new sheet becomes active. */
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    return this.env.exec.call('spreadsheet', 100, () => {
      this.env.world.counters.spreadsheet.writes++;
      const name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
      const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
      const model = this.wb.addSheet(name, at);
      this.userState.activeSheetId = model.id;
      this.userState.activeRange = null;
      return new Sheet(this.env, model);
    });
  }

  /** Connected Sheets: a new data source sheet over a BigQuery table or query (data-source.ts). */
  insertDataSourceSheet(spec: unknown): DataSourceSheet {
    return this.env.exec.call('spreadsheet', 100, () => {
      this.env.world.counters.spreadsheet.writes++;
      return insertDataSourceSheet(this.env, this.wb, spec, (s) => new Sheet(this.env, s));
    });
  }

  getDataSourceSheets(): DataSourceSheet[] {
    return this.info(() =>
      this.env.exec.realm.array(
        this.wb.sheets
          .filter((s) => s.kind === 'DATASOURCE')
          .map((s) => dataSourceSheetOf(this.env, s, (m) => new Sheet(this.env, m))),
      ),
    );
  }

  deleteSheet(sheet: Sheet): void {
    this.env.exec.call('spreadsheet', 100, () => {
      this.env.world.counters.spreadsheet.writes++;
      if (!(sheet instanceof Sheet)) throw new Error('Invalid argument: sheet');
      const at = this.wb.sheets.indexOf(sheet.model);
      if (at === -1) throw new Error(`Sheet ${sheet.model.name} not found`);
      if (this.wb.sheets.filter((s) => !s.hidden && s !== sheet.model).length === 0) {
        throw new Error("You can't remove all the sheets in a document.");
      }
      assertSheetEditable(this.env, sheet.model, {
        row: 1,
        col: 1,
        numRows: sheet.model.maxRows,
        numCols: sheet.model.maxColumns,
      });
      this.wb.dropSheet(sheet.model);
    });
  }

  getActiveSheet(): Sheet {
    return this.info(() => new Sheet(this.env, this.activeSheetModel()));
  }

  setActiveSheet(sheet: Sheet): Sheet {
    return this.info(() => {
      if (!(sheet instanceof Sheet)) throw new Error('Invalid argument: sheet');
      this.userState.activeSheetId = sheet.model.id;
      this.userState.activeRange = null;
      sheet.model.hidden = false;
      return sheet;
    });
  }

  /** The user's selection, on the sheet as it is now; A1 when nothing was selected. */
  private selection(): GridRange {
    const model = this.activeSheetModel();
    const g = this.userState.activeRange ?? { row: 1, col: 1, numRows: 1, numCols: 1 };
    return withinSheet(g, model.maxRows, model.maxColumns);
  }

  /** The user's selection; A1 of the active sheet when nothing was selected; none on a chart sheet. */
  getActiveRange(): Range | null {
    return this.info(() => {
      if (this.activeSheetModel().kind !== 'GRID') return null;
      const g = this.selection();
      return new Sheet(this.env, this.activeSheetModel()).rangeAt(g.row, g.col, g.numRows, g.numCols);
    });
  }

  getActiveCell(): Range | null {
    return this.info(() => {
      if (this.activeSheetModel().kind !== 'GRID') return null;
      const g = this.selection();
      return new Sheet(this.env, this.activeSheetModel()).rangeAt(g.row, g.col, 1, 1);
    });
  }

  /** 'Sheet1!A1:B2' or, without a sheet name, a range of the active sheet. */
  getRange(a1Notation: string): Range {
    return this.info(() => {
      const parts = parseA1(String(a1Notation));
      const model =
        parts?.sheetName === undefined ? this.activeSheetModel() : this.wb.sheetByName(parts.sheetName);
      if (!parts || !model) throw new Error('Range not found');
      return new Sheet(this.env, model).rangeByA1(a1Notation);
    });
  }

  toast(msg: string, title = '', timeoutSeconds = 5): void {
    this.env.exec.call('ui', 0, () => {
      this.userState.ui.toasts.push({
        at: this.env.world.clock.now(),
        message: String(msg),
        title: String(title),
        timeoutSeconds,
      });
    });
  }
}
