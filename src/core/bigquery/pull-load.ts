// A pull whose target is a BigQuery table: its rows go through loadTable, one step per execution,
// the progress saved on the job so that the next execution (sidebar poll or dispatcher) resumes.
import { countText as count, rowCount } from '../count-text';
import type { JobStore } from '../jobs/job-store';
import { type PullJob, withState } from '../jobs/pull-job';
import type { Clock, Zone } from '../ports';
import { sourceInfo } from '../pull/pull-spec';
import { spanIn } from '../sheet/overlaps';
import { keyNames } from '../sheet/write-table';
import type { Table } from '../table/build-table';
import { type ConnectedViews, showView } from './connected-view';
import { type Abandoned, abandonLoad, consoleLink, LoadFailed, loadTable } from './load-table';
import { retrying } from './retry';
import { bigQueryLabel } from './target';
import type { Warehouse } from './warehouse';

interface Deps {
  clock: Clock;
  zone: Zone;
  warehouse?: () => Warehouse;
  views?: () => ConnectedViews;
}

/** How long a job a sidebar's turn ended on is left before its next call checks it again. */
const LOAD_CHECK_MS = 2_000;

/** How the rows went in: an append adds every row, the same ones again too (README). */
const LOADED = { replace: 'loaded into', merge: 'merged into', append: 'appended to' } as const;

export function loadIntoBigQuery(
  deps: Deps,
  job: PullJob,
  table: Table,
  records: readonly object[],
  jobs: JobStore,
  step: {
    /** Whether Stop was pressed on the pull: the load step then ends soon, for the stop to end the run. */
    stopped?: () => boolean;
    /** The end of a sidebar's turn, when the step answers, a job still running (load-table.ts LoadDeps's until). */
    until?: number;
  } = {},
): PullJob {
  const target = job.spec.target;
  if (target.kind !== 'bigquery') throw new Error('not a BigQuery target');
  if (!deps.warehouse) throw new LoadFailed('BigQuery cannot be reached from here.');
  const key = keyNames(job.spec.mergeKey ?? sourceInfo(job.spec.source).key);
  const missing = key.filter((k) => !table.columns.some((c) => c.key === k));
  if (job.spec.mode === 'merge' && table.rows.length && missing.length)
    throw new LoadFailed(
      `The rows have no ${missing.join(', ')} column to merge on: choose another key, or append.`,
    );
  const now = deps.clock.now();
  let current = job.state === 'writing' ? job : withState(job, 'writing', now);
  const ref = { projectId: target.project, datasetId: target.dataset, tableId: target.table };
  const progress = loadTable(
    deps.warehouse(),
    {
      ...ref,
      mode: job.spec.mode,
      key,
      span: spanIn(key, sourceInfo(job.spec.source).span),
      runId: job.id,
      source: job.spec.source,
    },
    table,
    records as Record<string, unknown>[],
    {
      clock: deps.clock,
      zone: deps.zone,
      ...step,
      save: (load) => {
        // A chunk loaded is a step moved on: kills after it are not counted against the job.
        current = jobs.save({ ...current, load, tries: 0, updatedAt: deps.clock.now() });
      },
    },
    job.load,
  );
  const at = deps.clock.now();
  // A small load is "under 0.1 MB", not "0.0 MB".
  const mb = progress.bytes < 50_000 ? 'under 0.1' : (progress.bytes / 1e6).toFixed(1);
  if (!progress.finished) {
    return withState(current, 'writing', at, {
      load: progress,
      nextPollAt: progress.running ? at + LOAD_CHECK_MS : at,
      message: `Loading into BigQuery: ${count(progress.rows)} of ${count(table.rows.length)} rows so far (${mb} MB)`,
    });
  }
  // Only once the table is whole: the view then shows the new rows.
  const view = target.view ? showView(deps.views, ref) : { note: '' };
  return withState(current, 'done', deps.clock.now(), {
    load: progress,
    rows: progress.rows,
    // The link last, so nothing after it is read as part of it (the sidebar makes it a link).
    message: `${count(progress.rows)} rows ${LOADED[job.spec.mode]} ${bigQueryLabel(target)} (${mb} MB).${view.note} ${consoleLink(ref)}`,
  });
}

/**
 * A sidebar's step while the job its last step started still runs: that job is checked, and the
 * step answers, not building the rows again (seconds of work) only to find it running. Undefined
 * when there is none or it is done: the step carries on, its outcome read as the load resumes. A
 * check BigQuery does not answer fails the step, as the load's own calls do.
 */
export function loadRunning(deps: Pick<Deps, 'warehouse' | 'clock'>, job: PullJob): PullJob | undefined {
  const { target } = job.spec;
  const running = job.load?.running;
  if (!running || target.kind !== 'bigquery' || !deps.warehouse) return undefined;
  if (retrying(deps.warehouse(), deps.clock).job(target.project, running.id).done) return undefined;
  const at = deps.clock.now();
  return withState(job, 'writing', at, { nextPollAt: at + LOAD_CHECK_MS });
}

/**
 * A pull into BigQuery that ended while loading, without its rows in: the jobs it may have left
 * running are cancelled and a merge or replace's staging table goes (abandonLoad: best effort,
 * nothing said when it fails). What became of those jobs; undefined when BigQuery is not reached.
 */
export function abandonLoadOf(deps: Pick<Deps, 'warehouse' | 'clock'>, job: PullJob): Abandoned | undefined {
  const target = job.spec.target;
  if (target.kind !== 'bigquery' || !deps.warehouse) return undefined;
  let w: Warehouse;
  try {
    w = deps.warehouse();
  } catch {
    return undefined;
  }
  const ref = {
    projectId: target.project,
    datasetId: target.dataset,
    tableId: target.table,
    mode: job.spec.mode,
    runId: job.id,
  };
  return abandonLoad(w, deps.clock, ref, job.load);
}

/** Stop pressed once every row of a pull into BigQuery had gone in: said, not "Stopped". */
export function tooLateWords(job: PullJob, lead: string): string | undefined {
  const { target, mode } = job.spec;
  if (target.kind !== 'bigquery') return undefined;
  return `${lead} too late: the rows were ${LOADED[mode]} ${bigQueryLabel(target)} all the same.`;
}

/**
 * Stop pressed while a pull loads into BigQuery: its jobs are cancelled (abandonLoadOf), and the
 * words, begun with `lead`, say what the table now holds. An append loads into the table a chunk
 * at a time, so the chunks done stay; a merge or replace touches it only with its final query,
 * which may finish before the cancel takes (`whole`: the pull did its work). BigQuery not saying
 * what became of a job: nothing is known of the table, and the words say so.
 */
export function stoppedLoad(
  deps: Pick<Deps, 'warehouse' | 'clock'>,
  job: PullJob,
  lead: string,
): { message: string; rows: number; whole: boolean } {
  const { target, mode } = job.spec;
  const ended = abandonLoadOf(deps, job);
  const unknown = {
    message: `${lead}: load jobs BigQuery had already taken may still finish.`,
    rows: 0,
    whole: false,
  };
  if (!ended || target.kind !== 'bigquery') return unknown;
  const label = bigQueryLabel(target);
  const tooLate = (rows: number) => ({ message: tooLateWords(job, lead) ?? '', rows, whole: true });
  // A table the pull made and could not drop again is there now, where it was not before.
  const nothing = {
    message:
      ended.made === 'left'
        ? `${lead}: nothing was written, but ${label}, which this pull made, is left with no rows: delete it in BigQuery if you do not want it.`
        : `${lead}: nothing was written, and ${label} is as it was.`,
    rows: 0,
    whole: false,
  };
  const done = job.load?.rows ?? 0;
  if (mode !== 'append') {
    const { landed } = ended.final ?? {};
    if (landed === undefined) return unknown;
    return landed ? tooLate(done) : nothing;
  }
  // The chunk under way adds its rows when the cancel came too late for it.
  const { landed, rows } = ended.chunk;
  const more = landed ? (rows ?? job.load?.running?.rows) : 0;
  if (landed === undefined || more === undefined) return unknown;
  const loaded = done + more;
  const total = job.load?.total;
  if (!loaded) return nothing;
  if (total !== undefined && loaded >= total) return tooLate(loaded);
  const of = total === undefined ? rowCount(loaded) : `${count(loaded)} of ${rowCount(total)}`;
  return {
    message: `${lead}: ${of} had been appended to ${label}; the rest were not.`,
    rows: loaded,
    whole: false,
  };
}
