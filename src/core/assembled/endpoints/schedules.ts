// Activities, activity types and requirement types (the scheduling side of the API).
import type * as z from 'zod/mini';
import { replyOf } from '../parse';
import {
  activitiesReply,
  activity,
  type activityType,
  activityTypesReply,
  bulkActivitiesReply,
  type requirementType,
  requirementTypesReply,
  type scheduleAgent,
} from '../schemas/schedules';
import type { TimeInput } from '../times';
import type { Outcome } from '../transport';
import { type EndpointContext, getWith, sendEach, wireTime, wireWindow } from './context';

export type Activity = z.infer<typeof activity>;
export type ActivityType = z.infer<typeof activityType>;
export type RequirementType = z.infer<typeof requirementType>;
export type ScheduleAgent = z.infer<typeof scheduleAgent>;

export interface ActivitiesQuery {
  start_time: TimeInput;
  end_time: TimeInput;
  agents?: string[];
  types?: string[];
  channel?: string;
  schedule_id?: string;
}

export interface ActivitiesPage {
  activities: Activity[];
  agents: ScheduleAgent[];
  activity_types: ActivityType[];
}

/** One window of activities, with the agents and activity types they name. */
export function listActivities(ctx: EndpointContext, query: ActivitiesQuery): ActivitiesPage {
  return getWith(
    ctx,
    '/v0/activities',
    (endpoint) => ({
      ...wireWindow(ctx, query, endpoint),
      agents: query.agents,
      types: query.types,
      channel: query.channel,
      schedule_id: query.schedule_id,
      include_agents: true,
      include_activity_types: true,
    }),
    replyOf(activitiesReply),
  );
}

export function listActivityTypes(ctx: EndpointContext): ActivityType[] {
  return ctx.transport.send({
    method: 'GET',
    path: '/v0/activity_types',
    parse: replyOf(activityTypesReply, (r) => r.activity_types),
  });
}

export function listRequirementTypes(ctx: EndpointContext): RequirementType[] {
  return ctx.transport.send({
    method: 'GET',
    path: '/v0/requirement_types',
    parse: replyOf(requirementTypesReply, (r) => r.requirement_types),
  });
}

export interface ActivityChange {
  action: 'create' | 'update' | 'delete';
  activity: {
    id?: string;
    agent_id?: string;
    type_id?: string;
    start_time?: TimeInput;
    end_time?: TimeInput;
    description?: string;
  };
}

/** One activity for POST /v0/activities, the only write that takes allow_conflicts. */
export interface NewActivity {
  agent_id: string;
  type_id: string;
  start_time: TimeInput;
  end_time: TimeInput;
  description?: string;
  schedule_id?: string;
  /** True keeps the agent's activities it overlaps; false (Assembled's default) deletes them. */
  allow_conflicts: boolean;
}

/**
 * POST /v0/activities once per input, paced by the rate limit; one outcome per input, in order.
 * Never retried after a lost answer: there is no idempotency key, and a second send makes a second
 * activity.
 */
export function createActivities(ctx: EndpointContext, inputs: readonly NewActivity[]): Outcome<Activity>[] {
  const path = '/v0/activities';
  const endpoint = `POST ${path}`;
  return sendEach(ctx, inputs, (input) => ({
    method: 'POST',
    path,
    body: { ...input, ...wireWindow(ctx, input, endpoint) },
    safeToRetry: false,
    parse: replyOf(activity),
  }));
}

/**
 * One POST /v0/activities/bulk: a single transaction (a refused batch changed nothing). Never
 * retried after a lost answer: a second send could apply the batch twice.
 */
export function bulkActivities(
  ctx: EndpointContext,
  changes: readonly ActivityChange[],
  scheduleId?: string,
): Activity[] {
  const path = '/v0/activities/bulk';
  const endpoint = `POST ${path}`;
  const activities = changes.map((c, i) => {
    const a = c.activity;
    const at = `activities[${i}].activity`;
    return {
      action: c.action,
      activity: {
        ...a,
        ...(a.start_time === undefined
          ? {}
          : { start_time: wireTime(ctx, a.start_time, `${at}.start_time`, endpoint) }),
        ...(a.end_time === undefined
          ? {}
          : { end_time: wireTime(ctx, a.end_time, `${at}.end_time`, endpoint) }),
      },
    };
  });
  return ctx.transport.send({
    method: 'POST',
    path,
    body: { ...(scheduleId ? { schedule_id: scheduleId } : {}), activities },
    safeToRetry: false,
    parse: replyOf(bulkActivitiesReply, (r) => r.activities),
  });
}

export interface ClearWindow {
  agent_ids: readonly string[];
  start_time: TimeInput;
  end_time: TimeInput;
  schedule_id?: string;
}

/** What the service says it did; Assembled documents no reply, so both counts may be missing. */
export interface ClearResult {
  deleted?: number;
  cut?: number;
}

const count = (v: unknown): number | undefined => (typeof v === 'number' && v >= 0 ? v : undefined);

/**
 * DELETE /v0/activities: deletes the agents' activities inside the window and cuts those that
 * straddle its edges. Safe to send twice: a second send finds nothing left inside the window.
 */
export function clearActivities(ctx: EndpointContext, window: ClearWindow): ClearResult {
  const path = '/v0/activities';
  const endpoint = `DELETE ${path}`;
  return ctx.transport.send({
    method: 'DELETE',
    path,
    body: {
      agent_ids: window.agent_ids,
      ...wireWindow(ctx, window, endpoint),
      ...(window.schedule_id ? { schedule_id: window.schedule_id } : {}),
    },
    safeToRetry: true,
    parse: (json) => {
      const reply = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
      const deleted = count(reply.deleted);
      const cut = count(reply.cut);
      return { ...(deleted === undefined ? {} : { deleted }), ...(cut === undefined ? {} : { cut }) };
    },
  });
}
