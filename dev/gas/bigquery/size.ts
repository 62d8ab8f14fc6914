// A table's size as BigQuery counts it (numBytes, a query's bytes processed): from the values the
// table holds, so it is the same whatever put them there (a load, MERGE, INSERT, a query's
// destination). BigQuery's "data size calculation": a NULL is 0 bytes, STRING and BYTES are 2 plus
// their UTF-8 bytes, a REPEATED column the sum of its elements.
import { type Field, quote, standardType } from './sql.js';

/** SQL for the bytes of one value `x` of BigQuery type `type` (not NULL). */
function valueBytes(type: string, x: string): string {
  switch (standardType(type)) {
    case 'BOOL':
      return '1';
    case 'NUMERIC':
      return '16';
    case 'STRING':
      return `2 + strlen(${x})`;
    case 'BYTES':
      return `2 + octet_length(${x})`;
    case 'JSON':
      return `strlen(CAST(${x} AS VARCHAR))`;
    default:
      // INT64, FLOAT64, TIMESTAMP, DATE
      return '8';
  }
}

/** SQL for the bytes of a table's column, summed over its rows. */
function columnBytes(field: Field): string {
  const c = quote(field.name);
  if (field.mode === 'REPEATED')
    return `coalesce(sum(list_sum(list_transform(${c}, x -> coalesce(${valueBytes(field.type, 'x')}, 0)))), 0)`;
  return `coalesce(sum(CASE WHEN ${c} IS NULL THEN 0 ELSE ${valueBytes(field.type, c)} END), 0)`;
}

/** A SELECT answering one number, the bytes of the table's rows under its schema. */
export function sizeSql(table: string, schema: Field[]): string {
  if (!schema.length) return 'SELECT 0';
  return `SELECT ${schema.map(columnBytes).join(' + ')} FROM ${table}`;
}
