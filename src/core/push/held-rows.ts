// A sheet pulled from Assembled is not pushed back as new records: a list from Assembled (pulled,
// synced, or copied from one) pushed as records to create would make every one it lists again (a
// time-off list asks again for each request, cancelled and denied ones too; ingested states are
// recorded twice). Such a row is marked to fix, never sent. Told by what the sheet holds, not by
// asking Assembled: a push stays at a request per created row.

import { RESOURCE_INFO } from '../pull/catalogue';
import { type HeaderNotes, listsTimeOff, pulledInto } from '../pull/source-note';
import type { CellValue } from '../table/build-table';
import { cellText } from './cell-text';
import { type HeaderMap, matchHeader, normaliseHeader } from './header';
import { KINDS, type PushKind } from './kinds';
import { looksLikeTimeOffList } from './sync-time-off';

/** Pulls whose rows are agent states Assembled holds (as a pulled sheet's header note names them). */
const STATE_PULLS = [RESOURCE_INFO.agent_states.label, RESOURCE_INFO.condensed_timeline.label];

/** Why a row is not sent, when Assembled holds it already; undefined for a row to send. */
export type HeldCheck = (values: readonly CellValue[]) => string | undefined;

/** The check of a sheet's rows pushed as `kind`, or undefined when none of them can be held. */
export function heldCheck(grid: HeaderNotes, kind: PushKind, map: HeaderMap): HeldCheck | undefined {
  if (kind === 'time_off') {
    const at = requestIdColumn(grid, map);
    if (at < 0) return undefined;
    const column = map.headers[at] ?? '';
    return (values) => {
      const id = cellText(values[at]);
      return id ? timeOffHeld(column, id) : undefined;
    };
  }
  const pulled = kind === 'agent_states' ? pulledInto(grid) : undefined;
  if (pulled === undefined || !STATE_PULLS.includes(pulled)) return undefined;
  // A pulled state has no id (kinds.ts): only one an edit history pull lists can be edited here.
  const problem = `Assembled holds this state already (the sheet is a pull of ${pulled}), so it is not ingested again. To change it, change it in Assembled itself, or, if an Agent-state edit history pull lists it, use "${KINDS.state_edits.label}" (Insert template) with its State ID; new states go in a sheet of their own.`;
  return () => problem;
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
