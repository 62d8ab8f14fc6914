// The order activity rows are sent in. A create or update without Allow conflicts has Assembled
// delete the agent's activities it overlaps as Assembled then holds them, so a row that moves or
// deletes an activity another row is placed over goes first (a pulled schedule's rows moved into
// the time another leaves). Rows each placed over another's activity in turn (two swapping times)
// have no such order: they are refused before anything is sent. Assembled is asked what it holds
// over the time the rows place activities in, for their agents. A row waiting on one refused (at
// Validate, or by Assembled during the push) is not sent: it would delete what that row was to move.
import type { Activity } from '../assembled';
import type { ActivityRequest } from './activity-request';
import { cellText } from './cell-text';
import type { HeaderMap } from './header';
import type { ScheduleOf } from './master-schedule';
import { refuseRow, rowsText } from './overlaps';
import type { SheetRow } from './sheet-rows';

/** The activities Assembled holds over [start, end) on a schedule ('' the master): the agents named, or everyone's. */
export type ActivitiesHeld = (
  start: number,
  end: number,
  agentIds: string[],
  scheduleId: string,
) => Activity[];

type Placed = ActivityRequest['activity'] & { agent_id: string; start_time: number; end_time: number };

const requestOf = (row: SheetRow): ActivityRequest | undefined =>
  row.parse?.ok && row.parse.request.kind === 'activities' ? row.parse.request : undefined;

/** What a row places where Assembled deletes what it overlaps: not a delete, nor a create that allows conflicts. */
function placed(r: ActivityRequest): Placed | undefined {
  const a = r.activity;
  if (r.action === 'delete' || (r.action === 'create' && a.allow_conflicts)) return undefined;
  return a.agent_id && a.start_time !== undefined && a.end_time !== undefined ? (a as Placed) : undefined;
}

/**
 * The row not sent, as the row waiting on it says (`rows`: the rows it waits on, refused by
 * Assembled when `sent`, else found with a problem before they went).
 */
export function waitsWords(rows: number[], sent: boolean): string {
  const [on, one] = [rowsText(rows), rows.length === 1];
  const why = sent ? 'Assembled refused' : one ? 'has a problem to fix' : 'have problems to fix';
  return `Waits on ${on}, which ${why}: this row is placed over the ${one ? 'activity' : 'activities'} ${on} ${one ? 'moves or deletes' : 'move or delete'}, and sent now would have Assembled delete ${one ? 'it' : 'them'}. Fix ${on}, then push again.`;
}

/** Schedule and id of the activity a row moves or deletes: a row refused names it by its cells. */
function movedBy(row: SheetRow, map: HeaderMap, schedule: ScheduleOf): string | undefined {
  const r = row.parse?.request;
  if (r)
    return r.kind === 'activities' && r.action !== 'create' && r.activity.id
      ? `${schedule(r.scheduleId)} ${r.activity.id}`
      : undefined;
  const { action, activity_id: id, schedule: on } = map.columns;
  const cell = (at: number | undefined) => (at === undefined ? '' : cellText(row.values[at]));
  const what = cell(action).toLowerCase();
  return cell(id) && what && what !== 'create' ? `${schedule(cell(on))} ${cell(id)}` : undefined;
}

const refused = (row: SheetRow) => row.parse?.ok === false;

/**
 * Ranks the rows to send (`row.rank`: sent after every row of a lower one, `row.waitsOn`) and
 * refuses those that no order sends without deleting another row's activity first.
 */
export function orderActivityRows(
  rows: SheetRow[],
  map: HeaderMap,
  held: ActivitiesHeld,
  schedule: ScheduleOf,
): void {
  const live = rows.filter((r) => !r.done && requestOf(r));
  const moving = new Map<string, SheetRow>();
  for (const row of rows) {
    const key = !row.done && !row.blank ? movedBy(row, map, schedule) : undefined;
    if (key) moving.set(key, row);
  }
  const writes = live.filter((r) => placed(requestOf(r) as ActivityRequest));
  if (!writes.some((w) => [...moving.values()].some((m) => m !== w))) return;
  // Rows each must wait for: those moving or deleting an activity it is placed over.
  const waits = new Map<SheetRow, Set<SheetRow>>();
  for (const key of new Set(writes.map((w) => schedule(requestOf(w)?.scheduleId)))) {
    const mine = writes.filter((w) => schedule(requestOf(w)?.scheduleId) === key);
    const spans = mine.map((w) => placed(requestOf(w) as ActivityRequest) as Placed);
    const start = Math.min(...spans.map((s) => s.start_time));
    const end = Math.max(...spans.map((s) => s.end_time));
    const activities = held(start, end, [...new Set(spans.map((s) => s.agent_id))], key);
    mine.forEach((w, i) => {
      const p = spans[i] as Placed;
      for (const a of activities) {
        const by = moving.get(`${key} ${a.id}`);
        const over = a.agent_id === p.agent_id && a.start_time < p.end_time && a.end_time > p.start_time;
        if (over && by && by !== w && a.id !== p.id) waits.set(w, (waits.get(w) ?? new Set()).add(by));
      }
    });
  }
  const before = (w: SheetRow) => [...(waits.get(w) ?? [])];
  // Waiting on a row refused, and on one waiting so in turn.
  for (let more = true; more; ) {
    more = false;
    for (const w of waits.keys()) {
      const on = before(w)
        .filter(refused)
        .map((b) => b.row);
      if (refused(w) || on.length === 0) continue;
      // Refused before anything was sent: each has a problem to fix.
      refuseRow(w, waitsWords(on, false));
      more = true;
    }
  }
  for (const [w, on] of waits) w.waitsOn = [...on].map((b) => b.row);
  // Ranked in rounds: a row goes once every row it waits for has gone.
  let left = [...waits.keys()].filter((w) => !refused(w));
  for (;;) {
    const ready = left.filter((w) => before(w).every((b) => !waits.has(b) || b.rank));
    if (ready.length === 0) break;
    for (const w of ready) w.rank = 1 + Math.max(0, ...before(w).map((b) => b.rank ?? 0));
    left = left.filter((w) => !ready.includes(w));
  }
  // What is left waits in a loop (or for a row in one): no order sends it without a deletion.
  for (const row of left) {
    const on = before(row).filter((b) => left.includes(b));
    const one = on.length === 1;
    refuseRow(
      row,
      `Placed over the activity of ${rowsText(on.map((b) => b.row))} as Assembled holds it now, and no order sends ${one ? 'that row' : 'those rows'} first: ${one ? 'it is' : 'they are'} in turn placed over this row's activity, or over one that waits so. Whichever is sent first, Assembled deletes the activity it is placed over. Push one of them first with times over none of the others, then its times here; or delete one activity and create it again in a new row.`,
    );
  }
}
