// A pull's rows into a BigQuery table, one load job per chunk, resumable across executions and
// idempotent: each chunk's job id is derived from the pull and the chunk, so a chunk retried
// after a kill is the same job, not a second load. Append loads into the table itself; merge and
// replace load into a staging table first, then run one MERGE on the key, or one WRITE_TRUNCATE,
// so readers see the old table until the new rows are all there.
import { type Clock, WaitTooLong, type Zone } from '../ports';
import type { PullSource } from '../pull/pull-spec';
import type { Table } from '../table/build-table';
import { CHUNK_BYTES, CHUNK_ROWS, chunks, listKeys } from './ndjson';
import { retrying } from './retry';
import { columnName, compareSchema, type Field, mapColumns } from './schema';
import { holds, layoutFor, layoutOf } from './table-layout';
import { mixingWords, tableDescription, tableHolds } from './table-source';
import { type JobInfo, type TableRef, tableRefOf, type Warehouse, WarehouseError } from './warehouse';

export interface LoadTarget extends TableRef {
  mode: 'replace' | 'append' | 'merge';
  /** merge: the source's key columns (as the table model names them). */
  key: string[];
  /** merge: the key's start and end columns, when its rows are spans of time (write-table.ts). */
  span?: readonly [string, string] | undefined;
  /** Unique per pull: job ids and the staging table are named from it. */
  runId: string;
  /** The rows' data: the table's description says it (table-source.ts). */
  source?: PullSource;
}

export interface LoadProgress {
  /** Chunks loaded so far (all of them once `staged`). */
  chunk: number;
  /** A merge or replace's rows are all in its staging table, its final query under way. */
  staged?: boolean;
  rows: number;
  bytes: number;
  finished?: boolean;
  /** The rows of the whole load, for the sidebar to say what it is loading. */
  total?: number;
  /**
   * A job started and not yet seen done, a sidebar's step having answered at the end of its turn:
   * the next step checks it (loadRunning) before building the rows again. `rows`: those it loads.
   */
  running?: { id: string; rows: number };
  /**
   * The pull made the table (it did not exist): one that ends before any row lands drops it again
   * (abandonLoad). Saved before the table is made, so a kill between the two cannot lose it.
   */
  created?: boolean;
}

export class LoadFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoadFailed';
  }
}

/** How long one execution keeps starting chunks (the rest is left for the next). */
export const LOAD_BUDGET_MS = 150_000;
/**
 * How long a sidebar's call that starts the load (its read just over) waits on its jobs: a day's
 * few jobs and a merge's statement (a second or two each) are done in it, no call more to check
 * them; a bigger load says "Loading (N so far)" this soon, where a whole turn of loading went by
 * under the read's words (QA). Its later calls wait their whole turn.
 */
const FIRST_LOAD_MS = 8_000;
const JOB_WAIT_MS = 120_000;
/**
 * How often a load asks whether Stop was pressed, at most: a Properties read, where the job polls
 * start 500 ms apart; a Stop is still seen within a few seconds, not after the step's budget.
 */
const STOP_CHECK_MS = 2_000;

const q = (name: string) => `\`${name}\``;
const path = (t: TableRef) => q(`${t.projectId}.${t.datasetId}.${t.tableId}`);

export function consoleLink(t: TableRef): string {
  return `https://console.cloud.google.com/bigquery?project=${encodeURIComponent(t.projectId)}&ws=!1m5!1m4!4m3!1s${encodeURIComponent(t.projectId)}!2s${encodeURIComponent(t.datasetId)}!3s${encodeURIComponent(t.tableId)}`;
}

/** Where a merge or replace loads its rows before the one MERGE or WRITE_TRUNCATE: the run's own. */
export function stagingTable(target: Omit<TableRef, 'tableId'> & { runId: string }): TableRef {
  const { projectId, datasetId } = target;
  return { projectId, datasetId, tableId: `_staging_${target.runId.replace(/[^A-Za-z0-9_]/g, '_')}` };
}

/** The job id of one step of a run: letters, digits, _ and - only. */
const jobId = (runId: string, step: string) => `assembled_${runId.replace(/[^A-Za-z0-9_-]/g, '_')}_${step}`;

/** How long a run ended mid-load waits for the jobs it cancelled to end before its staging goes. */
const CANCEL_WAIT_MS = 10_000;

/** A stop's checks of its cancelled jobs are retried a little: its words wait on them. */
const CHECK_DELAYS_MS = [1_000, 2_000];

/**
 * What became of a job abandonLoad cancelled: whether it did its work all the same (`landed`: the
 * cancel came too late), or not (cancelled, failed, never started); undefined when not known,
 * BigQuery not answering or the job still running. `rows`: a load's, as BigQuery counted them.
 */
export interface JobEnd {
  landed?: boolean;
  rows?: number;
}

/**
 * The chunk after the last one saved, and a merge or replace's final query; `made`, a table the
 * pull made and left with no rows: whether it was dropped, or is left (BigQuery refused the drop).
 */
export interface Abandoned {
  chunk: JobEnd;
  final?: JobEnd;
  made?: 'dropped' | 'left';
}

/**
 * A run that ends before its rows went in (stopped, failed, given up): the jobs it may have left
 * running in BigQuery (the chunk after the last one saved, a merge or replace's final query) are
 * cancelled and waited for a little, so that none lands rows afterwards, or makes the staging
 * table again after its drop (a load creates its table if needed); then a merge or replace drops
 * its staging table, and a table the pull made goes too when no row landed in it, as it was before
 * the pull. Once and best effort: nothing refused here changes how the run ended. Says what became
 * of each job, for a stop to say what the table holds.
 */
export function abandonLoad(
  w: Warehouse,
  clock: Clock,
  target: TableRef & Pick<LoadTarget, 'mode' | 'runId'>,
  progress: Pick<LoadProgress, 'chunk' | 'rows' | 'created'> = { chunk: 0, rows: 0 },
): Abandoned {
  const staged = target.mode !== 'append';
  const chunk = jobId(target.runId, `c${progress.chunk}`);
  const final = jobId(target.runId, target.mode);
  // Each job as last seen: 'none' never started (404); undefined, BigQuery not answering.
  const seen = new Map<string, JobInfo | 'none' | undefined>();
  for (const id of staged ? [chunk, final] : [chunk]) {
    try {
      seen.set(id, w.cancelJob(target.projectId, id));
    } catch (error) {
      seen.set(id, error instanceof WarehouseError && error.code === 404 ? 'none' : undefined);
    }
  }
  const running = () => [...seen].filter(([, s]) => typeof s === 'object' && !s.done).map(([id]) => id);
  const checked = retrying(w, clock, CHECK_DELAYS_MS);
  const until = clock.now() + CANCEL_WAIT_MS;
  for (let wait = 500; running().length && clock.now() < until; wait = Math.min(wait * 2, 4_000)) {
    try {
      clock.sleep(wait);
      for (const id of running()) seen.set(id, checked.job(target.projectId, id));
    } catch {
      break; // No time left in this execution, or BigQuery not answering: drop what can be.
    }
  }
  if (staged) {
    try {
      w.dropTable(stagingTable(target));
    } catch {
      // Left behind: the run's outcome is what matters to the person.
    }
  }
  const end = (id: string): JobEnd => {
    const s = seen.get(id);
    if (s === 'none') return { landed: false };
    if (!s?.done) return {};
    return { landed: !s.error, ...(s.outputRows === undefined ? {} : { rows: s.outputRows }) };
  };
  const ended: Abandoned = { chunk: end(chunk), ...(staged ? { final: end(final) } : {}) };
  // Not known that no row landed (a job BigQuery did not answer for): the table stays.
  const none = staged ? ended.final?.landed === false : !progress.rows && ended.chunk.landed === false;
  if (progress.created && none) ended.made = dropMade(w, target);
  return ended;
}

/** Drops a table the pull made, unless rows came into it from elsewhere meanwhile (then undefined). */
function dropMade(w: Warehouse, target: TableRef): Abandoned['made'] {
  try {
    const info = w.table(tableRefOf(target));
    if (info && info.numRows > 0) return undefined;
    if (info) w.dropTable(tableRefOf(target));
    return 'dropped';
  } catch {
    return 'left';
  }
}

/** `stopped` asked at most every STOP_CHECK_MS; true from the first time it says so. */
function stopCheck(clock: Pick<Clock, 'now'>, stopped: () => boolean): () => boolean {
  let asked = Number.NEGATIVE_INFINITY;
  let seen = false;
  return () => {
    if (seen || clock.now() - asked < STOP_CHECK_MS) return seen;
    asked = clock.now();
    seen = stopped();
    return seen;
  };
}

/**
 * The job once done; undefined when it outlasts the wait (JOB_WAIT_MS, or a sidebar's turn: `until`)
 * or Stop is pressed meanwhile.
 */
function waitFor(
  w: Warehouse,
  clock: Clock,
  projectId: string,
  id: string,
  stopped: () => boolean,
  started: { job: ReturnType<Warehouse['job']>; until: number },
) {
  let info = started.job;
  const until = Math.min(clock.now() + JOB_WAIT_MS, started.until);
  for (let wait = 500; !info.done && clock.now() < until; wait = Math.min(wait * 2, 8_000)) {
    // Left running: the stop that ends the run cancels it (abandonLoad).
    if (stopped()) return undefined;
    w.sleep(Math.min(wait, until - clock.now()));
    info = w.job(projectId, id);
  }
  if (!info.done) return undefined;
  if (info.error) throw new LoadFailed(`BigQuery refused the load: ${info.error}`);
  return info;
}

type LoadDeps = {
  clock: Clock;
  zone: Zone;
  save: (p: LoadProgress) => void;
  budgetMs?: number;
  /** Whether Stop was pressed on the run (asked between chunks and while a job is waited for). */
  stopped?: () => boolean;
  /**
   * The end of a sidebar's turn (run-pull.ts sidebarTurn): no chunk after the step's first is
   * started past it, nor a job waited for, one still running left for the next call to check. The
   * dispatcher's step has none: it starts chunks for budgetMs and waits up to JOB_WAIT_MS a job.
   */
  until?: number;
};

/**
 * Carries the load as far as this execution's budget allows, saving progress after each chunk.
 * Returns the progress; `finished` once the table holds the rows. BigQuery's transient errors are
 * retried with backoff; one that outlasts the execution leaves the rest to the next. Stop pressed
 * meanwhile ends the step within seconds, not finished, its job left for the stop to cancel.
 */
export function loadTable(
  w: Warehouse,
  target: LoadTarget,
  table: Table,
  records: readonly Record<string, unknown>[],
  deps: LoadDeps,
  progress?: LoadProgress,
): LoadProgress {
  const total = table.rows.length;
  const from = progress ?? { chunk: 0, rows: 0, bytes: 0 };
  let saved = { ...from, total };
  const save = (p: LoadProgress) => {
    saved = { ...p, total };
    deps.save(saved);
  };
  // Nothing of the load saved yet: its first step, in a sidebar's call the one whose read just ended.
  const opening = !progress;
  try {
    return {
      ...loadSteps(retrying(w, deps.clock), target, table, records, { ...deps, save }, from, opening),
      total,
    };
  } catch (error) {
    if (error instanceof WaitTooLong) return saved;
    throw error;
  }
}

function loadSteps(
  w: Warehouse,
  target: LoadTarget,
  table: Table,
  records: readonly Record<string, unknown>[],
  deps: LoadDeps,
  progress: LoadProgress,
  opening: boolean,
): LoadProgress {
  const { clock } = deps;
  const started = clock.now();
  const sidebar = deps.until !== undefined;
  const until = deps.until ?? Number.POSITIVE_INFINITY;
  // A sidebar's call that starts the load waits FIRST_LOAD_MS on its jobs, not its turn: the chunk
  // started past that answers at once, running, as one outlasting a turn does (loadRunning checks).
  const waits = sidebar && opening ? Math.min(until, started + FIRST_LOAD_MS) : until;
  const stopped = stopCheck(clock, deps.stopped ?? (() => false));
  const ends = Math.min(started + (deps.budgetMs ?? LOAD_BUDGET_MS), until);
  const mapped = mapColumns(table, listKeys(records));
  const label = `${target.projectId}.${target.datasetId}.${target.tableId}`;
  w.ensureDataset(target.projectId, target.datasetId);
  const existing = w.table(target);
  const mixing =
    existing && target.source && mixingWords(label, target.mode, existing.description, target.source);
  if (mixing) throw new LoadFailed(mixing);
  const description = target.source && tableDescription(target.source);
  let fields: Field[] = mapped.map((m) => m.field);
  const compared = existing && compareSchema(existing.fields, mapped, label);
  // A replace of a table that cannot hold the rows as it is (another report's, partitioned or
  // clustered on columns they lack, or a column of another type) makes it anew at the end.
  const remake =
    target.mode === 'replace' && !!existing && (!holds(existing, fields) || !!compared?.problems.length);
  const made = { ...layoutFor(fields), ...(description ? { description } : {}) };
  // A job seen running before is started again by its id below: BigQuery answers it as it is now.
  const { running: _, ...before } = progress;
  if (!existing) {
    // Saved first: a run ended before any row lands drops the table it made (abandonLoad).
    if (!before.created) {
      before.created = true;
      deps.save(before);
    }
    w.createTable(target, fields, made);
  } else if (compared && !remake) {
    if (compared.problems.length)
      throw new LoadFailed(`Cannot load into ${label}: ${compared.problems.join('; ')}`);
    fields = compared.fields;
    // A new source column is added to the table before rows that carry it arrive; a column loaded
    // before its unit was described (durations in days) is described now. Descriptions there stay.
    const { added, described } = compared;
    if (added.length || described.size)
      w.patchSchema(target, [
        ...existing.fields.map((f) => {
          const description = f.description ?? described.get(f.name);
          return {
            name: f.name,
            type: f.type,
            mode: f.mode ?? 'NULLABLE',
            ...(description ? { description } : {}),
          } as Field;
        }),
        ...added,
      ]);
  }
  const staged = target.mode !== 'append';
  const staging = stagingTable(target);
  const into = staged ? staging : target;
  let p: LoadProgress = before;
  const first = p.chunk;
  const limits = { bytes: CHUNK_BYTES, rows: Math.min(CHUNK_ROWS, w.chunkRows ?? CHUNK_ROWS) };
  for (const chunk of chunks(table, records, mapped, fields, deps.zone, p.chunk, limits)) {
    // The step's first chunk goes whatever the time: the rows were built for it.
    if ((chunk.index > first && clock.now() > ends) || stopped()) return p;
    const id = jobId(target.runId, `c${chunk.index}`);
    const configuration = {
      load: {
        destinationTable: tableRefOf(into),
        sourceFormat: 'NEWLINE_DELIMITED_JSON',
        writeDisposition: 'WRITE_APPEND',
        createDisposition: 'CREATE_IF_NEEDED',
        schema: { fields },
        ...(staged ? {} : { schemaUpdateOptions: ['ALLOW_FIELD_ADDITION'] }),
      },
    };
    const job = waitFor(w, clock, target.projectId, id, stopped, {
      job: w.startJob(target.projectId, id, configuration, chunk.text),
      until: waits,
    });
    if (!job) return { ...p, running: { id, rows: chunk.rows } };
    p = { ...p, chunk: chunk.index + 1, rows: p.rows + chunk.rows, bytes: p.bytes + chunk.bytes };
    deps.save(p);
  }
  if (staged) {
    const columns = fields.map((f) => q(f.name));
    const sql =
      target.mode === 'merge'
        ? mergeSql(target, staging, fields, target.key.map(columnName), target.span?.map(columnName))
        : p.chunk === 0
          ? `DELETE FROM ${path(target)} WHERE TRUE`
          : undefined;
    const id = jobId(target.runId, target.mode);
    const query = sql
      ? { query: sql, useLegacySql: false }
      : {
          query: `SELECT ${columns.join(', ')} FROM ${path(staging)}`,
          useLegacySql: false,
          destinationTable: tableRefOf(target),
          writeDisposition: 'WRITE_TRUNCATE',
          // The table's own layout, as BigQuery requires of a query that overwrites it.
          ...(existing && !remake ? layoutOf(existing) : layoutFor(fields)),
        };
    if (target.mode === 'replace' || p.chunk > 0) {
      if (stopped()) return p;
      // Readers find the table missing, then empty, until the query below is done: BigQuery has no
      // swap to another layout. Cut short meanwhile, the next execution makes it (above) and goes on.
      if (remake) {
        w.dropTable(target);
        w.createTable(target, fields, made);
      }
      // A sidebar's later call answers once it is started, no chunk being left for the rows it
      // built, and the table changing with it (a Stop then comes too late: stoppedLoad); its next
      // call checks. The call that started the load waits on it as on its chunks.
      const job = waitFor(w, clock, target.projectId, id, stopped, {
        job: w.startJob(target.projectId, id, { query }),
        until: sidebar && !opening ? clock.now() : waits,
      });
      if (!job) return { ...p, staged: true, running: { id, rows: 0 } };
    }
    if (p.chunk > 0) w.dropTable(staging);
  }
  // A replace's table holds the new data now; one that said nothing holds it as well. A description
  // of the person's own is theirs to keep.
  const ours = tableHolds(existing?.description) !== undefined;
  if (description && existing && existing.description !== description)
    if (!existing.description || (target.mode === 'replace' && ours)) w.describeTable(target, description);
  p = { ...p, finished: true };
  deps.save(p);
  return p;
}

/**
 * One MERGE on the key; rows repeated in the staging table (a chunk loaded twice) count once. With
 * a span, as in a sheet (overlaps.ts): the table's rows of the same record whose span a new row
 * overlaps come along marked `_gone` and are deleted in the same statement, so readers never see a
 * week both cut short and whole; a new row inside a longer one of the table is left out.
 */
function mergeSql(
  target: TableRef,
  staging: TableRef,
  fields: Field[],
  key: string[],
  span?: string[],
): string {
  const cols = fields.map((f) => q(f.name));
  const same = (a: string, b: string, ks: string[]) =>
    ks.map((k) => `${a}.${q(k)} IS NOT DISTINCT FROM ${b}.${q(k)}`).join(' AND ');
  const set = fields.filter((f) => !key.includes(f.name)).map((f) => `${q(f.name)} = S.${q(f.name)}`);
  const once = `QUALIFY ROW_NUMBER() OVER (PARTITION BY ${key.map(q).join(', ')}) = 1`;
  let source = `SELECT ${cols.join(', ')} FROM ${path(staging)} WHERE TRUE ${once}`;
  if (span) {
    const [start, end] = span.map(q) as [string, string];
    const gone = fields.map((f) => (key.includes(f.name) ? `G.${q(f.name)}` : 'NULL'));
    const entity = key.filter((k) => !span.includes(k));
    const near = (...more: string[]) =>
      [same('N', 'G', entity), ...more, `NOT (${same('N', 'G', span)})`].filter(Boolean).join(' AND ');
    source = [
      `WITH fresh AS (${source}),`,
      // A new row inside a longer row of the table is left out: a part week never replaces a whole one.
      `kept AS (SELECT * FROM fresh N WHERE NOT EXISTS (SELECT 1 FROM ${path(target)} G WHERE ${near(`G.${start} <= N.${start} AND N.${end} <= G.${end}`)}))`,
      'SELECT *, FALSE AS _gone FROM kept',
      `UNION ALL (SELECT ${gone.join(', ')}, TRUE FROM ${path(target)} G WHERE EXISTS (SELECT 1 FROM kept N WHERE ${near(`N.${start} < G.${end} AND G.${start} < N.${end}`)}) ${once})`,
    ].join('\n');
  }
  return [
    `MERGE ${path(target)} T`,
    `USING (${source}) S`,
    `ON ${same('T', 'S', key)}`,
    span ? 'WHEN MATCHED AND S._gone THEN DELETE' : '',
    set.length ? `WHEN MATCHED THEN UPDATE SET ${set.join(', ')}` : '',
    `WHEN NOT MATCHED${span ? ' AND NOT S._gone' : ''} THEN INSERT (${cols.join(', ')}) VALUES (${cols.map((c) => `S.${c}`).join(', ')})`,
  ]
    .filter(Boolean)
    .join('\n');
}
