// The dispatcher's refresh work: start the runs that are due, and record how they ended.
import { JobStore } from '../jobs/job-store';
import { isTerminal, type PullJob } from '../jobs/pull-job';
import { targetSheet } from '../pull/pull-target';
import { advancePull, type PullDeps, startPull } from '../pull/run-pull';
import { resolveRange } from '../time/date-range';
import { nextRun } from './frequency';
import { type Refresh, RefreshStore, type RunStatus } from './refresh';

export interface Notifier {
  /** Tells the refresh's owner that a run failed (e-mail in Apps Script). */
  failed(refresh: Refresh, message: string): void;
}

export interface RefreshDeps extends PullDeps {
  notify: Notifier;
  /** Makes sure the dispatcher will tick (hourly is enough); says why not when Google refused. */
  ensureScheduler: () => string | undefined;
}

/** How many appended periods a refresh remembers. */
const APPENDED_KEPT = 100;

export function ownRefreshes(deps: Pick<PullDeps, 'store' | 'user'>): Refresh[] {
  return new RefreshStore(deps.store).all().filter((r) => r.owner === deps.user);
}

/** Work waits while this user owns a refresh that is not paused. */
export function hasRefreshWork(deps: Pick<PullDeps, 'store' | 'user'>): boolean {
  return ownRefreshes(deps).some((r) => !r.paused || r.jobId);
}

export function runDueRefreshes(deps: RefreshDeps, deadline: number): void {
  const refreshes = new RefreshStore(deps.store);
  const jobs = new JobStore(deps.store);
  for (const refresh of ownRefreshes(deps)) {
    if (deps.clock.now() >= deadline) return;
    if (refresh.jobId) {
      const job = jobs.get(refresh.jobId);
      if (job && !isTerminal(job)) continue;
      refreshes.save(finish(deps, refresh, job));
      continue;
    }
    if (!refresh.paused && refresh.nextRunAt <= deps.clock.now()) runNow(deps, refresh);
  }
}

/** Starts a run now (a due run, or "Run now"); a late trigger runs a missed refresh once. */
export function runNow(deps: RefreshDeps, refresh: Refresh): Refresh {
  const store = new RefreshStore(deps.store);
  const now = deps.clock.now();
  const due = refresh.nextRunAt;
  let r: Refresh = { ...refresh, nextRunAt: nextRun(refresh.frequency, now, deps.zone) };

  if (!deps.targets.exists(refresh.spec.target)) {
    return store.save(pause(r, `its sheet "${targetSheet(refresh.spec.target)}" was deleted or renamed`));
  }
  const period = refresh.spec.range ? resolveRange(refresh.spec.range, now, deps.zone) : undefined;
  const periodKey = period ? `${period.from}..${period.to}` : '';
  if (refresh.spec.mode === 'append' && periodKey && refresh.appended?.includes(periodKey)) {
    return store.save(record(r, 'skipped', now, 0, `${periodKey} was already appended`));
  }
  const job = startPull(deps, refresh.spec, `refresh-${refresh.id}-${Math.min(due, now)}`, refresh.id);
  r = store.save({ ...r, jobId: job.id });
  const advanced = advancePull(deps, job.id);
  return isTerminal(advanced) ? store.save(finish(deps, r, advanced)) : r;
}

function finish(deps: RefreshDeps, refresh: Refresh, job: PullJob | undefined): Refresh {
  const now = deps.clock.now();
  const { jobId: _, ...r } = refresh;
  if (!job) return record(r, 'failed', now, 0, 'The run was lost; it will run again at its next time.');
  const status = job.state as RunStatus;
  let next = record(r, status, job.updatedAt, job.rows ?? 0, job.message ?? '');
  if (status === 'done' && r.spec.mode === 'append' && job.range) {
    next.appended = [...(r.appended ?? []), `${job.range.from}..${job.range.to}`].slice(-APPENDED_KEPT);
  }
  if (status !== 'done') {
    if (job.failure === 'auth') {
      next = pause(
        next,
        `the Assembled API key of ${r.owner} was rejected; ${r.owner} must set a valid key in Settings`,
      );
    } else if (job.failure === 'target_missing') {
      next = pause(next, `its sheet "${targetSheet(r.spec.target)}" was deleted or renamed`);
    }
    if (r.notifyByEmail) deps.notify.failed(next, next.pausedReason ?? job.message ?? status);
  }
  return next;
}

function record(r: Refresh, status: RunStatus, at: number, rows: number, message: string): Refresh {
  return { ...r, lastRun: { at, status, rows, message } };
}

function pause(r: Refresh, reason: string): Refresh {
  return { ...r, paused: true, pausedReason: `Paused: ${reason}.` };
}
