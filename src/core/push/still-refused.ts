// Rows Assembled refused when last pushed and not changed since, told without asking Assembled: the
// note of the Push status keeps what was sent (sent-print.ts). A push that stops before it reads its
// rows leaves them as they are: their status is Assembled's last word on them, and Validate goes on
// telling them from rows to send (SheetRow.refused).
import type { Grid } from '../sheet/grid';
import { ERROR_STATUS } from './kinds';
import { refusedInNote, sameAsSent } from './sent-print';
import type { SheetRow, SheetSnapshot } from './sheet-rows';

/** Of `rows`, those still as Assembled refused them; their notes are read only when one reads "error". */
export function stillRefused(grid: Grid, sheet: SheetSnapshot, rows: SheetRow[]): Set<number> {
  const refused = rows.filter((r) => r.status === ERROR_STATUS);
  if (refused.length === 0) return new Set();
  const first = Math.min(...refused.map((r) => r.row));
  const last = Math.max(...refused.map((r) => r.row));
  const notes = grid.columnNotes(first, sheet.map.status.status + 1, last - first + 1);
  const same = (r: SheetRow, note: string) =>
    refusedInNote(note) && sameAsSent(note, r.values, sheet.map, sheet.zone) === true;
  return new Set(refused.filter((r) => same(r, notes[r.row - first] ?? '')).map((r) => r.row));
}
