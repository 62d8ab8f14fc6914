// A request ID typed twice in a "Time off to cancel" sheet: the row typed twice is marked to fix
// and not sent, so its row does not pass for a cancel ("Was already cancelled") and hide the slip.
// The row kept (one already done, else the first) is sent as usual: both ask for the same cancel.
import { type AssembledClient, isAssembledError } from '../assembled';
import type { HeaderMap } from './header';
import { refuseRow } from './overlaps';
import type { SheetRow, SheetSnapshot } from './sheet-rows';

export function markRepeatedCancels(rows: SheetRow[], map: HeaderMap): void {
  const at = map.columns.request_id ?? -1;
  const kept = new Map<string, number>();
  // Done rows first (the sort keeps the sheet's order within each).
  for (const row of [...rows].sort((a, b) => +b.done - +a.done)) {
    const id = String(row.values[at] ?? '').trim();
    const first = kept.get(id);
    if (!id) continue;
    if (first === undefined) kept.set(id, row.row);
    else refuseRow(row, `${map.headers[at]} ${id} is also on row ${first}: delete the row typed twice.`);
  }
}

/**
 * Validate's look-up of the ids to cancel, in one list of the account's requests (as Sync time off
 * reads them): an id no request has is marked now, with Push's words, not found only by Push.
 * Assembled not answering leaves the rows to Push.
 */
export function markUnknownCancels(client: AssembledClient, { rows, map }: SheetSnapshot): void {
  const ids = (row: SheetRow) =>
    row.parse?.ok && row.parse.request.kind === 'time_off_cancel' ? row.parse.request.requestId : undefined;
  const toCancel = rows.filter((r) => !r.done && ids(r) !== undefined);
  if (toCancel.length === 0) return;
  let known: Set<string>;
  try {
    known = new Set(client.listTimeOffRequests().map((r) => r.id));
  } catch (error) {
    if (!isAssembledError(error)) throw error;
    return;
  }
  const column = map.headers[map.columns.request_id ?? -1] || 'Request ID';
  for (const row of toCancel) {
    const id = ids(row) as string;
    if (!known.has(id)) refuseRow(row, `No time-off request has the id "${id}". Check the ${column} column.`);
  }
}
