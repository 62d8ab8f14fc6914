// The dispatcher's refresh work: start the runs that are due, and record how they ended.

import { cutText } from '../cut-text';
import { JobStore } from '../jobs/job-store';
import { isTerminal, NO_KEY, type PullJob, STOPPED, waitsToTry } from '../jobs/pull-job';
import { withLock } from '../lock';
import { type Owned, owns } from '../owner';
import type { Zone } from '../ports';
import { OtherZone } from '../pull/mixed-target';
import { type Gathered, gatheredOf, keepPast, periodUnderWay } from '../pull/mode-words';
import { describeTarget } from '../pull/pull-target';
import { pullWords } from '../pull/pull-words';
import {
  advancePull,
  failureOf,
  gaveUp,
  logNoRun,
  logRun,
  type PullDeps,
  pressStop,
  startPull,
  stopJob,
  type Turn,
} from '../pull/run-pull';
import {
  failedRunNote,
  generatedAt,
  generatedInstant,
  notedRange,
  partialFrom,
  pulledFrom,
} from '../pull/source-note';
import { stopAsked } from '../pull/stop-asked';
import type { Grid } from '../sheet/grid';
import { type ResolvedRange, resolveRange } from '../time/date-range';
import { datesWords } from '../time/dates-words';
import { formatLocalDate } from '../time/local-date';
import { formatLocalDateTime, localDateOf } from '../time/zone-math';
import { InputError } from '../validation';
import { afterFailed, catchesUp, catchUpFrom } from './catch-up';
import { failedRunWords, forbiddenOf } from './failed-run-words';
import { redTab, restoreTab } from './failed-tab';
import {
  failingWords,
  mailDue,
  nextRunWords,
  pressedWords,
  type RefreshNotice,
  retryTime,
  SHEET_BACK,
  type SheetKept,
} from './failure-mail';
import { foldedSaid } from './folded-runs';
import { daysToLoad, heldAfter, loadsOnce } from './held-days';
import { heldWhole } from './kept-dates';
import { atRunOf, keyPauseNamed, keyPauseToOwner, keyPauseWhat, NO_KEY_TO_RUN, noKeyFor } from './key-pause';
import { nextRunIn, scheduleAfter } from './next-run';
import { askPause, pausedIfAsked } from './pause-asked';
import {
  changeRefresh,
  changeRefreshes,
  type LastRun,
  type Refresh,
  RefreshStore,
  type RunStatus,
  ranAt,
  rowsLastWritten,
} from './refresh';
import { ITS_CARD } from './run-now-pulls';
import { followBack, gone, goneReason, namedNow, sheetGone } from './sheet-refresh';
import type { StoppedNotice } from './stopped-mail';
import { refusedMailWords } from './zone-refused';

export interface Notifier {
  /**
   * Tells refreshes' owners that a run failed, or that a refresh cannot run (e-mail in Apps Script):
   * what happened, the dates a run was to pull, what its sheet still holds (when known), and what
   * comes next; the refreshes of one owner given together, in one e-mail.
   */
  failed(notices: readonly RefreshNotice[]): void;
  /**
   * Tells a refresh's owner that another editor paused or removed it, from that editor's execution
   * (stopped-mail.ts). Never throws: the Pause or Remove stands whether or not the owner is told.
   * Whether the e-mail was sent (not when that editor declined to let the add-on send mail).
   */
  stopped(notice: StoppedNotice): boolean;
}

export interface RefreshDeps extends PullDeps {
  notify: Notifier;
  /** Makes sure the dispatcher will tick (hourly is enough); says why not when Google refused. */
  ensureScheduler: () => string | undefined;
  /** Whether the caller has an API key saved: a refresh of theirs runs with it. Never the key itself. */
  hasKey: () => boolean;
  /**
   * When this execution began: for an hourly check, when it did. A later try is counted from it,
   * so the check that many hours on, which begins then, takes it.
   */
  startedAt: () => number;
  /**
   * This execution is the owner's background check (runDueRefreshes), not a call from a sidebar:
   * no one watches the runs it ends, so a Run now it gives up is e-mailed as a scheduled run is.
   */
  background?: true;
}

/**
 * How many appended periods a refresh remembers: a run checks only its own period, and a range's
 * periods only move on, so the last few are enough (a range changed back and forth included).
 */
const APPENDED_KEPT = 10;
/** The longest last-run message a refresh keeps (Assembled's reasons are unbounded); the log has it whole. */
const RUN_MESSAGE_MAX = 1000;
/** A run that keeps failing is given up, and its owner told, this long after it was due. */
export const GIVE_UP_AFTER_MS = 3 * 60 * 60_000;
/** A trigger Google ran late still leaves its run this long to be retried. */
const LATE_START_MS = 60 * 60_000;
/**
 * A run given up on an outage is tried once more this long after, when the refresh's next run is
 * further off than RETRY_LATER_IF_NEXT_AFTER_MS: Assembled is usually back within hours, and a
 * weekly refresh would otherwise show last week's rows until next week. One attempt, once: a day's
 * quota of UrlFetch calls and e-mails is not spent on an outage that lasts.
 */
const RETRY_LATER_MS = 6 * 60 * 60_000;
const RETRY_LATER_IF_NEXT_AFTER_MS = 24 * 60 * 60_000;

/** The refresh's later try of a run given up is due. */
const retryDue = (r: Pick<Refresh, 'retryAt'>, now: number) => r.retryAt !== undefined && r.retryAt <= now;

export function ownRefreshes(deps: Pick<PullDeps, 'store' | 'user'>): Refresh[] {
  return new RefreshStore(deps.store).all().filter((r) => owns(deps.user, r));
}

/**
 * The run's job, only if it is this refresh's own: its owner's, started for this refresh. Read by
 * another editor too, whose Pause or Remove stops it; only its owner's executions move it on.
 */
function runJob(deps: RefreshDeps, refresh: Refresh, jobId: string): PullJob | undefined {
  const job = new JobStore(deps.store).get(jobId);
  const owner = { id: refresh.ownerId ?? '', email: refresh.owner };
  return job && owns(owner, job) && job.refreshId === refresh.id ? job : undefined;
}

/** Work waits while this user owns a refresh that is not paused. */
export function hasRefreshWork(deps: Pick<PullDeps, 'store' | 'user'>): boolean {
  return ownRefreshes(deps).some((r) => !r.paused || r.jobId);
}

/**
 * The tick's refresh work. The refreshes it gives up on or pauses are told of together when it
 * ends: one outage makes one e-mail to their owner, not one per refresh.
 */
export function runDueRefreshes(deps: RefreshDeps, deadline: number): void {
  const notices: RefreshNotice[] = [];
  try {
    const failed = (n: readonly RefreshNotice[]) => void notices.push(...n);
    dueRefreshes({ ...deps, background: true, notify: { ...deps.notify, failed } }, deadline);
  } finally {
    if (notices.length) deps.notify.failed(notices);
  }
}

function dueRefreshes(deps: RefreshDeps, deadline: number): void {
  const started: string[] = [];
  // One list of the sheets for the tick, asked of every refresh not running.
  const there = deps.targets.listed();
  for (const refresh of ownRefreshes(deps)) {
    if (deps.clock.now() >= deadline) break;
    if (refresh.jobId) {
      settle(deps, refresh.id, refresh.jobId);
      continue;
    }
    if (refresh.paused) continue;
    // Its sheet gone: one brought back (by Undo, under a new id) is followed there, else it pauses.
    const r = there.exists(refresh.spec.target, refresh.sheetId) ? refresh : followBack(deps, refresh, there);
    if (r === refresh && !there.exists(refresh.spec.target, refresh.sheetId)) {
      pauseGone(deps, refresh);
      continue;
    }
    if (nextRunIn(r, deps.zone) <= deps.clock.now() || retryDue(r, deps.clock.now())) {
      if (runNow(deps, r).jobId) started.push(r.id);
    }
  }
  awaitRuns(deps, started, deadline);
}

/**
 * Assembled usually builds a report in seconds, and builds the reports of runs started together
 * side by side: each run this execution started is then carried on (polled, fetched, written)
 * while the tick lasts, so it is written, or its failed attempt seen, within the hour it was due.
 */
function awaitRuns(deps: RefreshDeps, ids: string[], deadline: number): void {
  const refreshes = new RefreshStore(deps.store);
  for (const id of ids) {
    if (deps.clock.now() >= deadline) return;
    const refresh = refreshes.get(id);
    if (refresh) carryOnRun(deps, refresh, { deadline, wait: true });
  }
}

/**
 * Moves a refresh's run on for a turn and records its end. The owner's Scheduled refreshes sidebar
 * does this too, as the Pull sidebar does for a pull: a published add-on's trigger ticks only
 * hourly, so "Run now" would otherwise show "Running now" for up to an hour. An attempt Assembled
 * failed is not tried again before its time (REFRESH_RETRY_MS), whoever carries the run on.
 */
export function carryOnRun(deps: RefreshDeps, refresh: Refresh, turn?: Turn): Refresh {
  const { jobId } = refresh;
  if (!jobId) return refresh;
  const job = runJob(deps, refresh, jobId);
  if (job && !isTerminal(job)) advancePull(deps, jobId, turn);
  return settle(deps, refresh.id, jobId) ?? refresh;
}

/** How a run its refresh's pause stopped begins its message, in the log and on the card. */
const PAUSE_STOPPED = 'Stopped as the refresh was paused';

/**
 * The refresh, about to be paused (its owner's Pause, their Remove key), with its run under way
 * stopped as Stop stops a pull: a paused refresh runs nothing by itself, a retry included. Its
 * card's Stop stops the run alone (`lead` "Stopped"). Given the record as saved now, under the lock
 * (changeRefresh); a run already over is recorded as it ended.
 */
export function stopRunOf(deps: RefreshDeps, refresh: Refresh, lead = PAUSE_STOPPED): Refresh {
  const { jobId } = refresh;
  if (!jobId) return refresh;
  const job = runJob(deps, refresh, jobId);
  return finish(deps, refresh, job && !isTerminal(job) ? stopJob(deps, job, lead) : job);
}

/**
 * The card's Stop, or its Pause (`pause`), pressed while the refresh's run is under way: asked as
 * Pull data's Stop asks (pressStop), so that a step holding the lock (a list's read step, up to
 * 20 s) ends the run after the page under way rather than keep the card waiting. `change` changes
 * the refresh under the lock as ever if it comes within a few seconds; else the execution under way
 * ends the run, and recording its end pauses the refresh for a Pause (pause-asked.ts), with its
 * `reason` if given. With no run under way, or one that ended as it was pressed, `change` alone.
 */
export function stopPressed(
  deps: RefreshDeps,
  refresh: Refresh,
  pause: false | { reason?: string },
  change: () => Refresh,
  /** How a Stop's run message begins (a Pause's says it was paused). */
  lead = 'Stopped',
): Refresh {
  const jobs = new JobStore(deps.store);
  const job = refresh.jobId ? runJob(deps, refresh, refresh.jobId) : undefined;
  if (!job || isTerminal(job)) return change();
  // Kept before the run is asked to stop: its end, recorded after, then finds it.
  if (pause) askPause(deps.store, refresh.id, pause.reason);
  const changed = pressStop(deps, job.id, pause ? PAUSE_STOPPED : lead, change);
  if (changed) return changed;
  // Over already, its end perhaps recorded before the pause was kept: the pause waits for the lock.
  if (pause && isTerminal(jobs.get(job.id) ?? job)) return change();
  return new RefreshStore(deps.store).get(refresh.id) ?? refresh;
}

/**
 * Records how a run ended, once: the dispatcher and the owner's sidebar may both see it end, and
 * only the first records it (and sends its e-mail).
 */
function settle(deps: RefreshDeps, refreshId: string, jobId: string): Refresh | undefined {
  return changeRefresh(deps, refreshId, (refresh) => {
    if (refresh?.jobId !== jobId) return undefined;
    const job = runJob(deps, refresh, jobId);
    return job && !isTerminal(job) ? undefined : finish(deps, refresh, job);
  });
}

/**
 * "Run now" from the owner's sidebar. Its sheet gone, the refresh is paused without a run, which
 * is said to the owner at the keyboard as the refusal it is, not logged or e-mailed as a run.
 */
export function runNowByHand(deps: RefreshDeps, pressed: Refresh, turn: Turn, seen?: number): Refresh {
  if (!deps.hasKey()) throw new InputError('Run now', [NO_KEY_TO_RUN]);
  const refresh = followBack(deps, pressed);
  if (deps.targets.exists(refresh.spec.target, refresh.sheetId))
    return runNow(deps, refresh, turn, true, seen);
  changeRefresh(deps, refresh.id, (saved) => saved && pause(saved, goneReason(saved)));
  // Said to the owner alone, who can act on it: what to do too, as its card says it, paused now.
  throw new InputError('Run now', [`Nothing was run: ${gone({ ...refresh, paused: true })}`]);
}

/** Run now pressed again while its run is under way. */
const RUNNING_ALREADY = 'Nothing more was run: it is running now, and its card shows how that run ends';

/** Run now pressed on a card drawn before a run of it ended (the second press of a double press). */
const RAN_SINCE =
  'Nothing more was run: a run of it ended since its card was drawn, and its card now shows how. Press Run now again to run it once more';

/**
 * Starts a run now (a due run, or one `pressed` for by Run now, which alone starts it before it is
 * due); a late trigger runs a missed refresh once. Pressed while its run only waits for its next
 * try, that try is made now: the same run, not a second one. `seen`: the end of the last run the
 * card pressed on showed (RefreshView.ranAt); a run ended since, the press is refused, not run again.
 */
export function runNow(
  deps: RefreshDeps,
  refresh: Refresh,
  turn?: Turn,
  pressed = false,
  seen?: number,
): Refresh {
  // Begun from the record as saved now: since `refresh` was read (the dispatcher lists its refreshes
  // as its tick begins) its owner may have paused, edited or deleted it, or another run begun.
  let started = false;
  let ranSince = false;
  const now = changeRefresh(deps, refresh.id, (saved) => {
    if (!saved || saved.jobId || (!pressed && saved.paused)) return undefined;
    ranSince = seen !== undefined && ranAt(saved) !== seen;
    if (ranSince) return undefined;
    started = true;
    return startRun(deps, saved, pressed);
  });
  if (ranSince) throw new InputError('Run now', [RAN_SINCE]);
  // Pressed again while its run is under way (from another sidebar): that run goes on alone.
  if (pressed && now && !started && !triedNow(deps, now)) throw new InputError('Run now', [RUNNING_ALREADY]);
  return now ? carryOnRun(deps, now, turn) : refresh;
}

/** The refresh's run, if it only waits for its next try (waitsToTry), made due now; false if not. */
function triedNow(deps: RefreshDeps, refresh: Refresh): boolean {
  const { jobId } = refresh;
  if (!jobId) return false;
  return withLock(deps.lock, () => {
    const job = runJob(deps, refresh, jobId);
    if (!job || !waitsToTry(job) || stopAsked(deps.store, job.id) !== undefined) return false;
    new JobStore(deps.store).save({ ...job, nextPollAt: Math.min(job.nextPollAt, deps.clock.now()) });
    return true;
  });
}

/** The refresh with its run begun: its pull started, or the run recorded as failed or skipped. */
function startRun(deps: RefreshDeps, refresh: Refresh, pressed: boolean): Refresh {
  const now = deps.clock.now();
  const due = nextRunIn(refresh, deps.zone);
  // The later try of a run given up, before the refresh's next time: due at its own time.
  const retry = !pressed && now < due && retryDue(refresh, now);
  const byHand = pressed || (now < due && !retry);
  // A late scheduled run is due at its time, so its card does not read as a schedule that slipped;
  // Run now's starts at the press, even past a time nobody ran (paused, or its trigger late).
  const dueAt = retry ? (refresh.retryAt as number) : pressed ? now : Math.min(due, now);
  // Any run started takes the place of a later try still to come.
  const { retryAt: _, runRetry: __, ...before } = refresh;
  let r: Refresh = {
    ...before,
    ...scheduleAfter(refresh.frequency, now, deps.zone),
    ...(retry ? { runRetry: true } : {}),
  };
  const period = refresh.spec.range ? resolveRange(refresh.spec.range, now, deps.zone) : undefined;

  // Deleted since the tick looked (by another editor, as it ran). Under the lock already: pauseGone
  // takes it again, which withLock allows.
  if (!deps.targets.exists(refresh.spec.target, refresh.sheetId)) return pauseGone(deps, refresh);
  // Renamed since: its card, the log and any later message name the sheet as its tab does.
  r = namedNow(deps.targets, r);
  const periodKey = period ? `${period.from}..${period.to}` : '';
  // A BigQuery append would add again every row of the days its table holds whole: it leaves them
  // out, and Run now too (held-days.ts).
  const loadOnce = period && loadsOnce(refresh.spec);
  const held = loadOnce ? daysToLoad(refresh.held, period) : undefined;
  if (loadOnce && !held) {
    const why = `Nothing appended: the table holds ${datesWords(period)} already, loaded after those days were over.`;
    return skipped(deps, r, { byHand, period }, why);
  }
  // A scheduled run skips a period appended whole before; Run now is asked for, so it runs (an
  // append into a sheet adds only rows not there yet). Said as a run that found every row there
  // already says it (written-words.ts): the two mean the same to whoever reads the card.
  if (refresh.spec.mode === 'append' && now >= due && period && refresh.appended?.includes(periodKey)) {
    return skipped(
      deps,
      r,
      { byHand, period },
      `Nothing appended to ${describeTarget(r.spec.target)}: the rows of ${datesWords(period)} were appended whole at an earlier run and left as they were (Merge updates such rows).`,
    );
  }
  let job: PullJob;
  const from =
    period && catchesUp(refresh.spec) ? catchUpFrom(refresh.lastPulled, period, deps.zone) : undefined;
  const days = held ?? (from && period ? { from, to: period.to } : undefined);
  try {
    // Exactly the spec the owner saved, into the sheet it is bound to, as a job of the owner's own.
    job = startPull(deps, r.spec, `run-${dueAt}`, {
      id: refresh.id,
      ...(refresh.sheetId === undefined ? {} : { sheetId: refresh.sheetId }),
      // Paused (Run now pressed on its card), it runs nothing by itself: no retry, its one attempt is
      // all; and so is a later try's.
      giveUpAt: refresh.paused || retry ? now : Math.max(dueAt, now - LATE_START_MS) + GIVE_UP_AFTER_MS,
      // The log says "Run now" rather than "Scheduled"; a failure seen in the sidebar is not e-mailed.
      ...(byHand ? { byHand: true } : {}),
      ...(days ? { days } : {}),
      // A later try counts its attempt after those of the run given up, as that run's e-mail did.
      ...(retry && refresh.lastRun?.attempts ? { triedBefore: refresh.lastRun.attempts } : {}),
    });
  } catch (error) {
    const { forbidden } = forbiddenOf(error);
    // Refused for its table's zone: kept for its card, which says it otherwise once the
    // spreadsheet's zone has changed since, and for its e-mail (every run is refused so).
    const zones =
      error instanceof OtherZone ? { zones: { table: error.table, spreadsheet: error.zone } } : {};
    return failedAtStart(
      deps,
      r,
      { dueAt, byHand, period },
      {
        failure: failureOf(error),
        message: failedRunWords(r, error),
        ...(forbidden ? { forbidden } : {}),
        ...zones,
      },
    );
  }
  return { ...r, jobId: job.id, runDueAt: dueAt, ...(period ? { runFrom: period.from } : {}) };
}

/**
 * A refresh whose sheet was deleted is paused by the first tick that finds it gone, not by a run at
 * its next time (a week later, for a weekly one): logged once, and its owner e-mailed then. Nothing
 * ran: its last run stays the last one that did.
 */
function pauseGone(deps: RefreshDeps, refresh: Refresh): Refresh {
  let paused: Refresh | undefined;
  const now = changeRefresh(deps, refresh.id, (r) => {
    if (!r || r.paused || r.jobId) return undefined;
    logPaused(deps, r, sheetGone(r));
    paused = pause(r, goneReason(r));
    return paused;
  });
  if (paused?.notifyByEmail) deps.notify.failed([{ ...goneNotice(paused), cannotRun: true }]);
  return now ?? refresh;
}

/** A row in the log for what befell a refresh with no run (`status`: "paused", "removed"). */
export function logRefresh(
  deps: RefreshDeps,
  r: Refresh,
  status: string,
  message: string,
  // Who did it: another editor's Pause or Remove is theirs, not the owner's.
  who = r.owner,
): void {
  const at = deps.clock.now();
  const row = { owner: who, spec: r.spec, refreshId: r.id, errors: 0, nextPollAt: at };
  logNoRun(deps, { ...row, state: 'failed', createdAt: at, updatedAt: at, message }, status);
}

/**
 * A refresh the add-on paused (its sheet gone, its owner's key), in the log once, as it pauses: its
 * runs there stop, and this row says why to every editor. What happened only: its card says what
 * to do. `ran`: its run's end paused it, that run's row just before; else it paused before a run.
 */
export function logPaused(deps: RefreshDeps, r: Refresh, what: string, ran = false): void {
  logRefresh(deps, r, 'paused', `Paused ${ran ? 'as its run failed' : 'before its next run'}: ${what}.`);
}

/**
 * Pauses `owner`'s refreshes here for their key: 'removed' by them (Remove key), or refused by
 * Assembled at the run of `refused.run` due `refused.at`, whose run's end pauses it. Each card and a
 * "paused" row in the log say why, the refused one's run named. One they paused themselves is left
 * as it is; refused, so is one paused for its key already, and one with a run under way, whose end
 * says how it went. Gives those it paused.
 */
export function pauseForKey(
  deps: RefreshDeps,
  owner: Owned,
  refused: 'removed' | { run: Refresh; at: number },
): Refresh[] {
  const why = refused === 'removed' ? refused : true;
  const user = { id: owner.ownerId ?? '', email: owner.owner };
  const but = refused === 'removed' ? undefined : refused.run.id;
  const theirs = ownRefreshes({ store: deps.store, user }).filter((r) => r.id !== but);
  // Which run, when: the card of one that never ran would say "then" of a run it never had.
  const pausedWith =
    refused === 'removed' ? undefined : { what: pullWords(refused.run.spec), at: refused.at };
  const at = pausedWith && atRunOf(pausedWith, deps.zone);
  // None: the spreadsheet's lock is not waited for.
  if (theirs.length === 0) return [];
  const paused: Refresh[] = [];
  changeRefreshes(
    deps,
    theirs.map((r) => r.id),
    (r) => {
      // Removed, one paused for a refused key or one without permission now wants a key first: said so.
      if (!r || (r.paused && (why === true || !r.pausedForKey)) || (why === true && r.jobId))
        return undefined;
      const { notice: _, keySavedAt: __, pausedWith: ___, ...rest } = stopRunOf(deps, r);
      // Paused already (for its key, or by its run's end just now), that pause was logged.
      if (!rest.paused) {
        logPaused(deps, r, keyPauseWhat(r, why, at));
        paused.push(r);
      }
      const pausedReason = `Paused: ${keyPauseNamed(r, why, at)}.`;
      const kept: Refresh = { ...rest, paused: true, pausedForKey: why === true || 'missing', pausedReason };
      return pausedWith ? { ...kept, pausedWith } : kept;
    },
  );
  return paused;
}

/** The owner's e-mail of a refresh whose sheet was deleted: what happened, what went with it, the way back. */
function goneNotice(r: Refresh): RefreshNotice {
  return {
    refresh: r,
    message: `Paused: ${sheetGone(r)}.`,
    next: SHEET_BACK,
    // A sheet bound by id was deleted, and its rows with it (one by name may only be renamed).
    ...(r.sheetId === undefined ? {} : { kept: { deleted: true } }),
  };
}

type Ending = Pick<
  PullJob,
  | 'state'
  | 'createdAt'
  | 'updatedAt'
  | 'message'
  | 'failure'
  | 'forbidden'
  | 'rows'
  | 'merged'
  | 'keptBeside'
  | 'range'
  | 'byHand'
> &
  Partial<Pick<PullJob, 'errors' | 'triedBefore' | 'folded'>> &
  Pick<LastRun, 'zones'>;

/**
 * A run that failed before its job could start: it gets its row in the log, as every run does,
 * and is recorded (and e-mailed) by finish.
 */
function failedAtStart(
  deps: RefreshDeps,
  r: Refresh,
  run: { dueAt: number; byHand: boolean; period: ResolvedRange | undefined },
  why: { failure: string; message: string } & Pick<LastRun, 'zones'>,
): Refresh {
  const now = deps.clock.now();
  const ending: Ending = {
    state: 'failed',
    createdAt: now,
    updatedAt: now,
    ...why,
    ...(run.period ? { range: run.period } : {}),
    ...(run.byHand ? { byHand: true } : {}),
  };
  logRun(deps, {
    ...ending,
    owner: r.owner,
    spec: r.spec,
    refreshId: r.id,
    errors: 0,
    nextPollAt: now,
  });
  return finish(deps, { ...r, runDueAt: run.dueAt }, ending);
}

/**
 * A run that found nothing to append (its period appended whole before): no job, nothing asked of
 * Assembled, but a run all the same, so it gets its row in the log ("skipped", 0 rows, why), or
 * the log would show no run that night.
 */
function skipped(
  deps: RefreshDeps,
  r: Refresh,
  run: { byHand: boolean; period: ResolvedRange },
  why: string,
): Refresh {
  const now = deps.clock.now();
  logRun(
    deps,
    {
      owner: r.owner,
      spec: r.spec,
      refreshId: r.id,
      ...(r.sheetId === undefined ? {} : { sheetId: r.sheetId }),
      range: run.period,
      ...(run.byHand ? { byHand: true } : {}),
      state: 'done',
      rows: 0,
      message: why,
      createdAt: now,
      updatedAt: now,
      errors: 0,
      nextPollAt: now,
    },
    undefined,
    'skipped',
  );
  return record(r, 'skipped', now, 0, why);
}

/** A run's end recorded on its refresh, paused now if its Pause was pressed while the run held the lock. */
function finish(deps: RefreshDeps, refresh: Refresh, job: Ending | undefined): Refresh {
  return pausedIfAsked(deps.store, endRecorded(deps, refresh, job));
}

function endRecorded(deps: RefreshDeps, refresh: Refresh, job: Ending | undefined): Refresh {
  const now = deps.clock.now();
  const { jobId: _, runDueAt: dueAt, runFrom, runRetry, ...ran } = refresh;
  // Its next time was set as it started; a run tried for hours may outlive it. The next run is then
  // the first time after this one ended: the times it outlived are not owed a run of their own, and
  // its end names them (folded-runs.ts).
  // Worked out in the zone now: the spreadsheet's may have changed during the run.
  const due = nextRunIn(ran, deps.zone);
  const r =
    due > now ? { ...ran, nextRunAt: due } : { ...ran, ...scheduleAfter(ran.frequency, now, deps.zone) };
  // The later try of a run given up (its last run till now) is told as that run: due when it was,
  // and tried again when the try began, not due at the try's own time, which nobody scheduled.
  const givenUp = runRetry ? ran.lastRun?.dueAt : undefined;
  const when: Pick<LastRun, 'dueAt' | 'retriedAt' | 'byHand'> =
    givenUp === undefined ? { dueAt } : { dueAt: givenUp, retriedAt: job?.createdAt ?? now };
  if (job?.byHand) when.byHand = true;
  if (!job) return record(r, 'failed', now, 0, 'The run was lost; it will run again at its next time.', when);
  // Stopped by its pause: not a failure (no red tab, no e-mail), and the sheet keeps what it held.
  if (job.failure === STOPPED)
    return record(r, 'stopped', job.updatedAt, job.rows ?? 0, job.message ?? '', when);
  const status = job.state as RunStatus;
  const message = job.failure === NO_KEY ? noKeyFor(r) : (job.message ?? '');
  const ended = status === 'done' ? periodEnded(r, job.range, deps.zone) : '';
  let next = record(
    r,
    status,
    job.updatedAt,
    job.rows ?? 0,
    [message, ended].filter(Boolean).join(' '),
    when,
  );
  if (status === 'done' && r.tabWas !== undefined) {
    onSheet(deps, r, (grid) => restoreTab(grid, r.tabWas ?? null));
    delete next.tabWas;
  }
  if (status === 'done') {
    if (job.merged && next.lastRun) next.lastRun.merged = job.merged;
    delete next.failingSince;
    delete next.mailedAt;
    // Its own range's first day, not the day a catch-up went back to: the next run then catches
    // up on this run's range alone.
    if (job.range)
      next.lastPulled = { from: runFrom ?? job.range.from, end: job.range.end, at: dueAt ?? now };
    // From the job's start, not the time it was due: a late run's range is resolved as it starts.
    const held =
      job.range && r.spec.target.kind === 'bigquery'
        ? heldAfter(r.spec.mode, r.held, job.range, job.createdAt, deps.zone)
        : undefined;
    if (held) next.held = held;
    else delete next.held;
    // As this write found them (notes-beside.ts): a column typed since it was saved is named from now.
    if (job.keptBeside?.length) next.notesBeside = job.keptBeside;
    else delete next.notesBeside;
  }
  if (status === 'done') {
    const gathered = gatheredAfter(r, job, deps.zone);
    if (gathered) next.gathered = gathered;
    else delete next.gathered;
  }
  // Only a period over before the run began is appended whole: today's, or this week's, is pulled
  // again at each run for the rows added since.
  if (status === 'done' && r.spec.mode === 'append' && job.range && job.range.end <= (dueAt ?? now)) {
    next.appended = [...(r.appended ?? []), `${job.range.from}..${job.range.to}`].slice(-APPENDED_KEPT);
  }
  if (job.zones && next.lastRun) next.lastRun.zones = job.zones;
  if (job.folded && next.lastRun) next.lastRun.folded = job.folded;
  if (gaveUp(job) && next.lastRun) {
    next.lastRun.gaveUp = true;
    next.lastRun.attempts = (job.triedBefore ?? 0) + (job.errors ?? 0) + 1;
  }
  // Given up on an outage, with its next run days off: tried once more, hours later, by itself.
  // Counted from this execution's start, not its end: the check RETRY_LATER_MS after this one
  // begins seconds before this run was given up, and missed a try counted from then by an hour.
  if (
    gaveUp(job) &&
    !job.byHand &&
    !runRetry &&
    !next.paused &&
    nextRunIn(next, deps.zone) - now > RETRY_LATER_IF_NEXT_AFTER_MS
  )
    next.retryAt = deps.startedAt() + RETRY_LATER_MS;
  if (status !== 'done') {
    const cutOff = job.failure === 'target_missing';
    let forKey: Refresh['pausedForKey'];
    if (job.failure === 'auth' || job.failure === NO_KEY) {
      // A 403 is the key's permission for this pull: another key, not the same one again, is wanted.
      forKey = job.failure === NO_KEY ? 'missing' : job.forbidden ? { forbidden: job.forbidden } : true;
      next = { ...pause(next, keyPauseNamed(r, forKey)), pausedForKey: forKey };
    } else if (cutOff) {
      next = pause(next, goneReason(r));
    }
    // Paused by this run (not Run now's on one paused already): the log's runs of it stop here.
    if (next.paused && !r.paused) logPaused(deps, r, forKey ? keyPauseWhat(r, forKey) : sheetGone(r), true);
    // Refused, the key is refused at each of its owner's refreshes here: they pause now, told of in
    // this run's e-mail, not each at its own time in one of its own.
    const withIt = forKey === true ? pauseForKey(deps, r, { run: r, at: dueAt ?? now }) : [];
    const reason = next.pausedReason ?? job.message ?? status;
    const marked = markFailedRun(deps, r, reason);
    if (marked.tabWas !== undefined) next.tabWas = marked.tabWas;
    // Its header no longer a pull's (written over since): the last good run's rows are not known to be there.
    if (marked.kept && 'pulled' in marked.kept && !marked.kept.pulled) delete next.lastGood;
    // No run of its own has worked yet (saved from a pull): the rows there are the pull's its header
    // note names, as the e-mail says; kept for the card, which reads no sheet.
    const generated = marked.kept && 'generated' in marked.kept ? marked.kept.generated : undefined;
    const pulledAt = !next.lastGood && generated ? generatedInstant(generated, deps.zones) : undefined;
    if (pulledAt !== undefined) next.lastGood = { at: pulledAt };
    // A merge or append's next run goes back over them: only the days it does not are missed.
    // A run refused for its table's zone is refused so at every run until someone acts: no run
    // catches up by itself, and no days are lost to a run that works (its Replace pulls them).
    const refused = job.zones ? refusedMailWords(next, job.zones.table, deps.zone) : '';
    // A replace's next run that pulls them all (an hourly "today") is said to: nothing need be done.
    const { covered, ...after }: ReturnType<typeof afterFailed> =
      job.range && !refused
        ? afterFailed(r.spec, r.lastPulled, job.range, next.nextRunAt, deps.zone, !next.paused)
        : {};
    const kept: SheetKept | undefined = marked.kept;
    // Those dates all in the sheet whole, pulled after they were over ("last week" on Monday
    // morning): nothing is missing, to be pulled again or told of as stale, by the e-mail or the card.
    const ran = after.lost ?? (covered !== undefined ? job.range : undefined);
    const whole = ran && heldWhole(ran, kept) ? { from: ran.from, to: ran.to } : undefined;
    if (whole) delete after.lost;
    if (whole && next.lastRun) next.lastRun.whole = whole;
    // A run pressed for, ended in its owner's sidebar, is watched there, which says how it failed:
    // no e-mail, and the scheduled runs' failing (since when, when last e-mailed) is left as it was.
    // Given up by their background check (the sidebar closed hours before), it is e-mailed as theirs.
    if (job.byHand && !deps.background) return next;
    next.failingSince = r.failingSince ?? dueAt ?? now;
    // A refresh this run paused is told of at once, however recently a failure was e-mailed; so are
    // those paused with it, whose owner asked for e-mail of any of them.
    const told = r.notifyByEmail || withIt.some((w) => w.notifyByEmail);
    if (told && ((next.paused && !r.paused) || mailDue(r, now))) {
      // Lines of their own: when it runs next, then how often the e-mail comes. A deleted sheet's
      // pause says what to do instead: it is not resumed, nor run now, into no sheet.
      // Days missed are said with the later try that may pull them yet, before what to do if it fails.
      const retry = after.lost ? retryTime(next, deps.zone) : undefined;
      const nextWords = refused || nextRunWords(next, deps.zone, !!retry);
      const later = [nextWords, failingWords(r, next, deps.zone)].filter(Boolean);
      // The e-mail is the owner's alone: a pause for their key is said to them, with where Resume is.
      const why = forKey ? keyPauseToOwner(forKey, false, ITS_CARD) : reason;
      const said = job.byHand && dueAt !== undefined ? `${pressedWords(dueAt, deps.zone)} ${why}` : why;
      deps.notify.failed([
        cutOff
          ? goneNotice(next)
          : {
              refresh: next,
              message: said,
              ...(withIt.length ? { pausedWith: withIt.map((w) => namedNow(deps.targets, w)) } : {}),
              ...(job.folded ? { folded: foldedSaid(job.folded, deps.zone) } : {}),
              next: later.join('\n'),
              ...after,
              ...(whole ? { whole } : {}),
              ...(covered !== undefined && job.range && !whole
                ? { covered: { at: formatLocalDateTime(covered, deps.zone), dates: job.range } }
                : {}),
              ...(retry ? { retry } : {}),
              ...(kept ? { kept } : {}),
            },
      ]);
      next.mailedAt = now;
    }
  }
  return next;
}

/**
 * What the refresh's append and merge runs have added, with this good run's rows (Refresh.gathered):
 * none after a replace, which took them away, and counted afresh from the next run that adds.
 */
function gatheredAfter(r: Refresh, job: Ending, zone: Zone): Gathered | undefined {
  const before = gatheredOf(r);
  if (r.spec.mode === 'replace') return before ? { rows: 0 } : undefined;
  // A merge adds the rows whose key was not there; a BigQuery merge counts updated and added as one.
  const added =
    r.spec.mode === 'append'
      ? (job.rows ?? 0)
      : (job.merged?.added ?? (r.spec.target.kind === 'bigquery' ? undefined : job.rows));
  if (!before || before.rows === 0) {
    const since = job.range?.from ?? formatLocalDate(localDateOf(job.createdAt, zone));
    return added === undefined ? { since } : { rows: added, since };
  }
  if (before.rows === undefined || added === undefined) return before.since ? { since: before.since } : {};
  return { ...before, rows: before.rows + added };
}

/**
 * The sheet says so too, for whoever opens it: its header note gains the failure, under the note
 * of the run whose rows are still there, and its tab turns red. Only a header a pull wrote is
 * touched. Returns what the sheet holds, for the e-mail (undefined where that is not known:
 * BigQuery, a sheet gone), and the tab's colour before, when this run turned it red.
 */
function markFailedRun(
  deps: RefreshDeps,
  r: Refresh,
  reason: string,
): { kept?: SheetKept; tabWas?: string | null } {
  const marked = onSheet(deps, r, (grid, row, col) => {
    const note = grid.noteAt(row, col);
    if (pulledFrom(note) === undefined) return { kept: { pulled: false } };
    const when = `${formatLocalDateTime(deps.clock.now(), deps.zone)} (${deps.zone.name})`;
    grid.setNote(row, col, failedRunNote(note, when, reason));
    const generated = generatedAt(note);
    // Its dates in another zone are other days than the run's: not said to be held.
    const range = notedRange(note);
    const partial = partialFrom(note, deps.zone.name);
    const dates =
      range?.zone === deps.zone.name
        ? { from: range.from, to: range.to, alone: range.alone, ...(partial ? { partialFrom: partial } : {}) }
        : undefined;
    const kept: SheetKept = {
      pulled: true,
      ...(generated ? { generated } : {}),
      ...(dates ? { dates } : {}),
    };
    const tabWas = redTab(grid);
    return tabWas === undefined ? { kept } : { kept, tabWas };
  });
  return marked ?? {};
}

/** Works on the refresh's sheet, if it is still there; undefined when it is not or the work failed. */
function onSheet<T>(
  deps: RefreshDeps,
  r: Refresh,
  work: (grid: Grid, row: number, col: number) => T,
): T | undefined {
  const { target } = r.spec;
  // Bound by id, the sheet is found, never made; a deleted one throws TargetMissing, caught below.
  if (target.kind === 'bigquery' || r.sheetId === undefined) return undefined;
  try {
    const { grid, row, col } = deps.targets.open(target, r.sheetId);
    return work(grid, row, col);
  } catch {
    // A courtesy: a sheet gone or a header someone protected must not keep the run from being recorded.
    return undefined;
  }
}

/**
 * The first run of a new period of a replace refresh of a range under way (modeNote): the period
 * before is gone from the sheet, and its end after the last run was pulled by no run. Said on the card.
 */
function periodEnded(r: Refresh, range: ResolvedRange | undefined, zone: Zone): string {
  const under = periodUnderWay(r.spec);
  const last = r.lastPulled;
  if (!under || !range || !last || last.end <= last.at || last.from >= range.from) return '';
  return `The ${under[0]} before is no longer in the sheet: this run's range replaced it, and the last run pulled it only up to ${formatLocalDateTime(last.at, zone)}, so the rest of it was pulled by no run. ${keepPast(under)}`;
}

function record(
  r: Refresh,
  status: RunStatus,
  at: number,
  rows: number,
  message: string,
  when: Pick<LastRun, 'dueAt' | 'retriedAt' | 'byHand'> = {},
): Refresh {
  const lastRun: LastRun = { at, status, rows, message: cutText(message, RUN_MESSAGE_MAX) };
  if (when.dueAt !== undefined) lastRun.dueAt = when.dueAt;
  if (when.retriedAt !== undefined) lastRun.retriedAt = when.retriedAt;
  if (when.byHand) lastRun.byHand = true;
  // A Pause or Stop that ends the run after a failed one (its next run, its later try) hides no failure.
  const prior = r.lastRun;
  if (
    status === 'stopped' &&
    (prior?.status === 'failed' || prior?.status === 'stalled' || prior?.afterFailed)
  )
    lastRun.afterFailed = true;
  // The run before, if it worked, is the one whose rows the sheet holds while this one's do not;
  // a pull from Pull data since it (pulled-over.ts) or the rows kept through failed runs, else.
  const { lastGood: _, ...ran } = r;
  const good = status === 'done' ? undefined : rowsLastWritten(r);
  return good ? { ...ran, lastRun, lastGood: good } : { ...ran, lastRun };
}

/** Paused by its own run: that run is why now, not another's it was paused with (pausedWith). */
function pause({ pausedWith: _, ...r }: Refresh, reason: string): Refresh {
  return { ...r, paused: true, pausedReason: `Paused: ${reason}.` };
}
