// File ▸ Settings, "Settings for this spreadsheet": the locale and time zone a person can give the
// workbench's spreadsheet, from the page or at start (WORKBENCH_LOCALE, WORKBENCH_TIMEZONE).
import { TYPING_LOCALES } from '../gas/services/spreadsheet/interpret';
import { isValidTimeZone, offsetMs } from '../gas/time/timezone';
import type { SettingsChoice } from './wire';

/** Zones the dialog offers, west to east; a zone given at start is offered too. */
const COMMON_ZONES = [
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'UTC',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
];

/** Sheets takes IANA names (Area/Place) and UTC; Intl would also take 'EST' or 'europe/berlin'. */
const IANA_NAME = /^(UTC|[A-Z][A-Za-z_-]*(\/[A-Z][A-Za-z0-9_+-]*)+)$/;

/** Why a time zone cannot be the spreadsheet's, or null when it can. */
export function timeZoneProblem(zone: string): string | null {
  if (IANA_NAME.test(zone) && isValidTimeZone(zone)) return null;
  return `${zone} is not a time zone: give an IANA name such as Europe/Berlin, Asia/Kolkata, America/Los_Angeles or UTC.`;
}

/** Why a locale cannot be the spreadsheet's, or null when it can: only those the runtime types by. */
export function localeProblem(locale: string): string | null {
  if (TYPING_LOCALES.includes(locale)) return null;
  return `${locale} is not a locale the workbench reads typing by: use one of ${TYPING_LOCALES.join(', ')}.`;
}

const regions = new Intl.DisplayNames(['en'], { type: 'region' });

/** The locales, named by country as Sheets lists them: "Germany (de_DE)". */
export function localeChoices(): SettingsChoice[] {
  return TYPING_LOCALES.map((value) => ({
    value,
    label: `${regions.of(value.split('_')[1] ?? '') ?? value} (${value})`,
  })).sort((a, b) => a.label.localeCompare(b.label));
}

function gmt(offset: number): string {
  const minutes = Math.abs(Math.round(offset / 60_000));
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `GMT${offset < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** The zones with their offset at `now`, as Sheets shows them, west to east; `current` among them. */
export function timeZoneChoices(now: number, current: string): SettingsChoice[] {
  const zones = COMMON_ZONES.includes(current) ? COMMON_ZONES : [...COMMON_ZONES, current];
  return zones
    .map((value) => ({ value, offset: offsetMs(now, value) }))
    .sort((a, b) => a.offset - b.offset || a.value.localeCompare(b.value))
    .map(({ value, offset }) => ({ value, label: `${value} (${gmt(offset)})` }));
}
