// Rows sent whose answer was lost (execution killed, timeout, unreadable reply): before any is
// sent again, ask Assembled what it holds and give each row the record that matches it. A row
// with no match was not applied and goes back to the queue. Records already claimed by a row of
// the sheet are never claimed twice.
import type { AssembledClient } from '../assembled';
import { reconcileActivities } from './activity-reconcile';
import { agentsToAsk, spanOf } from './agent-reads';
import type { PushKind } from './kinds';
import { FOUND_AFTER_INTERRUPTION } from './outcome-words';
import type { SendItem } from './send';
import type { RowOutcome } from './sheet-rows';
import { sameState } from './states-in-assembled';
import { TimeOffTypes } from './time-off-types';

/** Clocks differ: a record made a little before our mark may still be ours. */
const SKEW_MS = 10 * 60_000;

export interface ReconcileInput {
  kind: PushKind;
  items: SendItem[];
  sentAt: number;
  /** Ids the sheet already holds: never given to another row. */
  claimed: Set<string>;
}

/** Outcomes for the rows found applied; rows left out were not, and may be sent again. */
export function reconcile(client: AssembledClient, input: ReconcileInput): Map<number, RowOutcome> {
  switch (input.kind) {
    case 'time_off':
      return reconcileTimeOff(client, input);
    case 'agent_states':
      return reconcileStates(client, input);
    case 'state_edits':
      return reconcileEdits(client, input);
    case 'activities':
      return reconcileActivities(client, input);
    default:
      // Cancels, associations and windows to clear are safe to send twice.
      return new Map();
  }
}

const PAST = { insert: 'inserted', update: 'updated', delete: 'deleted' } as const;

function reconcileTimeOff(client: AssembledClient, { items, sentAt, claimed }: ReconcileInput) {
  const out = new Map<number, RowOutcome>();
  const inputs = items.flatMap((i) =>
    i.request.kind === 'time_off' ? [{ row: i.row, input: i.request.input }] : [],
  );
  if (inputs.length === 0) return out;
  const { start, end } = spanOf(inputs.map((i) => i.input));
  const agents = agentsToAsk(inputs.map((i) => i.input.agent_id));
  const records = agents
    ? agents.flatMap((agent_id) => client.listTimeOffRequests({ agent_id, start_time: start, end_time: end }))
    : client.listTimeOffRequests({ start_time: start, end_time: end });
  // Assembled may keep a type under another of its names than the one sent (SCK as sick).
  const types = new TimeOffTypes(() => client.listActivityTypes());
  for (const { row, input } of inputs) {
    const match = records.find(
      (r) =>
        !claimed.has(r.id) &&
        r.agent_id === input.agent_id &&
        r.start_time === input.start_time &&
        r.end_time === input.end_time &&
        (input.type === undefined || (r.type !== null && types.same(r.type, input.type))) &&
        (input.notes === undefined || r.notes === input.notes) &&
        (r.created_at === null || r.created_at >= sentAt - SKEW_MS),
    );
    if (!match) continue;
    claimed.add(match.id);
    out.set(row, { status: 'created', id: match.id, message: FOUND_AFTER_INTERRUPTION });
  }
  return out;
}

function reconcileStates(client: AssembledClient, { items }: ReconcileInput) {
  const out = new Map<number, RowOutcome>();
  const inputs = items.flatMap((i) =>
    i.request.kind === 'agent_states' ? [{ row: i.row, input: i.request.input }] : [],
  );
  if (inputs.length === 0) return out;
  const span = spanOf(inputs.map((i) => i.input));
  const start = span.start;
  const end = span.end + 1000;
  // The client asks for each agent named on its own (agent-states.ts), so the same cap applies.
  const agents = agentsToAsk(inputs.map((i) => i.input.agent_id));
  const states = client.getAgentStates({
    start_time: start,
    end_time: end,
    ...(agents ? { agent_ids: agents } : {}),
  });
  const used = new Set<number>();
  for (const { row, input } of inputs) {
    const at = states.findIndex((s, i) => !used.has(i) && sameState(s, input));
    if (at < 0) continue;
    used.add(at);
    out.set(row, { status: 'ingested', message: FOUND_AFTER_INTERRUPTION });
  }
  return out;
}

function reconcileEdits(client: AssembledClient, { items, sentAt, claimed }: ReconcileInput) {
  const out = new Map<number, RowOutcome>();
  const edits = client.getEditHistory({ start_time: sentAt - SKEW_MS });
  const used = new Set<number>();
  for (const { row, request } of items) {
    if (request.kind !== 'state_edits') continue;
    const at = edits.findIndex((e, i) => {
      if (used.has(i) || e.action !== request.action) return false;
      if (request.action === 'delete') return e.state_id === request.stateId;
      const after = e.after;
      const same =
        after !== null &&
        after.agent_id === request.input.agent_id &&
        after.state === request.input.state &&
        after.start_time === request.input.start_time;
      if (request.action === 'update') return same && e.state_id === request.stateId;
      return same && (e.state_id === null || !claimed.has(e.state_id));
    });
    if (at < 0) continue;
    used.add(at);
    const edit = edits[at];
    const id = request.action === 'insert' ? (edit?.state_id ?? undefined) : undefined;
    if (id) claimed.add(id);
    out.set(row, {
      status: PAST[request.action],
      message: FOUND_AFTER_INTERRUPTION,
      ...(id ? { id } : {}),
    });
  }
  return out;
}
