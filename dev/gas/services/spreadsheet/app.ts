// SpreadsheetApp: the entry point to the active spreadsheet, its UI and rule builders.

import type { Env } from '../env.js';
import { ChartType } from './charts.js';
import { BooleanCriteria, ConditionalFormatRuleBuilder } from './conditional-format.js';
import type { Range } from './range.js';
import type { Sheet } from './sheet.js';
import { Spreadsheet } from './spreadsheet.js';
import { Ui } from './ui.js';
import { DataValidationBuilder, DataValidationCriteria } from './validation.js';

export class SpreadsheetAppFake {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly ChartType = ChartType;

  constructor(private readonly env: Env) {}

  getActiveSpreadsheet(): Spreadsheet {
    return this.env.exec.call('spreadsheet', 0, () => {
      this.env.exec.requireAuth('spreadsheet', 'SpreadsheetApp.getActiveSpreadsheet');
      return new Spreadsheet(this.env);
    });
  }

  getActive(): Spreadsheet {
    return this.getActiveSpreadsheet();
  }

  getActiveSheet(): Sheet {
    return this.getActiveSpreadsheet().getActiveSheet();
  }

  getActiveRange(): Range {
    return this.getActiveSpreadsheet().getActiveRange();
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

  flush(): void {
    this.env.exec.call('spreadsheet', 0, () => undefined);
  }
}
