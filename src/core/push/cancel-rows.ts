// A request ID typed twice in a "Time off to cancel" sheet: the row typed twice is marked to fix
// and not sent, so its row does not pass for a cancel ("Was already cancelled") and hide the slip.
// The row kept (one already done, else the first) is sent as usual: both ask for the same cancel.
import type { HeaderMap } from './header';
import { refuseRow } from './overlaps';
import type { SheetRow } from './sheet-rows';

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
