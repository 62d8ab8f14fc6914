// Starting and advancing pull jobs. Each step is short and saved, so the sidebar (while open)
// and the dispatcher trigger (otherwise) can both carry a job to its end, one step at a time.
import type { AssembledClient } from '../assembled/client';
import { isAssembledError } from '../assembled/errors';
import type { ReportRow } from '../assembled/model';
import { loadIntoBigQuery } from '../bigquery/pull-load';
import type { Warehouse } from '../bigquery/warehouse';
import { JobStore } from '../jobs/job-store';
import {
  isDue,
  isTerminal,
  newJob,
  type PullJob,
  pollDelay,
  STALL_AFTER_MS,
  stillRunning,
  withState,
} from '../jobs/pull-job';
import { withLock } from '../lock';
import { type Caller, checkBudget, NotYours, ownerName, owns } from '../owner';
import type { Clock, Lock, Store, Zone } from '../ports';
import { writeTable } from '../sheet/write-table';
import { buildTable } from '../table/build-table';
import { resolveRange } from '../time/date-range';
import { InputError, parseInput } from '../validation';
import { fetchRecords } from './fetch-records';
import { PullSpec, sourceInfo, sourceLabel, specProblems } from './pull-spec';
import { describeTarget, TargetMissing, type Targets } from './pull-target';
import { bucketPlan, rollUp } from './report-buckets';
import { pullCoverage } from './run-coverage';
import { pullScheduleGrid } from './run-grid';
import type { RunLog } from './run-log';
import { withDurationColumn } from './schedule-records';
import { withNames } from './with-names';

export interface PullDeps {
  /** Built on demand: the API key is read only when a request is about to go. */
  client: () => AssembledClient;
  clock: Clock;
  zone: Zone;
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
  /** The BigQuery destination (built on demand); absent where there is none. */
  warehouse?: () => Warehouse;
}

/** Transient failures (rate limit, network, 5xx) are tried again this many times, then fail. */
const MAX_TRANSIENT_ATTEMPTS = 5;
const TRANSIENT = ['rate_limited', 'network', 'server', 'outcome_unknown'];

/** Live pulls one editor may have started from the sidebar at once (refresh runs are counted by their refreshes). */
export const MAX_LIVE_PULLS = 10;
/** Finished pulls kept per editor (the newest), beyond the day they are kept anyway. */
const FINISHED_KEPT = 10;

/**
 * Starts a pull for the caller. `key` is the caller's idempotency key: the same key twice (a
 * double click, a retried call) gives the same job, but only among the caller's own jobs; the
 * job's id is made here and cannot be chosen by anyone. A refresh run passes its refresh and
 * the sheet it is bound to.
 */
export function startPull(
  deps: PullDeps,
  input: unknown,
  key: string,
  refresh?: { id: string; sheetId?: number },
): PullJob {
  const spec = parseInput(PullSpec, input, 'Pull');
  const problems = specProblems(spec);
  if (problems.length) throw new InputError('Pull', problems);
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
    if (!refresh && mine.filter((j) => !isTerminal(j) && !j.refreshId).length >= MAX_LIVE_PULLS) {
      throw new InputError('Pull', [
        `You already have ${MAX_LIVE_PULLS} pulls under way in this spreadsheet; wait for one to finish.`,
      ]);
    }
    const job = newJob(deps.newId(), deps.user, deps.spreadsheetId, spec, now, key, refresh?.id);
    const sheetId = refresh ? refresh.sheetId : deps.targets.bind(spec.target);
    if (sheetId !== undefined) job.sheetId = sheetId;
    if (spec.range) job.range = resolveRange(spec.range, now, deps.zone);
    checkBudget(deps.store, deps.user, job, 'job.');
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

/** Takes the job one step further if it is due; returns it as it now stands. */
export function advancePull(deps: PullDeps, id: string): PullJob {
  const jobs = new JobStore(deps.store);
  const job = jobs.get(id);
  if (!job) throw new Error(`No pull job ${id}: it may have finished more than a day ago.`);
  // Only the owner's executions move a job on (with the owner's key), or even see it.
  if (!owns(deps.user, job)) throw new NotYours('pull', job);
  if (isTerminal(job) || !isDue(job, deps.clock.now())) return job;
  return withLock(deps.lock, () => {
    // Another execution may have moved it on while this one waited for the lock.
    const current = jobs.get(id) ?? job;
    if (isTerminal(current) || !isDue(current, deps.clock.now())) return current;
    const next = overdue(current, deps.clock.now()) ?? step(deps, current, jobs);
    jobs.save(next);
    if (isTerminal(next)) logRun(deps, next);
    return next;
  });
}

/** The dispatcher's work: every due job of this user (it runs with their key), until the deadline nears. */
export function runDuePulls(deps: PullDeps, deadline: number): void {
  for (const job of activePulls(deps.store, deps.user)) {
    if (deps.clock.now() >= deadline) return;
    if (isDue(job, deps.clock.now())) advancePull(deps, job.id);
  }
}

function activePulls(store: Store, user: Caller): PullJob[] {
  return new JobStore(store).active().filter((j) => owns(user, j));
}

export function hasActivePulls(store: Store, user: Caller): boolean {
  return activePulls(store, user).length > 0;
}

function step(deps: PullDeps, job: PullJob, jobs: JobStore): PullJob {
  const now = deps.clock.now();
  try {
    const { source } = job.spec;
    if (source.kind === 'resource' && source.resource === 'schedule_grid') {
      const range = job.range;
      if (!range) throw new Error('The schedule grid needs a date range');
      jobs.save(withState(job, 'writing', now));
      const drawn = pullScheduleGrid(
        deps.client(),
        job.spec.filters,
        range,
        job.spec.gridMinutes ?? 30,
        deps.zone,
        () => deps.targets.open(job.spec.target),
        headerNote(deps, job),
      );
      return withState(job, 'done', deps.clock.now(), {
        rows: drawn.rows,
        message: `${drawn.rows} agents drawn on ${drawn.label}`,
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
        message: `${drawn.rows} intervals written to ${drawn.label}`,
      });
    }
    if (source.kind === 'resource') {
      const records = fetchRecords(deps.client(), source.resource, job.spec.filters, job.range);
      return write(deps, job, records, jobs);
    }
    const client = deps.client();
    if (!job.reportId) {
      const range = job.range;
      if (!range) throw new Error('A report needs a date range');
      const started = client.startReport(source.report, {
        start_time: range.start,
        end_time: range.end,
        granularity: bucketPlan(source.granularity, range, deps.zone).ask,
        ...reportFilters(job),
      });
      return withState(job, 'running', now, {
        reportId: started.id,
        polls: 0,
        nextPollAt: now + pollDelay(0),
      });
    }
    const poll = client.pollReport(job.reportId);
    if (!poll.done) return stillRunning(job, now, poll.suggestedWaitMs);
    if (poll.report.status === 'failed') {
      return withState(job, 'failed', now, {
        message: `Assembled could not generate the report: ${poll.report.failure_reason ?? 'no reason given'}`,
      });
    }
    return write(deps, job, withNames(client, sheetBuckets(deps, job, poll.report.rows)), jobs);
  } catch (error) {
    return failure(job, error, now);
  }
}

/**
 * A job whose every attempt ran out of time (killed executions save nothing) stops trying.
 * A report still being generated is judged by its polls instead (stillRunning).
 */
function overdue(job: PullJob, now: number): PullJob | undefined {
  if (job.state === 'running' || now - job.createdAt <= STALL_AFTER_MS) return undefined;
  const minutes = Math.round(STALL_AFTER_MS / 60_000);
  return withState(job, 'stalled', now, {
    message: `The pull could not be finished in ${minutes} minutes: each attempt ran out of time. Try a smaller range or fewer filters.`,
  });
}

/** A report's rows as the sheet's calendar buckets (report-buckets.ts). */
function sheetBuckets(deps: PullDeps, job: PullJob, rows: ReportRow[]): ReportRow[] {
  const { source } = job.spec;
  if (source.kind !== 'report' || source.granularity === 'interval' || !job.range) return rows;
  const plan = bucketPlan(source.granularity, job.range, deps.zone);
  return plan.rollUp ? rollUp(rows, source.granularity, job.range, deps.zone) : rows;
}

function bucketNote(deps: PullDeps, job: PullJob): string {
  const { source } = job.spec;
  if (source.kind !== 'report' || !job.range) return '';
  return bucketPlan(source.granularity, job.range, deps.zone).note ?? '';
}

function reportFilters(job: PullJob) {
  const { queue_ids, team_ids, site_ids, agent_ids } = job.spec.filters;
  return {
    ...(queue_ids?.length ? { queue_ids } : {}),
    ...(team_ids?.length ? { team_ids } : {}),
    ...(site_ids?.length ? { site_ids } : {}),
    ...(agent_ids?.length ? { agent_ids } : {}),
  };
}

/** Builds the whole table before touching the sheet: a failure here leaves the sheet as it was. */
function write(deps: PullDeps, job: PullJob, records: readonly object[], jobs: JobStore): PullJob {
  const built = buildTable(records as Record<string, unknown>[], deps.zone);
  const { source } = job.spec;
  const table =
    source.kind === 'resource' && source.resource === 'activities' ? withDurationColumn(built) : built;
  if (job.spec.target.kind === 'bigquery') return loadIntoBigQuery(deps, job, table, records, jobs);
  jobs.save(withState(job, 'writing', deps.clock.now()));
  const target = deps.targets.open(job.spec.target, job.sheetId);
  const result = writeTable(target.grid, table, {
    mode: job.spec.mode,
    row: target.row,
    col: target.col,
    mergeKey: job.spec.mergeKey ?? sourceInfo(job.spec.source).key,
    ...(target.previous ? { previous: target.previous } : {}),
    note: headerNote(deps, job),
  });
  target.remember(result.extent);
  return withState(job, 'done', deps.clock.now(), {
    rows: result.rows,
    message: `${result.rows} rows written to ${target.label}`,
  });
}

function failure(job: PullJob, error: unknown, now: number): PullJob {
  const message = error instanceof Error ? error.message : String(error);
  if (isAssembledError(error) && TRANSIENT.includes(error.kind) && job.errors < MAX_TRANSIENT_ATTEMPTS) {
    const errors = job.errors + 1;
    // A Retry-After longer than the backoff is honoured by a later run, never slept through here.
    const wait = Math.max(pollDelay(errors), error.retryAfterMs ?? 0);
    return { ...job, errors, nextPollAt: now + wait, message, updatedAt: now };
  }
  const kind = isAssembledError(error)
    ? error.kind
    : error instanceof TargetMissing
      ? 'target_missing'
      : 'other';
  return withState(job, 'failed', now, { message, failure: kind });
}

function headerNote(deps: PullDeps, job: PullJob): string {
  const { spec, range } = job;
  const filters = Object.entries(spec.filters)
    .filter(([, v]) => v !== undefined && (!Array.isArray(v) || v.length > 0))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`);
  return [
    `Source: Assembled ${sourceLabel(spec.source)}`,
    range ? `Range: ${range.from} to ${range.to} (${deps.zone.name})` : '',
    bucketNote(deps, job),
    filters.length ? `Filters: ${filters.join('; ')}` : '',
    `Generated: ${new Date(deps.clock.now()).toISOString()} by ${ownerName(job)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

function logRun(deps: PullDeps, job: PullJob): void {
  deps.log.append({
    when: new Date(deps.clock.now()),
    who: ownerName(job),
    what: sourceLabel(job.spec.source) + (job.range ? ` ${job.range.from}..${job.range.to}` : ''),
    target: describeTarget(job.spec.target),
    status: job.state,
    rows: job.rows ?? 0,
    durationMs: job.updatedAt - job.createdAt,
    error: job.state === 'done' ? '' : (job.message ?? ''),
  });
}
