// What Sheets makes of a string written by setValue/setValues, as if a user typed it in a
// spreadsheet of the given locale (dates, decimals and TRUE/FALSE are read by its rules).

import { localMsToSerial } from '../../time/timezone.js';
import { evaluateFormula } from './formula.js';

export type CellValue = string | number | boolean;

export interface Interpreted {
  value: CellValue;
  formula?: string;
  /** Number format Sheets implies from the typed text (a date, 1,234, 12%, $3). */
  format?: string;
}

/** How a locale writes numbers, dates and booleans; other locales as UNKNOWN below. */
interface LocaleRules {
  decimal: '.' | ',';
  /** Thousands separators, as a regex character class body. */
  group: string;
  dayFirst: boolean;
  /**
   * Separator of day, month and year (besides ISO yyyy-mm-dd, which every locale reads); null
   * where the runtime does not know the locale's order, so such text stays text.
   */
  dateSep: '/' | '.' | null;
  trueWord: string;
  falseWord: string;
  dateFormat: string;
  timeFormat: string;
}

const US: LocaleRules = {
  decimal: '.',
  group: ',',
  dayFirst: false,
  dateSep: '/',
  trueWord: 'TRUE',
  falseWord: 'FALSE',
  dateFormat: 'M/d/yyyy',
  timeFormat: 'H:mm:ss',
};
const DAY_FIRST = { ...US, dayFirst: true, dateFormat: 'dd/MM/yyyy', timeFormat: 'HH:mm:ss' };
const LOCALES: Record<string, LocaleRules> = {
  en_US: US,
  en_GB: DAY_FIRST,
  en_AU: DAY_FIRST,
  en_IE: DAY_FIRST,
  en_IN: DAY_FIRST,
  en_NZ: DAY_FIRST,
  de_DE: {
    ...DAY_FIRST,
    decimal: ',',
    group: '.',
    dateSep: '.',
    trueWord: 'WAHR',
    falseWord: 'FALSCH',
    dateFormat: 'dd.MM.yyyy',
  },
  fr_FR: { ...DAY_FIRST, decimal: ',', group: ' \u00a0\u202f', trueWord: 'VRAI', falseWord: 'FAUX' },
  pt_BR: { ...DAY_FIRST, decimal: ',', group: '.', trueWord: 'VERDADEIRO', falseWord: 'FALSO' },
  es_ES: { ...DAY_FIRST, decimal: ',', group: '.', trueWord: 'VERDADERO', falseWord: 'FALSO' },
  it_IT: { ...DAY_FIRST, decimal: ',', group: '.', trueWord: 'VERO', falseWord: 'FALSO' },
};
// A locale the runtime does not know: en_US's numbers and words, but 03/04/2026 stays text, not
// taken one way round, since how Sheets reads it there is not known. The stricter reading: the
// add-on then meets such a date as text, and must not guess its order either.
const UNKNOWN: LocaleRules = { ...US, dateSep: null };

/** The locales whose typing rules the runtime knows, e.g. for a picker of them. */
export const TYPING_LOCALES: readonly string[] = Object.keys(LOCALES);

export function localeRules(locale: string): LocaleRules {
  return LOCALES[locale] ?? UNKNOWN;
}

const inClass = (chars: string) => chars.replace(/[.\\\]^-]/g, (c) => `\\${c}`);
const numberPatterns = new Map<LocaleRules, RegExp>();

function numberPattern(rules: LocaleRules): RegExp {
  let re = numberPatterns.get(rules);
  if (!re) {
    const g = `[${inClass(rules.group)}]`;
    const d = inClass(rules.decimal);
    re = new RegExp(
      String.raw`^([+-])?(\$)?(\d{1,3}(?:${g}\d{3})+|\d+)?(?:${d}(\d+))?(?:[eE]([+-]?\d+))?(%)?$`,
    );
    numberPatterns.set(rules, re);
  }
  return re;
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+${TIME})?$`);
const SLASH_DATE = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:\s+${TIME})?$`);
// A month and day with no year ("12/3" in en_US, "3/12" in en_GB): that day of the current year.
const SLASH_DAY = /^(\d{1,2})\/(\d{1,2})$/;
const DOT_DATE = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:\s+${TIME})?$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);

function parseNumber(text: string, rules: LocaleRules): Interpreted | null {
  const m = numberPattern(rules).exec(text);
  if (!m || (m[3] === undefined && m[4] === undefined)) return null;
  const [, sign, dollar, int, decimals, exponent, percent] = m;
  if (dollar && (percent || exponent)) return null;
  const digits = (int ?? '0').replace(/\D/g, '');
  let value = Number(`${digits}.${decimals ?? '0'}e${exponent ?? '0'}`);
  if (sign === '-') value = -value;
  if (percent) return { value: value / 100, format: decimals ? '0.00%' : '0%' };
  if (dollar) return { value, format: decimals ? '"$"#,##0.00' : '"$"#,##0' };
  if (int !== undefined && int !== digits) return { value, format: decimals ? '#,##0.00' : '#,##0' };
  return { value };
}

/** Seconds into the day, or null when the clock text is impossible. */
function timeOfDay(h?: string, mi?: string, s?: string, ampm?: string): number | null {
  let hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  if (minute > 59 || second > 59) return null;
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  } else if (hour > 23) return null;
  return hour * 3600 + minute * 60 + second;
}

function dateSerial(year: number, month: number, day: number, seconds: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return localMsToSerial(ms + seconds * 1000);
}

function parseDate(text: string, rules: LocaleRules, thisYear: () => number): Interpreted | null {
  const day = rules.dateSep === '/' ? SLASH_DAY.exec(text) : null;
  if (day) {
    const [mo, d] = rules.dayFirst ? [day[2], day[1]] : [day[1], day[2]];
    const value = dateSerial(thisYear(), Number(mo), Number(d), 0);
    return value === null ? null : { value, format: rules.dateFormat };
  }
  const iso = ISO_DATE.exec(text);
  const local = iso || !rules.dateSep ? null : (rules.dateSep === '.' ? DOT_DATE : SLASH_DATE).exec(text);
  const m = iso ?? local;
  if (m) {
    const [y, mo, d] = iso ? [m[1], m[2], m[3]] : rules.dayFirst ? [m[3], m[2], m[1]] : [m[3], m[1], m[2]];
    let year = Number(y);
    if (y?.length === 2) year += year < 30 ? 2000 : 1900;
    const hasTime = m[4] !== undefined;
    const seconds = hasTime ? timeOfDay(m[4], m[5], m[6], m[7]) : 0;
    if (seconds === null) return null;
    const value = dateSerial(year, Number(mo), Number(d), seconds);
    if (value === null) return null;
    const datePart = iso ? 'yyyy-mm-dd' : rules.dateFormat;
    const timePart = m[7] ? ' h:mm:ss am/pm' : ` ${rules.timeFormat}`;
    return { value, format: hasTime ? datePart + timePart : datePart };
  }
  const t = TIME_ONLY.exec(text);
  if (!t) return null;
  const seconds = timeOfDay(t[1], t[2], t[3], t[4]);
  if (seconds === null) return null;
  return { value: seconds / 86_400, format: t[4] ? 'h:mm:ss am/pm' : rules.timeFormat };
}

/**
 * @param cellFormat the cell's number format; '@' (plain text) keeps every string as typed.
 * @param locale the spreadsheet's locale, e.g. 'de_DE'.
 * @param thisYear the year it is in the spreadsheet's zone, for a date typed without one.
 */
export function interpretString(
  raw: string,
  cellFormat: string | undefined,
  locale: string,
  thisYear: () => number,
): Interpreted {
  const rules = localeRules(locale);
  if (raw === '' || cellFormat === '@') return { value: raw };
  if (raw.startsWith("'")) return { value: raw.slice(1) };
  if (raw.startsWith('=')) return { value: evaluateFormula(raw.slice(1)), formula: raw };
  const text = raw.trim();
  const number = parseNumber(text, rules);
  if (number) return number;
  // Sheets reads any other text led by + or - as a formula, often one it cannot parse.
  if (/^[+-]./.test(text)) return { value: evaluateFormula(text), formula: `=${text}` };
  const word = text.toUpperCase();
  if (word === rules.trueWord || word === rules.falseWord) return { value: word === rules.trueWord };
  return parseDate(text, rules, thisYear) ?? { value: raw };
}
