// One sheet row into one request, or the row's problems, each naming the column (as the sheet
// heads it) and what to fix. Cells are read with zod/mini; rules across cells (end after start,
// what an action needs, who the agent is) are checked after.

import * as z from 'zod/mini';
import { someOf } from '../count-text';
import type { Zone, Zones } from '../ports';
import { lowerFirst } from '../sentence';
import type { CellValue } from '../table/build-table';
import { wallReadingWords } from '../time/clock-changes';
import { addDays, daysInMonth, formatLocalDate, longDate, longMonth } from '../time/local-date';
import { formatLocalDateTime, fromLocal } from '../time/zone-math';
import type { ActivitiesHeld } from './activity-order';
import { type ActivityCells, activityRequest, clearRequest } from './activity-rows';
import type { ActivityTypeDirectory } from './activity-types';
import type { AgentDirectory } from './agents';
import { allDayZone, type DaysZone } from './all-day-zone';
import { cellFault, dateFault, numberIdWords } from './cell-faults';
import { cellText } from './cell-text';
import { type CellTime, cellTimeFault, readCellTime, timeExample, twoWays } from './cell-time';
import { closest, didYouMean } from './closest';
import { declaredNew, newWords } from './declared-new';
import { lastDayFirst, notAfterStart } from './end-words';
import type { HeaderMap } from './header';
import { type ColumnSpec, INGESTED_NO_ID, KINDS, type PushKind, STATE_ID_WHERE } from './kinds';
import type { PushRequest, StateRecord } from './request';
import { shownDate } from './sent-print';
import type { StatesHeld } from './states-in-assembled';
import type { TimeOffTypes } from './time-off-types';

export type RowParse =
  /**
   * `readAs`: cells read as other than they show (text "yes" in a TRUE/FALSE column), or text dates
   * that read two ways (03/04/2026), in words. `untickedDays`: a time-off row whose All day is not
   * ticked (FALSE or empty, drawn alike), read as whole days as it has no times (readAsWholeDays).
   */
  | { ok: true; request: PushRequest; readAs?: string; untickedDays?: true }
  /**
   * `request`: what a row that read well would send, refused by a check across rows (overlaps.ts
   * refuseRow): later checks still look at it, so that a row to fix says all its problems at once.
   * `asWritten`: the columns of a near miss (brek for break), refused as a typo but read as written
   * into `request` for those checks; their problem is said.
   */
  | { ok: false; problems: string[]; request?: PushRequest; asWritten?: string[] };

export interface ParseContext {
  zone: Zone;
  /** Zones by name: an all-day request's days are in its agent's own (all-day-zone.ts). */
  zones: Zones;
  /** The spreadsheet's locale (e.g. de_DE): dates and TRUE/FALSE typed as text in its words. */
  locale?: string;
  agents: AgentDirectory;
  /** Activity types, for activity rows. */
  types?: ActivityTypeDirectory;
  /** The account's time-off types; without it a type is not checked (a push's later runs). */
  timeOffTypes?: TimeOffTypes;
  /** Now, for rows that must lie in the past (agent states record what happened). */
  now?: number;
  /** The states Assembled holds, for states to ingest; without it they are not checked against them. */
  statesHeld?: StatesHeld;
  /** The activities Assembled holds, to order activity rows by; without it they go in sheet order. */
  activitiesHeld?: ActivitiesHeld;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

type Issues = z.core.ParsePayload['issues'];
/**
 * A problem whose how-to-fix another cell's problem may share: `what` is wrong, `how` to fix it,
 * a sentence of its own. Problems says the instruction once for cells that share it.
 */
interface Told {
  what: string;
  how: string;
  /** Said alone, `how` is a sentence after `what`, not its tail after a colon. */
  apart?: true;
}
const issue = (issues: Issues, input: unknown, message: string | Told) => {
  if (typeof message === 'string') issues.push({ code: 'custom', message, input });
  else issues.push({ code: 'custom', message: alone(message), input, params: message });
};
/** A problem said alone: what is wrong, then how to fix it. */
const alone = ({ what, how, apart }: Told): string =>
  apart ? `${what}. ${how}` : `${what}: ${lowerFirst(how)}`;

// With the TRUE and FALSE of the locales people type them in (Sheets' own words in de, fr, pt).
const TRUE = ['true', 'yes', 'y', '1', 'x', 'wahr', 'ja', 'vrai', 'oui', 'verdadeiro', 'sim'];
const FALSE = ['false', 'no', 'n', '0', 'falsch', 'nein', 'faux', 'non', 'falso', 'não', 'nao'];

/** Whether a TRUE/FALSE cell reads as TRUE: a ticked box, or TRUE in the words people type. */
export function readsTrue(v: unknown): boolean {
  return v === true || (typeof v !== 'boolean' && TRUE.includes(cellText(v).toLowerCase()));
}

/** What an empty required cell should hold, in a few words (the header note says more). */
function wanted(spec: ColumnSpec, locale: string | undefined): string {
  if (spec.needs) return spec.needs;
  if (spec.type === 'agent') return "the agent's Assembled id, email or full name";
  if (spec.type === 'datetime') return `a date and time, such as ${timeExample(locale)}`;
  const values = spec.values ?? [];
  if (spec.strict) return someOf(values, values.length, 'or');
  return `${spec.noun ? `a ${spec.noun}` : 'a value'}, such as ${someOf(values.slice(0, 3), 3, 'or')}`;
}

/** Why a cell's time could not be read, and how to write it. */
function unreadTime(v: CellValue, zone: Zone, locale: string | undefined): string | Told {
  const iso = (t: CellTime) => (t.hasTime ? formatLocalDateTime(t.ms, zone) : formatLocalDate(t.day));
  const retype = `Type the date and time, like ${timeExample(locale)}.`;
  const write = `Write it like ${timeExample(locale)}.`;
  const fault = cellTimeFault(v, zone, locale);
  if (fault?.kind === 'no_date') return { what: 'a time with no date', how: retype };
  if (fault?.kind === 'far_year')
    return {
      what: `reads as ${iso(fault.read)}, and the year ${fault.read.day.year} looks wrong`,
      how: retype,
    };
  if (fault?.kind === 'no_day') {
    const { year, month } = fault;
    // A month past 12 is likely the day, in a locale that puts the month first: the example shows the order.
    if (month >= 1 && month <= 12)
      return `"${cellText(v)}" is not a day: ${longMonth(year, month)} has ${daysInMonth(year, month)} days.`;
    // Said as two sentences even alone: "there is no month 30" is a sentence of its own.
    return { what: `"${cellText(v)}" is not a day: there is no month ${month}`, how: write, apart: true };
  }
  const both = twoWays(v, zone, locale);
  if (!both) return { what: `"${cellText(v)}" is not a date and time the add-on can read`, how: write };
  return `"${cellText(v)}" could be ${longDate(both[0].day)} or ${longDate(both[1].day)}: the add-on does not know whether the spreadsheet's locale (${locale}) puts the day or the month first. Write it as ISO, ${iso(both[0])} or ${iso(both[1])}, or as a date cell.`;
}

/** What a column that holds no time holds, in a few words, to say a date cell is not it. */
function notDate(spec: ColumnSpec): string {
  if (spec.plainText) return 'an ID';
  if (spec.type === 'agent') return 'an agent';
  if (spec.type === 'boolean') return 'TRUE or FALSE';
  if (spec.noun) return `a ${spec.noun}`;
  const values = spec.values ?? [];
  return spec.strict ? someOf(values, values.length, 'or') : 'text';
}

/**
 * A date cell in a column that holds no time: a note's words as the sheet shows them (the day, and
 * its time, in the spreadsheet's zone; a time alone as its time), else a problem (dateFault).
 */
function dateIn(spec: ColumnSpec, v: Date, zone: Zone): { text: string } | { problem: string } {
  const shown = shownDate(v, zone);
  const time = cellTimeFault(v, zone)?.kind === 'no_date';
  const text = time ? shown.slice(11) || '00:00' : shown;
  return spec.freeText ? { text } : { problem: dateFault(text, time, notDate(spec)) };
}

/** The zod/mini schema of one cell, by column type; empty cells come out undefined. */
function cellSchema(spec: ColumnSpec, zone: Zone, locale: string | undefined) {
  return z.pipe(
    z.unknown(),
    z.transform((v: unknown, ctx): string | boolean | CellTime | undefined => {
      if (isEmpty(v)) {
        if (spec.required) issue(ctx.issues, v, `is empty, and the row needs ${wanted(spec, locale)}.`);
        return undefined;
      }
      const fault = cellFault(v, spec.plainText === true);
      if (fault) {
        issue(ctx.issues, v, fault);
        return undefined;
      }
      // Sent as text, a date cell would be an instant (2026-11-20T05:00:00.000Z), not what it shows.
      if (v instanceof Date && spec.type !== 'datetime') {
        const read = dateIn(spec, v, zone);
        if ('text' in read) return read.text;
        issue(ctx.issues, v, read.problem);
        return undefined;
      }
      switch (spec.type) {
        case 'datetime': {
          const t = readCellTime(v as CellValue, zone, locale);
          if (!t) issue(ctx.issues, v, unreadTime(v as CellValue, zone, locale));
          return t;
        }
        case 'boolean': {
          if (typeof v === 'boolean') return v;
          if (readsTrue(v)) return true;
          if (FALSE.includes(cellText(v).toLowerCase())) return false;
          issue(ctx.issues, v, `"${cellText(v)}" is not TRUE or FALSE.`);
          return undefined;
        }
        case 'choice': {
          const text = cellText(v);
          const lower = text.toLowerCase();
          const known = spec.values?.find((x) => x === lower) ?? spec.words?.get(lower);
          if (known) return known;
          if (spec.strict) {
            // A near miss of a fixed list ("insrt") is a typo: said with the value meant.
            const near = nearOf(spec.values ?? [], lower);
            const meant = near.length > 0 ? `; ${didYouMean(near)}` : '.';
            issue(ctx.issues, v, `"${text}" is not one of ${(spec.values ?? []).join(', ')}${meant}`);
            return undefined;
          }
          const near = nearMisses(spec, text);
          if (near.length > 0) {
            issue(
              ctx.issues,
              v,
              `"${text}" is not a ${spec.noun} Assembled knows; ${didYouMean(near)} ${newWords(spec.noun ?? '', text)}`,
            );
            return undefined;
          }
          return text;
        }
        default:
          return cellText(v);
      }
    }),
  );
}

/**
 * The known values a choice cell's text is a letter or two off, taken for a typo: none when it is
 * known, or declared new (new: acme), which goes as written after new:.
 */
function nearMisses(spec: ColumnSpec, text: string): string[] {
  const lower = text.toLowerCase();
  if (spec.type !== 'choice' || spec.strict || !spec.noun || declaredNew(text) !== undefined) return [];
  if (spec.values?.some((x) => x === lower) || spec.words?.has(lower)) return [];
  return nearOf(spec.values ?? [], lower);
}

/** The `values` a lowercased cell text is a letter or two off (closest): none when it is no near miss. */
function nearOf(values: readonly string[], lower: string): string[] {
  return closest(
    lower,
    values.map((x) => ({ key: x, label: x })),
  );
}

/** Whether a cell was refused only as a near miss (nearMisses): text, with no fault of its own. */
function onlyNearMiss(spec: ColumnSpec | undefined, v: unknown): boolean {
  if (!spec || isEmpty(v) || v instanceof Date || cellFault(v, spec.plainText === true)) return false;
  return nearMisses(spec, cellText(v)).length > 0;
}

interface RowSchema {
  row: z.ZodMiniType;
  /** Each column's own schema, so the cells that read well are checked together when one does not. */
  cells: Record<string, z.ZodMiniType>;
}

const schemas = new WeakMap<Zone, Map<string, RowSchema>>();

/** The row schema of a kind: one optional cell schema per column key. */
function rowSchema(kind: keyof typeof KINDS, zone: Zone, locale: string | undefined): RowSchema {
  let byKind = schemas.get(zone);
  if (!byKind) {
    byKind = new Map();
    schemas.set(zone, byKind);
  }
  const hit = byKind.get(`${kind} ${locale}`);
  if (hit) return hit;
  const cells: Record<string, z.ZodMiniType> = {};
  for (const spec of KINDS[kind].columns) cells[spec.key] = cellSchema(spec, zone, locale);
  const schema = { row: z.object(cells), cells };
  byKind.set(`${kind} ${locale}`, schema);
  return schema;
}

interface Cells {
  agent?: string;
  start?: CellTime;
  end?: CellTime;
  all_day?: boolean;
  type?: string;
  notes?: string;
  request_id?: string;
  state?: string;
  sub_state?: string;
  source?: string;
  action?: 'insert' | 'update' | 'delete';
  state_id?: string;
  platform?: string;
  platform_id?: string;
}

class Problems {
  private readonly said: { keys: string[]; message: string; told?: Told }[] = [];
  /** `from`: the column each key was read from on this row, where several fit it (readCells). */
  constructor(
    private readonly map: HeaderMap,
    private readonly from: Record<string, number> = {},
  ) {}
  /**
   * Names the column as the sheet heads it (the one the row's cell was read from), or as the
   * template would when the sheet lacks it.
   */
  column(key: string): string {
    const at = this.from[key] ?? this.map.columns[key];
    const header = at === undefined ? undefined : this.map.headers[at];
    return header || (KINDS[this.map.kind].columns.find((c) => c.key === key)?.header ?? key);
  }
  /**
   * A column's problem; the same words of another column join it (Start and End both times alone).
   * `told`: what is wrong and how to fix it apart, for an instruction other columns may share.
   */
  add(key: string, message: string, told?: Told): void {
    const same = this.said.find((p) => p.message === message);
    if (!same) this.said.push({ keys: [key], message, ...(told ? { told } : {}) });
    else if (!same.keys.includes(key)) same.keys.push(key);
  }
  /** Another check's problems, but those of the columns in `skip`. */
  addFrom(other: Problems, skip: readonly string[]): void {
    for (const { keys, message, told } of other.said)
      for (const key of keys) if (!skip.includes(key)) this.add(key, message, told);
  }
  /**
   * The problems in words, in the order they were first said: "Start and End are empty, …" (words
   * that begin with their verb take the columns as their subject), "Agent: no agent in …". An
   * instruction two problems share is said once, after the last of them ("Start: reads as …, and
   * the year 2226 looks wrong. End: reads as …. Type the date and time, like …").
   */
  get list(): string[] {
    const hows = this.said.map((p) => p.told?.how);
    return this.said.map(({ keys, message, told }, at) => {
      const shared = told !== undefined && hows.indexOf(told.how) !== hows.lastIndexOf(told.how);
      const last = shared && hows.lastIndexOf(told.how) === at;
      const said = shared ? `${told.what}.${last ? ` ${told.how}` : ''}` : message;
      const words =
        keys.length > 1 ? said.replace(/^is /, 'are ').replace(/ needs it\./, ' needs them.') : said;
      const columns = keys.map((k) => this.column(k));
      const subject = /^(is|are|must) /.test(words) ? ' ' : ': ';
      return `${someOf(columns, columns.length, 'and')}${subject}${words}`;
    });
  }
}

/**
 * Each column's cell as read: the first filled of the columns that fit it (doubled-columns.ts), and
 * the column it was read from, so a problem names the cell typed in (Agent name, not Agent ID).
 */
function readCells(
  values: readonly CellValue[],
  map: HeaderMap,
): { raw: Record<string, unknown>; from: Record<string, number> } {
  const raw: Record<string, unknown> = {};
  const from: Record<string, number> = {};
  for (const spec of KINDS[map.kind].columns) {
    const at = [map.columns[spec.key], ...(map.more[spec.key] ?? [])];
    const filled = at.find((i) => i !== undefined && String(values[i] ?? '').trim() !== '');
    raw[spec.key] = filled === undefined ? '' : (values[filled] ?? '');
    if (filled !== undefined) from[spec.key] = filled;
  }
  return { raw, from };
}

/**
 * Whether a time-off row reads as whole days, as parseRow reads it (wholeDays), whatever else of
 * it reads well: its Start and End are then days, not times.
 */
export function readsWholeDays(
  values: readonly CellValue[],
  map: HeaderMap,
  ctx: Pick<ParseContext, 'zone' | 'locale'>,
): boolean {
  if (map.kind !== 'time_off') return false;
  const { raw } = readCells(values, map);
  const { cells } = rowSchema(map.kind, ctx.zone, ctx.locale);
  const read = (key: 'all_day' | 'start' | 'end') => cells[key]?.safeParse(raw[key]).data;
  // An End that does not read is no empty End: the row is not one day.
  if (raw.end !== '' && read('end') === undefined) return false;
  return wholeDays({
    all_day: read('all_day') as boolean | undefined,
    start: read('start') as CellTime | undefined,
    end: read('end') as CellTime | undefined,
  });
}

export function parseRow(values: readonly CellValue[], map: HeaderMap, ctx: ParseContext): RowParse {
  const { raw, from } = readCells(values, map);
  const problems = new Problems(map, from);
  const schema = rowSchema(map.kind, ctx.zone, ctx.locale);
  const parsed = schema.row.safeParse(raw);
  if (!parsed.success) {
    const keys = parsed.error.issues.map((i) => String(i.path[0] ?? ''));
    parsed.error.issues.forEach((i, n) => {
      problems.add(
        keys[n] as string,
        i.message,
        i.code === 'custom' ? (i.params as Told | undefined) : undefined,
      );
    });
    // The cells that read well are checked all the same, the agent looked up: a row says all it
    // needs at once, not a problem a Validate.
    const read: Record<string, unknown> = {};
    for (const [key, cell] of Object.entries(schema.cells))
      if (!keys.includes(key)) read[key] = cell.safeParse(raw[key]).data;
    // A near miss is read as written, so that the checks across rows (overlaps, platforms) say
    // their problems with it: the row stays refused.
    const spec = (key: string) => KINDS[map.kind].columns.find((c) => c.key === key);
    const asWritten = [...new Set(keys)].filter((key) => onlyNearMiss(spec(key), raw[key]));
    for (const key of asWritten) read[key] = cellText(raw[key]);
    const rest = new Problems(map, from);
    if (read.agent !== undefined) agentOf(read as Cells, ctx, rest);
    const request = build(map.kind, read as Cells, ctx, rest);
    // A cell that could not be read has said its problem; what it lacks says nothing more.
    problems.addFrom(rest, keys);
    const whole = request && rest.list.length === 0 && asWritten.length === new Set(keys).size;
    return { ok: false, problems: problems.list, ...(whole ? { request, asWritten } : {}) };
  }
  const cells = parsed.data as Cells;
  const request = build(map.kind, cells, ctx, problems);
  if (!request || problems.list.length > 0) return { ok: false, problems: problems.list };
  const days = readAsWholeDays(map.kind, cells, problems);
  const readAs =
    readAsBoolean(map.kind, raw, cells, problems) +
    readAsNumberIds(map.kind, raw, problems) +
    readAsDates(map.kind, cells, problems, ctx) +
    readAsClockChanges(map.kind, request, cells, problems, ctx) +
    days +
    sheetDays(request, ctx, problems);
  return { ok: true, request, ...(readAs ? { readAs } : {}), ...(days ? { untickedDays: true } : {}) };
}

/**
 * A TRUE/FALSE cell holding other text ("yes", "x") is read as what it means, and the row says so:
 * the cell shows that text, not a ticked box. " All day: "yes" read as TRUE."; '' when none.
 */
function readAsBoolean(
  kind: PushKind,
  raw: Record<string, unknown>,
  cells: Cells,
  problems: Problems,
): string {
  return KINDS[kind].columns
    .filter((spec) => spec.type === 'boolean' && typeof raw[spec.key] !== 'boolean')
    .map((spec) => {
      const said = cellText(raw[spec.key]);
      const value = cells[spec.key as keyof Cells] ? 'TRUE' : 'FALSE';
      return said && said.toUpperCase() !== value
        ? ` ${problems.column(spec.key)}: "${said}" read as ${value}.`
        : '';
    })
    .join('');
}

/**
 * An id column's number cell (a column not Plain text, as a pasted CSV's) is sent as its digits,
 * and the row says so: Sheets made 007 the number 7. " Platform ID: sent as 7: …"; '' when none.
 */
function readAsNumberIds(kind: PushKind, raw: Record<string, unknown>, problems: Problems): string {
  return KINDS[kind].columns
    .filter((spec) => spec.plainText && typeof raw[spec.key] === 'number')
    .map((spec) => ` ${problems.column(spec.key)}: ${numberIdWords(raw[spec.key] as number)}`)
    .join('');
}

/**
 * A text date whose day and month could be swapped (03/04/2026) says how it was read, so a date
 * typed in another order than the spreadsheet locale's is caught before it is sent:
 * " Start and End: read 03/04/2026 as 3 April 2026 (spreadsheet locale en_GB)."; '' when none.
 */
function readAsDates(kind: PushKind, cells: Cells, problems: Problems, ctx: ParseContext): string {
  const columns = new Map<string, string[]>();
  for (const spec of KINDS[kind].columns) {
    const t = (cells as Record<string, unknown>)[spec.key] as CellTime | undefined;
    if (spec.type !== 'datetime' || !t?.swappable) continue;
    const words = `read ${t.swappable} as ${longDate(t.day)}`;
    columns.set(words, [...(columns.get(words) ?? []), problems.column(spec.key)]);
  }
  if (columns.size === 0) return '';
  const read = [...columns].map(([words, names]) => `${names.join(' and ')}: ${words}`);
  return ` ${read.join('; ')} (spreadsheet locale ${ctx.locale}).`;
}

/**
 * A time the clocks skip or show twice in the spreadsheet's zone is read as one instant, and the row
 * says which (the words: clock-changes.ts): " Start: 02:30 on 14 March 2027 does not exist in
 * America/New_York (…): read as 03:30 (UTC−4). …"; '' when none, or when the row sends no times.
 */
function readAsClockChanges(
  kind: PushKind,
  request: PushRequest,
  cells: Cells,
  problems: Problems,
  ctx: ParseContext,
): string {
  // Whole days take no time of day from Start and End; a delete sends only the activity's id.
  if (request.kind === 'time_off' && request.input.all_day) return '';
  if (request.kind === 'activities' && request.action === 'delete') return '';
  return KINDS[kind].columns
    .map((spec) => {
      const t = (cells as Record<string, unknown>)[spec.key] as CellTime | undefined;
      if (spec.type !== 'datetime' || !t?.reading) return '';
      return ` ${problems.column(spec.key)}: ${wallReadingWords(t.reading, ctx.zone)}`;
    })
    .join('');
}

/** The zone the days of an all-day row of the agent are in. */
function daysZone(agentId: string | undefined, ctx: ParseContext): DaysZone {
  return allDayZone(agentId === undefined ? undefined : ctx.agents.zoneOf(agentId), ctx.zone, ctx.zones);
}

/**
 * An all-day row for an agent Assembled has no time zone for takes the spreadsheet's days, and
 * says so: Assembled may place the agent's days elsewhere. '' otherwise.
 */
function sheetDays(request: PushRequest, ctx: ParseContext, problems: Problems): string {
  if (request.kind !== 'time_off' || !request.input.all_day) return '';
  if (!daysZone(request.input.agent_id, ctx).fallback) return '';
  return ` ${problems.column('all_day')}: the agent has no time zone in Assembled, so the days are the spreadsheet's (${ctx.zone.name}).`;
}

function agentOf(cells: Cells, ctx: ParseContext, problems: Problems): string | undefined {
  if (cells.agent === undefined) return undefined;
  const found = ctx.agents.resolve(cells.agent);
  if (found.ok) return found.agentId;
  problems.add('agent', found.problem);
  return undefined;
}

/**
 * The longest an agent state may last. No real one lasts a week, while a day and month read the
 * wrong way round (03/12 for 12/03) move a date by 27 days or more: a state that long is a misread.
 */
const MAX_STATE_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * start/end of a state record: end optional, after start when given, at most MAX_STATE_DAYS on,
 * neither later than now (a state in the future is a typo or a time read in the wrong zone).
 */
function stateTimes(
  cells: Cells,
  ctx: ParseContext,
  problems: Problems,
): { start: number; end?: number } | undefined {
  if (!cells.start) return undefined;
  if (cells.end && cells.end.ms <= cells.start.ms) {
    problems.add('end', notAfterStart(cells.start.ms, cells.end.ms, problems.column('start'), 'the state'));
    return undefined;
  }
  const { start, end } = cells;
  const long = end !== undefined && end.ms - start.ms > MAX_STATE_DAYS * DAY_MS;
  if (long) {
    const at = (t: CellTime) => formatLocalDateTime(t.ms, ctx.zone);
    lastsTooLong(
      problems,
      'the state',
      end.ms - start.ms,
      [at(start), at(end)],
      `no agent state lasts over ${MAX_STATE_DAYS} days`,
    );
  }
  const { now } = ctx;
  if (now !== undefined) {
    const late = (['start', 'end'] as const).filter((k) => (cells[k]?.ms ?? -Infinity) > now);
    for (const k of late)
      problems.add(
        k,
        `${formatLocalDateTime(cells[k]?.ms ?? 0, ctx.zone)} is in the future (it is ${formatLocalDateTime(now, ctx.zone)} in ${ctx.zone.name}): agent states record what happened. Check the date and time${k === 'end' ? ', or leave End empty for a state still going' : ''}.`,
      );
    if (late.length) return undefined;
  }
  if (long) return undefined;
  return { start: cells.start.ms, ...(cells.end ? { end: cells.end.ms } : {}) };
}

/**
 * The most days one time-off row asks for: a calendar month, so a longer leave (parental leave)
 * goes as a row a month. A day and month read the wrong way round (05/01 for 01/05) move a date by
 * 27 days or more: in a request of five days or more, or by two months or more, that lands over it.
 */
const MAX_TIME_OFF_DAYS = 31;

/** Longer time off is a row to fix that says how Start and End were read (in `zone`, its days'). */
function notTooLong(request: PushRequest | undefined, zone: Zone, problems: Problems) {
  if (request?.kind !== 'time_off') return request;
  const { start_time: start, end_time: end } = request.input;
  const days = Math.round((end - start) / DAY_MS);
  if (days <= MAX_TIME_OFF_DAYS) return request;
  // Whole days (from midnight to midnight) are shown as the first and last day off.
  const whole = [start, end].every((ms) => formatLocalDateTime(ms, zone).endsWith(' 00:00'));
  const at = (ms: number) => formatLocalDateTime(ms, zone).slice(0, whole ? 10 : undefined);
  lastsTooLong(
    problems,
    'the time off',
    end - start,
    [at(start), at(whole ? end - 1 : end)],
    `a row may ask for at most ${MAX_TIME_OFF_DAYS} days`,
    '; a longer leave goes as one row a month',
  );
  return undefined;
}

/**
 * End's problem when a span lasts longer than `limit` allows: its length, and how Start and End
 * were read (`read`), since a day and month swapped is the likely cause.
 */
function lastsTooLong(
  problems: Problems,
  what: string,
  ms: number,
  read: [string, string],
  limit: string,
  more = '',
): void {
  const [from, to] = [problems.column('start'), problems.column('end')];
  problems.add(
    'end',
    `${what} would last ${Math.round(ms / DAY_MS)} days (${from} read as ${read[0]}, ${to} as ${read[1]}), and ${limit}. Check the day and month of ${from} and ${to}${more}.`,
  );
}

/** What a name written after new: is, and an example, by the column it is in. */
const NEW_EXAMPLE: Record<string, string> = {
  platform: 'platform after new: (new: freshdesk)',
  source: 'platform after new: (new: freshdesk)',
  state: 'state after new: (new: brek)',
};

/**
 * A name cell as it is sent: without new: when the sheet declares the name new (declared-new.ts;
 * a platform then goes in lower case, as Assembled names platforms). new: with no name is a problem.
 */
function asDeclared(cells: Cells, key: 'platform' | 'source' | 'state', problems: Problems) {
  const cell = cells[key];
  const named = cell === undefined ? undefined : declaredNew(cell);
  if (named === '') problems.add(key, `write the new ${NEW_EXAMPLE[key]}.`);
  if (named === undefined) return cell;
  return key === 'state' ? named : named.toLowerCase();
}

function stateRecord(
  agentId: string,
  state: string,
  cells: Cells,
  t: { start: number; end?: number },
  problems: Problems,
): StateRecord {
  const named = asDeclared({ state }, 'state', problems) ?? state;
  const source = asDeclared(cells, 'source', problems);
  return {
    agent_id: agentId,
    state: named,
    ...(cells.sub_state ? { sub_state: cells.sub_state } : {}),
    start_time: t.start,
    ...(t.end !== undefined ? { end_time: t.end } : {}),
    ...(source ? { source } : {}),
  };
}

function build(
  kind: keyof typeof KINDS,
  cells: Cells,
  ctx: ParseContext,
  problems: Problems,
): PushRequest | undefined {
  switch (kind) {
    case 'time_off':
      return timeOff(cells, ctx, problems);
    case 'time_off_cancel':
      return cells.request_id ? { kind, requestId: cells.request_id } : undefined;
    case 'agent_states': {
      const agentId = agentOf(cells, ctx, problems);
      const t = stateTimes(cells, ctx, problems);
      return agentId && t && cells.state
        ? { kind, input: stateRecord(agentId, cells.state, cells, t, problems) }
        : undefined;
    }
    case 'associations': {
      const agentId = agentOf(cells, ctx, problems);
      const platform = asDeclared(cells, 'platform', problems)?.toLowerCase();
      return agentId && platform && cells.platform_id
        ? { kind, input: { agent_id: agentId, platform, platform_id: cells.platform_id } }
        : undefined;
    }
    case 'state_edits':
      return edit(cells, ctx, problems);
    case 'activities':
      return activityRequest(cells as unknown as ActivityCells, ctx, problems);
    case 'activities_clear':
      return clearRequest(cells as unknown as ActivityCells, ctx, problems);
  }
}

function timeOff(cells: Cells, ctx: ParseContext, problems: Problems): PushRequest | undefined {
  const agentId = agentOf(cells, ctx, problems);
  const { start, end } = cells;
  if (!start) return undefined;
  let range: { start: number; end: number } | undefined;
  // The zone the request's times are in: the sheet's, but an all-day row's days are the agent's.
  let zone = ctx.zone;
  const allDay = wholeDays(cells);
  if (allDay) {
    // The days the sheet names, in the agent's calendar: End names the last day off, inclusive.
    zone = daysZone(agentId, ctx).zone;
    const last = end?.day ?? start.day;
    const from = fromLocal(start.day, zone);
    const to = fromLocal(addDays(last, 1), zone);
    if (to <= from) problems.add('end', lastDayFirst(problems.column('start'), problems.column('end')));
    else range = { start: from, end: to };
  } else if (!end) {
    problems.add('end', `is empty: give when the time off ends, or tick ${problems.column('all_day')}.`);
  } else if (end.ms <= start.ms) {
    problems.add('end', notAfterStart(start.ms, end.ms, problems.column('start'), 'the time off'));
  } else range = { start: start.ms, end: end.ms };
  const badType = cells.type ? ctx.timeOffTypes?.problem(cells.type) : undefined;
  if (badType) problems.add('type', badType);
  if (!agentId || !range || badType) return undefined;
  const request: PushRequest = {
    kind: 'time_off',
    input: {
      agent_id: agentId,
      start_time: range.start,
      end_time: range.end,
      ...(allDay || cells.all_day !== undefined ? { all_day: allDay } : {}),
      ...(cells.type ? { type: cells.type } : {}),
      ...(cells.notes ? { notes: cells.notes } : {}),
    },
  };
  return notTooLong(request, zone, problems);
}

/**
 * Whether a time-off row is whole days: All day ticked; not ticked (FALSE or empty, which the sheet
 * draws alike), when Start has no time of day (a date alone, or a date cell at midnight, which a
 * sheet cannot tell apart) and End has none or is empty (one day, as End's note says), which the
 * row then says (readAsWholeDays). Midnight to midnight as exact times is said by whole days.
 */
function wholeDays(cells: Cells): boolean {
  if (cells.all_day === true) return true;
  return cells.start?.hasTime === false && cells.end?.hasTime !== true;
}

/**
 * An unticked All day read as whole days says so, with the days, and how to have part of a day:
 * " All day: not ticked, and Start and End have no time of day: read as whole days, 11 January
 * 2027 to 13 January 2027 (for part of a day, type the times in Start and End)."; '' otherwise.
 */
function readAsWholeDays(kind: PushKind, cells: Cells, problems: Problems): string {
  if (kind !== 'time_off' || cells.all_day === true || !wholeDays(cells)) return '';
  const { start, end } = cells;
  if (!start) return '';
  const [from, to] = [problems.column('start'), problems.column('end')];
  const times = `(for part of a day, type the times in ${from} and ${to})`;
  if (!end)
    return ` ${problems.column('all_day')}: not ticked, ${from} has no time of day and ${to} is empty: read as the whole day ${longDate(start.day)} ${times}.`;
  const days = sameDay(start, end)
    ? `the whole day ${longDate(start.day)}`
    : `whole days, ${longDate(start.day)} to ${longDate(end.day)}`;
  return ` ${problems.column('all_day')}: not ticked, and ${from} and ${to} have no time of day: read as ${days} ${times}.`;
}

const sameDay = (a: CellTime, b: CellTime) => formatLocalDate(a.day) === formatLocalDate(b.day);

function edit(cells: Cells, ctx: ParseContext, problems: Problems): PushRequest | undefined {
  const { action } = cells;
  if (!action) return undefined;
  if (action !== 'insert' && !cells.state_id)
    problems.add(
      'state_id',
      `is empty, and ${action} needs the state record's id: ${STATE_ID_WHERE}. ${INGESTED_NO_ID}`,
    );
  if (action === 'delete')
    return cells.state_id ? { kind: 'state_edits', action, stateId: cells.state_id } : undefined;
  if (action === 'insert' && cells.state_id)
    problems.add('state_id', 'must be empty for insert (Assembled gives the new record its id).');
  for (const key of ['agent', 'state', 'start'] as const) {
    if (cells[key] === undefined) problems.add(key, `is empty, and ${action} needs it.`);
  }
  const agentId = agentOf(cells, ctx, problems);
  const t = stateTimes(cells, ctx, problems);
  if (!agentId || !t || !cells.state) return undefined;
  const input = stateRecord(agentId, cells.state, cells, t, problems);
  if (action === 'insert') return { kind: 'state_edits', action, input };
  return cells.state_id ? { kind: 'state_edits', action, stateId: cells.state_id, input } : undefined;
}
