// What background work may cost and what stops it. Google caps the time-driven runtime of each
// user at 90 minutes a day (consumer accounts; the day is Pacific time) over every script they
// use; an hourly tick of up to 5 minutes would need 120. The add-on keeps its own daily budget
// under that, and says so when it ran out. A trigger Google would not create (a test deployment,
// the 20-trigger limit) is said in words too: the work is kept and an open sidebar finishes it.
import type { Store, Zone } from '../ports';
import { formatLocalDate } from '../time/local-date';
import { localDateOf } from '../time/zone-math';

/** What the add-on's background runs may use a day, well under Google's 90 minutes. */
export const BACKGROUND_MS_PER_DAY = 60 * 60_000;
/** Google ends an execution at 6 minutes: a tick never costs more. */
export const EXECUTION_MS = 6 * 60_000;
/** Time kept back at the end of a tick for writing down what it did. */
const MARGIN_MS = 60_000;

interface DayLedger {
  usedMs: number;
  exhaustedAt?: number;
}

const dayKey = (now: number, pacific: Zone) => `background.${formatLocalDate(localDateOf(now, pacific))}`;

export interface Tick {
  /** Work must stop by then (epoch ms); undefined when today's budget is spent. */
  deadline: number | undefined;
  /** Records what the tick really used. */
  end(now: number): void;
}

/**
 * Starts a tick on the user's ledger (User properties: the quota is the user's, across every
 * spreadsheet). The whole execution is reserved first, so a tick Google kills is still counted;
 * what it did not use is given back at the end.
 */
export function startTick(store: Store, pacific: Zone, now: number, perTickMs: number): Tick {
  const key = dayKey(now, pacific);
  const ledger = store.get<DayLedger>(key) ?? { usedMs: 0 };
  const reserve = Math.min(EXECUTION_MS, BACKGROUND_MS_PER_DAY - ledger.usedMs);
  if (reserve < 2 * MARGIN_MS) {
    if (ledger.exhaustedAt === undefined) store.set(key, { ...ledger, exhaustedAt: now });
    return { deadline: undefined, end: () => undefined };
  }
  store.set(key, { ...ledger, usedMs: ledger.usedMs + reserve });
  return {
    deadline: now + Math.min(perTickMs, reserve - MARGIN_MS),
    end(at) {
      const current = store.get<DayLedger>(key) ?? { usedMs: reserve };
      // A step begun just before the deadline may run past the reserve: count what was used.
      const used = Math.max(0, at - now);
      store.set(key, { ...current, usedMs: Math.max(0, current.usedMs - reserve + used) });
    },
  };
}

/** Said in the sidebars once today's background time has run out, else ''. */
export function budgetNotice(store: Store, pacific: Zone, now: number): string {
  const ledger = store.get<DayLedger>(dayKey(now, pacific));
  if (ledger?.exhaustedAt === undefined) return '';
  const minutes = Math.round(BACKGROUND_MS_PER_DAY / 60_000);
  return `Today’s background time (${minutes} minutes, under Google’s daily limit for scheduled scripts) is used up: scheduled refreshes and background jobs wait until midnight Pacific time. Work goes on while this sidebar is open.`;
}

/** Why a trigger could not be created, for the person who asked for the work. */
export function triggerProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/test deployment/i.test(message))
    return 'Scheduled runs are off in this deployment: a test deployment of an add-on cannot install triggers. Keep this sidebar open until the work is done; scheduled refreshes run only with Run now.';
  if (/too many (time-based )?triggers/i.test(message))
    return 'Scheduled runs are off: your Google account has too many triggers for this add-on (Google allows 20). Remove the Assembled schedule from spreadsheets you no longer use; until then keep this sidebar open until the work is done.';
  return `Scheduled runs are off: Google would not create the background trigger (${message}). Keep this sidebar open until the work is done.`;
}
