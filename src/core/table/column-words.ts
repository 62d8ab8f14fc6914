// What a column is called in the sheet and how its numbers are shown: the API's field names
// (scheduled_seconds) become words ("Scheduled"), seconds a duration, percents a percent; counts
// keep Sheets' plain number display. The field itself stays findable: the header note lists
// header = field, and a sheet headed by field names (written before headers were words) is still
// matched by them (write-table.ts).

export const DURATION_FORMAT = '[h]:mm:ss';
export const PERCENT_FORMAT = '0.00%';

export interface Wording {
  header: string;
  /** Numbers are divided by this to become what the format shows (seconds -> days). */
  divisor?: number;
  format?: string;
}

const DAY_S = 86_400;
/** Unit suffixes: dropped from the words, the number shown in the format the unit calls for. */
const UNITS: [RegExp, number, string][] = [
  [/_(seconds|secs)$/, DAY_S, DURATION_FORMAT],
  [/_ms$/, DAY_S * 1000, DURATION_FORMAT],
  [/_minutes$/, 1440, DURATION_FORMAT],
  [/_hours$/, 24, DURATION_FORMAT],
  [/_(percent|pct)$/, 100, PERCENT_FORMAT],
];
/** Durations the API gives in seconds under a name without the unit. */
const SECONDS = /(^|_)(duration|handle_time|aht|wait_time|talk_time)$/;

/** Fields whose name alone would not say they hold ids (a person's site, teams, ...). */
const SPECIAL: Readonly<Record<string, string>> = {
  site: 'Site ID',
  teams: 'Team IDs',
  queues: 'Queue IDs',
  role: 'Role ID',
  roles: 'Role IDs',
  start_time: 'Start',
  end_time: 'End',
};
const TOKENS: Readonly<Record<string, string>> = { id: 'ID', ids: 'IDs', url: 'URL', aht: 'AHT' };

function phrase(field: string): string {
  const special = SPECIAL[field];
  if (special) return special;
  // created_at -> "Created"; average_handle -> "Average handle time".
  const base = field.replace(/_at$/, '').replace(/_handle$/, '_handle_time');
  return base
    .split('_')
    .filter(Boolean)
    .map((t) => TOKENS[t] ?? t)
    .join(' ');
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The words and format for an API field holding numbers (`numbers`) or anything else. */
export function wordsFor(key: string, numbers = false): Wording {
  let field = key;
  let divisor: number | undefined;
  let format: string | undefined;
  const last = key.slice(key.lastIndexOf('.') + 1);
  const unit = UNITS.find(([re]) => re.test(last));
  if (unit) {
    field = key.replace(unit[0], '');
    if (numbers) [, divisor, format] = unit;
  } else if (numbers && SECONDS.test(last)) [divisor, format] = [DAY_S, DURATION_FORMAT];
  // A person's platforms map each platform to their id on it: "platforms.zendesk" is their Zendesk ID.
  const platform = /^platforms\.([^.]+)$/.exec(field)?.[1];
  const header = platform ? `${capital(platform)} ID` : capital(field.split('.').map(phrase).join(' '));
  return { header: header || key, ...(divisor ? { divisor } : {}), ...(format ? { format } : {}) };
}

/** The line over the note's list of which header is which API field. */
export const FIELD_LIST = 'Columns (header = API field):';

// What the list says of a column Assembled sends no field for (Column.made), said where it is made.
/** A column the add-on works out (`how`: from which fields). */
export const workedOut = (how: string): string => `${how}, worked out by the add-on`;
/** A column the add-on takes from the record an id names ("email of agent_id"). */
export const lookedUpFrom = (what: string, id: string): string => `${what} of ${id}, looked up by the add-on`;

/**
 * The note's list of which header is which API field, for the columns whose header differs; a
 * column the add-on made says how instead (`made`: looked up from its ids, or worked out).
 */
export function fieldList(columns: readonly { header: string; field?: string; made?: string }[]): string {
  return listOf(
    columns
      .filter((c) => c.made || (c.field && c.field !== c.header))
      .map((c) => `${c.header} = ${c.made ?? c.field}`),
  );
}

const listOf = (lines: readonly string[]) => (lines.length ? `${FIELD_LIST}\n${lines.join('\n')}` : '');

/** The "header = field" lines of the list a header's note holds (`fieldList`), or none. */
export function notedFields(note: string): string[] {
  const lines = note.split('\n');
  const from = lines.indexOf(FIELD_LIST);
  if (from < 0) return [];
  const listed = lines.slice(from + 1);
  const end = listed.findIndex((line) => !line.includes(' = '));
  return end < 0 ? listed : listed.slice(0, end);
}

/** The list a header's note holds, as it was written: kept over a table with no rows. */
export const notedFieldList = (note: string): string => listOf(notedFields(note));
