// An ingested state whose Push status was cleared. Clearing it is how an association's change is
// sent, but an ingested state cannot be changed through the API (kinds.ts INGESTED_NO_ID): sent
// again, the row would be a second state beside the first, the agent's time counted twice. While
// its Push status note keeps what Assembled took, the row is done all the same: its status is put
// back, and its message says why and what changes the state instead (sent-print.ts putBackMessage).
import type { HeaderMap } from './header';
import { ERROR_STATUS } from './kinds';
import { tookInNote } from './sent-print';
import type { SheetRow } from './sheet-rows';

/** The status a state row Assembled took has. */
const INGESTED = 'ingested';

/**
 * Puts back the status of a state row Assembled took whose status was cleared since (any word but
 * error, which a row refused keeps); true when it did. A row whose note was deleted too is not
 * known to have gone: it is checked against the states Assembled holds (states-in-assembled.ts).
 */
export function putBackIngested(row: SheetRow, map: HeaderMap, note: string): boolean {
  if (row.done || row.blank || row.status === ERROR_STATUS || !tookInNote(note)) return false;
  row.status = INGESTED;
  row.values[map.status.status] = INGESTED;
  row.done = true;
  row.putBack = true;
  delete row.input;
  return true;
}
