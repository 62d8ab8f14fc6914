import * as z from 'zod/mini';
import type { AgentState, AgentStateEdit, AgentStateEditResult } from '../model';
import { collection, eitherKey, maybe, paging, text, time, when } from './common';

export const agentState: z.ZodMiniType<AgentState> = z.object({
  id: text,
  agent_id: z.string(),
  state: z.string(),
  sub_state: text,
  start_time: time,
  end_time: when,
  source: text,
});

/** `states` in the YAML, `agent_states` from the live service. */
export const agentStatesPage = z.pipe(
  z
    .object({
      states: z.optional(collection(agentState)),
      agent_states: z.optional(collection(agentState)),
      ...paging,
    })
    .check(eitherKey('states', 'agent_states')),
  z.transform(({ states, agent_states, ...rest }) => ({ items: states ?? agent_states ?? [], ...rest })),
);

export const timelinePage = z.object({ timeline: collection(agentState), ...paging });

export const agentStateEdit: z.ZodMiniType<AgentStateEdit> = z.object({
  id: text,
  action: text,
  state_id: text,
  agent_id: text,
  before: maybe(agentState),
  after: maybe(agentState),
  edited_at: when,
});

/** The YAML gives no schema for edit history: an `edits` list, or a bare list. */
export const editHistory = z.pipe(
  z.union([z.object({ edits: collection(agentStateEdit) }), z.array(agentStateEdit)]),
  z.transform((v): AgentStateEdit[] => (Array.isArray(v) ? v : v.edits)),
);

/** The YAML gives no reply schema for an edit: read what is there, else nothing. */
export const editResult: z.ZodMiniType<AgentStateEditResult> = z._default(
  z.object({
    inserted: z._default(z.array(z.string()), []),
    updated: maybe(z.number()),
    deleted: maybe(z.number()),
  }),
  { inserted: [], updated: null, deleted: null },
);
