// Rows of one agent whose times overlap, where that is a mistake: neither is sent until it is
// fixed, since the add-on cannot tell which row is wrong.
// - Agent states: an agent is in one state at a time on a platform. An open state (no End) lasts
//   until the next one starts, so it clashes only by starting inside another state or with it.
//   State edits' inserts and updates place states too, and are checked alike.
// - Time off: two requests over the same time are a change that belongs in Assembled (cancel one,
//   then ask again).
// A row typed twice, the same state or request, is told apart: only its later copies wait, and a
// copy of a row pushed since still says it is the same, not that it overlaps (which would have a
// person cancel or correct the good one).
import type { Zone } from '../ports';
import type { HeaderMap } from './header';
import {
  copyWords,
  overlapsText,
  overlapsWithin,
  refuseRow,
  requestOf,
  rowsText,
  type Span,
  typedTwice,
} from './overlaps';
import { emptiedSincePushed } from './pushed-requests';
import type { PushRequest, StateRecord } from './request';
import { EMPTYING_WITHDRAWS } from './sent-print';
import type { SheetRow } from './sheet-rows';

type Held = { row: SheetRow; request: PushRequest }[];

/**
 * Pushed rows a new row may be a copy of: those the sheet shows as they were sent. An emptied or
 * changed one is met by the overlap's words, which say what Assembled still holds.
 */
const asSent = (held: Held): Held => held.filter((h) => !h.row.changed && !emptiedSincePushed(h.row));

/**
 * The rows' requests (where they read well, a near miss read as written too: a row to fix says all
 * its problems at once), then those of the rows already pushed.
 */
function withHeld(rows: SheetRow[], held: Held): { row: SheetRow; request?: PushRequest }[] {
  return [...rows.map((row) => ({ row, request: requestOf(row) })), ...held];
}

/** The state a request places (a state to ingest, an edit's insert or update), if any. */
function placed(r: PushRequest | undefined): StateRecord | undefined {
  if (r?.kind === 'agent_states') return r.input;
  return r?.kind === 'state_edits' && r.action !== 'delete' ? r.input : undefined;
}

/**
 * `held`: rows already pushed, with what they sent; a new row clashing with one is held back. The
 * rows refused, whose times are to fix already.
 */
export function markStateOverlaps(
  rows: SheetRow[],
  map: HeaderMap,
  zone: Zone,
  held: Held = [],
): Set<SheetRow> {
  const refused = new Set<SheetRow>();
  const copies = typedTwice(
    rows.filter((r) => r.parse?.ok && placed(r.parse.request)),
    asSent(held).filter((h) => placed(h.request)),
  );
  const groups = new Map<string, Span[]>();
  for (const { row, request } of withHeld(rows, held)) {
    const input = placed(request);
    if (!input || copies.has(row)) continue;
    const key = `${input.agent_id}\u0000${(input.source ?? '').toLowerCase()}`;
    const { start_time: start, end_time: end } = input;
    const span = { row, start, end: end ?? start + 1 };
    groups.set(key, [...(groups.get(key) ?? []), span]);
  }
  for (const [row, others] of overlapsWithin(groups.values())) {
    if (row.done) continue;
    refused.add(row);
    refuseRow(
      row,
      `${overlapsText(map, row, others, zone)}, ${others.length > 1 ? 'states' : 'a state'} of the same agent from the same source: an agent is in one state at a time on a platform. Correct the times of the row that is wrong, or delete a row typed twice.`,
    );
  }
  for (const [row, at] of copies) {
    refused.add(row);
    refuseRow(row, copyWords('state', at));
  }
  return refused;
}

/**
 * `held`: rows already pushed whose request is still live in Assembled (not cancelled, denied or
 * deleted); a new row over the same time would be a second request, so it is held back too.
 */
export function markTimeOffOverlaps(rows: SheetRow[], map: HeaderMap, zone: Zone, held: Held = []): void {
  const copies = typedTwice(rows, asSent(held));
  const groups = new Map<string, Span[]>();
  for (const { row, request: r } of withHeld(rows, held)) {
    if (r?.kind !== 'time_off' || copies.has(row)) continue;
    const span = { row, start: r.input.start_time, end: r.input.end_time };
    groups.set(r.input.agent_id, [...(groups.get(r.input.agent_id) ?? []), span]);
  }
  const done = new Set(held.map((h) => h.row.row));
  // Emptied rows are named: the sheet no longer shows what they sent.
  const emptied = new Set(held.filter((h) => emptiedSincePushed(h.row)).map((h) => h.row.row));
  // A row pushed is refused too, to no effect: it is not sent again.
  for (const [row, others] of overlapsWithin(groups.values())) {
    const pushed = others.filter((o) => done.has(o.row));
    const gone = pushed.filter((o) => emptied.has(o.row)).map((o) => o.row);
    const since = gone.length
      ? ` (the cells of ${rowsText(gone)} were emptied since, but Assembled still holds what ${gone.length === 1 ? 'it' : 'they'} sent: ${EMPTYING_WITHDRAWS})`
      : '';
    refuseRow(
      row,
      pushed.length > 0
        ? `${overlapsText(map, row, pushed, zone)}, time off for the same agent already pushed to Assembled${since}: this would be a second request over the same time. Delete this row if it was typed twice; to change the request, cancel it first (Time off to cancel, with its Assembled ID), or Sync time off if it was cancelled in Assembled.`
        : `${overlapsText(map, row, others, zone)}, time off for the same agent: two requests over the same time. Delete the row typed twice, or correct its dates.`,
    );
  }
  for (const [row, at] of copies) refuseRow(row, copyWords('time off', at));
}
