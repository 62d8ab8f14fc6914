import type { Zone } from '../../core/ports';
import { cachedZone } from '../../core/time/cached-zone';
import { documentSpreadsheet } from './spreadsheet';

/** A timezone by its name, its offsets read through Utilities.formatDate. */
export function namedZone(name: string): Zone {
  return cachedZone({
    name,
    offsetMinutes(epochMs) {
      // "Z" formats the offset as -0500 / +0530.
      const z = Utilities.formatDate(new Date(epochMs), name, 'Z');
      const sign = z.startsWith('-') ? -1 : 1;
      return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
    },
  });
}

/** The spreadsheet's timezone: every date the add-on resolves or writes is in it. */
export function spreadsheetZone(ss = documentSpreadsheet()): Zone {
  return namedZone(ss.getSpreadsheetTimeZone());
}
