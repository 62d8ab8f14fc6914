// Append and merge add to the table a sheet holds: rows of another source, or of the same report
// at another granularity (days among weeks), would sit in one table and a total over it would
// count the same time twice. Such a pull is refused before Assembled is asked for anything.
import { MENU_ITEMS } from '../menu-names';
import type { Zone } from '../ports';
import { InputError } from '../validation';
import { type PullSource, type PullSpec, sourceInfo, sourceLabel } from './pull-spec';
import { targetSheet } from './pull-target';
import type { TargetNow } from './target-now';

/** Whether rows of `source` appended or merged into a table holding `held` (TargetNow.held) would mix the two. */
export const mixesWith = (held: string, source: PullSource): boolean => held !== sourceLabel(source);

export function refuseMixing(spec: PullSpec, now: TargetNow | undefined): void {
  if (spec.mode === 'replace' || !now) return;
  const wanted = sourceLabel(spec.source);
  if (now.held === undefined || !mixesWith(now.held, spec.source)) return;
  const verb = spec.mode === 'append' ? 'Appending' : 'Merging';
  throw new InputError('Pull', [
    `"${targetSheet(spec.target)}" holds ${now.held}, not ${wanted}. ${verb} would mix the two in one table: pull into another sheet, or choose Replace it`,
  ]);
}

/**
 * The table's time zone when it was written, if a merge or append into it now would mix zones: a
 * change of the spreadsheet's zone keeps each cell's day and time (as Sheets does), so its rows
 * stay in the old zone's days and times while new rows come in the new zone's. Data with no dates
 * (teams, people) is not held back.
 */
export function otherZone(spec: PullSpec, now: TargetNow | undefined, zone: Zone): string | undefined {
  if (!addsDated(spec)) return undefined;
  return now?.zone !== undefined && now.zone !== zone.name ? now.zone : undefined;
}

/** A merge or append of data with dates: the pulls otherZone may refuse, the rest never. */
export const addsDated = (spec: PullSpec): boolean =>
  spec.mode !== 'replace' && sourceInfo(spec.source).range !== 'none';

/**
 * Why a merge or append into a table written in another zone is refused (otherZone), after "the
 * table was". `inForm`: said in Pull data, where the menu item is the page read; a refresh's card
 * and e-mail are read elsewhere, and name it.
 */
export function tableZoneWords(
  spec: PullSpec,
  was: string,
  zone: Pick<Zone, 'name'>,
  inForm = false,
): string {
  const adding = spec.mode === 'append' ? 'appending' : 'merging';
  const replace = inForm
    ? 'Choose Replace it under If the target has data and pull it once'
    : `Pull it once with Replace it (${MENU_ITEMS.pull})`;
  return `written while the spreadsheet's time zone was ${was}, and it is ${zone.name} now. Its dates and times stay as they were in ${was} (Sheets keeps each cell's day and time), and ${adding} would put rows in ${zone.name} beside them under the same keys. ${replace}, over all the dates it should hold, to write it again in ${zone.name}; ${adding} can go on from there`;
}

/**
 * A merge or append that would mix zones in one table is refused before Assembled is asked for
 * anything, as mixing sources is: a table of days from two zones counts some hours twice, and
 * rows keyed on a time are added a second time, hours off, rather than merged.
 */
export function refuseOtherZone(
  spec: PullSpec,
  now: TargetNow | undefined,
  zone: Zone,
  inForm: boolean,
): void {
  const was = otherZone(spec, now, zone);
  if (was === undefined) return;
  throw new OtherZone(spec, was, zone.name, inForm);
}

/** A pull refused by refuseOtherZone: the table's zone and the spreadsheet's, for a refresh's card to check later. */
export class OtherZone extends InputError {
  constructor(
    spec: PullSpec,
    readonly table: string,
    readonly zone: string,
    inForm = false,
  ) {
    super('Pull', [otherZoneRefusal(spec, table, zone, inForm)]);
  }
}

function otherZoneRefusal(spec: PullSpec, table: string, zone: string, inForm = false): string {
  return `Nothing was written to "${targetSheet(spec.target)}": the table there was ${tableZoneWords(spec, table, { name: zone }, inForm)}`;
}

/**
 * A refresh's run refused so, as its card says it once the spreadsheet's zone has changed since:
 * "it is … now" would no longer be so. Set back to the table's, the next run is not refused; set to
 * a third, it is refused in that zone's words. Undefined while the zone is still the one refused.
 */
export function otherZoneSince(
  spec: PullSpec,
  refused: { table: string; spreadsheet: string },
  zone: string,
): string | undefined {
  if (zone === refused.spreadsheet) return undefined;
  if (zone !== refused.table) return `${otherZoneRefusal(spec, refused.table, zone)}.`;
  return `Nothing was written to "${targetSheet(spec.target)}": the table there was written while the spreadsheet's time zone was ${refused.table}, and it was ${refused.spreadsheet} then. It is ${refused.table} again now, so the next run is not refused for it.`;
}
