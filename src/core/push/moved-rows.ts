// Pushed rows sorted without their status columns: a person selects the data columns alone and
// sorts, and each row's Push status, Assembled ID and note of what was sent stay where they were,
// beside another row's cells. Each such row reads as changed since it was pushed, but its cells are
// what another row, changed too, was pushed with: nothing in Assembled is wrong, and the way to
// send a change (for time off, cancelling the request) would undo requests that are right.
// A row also edited (before the sort or after) holds cells no row was pushed with: once some rows
// show the sort, it is matched to the row whose cells it nearly holds, rather than told it changed
// agent against the status cells of the row it was sorted beside.
// A row whose data cells were copied from a row still as pushed was not moved: it is a change (a
// whole row copied, its status columns with it, is a copy: copied-rows.ts).
import type { Zone } from '../ports';
import type { CellValue } from '../table/build-table';
import type { HeaderMap } from './header';
import { pushedValues, rowKey, type SentForm, sentKey, shownColumns } from './sent-print';

interface ChangedRow {
  row: number;
  values: readonly CellValue[];
  /** Its Push status note, which says what was sent from the row. */
  note?: string;
}

/**
 * Of the rows changed since they were pushed, each whose cells another of them was pushed with,
 * or nearly (nearMoves): the row, and that other row. A few look-ups a row, whatever the size of
 * the sort.
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
  // Only a sort shown by rows it moved as they were makes a near match a move: without one, a row
  // edited is a row edited.
  if (moved.size > 0) nearMoves(changed, map, zone, moved);
  return moved;
}

/** The columns that say which record a row is, where the kind has them all: the agent and the start. */
const IDENTITY = ['agent', 'start'];

/**
 * Adds to `moved` each row left whose cells differ from what another changed row was pushed with
 * (a note in words, not yet taken) in one column, or not in the agent and the start, and in fewer
 * columns than from what its own note says: moved by the sort, and edited.
 */
function nearMoves(
  changed: readonly ChangedRow[],
  map: HeaderMap,
  zone: Zone,
  moved: Map<number, number>,
): void {
  const taken = new Set(moved.values());
  const ids = IDENTITY.map((k) => map.columns[k]);
  const at = Object.values(map.columns).sort((a, b) => a - b);
  const idAt = ids.every((i) => i !== undefined) ? ids.map((i) => at.indexOf(i as number)) : [];
  /** Keys a row's cells share with a print they nearly are: each with one column left out, and its identity. */
  const keys = (cells: readonly string[]): string[] => [
    ...cells.map((_, c) => JSON.stringify(cells.map((v, i) => (i === c ? null : v)))),
    ...(idAt.length ? [`id:${JSON.stringify(idAt.map((i) => cells[i]))}`] : []),
  ];
  const pushed = new Map<number, string[]>();
  const near = new Map<string, number[]>();
  for (const r of changed) {
    const values = pushedValues(r.note ?? '', map);
    if (!values) continue;
    const cells = shownColumns(values, map, zone);
    pushed.set(r.row, cells);
    if (taken.has(r.row)) continue;
    for (const k of keys(cells)) {
      const rows = near.get(k);
      if (rows) rows.push(r.row);
      else near.set(k, [r.row]);
    }
  }
  const apart = (a: readonly string[], b: readonly string[]) => a.filter((v, i) => v !== b[i]).length;
  for (const r of changed) {
    const own = pushed.get(r.row);
    if (moved.has(r.row) || !own) continue;
    const cells = shownColumns(r.values, map, zone);
    let best: { row: number; apart: number } | undefined;
    for (const k of keys(cells))
      for (const from of near.get(k) ?? []) {
        const print = pushed.get(from);
        if (from === r.row || taken.has(from) || !print) continue;
        const d = apart(cells, print);
        if (!best || d < best.apart) best = { row: from, apart: d };
      }
    // Its own note nearer (or as near): edited where it stands, not moved.
    if (!best || best.apart >= apart(cells, own)) continue;
    moved.set(r.row, best.row);
    taken.add(best.row);
  }
}
