// rt.clock.advance / advanceAsync: fires due time-driven triggers in time order, each as its
// owner's execution. advanceAsync gives the event loop a turn between executions, so a long span
// (days of hourly ticks) never blocks the process that drives the runtime.

import { execute } from './execute.js';
import { followingRun } from './services/triggers.js';
import type { FiredTrigger } from './types.js';
import type { World } from './world.js';

/** Guards against a handler that keeps scheduling itself at the same instant. */
const MAX_FIRINGS_PER_ADVANCE = 100_000;

type Trigger = World['triggers'][number];

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

/** The trigger due first at or before target, if any. */
function nextDue(world: World, target: number, firedSoFar: number): Trigger | undefined {
  let next: Trigger | undefined;
  for (const t of world.triggers) {
    if (
      t.nextRunAt !== null &&
      t.nextRunAt <= target &&
      (!next || t.nextRunAt < (next.nextRunAt as number))
    ) {
      next = t;
    }
  }
  if (next && firedSoFar >= MAX_FIRINGS_PER_ADVANCE)
    throw new Error('Too many trigger firings in one clock advance');
  return next;
}

function fire(world: World, trigger: Trigger): FiredTrigger {
  const dueAt = trigger.nextRunAt as number;
  if (world.clock.now() < dueAt) world.clock.set(dueAt);
  trigger.nextRunAt = followingRun(trigger.schedule, dueAt);
  const result = execute(world, {
    fnName: trigger.handler,
    user: trigger.owner,
    authMode: 'FULL',
    kind: 'time-trigger',
    args: ({ exec }) => [exec.realm.toRealm(clockEvent(world.clock.now(), trigger.uid))],
  });
  world.counters.triggers.fired++;
  // Runs missed while this one executed are skipped, not queued.
  while (trigger.nextRunAt !== null && trigger.nextRunAt <= world.clock.now()) {
    trigger.nextRunAt = followingRun(trigger.schedule, trigger.nextRunAt);
  }
  return { uid: trigger.uid, handler: trigger.handler, owner: trigger.owner, dueAt, result };
}

export function advanceClock(world: World, ms: number): FiredTrigger[] {
  const target = world.clock.now() + Math.max(0, ms);
  const fired: FiredTrigger[] = [];
  for (let t = nextDue(world, target, 0); t; t = nextDue(world, target, fired.length))
    fired.push(fire(world, t));
  if (world.clock.now() < target) world.clock.set(target);
  return fired;
}

/** A macrotask turn: timers, I/O and messages (vitest's worker RPC) are handled before we go on. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function advanceClockAsync(world: World, ms: number): Promise<FiredTrigger[]> {
  const target = world.clock.now() + Math.max(0, ms);
  const fired: FiredTrigger[] = [];
  for (;;) {
    await yieldToEventLoop();
    const t = nextDue(world, target, fired.length);
    if (!t) break;
    fired.push(fire(world, t));
  }
  if (world.clock.now() < target) world.clock.set(target);
  return fired;
}
