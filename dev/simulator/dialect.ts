// The one place where the two dialects differ. Handlers work on the canonical model (model.ts, unix
// seconds, arrays); these functions turn requests into it and records out of it.
//   seed: the YAML's shapes — ISO 8601 times, arrays, `states`, {reportID, status}, `rows`.
//   live: what API-FACTS.md reports of the live service (Assembled's own Go client and public code
//         that calls it) — unix seconds only (ISO is refused), id-keyed maps, `total` only on the lists
//         API-FACTS names, `agent_states` rows with `platform` and no id, {report_id}, `in_progress`,
//         `metrics` with `total_metric_count` (and attributes agent_id, type, start_time, end_time
//         only: no queue_id on ticket_stats').

import type { Dialect } from './api';
import type { Operation, Schema } from './contract';
import { ApiError } from './handlers/context';
import type {
  AgentState,
  AssistConversation,
  Org,
  Person,
  StateEdit,
  TimeOffRequest,
  TimeOffUpdate,
  TreeNode,
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
const NEGATIVE_SECONDS = /^-\d+$/;

/**
 * The live dialect takes unix seconds wherever the contract has a date-time, and nothing else (every
 * time Assembled's own client sends is unix seconds): lift them to ISO before validation, and refuse
 * an ISO string with a 400 naming the field. Both refuse a time before 1970: the model keeps unix
 * seconds, and nothing says the service takes a negative one (the stricter reading).
 */
export function liftRequestTimes(
  dialect: Dialect,
  operation: Operation,
  query: Record<string, string>,
  body: unknown,
): { query: Record<string, string>; body: unknown } {
  const lifted = { ...query };
  for (const name of operation.dateTimeQuery) {
    const value = lifted[name];
    if (value === undefined) continue;
    if (dialect === 'seed') seedTime(value, name);
    else if (NEGATIVE_SECONDS.test(value)) throw before1970(name, value);
    else if (!UNIX_SECONDS.test(value)) throw notUnix(name);
    else lifted[name] = isoOf(Number(value));
  }
  return {
    query: lifted,
    body: operation.bodySchema ? liftBody(dialect, body, operation.bodySchema, '') : body,
  };
}

function notUnix(field: string): ApiError {
  return new ApiError(400, `${field}: must be unix seconds (an integer), not an ISO 8601 string`);
}

function before1970(field: string, value: string | number): ApiError {
  return new ApiError(400, `${field}: ${value} is before 1970-01-01T00:00:00Z, the earliest time taken`);
}

/** A seed time (ISO, else left to validation), refused before 1970. */
function seedTime(value: unknown, field: string): unknown {
  if (typeof value === 'string' && Date.parse(value) < 0) throw before1970(field, value);
  return value;
}

function liftBody(dialect: Dialect, value: unknown, schema: Schema, at: string): unknown {
  if (schema.format === 'date-time') {
    if (dialect === 'seed') return seedTime(value, at);
    if (typeof value === 'number' && Number.isInteger(value)) {
      if (value < 0) throw before1970(at, value);
      return isoOf(value);
    }
    if (typeof value === 'string') throw notUnix(at);
    return value;
  }
  if (Array.isArray(value) && schema.items) {
    return value.map((v, i) => liftBody(dialect, v, schema.items as Schema, `${at}[${i}]`));
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && schema.properties) {
    const props = schema.properties;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        props[k] ? liftBody(dialect, v, props[k], at ? `${at}.${k}` : k) : v,
      ]),
    );
  }
  return value;
}

/** Appended to "must be a date-time" so the message says what this dialect accepts. */
export function dateTimeHint(dialect: Dialect): string {
  return dialect === 'live' ? ' in unix seconds' : '';
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

/** Seed: the YAML's record (id, source). Live: `platform` where the YAML says source, and no id. */
function state(d: Dialect, s: AgentState): Json {
  const { ticket_id: _ticket, source, id, ...rest } = s;
  const times = withTimes(d, rest, ['start_time', 'end_time']);
  return d === 'seed' ? { id, ...times, source } : { ...times, platform: source };
}

export const render = {
  person: (d: Dialect, p: Person) => withTimes(d, p, ['created_at']),
  state,
  timeOff: (d: Dialect, t: TimeOffRequest) =>
    withTimes(d, t, ['start_time', 'end_time', 'created_at', 'updated_at']),
  timeOffUpdate: (d: Dialect, u: TimeOffUpdate) => withTimes(d, u, ['updated_at']),
  /** The edit endpoints name records by id, so history keeps the id in both dialects. */
  edit: (d: Dialect, e: StateEdit): Json => ({
    ...withTimes(d, e, ['edited_at']),
    before: e.before && { id: e.before.id, ...state(d, e.before) },
    after: e.after && { id: e.after.id, ...state(d, e.after) },
  }),
  conversation: (d: Dialect, c: AssistConversation) => withTimes(d, c, ['started_at', 'ended_at']),
  /** Live: no id, as Assembled's own client reads a requirement (its type's figure for an interval). */
  requirement: <T extends { id: string; start_time: number; end_time: number }>(d: Dialect, r: T) => {
    const out = withTimes(d, r, ['start_time', 'end_time']);
    if (d === 'live') delete out.id;
    return out;
  },
  /**
   * Teams, sites, queues, skills. Seed: our catalogue's whole record. Live: what Assembled's client
   * reads, {id, name, parent_id, created_at, updated_at}; no site_id, timezone or channel.
   */
  node: (d: Dialect, n: TreeNode): Json =>
    d === 'seed'
      ? withTimes(d, n, ['created_at', 'updated_at'])
      : {
          id: n.id,
          name: n.name,
          parent_id: n.parent_id,
          created_at: n.created_at,
          updated_at: n.updated_at,
        },
};

/**
 * The live lists API-FACTS says answer `total` (with limit and offset). Every other live list is paged
 * without them, as nothing says otherwise: a client reads on until a page comes back short.
 */
const LIVE_TOTALS = new Set(['people', 'roles', 'teams', 'sites', 'queues']);

/**
 * People, roles, teams, sites, queues, skills: an array in seed, a map keyed by id in live; both paged.
 * Seed carries total, limit and offset on each; live only on the lists in LIVE_TOTALS.
 */
export function collection(dialect: Dialect, key: string, records: object[], page: Page): Json {
  if (dialect === 'seed') return { [key]: records, ...page };
  const items = Object.fromEntries(records.map((r) => [String((r as { id?: unknown }).id), r]));
  return LIVE_TOTALS.has(key) ? { [key]: items, ...page } : { [key]: items };
}

/** Seed: `{states}`, every match. Live: `{agent_states}` paged by limit/offset, with no total. */
export function agentStates(
  dialect: Dialect,
  states: AgentState[],
  page: { limit: number; offset: number },
): Json {
  if (dialect === 'seed') return { states: states.map((s) => render.state(dialect, s)) };
  const items = states.slice(page.offset, page.offset + page.limit).map((s) => render.state(dialect, s));
  return { agent_states: items };
}

const ticketIndex = new WeakMap<Org, { size: number; byId: Map<string, Org['tickets'][number]> }>();

function ticketsOf(org: Org): Map<string, Org['tickets'][number]> {
  const cached = ticketIndex.get(org);
  if (cached && cached.size === org.tickets.length) return cached.byId;
  const byId = new Map(org.tickets.map((t) => [t.id, t]));
  ticketIndex.set(org, { size: org.tickets.length, byId });
  return byId;
}

/**
 * One piece of the condensed timeline. Seed: the YAML's AgentState under `timeline`. Live: what
 * public code reads under `agent_states`: the agent's name and e-mail, the platform and the agent's id
 * there, and the ticket a busy piece was spent on.
 */
export function timelinePiece(dialect: Dialect, org: Org, s: AgentState, now: number): Json {
  if (dialect === 'seed') return render.state(dialect, s);
  const person = org.people.find((p) => p.agent_id === s.agent_id);
  const ticket = s.ticket_id ? ticketsOf(org).get(s.ticket_id) : undefined;
  return {
    agent_id: s.agent_id,
    agent_name: person ? `${person.first_name} ${person.last_name}` : null,
    agent_email: person?.email ?? null,
    platform: s.source,
    agent_platform_id: person?.platforms[s.source] ?? null,
    state: s.state,
    start_time: s.start_time,
    end_time: s.end_time,
    modified_at: s.end_time ?? now,
    external_id: ticket ? `${s.source}:${ticket.id}` : null,
    ticket_id: ticket?.id ?? null,
    ticket_status: ticket ? (ticket.solved_at !== null && ticket.solved_at <= now ? 'solved' : 'open') : null,
  };
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
        // No queue_id: no source shows one on a live metric (the stricter reading; README, Reports).
        agent_id: r.dims.agent_id ?? null,
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
