// Rows of one agent whose times overlap, where that is a mistake: neither is sent until it is
// fixed, since the add-on cannot tell which row is wrong.
// - Agent states: an agent is in one state at a time on a platform. An open state (no End) lasts
//   until the next one starts, so it clashes only by starting inside another state or with it.
// - Time off: two requests over the same time are one typed twice, or a change that belongs in
//   Assembled (cancel one, then ask again).
import type { HeaderMap } from './header';
import { overlapsWithin, refuseRow, rowsText, type Span } from './overlaps';
import type { PushRequest } from './request';
import type { SheetRow } from './sheet-rows';

/** `held`: rows already pushed, with what they sent; a new row clashing with one is held back. */
export function markStateOverlaps(
  rows: SheetRow[],
  map: HeaderMap,
  held: { row: SheetRow; request: PushRequest }[] = [],
): void {
  const groups = new Map<string, Span[]>();
  const sent = rows.map((row) => ({ row, request: row.parse?.ok ? row.parse.request : undefined }));
  for (const { row, request: r } of [...sent, ...held]) {
    if (r?.kind !== 'agent_states') continue;
    const key = `${r.input.agent_id}\u0000${(r.input.source ?? '').toLowerCase()}`;
    const { start_time: start, end_time: end } = r.input;
    const span = { row, start, end: end ?? start + 1 };
    groups.set(key, [...(groups.get(key) ?? []), span]);
  }
  const start = map.headers[map.columns.start ?? -1] || 'Start';
  for (const [row, others] of overlapsWithin(groups.values())) {
    if (row.done) continue;
    refuseRow(
      row,
      `${start}: overlaps ${rowsText(others)}, a state of the same agent from the same source: an agent is in one state at a time on a platform. Correct the times of the row that is wrong, or delete a row typed twice.`,
    );
  }
}

export function markTimeOffOverlaps(rows: SheetRow[], map: HeaderMap): void {
  const groups = new Map<string, Span[]>();
  for (const row of rows) {
    const r = row.parse?.ok ? row.parse.request : undefined;
    if (r?.kind !== 'time_off') continue;
    const span = { row, start: r.input.start_time, end: r.input.end_time };
    groups.set(r.input.agent_id, [...(groups.get(r.input.agent_id) ?? []), span]);
  }
  const start = map.headers[map.columns.start ?? -1] || 'Start';
  for (const [row, others] of overlapsWithin(groups.values()))
    refuseRow(
      row,
      `${start}: overlaps ${rowsText(others)}, time off for the same agent: two requests over the same time. Delete the row typed twice, or correct its dates.`,
    );
}
