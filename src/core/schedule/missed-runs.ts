// Resume of a refresh paused over its run time: a paused refresh runs nothing, and resumed it runs
// next at its next time, so a weekly "last week" paused over its Monday holds the week before last
// for another week. Resume says which runs it missed and what the sheet holds, beside Run now; so
// it does of a last run that failed, which brought no more than a run missed.
import { countText } from '../count-text';
import type { Zone } from '../ports';
import { datesWords } from '../time/dates-words';
import { addDays, formatLocalDate } from '../time/local-date';
import { formatLocalDateTime, localDateOf } from '../time/zone-math';
import { dueUpTo, nextRunIn } from './next-run';
import type { Refresh } from './refresh';

/** Runs counted at most: an hourly refresh paused for months is said to have missed more. */
const COUNTED = 1000;

/**
 * The runs due while `paused` (the record as it was before Resume) was paused, up to `now`: how
 * many, and when the last was due. Its next run then was the first due after its pause (Pause, and
 * a run that paused it, set it so), so each from it up to now was missed; none when it is ahead.
 */
function missed(paused: Refresh, zone: Zone, now: number): { count: number; last: number } | undefined {
  return dueUpTo(paused, zone, now, COUNTED);
}

/** What the sheet holds of its last good run's range, when that is known (not of a BigQuery table). */
function holds(r: Refresh, zone: Zone): string {
  const last = r.lastPulled;
  if (!last || r.spec.target.kind === 'bigquery') return '';
  // Its range over when it ran: up to the day before its end; under way, as it stood then.
  const whole = last.end <= last.at;
  const to = formatLocalDate(whole ? addDays(localDateOf(last.end, zone), -1) : localDateOf(last.at, zone));
  const asOf = whole ? '' : ` as it stood at ${formatLocalDateTime(last.at, zone)}`;
  // A merge or append holds its earlier runs' rows too: how far they go is what is stale.
  if (r.spec.mode !== 'replace')
    return `: the sheet's rows go up to ${whole ? to : formatLocalDateTime(last.at, zone)}`;
  return `: the sheet holds ${datesWords({ from: last.from, to })}${asOf}`;
}

/**
 * Its last run failed (a refused key's, which paused it), its dates not all in the sheet whole: it
 * brought no rows, so the sheet is as far behind as after a run missed.
 */
function failedLast(r: Refresh, zone: Zone): string | undefined {
  const last = r.lastRun;
  if (last?.status !== 'failed' || last.whole) return undefined;
  return last.dueAt === undefined
    ? 'Its last run'
    : `Its last run, due ${formatLocalDateTime(last.dueAt, zone)},`;
}

/**
 * Resume's words on the runs missed while paused, or on the failed run before it, '' when neither:
 * `before`, the record as it was paused; `resumed`, as Resume left it (its next run).
 */
export function missedWords(before: Refresh, resumed: Refresh, zone: Zone, now: number): string {
  // Not paused (Resume pressed twice), it missed nothing, nor is a failed run news.
  if (!before.paused) return '';
  const runs = missed(before, zone, now);
  const failed = runs ? undefined : failedLast(before, zone);
  if (!runs && !failed) return '';
  const next = formatLocalDateTime(nextRunIn(resumed, zone), zone);
  const upToDate = `${holds(before, zone)}. Run now to bring it up to date, or it next runs ${next}.`;
  if (!runs) return `${failed} failed${upToDate}`;
  const due = formatLocalDateTime(runs.last, zone);
  const which =
    runs.count === 1
      ? `its run due ${due}`
      : `${runs.count > COUNTED ? `over ${countText(COUNTED)}` : runs.count} runs, the last due ${due},`;
  return `It missed ${which} while paused${upToDate}`;
}
