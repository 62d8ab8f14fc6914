// How a time-off request as Assembled holds it now differs from what its row pushed: a manager may
// change its times, all-day or type in Assembled, which the status alone does not tell. What was
// pushed is read from the row's Push status note (the cells as the sheet showed them, in the zone
// the spreadsheet had then), so a row edited since, or a spreadsheet whose zone changed, still
// compares what Assembled was sent.
import type { TimeOffRequest } from '../assembled';
import type { Zone, Zones } from '../ports';
import type { CellValue } from '../table/build-table';
import { formatLocalDateTime } from '../time/zone-math';
import type { AgentDirectory } from './agents';
import { allDayZones } from './all-day-zone';
import type { HeaderMap } from './header';
import { KINDS } from './kinds';
import { parseRow } from './parse-row';
import { pushedValues, sentZoneName } from './sent-print';
import { timeOffRow } from './time-off-days';
import type { TimeOffTypes } from './time-off-types';

export interface DriftContext {
  /** The spreadsheet's zone now: the row's when its note names none. */
  zone: Zone;
  zones: Zones;
  locale?: string;
  agents: AgentDirectory;
  /** The agents' all-day zones, people read once with the agents' (allDayZones). */
  people: Parameters<typeof allDayZones>[0];
  types: TimeOffTypes;
}

type Shown = Record<'all_day' | 'start' | 'end' | 'type', string>;

/** A request's columns as the sheet shows them: whole days as days, other times to the minute. */
function shown(r: TimeOffRequest, zone: Zone, days: (agentId: string) => Zone): Shown {
  const row = timeOffRow(r, zone, days);
  const at = (ms: unknown) =>
    typeof ms === 'number' ? formatLocalDateTime(ms, zone, true).replace(/(\d\d:\d\d):00$/, '$1') : '';
  const allDay = r.all_day === true;
  return {
    all_day: allDay ? 'ticked' : 'not ticked',
    start: allDay ? String(row.first_day ?? '') : at(r.start_time),
    end: allDay ? String(row.last_day ?? '') : at(r.end_time),
    type: r.type ?? '',
  };
}

/**
 * What Assembled holds of the row's request that it was not pushed with, in words ("Start is
 * 2027-01-10 10:00 there, pushed as 2027-01-10 09:00"); '' when nothing differs, or what was pushed
 * cannot be read back (a note of the older form, an agent no longer found).
 */
export function driftWords(request: TimeOffRequest, note: string, map: HeaderMap, ctx: DriftContext): string {
  const values: CellValue[] | undefined = pushedValues(note, map);
  if (!values || request.start_time === null || request.end_time === null) return '';
  const sentIn = sentZoneName(note);
  let zone = ctx.zone;
  if (sentIn && sentIn !== ctx.zone.name) {
    try {
      zone = ctx.zones(sentIn);
    } catch {
      return '';
    }
  }
  const parse = parseRow(values, map, { zone, zones: ctx.zones, agents: ctx.agents, locale: ctx.locale });
  if (!parse.ok || parse.request.kind !== 'time_off') return '';
  const asked = parse.request.input;
  const days = allDayZones(ctx.people, zone, ctx.zones);
  const there = shown(request, zone, days);
  const pushed = shown(
    { ...request, all_day: asked.all_day === true, start_time: asked.start_time, end_time: asked.end_time },
    zone,
    days,
  );
  const header = (key: keyof Shown) => {
    const at = map.columns[key];
    return (at !== undefined && map.headers[at]) || KINDS.time_off.columns.find((c) => c.key === key)?.header;
  };
  const differ = (['all_day', 'start', 'end'] as const).filter((k) => there[k] !== pushed[k]);
  // The box is said as it looks ("All day is ticked there, was not when pushed").
  const was = (k: keyof Shown) =>
    k === 'all_day'
      ? `was ${pushed.all_day === 'ticked' ? 'ticked' : 'not'} when pushed`
      : `pushed as ${pushed[k]}`;
  const words = differ.map((k) => `${header(k)} is ${there[k]} there, ${was(k)}`);
  // A row that named no type took Assembled's default; a type is compared by the account's names of it.
  if (asked.type && request.type && !ctx.types.same(asked.type, request.type))
    words.push(`${header('type')} is ${request.type} there, pushed as ${asked.type}`);
  return words.join('; ');
}
