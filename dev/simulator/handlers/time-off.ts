// Time off: create (always pending), list, cancel, and the update stream. Approving or denying is a
// manager's act in Assembled's UI, so the simulator exposes it through admin.decideTimeOff (and a
// manager's cancel through admin.cancelTimeOff, by the API's rules).

import { render } from '../dialect';
import type { Org, TimeOffRequest, TimeOffStatus } from '../model';
import { seedFrom } from '../prng';
import { approveInStore, timeOffKeyOf, timeOffTypeOf } from '../schedules';
import { ApiError, agentOf, type Handler, ok, requireOrder, timeOf } from './context';

export const createTimeOff: Handler = (ctx) => {
  const { org, body } = ctx;
  const person = agentOf(org, body.agent_id, 'agent_id');
  if (person.deleted) throw new ApiError(400, `agent_id: agent ${body.agent_id} has left the organisation`);
  const start = timeOf(body.start_time) ?? 0;
  const end = timeOf(body.end_time) ?? 0;
  requireOrder(start, end);
  // Stricter than the YAML (a free string): a type the account does not have is refused.
  const type = typeof body.type === 'string' ? timeOffTypeOf(body.type) : undefined;
  if (body.type !== undefined && !type)
    throw new ApiError(400, `type: ${JSON.stringify(body.type)} is not a time off type of this account`);
  const request: TimeOffRequest = {
    id: org.newId(),
    agent_id: person.agent_id,
    type: type ? timeOffKeyOf(type) : 'pto',
    status: 'pending',
    start_time: start,
    end_time: end,
    all_day: body.all_day ?? false,
    notes: body.notes ?? '',
    approver_id: null,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  org.timeOff.push(request);
  org.timeOffUpdates.push({ request_id: request.id, change_type: 'created', updated_at: ctx.now });
  return ok(render.timeOff(ctx.dialect, request), 201);
};

export const listTimeOffRequests: Handler = (ctx) => {
  const { query } = ctx;
  const start = timeOf(query.start_time);
  const end = timeOf(query.end_time);
  requireOrder(start, end);
  if (typeof query.agent_id === 'string') agentOf(ctx.org, query.agent_id, 'agent_id');
  // Asked for no status, a list that hides cancelled requests (SimulatorOptions) leaves them out.
  const shown = (t: TimeOffRequest) =>
    query.status === undefined
      ? !(ctx.hidesCancelledTimeOff && t.status === 'cancelled')
      : t.status === query.status;
  const requests = ctx.org.timeOff
    .filter(
      (t) =>
        shown(t) &&
        (query.agent_id === undefined || t.agent_id === query.agent_id) &&
        (start === undefined || t.end_time > start) &&
        (end === undefined || t.start_time < end),
    )
    .sort((a, b) => a.start_time - b.start_time);
  return ok({ requests: requests.map((t) => render.timeOff(ctx.dialect, t)) });
};

export const cancelTimeOffRequest: Handler = (ctx) => {
  const request = ctx.org.timeOff.find((t) => t.id === ctx.params.id);
  if (!request) throw new ApiError(404, `Time off request ${ctx.params.id} not found`);
  cancel(ctx.org, request, ctx.now);
  return ok(render.timeOff(ctx.dialect, request));
};

/** Why a request cannot be cancelled, in the API's words; null for a pending or approved one. */
export function cancelRefused(request: TimeOffRequest): string | null {
  if (request.status === 'cancelled') return `Time off request ${request.id} is already cancelled`;
  if (request.status === 'denied') return `Time off request ${request.id} was denied and cannot be cancelled`;
  return null;
}

/** Cancels a request, through the API or by a manager in Assembled's UI: the same rules for both. */
export function cancel(org: Org, request: TimeOffRequest, now: number): void {
  const refused = cancelRefused(request);
  if (refused) throw new ApiError(400, refused);
  setStatus(org, request, 'cancelled', now);
}

/** Updates at or after `since` (inclusive, so a poller that re-sends its last mark may see repeats). */
export const listTimeOffUpdates: Handler = (ctx) => {
  const since = timeOf(ctx.query.since) ?? 0;
  const updates = ctx.org.timeOffUpdates.filter((u) => u.updated_at >= since);
  return ok({ updates: updates.map((u) => render.timeOffUpdate(ctx.dialect, u)) });
};

export function setStatus(org: Org, request: TimeOffRequest, status: TimeOffStatus, now: number): void {
  request.status = status;
  request.updated_at = now;
  org.timeOffUpdates.push({ request_id: request.id, change_type: status, updated_at: now });
}

/** A manager's decision on a pending request; an approved one takes its time out of the schedule. */
export function decide(
  org: Org,
  request: TimeOffRequest,
  decision: 'approved' | 'denied',
  now: number,
  approverId?: string,
): void {
  request.approver_id = approverId ?? org.people.find((p) => !p.staffable && !p.deleted)?.id ?? null;
  setStatus(org, request, decision, now);
  if (decision !== 'approved') return;
  const schedule = org.schedules.get(request.agent_id) ?? [];
  org.schedules.set(
    request.agent_id,
    schedule.filter((s) => s.end <= request.start_time || s.start >= request.end_time),
  );
  approveInStore(org, request);
}

/**
 * Managers who decide what waits for them: each request still pending `after` seconds after it was
 * made is approved, or one in five denied (by its id, so the same every run), at that time.
 */
export function decidePending(org: Org, now: number, after: number): void {
  for (const request of org.timeOff) {
    if (request.status !== 'pending' || request.created_at + after > now) continue;
    decide(org, request, seedFrom(request.id) % 5 === 0 ? 'denied' : 'approved', request.created_at + after);
  }
}
