// Live report metrics carry agent_id, type, start and end (API-FACTS): none names a queue. A ticket
// stats report over several queues then gives each name once per queue under one bucket's
// attributes, and its rows cannot be told apart. Such a report is asked a queue at a time from the
// start (its filter's queues, else every queue), each reply's rows labelled with the queue asked
// for; a reply that names its queue is used as it came. Asked whole first, the live reply was always
// thrown away, a whole report's wait for nothing. The job keeps its queues before any reply asked
// under them is staged: an execution cut short between the two would leave a staged reply that the
// next one reads as unlabelled.
import type { Queue, ReportRow } from '../assembled/model';
import type { ReportPage } from '../assembled/schemas/reports';
import type { PullJob } from '../jobs/pull-job';
import { type PullSpec, sourceInfo } from './pull-spec';
import type { Window } from './report-buckets';

const byQueue = (key: string) => key.split(',').includes('queue_id');

/** Whether the spec's rows are told apart by queue (ticket stats): it is asked a queue at a time. */
export const askedByQueue = (spec: Pick<PullSpec, 'source'>) =>
  spec.source.kind === 'report' && byQueue(sourceInfo(spec.source).key);

/** Whether a report's page is metrics with no queue where a queue is what tells its rows apart (`key`). */
export const namesNoQueue = (key: string, page: ReportPage): boolean =>
  byQueue(key) && !!page.metrics?.some((m) => m.attributes.queue_id == null);

/** A report told apart by queue that is filtered to queues is asked for those, known from the start. */
export function filterQueues(spec: PullSpec): string[] | undefined {
  const ids = spec.filters.queue_ids;
  return askedByQueue(spec) && ids?.length ? ids : undefined;
}

/**
 * The queues a report told apart by queue is asked for, one at a time: its filter's, else every
 * queue `listed`, parents too (a parent holds its children's tickets and may hold its own,
 * catalogue.ts PARENT_QUEUES, so its report is its own figures, which no sum of theirs replaces).
 * Undefined for any other report, or when Assembled lists no queue (the report is asked whole).
 */
export function queuesToAsk(spec: PullSpec, listed: () => Queue[]): string[] | undefined {
  if (!askedByQueue(spec)) return undefined;
  const ids = filterQueues(spec) ?? listed().map((q) => q.id);
  return ids.length ? ids : undefined;
}

/**
 * Reports asked for together at most (from the one a job is on): Assembled's burst, one fetchAll,
 * and their ids keep the job's record small.
 */
export const ASK_TOGETHER = 20;

/**
 * The reports asked for together with report `part` (it first): those after it, up to ASK_TOGETHER,
 * so that Assembled builds them at once while they are read one after another. Asked a report at a
 * time, each waited its own build: ticket stats over 7 queues took 7 builds.
 */
export function partsTogether(job: Pick<PullJob, 'parts' | 'queues'>, part: number): number[] {
  const n = Math.min(askCount(job), part + ASK_TOGETHER);
  return Array.from({ length: Math.max(0, n - part) }, (_, i) => part + i);
}

/** The reports a job asks, read one after another: its range's parts (or the whole), for each queue alone. */
export const askCount = (job: Pick<PullJob, 'parts' | 'queues'>): number =>
  (job.parts?.length ?? 1) * (job.queues?.length ?? 1);

/** The queue report `part` asks alone, if any: queue by queue, each over every part of the range. */
export const queueOf = (job: Pick<PullJob, 'parts' | 'queues'>, part: number): string | undefined =>
  job.queues?.[Math.floor(part / (job.parts?.length ?? 1))];

/** The window and queue of report `part`; `whole`, the range asked when it is not in parts. */
export function askOf(
  job: Pick<PullJob, 'parts' | 'queues'>,
  part: number,
  whole: Window,
): { window: Window; queue?: string } {
  const queue = queueOf(job, part);
  const window = job.parts?.[part % job.parts.length] ?? whole;
  return queue === undefined ? { window } : { window, queue };
}

/** A reply's rows with the queue they were asked for, where they name none. */
export const labelled = (rows: ReportRow[], queue: string | undefined): ReportRow[] =>
  queue === undefined ? rows : rows.map((row) => ({ queue_id: queue, ...row }));
