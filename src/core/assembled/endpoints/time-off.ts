// assembled-time-off.yml, with batched variants for the push feature.
import type { TimeOffRequest, TimeOffStatus, TimeOffUpdate } from '../model';
import { replyOf } from '../parse';
import { timeOffRequest, timeOffRequestsPage, timeOffUpdatesPage } from '../schemas/time-off';
import type { TimeInput } from '../times';
import type { Operation, Outcome } from '../transport';
import {
  type EndpointContext,
  encodePath,
  getWith,
  ignoreBody,
  optionalWireWindow,
  sendEach,
  type WriteOptions,
  wireTime,
  wireWindow,
} from './context';

export interface TimeOffInput {
  /** The person's agent_id. */
  agent_id: string;
  type?: string;
  start_time: TimeInput;
  end_time: TimeInput;
  all_day?: boolean;
  notes?: string;
}

export interface TimeOffRequestsQuery {
  status?: TimeOffStatus;
  agent_id?: string;
  start_time?: TimeInput;
  end_time?: TimeInput;
}

function createOp(
  ctx: EndpointContext,
  input: TimeOffInput,
  options: WriteOptions,
): Operation<TimeOffRequest> {
  const path = '/v0/time_off';
  const endpoint = `POST ${path}`;
  return {
    method: 'POST',
    path,
    body: {
      agent_id: input.agent_id,
      type: input.type,
      ...wireWindow(ctx, input, endpoint),
      all_day: input.all_day,
      notes: input.notes,
    },
    safeToRetry: options.safeToRetry,
    parse: replyOf(timeOffRequest),
  };
}

function cancelOp(id: string, options: WriteOptions): Operation<void> {
  return {
    method: 'POST',
    path: `/v0/time_off/${encodePath(id)}/cancel`,
    safeToRetry: options.safeToRetry,
    parse: ignoreBody,
  };
}

export function createTimeOff(
  ctx: EndpointContext,
  input: TimeOffInput,
  options: WriteOptions = {},
): TimeOffRequest {
  return ctx.transport.send(createOp(ctx, input, options));
}

/** Many creates, paced and batched; one outcome per input, in order. */
export function createTimeOffMany(
  ctx: EndpointContext,
  inputs: TimeOffInput[],
  options: WriteOptions = {},
): Outcome<TimeOffRequest>[] {
  return sendEach(ctx, inputs, (input) => createOp(ctx, input, options));
}

/** Cancels one request. Cancelling twice is harmless, so pass safeToRetry if a retry is wanted. */
export function cancelTimeOff(ctx: EndpointContext, id: string, options: WriteOptions = {}): void {
  ctx.transport.send(cancelOp(id, options));
}

export function cancelTimeOffMany(
  ctx: EndpointContext,
  ids: string[],
  options: WriteOptions = {},
): Outcome<void>[] {
  return sendEach(ctx, ids, (id) => cancelOp(id, options));
}

export function listTimeOffRequests(
  ctx: EndpointContext,
  query: TimeOffRequestsQuery = {},
): TimeOffRequest[] {
  return getWith(
    ctx,
    '/v0/time_off/requests',
    (endpoint) => ({
      status: query.status,
      agent_id: query.agent_id,
      ...optionalWireWindow(ctx, query, endpoint),
    }),
    replyOf(timeOffRequestsPage, (r) => r.requests),
  );
}

export function listTimeOffUpdates(ctx: EndpointContext, since: TimeInput): TimeOffUpdate[] {
  return getWith(
    ctx,
    '/v0/time_off/updates',
    (endpoint) => ({ since: wireTime(ctx, since, 'since', endpoint) }),
    replyOf(timeOffUpdatesPage, (r) => r.updates),
  );
}
