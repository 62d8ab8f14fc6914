// A row that holds nothing to push. An unticked box says nothing either: the template's boxes read
// FALSE before anyone touches them (insertCheckboxes), and a row of them alone is an empty row.
import type { CellValue } from '../table/build-table';
import { cellText } from './cell-text';
import type { HeaderMap } from './header';
import { KINDS } from './kinds';

/** Whether every input cell of the row is empty, or FALSE in a TRUE/FALSE column; a date never is. */
export function blankRow(map: HeaderMap, values: readonly CellValue[]): boolean {
  const boxes = KINDS[map.kind].columns.filter((c) => c.type === 'boolean').map((c) => map.columns[c.key]);
  return Object.values(map.columns).every((i) => {
    const v = values[i];
    return (v === false && boxes.includes(i)) || (cellText(v) === '' && !(v instanceof Date));
  });
}
