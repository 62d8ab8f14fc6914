// The table model: API records in, a header and typed 2-D values out. Every source (reports,
// people, time off, ...) goes through here, so every sheet follows the same typing rules.
import type { Zone } from '../ports';
import { parseLocalDate } from '../time/local-date';
import { startOfLocalDay } from '../time/zone-math';
import { orderColumns } from './column-order';
import { type Flat, flattenRecord, isDate } from './flatten';

export type CellValue = string | number | boolean | Date;
export type ColumnKind = 'text' | 'number' | 'boolean' | 'datetime' | 'date';

export interface Column {
  key: string;
  header: string;
  kind: ColumnKind;
  /** A Sheets number format for the column, when its kind needs one. */
  numberFormat?: string;
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
const HAS_UNIT = /(_seconds|_secs|_ms|_minutes|_hours|_percent|_pct)$/;

function kindOf(v: Flat, key: string): ColumnKind | undefined {
  if (v === null || v === '') return undefined;
  if (typeof v === 'number') {
    if (DURATION_KEY.test(key)) return 'number';
    return DATE_KEY.test(key) ? 'date' : TIME_KEY.test(key) ? 'datetime' : 'number';
  }
  if (typeof v === 'boolean') return 'boolean';
  if (isDate(v)) return 'datetime';
  if (ISO_DATETIME.test(v)) return 'datetime';
  if (ISO_DATE.test(v) && parseLocalDate(v)) return 'date';
  return 'text';
}

/** A column takes a kind only when every non-empty value has it; a mix is text. */
function columnKind(key: string, values: Iterable<Flat>): ColumnKind {
  let kind: ColumnKind | undefined;
  for (const v of values) {
    const k = kindOf(v, key);
    if (k === undefined) continue;
    if (kind === undefined) kind = k;
    else if (kind !== k) return 'text';
  }
  return kind ?? 'text';
}

function header(key: string, kind: ColumnKind): string {
  return kind === 'number' && DURATION_KEY.test(key) && !HAS_UNIT.test(key) ? `${key} (seconds)` : key;
}

function convert(v: Flat, kind: ColumnKind, zone: Zone): CellValue {
  if (v === null || v === '') return '';
  switch (kind) {
    case 'datetime':
      if (typeof v === 'number') return new Date(v);
      return isDate(v) ? new Date(v.getTime()) : new Date(Date.parse(String(v)));
    case 'date': {
      // An epoch-ms date names a calendar day in UTC; it lands as that day in the sheet's zone.
      const d = parseLocalDate(typeof v === 'number' ? new Date(v).toISOString().slice(0, 10) : String(v));
      return d ? new Date(startOfLocalDay(d, zone)) : String(v);
    }
    case 'text':
      return isDate(v) ? v.toISOString() : String(v);
    default:
      return v;
  }
}

export function buildTable(records: readonly Record<string, unknown>[], zone: Zone): Table {
  const flat = records.map((r) => flattenRecord(r));
  const seen = new Map<string, true>();
  for (const row of flat) for (const key of row.keys()) seen.set(key, true);
  const keys = orderColumns([...seen.keys()]);

  const columns: Column[] = keys.map((key) => {
    const kind = columnKind(
      key,
      flat.map((row) => row.get(key) ?? null),
    );
    const numberFormat = kind === 'datetime' ? DATETIME_FORMAT : kind === 'date' ? DATE_FORMAT : undefined;
    return { key, header: header(key, kind), kind, ...(numberFormat ? { numberFormat } : {}) };
  });
  const rows = flat.map((row) => columns.map((c) => convert(row.get(c.key) ?? null, c.kind, zone)));
  return { columns, rows };
}
