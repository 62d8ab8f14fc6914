// A row a push sent from under a pulled table (typed-rows.ts) is written over by a merge with the
// row Assembled lists for it, which fills in what the row could not say when it was sent (Activity,
// Agent and Schedule IDs). Its Push status note keeps what was sent (sent-print.ts), so Validate
// would call those filled-in ids a change made since, and ask for an update that changes nothing.
// Assembled holds what the row now reads: the note is made again of that, still naming who pushed
// it. A change typed after the pull is still one.
import type { Zone } from '../ports';
import { matchHeader } from '../push/header';
import { kindInNote, statusColumnOf } from '../push/kind-note';
import { holdsPrint, pushedBy, sentNote } from '../push/sent-print';
import type { Grid } from '../sheet/grid';

/**
 * Makes the Push status note of each sheet row in `rows` (ascending), a merge just wrote as
 * Assembled lists it, what the row now reads; rows whose note holds no print are left as they are.
 * `headerRow`: the table's header, which the push reads from column A.
 */
export function reprintPushed(grid: Grid, headerRow: number, rows: readonly number[], zone: Zone): void {
  const [first, last] = [rows[0], rows[rows.length - 1]];
  if (first === undefined || last === undefined) return;
  const width = grid.used().cols;
  const [header = []] = grid.read(headerRow, 1, 1, width);
  const status = statusColumnOf(header);
  const kind = status < 0 ? undefined : kindInNote(grid.noteAt(headerRow, status + 1));
  const found = kind && matchHeader(kind, header, width);
  if (!found?.ok) return;
  const span = last - first + 1;
  const cells = grid.read(first, 1, span, width);
  const notes = grid.columnNotes(first, status + 1, span);
  const now = notes.slice();
  for (const row of rows) {
    const at = row - first;
    const note = notes[at] ?? '';
    if (holdsPrint(note)) now[at] = sentNote(cells[at] ?? [], found.map, zone, { by: pushedBy(note) });
  }
  if (now.some((n, i) => n !== notes[i])) grid.setColumnNotes(first, status + 1, now);
}
