// A row that holds nothing to push. An unticked box says nothing either: the template's boxes read
// FALSE before anyone touches them (insertCheckboxes), and a row of them alone is an empty row.
import type { CellValue } from '../table/build-table';
import { cellText } from './cell-text';
import type { HeaderMap } from './header';
import { KINDS } from './kinds';

/** Whether the cell at column `at` holds nothing: empty, or FALSE in a TRUE/FALSE column; a date never is. */
export function blankCell(map: HeaderMap, at: number, v: CellValue | undefined): boolean {
  if (v === false)
    return KINDS[map.kind].columns.some((c) => c.type === 'boolean' && map.columns[c.key] === at);
  return cellText(v) === '' && !(v instanceof Date);
}

/** Whether every input cell of the row is blank (blankCell). */
export function blankRow(map: HeaderMap, values: readonly CellValue[]): boolean {
  return Object.values(map.columns).every((i) => blankCell(map, i, values[i]));
}
