// An all-day time-off row shows its days: Start and End are the first and last day off, and as
// midnights (2027-01-04 00:00 to 2027-01-05 00:00) they would read as one day from midnight to
// midnight, not the two days they are. So once Validate or Push reads a row as whole days, its
// Start and End cells get a date-only number format; a row timed again gets the template's time
// format back. Only formats change, never a value, one read and at most one write a column.
import type { Grid } from '../sheet/grid';
import { WriteRefused } from '../sheet/write-table';
import { DATE_FORMAT } from '../table/build-table';
import { readsWholeDays } from './parse-row';
import type { SheetSnapshot } from './sheet-rows';
import { TEMPLATE_TIME_FORMAT } from './template';

/** Whether a number format shows a time of day (its hours), literals aside. */
const showsTime = (format: string) => /h/i.test(format.replace(/"[^"]*"|\\./g, ''));

/** The format a Start or End cell should have: `format` unless it hides what the row is. */
function formatFor(format: string, wholeDays: boolean): string {
  if (wholeDays) return showsTime(format) ? DATE_FORMAT : format;
  // Only the add-on's own date-only format is taken back: one the user chose is theirs.
  return format === DATE_FORMAT ? TEMPLATE_TIME_FORMAT : format;
}

/** Gives the Start and End cells of a time-off sheet's rows the format their row reads as. */
export function showWholeDays(grid: Grid, sheet: SheetSnapshot, locale?: string): void {
  const { map } = sheet;
  if (map.kind !== 'time_off' || !grid.columnFormats || !grid.setColumnFormats) return;
  const ctx = { zone: sheet.zone, ...(locale ? { locale } : {}) };
  const days = new Map<number, boolean>();
  for (const row of sheet.rows) if (!row.blank) days.set(row.row, readsWholeDays(row.values, map, ctx));
  if (days.size === 0) return;
  const first = Math.min(...days.keys());
  const count = Math.max(...days.keys()) - first + 1;
  for (const key of ['start', 'end']) {
    const at = map.columns[key];
    if (at === undefined) continue;
    const formats = grid.columnFormats(first, at + 1, count);
    const wanted = formats.map((f, i) => {
      const whole = days.get(first + i);
      return whole === undefined ? f : formatFor(f, whole);
    });
    if (wanted.every((f, i) => f === formats[i])) continue;
    try {
      grid.setColumnFormats(first, at + 1, wanted);
    } catch (error) {
      // A protected column keeps its formats: how a cell shows is no reason to stop.
      if (!(error instanceof WriteRefused)) throw error;
    }
  }
}
