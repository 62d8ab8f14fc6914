// SpreadsheetApp.newConditionalFormatRule(): the builder, the rules scripts read back, and what a sheet
// keeps of them. Only boolean conditions (number comparisons, formulas, text, empty) are modelled.

import type { Env } from '../env.js';
import type { GridRange } from './a1.js';
import { normaliseColor } from './colors.js';
import type { SheetModel } from './model.js';
import { Range } from './range.js';

export const BooleanCriteria = {
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
} as const;
export type Criteria = keyof typeof BooleanCriteria;

export interface ConditionalFormatModel {
  ranges: Array<{ sheet: SheetModel; grid: GridRange }>;
  criteria: Criteria;
  values: unknown[];
  background?: string;
  fontColor?: string;
  bold?: boolean;
}

type Draft = Partial<ConditionalFormatModel> & { ranges: ConditionalFormatModel['ranges'] };

const num = (v: unknown, what: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`Invalid argument: ${what}`);
  return v;
};

export class ConditionalFormatRuleBuilder {
  private draft: Draft;

  constructor(
    private readonly env: Env,
    draft?: Draft,
  ) {
    this.draft = draft ?? { ranges: [] };
  }

  private when(criteria: Criteria, values: unknown[]): ConditionalFormatRuleBuilder {
    this.draft = { ...this.draft, criteria, values };
    return this;
  }

  whenNumberLessThan(n: number) {
    return this.when('NUMBER_LESS_THAN', [num(n, 'number')]);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [num(n, 'number')]);
  }
  whenNumberGreaterThan(n: number) {
    return this.when('NUMBER_GREATER_THAN', [num(n, 'number')]);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [num(n, 'number')]);
  }
  whenNumberEqualTo(n: number) {
    return this.when('NUMBER_EQUAL_TO', [num(n, 'number')]);
  }
  whenNumberBetween(start: number, end: number) {
    return this.when('NUMBER_BETWEEN', [num(start, 'start'), num(end, 'end')]);
  }
  whenFormulaSatisfied(formula: string) {
    if (typeof formula !== 'string' || !formula.startsWith('=')) throw new Error('Invalid argument: formula');
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenTextContains(text: string) {
    return this.when('TEXT_CONTAINS', [String(text)]);
  }
  whenTextEqualTo(text: string) {
    return this.when('TEXT_EQUAL_TO', [String(text)]);
  }
  whenCellEmpty() {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty() {
    return this.when('CELL_NOT_EMPTY', []);
  }

  setBackground(color: string | null) {
    this.draft = { ...this.draft, background: normaliseColor(color, 'setBackground') };
    return this;
  }
  setFontColor(color: string | null) {
    this.draft = { ...this.draft, fontColor: normaliseColor(color, 'setFontColor') };
    return this;
  }
  setBold(bold: boolean | null) {
    this.draft = { ...this.draft, bold: bold ?? undefined };
    return this;
  }

  setRanges(ranges: Range[]) {
    if (!Array.isArray(ranges) || !ranges.every((r) => r instanceof Range))
      throw new Error('Invalid argument: ranges');
    this.draft = { ...this.draft, ranges: ranges.map((r) => ({ sheet: r.model, grid: { ...r.grid } })) };
    return this;
  }

  getRanges(): Range[] {
    return rangesOf(this.env, this.draft.ranges);
  }

  /** Sheets refuses a rule without a condition or without any format to apply. */
  build(): ConditionalFormatRule {
    const { criteria, values } = this.draft;
    if (!criteria || !values) throw new Error('The conditional format rule must have a condition.');
    if (!this.draft.background && !this.draft.fontColor && this.draft.bold === undefined)
      throw new Error('The conditional format rule must have a format.');
    return new ConditionalFormatRule(this.env, { ...this.draft, criteria, values: [...values] });
  }
}

export class ConditionalFormatRule {
  constructor(
    private readonly env: Env,
    readonly rule: ConditionalFormatModel,
  ) {}

  getRanges(): Range[] {
    return rangesOf(this.env, this.rule.ranges);
  }

  getBooleanCondition(): BooleanCondition {
    return new BooleanCondition(this.env, this.rule);
  }

  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.env, {
      ...this.rule,
      ranges: [...this.rule.ranges],
      values: [...this.rule.values],
    });
  }
}

export class BooleanCondition {
  constructor(
    private readonly env: Env,
    private readonly rule: ConditionalFormatModel,
  ) {}

  getCriteriaType(): string {
    return this.rule.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this.env.exec.realm.toRealm(this.rule.values) as unknown[];
  }
  getBackground(): string | null {
    return this.rule.background ?? null;
  }
  getFontColor(): string | null {
    return this.rule.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this.rule.bold ?? null;
  }
}

function rangesOf(env: Env, ranges: ConditionalFormatModel['ranges']): Range[] {
  return env.exec.realm.array(ranges.map((r) => new Range(env, r.sheet, { ...r.grid })));
}

/** What Sheet.setConditionalFormatRules checks: rules built here, each with ranges on this sheet. */
export function checkRulesFor(sheet: SheetModel, rules: unknown): ConditionalFormatModel[] {
  if (!Array.isArray(rules) || !rules.every((r) => r instanceof ConditionalFormatRule))
    throw new Error(
      "The parameters (Object[]) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
    );
  return rules.map((r: ConditionalFormatRule) => {
    if (r.rule.ranges.length === 0)
      throw new Error('The conditional format rule must have at least one range.');
    if (r.rule.ranges.some((g) => g.sheet !== sheet))
      throw new Error('The conditional format rule cannot reference a different sheet.');
    return r.rule;
  });
}
