// A 400 that refuses how a time was sent: the live API takes unix seconds only ("start_time: must
// be unix seconds (an integer), not an ISO 8601 string"), the published YAML ISO 8601 only
// ("start_time: must be a date-time"). Settings' Send times as is the one thing that fixes it.
import { menuPath } from '../menu-names';
import type { TimeFormat } from './times';

/** The ways of sending times as Settings' Send times as names them. */
export const TIME_FORMAT_LABELS: Record<TimeFormat, string> = {
  unix: 'Unix seconds',
  iso: 'ISO 8601 dates',
};

/** What a refusal says when it is about a time's form rather than its value (end before start). */
const ABOUT_FORM = /unix|iso ?8601|date-?time|integer|timestamp|rfc ?3339|format/i;

/** The names the add-on sends times under: start_time, end_time, since, states[0].start_time. */
const TIME_NAME = /(?:^|_)time$|^since$/;

/** The last second ISO 8601 writes with four digits: 9999-12-31T23:59:59Z. */
const LAST_ISO_SECOND = 253_402_300_799;

/**
 * Whether a time sent lies where one form cannot write it (before 1970 in unix seconds, past 9999
 * in ISO): a refusal of it is of the time, and sending it the other way would not mend it.
 */
function outOfRange(value: string | number): boolean {
  const seconds =
    typeof value === 'number' || /^-?\d+$/.test(value) ? Number(value) : Date.parse(value) / 1000;
  return seconds < 0 || seconds > LAST_ISO_SECOND;
}

/**
 * The way to send times instead, when `detail` refuses a time sent in the request's query or body
 * for its form; undefined for any other refusal. What was sent tells which way it went.
 */
export function timesWanted(
  detail: string,
  query: object | undefined,
  body: unknown,
): TimeFormat | undefined {
  if (!ABOUT_FORM.test(detail)) return undefined;
  for (const [name, value] of timesSent([query, body])) {
    if (!new RegExp(`\\b${name}\\b`).test(detail)) continue;
    if (outOfRange(value)) return undefined;
    return typeof value === 'string' && !/^\d+$/.test(value) ? 'unix' : 'iso';
  }
  return undefined;
}

function timesSent(value: unknown): [string, string | number][] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, inner]): [string, string | number][] =>
    TIME_NAME.test(name) && (typeof inner === 'string' || typeof inner === 'number')
      ? [[name, inner]]
      : timesSent(inner),
  );
}

/** What to do about it, said after the refusal. */
export function sendTimesAs(format: TimeFormat): string {
  return `To send times as Assembled takes them, open ${menuPath('settings')} and under Send times as choose ${TIME_FORMAT_LABELS[format]}.`;
}
