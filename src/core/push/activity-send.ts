// Sending activity rows: changes through the bulk transaction, one call a schedule (the schedule is
// named once per call), refused rows found by splitting; windows to clear one DELETE a row.
import { type AssembledClient, type AssembledError, isAssembledError, TokenBucket } from '../assembled';
import type { Clock } from '../ports';
import { sendActivityChanges } from './activity-batches';
import type { ActivityRequest } from './activity-request';
import { ActivityTypeDirectory } from './activity-types';
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
 * Without allow_conflicts Assembled deletes the agent's activities the new times overlap, and says
 * nothing of it: the row's message says so, since what was there is gone from the schedule.
 */
const REPLACED =
  "Without Allow conflicts set to TRUE, Assembled removed any of this agent's activities that it overlaps: pull the schedule to see them.";

/** A create or update sent without allow_conflicts: Assembled removes what it overlaps. */
const removesWhatItOverlaps = (r: ActivityRequest) => r.action !== 'delete' && !r.activity.allow_conflicts;

/** A row whose sending removes what it overlaps of the agent's schedule. */
export const removesOverlap = (request: PushRequest | undefined): boolean =>
  request?.kind === 'activities' && removesWhatItOverlaps(request);

/** Said before the row is sent, so it can still be set to TRUE (Validate's "Ready to push."). */
export function removesOverlapped(request: PushRequest | undefined): string {
  return removesOverlap(request)
    ? " Allow conflicts is not TRUE: sending it removes any of this agent's activities that it overlaps (set TRUE to keep them)."
    : '';
}

/** The service names the item by its place in the batch, which means nothing on the sheet. */
const plain = (message: string) => message.replace(/activities\[\d+\]\.(activity\.)?/g, '');

export function sendActivities(client: AssembledClient, items: SendItem[]): BatchResult {
  const outcomes = new Map<number, Sent>();
  const bySchedule = new Map<string, { row: number; request: ActivityRequest; again?: true }[]>();
  for (const { row, request, again } of items) {
    if (request.kind !== 'activities') mixedBatch();
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
    const changes = group.map((g) => ({ action: g.request.action, activity: g.request.activity }));
    const result = sendActivityChanges(client, changes, {
      ...(scheduleId ? { scheduleId } : {}),
      maxBatch: changes.length,
    });
    group.forEach((g, i) => {
      const { action } = g.request;
      if (result.applied.has(i)) {
        const id = result.applied.get(i)?.id ?? g.request.activity.id;
        const message = removesWhatItOverlaps(g.request) ? `${DONE[action]} ${REPLACED}` : DONE[action];
        outcomes.set(g.row, { status: PAST[action], message, ...(id ? { id } : {}) });
        return;
      }
      const refused = result.refused.get(i);
      if (refused === undefined) return;
      const gone = action === 'delete' && /unknown activity/i.test(refused);
      // Gone after a try whose answer was lost: that try deleted it. Never sent: a mistyped id.
      if (gone && g.again)
        outcomes.set(g.row, { status: 'deleted', message: 'Was already gone from Assembled.' });
      else if (gone)
        outcomes.set(
          g.row,
          toFix(
            `No activity has the id "${g.request.activity.id ?? ''}" in Assembled: check the Activity ID.`,
          ),
        );
      else outcomes.set(g.row, toFix(`Refused by Assembled: ${plain(refused)}`));
    });
    if (!result.stopped) continue;
    stop = result.stopped.error;
    const fate: Sent = stop.kind === 'auth' ? 'retry' : errorOutcome('activities', stop, why);
    for (const i of result.stopped.batch) outcomes.set((group[i] as { row: number }).row, fate);
    for (const i of result.stopped.unsent) outcomes.set((group[i] as { row: number }).row, 'retry');
  }
  return stop?.kind === 'auth' ? { outcomes, fatal: stop } : { outcomes, ...why };
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
