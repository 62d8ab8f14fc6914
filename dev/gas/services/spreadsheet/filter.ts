// A sheet's filter (Data ▸ Create a filter): Range.createFilter, Sheet.getFilter, Range.getFilter
// and the Filter's getRange and remove. One filter a sheet, over a range, moving with the rows and
// columns inserted or deleted around it as a merge does (model.ts). Which rows a filter hides is
// not simulated: criteria (getColumnFilterCriteria, setColumnFilterCriteria) and sort are not
// offered, so a script calling them fails here rather than reading "no criteria".

import { SCOPES } from '../../scopes.js';
import type { Env } from '../env.js';
import type { GridRange } from './a1.js';
import type { SheetModel } from './model.js';
import { assertSheetEditable } from './protection.js';
import { Range } from './range.js';

/** Our words: Google's reference says a sheet has one filter at most, not what it throws. */
export const FILTER_EXISTS = 'You can’t create a filter in a sheet that already has a filter.';
const GONE = 'This filter no longer exists.';

/** Every filter call needs the spreadsheet's scope, as Google's reference lists it. */
function requireScope(env: Env, method: string): void {
  env.exec.requireScope('spreadsheet', `SpreadsheetApp.${method}`, SCOPES.activeSpreadsheet);
}

export class Filter {
  constructor(
    private readonly env: Env,
    private readonly sheet: SheetModel,
    /** The filter this object was got for: once removed (or replaced), the object is stale. */
    private readonly grid: GridRange,
  ) {}

  private live(): GridRange {
    const now = this.sheet.filter;
    if (now !== this.grid) throw new Error(GONE);
    return now;
  }

  getRange(): Range {
    return this.env.exec.call('spreadsheet', 0, () => {
      requireScope(this.env, 'Filter.getRange');
      return new Range(this.env, this.sheet, { ...this.live() });
    });
  }

  remove(): void {
    this.env.exec.call('spreadsheet', 0, () => {
      requireScope(this.env, 'Filter.remove');
      this.live();
      assertSheetEditable(this.env, this.sheet);
      this.sheet.filter = null;
    });
  }
}

/** Sheet.getFilter / Range.getFilter, inside the caller's call: the sheet's filter, or null. */
export function filterOf(env: Env, sheet: SheetModel, method: string): Filter | null {
  requireScope(env, method);
  return sheet.filter ? new Filter(env, sheet, sheet.filter) : null;
}

/** Range.createFilter, inside the caller's call: a sheet that has a filter refuses another. */
export function createFilter(env: Env, sheet: SheetModel, grid: GridRange): Filter {
  requireScope(env, 'Range.createFilter');
  if (sheet.filter) throw new Error(FILTER_EXISTS);
  assertSheetEditable(env, sheet);
  sheet.filter = { ...grid };
  return new Filter(env, sheet, sheet.filter);
}
