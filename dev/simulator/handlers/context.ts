// What every route handler receives and returns, and the helpers they share for the semantic rules
// that go beyond the YAML (each rule is listed in ../README.md).

import type { Dialect } from '../api';
import type { Org, Person } from '../model';
import type { ReportJob } from '../report-jobs';
import { secOf } from '../time';

export interface Ctx {
  org: Org;
  dialect: Dialect;
  nowMs: number;
  /** nowMs in unix seconds. */
  now: number;
  params: Record<string, string>;
  /** The query as sent, for list parameters that may repeat (agents=a&agents=b). */
  rawQuery?: URLSearchParams;
  /** Validated query: date-times as ISO strings, integers coerced, defaults filled. */
  query: Record<string, unknown>;
  /** Validated JSON body (its date-times as ISO strings in both dialects). */
  // biome-ignore lint/suspicious/noExplicitAny: the body has just been validated against the operation's schema
  body: any;
  jobs: Map<string, ReportJob>;
  reportDelayMs: number;
  reportPageMax: number;
  /** Most records a list page holds, whatever `limit` asks (SimulatorOptions.pageMax). */
  pageMax: number;
  /** Most records a list's first page holds (FaultOptions.firstPageMax). */
  firstPageMax: number;
  /** The time-off list leaves cancelled requests out unless asked (SimulatorOptions.listHidesCancelledTimeOff). */
  hidesCancelledTimeOff: boolean;
}

export interface Reply {
  status: number;
  body: unknown;
}

export type Handler = (ctx: Ctx) => Reply;

/** An HTTP error answered with a plain-text message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });

/** A validated ISO date-time from the query or body, as unix seconds. */
export function timeOf(value: unknown): number | undefined {
  return typeof value === 'string' ? secOf(value) : undefined;
}

export function requireOrder(start: number | undefined, end: number | undefined, prefix = ''): void {
  if (start !== undefined && end !== undefined && end <= start) {
    throw new ApiError(400, `${prefix}end_time: must be after ${prefix}start_time`);
  }
}

/** The person whose agent_id this is; a person id or an unknown id is a 400 naming the field. */
export function agentOf(org: Org, agentId: string, field: string): Person {
  const person = org.people.find((p) => p.agent_id === agentId);
  if (person) return person;
  if (org.people.some((p) => p.id === agentId)) {
    throw new ApiError(
      400,
      `${field}: ${agentId} is a person id; agent endpoints take the person's agent_id`,
    );
  }
  throw new ApiError(400, `${field}: unknown agent ${agentId}`);
}

/** Comma-separated agent ids from a query parameter, each checked. */
export function agentIdsOf(org: Org, value: unknown, field: string): string[] | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const id of ids) agentOf(org, id, field);
  return ids;
}

/** The page asked for, its `limit` cut to the server's page size: the page it answers. */
export function pageOf(ctx: Ctx): { limit: number; offset: number } {
  const offset = Number(ctx.query.offset ?? 0);
  const cap = offset === 0 ? Math.min(ctx.pageMax, ctx.firstPageMax) : ctx.pageMax;
  return { limit: Math.min(Number(ctx.query.limit ?? 100), cap), offset };
}

export function paged<T>(items: T[], page: { limit: number; offset: number }): T[] {
  return items.slice(page.offset, page.offset + page.limit);
}
