// What the sidebar sees of pulls: plain JSON (google.script.run carries no Dates).
import type { PullJob } from '../jobs/pull-job';
import { RELATIVE_PRESETS, type RelativePreset } from '../time/date-range';
import { GRANULARITIES, REPORT_TYPES, REPORTS, RESOURCE_INFO, RESOURCES, type SourceInfo } from './catalogue';
import { sourceLabel } from './pull-spec';
import { describeTarget } from './pull-target';

export interface SourceChoice extends SourceInfo {
  kind: 'report' | 'resource';
  id: string;
}

export interface PullOptions {
  timezone: string;
  sheets: string[];
  activeCell: { sheet: string; a1: string };
  sources: SourceChoice[];
  granularities: readonly string[];
  presets: { id: RelativePreset; label: string }[];
}

export interface Choice {
  id: string;
  name: string;
}

export type ChoiceKind = 'queues' | 'teams' | 'sites' | 'agents';

export interface JobView {
  id: string;
  state: PullJob['state'];
  /** queued / running / writing / done / failed / stalled, said for a person. */
  stage: string;
  what: string;
  target: string;
  range: string;
  elapsedMs: number;
  rows: number;
  message: string;
  /** Why background runs will not finish it (no trigger, today's budget spent), else ''. */
  notice: string;
  /** When the sidebar should ask again, in ms from now; 0 when the job is over. */
  nextPollInMs: number;
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
};

const STAGES: Record<PullJob['state'], string> = {
  queued: 'Queued',
  running: 'Assembled is generating the report',
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

export function jobView(job: PullJob, now: number): JobView {
  const over = job.state === 'done' || job.state === 'failed' || job.state === 'stalled';
  return {
    id: job.id,
    state: job.state,
    stage: STAGES[job.state],
    what: sourceLabel(job.spec.source),
    target: describeTarget(job.spec.target),
    range: job.range ? `${job.range.from} to ${job.range.to}` : '',
    elapsedMs: (over ? job.updatedAt : now) - job.createdAt,
    rows: job.rows ?? 0,
    message: job.message ?? '',
    notice: over ? '' : (job.notice ?? ''),
    nextPollInMs: over ? 0 : Math.max(1_000, job.nextPollAt - now),
  };
}
