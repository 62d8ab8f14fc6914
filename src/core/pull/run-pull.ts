// Starting and advancing pull jobs. Each step is short and saved, so the sidebar (while open)
// and the dispatcher trigger (otherwise) can both carry a job to its end, one step at a time.
import type { AssembledClient } from '../assembled/client';
import { isAssembledError } from '../assembled/errors';
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
import type { Clock, Lock, Store, Zone } from '../ports';
import { writeTable } from '../sheet/write-table';
import { buildTable } from '../table/build-table';
import { resolveRange } from '../time/date-range';
import { InputError, parseInput } from '../validation';
import { fetchRecords } from './fetch-records';
import { PullSpec, sourceInfo, sourceLabel, specProblems } from './pull-spec';
import { describeTarget, TargetMissing, type Targets } from './pull-target';
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
  /** Who is running this (the user's email). */
  user: string;
  /** Makes sure the dispatcher will come back for unfinished jobs. */
  ensureTrigger: () => void;
}

/** Transient failures (rate limit, network, 5xx) are tried again this many times, then fail. */
const MAX_TRANSIENT_ATTEMPTS = 5;
const TRANSIENT = ['rate_limited', 'network', 'server', 'outcome_unknown'];

export function startPull(deps: PullDeps, input: unknown, key: string, refreshId?: string): PullJob {
  const spec = parseInput(PullSpec, input, 'Pull');
  const problems = specProblems(spec);
  if (problems.length) throw new InputError('Pull', problems);
  const jobs = new JobStore(deps.store);
  return withLock(deps.lock, () => {
    const existing = jobs.get(key);
    if (existing) return existing;
    const now = deps.clock.now();
    const job = newJob(key, deps.user, spec, now, refreshId);
    if (spec.range) job.range = resolveRange(spec.range, now, deps.zone);
    jobs.prune(now);
    jobs.save(job);
    deps.ensureTrigger();
    return job;
  });
}

/** Takes the job one step further if it is due; returns it as it now stands. */
export function advancePull(deps: PullDeps, id: string): PullJob {
  const jobs = new JobStore(deps.store);
  const job = jobs.get(id);
  if (!job) throw new Error(`No pull job ${id}: it may have finished more than a day ago.`);
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

function activePulls(store: Store, user: string): PullJob[] {
  return new JobStore(store).active().filter((j) => j.owner === user);
}

export function hasActivePulls(store: Store, user: string): boolean {
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
        granularity: source.granularity,
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
    return write(deps, job, withNames(client, poll.report.rows), jobs);
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
  jobs.save(withState(job, 'writing', deps.clock.now()));
  const target = deps.targets.open(job.spec.target);
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
    return { ...job, errors, nextPollAt: now + pollDelay(errors), message, updatedAt: now };
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
    filters.length ? `Filters: ${filters.join('; ')}` : '',
    `Generated: ${new Date(deps.clock.now()).toISOString()} by ${deps.user}`,
  ]
    .filter(Boolean)
    .join('\n');
}

function logRun(deps: PullDeps, job: PullJob): void {
  deps.log.append({
    when: new Date(deps.clock.now()),
    who: job.owner,
    what: sourceLabel(job.spec.source) + (job.range ? ` ${job.range.from}..${job.range.to}` : ''),
    target: describeTarget(job.spec.target),
    status: job.state,
    rows: job.rows ?? 0,
    durationMs: job.updatedAt - job.createdAt,
    error: job.state === 'done' ? '' : (job.message ?? ''),
  });
}
