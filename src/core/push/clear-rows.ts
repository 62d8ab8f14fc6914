// Windows to clear: a window typed twice is marked and not sent (the first row clears it), and
// Validate says what each window would remove, read from the schedule as it stands, since a clear
// cannot be undone. A done window typed again is not refused: clearing it later, once the schedule
// has changed, may be meant.
import { type AssembledClient, isAssembledError } from '../assembled';
import { activityCount } from '../count-text';
import type { ClearRequest } from './activity-request';
import type { HeaderMap } from './header';
import { refuseRow } from './overlaps';
import type { SheetRow } from './sheet-rows';

function clearOf(row: SheetRow): ClearRequest['input'] | undefined {
  return row.parse?.ok && row.parse.request.kind === 'activities_clear' ? row.parse.request.input : undefined;
}

export function markRepeatedWindows(rows: SheetRow[], map: HeaderMap): void {
  const first = new Map<string, number>();
  const names = ['agents', 'start', 'end', 'schedule'].map((k) => map.headers[map.columns[k] ?? -1] || k);
  for (const row of rows) {
    const w = row.done ? undefined : clearOf(row);
    if (!w) continue;
    const key = JSON.stringify([[...w.agent_ids].sort(), w.start_time, w.end_time, w.schedule_id ?? '']);
    const at = first.get(key);
    if (at === undefined) first.set(key, row.row);
    else
      refuseRow(
        row,
        `Clears the same window as row ${at} (the same ${names.slice(0, 3).join(', ')} and ${names[3]}): delete the row typed twice.`,
      );
  }
}

/** Windows a push of these rows would clear: Push asks first only when there is one. */
export function windowsToClear(rows: SheetRow[]): number {
  return rows.filter((row) => !row.done && clearOf(row)).length;
}

/** The list endpoint takes at most 31 days a call; agents go on the URL, whose limit is 2 KB. */
const SPAN_MS = 30 * 86_400_000;
const MAX_AGENTS = 20;
/** Reads Validate spends on counting: a long sheet's later windows get the general words. */
const MAX_READS = 25;

/** What clearing a window would do to the schedule as it stands now. */
export interface ClearCount {
  removed: number;
  cut: number;
}

/**
 * Counts, for each window, the activities a clear would remove and those it would cut at its
 * edges, as DELETE /v0/activities does. Windows not counted (reads spent, or Assembled not
 * answering) are left out: their words say what a clear does instead.
 */
export function countClears(client: AssembledClient, rows: SheetRow[]): Map<number, ClearCount> {
  const counts = new Map<number, ClearCount>();
  let reads = 0;
  for (const row of rows) {
    const w = row.done ? undefined : clearOf(row);
    if (!w) continue;
    const agents = new Set(w.agent_ids);
    const seen = new Map<string, { start_time: number; end_time: number }>();
    try {
      for (let from = w.start_time; from < w.end_time; from += SPAN_MS) {
        if (++reads > MAX_READS) return counts;
        const page = client.listActivities({
          start_time: from,
          end_time: Math.min(w.end_time, from + SPAN_MS),
          ...(agents.size <= MAX_AGENTS ? { agents: [...agents] } : {}),
          ...(w.schedule_id ? { schedule_id: w.schedule_id } : {}),
        });
        for (const a of page.activities) if (agents.has(a.agent_id)) seen.set(`${a.id}@${a.start_time}`, a);
      }
    } catch (error) {
      if (!isAssembledError(error)) throw error;
      return counts;
    }
    const count = { removed: 0, cut: 0 };
    for (const a of seen.values()) {
      if (a.start_time >= w.end_time || a.end_time <= w.start_time) continue;
      if (a.start_time >= w.start_time && a.end_time <= w.end_time) count.removed++;
      else count.cut++;
    }
    counts.set(row.row, count);
  }
  return counts;
}

/** Validate's words on a window to clear: what Push would remove, and that it cannot be undone. */
export function clearWords(count: ClearCount | undefined): string {
  if (!count)
    return " Push removes every activity of the row's agents inside the window (those straddling its edges are cut there), and that cannot be undone.";
  if (count.removed + count.cut === 0)
    return " The window holds no activity of the row's agents now: Push would remove nothing.";
  // None wholly inside: "remove 0 activities …, and cut 1" read as a slip.
  if (count.removed === 0)
    return ` Push would cut ${activityCount(count.cut)} of the row's agents at this window's edges and remove none inside it, as the schedule stands now; that cannot be undone.`;
  const cut = count.cut ? `, and cut ${activityCount(count.cut)} at its edges` : '';
  return ` Push would remove ${activityCount(count.removed)} of the row's agents in this window${cut}, as the schedule stands now; that cannot be undone.`;
}
