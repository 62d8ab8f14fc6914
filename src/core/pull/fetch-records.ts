// Reads a resource's records through the client. Reports are not here: they are jobs (run-pull.ts).
import type { AgentState, AgentStatesQuery, AssembledClient } from '../assembled';
import { peopleOnce } from '../assembled/people-once';
import { platformsOf } from '../assembled/priority-order';
import type { Zone, Zones } from '../ports';
import { allDayZones } from '../push/all-day-zone';
import { DAYS_MADE, timeOffRow } from '../push/time-off-days';
import type { ResourceName } from './catalogue';
import type { PullFilters } from './pull-spec';
import { ACTIVITY_MADE, activityRecords, fetchActivities } from './schedule-records';
import { withStateDurations } from './state-durations';
import { withNames } from './with-names';

export interface Window {
  start: number;
  end: number;
}

type Records = readonly object[];

/** The spreadsheet's zone, and zones by name for the agents' own (the days of all-day time off). */
export interface SheetZones {
  zone: Zone;
  zones: Zones;
}

/**
 * Time off is filtered by one agent at a time; several agents mean one call each. Each request is
 * listed as its days, as Sync time off lists it (time-off-days.ts).
 */
function timeOffRequests(
  client: AssembledClient,
  filters: PullFilters,
  { zone, zones }: SheetZones,
  window?: Window,
): Records {
  const base = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(window ? { start_time: window.start, end_time: window.end } : {}),
  };
  const agents = filters.agent_ids ?? [];
  const requests = agents.length
    ? agents.flatMap((agent_id) => client.listTimeOffRequests({ ...base, agent_id }))
    : client.listTimeOffRequests(base);
  const days = allDayZones(() => client.listPeople(), zone, zones);
  return requests.map((r) => timeOffRow(r, zone, days));
}

/**
 * The live service requires priority_order: the user's, else every platform their people are on.
 * States are sent in by agent ID with any platform, so people on none may still have some: then
 * their states' platforms are sent, and with no states there is no timeline to ask for.
 */
function condensedTimeline(
  client: AssembledClient,
  filters: PullFilters,
  query: AgentStatesQuery,
): AgentState[] {
  const order = filters.priority_order?.split(',') ?? platformsOf(client.listPeople());
  if (order.length) return client.getCondensedTimeline({ ...query, priority_order: order });
  const seen = platformsOf(
    [],
    client.getAgentStates(query).flatMap((s) => (s.platform ? [s.platform] : [])),
  );
  return seen.length ? client.getCondensedTimeline({ ...query, priority_order: seen }) : [];
}

function required(window: Window | undefined, resource: ResourceName): Window {
  if (!window) throw new Error(`${resource} needs a date range`);
  return window;
}

/**
 * The resource's records, with names put beside the ids they carry (with-names.ts); `zones` are
 * for the days of time off.
 */
export function fetchRecords(
  client: AssembledClient,
  resource: ResourceName,
  filters: PullFilters,
  zones: SheetZones,
  window?: Window,
): Records {
  // The people list is read once per pull, whether the records or their names need it first.
  const once = peopleOnce(client);
  return withNames(once, recordsOf(once, resource, filters, zones, window) as Record<string, unknown>[]);
}

/** The columns recordsOf makes for a resource beyond Assembled's fields, by key: how, for its header note. */
export const MADE_COLUMNS: Partial<Record<ResourceName, Readonly<Record<string, string>>>> = {
  time_off_requests: DAYS_MADE,
  activities: ACTIVITY_MADE,
};

function recordsOf(
  client: AssembledClient,
  resource: ResourceName,
  filters: PullFilters,
  zones: SheetZones,
  window?: Window,
): Records {
  const agents = filters.agent_ids?.length ? { agent_ids: filters.agent_ids } : {};
  const times = (w: Window) => ({ start_time: w.start, end_time: w.end });
  switch (resource) {
    case 'people':
      return client.listPeople();
    case 'teams':
      return client.listTeams();
    case 'sites':
      return client.listSites();
    case 'queues':
      return client.listQueues();
    case 'skills':
      return client.listSkills();
    case 'roles':
      return client.listRoles();
    case 'requirements':
    case 'coverage':
      return client.listRequirements({ ...times(required(window, resource)) });
    case 'assist_conversations':
      return client.listAssistConversations();
    case 'agent_states':
      return withStateDurations(client.getAgentStates({ ...times(required(window, resource)), ...agents }));
    case 'condensed_timeline':
      return withStateDurations(
        condensedTimeline(client, filters, { ...times(required(window, resource)), ...agents }),
      );
    case 'edit_history':
      return client.getEditHistory(window ? times(window) : {});
    case 'time_off_requests':
      return timeOffRequests(client, filters, zones, window);
    case 'time_off_updates':
      return client.listTimeOffUpdates(required(window, resource).start);
    case 'activities':
    case 'schedule_grid':
      return activityRecords(fetchActivities(client, filters, required(window, resource)));
    case 'activity_types':
      return client.listActivityTypes();
    case 'requirement_types':
      return client.listRequirementTypes();
  }
}
