// Sending a batch of valid rows, kind by kind, and turning each reply into the row's outcome:
// time off one request a row (fetchAll within the rate limit), states, edits and associations in
// batched requests. A batch the service refuses because of one record is sent again without it.
import type { AgentStateEditInput, AssembledClient, AssembledError } from '../assembled';
import { isAssembledError } from '../assembled';
import { sendActivities, sendClears } from './activity-send';
import { goneWords } from './gone-record';
import type { PushKind } from './kinds';
import { CREATED_PENDING } from './outcome-words';
import type { PushRequest } from './request';
import { type RowOutcome, toFix } from './sheet-rows';

/** A row's fate after sending: an outcome for the sheet, unknown (reconcile), or not sent (try later). */
export type Sent = RowOutcome | 'unknown' | 'retry';

export interface SendItem {
  row: number;
  request: PushRequest;
  /** Sent before, by a try whose answer was lost: it may have been applied then. */
  again?: true;
}

export interface BatchResult {
  outcomes: Map<number, Sent>;
  /** A failure that stops the whole push (the key was refused). */
  fatal?: AssembledError;
  /** The last failure that left rows to try later: the push says it while it waits. */
  retry?: AssembledError;
}

/** Kinds whose requests may be sent twice without harm. */
const IDEMPOTENT: readonly PushKind[] = ['time_off_cancel', 'associations', 'activities_clear'];

/** A row's fate after `error`; one left to try later notes the error in `why`. */
export function errorOutcome(kind: PushKind, error: AssembledError, why: Pick<BatchResult, 'retry'>): Sent {
  const fate = fateOf(kind, error);
  if (fate === 'retry') why.retry = error;
  return fate;
}

function fateOf(kind: PushKind, error: AssembledError): Sent {
  switch (error.kind) {
    case 'outcome_unknown':
      return IDEMPOTENT.includes(kind) ? 'retry' : 'unknown';
    case 'unexpected_response':
      // A 2xx whose body could not be read was applied all the same.
      return IDEMPOTENT.includes(kind) ? 'retry' : 'unknown';
    case 'rate_limited':
    case 'server':
    case 'network':
      return 'retry';
    default:
      return toFix(error.message);
  }
}

function toError(e: unknown): AssembledError {
  if (isAssembledError(e)) return e;
  throw e;
}

export function sendBatch(client: AssembledClient, kind: PushKind, items: SendItem[]): BatchResult {
  switch (kind) {
    case 'time_off':
      return sendTimeOff(client, items);
    case 'time_off_cancel':
      return sendCancels(client, items);
    case 'activities':
      return sendActivities(client, items);
    case 'activities_clear':
      return sendClears(client, items);
    default:
      return sendBulk(client, kind, items);
  }
}

function sendTimeOff(client: AssembledClient, items: SendItem[]): BatchResult {
  const inputs = items.map((i) => (i.request.kind === 'time_off' ? i.request.input : mixedBatch()));
  const replies = client.createTimeOffMany(inputs);
  const outcomes = new Map<number, Sent>();
  const why: Pick<BatchResult, 'retry'> = {};
  let fatal: AssembledError | undefined;
  items.forEach((item, i) => {
    const reply = replies[i];
    if (!reply) return;
    if (reply.ok) {
      outcomes.set(item.row, {
        status: 'created',
        id: reply.value.id,
        message: CREATED_PENDING,
      });
    } else if (reply.error.kind === 'auth') {
      fatal = reply.error;
      outcomes.set(item.row, 'retry');
    } else outcomes.set(item.row, errorOutcome('time_off', reply.error, why));
  });
  return { outcomes, ...why, ...(fatal ? { fatal } : {}) };
}

function sendCancels(client: AssembledClient, items: SendItem[]): BatchResult {
  const ids = items.map((i) => (i.request.kind === 'time_off_cancel' ? i.request.requestId : mixedBatch()));
  const replies = client.cancelTimeOffMany(ids, { safeToRetry: true });
  const outcomes = new Map<number, Sent>();
  const why: Pick<BatchResult, 'retry'> = {};
  let fatal: AssembledError | undefined;
  items.forEach((item, i) => {
    const reply = replies[i];
    const id = ids[i] as string;
    if (!reply) return;
    if (reply.ok) outcomes.set(item.row, { status: 'cancelled', id, message: 'Cancelled in Assembled.' });
    else if (reply.error.kind === 'auth') {
      fatal = reply.error;
      outcomes.set(item.row, 'retry');
    } else if (reply.error.kind === 'bad_request' && /already cancel/i.test(reply.error.detail ?? '')) {
      // A resend after a lost answer, or a request cancelled by hand: the row's intent holds.
      outcomes.set(item.row, {
        status: 'cancelled',
        id,
        message: 'Was already cancelled in Assembled.',
        already: true,
      });
    } else if (reply.error.kind === 'bad_request' && /\bdenied\b/i.test(reply.error.detail ?? '')) {
      // A denied request is not in effect either: nothing is left to cancel, so the row is done.
      outcomes.set(item.row, {
        status: 'denied',
        id,
        message: 'Was denied in Assembled, so there is nothing to cancel.',
        already: true,
      });
    } else if (reply.error.kind === 'not_found') {
      outcomes.set(item.row, toFix(`No time-off request has the id "${id}". Check the Request ID column.`));
    } else outcomes.set(item.row, errorOutcome('time_off_cancel', reply.error, why));
  });
  return { outcomes, ...why, ...(fatal ? { fatal } : {}) };
}

/** "states[3].agent_id" -> ['states', 3]: which record of a batch the service refused. */
function offendingRecord(error: AssembledError): { list: string; index: number } | undefined {
  const where = `${error.field ?? ''} ${error.detail ?? ''}`;
  const m = /\b(states|inserts|updates|deletes|associations)\[(\d+)\]/.exec(where);
  return m ? { list: m[1] as string, index: Number(m[2]) } : undefined;
}

interface BulkCall {
  /** Rows in the order of the request's lists: which row each record came from. */
  lists: Record<string, number[]>;
  send(): { inserted?: string[] };
}

function bulkCall(client: AssembledClient, kind: PushKind, items: SendItem[]): BulkCall {
  if (kind === 'agent_states') {
    const states = items.map((i) => (i.request.kind === 'agent_states' ? i.request.input : mixedBatch()));
    return {
      lists: { states: items.map((i) => i.row) },
      send: () => {
        client.bulkUpdateAgentStates(states);
        return {};
      },
    };
  }
  if (kind === 'associations') {
    const list = items.map((i) => (i.request.kind === 'associations' ? i.request.input : mixedBatch()));
    return {
      lists: { associations: items.map((i) => i.row) },
      send: () => {
        client.createAgentAssociations(list, { safeToRetry: true });
        return {};
      },
    };
  }
  const lists: Record<string, number[]> = { inserts: [], updates: [], deletes: [] };
  const edit: Required<AgentStateEditInput> = { inserts: [], updates: [], deletes: [] };
  for (const { row, request } of items) {
    if (request.kind !== 'state_edits') mixedBatch();
    if (request.action === 'insert') {
      edit.inserts.push(request.input);
      lists.inserts?.push(row);
    } else if (request.action === 'update') {
      // The record to update is named by its id inside the record.
      edit.updates.push({ ...request.input, id: request.stateId });
      lists.updates?.push(row);
    } else {
      edit.deletes.push(request.stateId);
      lists.deletes?.push(row);
    }
  }
  const body: AgentStateEditInput = {
    ...(edit.inserts.length ? { inserts: edit.inserts } : {}),
    ...(edit.updates.length ? { updates: edit.updates } : {}),
    ...(edit.deletes.length ? { deletes: edit.deletes } : {}),
  };
  return { lists, send: () => client.editAgentStates(body) };
}

const DONE_WORD: Record<string, [string, string]> = {
  states: ['ingested', 'Accepted by Assembled for ingestion.'],
  associations: ['associated', 'Platform ID associated in Assembled.'],
  inserts: ['inserted', 'State record inserted.'],
  updates: ['updated', 'State record updated.'],
  deletes: ['deleted', 'State record deleted.'],
};

/** Why Assembled refused a record, in words: a state it does not hold (deleted since?) is said plainly. */
function refusal(error: AssembledError, request: PushRequest | undefined): string {
  const unknown = /\bunknown state\b|\bstate\b.*\bnot found\b/i.test(error.detail ?? '');
  if (request?.kind === 'state_edits' && request.action !== 'insert' && unknown)
    return goneWords('state', request.stateId, '', 'the Agent-state edit history');
  return error.message;
}

/** One request for the batch; a record the service names as bad is taken out and the rest resent. */
function sendBulk(client: AssembledClient, kind: PushKind, items: SendItem[]): BatchResult {
  const outcomes = new Map<number, Sent>();
  let pending = items;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const call = bulkCall(client, kind, pending);
    try {
      const result = call.send();
      for (const [list, rows] of Object.entries(call.lists)) {
        const [status, message] = DONE_WORD[list] ?? ['done', 'Done.'];
        rows.forEach((row, i) => {
          const id = list === 'inserts' ? result.inserted?.[i] : undefined;
          outcomes.set(row, { status, message, ...(id ? { id } : {}) });
        });
      }
      return { outcomes };
    } catch (e) {
      const error = toError(e);
      if (error.kind === 'auth') {
        for (const item of pending) outcomes.set(item.row, 'retry');
        return { outcomes, fatal: error };
      }
      const bad = error.kind === 'bad_request' ? offendingRecord(error) : undefined;
      const badRow = bad ? call.lists[bad.list]?.[bad.index] : undefined;
      if (badRow === undefined || attempt >= 10) {
        const why: Pick<BatchResult, 'retry'> = {};
        const fate = errorOutcome(kind, error, why);
        for (const item of pending) outcomes.set(item.row, fate);
        return { outcomes, ...why };
      }
      const request = pending.find((p) => p.row === badRow)?.request;
      outcomes.set(badRow, toFix(refusal(error, request)));
      pending = pending.filter((p) => p.row !== badRow);
    }
  }
  return { outcomes };
}

/** Batches are made one kind at a time; a batch holding another kind is a bug in the batching. */
export function mixedBatch(): never {
  throw new Error('A batch mixes kinds of push');
}
