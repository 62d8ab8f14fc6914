// A pull: what to fetch, for when, with which filters, and where in the spreadsheet it lands.
// Saved with jobs and scheduled refreshes, so it is plain JSON and validated on every read.
import * as z from 'zod/mini';
import { BigQueryTarget } from '../bigquery/target';
import { lazy } from '../lazy';
import { DateRangeSpec } from '../time/date-range';
import {
  CHANNELS,
  type FilterName,
  GRANULARITIES,
  MAX_NOTE_NAMED,
  REPORT_TYPES,
  REPORTS,
  RESOURCE_INFO,
  RESOURCES,
  type SourceInfo,
} from './catalogue';
import { keyHeaders, mergeKeyProblem } from './merge-key';
import { targetSheet } from './pull-target';
import { isRunLogSheet, RUN_LOG_SHEET } from './run-log';

/**
 * Ids a pull may filter on, across all its lists: the store is shared by every editor, so no list
 * grows without bound (a record over 9 KB is split across properties, so a large team still fits).
 */
export const MAX_FILTER_IDS = 500;
const ids = /* @__PURE__ */ lazy(() =>
  z.optional(
    z
      .array(z.string().check(z.minLength(1), z.maxLength(64, 'an id is at most 64 characters')))
      .check(z.maxLength(MAX_FILTER_IDS, `choose at most ${MAX_FILTER_IDS}`)),
  ),
);

export const PullSource = /* @__PURE__ */ lazy(() =>
  z.union([
    z.object({ kind: z.literal('report'), report: z.enum(REPORT_TYPES), granularity: z.enum(GRANULARITIES) }),
    z.object({ kind: z.literal('resource'), resource: z.enum(RESOURCES) }),
  ]),
);
export type PullSource = z.infer<typeof PullSource>;

export const PullFilters = /* @__PURE__ */ lazy(() =>
  z.object({
    queue_ids: ids,
    team_ids: ids,
    site_ids: ids,
    agent_ids: ids,
    status: z.optional(z.enum(['pending', 'approved', 'denied', 'cancelled'])),
    priority_order: z.optional(
      z
        .string()
        .check(
          z.maxLength(200, 'Platform priority is at most 200 characters.'),
          z.regex(
            /^[a-z0-9_]+(,[a-z0-9_]+)*$/,
            'Type the platform priority as a comma-separated list of platforms, like five9,zendesk.',
          ),
        ),
    ),
    channel: z.optional(z.enum(CHANNELS)),
    activity_type_ids: ids,
    /** Blank: Assembled's master schedule. */
    schedule_id: z.optional(
      z
        .string()
        .check(
          z.maxLength(100, 'A schedule id is at most 100 characters.'),
          z.regex(/^\S+$/, 'Type the schedule id without spaces.'),
        ),
    ),
  }),
);
export type PullFilters = z.infer<typeof PullFilters>;

/**
 * The names of the chosen ids (the first few dozen), as the sidebar listed them when the pull was set
 * up: a card reads "filtered: team "Tier 2"", not "1 team", and the header note names each team.
 * Only the ids are sent to Assembled.
 */
export const FilterNames = /* @__PURE__ */ lazy(() => {
  const names = z.optional(
    z
      .array(z.string().check(z.maxLength(100, 'A name is at most 100 characters.')))
      .check(z.maxLength(MAX_NOTE_NAMED)),
  );
  return z.object({
    queue_ids: names,
    team_ids: names,
    site_ids: names,
    agent_ids: names,
    activity_type_ids: names,
  });
});
export type FilterNames = z.infer<typeof FilterNames>;

/** A sheet's name; `missing` says what to do when there is none, as the form asks for it. */
const sheetName = (missing: string) =>
  z
    .string()
    .check(z.trim(), z.minLength(1, missing), z.maxLength(100, 'A sheet name is at most 100 characters.'));

export const PullTarget = /* @__PURE__ */ lazy(() =>
  z.union([
    z.object({ kind: z.literal('new_sheet'), name: sheetName('Type a name for the new sheet.') }),
    z.object({
      kind: z.literal('sheet'),
      name: sheetName('Pick the sheet to pull into: a sheet name is needed.'),
    }),
    z.object({
      kind: z.literal('cell'),
      sheet: sheetName('Select the cell to pull into: a sheet name is needed.'),
      a1: z.string().check(z.regex(/^[A-Z]{1,3}[1-9][0-9]*$/, 'a cell like B2')),
    }),
    BigQueryTarget,
  ]),
);
export type PullTarget = z.infer<typeof PullTarget>;

/** How a pull writes into its target. */
export const WRITE_MODES = ['replace', 'append', 'merge'] as const;

export const PullSpec = /* @__PURE__ */ lazy(() =>
  z.object({
    source: PullSource,
    range: z.optional(DateRangeSpec),
    filters: z._default(PullFilters, {}),
    filterNames: z.optional(FilterNames),
    target: PullTarget,
    mode: z.enum(WRITE_MODES),
    /** merge: the column that identifies a row; defaults to the source's own key. */
    mergeKey: z.optional(z.string().check(z.maxLength(100, 'Key columns are at most 100 characters.'))),
    /** Schedule grid: minutes per column (default 30). */
    gridMinutes: z.optional(z.union([z.literal(15), z.literal(30)])),
  }),
);
export type PullSpec = z.infer<typeof PullSpec>;

export function sourceInfo(source: PullSource): SourceInfo {
  return source.kind === 'report' ? REPORTS[source.report] : RESOURCE_INFO[source.resource];
}

export function sourceLabel(source: PullSource): string {
  const info = sourceInfo(source);
  return source.kind === 'report' ? `${info.label} (${source.granularity})` : info.label;
}

/** A schedule grid or coverage is a picture of its range, laid out whole: only replaced. */
export function replacedWhole(source: PullSpec['source']): boolean {
  return (
    source.kind === 'resource' && (source.resource === 'schedule_grid' || source.resource === 'coverage')
  );
}

/** Checks what the schema cannot: the range and filters the chosen source accepts. */
export function specProblems(spec: PullSpec): string[] {
  const info = sourceInfo(spec.source);
  const problems: string[] = [];
  if (info.range === 'required' && !spec.range) problems.push(`${info.label} needs a date range`);
  if (info.range === 'none' && spec.range) problems.push(`${info.label} takes no date range`);
  const grid = spec.source.kind === 'resource' && spec.source.resource === 'schedule_grid';
  const whole = replacedWhole(spec.source);
  if (whole && spec.mode !== 'replace')
    problems.push(`${info.label} is always replaced whole: choose replace`);
  if (whole && spec.target.kind === 'bigquery')
    problems.push(`${info.label} is a picture for a sheet: it cannot go to BigQuery`);
  // Refused now, not after the report is generated and the write finds no such column.
  const keyProblem =
    spec.mode === 'merge' && spec.mergeKey !== undefined
      ? mergeKeyProblem(spec.mergeKey, keyHeaders(info.key))
      : undefined;
  if (keyProblem) problems.push(keyProblem);
  if (!grid && spec.gridMinutes !== undefined) problems.push(`${info.label} takes no minutes per column`);
  // A pull there would overwrite the runs' history, and the next run's row would land in its data.
  if (spec.target.kind !== 'bigquery' && isRunLogSheet(targetSheet(spec.target)))
    problems.push(`"${RUN_LOG_SHEET}" is the add-on's log of runs: choose another sheet`);
  for (const [name, value] of Object.entries(spec.filters) as [FilterName, unknown][]) {
    if (value !== undefined && !info.filters.includes(name))
      problems.push(`${info.label} cannot be filtered by ${name}`);
  }
  const chosen = Object.values(spec.filters).reduce<number>(
    (n, v) => n + (Array.isArray(v) ? v.length : 0),
    0,
  );
  if (chosen > MAX_FILTER_IDS)
    problems.push(
      `filters: choose at most ${MAX_FILTER_IDS} queues, teams, sites and agents in all (${chosen} chosen)`,
    );
  return problems;
}
