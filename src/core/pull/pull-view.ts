// What the sidebar sees of pulls: plain JSON (google.script.run carries no Dates).
import { causeOf, failedWith } from '../assembled/errors';
import { countText as count, counted } from '../count-text';
import { unansweredWords } from '../jobs/attempt-time';
import { isTerminal, MAX_RETRIES, type PullJob, STOPPED } from '../jobs/pull-job';
import type { KeyNotice } from '../settings';
import { RELATIVE_PRESETS, type RelativePreset } from '../time/date-range';
import { datesWords } from '../time/dates-words';
import { GRANULARITIES, REPORT_TYPES, REPORTS, RESOURCE_INFO, RESOURCES, type SourceInfo } from './catalogue';
import type { PullAgain } from './pull-again';
import { type PullSpec, sourceLabel } from './pull-spec';
import { describeTarget, rowsTerm } from './pull-target';
import { filterWords } from './pull-words';
import { askCount } from './queue-parts';

export interface SourceChoice extends SourceInfo {
  kind: 'report' | 'resource';
  id: string;
}

/**
 * The sheet in front and the top-left cell of the selection there, where a pull to "Active cell"
 * starts; without `a1` when the selection could not be read, and `unread` says why.
 */
export interface ActiveCell {
  sheet: string;
  a1?: string;
  unread?: string;
}

export interface PullOptions extends KeyNotice {
  timezone: string;
  /** Today's ISO weekday in that zone: a refresh made weekly starts on it. */
  today: number;
  sheets: string[];
  activeCell: ActiveCell;
  sources: SourceChoice[];
  granularities: readonly string[];
  presets: { id: RelativePreset; label: string }[];
  /** The Cloud project the spreadsheet's last BigQuery pull used ('' when none). */
  bigQueryProject?: string;
  /**
   * The caller's newest pull from the sidebar that is not over, for a reopened sidebar to follow,
   * with its spec: that sidebar did not send it, and offers it as a refresh once it is done.
   */
  running?: JobView & { spec: PullSpec };
  /** The pull that last filled the active sheet, to run again. */
  again?: PullAgain;
}

export interface Choice {
  id: string;
  name: string;
  /** The team, site or queue this one sits under (those lists are trees). */
  parent?: string;
  /** An agent deleted in Assembled: its name says so, and it is listed last. */
  deleted?: true;
}

export const CHOICE_KINDS = ['queues', 'teams', 'sites', 'agents', 'activity_types'] as const;
export type ChoiceKind = (typeof CHOICE_KINDS)[number];

export interface JobView {
  id: string;
  state: PullJob['state'];
  /** queued / running / writing / done / failed / stalled, said for a person. */
  stage: string;
  /**
   * Which report of a range asked in parts is being asked for or read (1-based), as `stage` says
   * it ("report 13 of 48"); absent for a pull of one report, and once they are all in.
   */
  part?: number;
  /** The data, its dates and its filters, as the log says them ("Adherence report (day), 2026-11-23 to 2026-11-29, filtered: team "Tier 2""). */
  what: string;
  target: string;
  range: string;
  elapsedMs: number;
  rows: number;
  /** What `rows` is called ("Rows written", "Rows loaded": pull-target.ts rowsTerm). */
  rowsTerm: string;
  /** Said for `rows` where its none alone would read as a count lost (rowsDropped). */
  rowsWords?: string;
  message: string;
  /** Why background runs will not finish it (no trigger, today's budget spent), else ''. */
  notice: string;
  /** What is happening within the stage, in a sentence ("Checked 2 times; not ready yet."). */
  detail: string;
  /** When the add-on next asks Assembled whether the report it is building is ready, in ms from now; 0 when it is not polling one. */
  nextCheckInMs: number;
  /**
   * When a request that failed, or that Assembled's rate limit refused, is next tried, in ms from
   * now; 0 when none waits to be: the sidebar says "Next try in", as a push's does, not "Next
   * check", which is a report's polling.
   */
  nextTryInMs: number;
  /** Time left in ms where it can be known; null where it cannot (Assembled gives no estimate). */
  estimatedLeftMs: number | null;
  /** When the sidebar should ask again, in ms from now; 0 when the job is over. */
  nextPollInMs: number;
  /** Done: the scheduled refresh into the same place, in words, so none is offered beside it. */
  scheduled?: string;
  /**
   * Done into a sheet still there: its id and name now, for Go to. A pull never puts the sheet in
   * front when its rows land (sheet-targets.ts): the person goes there when they choose.
   */
  sheet?: { id: number; name: string };
  /**
   * Done writing no row into the new sheet it was to make, which therefore went (an append or merge
   * of nothing): there is no sheet to refresh, so none is offered.
   */
  unmade?: true;
}

const PRESET_LABELS: Record<RelativePreset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  last_7_days: 'Last 7 days',
  last_week: 'Last week (Mon–Sun)',
  week_to_date: 'Week to date',
  last_month: 'Last month',
  month_to_date: 'Month to date',
  last_quarter: 'Last quarter',
  days_back: 'Custom: N days back',
  tomorrow: 'Tomorrow',
  this_week: 'This week (Mon–Sun)',
  next_week: 'Next week (Mon–Sun)',
};

const STAGES: Record<PullJob['state'], string> = {
  queued: 'Starting',
  running: 'Assembled is generating the report',
  fetching: 'Reading the report',
  writing: 'Writing rows',
  done: 'Done',
  failed: 'Failed',
  stalled: 'Stalled',
};

export function catalogueChoices(): Pick<PullOptions, 'sources' | 'granularities' | 'presets'> {
  return {
    sources: [
      ...REPORT_TYPES.map((id) => ({ kind: 'report' as const, id, ...REPORTS[id] })),
      ...RESOURCES.map((id) => ({ kind: 'resource' as const, id, ...RESOURCE_INFO[id] })),
    ],
    granularities: GRANULARITIES,
    presets: RELATIVE_PRESETS.map((id) => ({ id, label: PRESET_LABELS[id] })),
  };
}

/** `stopping`: Stop was pressed while another execution held the lock, which ends the job (stop-asked.ts). */
export function jobView(job: PullJob, now: number, stopping = false): JobView {
  const over = job.state === 'done' || job.state === 'failed' || job.state === 'stalled';
  stopping &&= !over;
  // Waiting out a failure or Assembled's rate limit (its Retry-After): either way a try, timed.
  const tries = retrying(job) || limited(job);
  const dropped = rowsDropped(job);
  return {
    id: job.id,
    state: job.state,
    stage: stopping ? 'Stopping' : stage(job),
    ...(partWords(job) ? { part: (job.part ?? 0) + 1 } : {}),
    what: [
      sourceLabel(job.spec.source),
      job.range ? datesWords(job.range) : '',
      filterWords(job.spec.filters, job.spec.filterNames),
    ]
      .filter(Boolean)
      .join(', '),
    target: describeTarget(job.spec.target),
    range: job.range ? datesWords(job.range) : '',
    elapsedMs: (over ? job.updatedAt : now) - job.createdAt,
    // Over, the rows it left in the target: a replace that failed wrote its rows only to staging.
    // Under way, those written or loaded so far (a replace's and a merge's into staging).
    rows: over ? (job.rows ?? 0) : (job.write?.done ?? job.load?.rows ?? 0),
    rowsTerm: rowsTerm(job.spec.target),
    ...(dropped ? { rowsWords: dropped } : {}),
    message: job.message ?? '',
    notice: over ? '' : (job.notice ?? ''),
    // The minutes lost to answers that never came, said as they go, not only once it ends (QA).
    detail: stopping
      ? STOPPING
      : `${detail(job)}${reading(job) ? unansweredWords('pull', job.unansweredMs, true) : ''}`,
    nextCheckInMs: job.state === 'running' && !tries ? Math.max(0, job.nextPollAt - now) : 0,
    nextTryInMs: tries ? Math.max(0, job.nextPollAt - now) : 0,
    estimatedLeftMs: over ? 0 : timeLeft(job, now),
    nextPollInMs: over ? 0 : Math.max(1_000, job.nextPollAt - now),
    ...(unmade(job) ? { unmade: true } : {}),
  };
}

/**
 * Ended short of done with no row in its target, after the progress had counted some: a merge or
 * replace into BigQuery loads into a staging table, its final statement not begun (`staged`: it may
 * have landed), and a replace into a sheet writes a hidden one; both are dropped. The figure says
 * so, where a bare "none" after "(67,451 so far)" read as a count gone missing (QA).
 */
function rowsDropped(job: PullJob): string | undefined {
  if (!isTerminal(job) || job.state === 'done' || job.rows) return undefined;
  const { target, mode } = job.spec;
  const bigQuery = target.kind === 'bigquery';
  const held =
    bigQuery && mode !== 'append' && !job.load?.staged
      ? job.load?.rows
      : !bigQuery && mode === 'replace'
        ? job.write?.done
        : 0;
  return held
    ? `none: the ${count(held)} so far never reached the ${bigQuery ? 'table' : 'sheet'}`
    : undefined;
}

/**
 * Which of the reports a range asked in parts is being asked for or read ("report 7 of 28"), before
 * they are all in; else ''. Without it, a long range looks stuck at the same words for minutes.
 */
function partWords(job: PullJob): string {
  // Ticket stats asked a queue at a time count each queue's reports too (queue-parts.ts).
  const n = askCount(job);
  const reading = job.state === 'queued' || job.state === 'running' || job.state === 'fetching';
  return n > 1 && reading ? `report ${count((job.part ?? 0) + 1)} of ${count(n)}` : '';
}

/**
 * Why a report asked a queue at a time (queue-parts.ts) counts several: said as each report starts,
 * so "report 2 of 7" does not read as the pull beginning again.
 */
function perQueue(job: PullJob): string {
  if ((job.queues?.length ?? 0) < 2) return '';
  const parts = (job.parts?.length ?? 1) > 1 ? ' and part of the range' : '';
  return ` One report is asked per queue${parts}, so that each queue's figures are its own.`;
}

/** As run-pull's letGo drops the new sheet: a replace writes its header even with no rows. */
function unmade(job: PullJob): boolean {
  return job.state === 'done' && job.madeSheet !== undefined && job.spec.mode !== 'replace' && !job.rows;
}

/** The stage in words, with how far it got where that is known. */
function stage(job: PullJob): string {
  // Not "Starting" for minutes on end: the pull is between tries, as its detail says.
  if (retrying(job) || limited(job)) return 'Waiting to try again';
  const part = partWords(job);
  if (job.state === 'running' && part && !job.load) return `Assembled is generating ${part}`;
  // A list's pages in all are known only once it is read to the end.
  if (job.state === 'fetching' && job.spec.source.kind === 'resource')
    return `Reading from Assembled: ${count(job.fetched?.pages ?? 0)} pages read`;
  // The page or row under way; once all are in (the state not yet moved on), the last one.
  if (job.state === 'fetching' && job.fetched)
    return `${part ? `Reading ${part}: page` : 'Fetching page'} ${count(Math.min(job.fetched.pages + 1, job.fetched.of))} of ${count(job.fetched.of)}`;
  // Into BigQuery the rows are loaded, not written: the read is over, its stage no longer said.
  if (job.state === 'writing' && job.spec.target.kind === 'bigquery')
    return job.load?.total === undefined
      ? 'Loading into BigQuery'
      : `Loading into BigQuery: ${count(job.load.total)} rows`;
  if (job.state === 'writing' && job.write)
    return `Writing rows ${count(Math.min(job.write.done + 1, job.write.total))} of ${count(job.write.total)}`;
  return job.failure === STOPPED ? 'Stopped' : STAGES[job.state];
}

/** What is left of this stage at the pace it has gone so far; null before there is a pace. */
function pace(done: number, total: number, since: number, at: number): number | null {
  return done > 0 && at > since ? Math.round(((total - done) * (at - since)) / done) : null;
}

function timeLeft(job: PullJob, now: number): number | null {
  const { fetched, write } = job;
  // The reports still to come, at the pace of those in so far (a page's pace would say seconds).
  if (partWords(job)) return reportsLeft(job, now);
  if (job.state === 'fetching' && fetched && job.spec.source.kind === 'report')
    // The first page came with the check that found the report ready.
    return pace(fetched.pages - 1, fetched.of - 1, fetched.since, fetched.at);
  if (job.state === 'writing' && write) return pace(write.done, write.total, write.since, write.at);
  return null;
}

/**
 * The reports still to come at the average time of those in, less what the one under way has run:
 * so equal reports count down smoothly across their boundaries. (Its time so far in the average,
 * over the reports in alone, raised the estimate at every check.) A report running past the average
 * holds it at the reports after it, and raises it once in, slower: that is news.
 */
function reportsLeft(job: PullJob, now: number): number | null {
  // Reports asked for together are built at once, the first's wait standing for every build: the
  // rest are timed from it, at the pace of those read after it (none yet: no pace).
  const first = job.firstIn === undefined ? 0 : 1;
  const from = job.firstIn ?? job.createdAt;
  const done = (job.part ?? 0) - first;
  // A job saved before partSince was kept: the pace as it was.
  const began = job.partSince ?? now;
  const all = pace(done, askCount(job) - first, from, began);
  return all === null ? null : all - Math.round(Math.min(now - began, (began - from) / done));
}

/**
 * A step whose request failed waits to be tried again, at any stage that reads from it (the
 * sidebar counts down to the next try); a pull must not look as if it were simply reading.
 */
function retrying(job: PullJob): boolean {
  return reading(job) && job.errors > 0;
}

/** At a stage that asks Assembled for the data (a load into BigQuery asks it nothing). */
function reading(job: PullJob): boolean {
  return job.state === 'queued' || job.state === 'fetching' || (job.state === 'running' && !job.load);
}

/** Refused by Assembled's rate limit and waiting its Retry-After, uncounted (run-pull.ts limitWait). */
function limited(job: PullJob): boolean {
  return !isTerminal(job) && job.errors === 0 && job.limitedSince !== undefined;
}

const STOPPING = 'Stop was pressed: the pull ends after the page or batch of rows under way.';

function detail(job: PullJob): string {
  if (retrying(job)) {
    // Assembled may have answered, refusing (a rate limit): the words fit any failure.
    const failed =
      job.errors === 1
        ? 'A request to Assembled failed'
        : `Requests to Assembled failed ${job.errors} times in a row`;
    const left = MAX_RETRIES + 1 - job.errors;
    return `${failedWith(failed, job.message ?? 'no reason given')} The add-on tries again, ${left === 1 ? 'once more' : `up to ${left} more times`}.`;
  }
  if (limited(job))
    return `${causeOf(job.message ?? '')}. Assembled is up, so the add-on waits its turn and tries again.`;
  switch (job.state) {
    case 'queued':
      return job.spec.source.kind === 'report'
        ? `Asking Assembled to generate ${partWords(job) || 'the report'}.${perQueue(job)}`
        : 'Reading the data from Assembled.';
    case 'running':
      if (job.load) return job.message ?? '';
      return job.polls === 0
        ? `Assembled has started the report; the add-on checks on it every few seconds.${perQueue(job)}`
        : `Checked ${counted('time')(job.polls)}: not ready yet.`;
    case 'fetching':
      return job.spec.source.kind === 'resource'
        ? 'Reading the data from Assembled. Each page is kept, so none is read twice.'
        : 'The report is ready: reading its pages from Assembled. Each page is kept, so none is read twice.';
    case 'writing':
      if (job.spec.target.kind === 'bigquery') return loadingWords(job);
      return job.spec.mode === 'replace'
        ? 'Writing the rows. The sheet shows its old table until the last rows are in, then the whole new one.'
        : 'Writing the rows into the sheet.';
    default:
      return job.message ?? '';
  }
}

/**
 * What a reader of the table sees while it loads (load-table.ts): a replace or merge loads into a
 * staging table and changes the table in one statement at the end; an append loads into it a
 * chunk at a time.
 */
const MEANWHILE: Record<PullJob['spec']['mode'], string> = {
  replace: 'Until the last are in, the table holds its old rows; then the new ones replace them all at once.',
  merge: 'Until the last are in, the table holds its old rows; then the new ones are merged in at once.',
  append: 'They join the table a batch at a time, so a reader of it meanwhile sees some of them.',
};

/** A replace or merge into a table the pull made: it has no old rows to hold meanwhile. */
const NEW_TABLE = 'The table is new: the rows appear in it once the last are in.';

/**
 * A merge or replace whose rows are all loaded, its one statement under way (load-table.ts
 * `staged`): the table changes now, no longer holding its old rows till the last are in.
 */
const FINAL: Record<'replace' | 'merge', string> = {
  replace: "Replacing the table's rows with the new ones, all at once…",
  merge: 'Merging the rows into the table, all at once…',
};

function loadingWords(job: PullJob): string {
  const { mode } = job.spec;
  if (job.load?.staged && mode !== 'append') {
    // A replace with no rows empties the table.
    if (!job.load.rows) return 'The pull found no rows: emptying the table…';
    const all = `All ${count(job.load.rows)} rows are loaded.`;
    return `${all} ${job.load.created ? 'Putting them into the new table, all at once…' : FINAL[mode]}`;
  }
  const sofar = job.load?.rows ? ` (${count(job.load.rows)} so far)` : '';
  const meanwhile = job.load?.created && job.spec.mode !== 'append' ? NEW_TABLE : MEANWHILE[job.spec.mode];
  return `Loading the rows into the table${sofar}. ${meanwhile}`;
}
