// assembled-reports.yml: start a job, read it, and poll it once (the caller owns the waiting).
import type { Report, ReportGranularity, ReportJob, ReportPoll, ReportType } from '../model';
import { metricsToRows } from '../normalise';
import { PAGE_SIZE, readAllPages } from '../paging';
import { parseReply, replyOf } from '../parse';
import { type Metric, type ReportPage, reportJob, reportPage } from '../schemas/reports';
import type { TimeInput } from '../times';
import type { Operation, Outcome } from '../transport';
import { type EndpointContext, encodePath, type WriteOptions, wireWindow } from './context';

export interface StartReportInput {
  start_time: TimeInput;
  end_time: TimeInput;
  queue_ids?: string[];
  team_ids?: string[];
  site_ids?: string[];
  agent_ids?: string[];
  granularity?: ReportGranularity;
}

/** A public client polled about every 10 s; offered to callers that schedule the next poll. */
export const REPORT_POLL_INTERVAL_MS = 10_000;

export function startReport(
  ctx: EndpointContext,
  type: ReportType,
  input: StartReportInput,
  options: WriteOptions = {},
): ReportJob {
  return ctx.transport.send(startOp(ctx, type, input, options));
}

/**
 * Reports of one type started together (one fetchAll batch as the rate limit allows), so that
 * Assembled builds them at once: one outcome each, in order, a refusal of one not stopping the rest.
 */
export function startReports(
  ctx: EndpointContext,
  type: ReportType,
  inputs: StartReportInput[],
): Outcome<ReportJob>[] {
  return ctx.transport.sendMany(inputs.map((input) => startOp(ctx, type, input)));
}

function startOp(
  ctx: EndpointContext,
  type: ReportType,
  input: StartReportInput,
  options: WriteOptions = {},
): Operation<ReportJob> {
  const path = `/v0/reports/${encodePath(type)}`;
  const endpoint = `POST ${path}`;
  return {
    method: 'POST',
    path,
    body: {
      ...wireWindow(ctx, input, endpoint),
      queue_ids: input.queue_ids,
      team_ids: input.team_ids,
      site_ids: input.site_ids,
      agent_ids: input.agent_ids,
      granularity: input.granularity,
    },
    // Starting a report changes no data in Assembled: a second one started after a lost answer is
    // only a report no one reads, so a 5xx is retried like a read's, not left as "not known".
    safeToRetry: options.safeToRetry ?? true,
    parse: replyOf(reportJob),
  };
}

/** The report as it stands; when complete, every row (all metric pages followed). */
export function getReport(ctx: EndpointContext, id: string): Report {
  const path = `/v0/reports/${encodePath(id)}`;
  let head: ReportPage | undefined;
  const metrics: Metric[] = readAllPages(ctx.transport, (offset) => ({
    method: 'GET',
    path,
    query: { limit: PAGE_SIZE, offset },
    parse: (json, endpoint, status) => {
      const page = parseReply(reportPage, json, endpoint, status);
      head ??= page;
      // Only a complete report's metrics are worth paging through.
      const total = page.status === 'complete' ? page.total_metric_count : undefined;
      return { items: page.metrics ?? [], total };
    },
  }));
  if (!head) throw new Error('unreachable: the first page was read');
  const rows = head.rows ?? (head.metrics ? metricsToRows(metrics) : []);
  return {
    id: head.id,
    status: head.status,
    report_type: head.report_type,
    generated_at: head.generated_at,
    failure_reason: head.failure_reason,
    rows: head.status === 'complete' ? rows : [],
  };
}

/**
 * Pages of a report's result at `offsets` (one fetchAll batch as the rate limit allows), each
 * as it came: a resumable pull keeps every page it read and asks for each one once.
 */
export type ReportPageOf = ReportPage;

export function readReportPages(ctx: EndpointContext, id: string, offsets: number[]): Outcome<ReportPage>[] {
  const path = `/v0/reports/${encodePath(id)}`;
  return ctx.transport.sendMany(
    offsets.map((offset) => ({
      method: 'GET' as const,
      path,
      query: { limit: PAGE_SIZE, offset },
      parse: replyOf(reportPage),
    })),
  );
}

/** One look at the job: never waits, never polls twice. */
export function pollReport(ctx: EndpointContext, id: string): ReportPoll {
  const report = getReport(ctx, id);
  if (report.status === 'pending' || report.status === 'running') {
    return { done: false, status: report.status, suggestedWaitMs: REPORT_POLL_INTERVAL_MS };
  }
  return { done: true, report };
}
