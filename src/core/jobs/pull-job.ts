// A pull job's life: queued -> running (report being generated) -> fetching (pages staged) ->
// writing -> done, or failed, or stalled when the report neither completes nor fails in time.
// Terminal states are final.
import type { LoadProgress } from '../bigquery/load-table';
import type { Caller, OwnedRecord } from '../owner';
import type { GonePicks } from '../pull/gone-picks';
import type { PullSpec } from '../pull/pull-spec';
import type { Window } from '../pull/report-buckets';
import type { ResolvedRange } from '../time/date-range';
import { type Timed, withWait } from './attempt-time';

export type JobState = 'queued' | 'running' | 'fetching' | 'writing' | 'done' | 'failed' | 'stalled';
export const TERMINAL: readonly JobState[] = ['done', 'failed', 'stalled'];

/**
 * A merge's rows as its words count them (written-words.ts): updated where they stood, added, and
 * of those added, the ones in the place of earlier rows over other bounds.
 */
export interface MergedCounts {
  updated: number;
  added: number;
  replacing?: number;
}

export interface PullJob extends OwnedRecord, Timed {
  /** The target sheet, bound by id when the job starts, so renaming sheets cannot redirect it. */
  sheetId?: number;
  /** The new sheet this pull made for its rows: deleted if the pull fails before writing into it. */
  madeSheet?: number;
  spec: PullSpec;
  /** The concrete dates, resolved once when the job starts. */
  range?: ResolvedRange;
  state: JobState;
  reportId?: string;
  /** When Assembled was asked for the report now awaited: its 45 minutes count from here. */
  reportAskedAt?: number;
  /**
   * The 30-minute intervals the add-on asked for, to roll up into the sheet's days, weeks or
   * months, were too many to read: the report is asked again at its granularity (UTC buckets).
   */
  utcBuckets?: true;
  /**
   * A refresh's range that went back past the days Assembled builds intervals for, or a range
   * longer than it builds one report for, asked as these reports, read one after another
   * (report-buckets.ts intervalParts, reportParts), and the one being read.
   */
  parts?: Window[];
  /**
   * The queues a report told apart by queue (ticket stats) is asked for one at a time, each over
   * every part, its rows labelled with them (queue-parts.ts): its filter's queues, else every queue,
   * kept by its first step (a job an older version saved keeps them once a reply named no queue);
   * `part` then counts the reports of every queue.
   */
  queues?: string[];
  part?: number;
  /** When the report `part` was begun (the one before it read whole): the time left counts from it. */
  partSince?: number;
  /**
   * The ids of the reports after `part`, in order, asked for together with it so that Assembled
   * builds them at once (queue-parts.ts askTogether); each becomes `reportId` as its part comes.
   */
  ahead?: string[];
  /** When the first of reports asked together was read whole: the others are timed from it. */
  firstIn?: number;
  /**
   * Picks under Filters that Assembled no longer listed when the job began (a queue deleted since):
   * left out of what is asked, and said (gone-picks.ts). Unset until looked for, in its first step.
   */
  gone?: GonePicks;
  polls: number;
  /** Transient failures (rate limit, network, 5xx) met so far. */
  errors: number;
  /** A pull from the sidebar's time between its tries: its log row says it, its Duration leaves it out. */
  retryWaitMs?: number;
  /**
   * This attempt's time waiting for answers Assembled never gave (timeouts the client asked again
   * after): in its Duration, and said as it ends (attempt-time.ts unansweredWords).
   */
  unansweredMs?: number;
  /**
   * Requests in one fetchAll once a batch was lost (batch-size.ts): each execution's client starts
   * at the largest, and at 1 request in 5 unanswered lost its minute on it, every time.
   */
  batch?: number;
  /**
   * A refresh's run waiting out Assembled's rate limit as its Retry-After asks, uncounted in
   * `errors` (run-pull.ts limitWait): since when, in this row of refusals.
   */
  limitedSince?: number;
  nextPollAt: number;
  rows?: number;
  /** A merge into a sheet's rows: how many it updated and added (a refresh's card says them). */
  merged?: MergedCounts;
  /**
   * A refresh's run that replaced its table: the person's columns of notes left beside it by row
   * number, which its words name, kept for its card (notes-beside.ts keptNames).
   */
  keptBeside?: string[];
  /** Why it failed or stalled, or what it wrote. */
  message?: string;
  /** What kind of failure: an AssembledError kind (auth, bad_request, ...), NO_KEY or target_missing. */
  failure?: string;
  /** Refused for its key's permission (HTTP 403): the call refused, in words ("reading teams"). */
  forbidden?: string;
  /** Why background runs will not carry it on (no trigger could be created), if so. */
  notice?: string;
  /** The scheduled refresh that started it, if any. */
  refreshId?: string;
  /** A refresh's run started by Run now, before it was due. */
  byHand?: true;
  /** A refresh's run: no retry is planned that could come after this (epoch ms). */
  giveUpAt?: number;
  /** A refresh's run waiting to try again: the latest that try begins (nextTryBy, retryBy). */
  tryBy?: number;
  /**
   * A pull from the sidebar: its failed tries the log has no row of yet, as their rows said them
   * (run-pull.ts logStep). Written before the first row the hourly check writes of it, its sidebar
   * closed; forgotten when the sidebar sees it end, whose one row counts them.
   */
  untold?: UntoldTry[];
  /** A pull from the sidebar whose tries have rows of their own from now on, whoever makes them. */
  triesLogged?: true;
  /** The later try of a refresh's run given up: the attempts that run made, counted before its own. */
  triedBefore?: number;
  /** A refresh's run, ended: the runs of its refresh that fell due meanwhile and were not started. */
  folded?: FoldedRuns;
  /** What has been read into the job's staging sheet (staged-fetch.ts), and how much there is. */
  fetched?: Fetched;
  /** Executions in a row that took this job up and were cut short before it moved on. */
  tries?: number;
  /** The write under way (staged-write.ts): rows landed of the table's, and where it goes. */
  write?: WriteProgress;
  /** A BigQuery load's progress: chunks loaded so far, kept across executions. */
  load?: LoadProgress;
}

/**
 * Runs of a refresh that fell due while an earlier run of it went on (retried for hours, or a long
 * report): not started, the earlier run standing for them (schedule/folded-runs.ts). How many, the
 * first and last due; `covered`, when the next run is due, if it pulls every date they were to pull;
 * `retried`, the earlier run had failed attempts.
 */
export interface FoldedRuns {
  count: number;
  first: number;
  last: number;
  covered?: number;
  retried?: true;
}

/** A failed try's log row, kept till it is written: its When (epoch ms), Duration and Message. */
export interface UntoldTry {
  at: number;
  ms: number;
  said: string;
}

export interface Fetched {
  /** Live report metrics (grouped into rows when built), report rows, or a resource's records. */
  kind: 'metrics' | 'rows' | 'records';
  /** Items in all, and per page. */
  total: number;
  step: number;
  /** Pages staged so far, of how many. */
  pages: number;
  of: number;
  /** When reading began and when it last moved: for the estimate of time left. */
  since: number;
  at: number;
}

export interface WriteProgress {
  /** Body rows written so far (the header is written first, with the plan). */
  done: number;
  total: number;
  /** Append/merge: the sheet row the body starts at, fixed when the write began. */
  bodyRow: number;
  /**
   * Rows typed under the table that the write took in as its own, and of them (merge, append) those
   * found in the data by their Assembled ID: as the write found them when it began (typed-rows.ts).
   */
  typed?: number;
  listed?: number;
  /** When this write began and when `done` last moved: for the estimate of time left. */
  since: number;
  at: number;
  /** A BigQuery load's progress: chunks loaded so far, kept across executions. */
  load?: LoadProgress;
}

export const POLL_FIRST_MS = 10_000;
export const POLL_MAX_MS = 5 * 60_000;
export const STALL_AFTER_MS = 45 * 60_000;

/**
 * The published add-on's dispatcher ticks hourly (ScriptApp refuses minute ticks there), so a
 * retry due at nextPollAt comes at the latest an hour later.
 */
export const SLOWEST_TICK_MS = 60 * 60_000;

/**
 * A refresh's failed attempt is tried again no sooner than this, whoever comes by first (a bound
 * script's minute ticks, the tick's other runs, the owner's open sidebar): the run keeps the hours
 * it is given to get past an outage, and the published add-on's next hourly tick takes it.
 */
export const REFRESH_RETRY_MS = SLOWEST_TICK_MS / 2;

/** The latest a retry of a job that met a transient failure will happen. */
export function nextTryBy(job: Pick<PullJob, 'nextPollAt' | 'refreshId' | 'tryBy'>): number {
  // A refresh's retry, due half an hour after its failure, is the next hourly tick's: within the hour.
  return job.tryBy ?? job.nextPollAt + SLOWEST_TICK_MS - (job.refreshId ? REFRESH_RETRY_MS : 0);
}

/**
 * The latest a refresh's retry after the try failing `now` begins: an hour after that try was due
 * by (when it came by then, as on the hourly ticks), not after its failure, seconds into its tick.
 * Counted from the failure, each try's limit crept a few seconds past the tick that takes it, and a
 * try by the give-up time, which its card named as the last, was never planned.
 */
export function retryBy(
  job: Pick<PullJob, 'errors' | 'tryBy' | 'attemptAt'>,
  nextPollAt: number,
  now: number,
): number {
  const from = job.errors && job.tryBy !== undefined ? Math.max(job.tryBy, job.attemptAt ?? now) : now;
  // A Retry-After longer than the half hour waits: the tick after it.
  return Math.max(from + SLOWEST_TICK_MS, nextPollAt + SLOWEST_TICK_MS - REFRESH_RETRY_MS);
}

/** Whether a retry due by `by` is tried: none begins after the run's giveUpAt. */
export function retryFits(job: Pick<PullJob, 'giveUpAt'>, by: number): boolean {
  return job.giveUpAt === undefined || by <= job.giveUpAt;
}

/** Whether a job's next try is its last: should it fail too, no retry of it would be planned. */
export function lastTry(
  job: Pick<PullJob, 'errors' | 'nextPollAt' | 'refreshId' | 'giveUpAt' | 'tryBy'>,
): boolean {
  // A refresh's retry after it is due by an hour after this try's limit (retryBy); a pull from the
  // sidebar has no give-up time.
  return job.errors >= MAX_RETRIES || !retryFits(job, nextTryBy(job) + SLOWEST_TICK_MS);
}

/**
 * The latest a refresh's run waiting to try again makes its last try: its tries an hour apart at
 * the most (retryBy), as many as fit by its give-up time and MAX_RETRIES, whichever ends it first.
 */
export function lastTryBy(
  job: Pick<PullJob, 'errors' | 'nextPollAt' | 'refreshId' | 'giveUpAt' | 'tryBy'>,
): number | undefined {
  if (job.giveUpAt === undefined) return undefined;
  const by = nextTryBy(job);
  const fit = Math.floor((job.giveUpAt - by) / SLOWEST_TICK_MS);
  return by + Math.max(0, Math.min(MAX_RETRIES - job.errors, fit)) * SLOWEST_TICK_MS;
}

export function isTerminal(job: Pick<PullJob, 'state'>): boolean {
  return TERMINAL.includes(job.state);
}

/**
 * A job only waiting for its next try after a failed attempt, no step of it under way (an
 * execution taking it up counts itself in `tries` first): a refresh card's Run now tries it now.
 */
export function waitsToTry(job: Pick<PullJob, 'state' | 'errors' | 'tries'>): boolean {
  return !isTerminal(job) && job.errors > 0 && !job.tries;
}

/** The `failure` of a job its owner stopped: the log and the sidebar say "stopped". */
export const STOPPED = 'stopped';

/** The `failure` of a job whose owner has no API key saved: nothing was sent. */
export const NO_KEY = 'no_key';

/** Failed attempts a job tries again after (a rate limit, Assembled down); the next failure ends it. */
export const MAX_RETRIES = 5;

/** The wait before the next poll: about 10 s at first, growing to 5 minutes. */
export function pollDelay(polls: number): number {
  return Math.min(POLL_MAX_MS, Math.round(POLL_FIRST_MS * 1.5 ** polls));
}

export function newJob(
  id: string,
  owner: Caller,
  spreadsheetId: string,
  spec: PullSpec,
  now: number,
  requestKey: string,
  refreshId?: string,
): PullJob {
  return {
    id,
    owner: owner.email,
    ownerId: owner.id,
    requestKey,
    spreadsheetId,
    spec,
    state: 'queued',
    createdAt: now,
    updatedAt: now,
    polls: 0,
    errors: 0,
    nextPollAt: now,
    ...(refreshId ? { refreshId } : {}),
  };
}

export function withState(job: PullJob, state: JobState, now: number, extra: Partial<PullJob> = {}): PullJob {
  if (isTerminal(job)) throw new Error(`Job ${job.id} is ${job.state} and cannot become ${state}`);
  // A step that went on answered: the failures counted before it are over (and no longer shown),
  // and so is a rate limit waited out.
  const errors = state === 'failed' || state === 'stalled' ? job.errors : 0;
  const { limitedSince: _, tryBy: __, ...rest } = job;
  return { ...rest, errors, ...extra, state, updatedAt: now };
}

/** After a poll that found the report still being generated. */
export function stillRunning(job: PullJob, now: number, suggestedWaitMs = 0): PullJob {
  // Not from the job's start: retries while Assembled was down are not the report's slowness.
  if (now - (job.reportAskedAt ?? job.createdAt) > STALL_AFTER_MS) {
    const minutes = Math.round(STALL_AFTER_MS / 60_000);
    return withState(job, 'stalled', now, {
      message: `Assembled had not finished the report after ${minutes} minutes. Try a shorter date range, or run it again later.`,
    });
  }
  const polls = job.polls + 1;
  return withState(job, 'running', now, {
    polls,
    nextPollAt: now + Math.max(pollDelay(polls), suggestedWaitMs),
  });
}

/**
 * The job as an execution takes it up at `now`. A refresh's retry begins an attempt of its own,
 * with a log row of its own; a pull from the sidebar has one row, which times its tries, not the
 * waits between them (from its failure on).
 */
export function takenUp(job: PullJob, now: number): PullJob {
  if (job.errors === 0) return withWait(job, job.nextPollAt, now);
  if (job.refreshId) {
    // A refresh's attempt has its own row, whose Duration holds only its own unanswered time.
    const { unansweredMs: _, ...attempt } = job;
    return { ...attempt, attemptAt: now, waitedMs: 0 };
  }
  const gap = Math.max(0, now - job.updatedAt);
  return { ...withWait(job, job.updatedAt, now), retryWaitMs: (job.retryWaitMs ?? 0) + gap };
}

export function isDue(job: PullJob, now: number): boolean {
  return !isTerminal(job) && job.nextPollAt <= now;
}
