// A pull from Pull data into the place a scheduled refresh writes: the sheet holds that pull's rows
// now, not the refresh's last run's, which a failed run's card would still claim (Refresh.lastGood);
// the red tab a failed run gave it goes, as with the refresh's own next good run (failed-tab.ts);
// and a replace took away the rows the refresh gathered run by run (Refresh.gathered).
import type { PullJob } from '../jobs/pull-job';
import type { Lock, Store } from '../ports';
import { gatheredOf } from '../pull/mode-words';
import type { Targets } from '../pull/pull-target';
import { restoreTab } from './failed-tab';
import { changeRefresh, type Refresh, RefreshStore } from './refresh';
import { refreshInto } from './sheet-refresh';

/** What the pull `job`, done, wrote into its sheet, and who pulled it: a refresh's lastGood but its time. */
export function filledBy(job: PullJob): Omit<NonNullable<Refresh['lastGood']>, 'at'> {
  return {
    ...(job.rows !== undefined ? { rows: job.rows } : {}),
    ...(job.merged ? { merged: job.merged } : {}),
    by: { owner: job.owner, ...(job.ownerId ? { ownerId: job.ownerId } : {}) },
  };
}

/** `job`: a pull from the sidebar, done, that wrote the sheet `sheetId`. */
export function pulledOver(
  deps: { store: Store; lock: Lock; targets: Targets },
  sheetId: number,
  job: PullJob,
): void {
  const { target } = job.spec;
  const r = refreshInto(new RefreshStore(deps.store).all(), sheetId, target);
  if (!r) return;
  const written: NonNullable<Refresh['lastGood']> = { at: job.updatedAt, ...filledBy(job) };
  let tabWas: string | null | undefined;
  changeRefresh(deps, r.id, (saved) => {
    if (!saved) return undefined;
    const { tabWas: was, ...next } = saved;
    tabWas = was;
    const gathered = gatheredOf(saved);
    const taken = job.spec.mode === 'replace' && gathered && gathered.rows !== 0;
    // Pulled while its runs were failing (stopped after one, too): newer than the failure.
    const run = saved.lastRun;
    const failing = run?.status === 'failed' || run?.status === 'stalled' || run?.afterFailed;
    const lastGood = failing ? { ...written, sinceFailed: true as const } : written;
    return { ...next, ...(taken ? { gathered: { rows: 0 } } : {}), lastGood };
  });
  if (tabWas === undefined) return;
  try {
    restoreTab(deps.targets.open(target, sheetId).grid, tabWas);
  } catch {
    // A courtesy, as a failed run's marks are: the pull has ended well whatever the tab does.
  }
}
