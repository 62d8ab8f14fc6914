// A push and its ledger, one small Document property each: which sheet, how far, and which rows
// are in flight (sent, or about to be, with no outcome in the sheet yet). A row is marked in
// flight BEFORE its request goes, so an execution killed mid-batch leaves a record that the next
// one reconciles against Assembled before anything is sent again.
import { EXECUTION_MS } from '../dispatch/background';
import type { Timed } from '../jobs/attempt-time';
import type { OwnedRecord } from '../owner';
import type { Store } from '../ports';
import { KEEP_FINISHED_MS, RecordStore } from '../record-store';
import type { AsWrittenRows } from './as-written';
import type { Replacing } from './association-rows';
import type { CountedRows } from './counted-rows';
import type { DoubledColumn } from './doubled-columns';
import type { PushKind } from './kinds';
import type { WholeDays } from './unticked-days';

export type PushState = 'running' | 'done' | 'failed';

export interface InFlight {
  /** When the batch was marked, just before sending (epoch ms). */
  sentAt: number;
  /** "row:fingerprint" per row: a few bytes each, so hundreds fit in one property. */
  rows: string[];
}

export interface PushJob extends OwnedRecord, Timed {
  kind: PushKind;
  /** Why background runs will not carry it on (no trigger could be created), if so. */
  notice?: string;
  sheetId: number;
  sheetName: string;
  state: PushState;
  /** The first run has marked the invalid rows and fixed the rows to send (accepted.ts). */
  prepared?: boolean;
  /** Rows this push set out to send (valid, not yet done, when it started). */
  total: number;
  /** Rows finished by this push: sent, found already in Assembled, or failed on sending. */
  done: number;
  succeeded: number;
  /** Of those, rows Assembled had so already (a request already cancelled or denied). */
  already?: number;
  /** Of those, rows found in Assembled after a send whose answer was lost: not sent again. */
  found?: number;
  failed: number;
  /** Rows sent, by the status each was given (created, updated, deleted…), for the summary. */
  byStatus?: Record<string, number>;
  /** Of those, rows that replaced the ID their agent held on that platform (said in the summary). */
  replaced?: Replacing;
  /** Of those, time off created in the past (past-activity.ts; said in the summary). */
  past?: CountedRows;
  /** Of those, rows that sent a name Assembled does not know, as written (as-written.ts; said in the summary). */
  asWritten?: AsWrittenRows;
  /** Rows not done whose agent holds their platform ID in Assembled already (SheetRow.holds): not sent. */
  inAssembled?: number;
  /** Rows already done before this push (a done status, or an id the add-on wrote). */
  skipped: number;
  /** Of those, rows changed since they were sent (their Push message says what to do with the change). */
  changed?: number;
  /** Of those, rows holding cells another row was pushed with: sorted without the status columns (moved-rows.ts). */
  moved?: number;
  /** Rows to send that go as whole days with All day not ticked, and those that went (unticked-days.ts). */
  wholeDays?: WholeDays;
  /** Rows that had reached Assembled at the sheet's last push and were deleted since (gone-rows.ts). */
  gone?: number;
  /** Rows changed or added while it ran, so not sent (marked "not sent", or an error when they do not read). */
  notSent?: number;
  /** Rows whose cells are not valid (marked error, not sent). */
  invalid: number;
  /** Listed activities with no Action (a pulled schedule's other rows): left as they are. */
  listed?: number;
  /** Fields two columns of the sheet fit, and the one read (doubled-columns.ts). */
  doubled?: DoubledColumn[];
  /** The first rows to fix, "Row 4: Start: ...": found before sending, then refused by Assembled. */
  problems?: string[];
  inFlight?: InFlight;
  /**
   * Fingerprints of rows in flight that were not found in Assembled and go again: their first try
   * may have been applied (an activity's delete then finds it gone, and that is no mistake).
   */
  again?: string[];
  /** An execution is working on the push until then (epoch ms); others leave it alone. */
  leaseUntil?: number;
  /** When this push last sent a request, so the next execution paces from there. */
  lastSendAt?: number;
  /** Executions in a row that made no progress; a push that keeps dying is stopped. */
  stalls: number;
  /** Not before this time (epoch ms): set after a run of rate-limit or server trouble. */
  notBefore?: number;
  /** Tries in a row that failed that way, since when (epoch ms); progress clears it. */
  failing?: { since: number; tries: number };
  /** Time spent between tries while Assembled failed: its log row says so, its Duration leaves it out. */
  outageWaitMs?: number;
  /** Waiting out Assembled's rate limit since then (epoch ms), uncounted; progress clears it. */
  limitedSince?: number;
  /** Time spent waiting out Assembled's rate limit, in a run's retries and between tries: in Duration, and its log row says so. */
  limitWaitMs?: number;
  /** Time spent waiting for answers Assembled never gave (timeouts): in Duration, and said as it ends. */
  unansweredMs?: number;
  message?: string;
  /** Its owner ended it with Stop this push: the log says "stopped", as for a stopped pull. */
  stopped?: true;
}

/**
 * A push that Assembled keeps refusing (down, unreachable) this long, over this many tries, is
 * stopped: the sidebar waits on it, and nobody may want the rows sent hours later. The tries
 * count too: in the background an add-on's trigger comes back only hourly.
 */
export const OUTAGE_MS = 30 * 60_000;
export const OUTAGE_TRIES = 5;

/**
 * A running push no execution has worked on for longer than one may run (its owner's run died, or
 * they closed the sidebar and it waits for their hourly check): another editor may stop it, to
 * push the rows left with their own key. Sooner, an execution of its owner's may be sending a batch.
 */
export function isStalled(job: PushJob, now: number): boolean {
  return job.state === 'running' && (job.leaseUntil ?? 0) <= now && now - job.updatedAt > EXECUTION_MS;
}

export class PushStore extends RecordStore<PushJob> {
  constructor(store: Store) {
    super(store, 'push.');
  }

  running(): PushJob[] {
    return this.all().filter((j) => j.state === 'running');
  }

  /** The running push of a sheet, if any: one at a time per sheet. */
  onSheet(sheetId: number): PushJob | undefined {
    return this.running().find((j) => j.sheetId === sheetId);
  }

  /** The caller's latest push of a sheet (finished ones are kept a day, prune). */
  lastOnSheet(sheetId: number, mine: (job: PushJob) => boolean): PushJob | undefined {
    return this.all()
      .filter((j) => j.sheetId === sheetId && mine(j))
      .sort((a, b) => b.updatedAt - a.updatedAt)[0];
  }

  /** Forgets finished pushes older than a day. */
  prune(now: number): void {
    this.deleteWhere((j) => isSettled(j) && now - j.updatedAt > KEEP_FINISHED_MS);
  }
}

/** Over, with no rows in flight: one with rows still in flight is kept for reconciling. */
export function isSettled(job: PushJob): boolean {
  return job.state !== 'running' && !job.inFlight && !job.again;
}

export function parseFlight(entry: string): { row: number; fp: string } {
  const at = entry.indexOf(':');
  return { row: Number(entry.slice(0, at)), fp: entry.slice(at + 1) };
}
