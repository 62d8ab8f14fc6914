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
// A sort moves pushed cells beside a status that says nothing was pushed too ("not sent", an error,
// none): that row, sent, would make what Assembled holds a second time, and the row its status
// records it for reads as changed. So rows not pushed are matched as well, to what a changed row
// was pushed with exactly (a near match is a row to send, as a new row alike is), and the changed
// row left holding other cells is told where its own went (movedAway). A changed row still the
// record it was pushed as (its agent and start, or platform, as pushed) was edited where it
// stands: a row not pushed holding its cells as pushed was typed or copied, not sorted.
import type { Zone } from '../ports';
import type { CellValue } from '../table/build-table';
import type { HeaderMap } from './header';
import { pushedValues, rowKey, type SentForm, sentKey, shownColumns } from './sent-print';

interface RowCells {
  row: number;
  values: readonly CellValue[];
}

interface ChangedRow extends RowCells {
  /** Its Push status note, which says what was sent from the row. */
  note?: string;
}

/**
 * Of the rows changed since they were pushed, each whose cells another of them was pushed with,
 * or nearly (nearMoves), and of the rows `unpushed` (not pushed, to send), each whose cells one of
 * them was pushed with: the row, and that other row. A few look-ups a row, whatever the size of
 * the sort.
 */
export function movedRows(
  changed: readonly ChangedRow[],
  map: HeaderMap,
  zone: Zone,
  unpushed: readonly RowCells[] = [],
): Map<number, number> {
  const moved = new Map<number, number>();
  if (changed.length === 0 || changed.length + unpushed.length < 2) return moved;
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
  const edited = editedInPlace(changed, map, zone);
  const match = (r: RowCells, pushed: boolean) => {
    for (const form of forms) {
      const from = pushedWith.get(`${form}:${rowKey(r.values, map, zone, form)}`);
      if (from === undefined || from === r.row) continue;
      if (pushed || !edited(from)) moved.set(r.row, from);
      return;
    }
  };
  for (const r of changed) match(r, true);
  for (const r of unpushed) match(r, false);
  // Only a sort shown by rows it moved as they were makes a near match a move: without one, a row
  // edited is a row edited.
  if (moved.size > 0) nearMoves(changed, map, zone, moved);
  return moved;
}

/**
 * Of the rows another was moved from (movedRows), each not itself moved: the row now holding what
 * it was pushed with. Its own cells are some other row's, not a change to send: it says where its
 * own went, not how to send them (cancelling a request that is right).
 */
export function movedAway(moved: ReadonlyMap<number, number>): Map<number, number> {
  const away = new Map<number, number>();
  for (const [at, from] of moved) if (!moved.has(from)) away.set(from, at);
  return away;
}

/**
 * The columns that say which record a row is, the first set the kind has all of: the agent and the
 * start, or an association's agent and platform.
 */
const IDENTITIES = [
  ['agent', 'start'],
  ['agent', 'platform'],
];

/** Where the identity columns are among a row's shownColumns; none when the kind has no such set. */
function identityAt(map: HeaderMap): number[] {
  const at = Object.values(map.columns).sort((a, b) => a - b);
  const ids = IDENTITIES.map((set) => set.map((k) => map.columns[k])).find((set) =>
    set.every((i) => i !== undefined),
  );
  return ids ? ids.map((i) => at.indexOf(i as number)) : [];
}

/**
 * Whether a changed row is still the record it was pushed as (its identity cells as its note in
 * words says): edited where it stands. Not so when that cannot be told.
 */
function editedInPlace(changed: readonly ChangedRow[], map: HeaderMap, zone: Zone): (row: number) => boolean {
  const byRow = new Map(changed.map((r) => [r.row, r]));
  const idAt = identityAt(map);
  return (row) => {
    const r = byRow.get(row);
    const values = r && idAt.length > 0 ? pushedValues(r.note ?? '', map) : undefined;
    if (!r || !values) return false;
    const now = shownColumns(r.values, map, zone);
    const was = shownColumns(values, map, zone);
    return idAt.every((i) => now[i] === was[i]);
  };
}

/**
 * Adds to `moved` each row left whose cells differ from what another changed row was pushed with
 * (a note in words, not yet taken) in one column, or not in its identity, and in fewer
 * columns than from what its own note says: moved by the sort, and edited.
 */
function nearMoves(
  changed: readonly ChangedRow[],
  map: HeaderMap,
  zone: Zone,
  moved: Map<number, number>,
): void {
  const taken = new Set(moved.values());
  const idAt = identityAt(map);
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
