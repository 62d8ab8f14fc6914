// Pushed rows sorted without their status columns: a person selects the data columns alone and
// sorts, and each row's Push status, Assembled ID and note of what was sent stay where they were,
// beside another row's cells. Each such row reads as changed since it was pushed, but its cells are
// what another row, changed too, was pushed with: nothing in Assembled is wrong, and the way to
// send a change (for time off, cancelling the request) would undo requests that are right.
// A row whose data cells were copied from a row still as pushed was not moved: it is a change (a
// whole row copied, its status columns with it, is a copy: copied-rows.ts).
import type { Zone } from '../ports';
import type { CellValue } from '../table/build-table';
import type { HeaderMap } from './header';
import { rowKey, type SentForm, sentKey } from './sent-print';

interface ChangedRow {
  row: number;
  values: readonly CellValue[];
  /** Its Push status note, which says what was sent from the row. */
  note?: string;
}

/**
 * Of the rows changed since they were pushed, each whose cells another of them was pushed with:
 * the row, and that other row. One look-up a row, whatever the size of the sort.
 */
export function movedRows(changed: readonly ChangedRow[], map: HeaderMap, zone: Zone): Map<number, number> {
  const moved = new Map<number, number>();
  if (changed.length < 2) return moved;
  const pushedWith = new Map<string, number>();
  // Each row's cells are read in the forms some note is in: words, unless older notes remain.
  const forms = new Set<SentForm>();
  for (const r of changed) {
    const sent = sentKey(r.note ?? '');
    if (!sent) continue;
    forms.add(sent.form);
    const key = `${sent.form}:${sent.key}`;
    if (!pushedWith.has(key)) pushedWith.set(key, r.row);
  }
  for (const r of changed)
    for (const form of forms) {
      const from = pushedWith.get(`${form}:${rowKey(r.values, map, zone, form)}`);
      if (from === undefined || from === r.row) continue;
      moved.set(r.row, from);
      break;
    }
  return moved;
}
