import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import type { AgentState, AgentStateEdit, AgentStateEditResult } from '../model';
import { collection, eitherKey, maybe, paging, text, time, when } from './common';

/** Absent stays absent (no empty column for a field no reply carries); ids may come as numbers. */
const optionalText = /* @__PURE__ */ lazy(() =>
  z.optional(
    z.nullable(
      z.pipe(
        z.union([z.string(), z.number()]),
        z.transform((v) => String(v)),
      ),
    ),
  ),
);

export const agentState: z.ZodMiniType<AgentState> = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.object({
      id: optionalText,
      agent_id: z.string(),
      agent_name: optionalText,
      agent_email: optionalText,
      state: z.string(),
      sub_state: optionalText,
      start_time: time,
      end_time: when,
      platform: optionalText,
      source: optionalText,
      agent_platform_id: optionalText,
      modified_at: z.optional(z.nullable(time)),
      external_id: optionalText,
      ticket_id: optionalText,
      ticket_status: optionalText,
    }),
    z.transform(({ source, platform, ...rest }): AgentState => {
      const out: Record<string, unknown> = { platform: platform ?? source ?? null };
      for (const [key, value] of Object.entries(rest)) if (value !== undefined) out[key] = value;
      return out as unknown as AgentState;
    }),
  ),
);

/**
 * `states` in the YAML, `agent_states` from the live service (paged there, with no known total). The
 * YAML's list has no paging: a `states` reply holds every record, so its length is the total.
 */
export const agentStatesPage = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z
      .object({
        states: z.optional(collection(agentState)),
        agent_states: z.optional(collection(agentState)),
        ...paging,
      })
      .check(eitherKey('states', 'agent_states')),
    z.transform(({ states, agent_states, ...rest }) =>
      states
        ? { ...rest, items: states, total: rest.total ?? states.length }
        : { ...rest, items: agent_states ?? [] },
    ),
  ),
);

/** `timeline` in the YAML; the live service answers `agent_states`, as its agent-state list does. */
export const timelinePage = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z
      .object({
        timeline: z.optional(collection(agentState)),
        agent_states: z.optional(collection(agentState)),
        ...paging,
      })
      .check(eitherKey('timeline', 'agent_states')),
    z.transform(({ timeline, agent_states, ...rest }) => ({
      items: timeline ?? agent_states ?? [],
      ...rest,
    })),
  ),
);

export const agentStateEdit: z.ZodMiniType<AgentStateEdit> = /* @__PURE__ */ lazy(() =>
  z.object({
    id: text,
    action: text,
    state_id: text,
    agent_id: text,
    before: maybe(agentState),
    after: maybe(agentState),
    edited_at: when,
  }),
);

/** The YAML gives no schema for edit history: an `edits` list, a bare list, or (its 200 has no content) nothing. */
export const editHistory = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.optional(z.union([z.object({ edits: collection(agentStateEdit) }), z.array(agentStateEdit)])),
    z.transform((v): AgentStateEdit[] => (v === undefined ? [] : Array.isArray(v) ? v : v.edits)),
  ),
);

/** The YAML gives no reply schema for an edit: read what is there, else nothing. */
export const editResult: z.ZodMiniType<AgentStateEditResult> = /* @__PURE__ */ lazy(() =>
  z._default(
    z.object({
      inserted: z._default(z.array(z.string()), []),
      updated: maybe(z.number()),
      deleted: maybe(z.number()),
    }),
    { inserted: [], updated: null, deleted: null },
  ),
);
