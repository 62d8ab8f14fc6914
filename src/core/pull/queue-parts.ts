// Live report metrics carry agent_id, type, start and end (API-FACTS): none names a queue. A ticket
// stats report over several queues then gives each name once per queue under one bucket's
// attributes, and its rows cannot be told apart. Such a report is asked again one queue at a time,
// each reply's rows labelled with the queue asked for; a reply that names its queue is used as it
// came, and a report of one queue is that queue's without asking again. The job keeps its queues
// before any reply asked under them is staged: an execution cut short between the two would leave
// a staged reply that the next one reads as unlabelled.
import type { ReportRow } from '../assembled/model';
import type { ReportPage } from '../assembled/schemas/reports';
import type { PullJob } from '../jobs/pull-job';
import { type PullSpec, sourceInfo } from './pull-spec';
import type { Window } from './report-buckets';

const byQueue = (key: string) => key.split(',').includes('queue_id');

/** Whether a report's page is metrics with no queue where a queue is what tells its rows apart (`key`). */
export const namesNoQueue = (key: string, page: ReportPage): boolean =>
  byQueue(key) && !!page.metrics?.some((m) => m.attributes.queue_id == null);

/** A report told apart by queue that is filtered to one is that queue's from the start. */
export function filterQueue(spec: PullSpec): string[] | undefined {
  const ids = spec.filters.queue_ids;
  return spec.source.kind === 'report' && byQueue(sourceInfo(spec.source).key) && ids?.length === 1
    ? ids
    : undefined;
}

/** The reports a job asks, one after another: its range's parts (or the whole), for each queue alone. */
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
