// What Sheets makes of a string written by setValue/setValues (as if typed by a user, en_US locale).

import { localMsToSerial } from '../../time/timezone.js';
import { evaluateFormula } from './formula.js';

export type CellValue = string | number | boolean;

export interface Interpreted {
  value: CellValue;
  formula?: string;
  /** Number format Sheets implies from the typed text (a date, 1,234, 12%, $3). */
  format?: string;
}

const NUMBER = /^([+-])?(\$)?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?(%)?$/;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+${TIME})?$`);
const US_DATE = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:\s+${TIME})?$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);

function parseNumber(text: string): Interpreted | null {
  const m = NUMBER.exec(text);
  if (!m || (m[3] === undefined && m[4] === undefined)) return null;
  const [, sign, dollar, int, decimals, exponent, percent] = m;
  if (dollar && (percent || exponent)) return null;
  let value = Number(`${(int ?? '0').replace(/,/g, '')}.${decimals ?? '0'}e${exponent ?? '0'}`);
  if (sign === '-') value = -value;
  if (percent) return { value: value / 100, format: decimals ? '0.00%' : '0%' };
  if (dollar) return { value, format: decimals ? '"$"#,##0.00' : '"$"#,##0' };
  if (int?.includes(',')) return { value, format: decimals ? '#,##0.00' : '#,##0' };
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

function parseDate(text: string): Interpreted | null {
  const iso = ISO_DATE.exec(text);
  const us = iso ? null : US_DATE.exec(text);
  const m = iso ?? us;
  if (m) {
    const [y, mo, d] = iso ? [m[1], m[2], m[3]] : [m[3], m[1], m[2]];
    let year = Number(y);
    if (y?.length === 2) year += year < 30 ? 2000 : 1900;
    const hasTime = m[4] !== undefined;
    const seconds = hasTime ? timeOfDay(m[4], m[5], m[6], m[7]) : 0;
    if (seconds === null) return null;
    const value = dateSerial(year, Number(mo), Number(d), seconds);
    if (value === null) return null;
    const datePart = iso ? 'yyyy-mm-dd' : 'M/d/yyyy';
    const timePart = m[7] ? ' h:mm:ss am/pm' : ' H:mm:ss';
    return { value, format: hasTime ? datePart + timePart : datePart };
  }
  const t = TIME_ONLY.exec(text);
  if (!t) return null;
  const seconds = timeOfDay(t[1], t[2], t[3], t[4]);
  if (seconds === null) return null;
  return { value: seconds / 86_400, format: t[4] ? 'h:mm:ss am/pm' : 'H:mm:ss' };
}

/**
 * @param cellFormat the cell's number format; '@' (plain text) keeps every string as typed.
 */
export function interpretString(raw: string, cellFormat: string | undefined): Interpreted {
  if (raw === '' || cellFormat === '@') return { value: raw };
  if (raw.startsWith("'")) return { value: raw.slice(1) };
  if (raw.startsWith('=')) return { value: evaluateFormula(raw.slice(1)), formula: raw };
  const text = raw.trim();
  const number = parseNumber(text);
  if (number) return number;
  // Sheets reads any other text led by + or - as a formula, often one it cannot parse.
  if (/^[+-]./.test(text)) return { value: evaluateFormula(text), formula: `=${text}` };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
  return parseDate(text) ?? { value: raw };
}
