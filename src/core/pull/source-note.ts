// The note on a pulled table's header. Its first line says which Assembled data the sheet holds
// (Push reads it back: a sheet of Assembled's own data is never taken for rows to send); a
// refresh that failed puts a line before it, until a good run writes the note afresh.
import type { Zones } from '../ports';
import type { Grid } from '../sheet/grid';
import { validLocalDate } from '../time/local-date';
import { fromLocal } from '../time/zone-math';
import { notedFilter } from './pull-words';

const PREFIX = 'Source: Assembled ';
/** A failed refresh's line, before the source line (failedRunNote). */
const FAILED = 'Last refresh failed ';

export function sourceLine(what: string): string {
  return `${PREFIX}${what}`;
}

/** What a header note says the sheet was pulled from, or undefined for a sheet no pull wrote. */
export function pulledFrom(note: string): string | undefined {
  const first = note.split('\n').find((line) => !line.startsWith(FAILED)) ?? '';
  return first.startsWith(PREFIX) ? first.slice(PREFIX.length) : undefined;
}

/** The header row Push reads its columns from: notes in it are read to find a pull's table there. */
export type HeaderNotes = Pick<Grid, 'used' | 'rowNotes'>;

/**
 * A table a pull wrote whose header is in row 1, as Push reads a sheet: its source and its first
 * column (1-based), by its header's note. Not only at A1: one pulled at an active cell (D1) beside
 * the user's own cells is read by Push all the same.
 */
export function pulledTable(grid: HeaderNotes): { source: string; col: number } | undefined {
  const cols = grid.used().cols;
  const notes = cols > 0 ? grid.rowNotes(1, 1, cols) : [];
  for (const [i, note] of notes.entries()) {
    const source = pulledFrom(note);
    if (source !== undefined) return { source, col: i + 1 };
  }
  return undefined;
}

/** What a pull wrote into the header row Push reads (pulledTable), by its header's note. */
export function pulledInto(grid: HeaderNotes): string | undefined {
  return pulledTable(grid)?.source;
}

/** Whether a pull's source (pulledFrom) is a list of time-off requests, whose ID column holds their ids. */
export const listsTimeOff = (source: string): boolean => /^time-off/i.test(source);

const FILTERS = /^Filters(?: of the last pull)?: (.*)$/;

/** The note's line of a pull's filters (pull-words.ts filtersNoted): of the last pull when rows of others stay. */
export function filtersLine(filters: readonly string[], ofLastPull: boolean): string {
  return filters.length ? `Filters${ofLastPull ? ' of the last pull' : ''}: ${filters.join('; ')}` : '';
}

/**
 * The filter keys a header note names (filtersLine), as a pull was made with them, in its words or
 * a note's before them ("schedule_id=…"); none when it has no such line.
 */
export function filtersIn(note: string): Set<string> {
  const line = note
    .split('\n')
    .map((l) => FILTERS.exec(l)?.[1])
    .find((l) => l !== undefined);
  return new Set((line ?? '').split('; ').flatMap((f) => notedFilter(f) ?? []));
}

/** A note's range line's label: the table holds these dates alone (a replace's, or a first write's). */
export const RANGE_LABEL = 'Range';
/** Its label after a merge or append: the last pull's dates, beside the rows of those before it. */
export const LAST_PULL_RANGE = 'Range of the last pull';

const DAY = '(\\d{4}-\\d\\d-\\d\\d)';
/** "Range: 2026-11-23 to 2026-11-29 (America/New_York)", or the last pull's, with words of its own before the colon. */
const RANGE_LINE = new RegExp(
  `^(?:${RANGE_LABEL}|(${LAST_PULL_RANGE}[^:\\n]*)): ${DAY}(?: to ${DAY})? \\(([^()\\n]+)\\)$`,
  'm',
);

/**
 * The dates a header note's range line names, in the zone it names: `alone`, the table holds them
 * alone; else at least them. Undefined for a note with no range line as a pull writes it.
 */
export function notedRange(
  note: string,
): { from: string; to: string; zone: string; alone: boolean } | undefined {
  const m = RANGE_LINE.exec(note);
  if (!m) return undefined;
  const from = m[2] as string;
  return { from, to: m[3] ?? from, zone: m[4] as string, alone: m[1] === undefined };
}

const GENERATED = /^Generated: (.+?)(?: by .*)?$/;

/** When the run whose rows a table holds made them, by its note's "Generated:" line. */
export function generatedAt(note: string): string | undefined {
  return note
    .split('\n')
    .map((line) => GENERATED.exec(line)?.[1])
    .find(Boolean);
}

/** A "Generated:" time as a pull writes it, "2026-12-06 16:09:21 (America/New_York)"; seconds optional. */
const GENERATED_TIME = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)(?::(\d\d))? \(([\w/+-]+)\)$/;

/** Whether a note's "Generated:" time (generatedAt) is as a pull writes it: the note is any editor's to change. */
export const isGeneratedTime = (generated: string): boolean => GENERATED_TIME.test(generated);

/**
 * The instant a "Generated:" time (generatedAt) names, read in the zone it names; undefined when it
 * is not as a pull writes it, or names a zone there is none of.
 */
export function generatedInstant(generated: string, zones: Zones): number | undefined {
  const m = GENERATED_TIME.exec(generated);
  const day = m && validLocalDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!m || !day) return undefined;
  try {
    const zone = zones(m[7] as string);
    return fromLocal({ ...day, hour: Number(m[4]), minute: Number(m[5]) }, zone) + Number(m[6] ?? 0) * 1000;
  } catch {
    return undefined;
  }
}

/** "Until: 2026-12-06 23:00 (America/New_York), …": where a report's rows stop short of its range (report-until.ts). */
const UNTIL = /^Until: (\d{4}-\d\d-\d\d) \d\d:\d\d \(([^()\n]+)\)/m;

/**
 * The first day of a note's range its pull did not get whole, as a date in `zone` (the range's):
 * the day its rows were generated on, or the day a report's rows stop on, when that is earlier (a
 * pull begun before midnight and written after it). Undefined when the note does not say it in `zone`.
 */
export function partialFrom(note: string, zone: string): string | undefined {
  const generated = GENERATED_TIME.exec(generatedAt(note) ?? '');
  if (!generated || generated[7] !== zone) return undefined;
  const day = `${generated[1]}-${generated[2]}-${generated[3]}`;
  const until = UNTIL.exec(note);
  if (!until) return day;
  // Dates as yyyy-mm-dd sort as text.
  return until[2] === zone ? ([day, until[1] as string].sort()[0] as string) : undefined;
}

/** The time zone the spreadsheet had when the table was written, by its note's "Generated:" line. */
export function writtenIn(note: string): string | undefined {
  return /\(([^()]+)\)$/.exec(generatedAt(note) ?? '')?.[1];
}

/**
 * The note of a table whose refresh failed: its rows, and note, are the last good run's. The
 * failure is its first line, one line whatever the reason holds: the rest runs to a line a column,
 * under which it was lost.
 */
export function failedRunNote(note: string, when: string, reason: string): string {
  const kept = note.split('\n').filter((line) => !line.startsWith(FAILED));
  const generated = generatedAt(note);
  // True of a merged or appended sheet too, whose rows come from many runs.
  const run = generated ? `the run of ${generated}` : 'the last run that worked';
  const said = reason.replace(/\s*\n\s*/g, ' ');
  return [`${FAILED}${when}: ${said} The rows were last brought up to date by ${run}.`, ...kept].join('\n');
}
