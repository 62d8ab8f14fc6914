// Display text of a cell value under a Sheets number format (getDisplayValues).

import { DAYS, MONTHS } from '../../time/names.js';
import { serialToLocalMs } from '../../time/timezone.js';

/** What getNumberFormat() returns for a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
/** What Sheets applies when a script writes a Date into an unformatted cell. */
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy H:mm:ss';

/** An elapsed code ([h], [mm], [s]) counts past its usual wrap: 25 hours shows as 25. */
type Token = { lit: string } | { code: string; elapsed?: boolean };

/** Splits a format section into literal text and format codes (quoted text and \x are literal). */
function tokenize(format: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < format.length; ) {
    const ch = format[i] as string;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end === -1 ? format.length : end;
      tokens.push({ lit: format.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      tokens.push({ lit: format[i + 1] ?? '' });
      i += 2;
    } else if (/^\[(h+|m+|s+)\]/i.test(format.slice(i))) {
      const end = format.indexOf(']', i);
      tokens.push({ code: format.slice(i + 1, end).toLowerCase(), elapsed: true });
      i = end + 1;
    } else if (/am\/pm/i.test(format.slice(i, i + 5))) {
      tokens.push({ code: 'ampm' });
      i += 5;
    } else if (/[ymdhs]/i.test(ch)) {
      let j = i;
      while (format[j]?.toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ code: format.slice(i, j).toLowerCase() });
      i = j;
    } else {
      tokens.push({ lit: ch });
      i++;
    }
  }
  return tokens;
}

const stripLiterals = (format: string) => format.replace(/"[^"]*"|\\./g, '');

export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === '@') return false;
  return /[ymdhs]/i.test(stripLiterals(format));
}

function formatDate(serial: number, format: string): string {
  const d = new Date(serialToLocalMs(serial));
  const tokens = tokenize(format);
  const twelveHour = tokens.some((t) => 'code' in t && t.code === 'ampm');
  const codes = tokens.filter((t): t is { code: string } => 'code' in t);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  let out = '';
  for (const t of tokens) {
    if ('lit' in t) {
      out += t.lit;
      continue;
    }
    const c = t.code;
    if (t.elapsed) {
      const unit = c[0] === 'h' ? 24 : c[0] === 'm' ? 1440 : 86_400;
      out += pad(Math.floor(serial * unit + 1e-9), Math.min(c.length, 2));
      continue;
    }
    const at = codes.indexOf(t);
    const prev = codes[at - 1]?.code[0];
    const next = codes[at + 1]?.code[0];
    const hour = d.getUTCHours();
    if (c === 'ampm') out += hour < 12 ? 'AM' : 'PM';
    else if (c[0] === 'y')
      out += c.length <= 2 ? pad(d.getUTCFullYear() % 100, 2) : String(d.getUTCFullYear());
    else if (c[0] === 'd') {
      if (c.length >= 4) out += DAYS[d.getUTCDay()];
      else if (c.length === 3) out += DAYS[d.getUTCDay()]?.slice(0, 3);
      else out += pad(d.getUTCDate(), c.length);
    } else if (c[0] === 'h') {
      const h = twelveHour ? hour % 12 || 12 : hour;
      out += pad(h, Math.min(c.length, 2));
    } else if (c[0] === 's') out += pad(d.getUTCSeconds(), Math.min(c.length, 2));
    else if (c.length <= 2 && (prev === 'h' || next === 's')) out += pad(d.getUTCMinutes(), c.length);
    else if (c.length >= 4) out += MONTHS[d.getUTCMonth()];
    else if (c.length === 3) out += MONTHS[d.getUTCMonth()]?.slice(0, 3);
    else out += pad(d.getUTCMonth() + 1, c.length);
  }
  return out;
}

/** Sheets' automatic number display: up to 10 significant digits, E notation for extremes. */
export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '#NUM!' : '-#NUM!';
  const abs = Math.abs(n);
  if (Number.isInteger(n) && abs < 1e15) return String(n);
  if (abs >= 1e15 || abs < 1e-9) {
    const [mantissa, exp = '0'] = n.toExponential(2).split('e');
    const e = Number(exp);
    return `${mantissa}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatPlain(n: number, section: string, signed: boolean): string {
  const tokens: { text: string; placeholder: boolean }[] = [];
  for (let i = 0; i < section.length; ) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end === -1 ? section.length : end;
      tokens.push({ text: section.slice(i + 1, stop), placeholder: false });
      i = stop + 1;
    } else if (ch === '\\') {
      tokens.push({ text: section[i + 1] ?? '', placeholder: false });
      i += 2;
    } else {
      tokens.push({ text: ch, placeholder: /[0#?.,]/.test(ch) });
      i++;
    }
  }
  const first = tokens.findIndex((t) => t.placeholder);
  if (first === -1) return tokens.map((t) => t.text).join('');
  let last = first;
  tokens.forEach((t, i) => {
    if (t.placeholder) last = i;
  });
  const core = tokens
    .slice(first, last + 1)
    .map((t) => t.text)
    .join('');
  const prefix = tokens
    .slice(0, first)
    .map((t) => t.text)
    .join('');
  const suffix = tokens
    .slice(last + 1)
    .map((t) => t.text)
    .join('');
  const percent = section.replace(/"[^"]*"|\\./g, '').includes('%');
  const [intPattern = '', decPattern = ''] = core.split('.');
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const minDec = (decPattern.match(/0/g) ?? []).length;
  const maxDec = (decPattern.match(/[0#?]/g) ?? []).length;
  const value = Math.abs(n) * (percent ? 100 : 1);
  let [int = '0', dec = ''] = value.toFixed(maxDec).split('.');
  while (dec.length > minDec && dec.endsWith('0')) dec = dec.slice(0, -1);
  if (minInt === 0 && int === '0') int = '';
  int = int.padStart(minInt, '0');
  if (intPattern.includes(',')) int = groupThousands(int);
  const sign = signed && n < 0 && Number(value.toFixed(maxDec)) !== 0 ? '-' : '';
  return `${sign}${prefix}${int}${dec ? `.${dec}` : ''}${suffix}`;
}

export function formatNumber(n: number, format: string | undefined): string {
  if (!format || format === DEFAULT_NUMBER_FORMAT || format === '@' || /^general$/i.test(format)) {
    return formatGeneral(n);
  }
  if (isDateFormat(format)) return formatDate(n, format.split(';')[0] ?? format);
  const sections = format.split(';');
  if (n < 0 && sections[1] !== undefined) return formatPlain(n, sections[1], false);
  if (n === 0 && sections[2] !== undefined) return formatPlain(n, sections[2], false);
  return formatPlain(n, sections[0] ?? '', true);
}
