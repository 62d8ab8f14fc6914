// An append or merge refresh whose table was written while the spreadsheet had another time zone
// is refused at every run (mixed-target.ts refuseOtherZone) until someone writes the table again:
// its card says so before its next run, and its e-mail that the next run will not work by itself.
import { MENU_ITEMS } from '../menu-names';
import type { Zone } from '../ports';
import { addsDated, otherZone, tableZoneWords } from '../pull/mixed-target';
import { describeTarget, type Targets } from '../pull/pull-target';
import { targetNow } from '../pull/target-now';
import { formatLocalDateTime } from '../time/zone-math';
import { nextRunIn } from './next-run';
import type { Refresh } from './refresh';

/**
 * The zone the refresh's table was written in, when its next run would be refused for it, as the
 * run reads it (targetNow); undefined otherwise. Read only for a merge or append of dated data into
 * a sheet, with no run under way (whose check is behind it).
 */
export function refusedFor(targets: Targets, r: Refresh, zone: Zone): string | undefined {
  if (!addsDated(r.spec) || r.sheetId === undefined || r.jobId !== undefined) return undefined;
  try {
    return otherZone(r.spec, targetNow(targets, r.spec.target, r.sheetId), zone);
  } catch {
    // Its sheet gone, or a chart now: its card says what is wrong with that instead.
    return undefined;
  }
}

/** The zones of its last run, refused for the same table as its next would be. */
const refusedAlready = (r: Refresh, was: string, zone: Zone) =>
  r.lastRun?.zones?.table === was && r.lastRun.zones.spreadsheet === zone.name;

/**
 * After its last run's reason, its Why it failed, once that run was refused so: that the next are
 * too (said there, not in view beside the reason's hundreds of characters: the card must fit the
 * sidebar); else ''.
 */
export function refusedAgainWords(r: Refresh, was: string, zone: Zone): string {
  return refusedAlready(r, was, zone)
    ? 'Its next runs are refused so too, until the table is pulled once with Replace it.'
    : '';
}

/**
 * On the card, in view, before a run is refused: its next run will be, and so will the runs
 * after it, why, and what to do. `was`, refusedFor's zone; '' once a run was (refusedAgainWords).
 */
export function zoneRefusedWords(r: Refresh, was: string, zone: Zone): string {
  if (refusedAlready(r, was, zone)) return '';
  const runs = r.paused
    ? 'Resumed, its runs will be refused'
    : 'Its next run will be refused, and so will every run after it';
  return `${runs} until the table is written again (or the spreadsheet's time zone is set back to ${was} in File ▸ Settings): the table in "${describeTarget(r.spec.target)}" was ${tableZoneWords(r.spec, was, zone)}.`;
}

/** In the e-mail of a run so refused: it does not pass by itself. */
export function refusedMailWords(r: Refresh, was: string, zone: Zone): string {
  if (r.paused) return '';
  const at = `${formatLocalDateTime(nextRunIn(r, zone), zone)} (${zone.name})`;
  return `It does not pass by itself: its next run, at ${at}, is refused the same way, and so is every run after it, until the table is pulled once with Replace it (${MENU_ITEMS.pull}), or the spreadsheet's time zone is set back to ${was}.`;
}
