// assembled-agent-state.yml, less the deprecated single-state POST.
import type { AgentState, AgentStateEdit, AgentStateEditResult } from '../model';
import { PAGE_SIZE, type Page, readAllPages } from '../paging';
import { replyOf } from '../parse';
import { agentStatesPage, editHistory, editResult, timelinePage } from '../schemas/agent-states';
import type { TimeInput } from '../times';
import type { Operation } from '../transport';
import {
  commaList,
  type EndpointContext,
  getWith,
  ignoreBody,
  optionalWireTime,
  optionalWireWindow,
  type WriteOptions,
  wireTime,
  wireWindow,
} from './context';

export interface AgentStatesQuery {
  start_time: TimeInput;
  end_time: TimeInput;
  /** Assembled agent ids (a person's agent_id, not its id). */
  agent_ids?: string[];
  /** Everyone's first page alone, one request: enough to see whether the server takes the times. */
  firstPage?: boolean;
}

export interface TimelineQuery extends AgentStatesQuery {
  /** Platforms in priority order, e.g. ['five9', 'zendesk']; the live service requires it. */
  priority_order?: string[];
}

export interface AgentStateInput {
  agent_id: string;
  state: string;
  sub_state?: string;
  start_time: TimeInput;
  end_time?: TimeInput;
  source?: string;
}

export interface AgentStateEditInput {
  inserts?: AgentStateInput[];
  /** An update names the state record it changes; the YAML's AgentStateInput allows extra fields. */
  updates?: (AgentStateInput & { id: string })[];
  /** State record ids. */
  deletes?: string[];
}

export interface AgentAssociation {
  agent_id: string;
  platform: string;
  platform_id: string;
}

/**
 * Paged by limit/offset (the YAML's one list has none); no source says the live service answers a
 * total, so pages are read, a few at once, until one comes back short (paging.ts). The YAML filters by comma-separated
 * `agent_ids`, public code calling the live service by one `agent_id`: each agent is asked for on
 * its own, with both, so either reading filters. Everyone's states over the window are the wider
 * list an agent's short first page is judged by, asked at most once a client (paging.ts).
 */
export function getAgentStates(ctx: EndpointContext, query: AgentStatesQuery): AgentState[] {
  const path = '/v0/agents/state';
  const endpoint = `GET ${path}`;
  const window = wireWindow(ctx, query, endpoint);
  const pageAt =
    (agent?: string) =>
    (offset: number): Operation<Page<AgentState>> => ({
      method: 'GET',
      path,
      query: { ...window, agent_id: agent, agent_ids: agent, limit: PAGE_SIZE, offset },
      parse: replyOf(agentStatesPage),
    });
  const read = (agent?: string) =>
    readAllPages(ctx.transport, pageAt(agent), PAGE_SIZE, {
      sizes: ctx.pageSizes,
      wider: agent === undefined ? undefined : pageAt()(0),
    });
  if (query.firstPage) return ctx.transport.send(pageAt()(0)).items;
  const agents = [...new Set(query.agent_ids ?? [])];
  return agents.length === 0 ? read() : agents.flatMap((agent) => read(agent));
}

/** `{timeline}` in the YAML, `{agent_states}` from the live service; `priority_order` required there. */
export function getCondensedTimeline(ctx: EndpointContext, query: TimelineQuery): AgentState[] {
  return getWith(
    ctx,
    '/v0/agents/state/condensed_timeline',
    (endpoint) => ({
      ...wireWindow(ctx, query, endpoint),
      agent_ids: commaList(query.agent_ids),
      priority_order: commaList(query.priority_order),
    }),
    replyOf(timelinePage, (r) => r.items),
  );
}

export function getEditHistory(
  ctx: EndpointContext,
  query: { start_time?: TimeInput; end_time?: TimeInput } = {},
): AgentStateEdit[] {
  return getWith(
    ctx,
    '/v0/agents/state/edit/history',
    (endpoint) => ({ ...optionalWireWindow(ctx, query, endpoint) }),
    replyOf(editHistory),
  );
}

function stateBody(ctx: EndpointContext, s: AgentStateInput & { id?: string }, endpoint: string) {
  return {
    ...(s.id === undefined ? {} : { id: s.id }),
    agent_id: s.agent_id,
    state: s.state,
    sub_state: s.sub_state,
    start_time: wireTime(ctx, s.start_time, 'start_time', endpoint),
    end_time: optionalWireTime(ctx, s.end_time, 'end_time', endpoint),
    // The YAML names it source; the live service's state list names it platform: one value, both names.
    source: s.source,
    platform: s.source,
  };
}

/** 202: accepted for processing; the reply carries no records. */
export function bulkUpdateAgentStates(
  ctx: EndpointContext,
  states: AgentStateInput[],
  options: WriteOptions = {},
): void {
  const path = '/v0/agents/state/bulk';
  const endpoint = `POST ${path}`;
  ctx.transport.send({
    method: 'POST',
    path,
    body: { states: states.map((s) => stateBody(ctx, s, endpoint)) },
    safeToRetry: options.safeToRetry,
    parse: ignoreBody,
  });
}

export function editAgentStates(
  ctx: EndpointContext,
  edit: AgentStateEditInput,
  options: WriteOptions = {},
): AgentStateEditResult {
  const path = '/v0/agents/state/edit';
  const endpoint = `POST ${path}`;
  return ctx.transport.send({
    method: 'POST',
    path,
    body: {
      inserts: edit.inserts?.map((s) => stateBody(ctx, s, endpoint)),
      updates: edit.updates?.map((s) => stateBody(ctx, s, endpoint)),
      deletes: edit.deletes,
    },
    safeToRetry: options.safeToRetry,
    parse: replyOf(editResult),
  });
}

export function createAgentAssociations(
  ctx: EndpointContext,
  associations: AgentAssociation[],
  options: WriteOptions = {},
): void {
  ctx.transport.send({
    method: 'POST',
    path: '/v0/agents/associations',
    body: { associations },
    safeToRetry: options.safeToRetry,
    parse: ignoreBody,
  });
}
