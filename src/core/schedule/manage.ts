// Saving, editing, pausing and deleting refreshes. Only the owner changes a refresh: it runs
// with the owner's key, so another editor's change would silently run as someone else.

import { specProblems } from '../pull/pull-spec';
import type { PullDeps } from '../pull/run-pull';
import { InputError, parseInput } from '../validation';
import { nextRun } from './frequency';
import { type Refresh, RefreshInput, RefreshStore } from './refresh';

type Deps = Pick<PullDeps, 'store' | 'clock' | 'zone' | 'user' | 'spreadsheetId'> & {
  /** Makes sure the dispatcher will tick (hourly is enough); says why not when Google refused. */
  ensureScheduler: () => string | undefined;
};

function checked(input: unknown): RefreshInput {
  const parsed = parseInput(RefreshInput, input, 'Scheduled refresh');
  const problems = specProblems(parsed.spec);
  if (parsed.spec.range?.kind === 'absolute') {
    problems.push(
      'a scheduled refresh needs a relative date range (last week, month to date, …): fixed dates would pull the same data every time',
    );
  }
  if (problems.length) throw new InputError('Scheduled refresh', problems);
  // A refresh is bound to its sheet: after the first run it writes into that sheet, never a new one.
  const { target } = parsed.spec;
  return target.kind === 'new_sheet'
    ? { ...parsed, spec: { ...parsed.spec, target: { kind: 'sheet', name: target.name } } }
    : parsed;
}

export function ownedRefresh(deps: Deps, id: string): Refresh {
  const refresh = new RefreshStore(deps.store).get(id);
  if (!refresh) throw new Error('That scheduled refresh no longer exists.');
  if (refresh.owner !== deps.user) {
    throw new Error(
      `This refresh belongs to ${refresh.owner} and runs with their API key; only they can change it.`,
    );
  }
  return refresh;
}

export function saveRefresh(deps: Deps, input: unknown, id: string): Refresh {
  const store = new RefreshStore(deps.store);
  const valid = checked(input);
  const existing = store.get(id);
  if (existing) ownedRefresh(deps, id);
  const now = deps.clock.now();
  const { notice: _, ...before } = existing ?? {};
  const refresh = store.save({
    ...before,
    ...valid,
    id,
    owner: deps.user,
    spreadsheetId: deps.spreadsheetId,
    createdAt: existing?.createdAt ?? now,
    paused: false,
    nextRunAt: nextRun(valid.frequency, now, deps.zone),
  });
  const notice = deps.ensureScheduler();
  return notice ? store.save({ ...refresh, notice }) : refresh;
}

export function setPaused(deps: Deps, id: string, paused: boolean): Refresh {
  const { pausedReason: _, notice: __, ...refresh } = ownedRefresh(deps, id);
  const now = deps.clock.now();
  const store = new RefreshStore(deps.store);
  const saved = store.save({
    ...refresh,
    paused,
    nextRunAt: nextRun(refresh.frequency, now, deps.zone),
  });
  const notice = paused ? undefined : deps.ensureScheduler();
  return notice ? store.save({ ...saved, notice }) : saved;
}

export function deleteRefresh(deps: Deps, id: string): void {
  ownedRefresh(deps, id);
  new RefreshStore(deps.store).delete(id);
}
