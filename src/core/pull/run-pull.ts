// Starting and advancing pull jobs. Each step is short and saved, so the sidebar (while open)
// and the dispatcher trigger (otherwise) can both carry a job to its end, one step at a time.

import type { AssembledClient } from '../assembled/client';
import { causeOf, isAssembledError, noKeySent } from '../assembled/errors';
import type { ReportGranularity, ReportRow } from '../assembled/model';
import { metricsToRows } from '../assembled/normalise';
import { TurnOver } from '../assembled/reply-memo';
import type { Metric } from '../assembled/schemas/reports';
import type { ConnectedViews } from '../bigquery/connected-view';
import {
  abandonLoadOf,
  loadIntoBigQuery,
  loadRunning,
  stoppedLoad,
  tooLateWords,
} from '../bigquery/pull-load';
import type { Warehouse } from '../bigquery/warehouse';
import { agentCount, counted, countText } from '../count-text';
import { attemptMs, betweenTriesWords, unansweredWords } from '../jobs/attempt-time';
import { JobStore } from '../jobs/job-store';
import {
  isDue,
  isTerminal,
  MAX_RETRIES,
  NO_KEY,
  newJob,
  nextTryBy,
  type PullJob,
  pollDelay,
  REFRESH_RETRY_MS,
  retryBy,
  retryFits,
  STOPPED,
  stillRunning,
  takenUp,
  withState,
} from '../jobs/pull-job';
import { tryWithLock, withLock } from '../lock';
import { type Caller, NotYours, ownerName, owns } from '../owner';
import { type Clock, type Lock, type Store, WaitTooLong, type Zone, type Zones } from '../ports';
import { goneText } from '../record-store';
import { failedRunWords, forbiddenOf } from '../schedule/failed-run-words';
import { foldedWords, withFolded } from '../schedule/folded-runs';
import { keptNames } from '../schedule/notes-beside';
import { filledBy, pulledOver } from '../schedule/pulled-over';
import { makeRoom } from '../share';
import type { WriteOptions } from '../sheet/write-table';
import { buildTable, type Table, withMade } from '../table/build-table';
import { asDays, asUtcDays, END_EXCLUSIVE } from '../table/day-columns';
import { sentOrLookedUp } from '../table/id-names';
import { holdsTimesOfDay } from '../table/times-of-day';
import { clockChangeNote } from '../time/clock-changes';
import { type ResolvedRange, resolveRange } from '../time/date-range';
import { datesWords } from '../time/dates-words';
import { formatLocalDateTime } from '../time/zone-math';
import { InputError, parseInput } from '../validation';
import { NAMED_LISTS } from './catalogue';
import { gaveUpWords, rowsLeft } from './failed-words';
import { fetchRecords, MADE_COLUMNS } from './fetch-records';
import { findGone, goneWords, inForce } from './gone-picks';
import { refuseMixing, refuseOtherZone } from './mixed-target';
import { modeName } from './mode-words';
import { refuseOtherSource } from './other-source';
import { refuseOwnSheet } from './own-sheet';
import { rememberPull } from './pull-again';
import { PullSpec, sourceInfo, sourceLabel, specProblems } from './pull-spec';
import { calledNow, describeTarget, TargetMissing, type Targets, withSheetName } from './pull-target';
import { CLEAR_FILTERS, filtersNoted, filtersPicked, filterWords } from './pull-words';
import { pushedIdsIn } from './push-columns';
import {
  askCount,
  askOf,
  filterQueues,
  labelled,
  namesNoQueue,
  partsTogether,
  queueOf,
  queuesToAsk,
} from './queue-parts';
import { rangeAhead } from './range-ahead';
import { refuseRefreshed } from './refreshed-target';
import { askedParts, blankOverNothing, bucketPlan, reportParts, rollUp, timesOfDay } from './report-buckets';
import { appendUntil, reportWindow, stopNote } from './report-until';
import { pullCoverage } from './run-coverage';
import { pullScheduleGrid } from './run-grid';
import type { RunLog, RunLogEntry } from './run-log';
import { withDurationColumn } from './schedule-records';
import { filtersLine, LAST_PULL_RANGE, RANGE_LABEL, sourceLine } from './source-note';
import { fetchNextPages, firstPageShape, pagesOf, pastCeiling, stageFirstPage } from './staged-fetch';
import { StagedReplies } from './staged-replies';
import { StagedWrite, type WriteOutcome } from './staged-write';
import { readStaged, type StagedShape, type Staging, stagedExtent, stagePages } from './staging';
import { askStop, forgetStop, stopAsked } from './stop-asked';
import { sweepStaging } from './sweep-staging';
import { targetNow } from './target-now';
import { refuseUnknownKey } from './unknown-key';
import { reportSpan, writesUtcDates } from './utc-span';
import { utcEndsWords } from './utc-words';
import { withNames } from './with-names';
import { type WrittenAlso, writtenWords } from './written-words';

export interface PullDeps {
  /** Built on demand: the API key is read only when a request is about to go. */
  client: () => AssembledClient;
  clock: Clock;
  zone: Zone;
  /** Zones by name, for the days of all-day time off (its agent's own). */
  zones: Zones;
  store: Store;
  lock: Lock;
  targets: Targets;
  log: RunLog;
  /** Who is running this: only their own jobs are advanced, with their key. */
  user: Caller;
  /** A fresh unguessable id (Utilities.getUuid in Apps Script). */
  newId: () => string;
  /** The spreadsheet this runs in; records keep it for runs that have no active spreadsheet. */
  spreadsheetId: string;
  /**
   * Makes sure the dispatcher will come back for unfinished work; says why not in words when
   * Google would not create its trigger (the work is kept; an open sidebar finishes it).
   */
  ensureTrigger: () => string | undefined;
  /** The job's hidden staging sheets: pages read and a replace's new table, between executions. */
  staging: Staging;
  /** The BigQuery destination (built on demand); absent where there is none. */
  warehouse?: () => Warehouse;
  /** Connected Sheets views of loaded tables (built on demand). */
  views?: () => ConnectedViews;
}

/**
 * How long one call may carry a job on. The dispatcher works until its tick's deadline and may
 * wait for a report inside the execution; a sidebar call returns after a short turn, since the
 * sidebar shows progress between its calls and does its own waiting (a sidebar call held for
 * minutes would freeze the progress and risk the 6-minute limit).
 */
export interface Turn {
  deadline: number;
  /** Sleep (Utilities.sleep) until a report's next check when it falls before the deadline. */
  wait: boolean;
}

/** What a sidebar call does before answering with the progress. */
const SIDEBAR_TURN_MS = 20_000;

/**
 * A sidebar call's turn: seconds of work, never a sleep towards a report's check (the sidebar does
 * its own waiting); a load into BigQuery waits on its jobs within it (loadStaged).
 */
export function sidebarTurn(clock: Clock): Turn {
  return { deadline: clock.now() + SIDEBAR_TURN_MS, wait: false };
}
/**
 * A resource's read holds the document lock no longer than this a step (the dispatcher's turn is
 * minutes long); Stop pressed meanwhile ends it sooner, after the page under way (stop-asked.ts).
 */
const READ_STEP_MS = SIDEBAR_TURN_MS;
/**
 * How long Stop waits for the lock: the step holding it ends the job itself once it sees the
 * press, so Stop answers "Stopping" rather than keep the sidebar waiting.
 */
const STOP_WAIT_MS = 5_000;
/** Inside one execution a report is checked at least this often (backoff from 10 s). */
const IN_RUN_POLL_MAX_MS = 30_000;
/** Executions in a row cut short at the same point before a job is given up. */
const MAX_TRIES = 3;
/** Records per staged row of a resource. */
const RECORDS_PER_PAGE = 500;

/** Failures that are tried again (rate limit, network, 5xx), MAX_RETRIES times, then fail. */
const TRANSIENT = ['rate_limited', 'network', 'server', 'outcome_unknown'];
/**
 * How long a pull waits out Assembled's rate limit uncounted (limitWait). Its limit is a minute's
 * requests: refused for longer, others are using the key too.
 */
const RATE_LIMIT_WAIT_MS = 10 * 60_000;

/** A job failed on what Assembled may get over (an outage, its rate limit), given up after its attempts. */
export const gaveUp = (job: Pick<PullJob, 'state' | 'failure'>) =>
  job.state === 'failed' && TRANSIENT.includes(job.failure ?? '');

/** Live pulls one editor may have started from the sidebar at once (refresh runs are counted by their refreshes). */
export const MAX_LIVE_PULLS = 10;
/** Finished pulls kept per editor (the newest), beyond the day they are kept anyway. */
const FINISHED_KEPT = 10;

/**
 * Starts a pull for the caller. `key` is the caller's idempotency key: the same key twice (a
 * double click, a retried call) gives the same job, but only among the caller's own jobs; the
 * job's id is made here and cannot be chosen by anyone. A refresh run passes its refresh and
 * the sheet it is bound to. `replacing`: the data at the target the person agreed to replace,
 * when Pull data asked (other-source.ts).
 */
export function startPull(
  deps: PullDeps,
  input: unknown,
  key: string,
  refresh?: {
    id: string;
    sheetId?: number;
    giveUpAt?: number;
    byHand?: boolean;
    days?: { from: string; to: string };
    triedBefore?: number;
  },
  replacing?: string,
): PullJob {
  const spec = parseInput(PullSpec, input, 'Pull');
  const problems = specProblems(spec);
  if (problems.length) throw new InputError('Pull', problems);
  // The sheet the target names now, found once for the checks and the job; a refresh's own is
  // the one it is bound to.
  const sheetId = refresh ? refresh.sheetId : deps.targets.bind(spec.target);
  // A refresh writes what it wrote before; a pull from the sidebar may aim at another's table.
  // Read once, and only where a check applies: a replace at a cell other than A1 needs none, and a
  // refresh's only a merge or append (into a table written in another zone).
  const checked = refresh
    ? spec.mode !== 'replace'
    : spec.target.kind !== 'cell' || spec.target.a1 === 'A1' || spec.mode !== 'replace';
  const there = checked ? targetNow(deps.targets, spec.target, sheetId) : undefined;
  if (!refresh) {
    refuseOwnSheet(spec, there);
    refuseMixing(spec, there);
    refuseUnknownKey(spec, there);
    refuseRefreshed(spec, sheetId, deps.targets, deps.store, deps.user, deps.zone);
    refuseOtherSource(spec, there, replacing);
  }
  // Refused from Pull data, said in its words; a refresh's run, in the words of its card and e-mail.
  refuseOtherZone(spec, there, deps.zone, !refresh);
  // A job that could never run is not saved: no key, no job (and nothing fills the store).
  deps.client();
  const jobs = new JobStore(deps.store);
  return withLock(deps.lock, () => {
    const mine = jobs.all().filter((j) => owns(deps.user, j));
    const existing = mine.find((j) => j.requestKey === key && j.refreshId === refresh?.id);
    if (existing) return existing;
    const now = deps.clock.now();
    jobs.prune(now);
    forgetOldFinished(jobs, mine);
    // Before this pull stages anything, the room what ended pulls left behind is taken back.
    sweepStaging(deps.staging, jobs);
    if (!refresh && mine.filter((j) => !isTerminal(j) && !j.refreshId).length >= MAX_LIVE_PULLS) {
      throw new InputError('Pull', [
        `You already have ${MAX_LIVE_PULLS} pulls under way in this spreadsheet; wait for one to finish.`,
      ]);
    }
    const job = newJob(deps.newId(), deps.user, deps.spreadsheetId, spec, now, key, refresh?.id);
    if (sheetId !== undefined) job.sheetId = sheetId;
    if (refresh?.giveUpAt !== undefined) job.giveUpAt = refresh.giveUpAt;
    if (refresh?.byHand) job.byHand = true;
    if (refresh?.triedBefore) job.triedBefore = refresh.triedBefore;
    if (spec.range) job.range = resolveRange(spec.range, now, deps.zone);
    // A refresh catching up on days its last run left (catch-up.ts) starts earlier, in parts where
    // that takes it past Assembled's intervals; one appending into BigQuery leaves out the days its
    // table holds (held-days.ts).
    // So is a range of 31 days across an autumn clock change: within the limit in days, not hours.
    const own = job.range;
    if (own && refresh?.days) job.range = resolveRange({ kind: 'absolute', ...refresh.days }, now, deps.zone);
    // A range longer than Assembled takes in one report is asked in parts too.
    if (own && job.range && spec.source.kind === 'report') {
      const asked = reportSpan(spec.source.granularity, job.range, now, deps.zone, { own });
      const parts = askedParts(spec.source.granularity, asked, reportWindow(own, now), deps.zone);
      if (parts) job.parts = parts;
    }
    // A filter's queues are known now, so the first words already count the reports (queue-parts.ts).
    const queues = filterQueues(spec);
    if (queues) job.queues = queues;
    // A refresh's run is not refused: its refresh kept the room for it.
    makeRoom(deps.store, deps.user, 'job.', job, now, !refresh);
    jobs.save(job);
    const notice = deps.ensureTrigger();
    return notice ? jobs.save({ ...job, notice }) : job;
  });
}

/** A refresh's run is left for its refresh to record; the day-old prune forgets it. */
function forgetOldFinished(jobs: JobStore, mine: PullJob[]): void {
  const finished = mine
    .filter((j) => isTerminal(j) && !j.refreshId)
    .sort((a, b) => b.updatedAt - a.updatedAt);
  for (const old of finished.slice(FINISHED_KEPT)) jobs.delete(old.id);
}

/**
 * Carries the job on, a saved step at a time, while the turn lasts (by default one step); returns
 * it as it now stands. Each step is taken under the lock from the job as last saved, so the
 * sidebar and the dispatcher can both work on it.
 */
export function advancePull(deps: PullDeps, id: string, turn?: Turn): PullJob {
  const jobs = new JobStore(deps.store);
  const job = jobs.get(id);
  if (!job) throw new Error(goneText('pull job', id));
  // Only the owner's executions move a job on (with the owner's key), or even see it.
  if (!owns(deps.user, job)) throw new NotYours('pull', job);
  const deadline = turn?.deadline ?? deps.clock.now();
  const run: RunState = { marked: false, deadline, background: turn?.wait === true, unansweredMs: 0 };
  // Every client this execution makes tallies the time its requests went unanswered.
  const heard: PullDeps = {
    ...deps,
    client: () => {
      const client = deps.client();
      if (job.batch) client.batch.startAt(job.batch);
      client.onResponse((e) => {
        run.unansweredMs += e.unansweredMs ?? 0;
      });
      return client;
    },
  };
  let current = job;
  let waited = false;
  for (;;) {
    if (isTerminal(current)) return current;
    // Stop pressed while another execution held the lock: whichever carries the job on ends it.
    const lead = stopAsked(deps.store, id);
    if (lead) return stopJob(deps, current, lead);
    const now = deps.clock.now();
    if (!waited && !isDue(current, now)) {
      // A report not ready yet: check again within this execution while time remains; so is a rate
      // limit's short wait, whatever the step (limitWait).
      const wait = Math.min(current.nextPollAt - now, IN_RUN_POLL_MAX_MS);
      const limited = current.limitedSince !== undefined && current.nextPollAt - now <= IN_RUN_POLL_MAX_MS;
      // A failed attempt's retry is not slept towards: it waits for its own time.
      const retrying = current.errors > 0;
      if (!turn?.wait || (current.state !== 'running' && !limited) || retrying || now + wait >= deadline)
        return current;
      try {
        deps.clock.sleep(wait);
      } catch (error) {
        if (error instanceof WaitTooLong) return current;
        throw error;
      }
      waited = true;
      continue;
    }
    const errors = current.errors;
    current = withLock(deps.lock, () => stepSaved(heard, jobs, id, waited, run));
    waited = false;
    // A step that saw Stop pressed ended early: the job is ended now (above), whatever time is left.
    if (run.stopSeen) {
      run.stopSeen = false;
      continue;
    }
    // A failed attempt is left for a later execution, so retries stay spaced out.
    if (current.errors > errors || deps.clock.now() >= deadline) return current;
  }
}

/** What one execution keeps between its steps of a job. */
interface RunState {
  /** Whether this execution has counted itself in the job's tries. */
  marked: boolean;
  /** When this execution's turn ends. */
  deadline: number;
  /** A resource's replies read so far (staged-replies.ts), taken in once an execution. */
  replies?: StagedReplies;
  /** One client for the execution: its rate limiter paces every page this execution reads. */
  client?: AssembledClient;
  writer?: StagedWrite;
  /** The target's name for the done message. */
  label?: string;
  /** The target sheet's name as this execution found it, for the log row. */
  sheet?: string;
  /** The new sheet this execution made for the job's rows (the job keeps it as madeSheet). */
  made?: number;
  /** An append's rows of the bucket still under way, left out (report-until.ts appendUntil). */
  held?: number;
  /** A step of this execution saw Stop pressed (stopSeenBy) and ended early for it. */
  stopSeen?: boolean;
  /** The dispatcher's execution, not a sidebar's call. */
  background?: boolean;
  /** The time this execution's requests went unanswered so far, each step's kept on the job. */
  unansweredMs: number;
}

/** Whether Stop was pressed on the job, for a step to end early; one seen is kept in `run`. */
function stopSeenBy(deps: PullDeps, id: string, run: RunState): () => boolean {
  return () => {
    if (stopAsked(deps.store, id) === undefined) return false;
    run.stopSeen = true;
    return true;
  };
}

/** One step under the lock, from the job as last saved (another execution may have moved it on). */
function stepSaved(deps: PullDeps, jobs: JobStore, id: string, force: boolean, run: RunState): PullJob {
  const current = jobs.get(id);
  if (!current || isTerminal(current)) return current ?? (jobs.get(id) as PullJob);
  if (!force && !isDue(current, deps.clock.now())) return current;
  let job = current;
  if (!run.marked) {
    // Counted before the work: an execution killed in this step saves nothing after it.
    run.marked = true;
    job = jobs.save({ ...job, tries: (job.tries ?? 0) + 1 });
  }
  job = takenUp(job, deps.clock.now());
  const unanswered = run.unansweredMs;
  const stepped = keptBatch(
    heardOut(
      told(overdue(job, deps.clock.now()) ?? step(deps, job, jobs, run)),
      run.unansweredMs - unanswered,
    ),
    run,
  );
  // Kept whatever the step did, a failure too: the sheet goes if the pull ends with it empty. Its
  // end is when the job next waits from (takenUp).
  const at = deps.clock.now();
  const goesOn = stepped.state === 'done' || gaveUp(stepped);
  const ended = isTerminal(stepped)
    ? withFolded(deps.store, { ...stepped, updatedAt: at }, deps.zone, at, {
        retried: job.errors > 0,
        goesOn,
      })
    : { ...stepped, updatedAt: at };
  const next = run.made === undefined ? ended : { ...ended, madeSheet: run.made };
  const saved = jobs.save(isTerminal(next) ? next : { ...next, tries: 0 });
  if (isTerminal(saved)) letGo(deps, saved, job.state === 'writing');
  // An append or merge that wrote no row filled nothing: the sheet's last filler stays its own.
  const filled = saved.spec.mode === 'replace' || (saved.rows ?? 0) > 0;
  if (saved.state === 'done' && filled && saved.spec.target.kind !== 'bigquery') {
    const sheetId = saved.sheetId ?? deps.targets.bind(saved.spec.target);
    rememberPull(deps.store, sheetId, saved.spec, deps.clock.now(), filledBy(saved));
    // A pull from the sidebar wrote over a refresh's rows there (its own runs say so).
    if (sheetId !== undefined && !saved.refreshId) pulledOver(deps, sheetId, saved);
  }
  return logStep(deps, jobs, saved, saved.errors > job.errors, run);
}

/**
 * The log's rows of a step that ended the job or failed a try (`tried`). A refresh's failed attempt
 * is logged when it happens, not only when the run gives up hours later: its tries are up to an hour
 * apart. So is a sidebar pull's that the hourly check makes, its sidebar closed, and then the tries
 * its sidebar made are written first, held till now, so that its rows begin at its first try, and
 * every later try of it has its row. Its tries the sidebar alone makes, minutes apart, have one row,
 * for how it ended (a pull given up counts its tries there).
 */
function logStep(deps: PullDeps, jobs: JobStore, saved: PullJob, tried: boolean, run: RunState): PullJob {
  if (!tried && !isTerminal(saved)) return saved;
  const { untold = [], ...job } = saved;
  if (saved.refreshId === undefined && !run.background && !saved.triesLogged) {
    if (isTerminal(saved)) {
      logRun(deps, saved, run.sheet);
      return untold.length ? jobs.save(job) : saved;
    }
    const row = logRow(deps, saved, run.sheet);
    const held = { at: row.when.getTime(), ms: row.durationMs, said: row.message };
    return jobs.save({ ...saved, untold: [...untold, held] });
  }
  const retrying = logRow(deps, saved, run.sheet, 'retrying');
  for (const held of untold)
    deps.log.append({ ...retrying, when: new Date(held.at), durationMs: held.ms, message: held.said });
  logRun(deps, saved, run.sheet);
  if (saved.refreshId !== undefined) return saved;
  if (isTerminal(saved)) return untold.length ? jobs.save(job) : saved;
  return untold.length || !saved.triesLogged ? jobs.save({ ...job, triesLogged: true }) : saved;
}

/** A job done with picks Assembled no longer has: its words begin with them (gone-picks.ts). */
function told(job: PullJob): PullJob {
  const gone = job.state === 'done' ? goneWords(job.spec, job.gone, !!job.refreshId) : '';
  return gone ? { ...job, message: [gone, job.message].filter(Boolean).join(' ') } : job;
}

/**
 * The step's unanswered time added to the job's; a job ended says the whole of it last, on the
 * sidebar and in the log, where its Elapsed and Duration hold it unexplained.
 */
function heardOut(job: PullJob, ms: number): PullJob {
  const unansweredMs = (job.unansweredMs ?? 0) + ms;
  const kept = unansweredMs > 0 ? { ...job, unansweredMs } : job;
  return isTerminal(kept) ? endsUnanswered(kept) : kept;
}

/** The fetchAll batch the step came down to, for the job's next execution to start at. */
function keptBatch(job: PullJob, run: RunState): PullJob {
  const size = run.client?.batch.now;
  return size === undefined ? job : { ...job, batch: size };
}

function endsUnanswered(job: PullJob): PullJob {
  const words = unansweredWords('pull', job.unansweredMs);
  return words ? { ...job, message: `${job.message ?? ''}${words}`.trim() } : job;
}

/** The job's filters less the picks gone (gone-picks.ts); undefined when none can match. */
const picksNow = (job: PullJob) => inForce(job.spec, job.gone);

/**
 * The job as its first step finds Assembled's lists: picks no longer listed are kept apart, and a
 * report told apart by queue is asked a queue at a time from the start (queue-parts.ts), for the
 * queues picked that are left, else every queue Assembled lists.
 */
function lookForGone(deps: PullDeps, job: PullJob, run: RunState): PullJob {
  const client = () => (run.client ??= deps.client());
  const picked = NAMED_LISTS.some((list) => job.spec.filters[list]?.length);
  const gone = picked ? findGone(client(), job.spec.filters) : {};
  const { queues: _, ...rest } = job;
  const queues = queuesOf(job, inForce(job.spec, gone), client);
  return queues ? { ...rest, gone, queues } : { ...rest, gone };
}

/** The queues the job's report is asked for one at a time; `kept`, the filters in force (none: nothing is asked). */
const queuesOf = (job: PullJob, kept: ReturnType<typeof picksNow>, client: () => AssembledClient) =>
  kept && queuesToAsk({ ...job.spec, filters: kept.filters }, () => client().listQueues());

/**
 * Stops the caller's pull started from the sidebar: nothing more is read or written, and its
 * staging goes. A replace has written nothing until its last step; an append or merge keeps the
 * rows it wrote, and says how many.
 */
export function stopPull(deps: PullDeps, id: string): PullJob {
  const jobs = new JobStore(deps.store);
  const job = jobs.get(id);
  if (!job) throw new Error(goneText('pull job', id));
  if (!owns(deps.user, job)) throw new NotYours('pull', job);
  if (isTerminal(job)) return stoppedOver(deps, job, 'Stopped');
  if (job.refreshId)
    throw new InputError('Stop', [
      "This is a scheduled refresh's run: stop it on its card in Scheduled refreshes instead.",
    ]);
  const stopped = pressStop(deps, id, 'Stopped', () => {
    // Ended meanwhile by the call under way, which did not see the press in time.
    const now = jobs.get(id) ?? job;
    return isTerminal(now) ? stoppedOver(deps, now, 'Stopped') : stopJob(deps, now, 'Stopped');
  });
  // Not over yet (the sidebar says "Stopping"): the execution under way ends it.
  return stopped ?? jobs.get(id) ?? job;
}

/**
 * Stop pressed on a pull from the sidebar that was done before the press was seen (a call under way
 * wrote or loaded the last rows meanwhile): it says so, as a stop too late for a BigQuery load's
 * final query does, not plain done words under a Stop the person pressed; its log row too. A pull
 * that failed, or said so already, is left as it is.
 */
function stoppedOver(deps: PullDeps, over: PullJob, lead: string): PullJob {
  return withLock(deps.lock, () => {
    const jobs = new JobStore(deps.store);
    const job = jobs.get(over.id) ?? over;
    const late = `${lead} too late`;
    if (job.state !== 'done' || job.refreshId || job.message?.startsWith(late)) return job;
    const message =
      tooLateWords(job, lead) ?? `${late}: the pull was already done. ${job.message ?? ''}`.trim();
    const saved = jobs.save({ ...job, message });
    deps.log.restate(logRow(deps, job), logRow(deps, saved).message);
    return saved;
  });
}

/**
 * Stop pressed on a job under way (Pull data's Stop, a refresh card's Stop or Pause): kept before
 * the lock is asked for (stop-asked.ts, with `lead`, the words its message begins with), so a step
 * holding the lock ends the job after its page. `stop` then runs under the lock if it comes within
 * STOP_WAIT_MS; undefined when it did not, and the execution under way ends the job.
 */
export function pressStop<T>(
  deps: Pick<PullDeps, 'store' | 'lock'>,
  id: string,
  lead: string,
  stop: () => T,
): T | undefined {
  askStop(deps.store, id, lead);
  const done = tryWithLock(deps.lock, STOP_WAIT_MS, () => {
    const value = stop();
    // Ended by `stop` (its press forgotten with it), or over before the press: none left behind.
    forgetStop(deps.store, id);
    return { value };
  });
  return done?.value;
}

/**
 * Ends a job not yet over as Stop does, under the lock (a step saved by another execution meanwhile
 * is not undone): `lead` begins its message ("Stopped"), the log says "stopped".
 */
export function stopJob(deps: PullDeps, job: PullJob, lead: string): PullJob {
  return withLock(deps.lock, () => {
    const jobs = new JobStore(deps.store);
    const now = jobs.get(job.id) ?? job;
    if (isTerminal(now)) return now;
    // Loading into BigQuery: its jobs are cancelled first, for the words to say what they did.
    const loading = now.spec.target.kind === 'bigquery' && now.state === 'writing';
    const load = loading ? stoppedLoad(deps, now, lead) : undefined;
    const kept = load?.rows ?? rowsLeft(now);
    const message =
      load?.message ??
      (kept > 0
        ? `${lead} while writing: the ${countText(kept)} rows written so far stay in the sheet.`
        : `${lead}: nothing was written, and the target is as it was.`);
    const at = deps.clock.now();
    // The rows all went in before the cancel took: the pull is done, and its log row says so.
    const ended = load?.whole
      ? withState(takenUp(now, at), 'done', at, { message, rows: kept })
      : withState(takenUp(now, at), 'failed', at, { message, failure: STOPPED, rows: kept });
    const stopped = endsUnanswered(ended);
    // Stopped by Stop or by its refresh's pause: whether it runs next is not said.
    const folded = withFolded(deps.store, stopped, deps.zone, at, { retried: now.errors > 0, goesOn: false });
    const saved = jobs.save(folded);
    letGo(deps, saved, now.state === 'writing' && !loading);
    logRun(deps, saved);
    return saved;
  });
}

/** The dispatcher's work: every due job of this user (it runs with their key), until the deadline nears. */
export function runDuePulls(deps: PullDeps, deadline: number): void {
  for (const job of activePulls(deps.store, deps.user)) {
    if (deps.clock.now() >= deadline) return;
    advancePull(deps, job.id, { deadline, wait: true });
  }
}

function activePulls(store: Store, user: Caller): PullJob[] {
  return new JobStore(store).active().filter((j) => owns(user, j));
}

export function hasActivePulls(store: Store, user: Caller): boolean {
  return activePulls(store, user).length > 0;
}

/** The caller's newest pull started from the sidebar and not yet over: a reopened sidebar follows it. */
export function latestSidebarPull(store: Store, user: Caller): PullJob | undefined {
  return activePulls(store, user)
    .filter((j) => !j.refreshId)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
}

function step(deps: PullDeps, taken: PullJob, jobs: JobStore, run: RunState): PullJob {
  const now = deps.clock.now();
  let job = taken;
  try {
    if (job.state === 'queued' && job.gone === undefined) job = lookForGone(deps, job, run);
    const { source } = job.spec;
    if (source.kind === 'resource' && source.resource === 'schedule_grid') {
      const range = job.range;
      if (!range) throw new Error('The schedule grid needs a date range');
      jobs.save(withState(job, 'writing', now));
      const drawn = pullScheduleGrid(
        deps.client(),
        picksNow(job)?.filters,
        range,
        job.spec.gridMinutes ?? 30,
        deps.zone,
        () => deps.targets.open(job.spec.target),
        headerNote(deps, job),
        !!job.refreshId,
      );
      // None drawn: the filters in force first, as a table's "No rows" names them (written-words.ts).
      const filtered = drawn.rows ? '' : picked(job);
      return withState(job, 'done', deps.clock.now(), {
        rows: drawn.rows,
        message: `${filtered && `No activities for ${filtered}: `}${agentCount(drawn.rows)} drawn on ${drawn.label}; the legend is at ${drawn.legend}.${filtered && !job.refreshId ? ` ${CLEAR_FILTERS}.` : ''}`,
      });
    }
    if (source.kind === 'resource' && source.resource === 'coverage') {
      const range = job.range;
      if (!range) throw new Error('Coverage needs a date range');
      jobs.save(withState(job, 'writing', now));
      const drawn = pullCoverage(
        deps.client(),
        range,
        deps.zone,
        () => deps.targets.open(job.spec.target),
        headerNote(deps, job),
      );
      return withState(job, 'done', deps.clock.now(), {
        rows: drawn.rows,
        message: `${countText(drawn.rows)} intervals written to ${drawn.label}${drawn.chart ? `; their chart is at ${drawn.chart}` : ''}.`,
      });
    }
    run.client ??= deps.client();
    const client = run.client;
    if (job.state === 'writing')
      return job.spec.target.kind === 'bigquery'
        ? loadStaged(deps, job, jobs, client, run)
        : writePiece(deps, job, run, client);
    if (source.kind === 'resource') return resumeStaged(deps, job) ?? readRecords(deps, job, run, client);
    if (!job.reportId) {
      const range = job.range;
      if (!range) throw new Error('A report needs a date range');
      // No pick of some list left: nothing to ask (an empty list would ask for everyone).
      if (!picksNow(job)) return withState(job, 'writing', now, { errors: 0, nextPollAt: now });
      return askReports(deps, client, job, range);
    }
    if (job.state === 'fetching') return fetchPages(deps, client, job, job.reportId);
    return resumeStaged(deps, job) ?? pollOnce(deps, client, job, job.reportId);
  } catch (error) {
    // Backoff counts from the failure, not from the step's start (a step may read many pages).
    return failure(job, error, deps.clock.now());
  }
}

const reportEndpoint = 'GET /v0/reports/{id}';

/**
 * The staging of the report being read: the job's own, or for a later part of a range asked in
 * parts, one of that part's own (its offsets start again at 0).
 */
const stageId = (job: PullJob, part = job.part ?? 0) => (part ? `${job.id}.${part}` : job.id);

const stagesOf = (job: PullJob) => Array.from({ length: askCount(job) }, (_, part) => stageId(job, part));

function removeStaging(deps: PullDeps, job: PullJob): void {
  for (const id of stagesOf(job)) deps.staging.remove(id);
}

/**
 * What an ended job leaves: its staging goes (when it ended `loading` without its rows in, its
 * BigQuery jobs still running are cancelled and its staging table goes too), and a new sheet it
 * made goes when the job wrote nothing into it (failed, or an append or merge of no rows; one with
 * anything in it stays).
 */
function letGo(deps: PullDeps, job: PullJob, loading: boolean): void {
  removeStaging(deps, job);
  forgetStop(deps.store, job.id);
  if (loading && job.state !== 'done') abandonLoadOf(deps, job);
  if (job.madeSheet !== undefined) deps.targets.dropEmpty(job.madeSheet);
}

/**
 * Picks up what an execution cut short after staging, before it could save the job: the staging
 * sheet says what was read, so nothing is read again.
 */
function resumeStaged(deps: PullDeps, job: PullJob): PullJob | undefined {
  const stage = deps.staging.find(stageId(job), 'pages');
  const staged = stage && stagedExtent(stage);
  if (!staged?.shape) return undefined;
  return staged.next >= staged.shape.total
    ? fetchedAll(deps, job, staged.shape, staged.pages)
    : withState(job, 'fetching', deps.clock.now(), {
        fetched: {
          ...staged.shape,
          pages: staged.pages,
          of: pagesOf(staged.shape),
          since: deps.clock.now(),
          at: deps.clock.now(),
        },
        nextPollAt: deps.clock.now(),
      });
}

/**
 * Asks for the report of the job's part and, in one batch, those after it (queue-parts.ts
 * partsTogether), so that Assembled builds them at once. Their ids are kept in order (`ahead`) up to
 * the first that did not start; that one and those after it are asked for when their turn comes.
 * The ids are saved with the job before any of their pages is staged, and only its part's own
 * (its queue, its window) is read as it: an execution cut short before saving asks them again.
 */
function askReports(deps: PullDeps, client: AssembledClient, job: PullJob, range: ResolvedRange): PullJob {
  const { source } = job.spec;
  if (source.kind !== 'report') throw new Error('unreachable: only a report is asked for');
  const now = deps.clock.now();
  const granularity = planOf(deps, job, source.granularity, range).ask;
  const inputs = partsTogether(job, job.part ?? 0).map((part) => {
    const asked = askOf(job, part, spanOf(deps, job, range));
    return {
      start_time: asked.window.start,
      end_time: asked.window.end,
      granularity,
      ...reportFilters(job),
      ...(asked.queue === undefined ? {} : { queue_ids: [asked.queue] }),
    };
  });
  const [first, ...rest] = client.startReports(source.report, inputs);
  if (!first) throw new Error('unreachable: a report asked, an answer');
  if (!first.ok) throw first.error;
  const gap = rest.findIndex((o) => !o.ok);
  const ahead = rest.slice(0, gap < 0 ? rest.length : gap).flatMap((o) => (o.ok ? [o.value.id] : []));
  return withState(job, 'running', now, {
    reportId: first.value.id,
    ahead: ahead.length ? ahead : undefined,
    reportAskedAt: now,
    polls: 0,
    nextPollAt: now + pollDelay(0),
  });
}

/**
 * A report read whole: the next part's, asked for with it, is checked at once (or asked for now,
 * if it was not), or the rows are written.
 */
function fetchedAll(deps: PullDeps, job: PullJob, shape: StagedShape, pages: number): PullJob {
  const now = deps.clock.now();
  const fetched = { ...shape, pages, of: pages, since: job.fetched?.since ?? now, at: now };
  const part = (job.part ?? 0) + 1;
  if (part < askCount(job)) {
    const [reportId, ...ahead] = job.ahead ?? [];
    return withState(job, 'running', now, {
      part,
      partSince: now,
      reportId,
      ahead: ahead.length ? ahead : undefined,
      // The first report's wait was every report's build: the rest are timed from it (pull-view.ts).
      ...(part === 1 && reportId ? { firstIn: now } : {}),
      polls: 0,
      errors: 0,
      nextPollAt: now,
    });
  }
  return withState(job, 'writing', now, { fetched, errors: 0, nextPollAt: now });
}

/**
 * A job's reports asked for again from the first, in other parts or queues: none asked before is
 * read, its ids (`ahead`) going with the parts they were asked for.
 */
const ASK_ANEW = {
  reportId: undefined,
  ahead: undefined,
  part: undefined,
  firstIn: undefined,
  polls: 0,
} satisfies Partial<PullJob>;

/** One look at the report: its first page says whether it is ready, and is kept when it is. */
function pollOnce(deps: PullDeps, client: AssembledClient, job: PullJob, reportId: string): PullJob {
  const now = deps.clock.now();
  const [outcome] = client.readReportPages(reportId, [0]);
  if (!outcome) throw new Error('unreachable: one page asked, one answer');
  if (!outcome.ok) throw outcome.error;
  const page = outcome.value;
  if (page.status === 'pending' || page.status === 'running') return stillRunning(job, now);
  if (page.status === 'failed') {
    return withState(job, 'failed', now, {
      // Assembled's reason may end with its own full stop: the sentence has one, whichever.
      message: `Assembled could not generate the report: ${(page.failure_reason ?? 'no reason given').replace(/\.$/, '')}.`,
    });
  }
  if (rollsUp(deps, job) && pastCeiling(firstPageShape(page), reportEndpoint)) {
    // A large org's intervals: Assembled's own days, weeks or months fit where they would not, over
    // the whole range in one report, or its own parts when it is longer than one takes (the parts
    // read so far are let go).
    removeStaging(deps, job);
    return withState(job, 'running', now, {
      ...ASK_ANEW,
      utcBuckets: true,
      parts: job.range && longParts(deps, job, job.range),
      nextPollAt: now,
    });
  }
  // A job now keeps its queues from its first step (lookForGone), so only one that an older version
  // saved while it waited for its report over every queue comes here, in flight across the upgrade:
  // its reply cannot tell the queues apart, so it is asked again a queue at a time, as then.
  if (!job.queues && namesNoQueue(sourceInfo(job.spec.source).key, page)) {
    const queues = queuesOf(job, picksNow(job), () => client);
    if (queues && queues.length > 1) {
      removeStaging(deps, job);
      return withState(job, 'running', now, { ...ASK_ANEW, queues, nextPollAt: now });
    }
    // An organisation of one queue: the report is its own, read again once the job keeps it.
    if (queues) return withState(job, 'running', now, { queues, nextPollAt: now });
  }
  const shape = stageFirstPage(deps.staging.open(stageId(job), 'pages'), page, reportEndpoint);
  const of = pagesOf(shape);
  if (of <= 1) return fetchedAll(deps, job, shape, 1);
  const fetched = { ...shape, pages: 1, of, since: now, at: now };
  return withState(job, 'fetching', now, { fetched, errors: 0, nextPollAt: now });
}

/** The next batch of pages into the staging sheet; writing begins once the last is there. */
function fetchPages(deps: PullDeps, client: AssembledClient, job: PullJob, reportId: string): PullJob {
  const read = fetchNextPages(client, reportId, deps.staging.open(stageId(job), 'pages'), reportEndpoint);
  const now = deps.clock.now();
  const fetched = job.fetched && { ...job.fetched, pages: read.pages, at: now };
  if (read.complete && job.fetched) return fetchedAll(deps, job, job.fetched, read.pages);
  return withState(job, read.complete ? 'writing' : 'fetching', now, {
    ...(fetched ? { fetched } : {}),
    errors: 0,
    nextPollAt: now,
  });
}

/**
 * A resource is read through its staged replies: a step stops between batches once its time is
 * up, and the next carries on, answered from what was kept (no page is asked twice). Read whole,
 * its records are kept so that writing never reads it again.
 */
function readRecords(deps: PullDeps, job: PullJob, run: RunState, client: AssembledClient): PullJob {
  const { source } = job.spec;
  if (source.kind !== 'resource') throw new Error('unreachable: only a resource is read as records');
  const began = deps.clock.now();
  run.replies ??= new StagedReplies(deps.staging.open(job.id, 'replies'), deps.clock);
  run.replies.begin(Math.min(run.deadline, began + READ_STEP_MS), stopSeenBy(deps, job.id, run));
  try {
    const read = client.withMemo(run.replies);
    const filters = picksNow(job)?.filters;
    return stageRecords(
      deps,
      job,
      filters ? fetchRecords(read, source.resource, filters, deps, job.range) : [],
    );
  } catch (error) {
    if (!(error instanceof TurnOver)) throw error;
    // Not a failure: the pages read so far are the progress; their number in all is not known.
    const now = deps.clock.now();
    const pages = run.replies.count;
    const since = job.fetched?.since ?? began;
    const fetched = { kind: 'records' as const, total: 0, step: 0, pages, of: 0, since, at: now };
    return withState(job, 'fetching', now, { fetched, errors: 0, nextPollAt: now });
  }
}

/** A resource read whole (its paging is the client's), kept so that writing never reads it again. */
function stageRecords(deps: PullDeps, job: PullJob, records: readonly object[]): PullJob {
  const pages = [];
  for (let offset = 0; offset < records.length; offset += RECORDS_PER_PAGE)
    pages.push({ offset, items: records.slice(offset, offset + RECORDS_PER_PAGE) });
  const shape: StagedShape = { kind: 'records', total: records.length, step: RECORDS_PER_PAGE };
  stagePages(deps.staging.open(job.id, 'pages'), pages, shape);
  return fetchedAll(deps, job, shape, pages.length);
}

/** One piece of the write; the table is built from the staged pages once per execution. */
function writePiece(deps: PullDeps, job: PullJob, run: RunState, client: AssembledClient): PullJob {
  if (!run.writer) {
    const target = deps.targets.open(job.spec.target, job.sheetId);
    if (target.made) run.made = target.sheetId;
    const table = tableOf(deps, job, stagedRecords(deps, job, client, run));
    const timed = holdsTimesOfDay(table);
    run.writer = new StagedWrite(
      job.id,
      table,
      target,
      {
        mode: job.spec.mode,
        ...(job.refreshId ? { refresh: true } : {}),
        row: target.row,
        col: target.col,
        mergeKey: job.spec.mergeKey ?? sourceInfo(job.spec.source).key,
        span: sourceInfo(job.spec.source).span,
        zone: deps.zone,
        ...(target.previous ? { previous: target.previous } : {}),
        ...pushedRows(job.spec.source),
        note: headerNote(deps, job, undefined, timed),
        noteOf: (done) => headerNote(deps, job, done, timed),
      },
      deps.staging,
      () => deps.clock.now(),
    );
    run.label = target.label;
    run.sheet = target.sheet;
  }
  const piece = run.writer.next(job.write);
  const now = deps.clock.now();
  if (piece.kind === 'progress')
    return withState(job, 'writing', now, { write: piece.progress, errors: 0, nextPollAt: now });
  const { source } = job.spec;
  const made = job.madeSheet ?? run.made;
  return withState(job, 'done', now, {
    rows: piece.rows,
    // Counted as its words count them; a first write into an empty place only wrote.
    ...(job.spec.mode === 'merge' && !piece.fresh
      ? {
          merged: {
            updated: piece.updated,
            added: piece.appended - piece.replacing,
            ...(piece.replacing ? { replacing: piece.replacing } : {}),
          },
        }
      : {}),
    // Its card says them until the next run, reading no sheet.
    ...(job.refreshId && piece.keptBeside ? { keptBeside: keptNames(piece.keptBeside) } : {}),
    message: writtenWords(job.spec.mode, piece, run.label ?? '', {
      ...(run.held && source.kind === 'report' ? { held: [run.held, source.granularity] } : {}),
      ...(made !== undefined ? { made: run.sheet ?? '' } : {}),
      filtered: picked(job),
      ...(picksNow(job) ? {} : { unasked: true }),
      ...aheadOf(deps, job),
      // A refresh's filters are its own: the sidebar's button is for the pull in its form.
      ...(job.refreshId ? { byRun: job.spec } : { clear: CLEAR_FILTERS }),
    }),
  });
}

/** The pull's range's days after the day it began, for the words of a pull that found no rows. */
function aheadOf(deps: PullDeps, job: PullJob): Pick<WrittenAlso, 'ahead'> {
  const ahead = job.range && rangeAhead(job.range, job.createdAt, deps.zone, job.spec.source);
  return ahead ? { ahead } : {};
}

/** How the rows a sheet pushed of a list are found in its data, for a list pushed back (activities). */
function pushedRows(source: PullSpec['source']): Pick<WriteOptions, 'pushed'> {
  const column = sourceInfo(source).listsPushed;
  return column ? { pushed: { column, idsIn: pushedIdsIn } } : {};
}

/**
 * The filters in force, in words, for a pull that found nothing (pull-words.ts filtersPicked): not
 * the picks gone, which say so themselves, and none when nothing was asked.
 */
const picked = (job: PullJob) => {
  const now = picksNow(job);
  return now ? filtersPicked(now, !!job.refreshId) : '';
};

/** The records the staged pages make: the same in every execution that builds them. */
function stagedRecords(
  deps: PullDeps,
  job: PullJob,
  client: AssembledClient,
  run?: RunState,
): Record<string, unknown>[] {
  // A report with nothing asked (gone-picks.ts) has nothing staged.
  if (!picksNow(job)) return [];
  const staged = stagesOf(job).map((id) => readStaged(deps.staging.open(id, 'pages')));
  if (job.spec.source.kind === 'resource') return staged.flat() as Record<string, unknown>[];
  // Each report's own: metrics are grouped per reply, and a queue's reply is labelled with it.
  const rows = staged.flatMap((items, part) =>
    labelled(
      job.fetched?.kind === 'metrics' ? metricsToRows(items as unknown as Metric[]) : (items as ReportRow[]),
      queueOf(job, part),
    ),
  );
  // In time, and within a time queue by queue as they were asked (the sort is stable), as one
  // report over every queue gives them.
  if (job.queues) rows.sort((a, b) => Number(a.start_time) - Number(b.start_time));
  return withNames(client, blankOverNothing(sheetBuckets(deps, job, rows, run))) as Record<string, unknown>[];
}

/** Sources whose records carry a duration (ms) beside their start and end. */
const TIMED: readonly string[] = ['activities', 'agent_states', 'condensed_timeline'];

function tableOf(deps: PullDeps, job: PullJob, records: Record<string, unknown>[]): Table {
  const { source } = job.spec;
  const made = source.kind === 'resource' ? MADE_COLUMNS[source.resource] : undefined;
  const built = withNamesSent(withMade(buildTable(records, deps.zone), made), sourceInfo(source).namesSent);
  const buckets = rowBuckets(deps, job);
  if (buckets === 'calendar') return asDays(built);
  // A BigQuery table's times are instants, shown in UTC: its UTC buckets read as their dates there.
  if (buckets === 'utc' && writesUtcDates(job.spec.mode) && job.spec.target.kind !== 'bigquery')
    return asUtcDays(built, deps.zone);
  return source.kind === 'resource' && TIMED.includes(source.resource) ? withDurationColumn(built) : built;
}

/** A name column the source's replies may carry is noted as Assembled's, looked up only where one has none. */
function withNamesSent(table: Table, sent: readonly string[] | undefined): Table {
  if (!sent) return table;
  const columns = table.columns.map((c) =>
    c.made && sent.includes(c.key) ? { ...c, made: sentOrLookedUp(c.key, c.made) } : c,
  );
  return { ...table, columns };
}

/**
 * A report's rows by day, week or month: the sheet's calendar ones, whole days in its zone
 * (day-columns.ts asDays), or Assembled's UTC ones (asUtcDays; report-buckets.ts bucketPlan's utc).
 */
function rowBuckets(deps: PullDeps, job: PullJob): 'calendar' | 'utc' | undefined {
  const { source } = job.spec;
  if (source.kind !== 'report' || source.granularity === 'interval' || !job.range) return undefined;
  return planOf(deps, job, source.granularity, job.range).utc ? 'utc' : 'calendar';
}

const wholeDays = (deps: PullDeps, job: PullJob) => rowBuckets(deps, job) === 'calendar';

/** The staged rows loaded into BigQuery: chunks already loaded are known by their job ids. */
function loadStaged(
  deps: PullDeps,
  job: PullJob,
  jobs: JobStore,
  client: AssembledClient,
  run: RunState,
): PullJob {
  // A sidebar's step loads chunk after chunk from the rows it builds, waiting on each job while its
  // turn lasts; a job its last turn ended on is checked first, not building the rows only to wait.
  const until = run.background ? undefined : run.deadline;
  const running = run.background ? undefined : loadRunning(deps, job);
  if (running) return running;
  const records = stagedRecords(deps, job, client);
  const stopped = stopSeenBy(deps, job.id, run);
  return loadIntoBigQuery(deps, job, tableOf(deps, job, records), records, jobs, { stopped, until });
}

/**
 * A job whose last few executions were all cut short at the same step (a killed execution saves
 * nothing after the step began) stops trying. A report still being generated is judged by its
 * polls instead (stillRunning).
 */
function overdue(job: PullJob, now: number): PullJob | undefined {
  if (job.state === 'running' || (job.tries ?? 0) <= MAX_TRIES) return undefined;
  return withState(job, 'stalled', now, {
    message: `The pull could not be finished: ${MAX_TRIES} attempts in a row ran out of time at the same step. Try a smaller range or fewer filters.`,
    rows: rowsLeft(job),
  });
}

/** A report's rows as the sheet's calendar buckets (report-buckets.ts). */
function sheetBuckets(deps: PullDeps, job: PullJob, rows: ReportRow[], run?: RunState): ReportRow[] {
  const { source } = job.spec;
  if (source.kind !== 'report' || source.granularity === 'interval' || !job.range) return rows;
  const plan = planOf(deps, job, source.granularity, job.range);
  const rolled = plan.rollUp
    ? rollUp(rows, source.granularity, spanOf(deps, job, job.range), deps.zone)
    : rows;
  if (job.spec.mode !== 'append') return rolled;
  const until = appendUntil(job.range, job.createdAt, source.granularity, deps.zone, plan.utc);
  if (until === undefined) return rolled;
  const kept = rolled.filter((r) => typeof r.start_time !== 'number' || r.start_time < until);
  if (run) run.held = rolled.length - kept.length;
  return kept;
}

/**
 * The time a report asks for: its range, up to the last whole interval before the job began, in
 * UTC dates where its rows are Assembled's UTC buckets (utc-span.ts).
 */
const spanOf = (deps: PullDeps, job: PullJob, range: ResolvedRange, tooManyIntervals = !!job.utcBuckets) =>
  job.spec.source.kind === 'report'
    ? reportSpan(job.spec.source.granularity, range, job.createdAt, deps.zone, {
        ...(job.parts ? { parts: job.parts } : {}),
        tooManyIntervals,
      })
    : reportWindow(range, job.createdAt);

/** The parts a report's range is asked in as Assembled's own buckets, when it is longer than one takes. */
const longParts = (deps: PullDeps, job: PullJob, range: ResolvedRange) =>
  job.spec.source.kind === 'report'
    ? reportParts(job.spec.source.granularity, spanOf(deps, job, range, true))
    : undefined;

const planOf = (deps: PullDeps, job: PullJob, granularity: ReportGranularity, range: ResolvedRange) =>
  bucketPlan(
    granularity,
    spanOf(deps, job, range),
    deps.zone,
    job.utcBuckets,
    job.parts,
    sourceInfo(job.spec.source).levels,
  );

/** The report asked is 30-minute intervals, to be rolled up into the sheet's buckets. */
function rollsUp(deps: PullDeps, job: PullJob): boolean {
  const { source } = job.spec;
  return source.kind === 'report' && !!job.range && planOf(deps, job, source.granularity, job.range).rollUp;
}

/** Where the report's rows stop short of its range (report-until.ts), for the header note. */
function reportUntilNote(
  deps: PullDeps,
  job: PullJob,
  { granularity, report }: Extract<PullSpec['source'], { kind: 'report' }>,
  range: ResolvedRange,
): string {
  const append = job.spec.mode === 'append';
  const { utc } = planOf(deps, job, granularity, range);
  const dates = writesUtcDates(job.spec.mode);
  return stopNote(range, job.createdAt, granularity, deps.zone, { append, utc, dates, report });
}

function bucketNote(deps: PullDeps, job: PullJob): string {
  const { source } = job.spec;
  if (source.kind !== 'report' || !job.range) return '';
  const plan = planOf(deps, job, source.granularity, job.range);
  if (!plan.utc) return plan.note ?? '';
  const { start } = spanOf(deps, job, job.range);
  return `${plan.note} ${utcEndsWords(start, deps.zone, writesUtcDates(job.spec.mode))}`;
}

/**
 * Where clocks changed in the range, for rows of times finer than a day (intervals, states,
 * activities): a sheet's date-times carry no offset, so an hour of them comes twice, or never.
 * `timed`: whether the table written holds times of day (not all-day time off), where known.
 */
function clockNote(deps: PullDeps, job: PullJob, timed = true): string {
  const { source } = job.spec;
  if (!job.range || !timed || !timesOfDay(source.kind === 'report' ? source.granularity : undefined))
    return '';
  return clockChangeNote(job.range, deps.zone, deps.clock.now());
}

function reportFilters(job: PullJob) {
  const { queue_ids, team_ids, site_ids, agent_ids } = picksNow(job)?.filters ?? {};
  return {
    ...(queue_ids?.length ? { queue_ids } : {}),
    ...(team_ids?.length ? { team_ids } : {}),
    ...(site_ids?.length ? { site_ids } : {}),
    ...(agent_ids?.length ? { agent_ids } : {}),
  };
}

function failure(job: PullJob, error: unknown, now: number): PullJob {
  const message = error instanceof Error ? error.message : String(error);
  const transient = isAssembledError(error) && TRANSIENT.includes(error.kind);
  const asked = limitWait(job, error, now);
  if (asked !== undefined)
    return {
      ...job,
      nextPollAt: now + asked,
      message,
      limitedSince: job.limitedSince ?? now,
      updatedAt: now,
    };
  if (transient && job.errors < MAX_RETRIES) {
    const errors = job.errors + 1;
    // A Retry-After longer than the backoff is honoured by a later run, never slept through here.
    const wait = Math.max(job.refreshId ? REFRESH_RETRY_MS : pollDelay(errors), error.retryAfterMs ?? 0);
    const { limitedSince: _, ...counted } = job;
    const retry: PullJob = { ...counted, errors, nextPollAt: now + wait, message, updatedAt: now };
    if (job.refreshId) retry.tryBy = retryBy(job, retry.nextPollAt, now);
    if (retryFits(job, nextTryBy(retry))) return retry;
  }
  if (transient) {
    // Assembled's "try again in a few minutes" was the add-on's to follow, and it has; from the
    // sidebar it is the person's now, with what became of the target.
    // Counted as the run given up counted them, whose later try this may be.
    const tries = (job.triedBefore ?? 0) + job.errors + 1;
    const lead = job.triedBefore ? 'The later try failed too: the add-on' : 'The add-on';
    const gaveUp = `${causeOf(message)}. ${lead} gave up after ${counted('attempt')(tries)}.`;
    return withState(job, 'failed', now, {
      message: job.refreshId ? gaveUp : `${gaveUp} ${gaveUpWords(job, message)}`,
      failure: error.kind,
      rows: rowsLeft(job),
    });
  }
  const said = job.refreshId ? failedRunWords(job, error) : message;
  // A replace's rows were only staged: what stays in the target is an append's or merge's.
  return withState(job, 'failed', now, {
    message: said,
    failure: failureOf(error),
    ...forbiddenOf(error),
    rows: rowsLeft(job),
  });
}

/**
 * Assembled's rate limit refused a pull or a refresh's run (the client's own tries at its Retry-After
 * spent): Assembled is up and says when to come back (a second, often), so the pull waits that long
 * and tries again, the refusal not counted among its failed attempts, as a push waits it out. Counted,
 * a storm of refusals gave a sidebar's pull up in four minutes and held a refresh's run an hour.
 * Undefined, and counted, when no Retry-After came, when the pull has failed otherwise since it last
 * went on, past its give-up time, and once refused for RATE_LIMIT_WAIT_MS: the key is busy with more
 * than this pull, which should not ask every few seconds for hours.
 */
function limitWait(job: PullJob, error: unknown, now: number): number | undefined {
  if (job.errors > 0 || !isAssembledError(error) || error.kind !== 'rate_limited') return undefined;
  const wait = error.retryAfterMs;
  if (wait === undefined || wait >= REFRESH_RETRY_MS) return undefined;
  if (now - (job.limitedSince ?? now) >= RATE_LIMIT_WAIT_MS) return undefined;
  return job.giveUpAt === undefined || now + wait <= job.giveUpAt ? wait : undefined;
}

/** A job's `failure` for what was thrown: an Assembled error's kind (NO_KEY for no key), or ours. */
export function failureOf(error: unknown): string {
  if (isAssembledError(error)) return noKeySent(error) ? NO_KEY : error.kind;
  return error instanceof TargetMissing ? 'target_missing' : 'other';
}

/**
 * A merged or appended sheet holds more than the last pull's range and filters: the note says
 * whose they are. A first write into an empty sheet holds just its own.
 */
const ofLastPull = (mode: PullSpec['mode'], done: WriteOutcome | undefined): boolean =>
  mode !== 'replace' && !done?.fresh;

/** The note's range: the last pull's after a merge or append, and of an append that added nothing, that it did not. */
function rangeLabel(mode: PullSpec['mode'], done: WriteOutcome | undefined): string {
  if (!ofLastPull(mode, done)) return RANGE_LABEL;
  if (mode === 'merge') return `${LAST_PULL_RANGE}, merged in`;
  return done?.appended === 0
    ? `${LAST_PULL_RANGE}, which added nothing new (the sheet held all its rows already)`
    : `${LAST_PULL_RANGE}, appended`;
}

/**
 * `done`: what the write did, once it is known (the note is written at its end); `timed` as for
 * clockNote.
 */
function headerNote(deps: PullDeps, job: PullJob, done?: WriteOutcome, timed?: boolean): string {
  const { spec, range } = job;
  const filters = filtersNoted(spec.filters, spec.filterNames);
  return [
    sourceLine(sourceLabel(spec.source)),
    range ? `${rangeLabel(spec.mode, done)}: ${datesWords(range)} (${deps.zone.name})` : '',
    range ? (sourceInfo(spec.source).rangeNote ?? '') : '',
    range && spec.source.kind === 'report' ? reportUntilNote(deps, job, spec.source, range) : '',
    bucketNote(deps, job),
    wholeDays(deps, job) ? END_EXCLUSIVE : '',
    clockNote(deps, job, timed),
    sourceInfo(spec.source).note ?? '',
    filtersLine(filters, ofLastPull(spec.mode, done)),
    goneWords(spec, job.gone, !!job.refreshId),
    `Generated: ${formatLocalDateTime(deps.clock.now(), deps.zone, true)} (${deps.zone.name}) by ${ownerName(job)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** What a log row tells of a run: a job, or a refresh's run that ended before it had one. */
export type LoggedRun = Pick<
  PullJob,
  | 'owner'
  | 'spec'
  | 'range'
  | 'refreshId'
  | 'byHand'
  | 'failure'
  | 'state'
  | 'rows'
  | 'message'
  | 'createdAt'
  | 'attemptAt'
  | 'waitedMs'
  | 'retryWaitMs'
  | 'updatedAt'
  | 'errors'
  | 'nextPollAt'
  | 'sheetId'
  | 'folded'
>;

/** A row's Status: how the run ended, or "retrying" after a failed attempt. */
const statusOf = (job: LoggedRun) =>
  job.failure === STOPPED ? STOPPED : isTerminal(job) ? job.state : 'retrying';

/**
 * Its Target calls the sheet as its tab is now, as the message does (a sheet renamed during the run
 * too): `sheet`, the name the execution that wrote into it found; else looked up by id.
 */
export function logRun(
  deps: Pick<PullDeps, 'log' | 'zone' | 'targets'>,
  job: LoggedRun,
  sheet?: string,
  status = statusOf(job),
): void {
  deps.log.append(logRow(deps, job, sheet, status));
}

/**
 * A row for what befell a refresh with no run (paused, resumed, removed): its Rows and Duration
 * blank, as nothing was pulled and no time taken, where 0 and 0 read as a run that found nothing.
 */
export function logNoRun(
  deps: Pick<PullDeps, 'log' | 'zone' | 'targets'>,
  job: LoggedRun,
  status: string,
): void {
  const { rows: _, durationMs: __, ...row } = logRow(deps, job, undefined, status);
  deps.log.append(row);
}

/** The run's row as logRun writes it now. */
function logRow(
  deps: Pick<PullDeps, 'zone' | 'targets'>,
  job: LoggedRun,
  sheet?: string,
  status = statusOf(job),
): Required<RunLogEntry> {
  const target =
    sheet === undefined
      ? calledNow(deps.targets, job.spec.target, job.sheetId)
      : withSheetName(job.spec.target, sheet);
  return {
    // The end its job saved, which a refresh's card says too: not now, seconds later, once the
    // staging sheets are gone.
    when: new Date(job.updatedAt),
    who: ownerName(job),
    // A refresh's run is told apart from a pull from the sidebar first, where a narrow column shows it;
    // its mode after its data, before any filters: a replace, an append and a merge into one sheet
    // read the same otherwise, but for their messages, and a failed run's says nothing of it.
    what: [
      `${runKind(job)}${sourceLabel(job.spec.source)}${job.range ? ` ${datesWords(job.range)}` : ''} (${modeName(job.spec.mode)})`,
      filterWords(job.spec.filters, job.spec.filterNames),
    ]
      .filter(Boolean)
      .join(', '),
    target: describeTarget(target),
    status,
    rows: job.rows ?? 0,
    durationMs: attemptMs(job),
    message: isTerminal(job) ? endNote(deps, job) : retryNote(deps, job),
  };
}

function runKind(job: LoggedRun): string {
  if (!job.refreshId) return '';
  return job.byHand ? 'Run now: ' : 'Scheduled: ';
}

/** How the run ended, and, a refresh's run, the runs of it due meanwhile that were not started. */
function endNote(deps: Pick<PullDeps, 'zone'>, job: LoggedRun): string {
  const said = `${job.message ?? ''}${betweenTriesWords('pull', job.retryWaitMs)}`.trim();
  return job.folded ? [said, foldedWords(job.folded, deps.zone)].filter(Boolean).join(' ') : said;
}

/** A refresh's failed attempt that will be tried again: why, and when at the latest, in the sheet's zone. */
function retryNote(deps: Pick<PullDeps, 'zone'>, job: LoggedRun): string {
  const by = formatLocalDateTime(nextTryBy(job), deps.zone);
  return `Attempt ${job.errors} failed: ${causeOf(job.message ?? '')}. Next try by ${by} (${deps.zone.name}).`;
}
