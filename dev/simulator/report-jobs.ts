// Report jobs: pending for the first third of reportDelayMs, running until it has passed, then complete
// (or failed, with the reason found when the job was started). Terminal states are final.

import type { Granularity } from './time';

export type ReportType = 'adherence' | 'ticket_stats' | 'handle_time';
export type JobStatus = 'pending' | 'running' | 'complete' | 'failed';

export interface ReportParams {
  start: number;
  end: number;
  granularity: Granularity;
  queue_ids: string[];
  team_ids: string[];
  site_ids: string[];
  agent_ids: string[];
}

/** One report row in canonical form: its dimension (agent or queue), its bucket, its numbers. */
export interface ReportRow {
  dims: { agent_id?: string; queue_id?: string };
  start_time: number;
  end_time: number;
  values: Record<string, number>;
}

export interface ReportJob {
  id: string;
  type: ReportType;
  params: ReportParams;
  startedMs: number;
  completesMs: number;
  /** Unix seconds at which the result is generated; also the "now" its open states are cut at. */
  completesAt: number;
  failure: string | null;
  /** Computed on the first read after completion, then kept. */
  rows?: ReportRow[];
}

export function jobStatus(job: ReportJob, nowMs: number): JobStatus {
  if (nowMs >= job.completesMs) return job.failure ? 'failed' : 'complete';
  return nowMs < job.startedMs + (job.completesMs - job.startedMs) / 3 ? 'pending' : 'running';
}
