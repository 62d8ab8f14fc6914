// What can be pulled, and what each source takes. The sidebar builds its form from this and
// the server validates against it, so the two never disagree.

export const REPORT_TYPES = ['adherence', 'ticket_stats', 'handle_time'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export const GRANULARITIES = ['interval', 'day', 'week', 'month'] as const;
/** Each as the Pull form lists it: an interval is Assembled's 30 minutes, said before a pull, not only in its note. */
export const GRANULARITY_WORDS: Readonly<Record<(typeof GRANULARITIES)[number], string>> = {
  interval: 'interval (30 minutes)',
  day: 'day',
  week: 'week',
  month: 'month',
};

export const RESOURCES = [
  'people',
  'teams',
  'sites',
  'queues',
  'skills',
  'roles',
  'requirements',
  'agent_states',
  'condensed_timeline',
  'edit_history',
  'time_off_requests',
  'time_off_updates',
  'assist_conversations',
  'activities',
  'activity_types',
  'requirement_types',
  'schedule_grid',
  'coverage',
] as const;
export type ResourceName = (typeof RESOURCES)[number];

export const FILTERS = [
  'queue_ids',
  'team_ids',
  'site_ids',
  'agent_ids',
  'status',
  'priority_order',
  'channel',
  'activity_type_ids',
  'schedule_id',
] as const;
export type FilterName = (typeof FILTERS)[number];

/** The filter lists a person picks from by name. */
export const NAMED_LISTS = ['queue_ids', 'team_ids', 'site_ids', 'agent_ids', 'activity_type_ids'] as const;
export type NamedList = (typeof NAMED_LISTS)[number];
/** A list of up to this many ids is named on cards and in the log (pull-words.ts); a longer one is counted. */
export const MAX_NAMED = 3;
/**
 * Names kept with a pull per list: its header note has room to name a longer list than a card does,
 * so an analyst can tell which teams a sheet covers; past this many, "and N more" (a bounded note).
 */
export const MAX_NOTE_NAMED = 50;

export interface SourceInfo {
  label: string;
  /** Whether the source takes a date range: required, optional, or not at all. */
  range: 'required' | 'optional' | 'none';
  filters: FilterName[];
  /** The column, or comma-separated columns, that identify a record, for merge mode. */
  key: string;
  /** The key's start and end columns, when its records are spans of time (write-table.ts). */
  span?: readonly [string, string];
  /** What the header note says of the records beside the pull's own lines. */
  note?: string;
  /** Name columns its replies may carry themselves, which the add-on then keeps as they came (with-names.ts). */
  namesSent?: readonly string[];
  /** What the header note says under its range of how the range picks the records, for a pull with one. */
  rangeNote?: string;
  /**
   * What a queue ticked means for the report, said under its Queues filter where queues nest: the
   * tickets of a parent queue's children are its own too, but an adherence report has no tickets.
   */
  queues?: string;
  /** A report's levels, not flows (taken at a bucket's end when rolled up), as its note names them. */
  levels?: string;
  /**
   * The column listing the id a push's Assembled ID names, for a list a sheet pushes back: a row
   * typed under it and pushed is found in the next pull by it (write-table.ts PushedRows).
   */
  listsPushed?: string;
}

const STATE_KEY = 'agent_id,platform,start_time';
/**
 * Assembled gives the states that overlap the range, as they were: a sum of them says so. A state
 * with no end is still going, or one ingested open (states-in-assembled.ts: it lasts until the
 * agent's next starts), which Assembled leaves open: said, or its blank End reads as data missing.
 */
const STATES_NOTE = [
  "States that cross the range's start or end are listed whole: their Duration counts time outside the range.",
  "A blank End (and Duration) is a state Assembled holds no end for: still going if it is the agent's last, else it lasts until their next state starts.",
].join('\n');
/**
 * The timeline is a piece of each agent's day, not their records: Assembled cuts its states at the
 * range's edges and at now (the simulator's getCondensedTimeline), so a sum of it counts the range alone.
 */
const TIMELINE_NOTE = [
  "States that cross the range's start or end are cut to the range: their Duration counts only time inside it.",
  'A state still going at the time of the pull ends then.',
].join('\n');

/** GET /v0/activities filters by agents, team, channel, activity types and schedule. */
const ACTIVITY_FILTERS: FilterName[] = [
  'agent_ids',
  'team_ids',
  'channel',
  'activity_type_ids',
  'schedule_id',
];

/** Assembled's channels, as the activities endpoint takes them. */
export const CHANNELS = ['phone', 'chat', 'email'] as const;
/**
 * The activities endpoint's channel picks agents, not activities: those who work it, with their
 * breaks and other channels' work (QA: channel chat gave Email, Break and Lunch rows too).
 */
export const CHANNEL_HINT =
  "Agents who work this channel, with all their activities: not only the channel's.";

/**
 * A report row is its agent or queue in one bucket: one a day (or interval, week) of the range. The
 * bucket is its start and end, which both dialects carry (a day and a week can start together).
 * It is a span: a week cut short by one pull's range gives way to the whole week pulled later.
 */
const BUCKET: Pick<SourceInfo, 'range' | 'filters' | 'span'> = {
  range: 'required',
  filters: ['queue_ids', 'team_ids', 'site_ids', 'agent_ids'],
  span: ['start_time', 'end_time'],
};
const BUCKET_KEY = 'start_time,end_time';
/**
 * A report's averages and percentages over a count of 0 are left blank (report-buckets.ts
 * blankOverNothing): each report names the count its own are over.
 */
const overNothing = (what: string) => `${what} is left blank, not 0.`;

/**
 * Assembled's queues nest: its help on ticket mapping says a ticket in a child queue appears in its
 * parent too, so a pull of a parent and its children has such a ticket in both their rows.
 */
export const PARENT_QUEUES = 'A parent queue holds the tickets of the queues under it too';

export const REPORTS: Record<ReportType, SourceInfo> = {
  adherence: {
    ...BUCKET,
    label: 'Adherence report',
    key: `agent_id,${BUCKET_KEY}`,
    note: overNothing('Adherence over no time scheduled (Scheduled 0)'),
    // The queues an agent is in, as the simulator reads it: whether Assembled's filter takes in a
    // parent's children is not known, so the add-on names each queue meant (as for teams).
    queues:
      'Adherence is of the agents in the queues ticked. Ticking a queue ticks the queues under it as well: untick them to keep to the agents of that queue alone.',
  },
  ticket_stats: {
    ...BUCKET,
    label: 'Ticket stats report',
    key: `queue_id,${BUCKET_KEY}`,
    levels: 'backlog',
    note: `${overNothing('An average over no ticket solved (Solved 0)')}\n${PARENT_QUEUES}: its figures count theirs, so a sum over it and them counts those tickets twice.`,
    queues: `${PARENT_QUEUES}. Ticking it ticks them as well: untick them to pull it alone, its figures still counting theirs.`,
  },
  handle_time: {
    ...BUCKET,
    label: 'Handle time report',
    key: `agent_id,${BUCKET_KEY}`,
    note: overNothing('An average over no ticket handled (Handled 0)'),
    // Its rows are agents: a parent ticked alone counts the same tickets as with its children.
    queues: `Handle time counts the tickets solved in the queues ticked. ${PARENT_QUEUES}: ticking it ticks them as well, and unticking them still counts their tickets.`,
  },
};

export const RESOURCE_INFO: Record<ResourceName, SourceInfo> = {
  people: {
    label: 'People',
    range: 'none',
    filters: [],
    key: 'id',
    // Two ids, and the one an analyst looks a report's rows up by is not the first.
    // Assembled sends a person's roles twice, as one id and as a list: which holds whom is not plain.
    note: [
      "Agent ID is the id reports, agent states, time off and activities name an agent by: look their Agent ID up in this sheet's Agent ID column, not in ID (the person's own record).",
      "Role ID and Role name are Assembled's role field, a single role; Role IDs and Role names are its roles field, every role the person has. A person with several roles has one in Role ID and all of them in Role IDs: to find everyone with a role, look in Role IDs.",
    ].join('\n'),
  },
  teams: { label: 'Teams', range: 'none', filters: [], key: 'id' },
  sites: { label: 'Sites', range: 'none', filters: [], key: 'id' },
  queues: { label: 'Queues', range: 'none', filters: [], key: 'id' },
  skills: { label: 'Skills', range: 'none', filters: [], key: 'id' },
  roles: { label: 'Roles', range: 'none', filters: [], key: 'id' },
  // Assembled's own client reads no id on a requirement: it is its type's figure for an interval.
  // Always asked for a range in the sheet's days: what Assembled answers with none is not
  // documented (the simulator gives one UTC day, which straddles two of the sheet's days).
  requirements: {
    label: 'Requirements',
    range: 'required',
    filters: [],
    key: 'requirement_type_id,start_time',
  },
  // Live agent-state rows have no id: an agent's record is known by its platform and start.
  agent_states: {
    label: 'Agent states',
    range: 'required',
    filters: ['agent_ids'],
    key: STATE_KEY,
    note: STATES_NOTE,
  },
  // The live timeline names its agents (API-FACTS.md); the YAML's does not.
  condensed_timeline: {
    label: 'Condensed agent-state timeline',
    range: 'required',
    filters: ['agent_ids', 'priority_order'],
    key: STATE_KEY,
    note: TIMELINE_NOTE,
    namesSent: ['agent_name'],
  },
  edit_history: { label: 'Agent-state edit history', range: 'optional', filters: [], key: 'id' },
  // Assembled is asked for the range's instants; an all-day request spans its agent's midnights,
  // so one of a zone ahead of the sheet's can start on the sheet's last evening (fetch-records.ts).
  time_off_requests: {
    label: 'Time-off requests',
    range: 'optional',
    filters: ['status', 'agent_ids'],
    key: 'id',
    rangeNote:
      "A request is listed when its time overlaps the range; an all-day request's time is its whole days in its agent's own time zone, so its First or Last day can be a day outside the range.",
  },
  // A request changes more than once (approved, then cancelled): each update is its own row.
  time_off_updates: {
    label: 'Time-off updates',
    range: 'required',
    filters: [],
    key: 'request_id,change_type,updated_at',
  },
  assist_conversations: { label: 'Assist conversations', range: 'none', filters: [], key: 'id' },
  // One activity id can repeat across occurrences: a row is the id plus its start.
  activities: {
    label: 'Activities (schedule)',
    range: 'required',
    filters: ACTIVITY_FILTERS,
    key: 'occurrence_id',
    listsPushed: 'activity_id',
  },
  activity_types: { label: 'Activity types', range: 'none', filters: [], key: 'id' },
  requirement_types: { label: 'Requirement types', range: 'none', filters: [], key: 'id' },
  // A picture, not a table: always replaced whole (run-grid.ts).
  schedule_grid: {
    label: 'Schedule grid',
    range: 'required',
    filters: ACTIVITY_FILTERS,
    key: 'Agent',
  },
  // Required vs scheduled per interval, with coloured gaps and a chart (run-coverage.ts).
  coverage: { label: 'Coverage (required vs scheduled)', range: 'required', filters: [], key: 'start' },
};
