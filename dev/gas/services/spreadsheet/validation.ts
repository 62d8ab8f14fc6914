// SpreadsheetApp.newDataValidation(): the builder and the rule objects scripts see.

import type { Realm } from '../../realm.js';
import type { ValidationRule } from './model.js';

export const DataValidationCriteria = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  CHECKBOX: 'CHECKBOX',
} as const;

export class DataValidation {
  constructor(
    private readonly realm: Realm,
    readonly rule: ValidationRule,
  ) {}

  getCriteriaType(): string {
    return this.rule.criteria;
  }

  getCriteriaValues(): unknown[] {
    return this.realm.toRealm(this.rule.values) as unknown[];
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getHelpText(): string | null {
    return this.rule.helpText || null;
  }

  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.realm, { ...this.rule, values: [...this.rule.values] });
  }
}

export class DataValidationBuilder {
  constructor(
    private readonly realm: Realm,
    private rule: Partial<ValidationRule> = { allowInvalid: true, helpText: '' },
  ) {}

  requireValueInList(values: unknown[], showDropdown = true): DataValidationBuilder {
    if (!Array.isArray(values)) throw new Error('Invalid argument: values');
    this.rule = { ...this.rule, criteria: 'VALUE_IN_LIST', values: [[...values], showDropdown] };
    return this;
  }

  requireDate(): DataValidationBuilder {
    this.rule = { ...this.rule, criteria: 'DATE_IS_VALID_DATE', values: [] };
    return this;
  }

  requireCheckbox(): DataValidationBuilder {
    this.rule = { ...this.rule, criteria: 'CHECKBOX', values: [] };
    return this;
  }

  setAllowInvalid(allowInvalid: boolean): DataValidationBuilder {
    this.rule = { ...this.rule, allowInvalid: Boolean(allowInvalid) };
    return this;
  }

  setHelpText(helpText: string): DataValidationBuilder {
    this.rule = { ...this.rule, helpText: String(helpText) };
    return this;
  }

  build(): DataValidation {
    const { criteria } = this.rule;
    if (!criteria) throw new Error('You must specify a criteria for the data validation rule.');
    return new DataValidation(this.realm, {
      criteria,
      values: this.rule.values ?? [],
      allowInvalid: this.rule.allowInvalid ?? true,
      helpText: this.rule.helpText ?? '',
    });
  }
}
