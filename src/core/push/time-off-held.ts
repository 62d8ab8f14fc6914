// A time-off list from Assembled (pulled, synced, or copied from one) pushed as "Time off to create"
// would ask again for every request it lists, cancelled and denied ones too. A row that carries a
// request's id is one Assembled holds: it is marked to fix, never sent. Told by what the sheet
// holds, not by asking Assembled: a push stays at a request per created row.
import { pulledInto } from '../pull/source-note';
import type { Grid } from '../sheet/grid';
import { type HeaderMap, matchHeader, normaliseHeader } from './header';
import { KINDS } from './kinds';
import { looksLikeTimeOffList } from './sync-time-off';

/**
 * The 0-based column of the rows' request ids, or -1: the column "Time off to cancel" would read
 * them from ("Request ID", "Time off ID"); a plain "ID" only in a time-off list (its header note
 * names a time-off source, or it has ID and Status, as a pull has).
 */
export function requestIdColumn(grid: Pick<Grid, 'noteAt'>, map: HeaderMap): number {
  const cancel = matchHeader('time_off_cancel', map.headers);
  const at = cancel.ok ? (cancel.map.columns.request_id ?? -1) : -1;
  const ids =
    normaliseHeader(map.headers[at]) !== 'id' ||
    looksLikeTimeOffList(map.headers) ||
    /^time-off/i.test(pulledInto(grid) ?? '');
  return ids ? at : -1;
}

/** The problem of a row whose `column` holds the request id `id`. */
export function heldProblem(column: string, id: string): string {
  return `${column}: ${id} is a request already in Assembled, so it is not sent again. To cancel it, put its ID in a "${KINDS.time_off_cancel.label}" sheet (Insert template); to ask for it again as a new request, clear its ID.`;
}
