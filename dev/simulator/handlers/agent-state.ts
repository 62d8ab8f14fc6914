// Agent state: read, ingest (bulk and the deprecated single POST), the condensed timeline, edits with
// their history, and platform associations.

import { agentStates, render, timelinePiece } from '../dialect';
import type { AgentState, Org } from '../model';
import {
  ApiError,
  agentIdsOf,
  agentOf,
  type Ctx,
  type Handler,
  ok,
  pageOf,
  requireOrder,
  timeOf,
} from './context';

interface StateInput {
  id?: string;
  agent_id: string;
  state: string;
  sub_state?: string;
  start_time: string;
  end_time?: string;
  /** The YAML's name for where a state came from. */
  source?: string;
  /** The live service's: its state list says `platform`, so the stricter reading takes only that. */
  platform?: string;
}

/** States overlapping [start, end), by agent in people order, then by start. */
function statesIn(org: Org, start: number, end: number, agentIds: string[] | undefined): AgentState[] {
  const out: AgentState[] = [];
  for (const [agentId, states] of org.states) {
    if (agentIds && !agentIds.includes(agentId)) continue;
    for (const s of states) {
      if (s.start_time < end && (s.end_time === null || s.end_time > start)) out.push(s);
    }
  }
  return out;
}

function rangeOf(query: Record<string, unknown>): { start: number; end: number } {
  const start = timeOf(query.start_time) ?? 0;
  const end = timeOf(query.end_time) ?? 0;
  requireOrder(start, end);
  return { start, end };
}

/** One agent id, whole: "a,b" is no agent's id, so a 400 (as the live activities filter reads it). */
function oneAgentOf(org: Org, value: unknown, field: string): string[] | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return [agentOf(org, value, field).agent_id];
}

/**
 * Seed: the YAML's comma-separated `agent_ids`. Live: one `agent_id`, as public code calling the live
 * service sends it; `agent_ids` is not known to be read there, so the stricter reading ignores it.
 */
export const getAgentStates: Handler = (ctx) => {
  const { start, end } = rangeOf(ctx.query);
  const agentIds =
    ctx.dialect === 'seed'
      ? agentIdsOf(ctx.org, ctx.query.agent_ids, 'agent_ids')
      : oneAgentOf(ctx.org, ctx.query.agent_id, 'agent_id');
  return ok(agentStates(ctx.dialect, statesIn(ctx.org, start, end, agentIds), pageOf(ctx)));
};

/** A new state record from validated input; the field prefix names it in errors (e.g. states[2].). */
function stateFrom(ctx: Ctx, input: StateInput, prefix: string, id: string): AgentState {
  const { org } = ctx;
  agentOf(org, input.agent_id, `${prefix}agent_id`);
  const start = timeOf(input.start_time) ?? 0;
  const end = timeOf(input.end_time) ?? null;
  requireOrder(start, end ?? undefined, prefix);
  return {
    id,
    agent_id: input.agent_id,
    state: input.state,
    sub_state: input.sub_state ?? null,
    start_time: start,
    end_time: end,
    source: (ctx.dialect === 'live' ? input.platform : input.source) ?? 'api',
  };
}

function insertSorted(org: Org, state: AgentState): void {
  const list = org.states.get(state.agent_id) ?? [];
  const at = list.findIndex((s) => s.start_time > state.start_time);
  list.splice(at === -1 ? list.length : at, 0, state);
  org.states.set(state.agent_id, list);
}

/** Ingested states close the agent's open state at their start, as a new platform event would. */
function ingest(org: Org, state: AgentState): void {
  for (const s of org.states.get(state.agent_id) ?? []) {
    if (s.end_time === null && s.start_time < state.start_time) s.end_time = state.start_time;
  }
  insertSorted(org, state);
}

export const postAgentState: Handler = (ctx) => {
  const state = stateFrom(ctx, ctx.body, '', ctx.org.newId());
  ingest(ctx.org, state);
  return ok(render.state(ctx.dialect, state));
};

export const bulkUpdateAgentStates: Handler = (ctx) => {
  const inputs: StateInput[] | undefined = ctx.body.states;
  if (!inputs || inputs.length === 0) throw new ApiError(400, 'Missing required field states');
  // Check every record before storing any, so a bad batch changes nothing.
  const states = inputs.map((input, i) => stateFrom(ctx, input, `states[${i}].`, ''));
  for (const state of states) ingest(ctx.org, { ...state, id: ctx.org.newId() });
  return ok({ accepted: states.length }, 202);
};

/**
 * Non-overlapping timeline per agent. Where records overlap, the source listed first in priority_order
 * wins (unlisted sources last), then the later-starting record; adjacent equal pieces are merged.
 */
export const getCondensedTimeline: Handler = (ctx) => {
  const { start, end } = rangeOf(ctx.query);
  const priority =
    typeof ctx.query.priority_order === 'string' ? ctx.query.priority_order.split(',') : undefined;
  if (ctx.dialect === 'live' && !priority) throw new ApiError(400, 'Missing required field priority_order');
  const agentIds = agentIdsOf(ctx.org, ctx.query.agent_ids, 'agent_ids');
  const rank = (s: AgentState) => {
    const i = priority?.indexOf(s.source) ?? -1;
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const better = (a: AgentState, b: AgentState) => rank(a) - rank(b) || b.start_time - a.start_time;
  const timeline: AgentState[] = [];
  const byAgent = new Map<string, AgentState[]>();
  for (const s of statesIn(ctx.org, start, end, agentIds)) {
    const list = byAgent.get(s.agent_id) ?? [];
    list.push(s);
    byAgent.set(s.agent_id, list);
  }
  for (const states of byAgent.values()) {
    const endOf = (s: AgentState) => Math.min(s.end_time ?? ctx.now, end);
    const bounds = [
      ...new Set(states.flatMap((s) => [Math.max(s.start_time, start), endOf(s)]).filter((t) => t <= end)),
    ].sort((a, b) => a - b);
    let active: AgentState[] = [];
    let next = 0;
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [a, b] = [bounds[i] ?? 0, bounds[i + 1] ?? 0];
      // States arrive sorted by start: admit those begun by `a`, drop those ended by it.
      while (next < states.length && Math.max(states[next]?.start_time ?? 0, start) <= a) {
        active.push(states[next] as AgentState);
        next++;
      }
      active = active.filter((s) => endOf(s) > a);
      const winner = [...active].sort(better)[0];
      if (!winner) continue;
      const last = timeline[timeline.length - 1];
      const same =
        last &&
        last.agent_id === winner.agent_id &&
        last.end_time === a &&
        last.state === winner.state &&
        last.sub_state === winner.sub_state &&
        last.source === winner.source;
      if (same) last.end_time = b;
      else timeline.push({ ...winner, start_time: a, end_time: b });
    }
  }
  const pieces = timeline.map((s) => timelinePiece(ctx.dialect, ctx.org, s, ctx.now));
  return ok(ctx.dialect === 'seed' ? { timeline: pieces } : { agent_states: pieces });
};

function findState(org: Org, id: string): AgentState | undefined {
  for (const states of org.states.values()) {
    const found = states.find((s) => s.id === id);
    if (found) return found;
  }
  return undefined;
}

function removeState(org: Org, state: AgentState): void {
  const list = org.states.get(state.agent_id) ?? [];
  org.states.set(
    state.agent_id,
    list.filter((s) => s !== state),
  );
}

/** Inserts, updates (which must carry the record's id) and deletes; all checked before any is applied. */
export const editAgentState: Handler = (ctx) => {
  const { org } = ctx;
  const inserts: StateInput[] = ctx.body.inserts ?? [];
  const updates: StateInput[] = ctx.body.updates ?? [];
  const deletes: string[] = ctx.body.deletes ?? [];
  if (inserts.length + updates.length + deletes.length === 0) {
    throw new ApiError(400, 'Missing required field inserts, updates or deletes');
  }
  const inserted = inserts.map((input, i) => stateFrom(ctx, input, `inserts[${i}].`, org.newId()));
  const updated = updates.map((input, i) => {
    if (input.id === undefined) throw new ApiError(400, `Missing required field updates[${i}].id`);
    const before = findState(org, input.id);
    if (!before) throw new ApiError(400, `updates[${i}].id: unknown state ${input.id}`);
    return { before, after: stateFrom(ctx, input, `updates[${i}].`, before.id) };
  });
  const deleted = deletes.map((id, i) => {
    const state = findState(org, id);
    if (!state) throw new ApiError(400, `deletes[${i}]: unknown state ${id}`);
    return state;
  });

  const record = (
    action: 'insert' | 'update' | 'delete',
    before: AgentState | null,
    after: AgentState | null,
  ) => {
    const subject = (after ?? before) as AgentState;
    org.edits.push({
      id: org.newId(),
      action,
      state_id: subject.id,
      agent_id: subject.agent_id,
      before: before && { ...before },
      after: after && { ...after },
      edited_at: ctx.now,
    });
  };
  for (const state of inserted) {
    insertSorted(org, state);
    record('insert', null, state);
  }
  for (const { before, after } of updated) {
    removeState(org, before);
    insertSorted(org, after);
    record('update', before, after);
  }
  for (const state of deleted) {
    removeState(org, state);
    record('delete', state, null);
  }
  return ok({
    inserted: inserted.map((s) => s.id),
    updated: updated.length,
    deleted: deleted.length,
  });
};

export const getEditHistory: Handler = (ctx) => {
  const start = timeOf(ctx.query.start_time);
  const end = timeOf(ctx.query.end_time);
  requireOrder(start, end);
  const edits = ctx.org.edits.filter(
    (e) => (start === undefined || e.edited_at >= start) && (end === undefined || e.edited_at < end),
  );
  return ok({ edits: edits.map((e) => render.edit(ctx.dialect, e)) });
};

/**
 * Each association needs agent_id, platform and platform_id; it sets the person's platforms entry,
 * replacing their ID there (a person holds one ID a platform: platform -> external id), so a second
 * ID loses the first without a word. Two IDs for one agent on one platform in the same request are
 * refused whole: which one the live service would keep is not known, and a caller relying on the
 * order is wrong either way. Another person holding that ID keeps it: nothing known of the live
 * service says it refuses or moves a platform ID another person holds. The platform is taken as
 * written: nothing says the live service folds case, so the stricter reading makes "Aircall"
 * another platform than "aircall".
 */
export const createAgentAssociations: Handler = (ctx) => {
  const associations: Array<{ agent_id?: string; platform?: string; platform_id?: string }> =
    ctx.body.associations ?? [];
  if (associations.length === 0) throw new ApiError(400, 'Missing required field associations');
  const people = associations.map((a, i) => {
    for (const field of ['agent_id', 'platform', 'platform_id'] as const) {
      if (!a[field]) throw new ApiError(400, `Missing required field associations[${i}].${field}`);
    }
    return agentOf(ctx.org, a.agent_id ?? '', `associations[${i}].agent_id`);
  });
  const given = new Map<string, { at: number; id: string }>();
  associations.forEach((a, i) => {
    const key = `${a.agent_id}\u0000${a.platform}`;
    const first = given.get(key);
    if (first && first.id !== a.platform_id)
      throw new ApiError(
        400,
        `associations[${i}] gives agent ${a.agent_id} a second ${a.platform} ID (${a.platform_id}) beside associations[${first.at}]'s ${first.id}: an agent has one ID a platform`,
      );
    if (!first) given.set(key, { at: i, id: a.platform_id ?? '' });
  });
  associations.forEach((a, i) => {
    const person = people[i];
    if (person && a.platform && a.platform_id) person.platforms[a.platform] = a.platform_id;
  });
  return ok({ associations }, 201);
};
