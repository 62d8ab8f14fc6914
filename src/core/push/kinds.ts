// The kinds of push and, for each, its columns: the one description that templates, header
// matching and row parsing all read, so a column is named, typed and explained in one place.

import { ACTIVITIES_KIND, CLEAR_KIND } from './activity-kinds';
import { PLATFORMS } from './platforms';

export const PUSH_KINDS = [
  'time_off',
  'time_off_cancel',
  'agent_states',
  'state_edits',
  'associations',
  'activities',
  'activities_clear',
] as const;
export type PushKind = (typeof PUSH_KINDS)[number];

export type ColumnType = 'agent' | 'datetime' | 'text' | 'boolean' | 'choice';

export interface ColumnSpec {
  /** The field the parsed row carries. */
  key: string;
  /** The header a template writes. */
  header: string;
  /** Other headers that name this column (compared without case, spaces or punctuation). */
  aliases: readonly string[];
  type: ColumnType;
  required: boolean;
  /** The note on the template's header cell. */
  help: string;
  /** What an empty required cell should hold, where its type does not say (parse-row.ts). */
  needs?: string;
  /** Dropdown values; `strict` refuses anything else. */
  values?: readonly string[];
  /** Other words for a value (lowercase), such as an account's name for it: sent as the value. */
  words?: ReadonlyMap<string, string>;
  strict?: boolean;
  /**
   * What a value is ("state"), when other values go as written: one a letter or two from a known
   * value is taken for a typo of it and refused, with a "did you mean".
   */
  noun?: string;
  /** An id: the template makes the column Plain text, so 007123 stays 007123, not the number 7123. */
  plainText?: true;
  /** An id shorter than Assembled's uuids (a platform's own): the template's column is narrower. */
  shortId?: true;
  /**
   * Words a person writes (a note): a date cell there is sent as the sheet shows it. In any other
   * column but a time, a date cell is refused: Sheets read an id or a name typed there as a date.
   */
  freeText?: true;
}

export interface KindSpec {
  kind: PushKind;
  label: string;
  /** The sheet name a template gets. */
  sheetName: string;
  /** What a row of this kind does, for the sidebar. */
  summary: string;
  columns: readonly ColumnSpec[];
  /** Assembled gives its records no id: the template keeps the empty Assembled ID column narrow. */
  noIds?: true;
  /**
   * The pulled table this kind is filled in on (a schedule given Actions): its source as the
   * header note names it, and its columns, left alone and no sign of a wrong sheet.
   */
  fillsIn?: { source: string; headers: readonly string[] };
}

const AGENT_HELP =
  "The agent: their Assembled agent id, email, or full name exactly as in Assembled's people list.";
const TIME_HELP =
  "A date and time: a date cell, or text like 2026-06-01 09:00 (the spreadsheet's timezone) or 2026-06-01T09:00-04:00 (the offset given).";

const agent: ColumnSpec = {
  key: 'agent',
  header: 'Agent',
  aliases: ['agent', 'agent id', 'agent_id', 'agent email', 'email', 'agent name', 'name', 'person'],
  type: 'agent',
  required: true,
  help: AGENT_HELP,
};

function time(key: 'start' | 'end', required: boolean, help: string): ColumnSpec {
  const word = key === 'start' ? 'Start' : 'End';
  return {
    key,
    header: word,
    aliases: [word, `${word} time`, `${key}_time`, ...(key === 'start' ? ['from'] : ['to', 'until'])],
    type: 'datetime',
    required,
    help: `${help} ${TIME_HELP}`,
  };
}

export const STATE_VALUES = [
  'available',
  'busy',
  'break',
  'lunch',
  'offline',
  'meeting',
  'training',
] as const;
const state: ColumnSpec = {
  key: 'state',
  header: 'State',
  aliases: ['state', 'agent state', 'status state'],
  type: 'choice',
  required: true,
  values: STATE_VALUES,
  noun: 'state',
  help: 'The state, e.g. available, busy, break, lunch or offline. A name a letter or two off a known state is a row to fix, taken for a typo; to send it all the same, write new: and the name (new: brek). Any other name is sent as written.',
};
const subState: ColumnSpec = {
  key: 'sub_state',
  header: 'Sub-state',
  aliases: ['sub state', 'sub_state', 'substate', 'channel'],
  type: 'text',
  required: false,
  help: 'Detail of the state, e.g. phone, chat or email.',
};
const source: ColumnSpec = {
  key: 'source',
  header: 'Source',
  // "Platform": an agent-states pull's name for it, as the live service's state list has it.
  aliases: ['source', 'platform source', 'platform'],
  type: 'choice',
  required: false,
  values: PLATFORMS,
  noun: 'platform',
  help: 'The platform the state came from, e.g. zendesk or five9, in any case: one the dropdown offers, one someone in Assembled has an ID on, or one Assembled holds states on for the agent. Any other name is a row to fix, taken for a typo (an ingested state cannot be taken back). For a platform new to Assembled write new: and its name (new: acme).',
};

// Where a state's id comes from, said alike wherever a state is to be changed. The live service's
// state list and condensed timeline carry no id (API-FACTS; the YAML profile's `id` is not seen
// live) and an ingest answers with none, while an edit's reply and the edit history name the
// records edited through the edit endpoint. So an ingested state has no id a sheet can learn.
/** Where the id of a state record to update or delete is found. */
export const STATE_ID_WHERE =
  'the Assembled ID of the Agent-state edits row that inserted it, or the State ID column of an Agent-state edit history pull (it lists the states inserted or edited with Agent-state edits)';
/** An ingested state has no id to update or delete it by. */
export const INGESTED_NO_ID =
  "Assembled's API gives an ingested state no id to change it by, so it can only be changed in Assembled itself.";

export const KINDS: Record<PushKind, KindSpec> = {
  time_off: {
    kind: 'time_off',
    label: 'Time off to create',
    sheetName: 'Time off to create',
    summary: 'Each row creates one time-off request (it starts pending).',
    columns: [
      agent,
      time('start', true, 'When the time off starts. For an all-day row, the first day off.'),
      time(
        'end',
        false,
        'When it ends (after Start). For whole days (All day ticked, or Start and End dates alone), the last day off (inclusive); empty means one day.',
      ),
      {
        key: 'all_day',
        header: 'All day',
        aliases: ['all day', 'all_day', 'allday', 'full day'],
        type: 'boolean',
        required: false,
        help: "Ticked (TRUE) for whole days in the agent's own time zone (as Assembled has it; times are ignored). Not ticked (FALSE or empty, alike): the exact times given, but whole days when Start is a date alone, with no time of day, and End one too or empty (one day).",
      },
      {
        key: 'type',
        header: 'Type',
        aliases: ['type', 'time off type', 'kind'],
        type: 'choice',
        required: false,
        values: ['pto', 'sick', 'personal', 'vacation'],
        // The template's dropdown offers the account's names; Assembled's requests carry pto.
        words: new Map([['paid time off', 'pto']]),
        help: 'The type of time off, e.g. pto, sick or personal (Assembled defaults to pto).',
      },
      {
        key: 'notes',
        header: 'Notes',
        aliases: ['notes', 'note', 'comment', 'comments', 'reason'],
        type: 'text',
        freeText: true,
        required: false,
        help: 'A note sent with the request.',
      },
    ],
  },
  time_off_cancel: {
    kind: 'time_off_cancel',
    label: 'Time off to cancel',
    sheetName: 'Time off to cancel',
    summary: 'Each row cancels one time-off request by its id.',
    columns: [
      {
        key: 'request_id',
        header: 'Request ID',
        aliases: ['request id', 'request_id', 'time off id', 'id'],
        type: 'text',
        plainText: true,
        required: true,
        needs: 'the id of the time-off request to cancel',
        help: 'The id of the time-off request to cancel (the id column of a time-off pull).',
      },
      {
        key: 'notes',
        header: 'Notes',
        aliases: ['notes', 'note', 'comment', 'reason'],
        type: 'text',
        freeText: true,
        required: false,
        help: 'For your own reference; not sent.',
      },
    ],
  },
  agent_states: {
    kind: 'agent_states',
    label: 'Agent states to ingest',
    sheetName: 'Agent states to ingest',
    noIds: true,
    summary: `Rows are sent in bulk batches as agent-state records. They are checked against each other and against the states Assembled holds: a row the very same as one is not sent again, nor one overlapping another of the agent's states on its platform; still, ingest only states no platform sends Assembled itself, or the agent's time is counted twice. ${INGESTED_NO_ID} A state inserted with Agent-state edits instead gets an id (its Assembled ID) to change it by.`,
    columns: [
      agent,
      state,
      subState,
      time('start', true, 'When the state began.'),
      time('end', false, 'When it ended (after Start); empty for a state still open.'),
      source,
    ],
  },
  state_edits: {
    kind: 'state_edits',
    label: 'Agent-state edits',
    sheetName: 'Agent-state edits',
    summary: 'Each row inserts, updates or deletes one agent-state record; rows go in batched edits.',
    columns: [
      {
        key: 'action',
        header: 'Action',
        aliases: ['action', 'edit', 'operation'],
        type: 'choice',
        required: true,
        values: ['insert', 'update', 'delete'],
        strict: true,
        help: 'insert a new state record, update one (State ID needed) or delete one (State ID needed).',
      },
      {
        key: 'state_id',
        header: 'State ID',
        aliases: ['state id', 'state_id', 'record id', 'id'],
        type: 'text',
        plainText: true,
        required: false,
        help: `The state record to update or delete: ${STATE_ID_WHERE}. ${INGESTED_NO_ID} Empty for insert.`,
      },
      { ...agent, required: false, help: `${AGENT_HELP} Needed for insert and update.` },
      { ...state, required: false, help: `${state.help} Needed for insert and update.` },
      subState,
      time('start', false, 'When the state began. Needed for insert and update.'),
      time('end', false, 'When it ended (after Start).'),
      {
        ...source,
        help: 'The platform the state came from, e.g. zendesk or five9, in any case. A name a letter or two off a known platform, or one with more words (Zendesk Support), is a row to fix, taken for a typo; to send it all the same, write new: and the name (new: acme). Any other name is sent as written, and Validate says Assembled does not know it.',
      },
    ],
  },
  associations: {
    kind: 'associations',
    label: 'Platform-ID associations',
    sheetName: 'Platform-ID associations',
    noIds: true,
    summary: 'Each row links an agent to their id on a platform; rows go in batches.',
    columns: [
      agent,
      {
        key: 'platform',
        header: 'Platform',
        aliases: ['platform', 'platform name', 'system'],
        type: 'choice',
        required: true,
        values: PLATFORMS,
        noun: 'platform',
        help: 'The platform, lower case as Assembled names it: one the dropdown offers, or one someone in Assembled has an ID on. Any other name is a row to fix, taken for a typo; for a platform new to Assembled write new: and its name (new: freshdesk). A platform no one had an ID on gets its own ID column in People pulls once pushed.',
      },
      {
        key: 'platform_id',
        header: 'Platform ID',
        aliases: ['platform id', 'platform_id', 'external id', 'platform user id'],
        type: 'text',
        plainText: true,
        shortId: true,
        required: true,
        needs: "the agent's id on that platform",
        help: "The agent's id on that platform. In a Plain text column, as the template's, it is kept exactly as typed, leading zeros too; in another, Sheets makes 007 the number 7, and the row's Push message says what was sent.",
      },
    ],
  },
  activities: { kind: 'activities', ...ACTIVITIES_KIND },
  activities_clear: { kind: 'activities_clear', ...CLEAR_KIND },
};

/** The done statuses a push writes (the Push status header's note names them). */
const PUSHED_STATUSES = [
  'created',
  'cancelled',
  'ingested',
  'inserted',
  'updated',
  'deleted',
  'associated',
  'cleared',
] as const;
/** Sync time off's words for a created request a manager has since decided on: done too. */
const SYNCED_STATUSES = ['approved', 'denied'] as const;

/** The columns the add-on adds to record each row's outcome. */
export const STATUS_COLUMNS = [
  {
    key: 'status',
    header: 'Push status',
    help: `Filled in by the add-on: OK or error after Validate; ${PUSHED_STATUSES.join(', ')} or error after Push (waiting while a push waits on Assembled to read the row; not sent when the row changed during a push, or the push stopped before it); ${SYNCED_STATUSES.join(' or ')} after Sync time off, once a manager has decided on the request. Rows with a done status or an Assembled ID the add-on wrote (Pushed at, or its note, beside them) are never sent again. Anything else in these columns (a row pasted too far right) holds its row back, kept as it is. A pushed row's note here keeps what was sent, and who pushed it.`,
  },
  {
    key: 'id',
    header: 'Assembled ID',
    help: 'Filled in by the add-on: the id Assembled gave the record, when it gives one.',
  },
  { key: 'message', header: 'Push message', help: 'Filled in by the add-on: what to fix, or what was done.' },
  {
    key: 'when',
    header: 'Pushed at',
    help: 'Filled in by the add-on: when the row was last sent to Assembled (Validate leaves it as it was).',
  },
] as const;
export type StatusKey = (typeof STATUS_COLUMNS)[number]['key'];
/** The Push status of a row to fix, shown in red so it is found in a long sheet. */
export const ERROR_STATUS = 'error';

/** Statuses that mean the row is finished: it is never sent again. */
export const DONE_STATUSES = [...PUSHED_STATUSES, ...SYNCED_STATUSES] as const;

const DONE: readonly string[] = DONE_STATUSES;

/** Whether a Push status is one of the done words (any case). */
export function isDoneWord(status: string): boolean {
  return DONE.includes(status.toLowerCase());
}

/**
 * A row the add-on pushed is finished, never sent again, once it has an Assembled ID or a done status
 * (any case); only beside the add-on's record of the push do they count (sheet-rows.ts pushedHere).
 */
export function isDone(status: string, id: string): boolean {
  return id !== '' || isDoneWord(status);
}

export function kindSpec(kind: PushKind): KindSpec {
  return KINDS[kind];
}
