// Conditional formats as Sheets applies them when it draws a cell: the rules in the sheet's order,
// the first whose condition holds wins. Number conditions hold for number cells only (text and empty
// cells never match); a custom formula is not evaluated here (the runtime computes no references),
// so its cells are drawn unformatted.
import type { ConditionalFormatModel } from '../gas/services/spreadsheet/conditional-format';

export interface CellFormat {
  background?: string;
  fontColor?: string;
  bold?: boolean;
}

function holds(rule: ConditionalFormatModel, value: unknown): boolean {
  const [a, b] = rule.values as number[];
  const n = typeof value === 'number' ? value : Number.NaN;
  switch (rule.criteria) {
    case 'NUMBER_LESS_THAN':
      return n < (a as number);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= (a as number);
    case 'NUMBER_GREATER_THAN':
      return n > (a as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= (a as number);
    case 'NUMBER_EQUAL_TO':
      return n === a;
    case 'NUMBER_BETWEEN':
      return n >= Math.min(a as number, b as number) && n <= Math.max(a as number, b as number);
    case 'TEXT_CONTAINS':
      return typeof value === 'string' && value.toLowerCase().includes(String(a).toLowerCase());
    // Whether Sheets' "is exactly" ignores case is not confirmed: the stricter reading, the exact
    // text only (the add-on writes its statuses in one case, so it draws the same under either).
    case 'TEXT_EQUAL_TO':
      return typeof value === 'string' && value === String(a);
    case 'CELL_EMPTY':
      return value === '' || value === undefined;
    case 'CELL_NOT_EMPTY':
      return value !== '' && value !== undefined;
    default:
      return false;
  }
}

/**
 * The format each rule gives the cells of `values` (the sheet's data range from A1), by "row:col"
 * (1-based); cells no rule matches are absent.
 */
export function conditionalFormats(
  rules: readonly ConditionalFormatModel[],
  values: readonly (readonly unknown[])[],
): Map<string, CellFormat> {
  const out = new Map<string, CellFormat>();
  for (const rule of rules) {
    for (const { grid } of rule.ranges) {
      const lastRow = Math.min(grid.row + grid.numRows - 1, values.length);
      for (let r = grid.row; r <= lastRow; r++) {
        const line = values[r - 1] ?? [];
        const lastCol = Math.min(grid.col + grid.numCols - 1, line.length);
        for (let c = grid.col; c <= lastCol; c++) {
          const key = `${r}:${c}`;
          // An earlier rule that matched keeps the cell, as in Sheets.
          if (out.has(key) || !holds(rule, line[c - 1])) continue;
          const format: CellFormat = {};
          if (rule.background) format.background = rule.background;
          if (rule.fontColor) format.fontColor = rule.fontColor;
          if (rule.bold !== undefined) format.bold = rule.bold;
          out.set(key, format);
        }
      }
    }
  }
  return out;
}
