// Reading a time from a cell: a date cell (Apps Script gives the instant, in the spreadsheet's
// timezone), a date serial number, or text. Text without an offset is a wall-clock time in the
// spreadsheet's timezone; text with Z or ±hh:mm names its own instant. Text in the spreadsheet
// locale's own order (01.07.2026 in Germany, 01/07/2026 in Britain, 07/01/2026 in the US) is read
// as Sheets would have read it had the cell not been plain text. In a locale whose order the
// add-on does not know, a date that reads one way only (25/06/2026) is read so; 03/04/2026 is not.
// Whatever its form, a time on a day outside PLAUSIBLE is not read: a time typed without a date
// (09:00) is a date cell on Sheets' day 0, 1899-12-30, and would reach Assembled as 1899.
import type { Zone } from '../ports';
import type { CellValue } from '../table/build-table';
import { addDays, compareLocalDates, type LocalDate, toDayNumber, validLocalDate } from '../time/local-date';
import { instantReading, readWall, type WallReading } from '../time/wall-reading';
import { fromLocal, localDateOf, toLocal } from '../time/zone-math';
import { dateOrder } from './date-order';

export interface CellTime {
  ms: number;
  /** The local calendar day the time falls on (in the spreadsheet's zone, or the text's own day). */
  day: LocalDate;
  /**
   * Whether a time of day was given (text "2026-06-01" or a midnight date cell has none: a date
   * cell holds the same midnight whether 00:00 was typed or not).
   */
  hasTime: boolean;
  /** The text's date as typed, where its day and month could be read the other way round: 03/04/2026. */
  swappable?: string;
  /** A time the clocks skip or show twice in the zone, and which instant it was read as. */
  reading?: WallReading;
}

const LOCAL = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm)?)?$/i;
const OFFSET = /^(\d{4}-\d{2}-\d{2})[T ]+(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(z|[+-]\d{2}:?\d{2})$/i;
const LOCAL_ORDER = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*(am|pm)?)?$/i;
// Sheets counts days from 1899-12-30.
const SERIAL_EPOCH: LocalDate = { year: 1899, month: 12, day: 30 };
/**
 * The days a time to push may fall on, whatever its form: from 1970, where unix seconds start
 * (Assembled takes none earlier), to serial 80,000 (2119). A number outside is no date at all.
 */
const PLAUSIBLE = { first: { year: 1970, month: 1, day: 1 }, last: addDays(SERIAL_EPOCH, 80_000) };
const plausible = (day: LocalDate) =>
  compareLocalDates(day, PLAUSIBLE.first) >= 0 && compareLocalDates(day, PLAUSIBLE.last) <= 0;

/**
 * Why a cell that holds a time is not one to push: it has no date; a year far off (`read` as it
 * reads); or text naming a day no calendar has (2027-02-30, month 13), as read in its order.
 */
export type TimeFault =
  | { kind: 'no_date' }
  | { kind: 'far_year'; read: CellTime }
  | { kind: 'no_day'; year: number; month: number; day: number };
type NoDay = Extract<TimeFault, { kind: 'no_day' }>;

/** What text or a cell reads as: a time, a day that is none, or nothing the add-on can read. */
type Read = CellTime | NoDay | undefined;
const isTime = (r: Read): r is CellTime => r !== undefined && 'ms' in r;

/** The day, or why there is none. */
function dayOrFault(year: number, month: number, day: number): LocalDate | NoDay {
  return validLocalDate(year, month, day) ?? { kind: 'no_day', year, month, day };
}

/**
 * A date and time to type, for messages: as the spreadsheet's locale writes it, then ISO. The 25th,
 * so the day cannot pass for a month: "25/06/2026 09:00 (or ISO: 2026-06-25 09:00)".
 */
export function timeExample(locale?: string): string {
  const iso = '2026-06-25 09:00';
  const order = locale === undefined ? undefined : dateOrder(locale);
  if (!order) return iso;
  const { sep } = order;
  return `${order.dayFirst ? `25${sep}06` : `06${sep}25`}${sep}2026 09:00 (or ISO: ${iso})`;
}

/** Text in local order (03/04/2026 09:00) read day first or month first. */
function readInOrder(m: RegExpExecArray, dayFirst: boolean, zone: Zone): Read {
  const [first, second] = [m[1], m[3]];
  const [month, day] = dayFirst ? [second, first] : [first, second];
  const time = m[5] === undefined ? '' : ` ${m[5]}:${m[6]}${m[7] ? ` ${m[7]}` : ''}`;
  return fromText(`${m[4]}-${month}-${day}${time}`, zone);
}

/** Slashes are written day first in some countries and month first in others: 03/04/2026 reads both ways. */
function readsTwoWays(m: RegExpExecArray): boolean {
  const [first, second] = [Number(m[1]), Number(m[3])];
  return m[2] === '/' && first !== second && first <= 12 && second <= 12;
}

function fromLocaleText(text: string, zone: Zone, locale: string): Read {
  const m = LOCAL_ORDER.exec(text);
  if (!m) return undefined;
  const order = dateOrder(locale);
  if (!order) {
    // The order not known: a slash date that can be one day only is that day; none is guessed.
    if (m[2] !== '/' || readsTwoWays(m)) return undefined;
    const [dayFirst, monthFirst] = [readInOrder(m, true, zone), readInOrder(m, false, zone)];
    if (isTime(dayFirst) || isTime(monthFirst)) return isTime(dayFirst) ? dayFirst : monthFirst;
    // Neither is a day (31/02/2026): the reading with a month in it says why.
    return [dayFirst, monthFirst].find((r) => r && r.month >= 1 && r.month <= 12);
  }
  if (m[2] !== order.sep) return undefined;
  const read = readInOrder(m, order.dayFirst, zone);
  return isTime(read) && readsTwoWays(m) ? { ...read, swappable: `${m[1]}/${m[3]}/${m[4]}` } : read;
}

/**
 * Text such as 03/04/2026 in a locale whose date order the add-on does not know: the two times it
 * could be, day first then month first. readCellTime reads it as neither.
 */
export function twoWays(value: CellValue, zone: Zone, locale?: string): [CellTime, CellTime] | undefined {
  if (typeof value !== 'string' || locale === undefined || dateOrder(locale)) return undefined;
  const m = LOCAL_ORDER.exec(value.trim());
  if (!m || !readsTwoWays(m)) return undefined;
  const [dayFirst, monthFirst] = [readInOrder(m, true, zone), readInOrder(m, false, zone)];
  return isTime(dayFirst) && isTime(monthFirst) ? [dayFirst, monthFirst] : undefined;
}

function fromText(text: string, zone: Zone): Read {
  const offset = OFFSET.exec(text);
  if (offset) {
    const [, date, clock, zoneText] = offset;
    const z = (zoneText ?? 'Z').toUpperCase();
    const iso = `${date}T${(clock ?? '').padStart(5, '0')}${z === 'Z' ? 'Z' : z.includes(':') ? z : `${z.slice(0, 3)}:${z.slice(3)}`}`;
    const [y, m, d] = (date ?? '').split('-').map(Number);
    const day = dayOrFault(y ?? 0, m ?? 0, d ?? 0);
    if ('kind' in day) return day;
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? undefined : { ms, day, hasTime: true };
  }
  const local = LOCAL.exec(text);
  if (!local) return undefined;
  const day = dayOrFault(Number(local[1]), Number(local[2]), Number(local[3]));
  if ('kind' in day) return day;
  if (local[4] === undefined) return { ms: fromLocal(day, zone), day, hasTime: false };
  let hour = Number(local[4]);
  const minute = Number(local[5]);
  const meridiem = local[7]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return timeOn(day, hour, minute, zone);
}

function fromSerial(serial: number, zone: Zone): CellTime | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  const minutes = Math.round((serial - whole) * 1440);
  const day = addDays(SERIAL_EPOCH, whole);
  if (!plausible(day)) return undefined;
  return { ...timeOn(day, Math.floor(minutes / 60), minutes % 60, zone), hasTime: minutes !== 0 };
}

/** A wall-clock time on a day in the zone, with how it was read where the clocks change. */
function timeOn(day: LocalDate, hour: number, minute: number, zone: Zone): CellTime {
  const { ms, reading } = readWall({ ...day, hour, minute }, zone);
  return { ms, day, hasTime: true, ...(reading ? { reading } : {}) };
}

function fromDate(value: Date, zone: Zone): CellTime | undefined {
  const ms = value.getTime();
  if (Number.isNaN(ms)) return undefined;
  const local = toLocal(ms, zone);
  // Sheets holds the wall-clock time; of two instants showing it, Apps Script gave one.
  const reading = instantReading(ms, zone);
  return {
    ms,
    day: localDateOf(ms, zone),
    hasTime: local.hour !== 0 || local.minute !== 0,
    ...(reading ? { reading } : {}),
  };
}

/** A cell's time as read, before the plausible days are asked of it. */
function readAny(value: CellValue, zone: Zone, locale: string | undefined): Read {
  if (value instanceof Date) return fromDate(value, zone);
  if (typeof value === 'number') return fromSerial(value, zone);
  if (typeof value === 'string') {
    const text = value.trim();
    return fromText(text, zone) ?? (locale ? fromLocaleText(text, zone, locale) : undefined);
  }
  return undefined;
}

/** The time a cell holds, or undefined when it holds none the add-on can read. Empty cells too. */
/** @param locale the spreadsheet's; without one, only ISO text is read (06/01/2026 is ambiguous). */
export function readCellTime(value: CellValue, zone: Zone, locale?: string): CellTime | undefined {
  const read = readAny(value, zone, locale);
  return isTime(read) && plausible(read.day) ? read : undefined;
}

/** Why readCellTime read no time from a cell that holds one; undefined for any other cell. */
export function cellTimeFault(value: CellValue, zone: Zone, locale?: string): TimeFault | undefined {
  const read = readAny(value, zone, locale);
  if (!isTime(read)) return read;
  if (plausible(read.day)) return undefined;
  // A time typed alone is a date cell on day 0, or day 1 past 24:00; a day either side for a zone
  // whose offset in 1899 was its local mean time, not the whole hours it keeps now. Text has a date.
  const sinceEpoch = toDayNumber(read.day) - toDayNumber(SERIAL_EPOCH);
  if (value instanceof Date && Math.abs(sinceEpoch) <= 1) return { kind: 'no_date' };
  return { kind: 'far_year', read };
}
