import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import type { ReportStatus } from '../model';
import { eitherKey, looseRecord, when } from './common';

/** The YAML's statuses; the live `in_progress` means running. */
const status = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.custom<string>(
      (v) => ['pending', 'running', 'in_progress', 'complete', 'failed'].includes(v as string),
      'expected one of pending, running, in_progress, complete, failed',
    ),
    z.transform((v: string): ReportStatus => (v === 'in_progress' ? 'running' : (v as ReportStatus))),
  ),
);

/**
 * The start reply's status is a free string in the YAML (its example is `pending`): an accepted job
 * is pending until a poll says otherwise, whatever word came with the 202.
 */
function startStatus(v: unknown): ReportStatus {
  const known = status.safeParse(v);
  return known.success ? known.data : 'pending';
}

/** `reportID` in the YAML, `report_id` from the live service. */
export const reportJob = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z
      .object({
        reportID: z.optional(z.string()),
        report_id: z.optional(z.string()),
        status: z.optional(z.unknown()),
      })
      .check(eitherKey('reportID', 'report_id')),
    z.transform((v) => ({ id: (v.reportID ?? v.report_id) as string, status: startStatus(v.status) })),
  ),
);

export const metric = /* @__PURE__ */ lazy(() =>
  z.object({
    name: z.string(),
    value: z._default(z.nullable(z.union([z.number(), z.string()])), null),
    /** agent_id, queue_id, type, start_time, end_time…: kept whole, times read either way. */
    attributes: z._default(looseRecord, {}),
  }),
);
export type Metric = z.output<typeof metric>;

/** One page of a report: YAML `rows`, or live `metrics` paged with total_metric_count. */
export const reportPage = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z
      .object({
        reportID: z.optional(z.string()),
        report_id: z.optional(z.string()),
        status,
        reportType: z.optional(z.string()),
        report_type: z.optional(z.string()),
        generated_at: when,
        rows: z.optional(z.array(looseRecord)),
        metrics: z.optional(z.array(metric)),
        total_metric_count: z.optional(z.number()),
        reason: z.optional(z.unknown()),
        error: z.optional(z.unknown()),
      })
      .check(eitherKey('reportID', 'report_id')),
    z.transform((v) => ({
      id: (v.reportID ?? v.report_id) as string,
      status: v.status,
      report_type: v.reportType ?? v.report_type ?? null,
      generated_at: v.generated_at,
      failure_reason: reason(v.reason ?? v.error),
      rows: v.rows,
      metrics: v.metrics,
      total_metric_count: v.total_metric_count,
    })),
  ),
);
export type ReportPage = z.output<typeof reportPage>;

function reason(error: unknown): string | null {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return null;
}
