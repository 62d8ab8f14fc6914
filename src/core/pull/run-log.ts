// One row per run in the "Assembled log" sheet: when, who, what, where, how it ended.
import { DATETIME_FORMAT } from '../table/build-table';
import { utc } from '../time/clock-changes';

export const RUN_LOG_SHEET = 'Assembled log';

/** Sheets keeps names unique whatever their case, so "assembled log" is the log too. */
export function isRunLogSheet(name: string): boolean {
  return name.trim().toLowerCase() === RUN_LOG_SHEET.toLowerCase();
}
export const RUN_LOG_HEADER = ['When', 'Who', 'What', 'Target', 'Status', 'Rows', 'Duration (s)', 'Message'];
/** The last column's header in logs written before it held every run's message, not only errors. */
export const OLD_MESSAGE_HEADER = 'Error';

export interface RunLogEntry {
  /** When the run ended (or its attempt failed), as a refresh's card says its Last run. */
  when: Date;
  who: string;
  what: string;
  target: string;
  status: string;
  /** Both left out, and their cells blank, on a row that is no run: a refresh paused, resumed, removed. */
  rows?: number;
  durationMs?: number;
  /** How the run ended, in the words the sidebar showed: what was written, or what went wrong. */
  message: string;
}

export interface RunLog {
  append(entry: RunLogEntry): void;
  /**
   * The run's row, appended as `was`, says `message` instead: a Stop heard once the run was over
   * (run-pull.ts stopPull). Nothing when the row is not found among the last.
   */
  restate(was: RunLogEntry, message: string): void;
}

/** How many rows from the bottom restate looks through: a run's row is among the last written. */
export const RESTATE_ROWS = 50;

/**
 * When is written to the whole second: a spreadsheet may round the seconds it shows (07:21:59.6 as
 * "07:22:00"), while a refresh card cuts the same instant to the minute ("07:21").
 */
export function runLogRow(e: RunLogEntry): (string | number | Date)[] {
  const when = new Date(Math.floor(e.when.getTime() / 1000) * 1000);
  const seconds = e.durationMs === undefined ? '' : Math.round(e.durationMs / 100) / 10;
  return [when, e.who, e.what, e.target, e.status, e.rows ?? '', seconds, e.message];
}

/**
 * When's format: the date and time, then the zone's offset from UTC then ("2026-12-06 09:00:00
 * UTC+1"). A date cell keeps its day and time when the spreadsheet's zone changes, so rows written
 * before and after a change are in different zones: each says its own, and stays a date to sort by
 * and reckon with.
 */
export const runLogWhenFormat = (offsetMinutes: number): string =>
  `${DATETIME_FORMAT}" ${utc(offsetMinutes)}"`;

/**
 * The log header's note: what the sheet is, and the zone its When is in. A date cell keeps its day
 * and time when the spreadsheet's zone changes, so a new zone is said from the row it begins at.
 * Nothing of a run goes in it, let alone a key. Undefined when `note` says all that already.
 */
export function runLogNote(note: string, zone: string, row: number): string | undefined {
  const zones = [...note.matchAll(WHEN_IN)].map((m) => m[1]);
  if (zones.length === 0)
    return [
      "Assembled log: one row per pull, push, Sync time off and scheduled refresh run, newest last (a scheduled refresh run's failed attempt that will be tried again has a row of its own), written by the Assembled add-on.",
      `When is in ${zone}, the spreadsheet's time zone as the log began.`,
      'Duration (s) is the time its tries took, not the waits between them; Message, what the sidebar said at its end.',
    ].join('\n');
  if (zones[zones.length - 1] === zone) return undefined;
  return `${note}\nFrom row ${row} on, When is in ${zone}: the spreadsheet's time zone changed (rows above keep the times they were written with).`;
}

const WHEN_IN = /When is in ([^\s,:]+)/g;
