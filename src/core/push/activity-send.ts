// Sending activity rows: changes through the bulk transaction, one call a schedule (the schedule is
// named once per call), refused rows found by splitting; a create that allows conflicts one
// POST /v0/activities a row (the bulk items take no allow_conflicts); windows to clear one DELETE a row.
import { type AssembledClient, type AssembledError, isAssembledError, TokenBucket } from '../assembled';
import type { Clock } from '../ports';
import { sendActivityChanges } from './activity-batches';
import type { ActivityFields, ActivityRequest } from './activity-request';
import { ActivityTypeDirectory } from './activity-types';
import { goneWords } from './gone-record';
import { WHOLE } from './progress-words';
import type { PushRequest } from './request';
import { type BatchResult, errorOutcome, mixedBatch, type SendItem, type Sent } from './send';
import { toFix } from './sheet-rows';

/** The activity types, read with a client of their own only when a row names a type. */
export function activityTypes(deps: {
  client: (limiter: TokenBucket) => AssembledClient;
  clock: Clock;
}): ActivityTypeDirectory {
  return new ActivityTypeDirectory(() => deps.client(new TokenBucket(deps.clock)).listActivityTypes());
}

const PAST = { create: 'created', update: 'updated', delete: 'deleted' } as const;
const DONE = {
  create: 'Created in Assembled.',
  update: 'Updated in Assembled.',
  delete: 'Deleted in Assembled.',
};

/**
 * Assembled deletes the agent's activities a create without allow_conflicts overlaps, and says
 * nothing of it: the row's message says so, since what was there is gone from the schedule. The
 * bulk call takes no allow_conflicts; what an update does with overlaps is not documented, so the
 * row says it may have done the same.
 */
const REPLACED = {
  create: `Without Allow conflicts ticked, Assembled deleted any of this agent's activities that it overlaps, ${WHOLE}: pull the schedule to see what is left.`,
  update: `An update cannot keep what it overlaps: Assembled may have deleted any of this agent's activities that its times overlap, ${WHOLE}. Pull the schedule to see what is left.`,
};
const KEPT = "Allow conflicts is ticked: the agent's activities it overlaps were kept.";

/** A create that keeps what it overlaps: only the single create takes allow_conflicts, a row a call. */
export const sentAlone = (request: PushRequest | undefined): boolean =>
  request?.kind === 'activities' && request.action === 'create' && request.activity.allow_conflicts === true;

/** A create or update sent in bulk: Assembled deletes (or may delete) what it overlaps. */
const removesWhatItOverlaps = (r: ActivityRequest) => r.action !== 'delete' && !sentAlone(r);

/** A row whose sending deletes what it overlaps of the agent's schedule. */
export const removesOverlap = (request: PushRequest | undefined): boolean =>
  request?.kind === 'activities' && removesWhatItOverlaps(request);

/**
 * A create sent without Allow conflicts TRUE: Validate counts these apart, since TRUE would keep
 * what they overlap; an update cannot keep it (TRUE is refused on one).
 */
export const createRemovesOverlap = (request: PushRequest | undefined): boolean =>
  removesOverlap(request) && request?.kind === 'activities' && request.action === 'create';

/** Said before the row is sent, so it can still be changed (Validate's "Ready to push."). */
export function removesOverlapped(request: PushRequest | undefined): string {
  if (!removesOverlap(request)) return '';
  return request?.kind === 'activities' && request.action === 'update'
    ? ` An update cannot keep what it overlaps: sending it may delete any of this agent's activities that its times overlap, ${WHOLE}.`
    : ` Allow conflicts is not ticked: sending it deletes any of this agent's activities that it overlaps, ${WHOLE}; tick it (TRUE) to keep them.`;
}

/** Assembled's refusal of an update or delete whose activity it does not know (not of a type). */
const UNKNOWN_ID = /unknown activity(?! type)/i;

/** An update or delete of an id Assembled does not hold: perhaps deleted by what a write overlapped. */
const goneActivity = (id: string) =>
  goneWords(
    'activity',
    id,
    " (a create without Allow conflicts ticked, or an update, deletes the agent's activities it overlaps)",
    'the schedule',
  );

/** The service names the item by its place in the batch, which means nothing on the sheet. */
const plain = (message: string) => message.replace(/activities\[\d+\]\.(activity\.)?/g, '');

/** The bulk items carry no allow_conflicts (Assembled's bulk call has none). */
function bulkFields({ allow_conflicts: _, ...activity }: ActivityFields) {
  return activity;
}

export function sendActivities(client: AssembledClient, items: SendItem[]): BatchResult {
  const outcomes = new Map<number, Sent>();
  const bySchedule = new Map<string, { row: number; request: ActivityRequest; again?: true }[]>();
  const alone: { row: number; request: ActivityRequest }[] = [];
  for (const { row, request, again } of items) {
    if (request.kind !== 'activities') mixedBatch();
    if (sentAlone(request)) {
      alone.push({ row, request });
      continue;
    }
    const list = bySchedule.get(request.scheduleId ?? '') ?? [];
    list.push({ row, request, ...(again ? { again } : {}) });
    bySchedule.set(request.scheduleId ?? '', list);
  }
  const why: Pick<BatchResult, 'retry'> = {};
  let stop: AssembledError | undefined;
  for (const [scheduleId, group] of bySchedule) {
    if (stop) {
      for (const g of group) outcomes.set(g.row, 'retry');
      continue;
    }
    const changes = group.map((g) => ({
      action: g.request.action,
      activity: bulkFields(g.request.activity),
    }));
    const result = sendActivityChanges(client, changes, {
      ...(scheduleId ? { scheduleId } : {}),
      maxBatch: changes.length,
    });
    group.forEach((g, i) => {
      const { action } = g.request;
      if (result.applied.has(i)) {
        const id = result.applied.get(i)?.id ?? g.request.activity.id;
        const message = action === 'delete' ? DONE[action] : `${DONE[action]} ${REPLACED[action]}`;
        outcomes.set(g.row, { status: PAST[action], message, ...(id ? { id } : {}) });
        return;
      }
      const refused = result.refused.get(i);
      if (refused === undefined) return;
      const unknown = UNKNOWN_ID.test(refused);
      // A delete gone after a try whose answer was lost: that try deleted it. Else a mistyped id.
      if (unknown && action === 'delete' && g.again)
        outcomes.set(g.row, { status: 'deleted', message: 'Was already gone from Assembled.' });
      else if (unknown) outcomes.set(g.row, toFix(goneActivity(g.request.activity.id ?? '')));
      else outcomes.set(g.row, toFix(`Refused by Assembled: ${plain(refused)}`));
    });
    if (!result.stopped) continue;
    stop = result.stopped.error;
    const fate: Sent = stop.kind === 'auth' ? 'retry' : errorOutcome('activities', stop, why);
    for (const i of result.stopped.batch) outcomes.set((group[i] as { row: number }).row, fate);
    for (const i of result.stopped.unsent) outcomes.set((group[i] as { row: number }).row, 'retry');
  }
  if (stop) for (const a of alone) outcomes.set(a.row, 'retry');
  else stop = sendAlone(client, alone, outcomes, why);
  return stop?.kind === 'auth' ? { outcomes, fatal: stop } : { outcomes, ...why };
}

/** Creates that allow conflicts, one POST /v0/activities each; returns a refused key. */
function sendAlone(
  client: AssembledClient,
  rows: { row: number; request: ActivityRequest }[],
  outcomes: Map<number, Sent>,
  why: Pick<BatchResult, 'retry'>,
): AssembledError | undefined {
  if (rows.length === 0) return undefined;
  const replies = client.createActivities(
    rows.map(({ request: { activity: a, scheduleId } }) => ({
      agent_id: a.agent_id ?? '',
      type_id: a.type_id ?? '',
      start_time: a.start_time ?? 0,
      end_time: a.end_time ?? 0,
      ...(a.description === undefined ? {} : { description: a.description }),
      ...(scheduleId ? { schedule_id: scheduleId } : {}),
      allow_conflicts: true,
    })),
  );
  let fatal: AssembledError | undefined;
  rows.forEach(({ row }, i) => {
    const reply = replies[i];
    if (!reply) return;
    if (reply.ok)
      outcomes.set(row, { status: 'created', id: reply.value.id, message: `${DONE.create} ${KEPT}` });
    else if (reply.error.kind === 'auth') {
      fatal = reply.error;
      outcomes.set(row, 'retry');
    } else if (reply.error.kind === 'bad_request' && reply.error.status === 400)
      outcomes.set(row, toFix(`Refused by Assembled: ${reply.error.detail ?? reply.error.message}`));
    else outcomes.set(row, errorOutcome('activities', reply.error, why));
  });
  return fatal;
}

export function sendClears(client: AssembledClient, items: SendItem[]): BatchResult {
  const outcomes = new Map<number, Sent>();
  const why: Pick<BatchResult, 'retry'> = {};
  for (const { row, request } of items) {
    if (request.kind !== 'activities_clear') mixedBatch();
    try {
      const r = client.clearActivities(request.input);
      const counts =
        r.deleted === undefined ? '' : ` ${r.deleted} deleted, ${r.cut ?? 0} cut at the window's edges.`;
      outcomes.set(row, { status: 'cleared', message: `Window cleared in Assembled.${counts}` });
    } catch (e) {
      if (!isAssembledError(e)) throw e;
      if (e.kind === 'auth') {
        for (const i of items) if (!outcomes.has(i.row)) outcomes.set(i.row, 'retry');
        return { outcomes, fatal: e };
      }
      // Clearing twice clears nothing more: a lost answer is simply sent again.
      outcomes.set(row, errorOutcome('activities_clear', e, why));
    }
  }
  return { outcomes, ...why };
}
