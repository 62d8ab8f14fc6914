// rt.clock.advance: fires due time-driven triggers in time order, each as its owner's execution.
// rt.clock.advanceAsync does the same, giving the event loop a turn between executions.

import { execute } from './execute.js';
import { followingRun } from './services/triggers.js';
import type { FiredTrigger } from './types.js';
import type { World } from './world.js';

/** Guards against a handler that keeps scheduling itself at the same instant. */
const MAX_FIRINGS_PER_ADVANCE = 100_000;

/** Apps Script's clock event: fields in UTC. */
function clockEvent(at: number, triggerUid: string) {
  const d = new Date(at);
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    authMode: 'FULL',
    triggerUid,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    'week-of-year': Math.ceil(((at - jan1) / 86_400_000 + new Date(jan1).getUTCDay() + 1) / 7),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}

export function advanceClock(world: World, ms: number): FiredTrigger[] {
  const target = world.clock.now() + Math.max(0, ms);
  const fired: FiredTrigger[] = [];
  for (;;) {
    let next: (typeof world.triggers)[number] | undefined;
    for (const t of world.triggers) {
      if (
        t.nextRunAt !== null &&
        t.nextRunAt <= target &&
        (!next || t.nextRunAt < (next.nextRunAt as number))
      ) {
        next = t;
      }
    }
    if (!next) break;
    if (fired.length >= MAX_FIRINGS_PER_ADVANCE)
      throw new Error('Too many trigger firings in one clock advance');
    const trigger = next;
    const dueAt = trigger.nextRunAt as number;
    if (world.clock.now() < dueAt) world.clock.set(dueAt);
    trigger.nextRunAt = followingRun(trigger.schedule, dueAt);
    const result = execute(world, {
      fnName: trigger.handler,
      user: trigger.owner,
      authMode: 'FULL',
      kind: 'time-trigger',
      documentId: trigger.documentId,
      // An add-on's time-driven run has no active spreadsheet; a bound script's keeps its container.
      activeDocument: world.mode === 'bound',
      args: ({ exec }) => [exec.realm.toRealm(clockEvent(world.clock.now(), trigger.uid))],
    });
    world.counters.triggers.fired++;
    // The period counts from each due time, never from a run's end. Runs due while this one
    // executed are skipped, not queued or run late: Google says only that a tick comes within its
    // period, so the stricter reading is that work never gets a tick it missed.
    while (trigger.nextRunAt !== null && trigger.nextRunAt <= world.clock.now()) {
      trigger.nextRunAt = followingRun(trigger.schedule, trigger.nextRunAt);
    }
    fired.push({ uid: trigger.uid, handler: trigger.handler, owner: trigger.owner, dueAt, result });
  }
  if (world.clock.now() < target) world.clock.set(target);
  return fired;
}

/** A macrotask turn: timers, I/O and messages (vitest's worker RPC) are handled before we go on. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** When the next trigger is due after `after`, if at or before target. */
function nextDueAt(world: World, after: number, target: number): number | undefined {
  let next: number | undefined;
  for (const t of world.triggers) {
    const at = t.nextRunAt;
    if (at !== null && at > after && at <= target && (next === undefined || at < next)) next = at;
  }
  return next;
}

/**
 * advanceClock in steps, one per due time, with a turn of the event loop before each: a span of
 * days of hourly ticks never holds the process that drives the runtime.
 */
export async function advanceClockAsync(world: World, ms: number): Promise<FiredTrigger[]> {
  const target = world.clock.now() + Math.max(0, ms);
  const fired: FiredTrigger[] = [];
  // What advanceClock has covered: a trigger it left unfired there is not looked at again.
  let covered = Number.NEGATIVE_INFINITY;
  for (;;) {
    await yieldToEventLoop();
    const dueAt = nextDueAt(world, covered, target);
    if (dueAt === undefined) break;
    covered = Math.max(dueAt, world.clock.now());
    fired.push(...advanceClock(world, covered - world.clock.now()));
  }
  if (world.clock.now() < target) world.clock.set(target);
  return fired;
}
