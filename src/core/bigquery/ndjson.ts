// Table rows as newline-delimited JSON, cut into chunks well inside Apps Script's limits (a Blob
// and a request are capped at 50 MB; a script's memory far below that is the real bound). The
// cut is a pure function of the rows, so a later execution finds the same chunks again.
import type { Zone } from '../ports';
import type { CellValue, Table } from '../table/build-table';
import { pad } from '../time/local-date';
import { localDateOf } from '../time/zone-math';
import { utf8Length } from '../utf8';
import type { Field, Mapped } from './schema';

export const CHUNK_BYTES = 8 * 1024 * 1024;
export const CHUNK_ROWS = 50_000;

export interface Chunk {
  index: number;
  text: string;
  rows: number;
  bytes: number;
}

function listItem(v: unknown): string {
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    const label = o.name ?? o.id;
    return typeof label === 'string' || typeof label === 'number' ? String(label) : JSON.stringify(v);
  }
  return v instanceof Date ? v.toISOString() : String(v);
}

/** The list under a flattened key ('teams', 'site.tags') in a record. */
function listAt(record: Record<string, unknown>, key: string): string[] | undefined {
  let v: unknown = record;
  for (const part of key.split('.')) v = (v as Record<string, unknown> | undefined)?.[part];
  return Array.isArray(v) ? v.map(listItem) : undefined;
}

/** The flattened keys whose values are lists in some record (they become REPEATED). */
export function listKeys(records: readonly Record<string, unknown>[]): Set<string> {
  const keys = new Set<string>();
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const k in o) {
      const v = o[k];
      if (Array.isArray(v)) keys.add(prefix + k);
      else if (typeof v === 'object' && v !== null && !(v instanceof Date))
        walk(v as Record<string, unknown>, `${prefix}${k}.`);
    }
  };
  for (const r of records) walk(r, '');
  return keys;
}

function value(v: CellValue, field: Field, zone: Zone): unknown {
  if (v === '' || v === undefined || v === null) return undefined;
  switch (field.type) {
    case 'TIMESTAMP':
      return v instanceof Date ? v.toISOString() : String(v);
    case 'DATE': {
      if (!(v instanceof Date)) return String(v);
      const d = localDateOf(v.getTime(), zone);
      return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
    }
    case 'STRING':
      return v instanceof Date ? v.toISOString() : String(v);
    default:
      return v;
  }
}

/** The chunks from `from` on, made one at a time (only one chunk's text is held at once). */
export function* chunks(
  table: Table,
  records: readonly Record<string, unknown>[],
  mapped: Mapped[],
  fields: Field[],
  zone: Zone,
  from = 0,
  limits = { bytes: CHUNK_BYTES, rows: CHUNK_ROWS },
): Generator<Chunk> {
  let lines: string[] = [];
  let bytes = 0;
  let index = 0;
  const flush = (): Chunk => {
    const chunk = { index, text: lines.join('\n'), rows: lines.length, bytes };
    lines = [];
    bytes = 0;
    index++;
    return chunk;
  };
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i] as CellValue[];
    const out: Record<string, unknown> = {};
    mapped.forEach((m, c) => {
      const field = fields[c] as Field;
      if (field.mode === 'REPEATED') {
        const list = listAt(records[i] as Record<string, unknown>, m.key);
        if (list) out[field.name] = list;
      } else {
        const v = value(row[m.column] as CellValue, field, zone);
        if (v !== undefined) out[field.name] = v;
      }
    });
    const line = JSON.stringify(out);
    const size = utf8Length(line) + 1;
    if (lines.length && (bytes + size > limits.bytes || lines.length >= limits.rows)) {
      const chunk = flush();
      if (chunk.index >= from) yield chunk;
    }
    lines.push(line);
    bytes += size;
  }
  if (lines.length) {
    const chunk = flush();
    if (chunk.index >= from) yield chunk;
  }
}
