// Activity rows whose bulk answer was lost: each create is looked for among the activities listed
// in the rows' window (agent, type, times, description), each found activity given to one row and
// never to one whose id the sheet already holds. Updates and deletes are left to be sent again:
// an update sets the same fields twice, and a delete of an activity already gone is recognised.
import type { Activity, AssembledClient } from '../assembled';
import { FOUND_AFTER_INTERRUPTION } from './outcome-words';
import type { ReconcileInput } from './reconcile';
import type { RowOutcome } from './sheet-rows';

/** The list endpoint takes at most 31 days a call. */
const SPAN_MS = 30 * 86_400_000;
/** agents go on the URL, whose limit is 2 KB. */
const MAX_AGENTS = 20;

/**
 * The activities Assembled holds over [start, end) on a schedule ('' the master), 31 days a call:
 * for the agents named, or everyone's past what a URL takes.
 */
export function activitiesHeld(
  client: Pick<AssembledClient, 'listActivities'>,
  start: number,
  end: number,
  agents: string[],
  schedule: string | undefined,
): Activity[] {
  const seen = new Map<string, Activity>();
  for (let from = start; from < end; from += SPAN_MS) {
    const page = client.listActivities({
      start_time: from,
      end_time: Math.min(end, from + SPAN_MS),
      ...(agents.length <= MAX_AGENTS ? { agents } : {}),
      ...(schedule ? { schedule_id: schedule } : {}),
    });
    for (const a of page.activities) seen.set(a.id, a);
  }
  return [...seen.values()];
}

export function reconcileActivities(
  client: AssembledClient,
  { items, claimed }: ReconcileInput,
): Map<number, RowOutcome> {
  const out = new Map<number, RowOutcome>();
  const creates = items.flatMap((i) =>
    i.request.kind === 'activities' && i.request.action === 'create' ? [{ row: i.row, r: i.request }] : [],
  );
  const schedules = new Set(creates.map((c) => c.r.scheduleId));
  for (const schedule of schedules) {
    const rows = creates.filter((c) => c.r.scheduleId === schedule);
    const start = Math.min(...rows.map((c) => c.r.activity.start_time ?? 0));
    const end = Math.max(...rows.map((c) => c.r.activity.end_time ?? 0));
    const agents = [...new Set(rows.map((c) => c.r.activity.agent_id ?? ''))];
    const seen = activitiesHeld(client, start, end, agents, schedule);
    for (const { row, r } of rows) {
      const want = r.activity;
      const match = seen.find(
        (a) =>
          !claimed.has(a.id) &&
          a.agent_id === want.agent_id &&
          a.type_id === want.type_id &&
          a.start_time === want.start_time &&
          a.end_time === want.end_time &&
          (want.description === undefined || a.description === want.description),
      );
      if (!match) continue;
      claimed.add(match.id);
      out.set(row, { status: 'created', id: match.id, message: FOUND_AFTER_INTERRUPTION });
    }
  }
  return out;
}
