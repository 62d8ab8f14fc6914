// The schedule as a picture: one row per agent (grouped by team), one column per 15 or 30 minutes
// across the chosen local days, each cell showing the activity type's short name in its colours.
// Columns step through real time from the range's first local midnight to its last, so a day that
// loses or gains an hour to DST has that many fewer or more columns.
import type { Zone } from '../ports';
import type { CellValue } from '../table/build-table';
import { formatLocalDate, isoWeekday, pad, WEEKDAY_NAMES } from '../time/local-date';
import { toLocal } from '../time/zone-math';
import { readableFont } from './readable-font';
import type { ScheduledActivity } from './schedule-records';

export const GRID_SLOTS = [15, 30] as const;
export type GridSlot = (typeof GRID_SLOTS)[number];

/** Cells and their colours, row for row; null colour = the sheet's default. */
export interface Picture {
  values: CellValue[][];
  backgrounds: (string | null)[][];
  fontColors: (string | null)[][];
}

export interface ScheduleGrid {
  grid: Picture;
  legend: Picture;
  /** Header rows above the agents. */
  headerRows: number;
  /** Label columns left of the slots (team, agent). */
  labelColumns: number;
}

const MINUTE_MS = 60_000;
/** The day is said again every this many columns (6 hours of 30 minutes, 3 of 15): about a screen. */
const DAY_LABEL_EVERY = 12;

export function scheduleGrid(
  list: readonly ScheduledActivity[],
  window: { start: number; end: number },
  slotMinutes: GridSlot,
  zone: Zone,
  /** An agent's team as shown: Assembled gives the team's id. */
  teamName: (team: string) => string = (team) => team,
  /** A namesake's name told apart by e-mail (namesakes.ts); others keep the reply's. */
  namesake: (agentId: string) => string | undefined = () => undefined,
): ScheduleGrid {
  const slotMs = slotMinutes * MINUTE_MS;
  const slots: number[] = [];
  for (let t = window.start; t < window.end; t += slotMs) slots.push(t);

  // Header: the day ("Tue 2026-05-19") above its first column and again every few hours, so a grid
  // scrolled sideways still says which day it shows; the local time above every column.
  const days: CellValue[] = ['Team', 'Agent'];
  const times: CellValue[] = ['', ''];
  const everyHours = (DAY_LABEL_EVERY * slotMinutes) / 60;
  let lastDay = '';
  for (const t of slots) {
    const l = toLocal(t, zone);
    const day = `${WEEKDAY_NAMES[isoWeekday(l)]} ${formatLocalDate(l)}`;
    days.push(day !== lastDay || (l.minute === 0 && l.hour % everyHours === 0) ? day : '');
    lastDay = day;
    times.push(`${pad(l.hour)}:${pad(l.minute)}`);
  }

  // Agents grouped by team (their first), then by name.
  const agents = new Map<string, { team: string; name: string }>();
  for (const { activity, agent } of list) {
    if (!agents.has(activity.agent_id))
      agents.set(activity.agent_id, {
        team: agent?.teams[0] ? teamName(agent.teams[0]) : '',
        name: namesake(activity.agent_id) || agent?.name || agent?.email || activity.agent_id,
      });
  }
  const order = [...agents.entries()].sort(
    ([, a], [, b]) => a.team.localeCompare(b.team) || a.name.localeCompare(b.name),
  );
  const rowOf = new Map(order.map(([id], i) => [id, i]));

  const width = slots.length;
  const values: CellValue[][] = order.map(([, a]) => [
    a.team,
    a.name,
    ...new Array<CellValue>(width).fill(''),
  ]);
  const backgrounds: (string | null)[][] = order.map(() => new Array<string | null>(width + 2).fill(null));
  const fontColors: (string | null)[][] = order.map(() => new Array<string | null>(width + 2).fill(null));
  // Where activities overlap in a slot, the one covering more of it wins; on a tie, the shorter
  // (a meeting on top of a shift).
  const best: number[][] = order.map(() => new Array<number>(width).fill(-1));
  const bestLength: number[][] = order.map(() => new Array<number>(width).fill(0));
  const used = new Map<string, ScheduledActivity['type']>();
  // A type's font, made readable on its fill once per type, not once per cell.
  const fonts = new Map<ScheduledActivity['type'], string | null>();
  const fontOf = (type: ScheduledActivity['type']): string | null => {
    if (!fonts.has(type))
      fonts.set(type, readableFont(type?.background_color ?? null, type?.font_color ?? null));
    return fonts.get(type) ?? null;
  };
  for (const { activity: a, type } of list) {
    const r = rowOf.get(a.agent_id) as number;
    const first = Math.max(0, Math.floor((a.start_time - window.start) / slotMs));
    const last = Math.min(width - 1, Math.ceil((a.end_time - window.start) / slotMs) - 1);
    const length = a.end_time - a.start_time;
    for (let c = first; c <= last; c++) {
      const from = window.start + c * slotMs;
      const overlap = Math.min(a.end_time, from + slotMs) - Math.max(a.start_time, from);
      const row = best[r] as number[];
      const held = row[c] as number;
      if (overlap <= 0 || overlap < held || (overlap === held && length >= (bestLength[r]?.[c] ?? 0)))
        continue;
      row[c] = overlap;
      (bestLength[r] as number[])[c] = length;
      (values[r] as CellValue[])[c + 2] = type?.short_name || type?.name || a.type_id;
      (backgrounds[r] as (string | null)[])[c + 2] = type?.background_color ?? null;
      (fontColors[r] as (string | null)[])[c + 2] = fontOf(type);
      if (type) used.set(type.id, type);
    }
  }

  const blank = (n: number) => new Array<string | null>(n).fill(null);
  const grid: Picture = {
    values: [days, times, ...values],
    backgrounds: [blank(width + 2), blank(width + 2), ...backgrounds],
    fontColors: [blank(width + 2), blank(width + 2), ...fontColors],
  };

  const types = [...used.values()]
    .flatMap((t) => (t ? [t] : []))
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  const legend: Picture = {
    values: [
      ['Legend', `${slotMinutes}-minute columns, ${zone.name}`],
      ...types.map((t) => [t.short_name ?? '', t.name ?? '']),
    ],
    backgrounds: [[null, null], ...types.map((t) => [t.background_color, null])],
    fontColors: [[null, null], ...types.map((t) => [fontOf(t), null])],
  };
  return { grid, legend, headerRows: 2, labelColumns: 2 };
}
