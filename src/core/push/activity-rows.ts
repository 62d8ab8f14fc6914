// An activity row into its request, or its problems: what each action needs, who the agent is,
// which type is meant, end after start, Allow conflicts on a create only. Then, across the sheet, rows that would overlap for one
// agent: Assembled would delete the earlier activity, so each such row is named before sending.
import type { Zone } from '../ports';
import { activityOfOccurrence } from '../pull/schedule-records';
import { wordsFor } from '../table/column-words';
import type { ActivityFields, ActivityRequest, ClearRequest } from './activity-request';
import type { CellTime } from './cell-time';
import { notAfterStart } from './end-words';
import type { HeaderMap } from './header';
import { type ScheduleOf, scheduleOf } from './master-schedule';
import {
  copyWords,
  overlapsText,
  overlapsWithin,
  refuseRow,
  rowsText,
  type Span,
  typedTwice,
} from './overlaps';
import type { ParseContext } from './parse-row';
import { WHOLE } from './progress-words';
import type { PushRequest } from './request';
import type { SheetRow } from './sheet-rows';

export interface ActivityCells {
  action?: 'create' | 'update' | 'delete';
  activity_id?: string;
  agent?: string;
  agents?: string;
  activity_type?: string;
  start?: CellTime;
  end?: CellTime;
  description?: string;
  schedule?: string;
  allow_conflicts?: boolean;
}

/** How an Activities pull heads the two ids of a row. */
const PULLED = { id: wordsFor('activity_id').header, occurrence: wordsFor('occurrence_id').header };

export interface ProblemSink {
  column(key: string): string;
  add(key: string, message: string): void;
}

function agentId(text: string, ctx: ParseContext, p: ProblemSink, key: string): string | undefined {
  const found = ctx.agents.resolve(text);
  if (found.ok) return found.agentId;
  p.add(key, found.problem);
  return undefined;
}

/** Both times given and in order, or undefined (the problem noted). */
function window(c: ActivityCells, p: ProblemSink): { start: number; end: number } | undefined {
  if (!c.start || !c.end) return undefined;
  if (c.end.ms > c.start.ms) return { start: c.start.ms, end: c.end.ms };
  p.add('end', notAfterStart(c.start.ms, c.end.ms, p.column('start'), 'the activity'));
  return undefined;
}

export function activityRequest(
  c: ActivityCells,
  ctx: ParseContext,
  p: ProblemSink,
): ActivityRequest | undefined {
  const { action } = c;
  if (!action) return undefined;
  const id = c.activity_id;
  if (action !== 'create' && !id)
    p.add(
      'activity_id',
      `is empty, and ${action} needs the activity's id (the ${PULLED.id} column of an Activities pull).`,
    );
  if (action === 'create' && id)
    p.add('activity_id', 'must be empty for create (Assembled gives the new activity its id).');
  // An Activities pull's first column (the id, @, the start) sits beside the id: easily copied instead.
  const inOccurrence = id && action !== 'create' ? activityOfOccurrence(id) : undefined;
  if (inOccurrence)
    p.add(
      'activity_id',
      `"${id}" is an ${PULLED.occurrence} (the activity's id, then @ and when this occurrence starts), which Assembled does not take. Use the ${PULLED.id} column of an Activities pull instead: here "${inOccurrence}", the id before the @.`,
    );
  const head = { kind: 'activities' as const, action, ...(c.schedule ? { scheduleId: c.schedule } : {}) };
  if (action === 'delete') return id ? { ...head, activity: { id } } : undefined;
  if (action === 'create')
    for (const k of ['agent', 'activity_type', 'start', 'end'] as const)
      if (c[k] === undefined) p.add(k, 'is empty, and create needs it.');
  const activity: ActivityFields = id ? { id } : {};
  const agent = c.agent === undefined ? undefined : agentId(c.agent, ctx, p, 'agent');
  if (agent) activity.agent_id = agent;
  if (c.activity_type !== undefined) {
    const found = ctx.types?.resolve(c.activity_type);
    if (found?.ok) activity.type_id = found.typeId;
    else p.add('activity_type', found?.problem ?? 'activity types could not be read.');
  }
  const t = window(c, p);
  if (t) Object.assign(activity, { start_time: t.start, end_time: t.end });
  else if (c.start && !c.end) activity.start_time = c.start.ms;
  else if (c.end && !c.start) activity.end_time = c.end.ms;
  if (c.description !== undefined) activity.description = c.description;
  // Only Assembled's single create takes allow_conflicts; its bulk call, the only way to update, has none.
  if (action === 'update' && c.allow_conflicts)
    p.add(
      'allow_conflicts',
      `is ticked, but Assembled keeps overlapping activities only for a create: an update may delete any of the agent's activities its times overlap, ${WHOLE}. Clear the cell to update anyway, or delete this activity and create it again with Allow conflicts ticked.`,
    );
  if (c.allow_conflicts !== undefined) activity.allow_conflicts = c.allow_conflicts;
  const changes = [c.agent, c.activity_type, c.start, c.end, c.description];
  if (action === 'update' && changes.every((v) => v === undefined))
    p.add('action', 'update needs at least one column to change (Agent, Type, Start, End or Description).');
  return { ...head, activity };
}

export function clearRequest(c: ActivityCells, ctx: ParseContext, p: ProblemSink): ClearRequest | undefined {
  const names = (c.agents ?? '')
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const ids = names.map((n) => agentId(n, ctx, p, 'agents'));
  const t = window(c, p);
  if (!t || names.length === 0 || ids.some((i) => i === undefined)) return undefined;
  return {
    kind: 'activities_clear',
    input: {
      agent_ids: [...new Set(ids as string[])],
      start_time: t.start,
      end_time: t.end,
      ...(c.schedule ? { schedule_id: c.schedule } : {}),
    },
  };
}

/**
 * Marks valid rows that overlap another row for the same agent and schedule unless both allow
 * conflicts: sent as they are, Assembled would delete one activity to place the other.
 * `listed`: the activities a pulled schedule lists with no Action, with what they hold. A row
 * placed over one of them would have Assembled delete it, unless the row allows conflicts.
 * `schedule`: which schedule a row is on (master-schedule.ts), so a row typed with no schedule
 * meets the master schedule's rows a pull lists with its id. `zone`: the spreadsheet's, for times
 * said to the second.
 */
export function markOverlaps(
  rows: SheetRow[],
  map: HeaderMap,
  zone: Zone,
  listed: { row: SheetRow; request: ActivityRequest }[] = [],
  schedule: ScheduleOf = scheduleOf(),
  pushed: { row: SheetRow; request: PushRequest }[] = [],
): void {
  const groups = new Map<string, Span[]>();
  const isListed = new Set(listed.map((l) => l.row));
  const sent = rows.map((row) => ({ row, request: row.parse?.ok ? row.parse.request : undefined }));
  // A row typed twice is not a clash of two: the first copy goes, the others are pointed at it.
  // Its first copy pushed already, a copy sent would have Assembled delete the first to place it.
  const places = ({ request: r }: { request?: PushRequest }) =>
    r?.kind === 'activities' && r.action !== 'delete';
  const copies = typedTwice(
    sent.filter(places).map((s) => s.row),
    pushed.filter(places),
  );
  for (const [row, at] of copies) refuseRow(row, copyWords('activity', at));
  for (const { row, request: r } of [...sent, ...listed]) {
    if (r?.kind !== 'activities' || r.action === 'delete' || copies.has(row)) continue;
    const { agent_id: agent, start_time: start, end_time: end } = r.activity;
    if (!agent || start === undefined || end === undefined) continue;
    const key = `${agent} ${schedule(r.scheduleId)}`;
    // Whether Assembled keeps what a row overlaps is the placed row's to say: a listed one allows.
    const allow = isListed.has(row) || r.activity.allow_conflicts === true;
    groups.set(key, [...(groups.get(key) ?? []), { row, start, end, allow }]);
  }
  const at = map.columns.allow_conflicts;
  const allow = map.headers[at ?? -1] || 'Allow conflicts';
  // A pulled schedule has no such column: the row can still be given one.
  const setAllow =
    at === undefined
      ? `add an ${allow} column and set it to TRUE on this row`
      : `tick ${allow} (TRUE) on this row`;
  // The rows whose box is ticked already: the words name only those left to tick.
  const ticked = new Set(
    [...groups.values()]
      .flat()
      .filter((s) => s.allow)
      .map((s) => s.row.row),
  );
  const tickOn = (row: SheetRow, others: readonly { row: number }[]) => {
    const rest = others.filter((o) => !ticked.has(o.row)).map((o) => o.row);
    if (ticked.has(row.row)) return `${rowsText(rest)} too`;
    if (!rest.length) return 'this row too';
    return others.length === 1 ? 'both rows' : `this row and ${rowsText(rest)}`;
  };
  for (const [row, others] of overlapsWithin(groups.values())) {
    if (isListed.has(row)) continue;
    // Allow conflicts keeps overlaps for a create only: an update is not told to set it.
    const creates =
      row.parse?.ok && row.parse.request.kind === 'activities' && row.parse.request.action === 'create';
    const under = others.filter((n) => listed.some((l) => l.row.row === n.row)).map((n) => n.row);
    const one = under.length === 1;
    refuseRow(
      row,
      under.length
        ? `${overlapsText(map, row, others, zone)} for the same agent, and Assembled would delete what this row is placed over: ${rowsText(under)}, listed with no Action. Change the times, ${creates ? `${setAllow}, ` : ''}or give ${rowsText(under)} an Action (delete ${one ? 'it' : 'them'}, or update ${one ? 'its' : 'their'} times).`
        : `${overlapsText(map, row, others, zone)} for the same agent, and Assembled would delete one to place the other. Change the times, delete a row typed twice, or tick ${allow} (TRUE) on ${tickOn(row, others)} (it keeps overlaps only for rows that create).`,
    );
  }
}
