// The table model: API records in, a header and typed 2-D values out. Every source (reports,
// people, time off, ...) goes through here, so every sheet follows the same typing rules.
// What a column's name says (a time, a date, a duration) is worked out once per column, not
// once per cell: 100,000 report rows must build in a fraction of a second. Values stay as the API
// gives them (seconds, percents); the sheet's words and formats are the columns' (column-words.ts).
import type { Zone } from '../ports';
import { parseLocalDate } from '../time/local-date';
import { startOfLocalDay } from '../time/zone-math';
import { orderColumns } from './column-order';
import { wordsFor } from './column-words';
import { type Flat, flattenRecord, isDate, KeyIndex } from './flatten';
import { lookedUp, pairedNames } from './id-names';

export type CellValue = string | number | boolean | Date;
export type ColumnKind = 'text' | 'number' | 'boolean' | 'datetime' | 'date';

export interface Column {
  key: string;
  /** What the sheet's header says (words: column-words.ts). */
  header: string;
  /** The API field the column holds, when it comes from one (a sheet may be headed by it). */
  field?: string;
  kind: ColumnKind;
  /** A Sheets number format for the column, when its kind needs one. */
  numberFormat?: string;
  /** A cell at a time of day takes this format instead, where numberFormat shows dates alone (day-columns.ts). */
  timeFormat?: string;
  /** The sheet shows value / divisor (seconds as days for a duration format, percents as fractions). */
  divisor?: number;
  /** What its numbers count where no format shows it (a BigQuery column's description). */
  unit?: string;
  /** How the add-on made it, where Assembled sends no such field: a header note says this, not `field`. */
  made?: string;
}

export interface Table {
  columns: Column[];
  rows: CellValue[][];
}

export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const DATE_FORMAT = 'yyyy-mm-dd';

// The client gives times as epoch ms under these names (its model's convention).
const TIME_KEY = /(^|[._])(time|start|end|[a-z]+_time|[a-z]+_at)$/;
const DATE_KEY = /(^|[._])[a-z]+_date$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DURATION_KEY = /(^|[._])(duration|handle_time|handle_seconds|aht|wait_time|talk_time)([._]|$)/;

/** What a number under this key means: durations stay numbers, then dates, then times. */
function numberKindFor(key: string): ColumnKind {
  if (DURATION_KEY.test(key)) return 'number';
  return DATE_KEY.test(key) ? 'date' : TIME_KEY.test(key) ? 'datetime' : 'number';
}

function stringKind(v: string): ColumnKind {
  if (ISO_DATETIME.test(v)) return 'datetime';
  if (ISO_DATE.test(v) && parseLocalDate(v)) return 'date';
  return 'text';
}

/** A column takes a kind only when every non-empty value has it; a mix is text. */
function columnKind(flat: readonly Flat[][], at: number, numberKind: ColumnKind): ColumnKind {
  let kind: ColumnKind | undefined;
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i]?.[at];
    if (v === undefined || v === null || v === '') continue;
    const k =
      typeof v === 'number'
        ? numberKind
        : typeof v === 'boolean'
          ? 'boolean'
          : typeof v === 'string'
            ? stringKind(v)
            : isDate(v)
              ? 'datetime'
              : 'text';
    if (kind === undefined) kind = k;
    else if (kind !== k) return 'text';
    // Text stays text whatever follows.
    if (kind === 'text') return kind;
  }
  return kind ?? 'text';
}

/** Counts need no format: Sheets shows a whole number plainly (and a format call costs per cell). */
function describe(key: string, kind: ColumnKind): Column {
  const words = wordsFor(key, kind === 'number');
  const numberFormat = kind === 'datetime' ? DATETIME_FORMAT : kind === 'date' ? DATE_FORMAT : words.format;
  return {
    key,
    header: words.header,
    field: key,
    kind,
    ...(numberFormat ? { numberFormat } : {}),
    ...(words.divisor ? { divisor: words.divisor } : {}),
  };
}

/** Two fields that read as the same words (rare) keep them apart by the later one's field name. */
function uniqueHeaders(columns: Column[]): Column[] {
  const seen = new Set<string>();
  return columns.map((c) => {
    const header = seen.has(c.header) ? c.key : c.header;
    seen.add(header);
    return header === c.header ? c : { ...c, header };
  });
}

/** Converts one column's values in place of the flat ones; empty cells become ''. */
function dayConverter(zone: Zone): (v: string | number) => CellValue {
  // An epoch-ms date names a calendar day in UTC; it lands as that day in the sheet's zone.
  // Days repeat down a column: each is worked out once.
  const days = new Map<string, number | undefined>();
  return (v) => {
    const text = typeof v === 'number' ? new Date(v).toISOString().slice(0, 10) : String(v);
    let ms = days.get(text);
    if (ms === undefined && !days.has(text)) {
      const d = parseLocalDate(text);
      ms = d ? startOfLocalDay(d, zone) : undefined;
      days.set(text, ms);
    }
    return ms === undefined ? String(v) : new Date(ms);
  };
}

function toDateTime(v: Flat): CellValue {
  if (typeof v === 'number') return new Date(v);
  return isDate(v) ? new Date(v.getTime()) : new Date(Date.parse(String(v)));
}

function toText(v: Flat): string {
  return typeof v === 'string' ? v : isDate(v) ? v.toISOString() : String(v);
}

export function buildTable(records: readonly Record<string, unknown>[], zone: Zone): Table {
  const index = new KeyIndex();
  const flat: Flat[][] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    flat[i] = flattenRecord(records[i] as Record<string, unknown>, index, new Array(index.keys.length));
  }
  const keys = orderColumns(index.keys);
  const at = keys.map((key) => index.position(key));

  // Names the add-on put beside ids (with-names.ts): the note says so, not that Assembled sent them.
  const named = new Map([...pairedNames(keys)].map(([id, name]) => [name, id] as const));
  const columns = uniqueHeaders(
    keys.map((key, c) => {
      const column = describe(key, columnKind(flat, at[c] as number, numberKindFor(key)));
      const id = named.get(key);
      return id === undefined ? column : { ...column, made: lookedUp(id, key) };
    }),
  );
  const kinds = columns.map((c) => c.kind);
  const toDay = dayConverter(zone);
  const width = columns.length;
  // Each flat row becomes its table row in place (a second array per row is what the GC feels);
  // values move only when the column order differs from the order the keys were first seen in.
  const moves = at.some((from, to) => from !== to);
  const scratch: Flat[] = new Array(width);
  const rows = flat as unknown as CellValue[][];
  for (let i = 0; i < flat.length; i++) {
    const row = flat[i] as (Flat | undefined)[];
    if (moves) {
      for (let c = 0; c < width; c++) scratch[c] = row[at[c] as number] ?? null;
      for (let c = 0; c < width; c++) row[c] = scratch[c];
    }
    if (row.length !== width) row.length = width;
    for (let c = 0; c < width; c++) {
      const v = row[c];
      if (v === undefined || v === null || v === '') row[c] = '';
      else if (kinds[c] === 'text') row[c] = toText(v);
      else if (kinds[c] === 'datetime') row[c] = toDateTime(v);
      else if (kinds[c] === 'date') row[c] = toDay(v as string | number);
    }
  }
  return { columns, rows };
}

/** The columns the add-on made (`made`: how, by key), which the header note says so of, not as fields. */
export function withMade(table: Table, made: Readonly<Record<string, string>> | undefined): Table {
  if (!made) return table;
  return { ...table, columns: table.columns.map((c) => (made[c.key] ? { ...c, made: made[c.key] } : c)) };
}
