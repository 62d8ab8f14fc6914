// Scheduling replies (official Go client, API-FACTS.md): activities with the agents and activity types
// they name, activity types with their colours, requirement types. Maps keyed by id (live) or arrays.
import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import { collection, flag, text, time } from './common';

const strings = /* @__PURE__ */ lazy(() => z._default(z.array(z.string()), []));

export const activityType = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    name: text,
    short_name: text,
    value: text,
    productive: flag,
    timeoff: flag,
    background_color: text,
    font_color: text,
    channels: strings,
    import_id: text,
  }),
);

export const activity = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    agent_id: z.string(),
    type_id: z.string(),
    start_time: time,
    end_time: time,
    description: text,
    schedule_id: text,
  }),
);

export const scheduleAgent = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    name: text,
    email: text,
    /** Team ids (the Go client's Agent); names come from the teams list. */
    teams: strings,
  }),
);

export const activitiesReply = /* @__PURE__ */ lazy(() =>
  z.object({
    activities: collection(activity),
    agents: z._default(collection(scheduleAgent), []),
    activity_types: z._default(collection(activityType), []),
  }),
);

export const activityTypesReply = /* @__PURE__ */ lazy(() =>
  z.object({ activity_types: collection(activityType) }),
);

export const requirementType = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    name: text,
    activity_type_ids: strings,
  }),
);

export const requirementTypesReply = /* @__PURE__ */ lazy(() =>
  z.object({ requirement_types: collection(requirementType) }),
);

export const bulkActivitiesReply = /* @__PURE__ */ lazy(() => z.object({ activities: collection(activity) }));
