// The one place where the two dialects differ. Handlers work on the canonical model (model.ts, unix
// seconds, arrays); these functions turn requests into it and records out of it.
//   seed: the YAML's shapes — ISO 8601 times, arrays, `states`, {reportID, status}, `rows`.
//   live: what API-FACTS.md reports of the live service — unix seconds, id-keyed maps, `agent_states`,
//         {report_id}, `in_progress`, `metrics` with `total_metric_count`.

import type { Dialect } from './api';
import type { Operation, Schema } from './contract';
import type {
  AgentState,
  AssistConversation,
  Person,
  StateEdit,
  TimeOffRequest,
  TimeOffUpdate,
} from './model';
import type { JobStatus, ReportJob, ReportRow } from './report-jobs';
import { isoOf } from './time';

type Json = Record<string, unknown>;

export interface Page {
  total: number;
  limit: number;
  offset: number;
}

// ---- requests ----

const UNIX_SECONDS = /^\d{1,12}$/;

/** The live dialect also takes unix seconds wherever the contract has a date-time: lift them to ISO before validation. */
export function liftRequestTimes(
  dialect: Dialect,
  operation: Operation,
  query: Record<string, string>,
  body: unknown,
): { query: Record<string, string>; body: unknown } {
  if (dialect === 'seed') return { query, body };
  const lifted = { ...query };
  for (const name of operation.dateTimeQuery) {
    const value = lifted[name];
    if (value !== undefined && UNIX_SECONDS.test(value)) lifted[name] = isoOf(Number(value));
  }
  return { query: lifted, body: operation.bodySchema ? liftBody(body, operation.bodySchema) : body };
}

function liftBody(value: unknown, schema: Schema): unknown {
  if (schema.format === 'date-time' && typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    return isoOf(value);
  }
  if (Array.isArray(value) && schema.items) return value.map((v) => liftBody(v, schema.items as Schema));
  if (value && typeof value === 'object' && !Array.isArray(value) && schema.properties) {
    const props = schema.properties;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, props[k] ? liftBody(v, props[k]) : v]),
    );
  }
  return value;
}

/** Appended to "must be a date-time" so the message says what this dialect accepts. */
export function dateTimeHint(dialect: Dialect): string {
  return dialect === 'live' ? ' or unix seconds' : '';
}

// ---- responses ----

function time(dialect: Dialect, sec: number | null): string | number | null {
  if (sec === null) return null;
  return dialect === 'seed' ? isoOf(sec) : sec;
}

function withTimes<T extends object>(dialect: Dialect, record: T, fields: Array<keyof T>): Json {
  const out = { ...record } as Json;
  for (const f of fields) out[f as string] = time(dialect, record[f] as number | null);
  return out;
}

export const render = {
  person: (d: Dialect, p: Person) => withTimes(d, p, ['created_at']),
  state: (d: Dialect, s: AgentState) => withTimes(d, s, ['start_time', 'end_time']),
  timeOff: (d: Dialect, t: TimeOffRequest) =>
    withTimes(d, t, ['start_time', 'end_time', 'created_at', 'updated_at']),
  timeOffUpdate: (d: Dialect, u: TimeOffUpdate) => withTimes(d, u, ['updated_at']),
  edit: (d: Dialect, e: StateEdit): Json => ({
    ...withTimes(d, e, ['edited_at']),
    before: e.before && render.state(d, e.before),
    after: e.after && render.state(d, e.after),
  }),
  conversation: (d: Dialect, c: AssistConversation) => withTimes(d, c, ['started_at', 'ended_at']),
  requirement: <T extends { start_time: number; end_time: number }>(d: Dialect, r: T) =>
    withTimes(d, r, ['start_time', 'end_time']),
};

/** People, roles, teams, sites, queues: an array in seed, a map keyed by id in live; both paged. */
export function collection(dialect: Dialect, key: string, records: object[], page: Page): Json {
  const items =
    dialect === 'seed'
      ? records
      : Object.fromEntries(records.map((r) => [String((r as { id?: unknown }).id), r]));
  return { [key]: items, ...page };
}

export function agentStates(dialect: Dialect, states: AgentState[]): Json {
  const items = states.map((s) => render.state(dialect, s));
  return dialect === 'seed' ? { states: items } : { agent_states: items };
}

export function reportStarted(dialect: Dialect, job: ReportJob): Json {
  return dialect === 'seed' ? { reportID: job.id, status: 'pending' } : { report_id: job.id };
}

/** Report status and result; rows (seed) or metrics (live) stay empty until the job is complete. */
export function reportResult(
  dialect: Dialect,
  job: ReportJob,
  status: JobStatus,
  rows: ReportRow[],
  paging: { limit: number; offset: number },
): Json {
  const failure = status === 'failed' ? { reason: job.failure } : {};
  const generatedAt = status === 'complete' ? job.completesAt : null;
  if (dialect === 'seed') {
    return {
      reportID: job.id,
      status,
      reportType: job.type,
      generated_at: time(dialect, generatedAt),
      ...failure,
      rows: rows.map((r) => ({
        ...r.dims,
        start_time: isoOf(r.start_time),
        end_time: isoOf(r.end_time),
        ...r.values,
      })),
    };
  }
  // Every row holds the same metrics; build only the requested page of the flattened list.
  const perRow = Object.keys(rows[0]?.values ?? {}).length;
  const total = rows.length * perRow;
  const metrics: Json[] = [];
  for (let i = paging.offset; i < Math.min(total, paging.offset + paging.limit); i++) {
    const r = rows[Math.floor(i / perRow)];
    const [name, value] = Object.entries(r?.values ?? {})[i % perRow] ?? [];
    if (!r) break;
    metrics.push({
      name,
      value,
      attributes: {
        agent_id: r.dims.agent_id ?? null,
        ...(r.dims.queue_id ? { queue_id: r.dims.queue_id } : {}),
        type: job.params.granularity,
        start_time: r.start_time,
        end_time: r.end_time,
      },
    });
  }
  return {
    report_id: job.id,
    status: status === 'running' ? 'in_progress' : status,
    report_type: job.type,
    generated_at: generatedAt,
    ...failure,
    metrics,
    total_metric_count: total,
    limit: paging.limit,
    offset: paging.offset,
  };
}
