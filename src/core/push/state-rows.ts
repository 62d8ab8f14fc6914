// Across a sheet of agent states: two closed states of one agent from one platform that overlap.
// An agent is in one state at a time on a platform, so one of the rows is wrong; neither is sent
// until it is fixed. Open states (no End) are left alone: a platform's events start a state and
// leave its end to the next one.
import type { HeaderMap } from './header';
import { overlapsWithin, refuseRow, rowsText, type Span } from './overlaps';
import type { SheetRow } from './sheet-rows';

export function markStateOverlaps(rows: SheetRow[], map: HeaderMap): void {
  const groups = new Map<string, Span[]>();
  for (const row of rows) {
    const r = row.parse?.ok ? row.parse.request : undefined;
    if (r?.kind !== 'agent_states' || r.input.end_time === undefined) continue;
    const key = `${r.input.agent_id}\u0000${(r.input.source ?? '').toLowerCase()}`;
    const span = { row, start: r.input.start_time, end: r.input.end_time };
    groups.set(key, [...(groups.get(key) ?? []), span]);
  }
  const start = map.headers[map.columns.start ?? -1] || 'Start';
  for (const [row, others] of overlapsWithin(groups.values()))
    refuseRow(
      row,
      `${start}: overlaps ${rowsText(others)}, a state of the same agent from the same source: an agent is in one state at a time on a platform. Correct the times of the row that is wrong.`,
    );
}
