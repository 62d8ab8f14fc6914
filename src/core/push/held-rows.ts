// A sheet pulled from Assembled is not pushed back as new records: a time-off list from Assembled
// (pulled, synced, or copied from one) pushed as requests to create would ask again for each one it
// lists, cancelled and denied ones too. Such a row is marked to fix, never sent; clearing its ID
// sends it as new. Told by what the sheet holds, not by asking Assembled: a push stays at a request
// per created row. (A pull of agent states, whose rows have no id to clear, is refused whole:
// run-push.ts pulledTableWords.)

import { type HeaderNotes, listsTimeOff, pulledInto } from '../pull/source-note';
import type { CellValue } from '../table/build-table';
import { cellText } from './cell-text';
import { type HeaderMap, matchHeader, normaliseHeader } from './header';
import { KINDS, type PushKind } from './kinds';
import { looksLikeTimeOffList } from './sync-time-off';

/** Why a row is not sent, when Assembled holds it already; undefined for a row to send. */
export type HeldCheck = (values: readonly CellValue[]) => string | undefined;

/** The check of a sheet's rows pushed as `kind`, or undefined when none of them can be held. */
export function heldCheck(grid: HeaderNotes, kind: PushKind, map: HeaderMap): HeldCheck | undefined {
  const at = kind === 'time_off' ? requestIdColumn(grid, map) : -1;
  if (at < 0) return undefined;
  const column = map.headers[at] ?? '';
  return (values) => {
    const id = cellText(values[at]);
    return id ? timeOffHeld(column, id) : undefined;
  };
}

/**
 * The 0-based column of the rows' request ids, or -1: the column "Time off to cancel" would read
 * them from ("Request ID", "Time off ID"); a plain "ID" only in a time-off list (its header note
 * names a time-off source, or it has ID and Status, as a pull has).
 */
function requestIdColumn(grid: HeaderNotes, map: HeaderMap): number {
  const cancel = matchHeader('time_off_cancel', map.headers);
  const at = cancel.ok ? (cancel.map.columns.request_id ?? -1) : -1;
  const ids =
    normaliseHeader(map.headers[at]) !== 'id' ||
    looksLikeTimeOffList(map.headers) ||
    listsTimeOff(pulledInto(grid) ?? '');
  return ids ? at : -1;
}

/** The problem of a row whose `column` holds the request id `id`. */
function timeOffHeld(column: string, id: string): string {
  return `${column}: ${id} is a request already in Assembled, so it is not sent again. To cancel it, put its ID in a "${KINDS.time_off_cancel.label}" sheet (Insert template); to ask for it again as a new request, clear its ID.`;
}
