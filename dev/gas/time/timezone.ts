// Time-zone arithmetic on top of Intl, so no tz database package is needed.

const DAY_MS = 86_400_000;
/** Sheets' serial day 0 is 1899-12-30; the Unix epoch is serial 25569. */
const EPOCH_SERIAL = 25_569;

const formatters = new Map<string, Intl.DateTimeFormat>();

function fieldsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    fieldsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * A zone's offset changes only at its transitions, months apart: each quarter hour whose first and
 * last second have the same offset is asked of Intl once (formatToParts is slow, and every date
 * cell read or written asks). A quarter hour holding a transition is computed per second.
 */
const BUCKET_MS = 15 * 60_000;
const MAX_CACHED = 200_000;
const offsets = new Map<string, Map<number, number>>();

/** Offset of the zone from UTC at the instant, in ms (New York in winter: -18_000_000). */
export function offsetMs(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / BUCKET_MS);
  let zone = offsets.get(timeZone);
  const cached = zone?.get(bucket);
  if (cached !== undefined) return cached;
  const start = bucket * BUCKET_MS;
  const first = intlOffsetMs(start, timeZone);
  if (first !== intlOffsetMs(start + BUCKET_MS - 1000, timeZone)) return intlOffsetMs(ms, timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  if (zone.size >= MAX_CACHED) zone.clear();
  zone.set(bucket, first);
  return first;
}

function intlOffsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const parts = fieldsFormatter(timeZone).formatToParts(new Date(whole));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = era === 'BC' ? 1 - get('year') : get('year');
  const local = Date.UTC(year, get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return local - whole;
}

/** The instant's wall-clock time in the zone, encoded as if it were UTC (read it with getUTC*). */
export function toLocalMs(ms: number, timeZone: string): number {
  return ms + offsetMs(ms, timeZone);
}

/**
 * The instant at which the zone's wall clock shows localMs (encoded as UTC), as the add-on's own
 * zone math reads one (src/core/time/zone-math.ts): a time the clocks skip is read forward by the
 * gap (02:30 New York on a spring-forward night is 03:30 EDT), a time that comes twice is its first.
 */
export function fromLocalMs(localMs: number, timeZone: string): number {
  // The offsets a day either side: a wall time near a change is one or the other's.
  const offsets = [offsetMs(localMs - DAY_MS, timeZone), offsetMs(localMs + DAY_MS, timeZone)];
  const shown = offsets.map((o) => localMs - o).filter((ms) => toLocalMs(ms, timeZone) === localMs);
  if (shown.length > 0) return Math.min(...shown);
  return localMs - Math.min(...offsets);
}

export function instantToSerial(ms: number, timeZone: string): number {
  return localMsToSerial(toLocalMs(ms, timeZone));
}

export function serialToInstant(serial: number, timeZone: string): number {
  return fromLocalMs(serialToLocalMs(serial), timeZone);
}

export function serialToLocalMs(serial: number): number {
  return Math.round((serial - EPOCH_SERIAL) * DAY_MS);
}

/** Whole milliseconds added before the one division: 8:00 is 1/3 exactly, not 0.33333333333212. */
export function localMsToSerial(localMs: number): number {
  return (localMs + EPOCH_SERIAL * DAY_MS) / DAY_MS;
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

function intlZoneName(
  ms: number,
  timeZone: string,
  style: 'short' | 'long',
  locale: string,
): string | undefined {
  const key = `${timeZone}|${style}|${locale}`;
  let f = nameFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style });
    nameFormatters.set(key, f);
  }
  return f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
}

/**
 * English locales in whose short names a zone's own people read it: Intl knows US abbreviations in
 * en-US, European ones in en-GB ('BST', 'CEST'), 'IST' for India in en-IN and for Dublin's summer in
 * en-IE, Australian and New Zealand ones in en-AU and en-NZ. No zone is named two ways among them.
 */
const SHORT_NAME_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-IE', 'en-AU', 'en-NZ'];

/**
 * Java-like zone names: 'EST' / 'BST' / 'CEST' / 'IST' for short, 'Eastern Standard Time' for
 * long. Where no locale has an abbreviation (Intl's 'GMT+9'), Java prints GMT+hh:mm.
 */
export function zoneName(ms: number, timeZone: string, style: 'short' | 'long'): string {
  if (style === 'long') return intlZoneName(ms, timeZone, style, 'en-US') ?? timeZone;
  for (const locale of SHORT_NAME_LOCALES) {
    const name = intlZoneName(ms, timeZone, style, locale);
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
  }
  const offset = offsetMs(ms, timeZone) / 60_000;
  const abs = Math.abs(offset);
  return `GMT${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
