// Sends activity changes through POST /v0/activities/bulk, which is one transaction: a refused batch
// changed nothing. The rows it refused are found by splitting the refused batch (never by resending a
// batch that was applied); when the service's message names the item (activities[3]...), that item
// is refused at once and the rest of its batch goes on. Anything but a 400 stops (what was applied
// before is kept): a lost answer means the batch may or may not have been applied, which only
// listing the window can tell.
import {
  type Activity,
  type ActivityChange,
  type AssembledClient,
  type AssembledError,
  isAssembledError,
} from '../assembled';
import { toEpochMs } from '../assembled/times';

export const MAX_ACTIVITY_BATCH = 500;

export interface BatchOutcome {
  /** Per input index: the activity the service answered for it (creates and updates), in order. */
  applied: Map<number, Activity | undefined>;
  /** Per input index: why the service refused it, in its own words. */
  refused: Map<number, string>;
  /** Bulk calls made. */
  calls: number;
  /**
   * Set when a call got anything but an answer or a 400: the batch it carried (may or may not have
   * been applied: only listing the window can tell) and the indexes never sent. Outcomes of the
   * batches before it are kept.
   */
  stopped?: { error: AssembledError; batch: number[]; unsent: number[] };
}

const NAMED_ITEM = /activities\[(\d+)\]/;
const WHOLE_CALL = /^schedule_id\b/;

function sameActivity(change: ActivityChange, a: Activity): boolean {
  const c = change.activity;
  if (change.action === 'update') return a.id === c.id;
  return (
    a.agent_id === c.agent_id &&
    a.type_id === c.type_id &&
    (c.start_time === undefined || a.start_time === toEpochMs(c.start_time)) &&
    (c.end_time === undefined || a.end_time === toEpochMs(c.end_time))
  );
}

export function sendActivityChanges(
  client: Pick<AssembledClient, 'bulkActivities'>,
  changes: readonly ActivityChange[],
  options: { scheduleId?: string; maxBatch?: number } = {},
): BatchOutcome {
  const max = Math.max(1, Math.min(options.maxBatch ?? MAX_ACTIVITY_BATCH, MAX_ACTIVITY_BATCH));
  const outcome: BatchOutcome = { applied: new Map(), refused: new Map(), calls: 0 };
  // Batches are lists of input indexes, sent in input order.
  const queue: number[][] = [];
  for (let i = 0; i < changes.length; i += max)
    queue.push(Array.from({ length: Math.min(max, changes.length - i) }, (_, k) => i + k));
  while (queue.length > 0) {
    const batch = queue.shift() as number[];
    outcome.calls++;
    try {
      const answered = client.bulkActivities(
        batch.map((i) => changes[i] as ActivityChange),
        options.scheduleId,
      );
      // The reply is keyed by id, not by position: each change finds its activity by id (update) or
      // by agent, type and times (create), each answered activity used once.
      const unused = new Set(answered);
      for (const i of batch) {
        const change = changes[i] as ActivityChange;
        const found =
          change.action === 'delete' ? undefined : [...unused].find((a) => sameActivity(change, a));
        if (found) unused.delete(found);
        outcome.applied.set(i, found);
      }
    } catch (error) {
      if (!isAssembledError(error)) throw error;
      if (error.status !== 400) {
        outcome.stopped = { error, batch, unsent: queue.flat().sort((a, b) => a - b) };
        return outcome;
      }
      const message = error.detail ?? error.message;
      // A refusal of the call itself (its schedule) holds for every part of it: no split.
      if (batch.length === 1 || WHOLE_CALL.test(message) || error.field === 'schedule_id') {
        for (const i of batch) outcome.refused.set(i, message);
        continue;
      }
      const named = Number(NAMED_ITEM.exec(message)?.[1]);
      if (Number.isInteger(named) && named >= 0 && named < batch.length) {
        outcome.refused.set(batch[named] as number, message);
        const rest = [batch.slice(0, named), batch.slice(named + 1)].filter((b) => b.length > 0);
        queue.unshift(...rest);
        continue;
      }
      const half = Math.ceil(batch.length / 2);
      queue.unshift(batch.slice(0, half), batch.slice(half));
    }
  }
  return outcome;
}
