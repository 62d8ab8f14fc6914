// Activities, activity types and requirement types (the scheduling side of the API).
import type * as z from 'zod/mini';
import { parseReply } from '../parse';
import {
  activitiesReply,
  type activity,
  type activityType,
  activityTypesReply,
  type requirementType,
  requirementTypesReply,
  type scheduleAgent,
} from '../schemas/schedules';
import type { TimeInput } from '../times';
import { commaList, type EndpointContext, wireWindow } from './context';

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
  team?: string;
  schedule_id?: string;
}

export interface ActivitiesPage {
  activities: Activity[];
  agents: ScheduleAgent[];
  activity_types: ActivityType[];
}

/** One window of activities, with the agents and activity types they name. */
export function listActivities(ctx: EndpointContext, query: ActivitiesQuery): ActivitiesPage {
  const path = '/v0/activities';
  const endpoint = `GET ${path}`;
  return ctx.transport.send({
    method: 'GET',
    path,
    query: {
      ...wireWindow(ctx, query, endpoint),
      agents: commaList(query.agents),
      types: commaList(query.types),
      channel: query.channel,
      team: query.team,
      schedule_id: query.schedule_id,
      include_agents: true,
      include_activity_types: true,
    },
    parse: (json, ep, status) => parseReply(activitiesReply, json, ep, status),
  });
}

export function listActivityTypes(ctx: EndpointContext): ActivityType[] {
  return ctx.transport.send({
    method: 'GET',
    path: '/v0/activity_types',
    parse: (json, ep, status) => parseReply(activityTypesReply, json, ep, status).activity_types,
  });
}

export function listRequirementTypes(ctx: EndpointContext): RequirementType[] {
  return ctx.transport.send({
    method: 'GET',
    path: '/v0/requirement_types',
    parse: (json, ep, status) => parseReply(requirementTypesReply, json, ep, status).requirement_types,
  });
}
