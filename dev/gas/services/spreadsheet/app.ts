// SpreadsheetApp: the entry point to the active spreadsheet, its UI and rule builders.

import { COSTS } from '../../costs.js';
import { SCOPES } from '../../scopes.js';
import type { Env } from '../env.js';
import { ChartType } from './charts.js';
import { BooleanCriteria, ConditionalFormatRuleBuilder } from './conditional-format.js';
import { DataSourceSpecBuilder, enableBigQueryExecution } from './data-source.js';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './developer-metadata.js';
import { ProtectionType } from './protection.js';
import type { Range } from './range.js';
import type { Sheet } from './sheet.js';
import { Spreadsheet } from './spreadsheet.js';
import { Ui } from './ui.js';
import { DataValidationBuilder, DataValidationCriteria } from './validation.js';

export class SpreadsheetAppFake {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;
  readonly SheetType = { GRID: 'GRID', OBJECT: 'OBJECT', DATASOURCE: 'DATASOURCE' } as const;
  readonly BooleanCriteria = BooleanCriteria;
  readonly ChartType = ChartType;
  readonly DataExecutionState = {
    RUNNING: 'RUNNING',
    SUCCESS: 'SUCCESS',
    ERROR: 'ERROR',
    NOT_STARTED: 'NOT_STARTED',
  } as const;
  readonly DataSourceType = { BIGQUERY: 'BIGQUERY' } as const;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;

  constructor(private readonly env: Env) {}

  /** Null in an add-on's time-driven run: there is no active spreadsheet there. */
  getActiveSpreadsheet(): Spreadsheet | null {
    return this.active('getActiveSpreadsheet');
  }

  getActive(): Spreadsheet | null {
    return this.active('getActive');
  }

  private active(method: string): Spreadsheet | null {
    return this.env.exec.call('spreadsheet', 0, () => {
      this.env.exec.requireAuth('spreadsheet', `SpreadsheetApp.${method}`);
      this.env.exec.requireScope('spreadsheet', `SpreadsheetApp.${method}`, SCOPES.activeSpreadsheet);
      return this.env.exec.hasActiveDocument ? new Spreadsheet(this.env) : null;
    });
  }

  private activeOrThrow(method: string): Spreadsheet {
    const ss = this.active(method);
    if (!ss) throw this.env.exec.realm.exception(`Cannot call SpreadsheetApp.${method}() from this context.`);
    return ss;
  }

  getActiveSheet(): Sheet {
    return this.activeOrThrow('getActiveSheet').getActiveSheet();
  }

  getActiveRange(): Range | null {
    return this.activeOrThrow('getActiveRange').getActiveRange();
  }

  /** Any spreadsheet of the runtime by id; needs the full spreadsheets scope. */
  openById(id: string): Spreadsheet {
    return this.env.exec.call('spreadsheet', COSTS.openSpreadsheetMs, () => {
      this.env.exec.requireAuth('spreadsheet', 'SpreadsheetApp.openById', 'FULL');
      this.env.exec.requireScope('spreadsheet', 'SpreadsheetApp.openById', SCOPES.anySpreadsheet);
      const document = this.env.world.documents.get(String(id));
      if (!document)
        throw new Error(
          'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
        );
      return new Spreadsheet(this.env, document.workbook);
    });
  }

  openByUrl(url: string): Spreadsheet {
    const id = /\/d\/([^/]+)/.exec(String(url))?.[1] ?? '';
    return this.openById(id);
  }

  /** Time-driven triggers have no user interface to show anything in. */
  getUi(): Ui {
    return this.env.exec.call('ui', 0, () => {
      if (this.env.exec.kind === 'time-trigger')
        throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
      return new Ui(this.env);
    });
  }

  newDataValidation(): DataValidationBuilder {
    return this.env.exec.call('spreadsheet', 0, () => new DataValidationBuilder(this.env.exec.realm));
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return this.env.exec.call('spreadsheet', 0, () => new ConditionalFormatRuleBuilder(this.env));
  }

  /** Connected Sheets: data executions of BigQuery data sources are refused until this is called. */
  enableBigQueryExecution(): void {
    this.env.exec.call('spreadsheet', 0, () => enableBigQueryExecution(this.env.exec));
  }

  newDataSourceSpec(): DataSourceSpecBuilder {
    return this.env.exec.call('spreadsheet', 0, () => new DataSourceSpecBuilder(this.env));
  }

  /** Applies this execution's pending writes, so other executions see them. */
  flush(): void {
    this.env.exec.call('spreadsheet', 0, () => {
      this.env.exec.pendingWrites = false;
    });
  }
}
