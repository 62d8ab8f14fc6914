// A refresh's hour follows the spreadsheet's time zone, as Sheets' own features do: File > Settings
// changing the zone moves every refresh of a given hour in real time. Its card says so until its
// owner saves it again in the new zone, or changes its time.
import type { Zone, Zones } from '../ports';
import { formatLocalDateTime, toLocal } from '../time/zone-math';
import { type Frequency, nextRun } from './frequency';
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
  const saved = movedFrom(r, zone);
  if (saved === undefined || !('hour' in r.frequency)) return '';
  const there = zones(saved);
  const next = nextRunIn(r, zone);
  // Its hour, as its next run at that hour has it: the offset between the zones may differ then.
  const usual = atItsHour(r.frequency, next, zone);
  const words = `Saved for ${saved}: the spreadsheet's time zone is now ${zone.name}, so it runs at ${inBoth(usual, zone, there).time}`;
  if (usual === next) return ending(`${words}.`, mine);
  // Its next run is on a night the clocks skip its hour: at the first time after, an hour not chosen.
  const { day, time } = inBoth(next, zone, there);
  const hour = formatLocalDateTime(usual, zone).split(' ')[1];
  return ending(
    `${words}; on ${day}, when ${hour} does not occur in ${place(zone.name)}, it runs at ${time}.`,
    mine,
  );
}

const ending = (words: string, mine: boolean) =>
  mine ? `${words} Edit and save to keep it so, or change its time.` : words;

/**
 * The first of its runs from `from` on that is at its hour: a run the clocks moved off it (its hour
 * skipped that night, nextRun taking the first time after) is passed over. A night's clock change
 * moves one run: a few runs on always find it.
 */
function atItsHour(f: Frequency & { hour: number }, from: number, zone: Zone): number {
  let t = from;
  for (let i = 0; i < 3 && toLocal(t, zone).hour !== f.hour; i++) t = nextRun(f, t, zone);
  return toLocal(t, zone).hour === f.hour ? t : from;
}

/**
 * A time on the card of a refresh whose zone moved, in both zones' clocks: "2027-04-05 02:25 New
 * York time (07:25 London time)", as its run was due in the zone it was saved in; else as always.
 */
export function cardTime(r: Refresh, zone: Zone, zones: Zones | undefined): (ms: number) => string {
  const saved = movedFrom(r, zone);
  if (saved === undefined || !zones) return (ms) => formatLocalDateTime(ms, zone);
  return (ms) => {
    const { day, time } = inBoth(ms, zone, zones(saved));
    return `${day} ${time}`;
  };
}

/** The zone a refresh of a given hour was saved in, when the spreadsheet's is another now. */
function movedFrom(r: Refresh, zone: Zone): string | undefined {
  const saved = r.savedZone;
  return saved === undefined || saved === zone.name || !('hour' in r.frequency) ? undefined : saved;
}

/** "07:00 Berlin time (01:00 New York time, the day before)", and the day in `zone`. */
function inBoth(ms: number, zone: Zone, there: Zone): { day: string; time: string } {
  const [day = '', time] = formatLocalDateTime(ms, zone).split(' ');
  const [dayThere = '', timeThere] = formatLocalDateTime(ms, there).split(' ');
  const other = dayThere < day ? ', the day before' : dayThere === day ? '' : ', the day after';
  return { day, time: `${time} ${place(zone.name)} time (${timeThere} ${place(there.name)} time${other})` };
}
