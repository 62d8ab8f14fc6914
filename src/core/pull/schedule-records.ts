// Schedule pulls: activities as rows an analyst reads (who, what, when, how long), and the reference
// data that names and colours them.
import type { Activity, ActivityType, AssembledClient, ScheduleAgent, Team } from '../assembled';
import type { Table } from '../table/build-table';
import { DURATION_FORMAT, lookedUpFrom, workedOut } from '../table/column-words';
import type { PullFilters } from './pull-spec';

export interface ScheduleWindow {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

export interface ScheduledActivity {
  activity: Activity;
  agent: ScheduleAgent | undefined;
  type: ActivityType | undefined;
}

/**
 * Every activity overlapping the window, once, with its agent and type, ordered by start then agent.
 * A team filter is applied here, to the agents' teams the reply carries, not sent as `team`: the Go
 * client's agents list takes a team's name there and its activities list says only "a specific
 * team", so an id may match nothing and a name may be refused. The agents' teams are ids (the Go
 * client's Agent); a name there is matched too, so either reading gives the team's rows.
 */
export function fetchActivities(
  client: AssembledClient,
  filters: PullFilters,
  window: ScheduleWindow,
  teams: () => readonly Team[] = () => client.listTeams(),
): ScheduledActivity[] {
  const page = client.listActivities({
    start_time: window.start,
    end_time: window.end,
    ...(filters.agent_ids?.length ? { agents: filters.agent_ids } : {}),
    ...(filters.activity_type_ids?.length ? { types: filters.activity_type_ids } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.schedule_id ? { schedule_id: filters.schedule_id } : {}),
  });
  const agents = new Map(page.agents.map((a) => [a.id, a]));
  const types = new Map(page.activity_types.map((t) => [t.id, t]));
  const wanted = filters.team_ids?.length ? new Set(filters.team_ids) : undefined;
  if (wanted) for (const t of teams()) if (wanted.has(t.id) && t.name) wanted.add(t.name);
  const seen = new Map<string, Activity>();
  for (const a of page.activities)
    if (!wanted || agents.get(a.agent_id)?.teams.some((t) => wanted.has(t))) seen.set(occurrenceId(a), a);
  if ([...seen.values()].some((a) => !types.has(a.type_id)))
    for (const t of client.listActivityTypes()) types.set(t.id, t);
  return [...seen.values()]
    .sort((a, b) => a.start_time - b.start_time || a.agent_id.localeCompare(b.agent_id))
    .map((activity) => ({
      activity,
      agent: agents.get(activity.agent_id),
      type: types.get(activity.type_id),
    }));
}

/** The merge key: an id repeats across occurrences of a recurring activity, its start does not. */
export function occurrenceId(a: Activity): string {
  return `${a.id}@${new Date(a.start_time).toISOString().replace('.000Z', 'Z')}`;
}

const OCCURRENCE = /^(.+)@\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{3})?Z$/;

/** The activity id inside an occurrence id (`occurrenceId`), or undefined for any other text. */
export function activityOfOccurrence(text: string): string | undefined {
  return OCCURRENCE.exec(text.trim())?.[1];
}

/** A pulled schedule's columns: the Activities push knows them as its own sheet's (activity-kinds.ts). */
export const ACTIVITY_FIELDS = [
  'agent_name',
  'agent_email',
  'activity_type',
  'short_name',
  'productive',
  'time_off',
  'start',
  'end',
  'duration',
  'description',
  'occurrence_id',
  'activity_id',
  'agent_id',
  'type_id',
  'schedule_id',
] as const;
type ActivityRecord = Record<(typeof ACTIVITY_FIELDS)[number], unknown>;

/**
 * How the header note says the add-on made the activity columns no Assembled field holds (Duration:
 * withDurationColumn; Agent name and Activity type, as names beside ids: id-names.ts).
 */
export const ACTIVITY_MADE: Partial<Record<keyof ActivityRecord, string>> = {
  agent_email: lookedUpFrom('email', 'agent_id'),
  short_name: lookedUpFrom('short_name', 'type_id'),
  productive: lookedUpFrom('productive', 'type_id'),
  time_off: lookedUpFrom('timeoff', 'type_id'),
  occurrence_id: workedOut('id@start_time'),
};

export function activityRecords(list: readonly ScheduledActivity[]): ActivityRecord[] {
  return list.map(
    ({ activity: a, agent, type }) =>
      ({
        agent_name: agent?.name ?? '',
        agent_email: agent?.email ?? '',
        activity_type: type?.name ?? '',
        short_name: type?.short_name ?? '',
        productive: type?.productive ?? false,
        time_off: type?.timeoff ?? false,
        start: a.start_time,
        end: a.end_time,
        duration: a.end_time - a.start_time,
        description: a.description ?? '',
        occurrence_id: occurrenceId(a),
        activity_id: a.id,
        agent_id: a.agent_id,
        type_id: a.type_id,
        schedule_id: a.schedule_id ?? '',
      }) satisfies ActivityRecord,
  );
}

/** Every timed source's Duration: Assembled sends only the ends. */
export const DURATION_MADE = workedOut('end_time - start_time');

/**
 * The duration column holds elapsed time (days, as Sheets counts it) under a duration format. A
 * BigQuery table gets the same days, said in its column's description: tables loaded before hold
 * days, so seconds now would mix two units in one column.
 */
export function withDurationColumn(table: Table): Table {
  const at = table.columns.findIndex((c) => c.key === 'duration');
  if (at < 0) return table;
  const columns = table.columns.map((c, i) =>
    i === at
      ? {
          key: c.key,
          header: c.header,
          field: c.key,
          kind: 'number' as const,
          numberFormat: DURATION_FORMAT,
          unit: 'days (fraction of a day)',
          made: DURATION_MADE,
        }
      : c,
  );
  for (const row of table.rows) {
    const v = row[at];
    if (typeof v === 'number') row[at] = v / DAY_MS;
  }
  return { columns, rows: table.rows };
}
