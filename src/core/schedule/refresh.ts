// A scheduled refresh: a saved pull bound to its target sheet, rerun on a frequency with its
// relative date range resolved afresh at each run. Owned by the user who saved it: it runs
// under their trigger and their API key.
import * as z from 'zod/mini';
import type { FoldedRuns, MergedCounts } from '../jobs/pull-job';
import { lazy } from '../lazy';
import { withLock } from '../lock';
import type { Owned, OwnedRecord } from '../owner';
import type { Lock, Store } from '../ports';
import type { Gathered } from '../pull/mode-words';
import { PullSpec } from '../pull/pull-spec';
import { RecordStore } from '../record-store';
import type { PulledRange } from './catch-up';
import { Frequency } from './frequency';
import type { DaySpan } from './held-days';

export const RefreshInput = /* @__PURE__ */ lazy(() =>
  z.object({
    spec: PullSpec,
    frequency: Frequency,
    notifyByEmail: z.boolean(),
  }),
);
export type RefreshInput = z.infer<typeof RefreshInput>;

/** 'stopped': by its refresh's pause, which stops a run under way. */
export type RunStatus = 'done' | 'failed' | 'stalled' | 'skipped' | 'stopped';

export interface LastRun {
  /** When it ended. */
  at: number;
  /** When it was due (its scheduled time, or when Run now was pressed); older records have none. */
  dueAt?: number;
  /** The later try of a run given up (Refresh.retryAt): when it began; dueAt is that run's. */
  retriedAt?: number;
  /** Started by Run now: dueAt is when it was pressed, which its card says as such. */
  byHand?: true;
  status: RunStatus;
  rows: number;
  /** A merge into a sheet that worked: its rows updated and added, which its card says. */
  merged?: MergedCounts;
  /** Failed on what Assembled may get over (an outage), given up after its attempts: Run now may work. */
  gaveUp?: true;
  /**
   * Failed, the dates it was for all in its sheet whole, pulled after they were over (kept-dates.ts
   * heldWhole): nothing is missing, as its e-mail says, so its card asks for no Run now either.
   */
  whole?: DaySpan;
  /** Given up: the attempts it made (a later try's own count goes on from them). */
  attempts?: number;
  message: string;
  /** Refused as its table was written in another zone (OtherZone): the table's and the spreadsheet's then. */
  zones?: { table: string; spreadsheet: string };
  /** The runs of its refresh that fell due while it went on (retried), not started (folded-runs.ts). */
  folded?: FoldedRuns;
  /**
   * Stopped (by Pause, or Stop on its card), the run before it having failed: its sheet holds the
   * last good run's rows (lastGood), stale as after a failed run, which its card still says.
   */
  afterFailed?: true;
}

export interface Refresh extends RefreshInput, OwnedRecord {
  /** The target sheet's id: the refresh follows it through renames and pauses when it is deleted. */
  sheetId?: number;
  createdAt: number;
  /**
   * The spreadsheet's time zone when its schedule was saved (or edited): its card says so once the
   * zone is another (zone-moved.ts). Older records have none.
   */
  savedZone?: string;
  paused: boolean;
  /** Why it was paused when the add-on paused it (a deleted sheet, a rejected key). */
  pausedReason?: string;
  /**
   * Paused because its owner's key was refused (true), or none is saved ('missing'), or the key
   * has no permission for the call it names (HTTP 403): the owner's own card says so to them.
   */
  pausedForKey?: true | 'missing' | { forbidden: string };
  /**
   * When its owner last saved a key in Settings here while it was paused for theirs: after the run
   * that paused it, only Resume is left, which every editor's card says (key-pause.ts keySavedSince).
   */
  keySavedAt?: number;
  /**
   * Paused for its owner's key Assembled refused at another refresh's run, not at one of its own
   * (run-refreshes.ts pauseForKey): that refresh, as its card names it, and when its run was due.
   */
  pausedWith?: { what: string; at: number };
  /** In the spreadsheet's zone when it was worked out: read it with nextRunIn (next-run.ts). */
  nextRunAt: number;
  /** The time nextRunAt was worked out from (the frequency's first time after it); older records have none. */
  nextRunFrom?: number;
  /**
   * The spreadsheet zone's offset from UTC at nextRunFrom, in minutes: what its clock read then,
   * which a next run in a zone changed since is after too (next-run.ts); older records have none.
   */
  nextRunFromOffset?: number;
  /** Why it will not run on schedule (no trigger could be created), if so. */
  notice?: string;
  /** The pull job of the run under way. */
  jobId?: string;
  /** When the run under way was due: its last run says so when it ends hours later. */
  runDueAt?: number;
  /** The first day of the run under way's own range (before any catch-up, catch-up.ts). */
  runFrom?: string;
  /**
   * A run given up on an outage while the next run is over a day off (a weekly one's, a week): the
   * one later try it gets before then (run-refreshes.ts, RETRY_LATER_MS).
   */
  retryAt?: number;
  /** The run under way is that later try: one attempt, and no other try after it. */
  runRetry?: true;
  lastRun?: LastRun;
  /**
   * The last run that worked, while the runs since have not (failed, stalled, skipped, stopped):
   * its rows are what a failed run left in the sheet, which its card says. Gone with the next good run.
   * Saved on a sheet a pull filled, that pull, counted, by whom when not its owner (pull-again.ts
   * lastFilled); else, before any run of its own worked, the pull its sheet's header note says made
   * the rows, when its first run fails: when that was, its rows not known. A pull from Pull data
   * into its sheet since its last run is that pull, `by` whom (pulled-over.ts), `sinceFailed` when its
   * runs were failing then: its rows are newer than the failure, which its card and e-mail say.
   */
  lastGood?: Pick<LastRun, 'at' | 'merged'> &
    Partial<Pick<LastRun, 'rows'>> & { by?: Owned; sinceFailed?: true };
  /** The range the last good run pulled, and when it began (catch-up.ts). */
  lastPulled?: PulledRange;
  /** append mode: the periods appended after they were over ("from..to"), newest last. */
  appended?: string[];
  /**
   * Append and merge runs: the rows they added and since when, which Replace would take away
   * (mode-words.ts historyLost); gone with a run that replaced its target.
   */
  gathered?: Gathered;
  /** A BigQuery target: the days its table holds whole, loaded after they were over (held-days.ts). */
  held?: DaySpan;
  /**
   * A replace's person's columns of notes beside its table, which its card names (notes-beside.ts):
   * as read when it was saved, then as its last run that worked found them.
   */
  notesBeside?: string[];
  /** The sheet's tab colour before a failed run turned it red, given back by the next good run. */
  tabWas?: string | null;
  /** When the first of the failed runs in a row was due; gone with the next good run. */
  failingSince?: number;
  /** When the owner was last e-mailed of a failed run in this row of them. */
  mailedAt?: number;
}

/**
 * When its last run ended, 0 if none: a card shows the run it was drawn with, and its Run now
 * sends this back, so a press made before a later run's end was shown runs nothing (runNow).
 */
export const ranAt = (r: Refresh): number => r.lastRun?.at ?? 0;

/**
 * The rows its sheet holds from before its last run, if that run did not write: those kept through
 * runs that did not work, or pulled from Pull data since (lastGood); else its last run's, if it worked.
 */
export function rowsLastWritten(r: Refresh): Refresh['lastGood'] {
  if (r.lastGood) return r.lastGood;
  const good = r.lastRun?.status === 'done' ? r.lastRun : undefined;
  if (!good) return undefined;
  const { at, rows, merged } = good;
  return { at, ...(rows === undefined ? {} : { rows }), ...(merged ? { merged } : {}) };
}

export class RefreshStore extends RecordStore<Refresh> {
  constructor(store: Store) {
    super(store, 'refresh.');
  }

  /** Oldest first, as the sidebar lists them. */
  override all(): Refresh[] {
    return super.all().sort((a, b) => a.createdAt - b.createdAt);
  }
}

/**
 * Changes saved refreshes under the spreadsheet's lock, each from its record as saved now: a run's
 * end (the dispatcher, the owner's sidebar) and the owner's buttons change the same records, and a
 * record read before and written back after would undo a change made meanwhile (a Pause, a
 * Delete). `change` returns the record to save, null to delete it, or undefined to leave it; it
 * must not call Assembled (the lock is held meanwhile).
 */
export function changeRefreshes(
  deps: { store: Store; lock: Lock },
  ids: readonly string[],
  change: (saved: Refresh | undefined) => Refresh | null | undefined,
): (Refresh | undefined)[] {
  return withLock(deps.lock, () => {
    const store = new RefreshStore(deps.store);
    return ids.map((id) => {
      const saved = store.get(id);
      const next = change(saved);
      if (next === null) store.delete(id);
      return next === null ? undefined : next === undefined ? saved : store.save(next);
    });
  });
}

/** changeRefreshes for one refresh: the record as it now stands (undefined when there is none). */
export const changeRefresh = (
  deps: { store: Store; lock: Lock },
  id: string,
  change: (saved: Refresh | undefined) => Refresh | null | undefined,
): Refresh | undefined => changeRefreshes(deps, [id], change)[0];
