// A refresh's hour follows the spreadsheet's time zone, as Sheets' own features do: File > Settings
// changing the zone moves every refresh of a given hour in real time. Its card says so until its
// owner saves it again in the new zone, or changes its time.
import type { Zone, Zones } from '../ports';
import { formatLocalDateTime } from '../time/zone-math';
import { nextRunIn } from './next-run';
import type { Refresh } from './refresh';

/** "New York" of America/New_York: how a person names a zone's time. */
const place = (zone: string) => (zone.split('/').pop() ?? zone).replace(/_/g, ' ');

/**
 * The spreadsheet's zone is no longer the one the refresh was saved in: at what time it runs now,
 * in both zones' clocks, and to its owner what to do; '' when the zone is the same, when its hour
 * is none (every hour, every N hours), or for a refresh saved before the zone was kept.
 */
export function zoneMovedWords(r: Refresh, mine: boolean, zone: Zone, zones: Zones): string {
  const saved = r.savedZone;
  if (saved === undefined || saved === zone.name || !('hour' in r.frequency)) return '';
  const next = nextRunIn(r, zone);
  const [day, time] = formatLocalDateTime(next, zone).split(' ');
  const [dayThere, timeThere] = formatLocalDateTime(next, zones(saved)).split(' ');
  const other =
    (dayThere ?? '') < (day ?? '') ? ', the day before' : dayThere === day ? '' : ', the day after';
  const words = `Saved for ${saved}: the spreadsheet's time zone is now ${zone.name}, so it runs at ${time} ${place(zone.name)} time (${timeThere} ${place(saved)} time${other}).`;
  return mine ? `${words} Edit and save to keep it so, or change its time.` : words;
}
