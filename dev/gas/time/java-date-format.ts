// Utilities.formatDate: Java SimpleDateFormat patterns rendered in a given time zone.

import { DAYS, MONTHS } from './names.js';
import { offsetMs, toLocalMs, zoneName } from './timezone.js';

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function offsetText(offset: number, style: 'Z' | 'X1' | 'X2' | 'X3'): string {
  if (offset === 0 && style !== 'Z') return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offset) / 60_000);
  const hh = pad(Math.floor(minutes / 60), 2);
  const mm = pad(minutes % 60, 2);
  if (style === 'X1') return `${sign}${hh}`;
  if (style === 'X3') return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

/** Week of year as Java's en_US calendar counts it: weeks start on Sunday, week 1 holds Jan 1. */
function weekOfYear(local: Date): number {
  const jan1 = Date.UTC(local.getUTCFullYear(), 0, 1);
  const jan1Day = new Date(jan1).getUTCDay();
  const dayOfYear = Math.floor((local.getTime() - jan1) / 86_400_000);
  return Math.floor((dayOfYear + jan1Day) / 7) + 1;
}

export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const local = new Date(toLocalMs(ms, timeZone));
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const day = local.getUTCDate();
  const hour = local.getUTCHours();
  const weekday = local.getUTCDay();
  const field = (letter: string, count: number): string => {
    switch (letter) {
      case 'G':
        return 'AD';
      case 'y':
      case 'Y':
        return count === 2 ? pad(year % 100, 2) : pad(year, count);
      case 'M':
      case 'L':
        if (count >= 4) return MONTHS[month] ?? '';
        if (count === 3) return (MONTHS[month] ?? '').slice(0, 3);
        return pad(month + 1, count);
      case 'd':
        return pad(day, count);
      case 'D':
        return pad(Math.floor((local.getTime() - Date.UTC(year, 0, 1)) / 86_400_000) + 1, count);
      case 'E':
        return count >= 4 ? (DAYS[weekday] ?? '') : (DAYS[weekday] ?? '').slice(0, 3);
      case 'u':
        return pad(weekday === 0 ? 7 : weekday, count);
      case 'w':
        return pad(weekOfYear(local), count);
      case 'a':
        return hour < 12 ? 'AM' : 'PM';
      case 'H':
        return pad(hour, count);
      case 'k':
        return pad(hour === 0 ? 24 : hour, count);
      case 'K':
        return pad(hour % 12, count);
      case 'h':
        return pad(hour % 12 === 0 ? 12 : hour % 12, count);
      case 'm':
        return pad(local.getUTCMinutes(), count);
      case 's':
        return pad(local.getUTCSeconds(), count);
      case 'S':
        return pad(local.getUTCMilliseconds(), count);
      case 'z':
        return zoneName(ms, timeZone, count >= 4 ? 'long' : 'short');
      case 'Z':
        return offsetText(offsetMs(ms, timeZone), 'Z');
      case 'X':
        return offsetText(offsetMs(ms, timeZone), count === 1 ? 'X1' : count === 2 ? 'X2' : 'X3');
      default:
        throw new Error(`Illegal pattern character '${letter}'`);
    }
  };

  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Quoted literal text; '' inside it is one apostrophe.
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] !== "'") {
            i++;
            break;
          }
          i++;
        }
        out += pattern[i];
        i++;
      }
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      out += field(ch, j - i);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
