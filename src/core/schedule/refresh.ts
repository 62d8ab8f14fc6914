// A scheduled refresh: a saved pull bound to its target sheet, rerun on a frequency with its
// relative date range resolved afresh at each run. Owned by the user who saved it: it runs
// under their trigger and their API key.
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import type { OwnedRecord } from '../owner';
import type { Store } from '../ports';
import { PullSpec } from '../pull/pull-spec';
import { RecordStore } from '../record-store';
import type { PulledRange } from './catch-up';
import { Frequency } from './frequency';
import type { DaySpan } from './held-days';

export const RefreshInput = lazy(() =>
  z.object({
    spec: PullSpec,
    frequency: Frequency,
    notifyByEmail: z.boolean(),
  }),
);
export type RefreshInput = z.infer<typeof RefreshInput>;

export type RunStatus = 'done' | 'failed' | 'stalled' | 'skipped';

export interface LastRun {
  /** When it ended. */
  at: number;
  /** When it was due (its scheduled time, or when Run now was pressed); older records have none. */
  dueAt?: number;
  status: RunStatus;
  rows: number;
  message: string;
}

export interface Refresh extends RefreshInput, OwnedRecord {
  /** The target sheet's id: the refresh follows it through renames and pauses when it is deleted. */
  sheetId?: number;
  createdAt: number;
  paused: boolean;
  /** Why it was paused when the add-on paused it (a deleted sheet, a rejected key). */
  pausedReason?: string;
  /**
   * Paused because its owner's key was refused (true), or none is saved ('missing'): the owner's
   * own card says so to them.
   */
  pausedForKey?: true | 'missing';
  /** In the spreadsheet's zone when it was worked out: read it with nextRunIn (next-run.ts). */
  nextRunAt: number;
  /** The time nextRunAt was worked out from (the frequency's first time after it); older records have none. */
  nextRunFrom?: number;
  /** Why it will not run on schedule (no trigger could be created), if so. */
  notice?: string;
  /** The pull job of the run under way. */
  jobId?: string;
  /** When the run under way was due: its last run says so when it ends hours later. */
  runDueAt?: number;
  /** The first day of the run under way's own range (before any catch-up, catch-up.ts). */
  runFrom?: string;
  lastRun?: LastRun;
  /** The range the last good run pulled, and when it began (catch-up.ts). */
  lastPulled?: PulledRange;
  /** append mode: the periods appended after they were over ("from..to"), newest last. */
  appended?: string[];
  /** A BigQuery target: the days its table holds whole, loaded after they were over (held-days.ts). */
  held?: DaySpan;
  /** The sheet's tab colour before a failed run turned it red, given back by the next good run. */
  tabWas?: string | null;
  /** When the first of the failed runs in a row was due; gone with the next good run. */
  failingSince?: number;
  /** When the owner was last e-mailed of a failed run in this row of them. */
  mailedAt?: number;
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
