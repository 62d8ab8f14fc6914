// The two activity pushes and their columns: changes to single activities (sent through the bulk
// transaction), and windows to clear (DELETE /v0/activities, which cuts what straddles an edge).
import { RESOURCE_INFO } from '../pull/catalogue';
import { ACTIVITY_FIELDS } from '../pull/schedule-records';
import { wordsFor } from '../table/column-words';
import type { ColumnSpec, KindSpec } from './kinds';

const TIME = "A date cell, or text like 2026-06-01 09:00 (the spreadsheet's timezone).";
const schedule: ColumnSpec = {
  key: 'schedule',
  header: 'Schedule',
  aliases: ['schedule', 'schedule id', 'schedule_id'],
  type: 'text',
  plainText: true,
  required: false,
  help: "The schedule's id in Assembled; empty for the master schedule.",
};

function time(key: 'start' | 'end', help: string): ColumnSpec {
  const word = key === 'start' ? 'Start' : 'End';
  return {
    key,
    header: word,
    aliases: [word, `${word} time`, `${key}_time`],
    type: 'datetime',
    required: false,
    help: `${help} ${TIME}`,
  };
}

export const ACTIVITIES_KIND: Omit<KindSpec, 'kind'> = {
  label: 'Activities to create, update or delete',
  sheetName: 'Activities',
  summary:
    "Each row creates, updates or deletes one activity on an agent's schedule, in bulk transactions (a create with Allow conflicts ticked goes alone). A pulled schedule works too: add an Action column and fill it on the rows to change; the rest are left alone.",
  fillsIn: {
    source: RESOURCE_INFO.activities.label,
    headers: ACTIVITY_FIELDS.map((f) => wordsFor(f).header),
  },
  columns: [
    {
      key: 'action',
      header: 'Action',
      aliases: ['action', 'operation'],
      type: 'choice',
      required: true,
      values: ['create', 'update', 'delete'],
      strict: true,
      help: 'create a new activity, update one (Activity ID needed) or delete one (Activity ID needed).',
    },
    {
      key: 'activity_id',
      header: 'Activity ID',
      aliases: ['activity id', 'activity_id', 'id'],
      type: 'text',
      plainText: true,
      required: false,
      help: 'The activity to update or delete (activity_id of an activities pull). Empty for create.',
    },
    {
      key: 'agent',
      header: 'Agent',
      aliases: ['agent', 'agent id', 'agent_id', 'agent email', 'email', 'agent name'],
      type: 'agent',
      required: false,
      help: 'Agent id, email or full name. Needed for create.',
    },
    {
      key: 'activity_type',
      header: 'Type',
      aliases: ['type', 'activity type', 'activity_type', 'type id', 'type_id'],
      type: 'text',
      required: false,
      help: 'Activity type name (e.g. Phones), short name (PH) or id. Needed for create.',
    },
    time('start', 'When the activity starts. Needed for create.'),
    time('end', 'When it ends (after Start). Needed for create.'),
    {
      key: 'description',
      header: 'Description',
      // Not Notes: beside a pulled schedule that is a person's own column (header.ts OWN_NOTES), not
      // words to show everyone on the activity.
      aliases: ['description'],
      type: 'text',
      freeText: true,
      required: false,
      help: 'Text shown on the activity.',
    },
    schedule,
    {
      key: 'allow_conflicts',
      header: 'Allow conflicts',
      aliases: ['allow conflicts', 'allow_conflicts', 'overlap'],
      type: 'boolean',
      required: false,
      help: "For create: ticked (TRUE) keeps the agent's overlapping activities (the row goes in a call of its own); not ticked, Assembled deletes them. Not for update.",
    },
  ],
};

export const CLEAR_KIND: Omit<KindSpec, 'kind'> = {
  label: 'Activity windows to clear',
  sheetName: 'Activity windows to clear',
  noIds: true,
  summary:
    "Each row deletes the agents' activities inside its window. An activity that straddles the window's start or end is cut there, not removed: its part outside the window stays.",
  columns: [
    {
      key: 'agents',
      header: 'Agents',
      aliases: ['agents', 'agent ids', 'agent_ids'],
      type: 'text',
      required: true,
      needs: 'agent ids, emails or full names, separated by commas or semicolons',
      help: 'Agent ids, emails or full names, separated by commas or semicolons.',
    },
    { ...time('start', 'Where the window starts.'), required: true },
    { ...time('end', 'Where it ends (after Start).'), required: true },
    schedule,
  ],
};
