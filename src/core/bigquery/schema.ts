// The table model's typed columns as a BigQuery schema: valid column names (the original kept as
// the description), types from the column kinds, lists as REPEATED. A later load may add columns
// but never change one's type: that is refused in words.
import type { Column, Table } from '../table/build-table';

export type FieldType = 'STRING' | 'INT64' | 'FLOAT64' | 'BOOL' | 'TIMESTAMP' | 'DATE';

export interface Field {
  name: string;
  type: FieldType;
  mode: 'NULLABLE' | 'REPEATED';
  description?: string;
}

/** What one source column becomes; `column` is its index in the table, -1 for a list. */
export interface Mapped {
  field: Field;
  column: number;
  /** The flattened key (lists are read from the records by it). */
  key: string;
  /** No value in any row: its type is not known yet and fits any existing column. */
  empty: boolean;
}

/** A name BigQuery accepts: letters, digits and underscores, not led by a digit, 300 at most. */
export function columnName(header: string): string {
  const name = header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 290);
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}

function typeOf(column: Column, table: Table, at: number): FieldType {
  switch (column.kind) {
    case 'datetime':
      return 'TIMESTAMP';
    case 'date':
      return 'DATE';
    case 'boolean':
      return 'BOOL';
    case 'number':
      return table.rows.every((r) => typeof r[at] !== 'number' || Number.isInteger(r[at]))
        ? 'INT64'
        : 'FLOAT64';
    default:
      return 'STRING';
  }
}

/**
 * The fields for a table, in its column order. `lists` are the flattened keys that held lists
 * in the records: they become REPEATED STRING.
 */
export function mapColumns(table: Table, lists: ReadonlySet<string>): Mapped[] {
  const taken = new Set<string>();
  return table.columns.map((column, at) => {
    const original = column.field ?? column.key;
    const base = columnName(column.key);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    const list = lists.has(column.key);
    const empty = table.rows.every((r) => r[at] === '' || r[at] === undefined);
    // The original name where it was changed, and the unit where the name does not say it.
    const description = [name !== original ? original : '', column.unit ?? ''].filter(Boolean).join(': ');
    const field: Field = {
      name,
      type: list ? 'STRING' : typeOf(column, table, at),
      mode: list ? 'REPEATED' : 'NULLABLE',
      ...(description ? { description } : {}),
    };
    return { field, column: at, key: column.key, empty };
  });
}

const SAME: Record<string, string> = { INTEGER: 'INT64', FLOAT: 'FLOAT64', BOOLEAN: 'BOOL' };
const norm = (type: string) => SAME[type] ?? type;

/**
 * How the source's columns meet an existing table: columns to add, columns loaded before without
 * the description they now get (a unit), or why they cannot load.
 */
export function compareSchema(
  existing: readonly { name: string; type: string; mode?: string; description?: string }[],
  mapped: Mapped[],
  table: string,
): { fields: Field[]; added: Field[]; described: Map<string, string>; problems: string[] } {
  const byName = new Map(existing.map((f) => [f.name.toLowerCase(), f]));
  const added: Field[] = [];
  const problems: string[] = [];
  const fields: Field[] = [];
  const described = new Map<string, string>();
  for (const m of mapped) {
    const old = byName.get(m.field.name.toLowerCase());
    if (!old) {
      added.push(m.field);
      fields.push(m.field);
      continue;
    }
    const was = norm(old.type);
    const mode = old.mode ?? 'NULLABLE';
    // Unknown yet (no values), or numbers into a FLOAT64 or anything into text: it still fits.
    const fits =
      m.empty ||
      was === m.field.type ||
      (was === 'FLOAT64' && m.field.type === 'INT64') ||
      (was === 'STRING' && m.field.mode === mode);
    if (!fits || (mode !== m.field.mode && !m.empty)) {
      problems.push(
        `column ${old.name} is ${mode === 'REPEATED' ? 'a list of ' : ''}${was} in ${table} but the source now gives ${m.field.mode === 'REPEATED' ? 'a list of ' : ''}${m.field.type}: load into a new table, or change the column in BigQuery`,
      );
    }
    if (m.field.description && !old.description) described.set(old.name, m.field.description);
    fields.push({ ...m.field, name: old.name, type: was as FieldType, mode: mode as Field['mode'] });
  }
  return { fields, added, described, problems };
}
