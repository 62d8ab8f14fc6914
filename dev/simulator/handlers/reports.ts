// Report jobs: start (202) and poll. A job's failure is decided from its inputs when it starts and shown
// once its time is up; its rows are computed from the org on the first read after completion.

import { reportResult, reportStarted } from '../dialect';
import { jobStatus, type ReportJob, type ReportParams, type ReportType } from '../report-jobs';
import { computeReport, reportFailure } from '../reports';
import { bucketStart, DAY, type Granularity } from '../time';
import { ApiError, type Handler, ok, pageOf, requireOrder, timeOf } from './context';

/** Without start_time a report starts at the UTC midnight 7 days before its end (default: now). */
const DEFAULT_RANGE_DAYS = 7;

export const startReport: Handler = (ctx) => {
  const { body } = ctx;
  const end = timeOf(body.end_time) ?? ctx.now;
  const start = timeOf(body.start_time) ?? bucketStart(end - DEFAULT_RANGE_DAYS * DAY, 'day');
  requireOrder(start, end);
  const params: ReportParams = {
    start,
    end,
    granularity: (body.granularity as Granularity | undefined) ?? 'day',
    queue_ids: body.queue_ids ?? [],
    team_ids: body.team_ids ?? [],
    site_ids: body.site_ids ?? [],
    agent_ids: body.agent_ids ?? [],
  };
  const completesMs = ctx.nowMs + ctx.reportDelayMs;
  const job: ReportJob = {
    id: ctx.org.newId(),
    type: ctx.params.reportType as ReportType,
    params,
    startedMs: ctx.nowMs,
    completesMs,
    completesAt: Math.floor(completesMs / 1000),
    failure: reportFailure(ctx.org, params),
  };
  ctx.jobs.set(job.id, job);
  return ok(reportStarted(ctx.dialect, job), 202);
};

export const getReport: Handler = (ctx) => {
  const job = ctx.jobs.get(ctx.params.reportID ?? '');
  if (!job) throw new ApiError(404, `Report ${ctx.params.reportID} not found`);
  const status = jobStatus(job, ctx.nowMs);
  if (status === 'complete') job.rows ??= computeReport(ctx.org, job.type, job.params, job.completesAt);
  const rows = status === 'complete' ? (job.rows ?? []) : [];
  const page = pageOf(ctx);
  return ok(
    reportResult(ctx.dialect, job, status, rows, { ...page, limit: Math.min(page.limit, ctx.reportPageMax) }),
  );
};
