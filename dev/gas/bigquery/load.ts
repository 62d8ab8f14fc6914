// A load job's newline-delimited JSON, checked row by row against the table's schema as
// BigQuery checks it, before any row lands (a failed load job loads nothing).
import { BigQueryError, type ErrorProto } from './errors.js';
import { duckType, type Field, quote, standardType } from './sql.js';

const TIMESTAMP =
  /^\d{4}[-/]\d{1,2}[-/]\d{1,2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?\s*(Z|UTC|[+-]\d{2}(:?\d{2})?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function problem(value: unknown, type: string): string | undefined {
  switch (type) {
    case 'STRING':
      return typeof value === 'string' ? undefined : 'Could not convert value to string.';
    case 'INT64':
      return (typeof value === 'number' && Number.isInteger(value)) ||
        (typeof value === 'string' && /^-?\d+$/.test(value))
        ? undefined
        : `Could not convert value '${String(value)}' to integer.`;
    case 'FLOAT64':
    case 'NUMERIC':
      return typeof value === 'number' ||
        (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        ? undefined
        : `Could not convert value '${String(value)}' to double.`;
    case 'BOOL':
      return typeof value === 'boolean' || value === 'true' || value === 'false'
        ? undefined
        : `Could not convert value '${String(value)}' to boolean.`;
    case 'TIMESTAMP':
      return typeof value === 'string' && TIMESTAMP.test(value.trim())
        ? undefined
        : `Couldn't convert value to timestamp: Could not parse '${String(value)}' as a timestamp. Required format is YYYY-MM-DD HH:MM[:SS[.SSSSSS]] or YYYY/MM/DD HH:MM[:SS[.SSSSSS]]`;
    case 'DATE':
      return typeof value === 'string' && DATE.test(value)
        ? undefined
        : `Could not parse '${String(value)}' as a date.`;
    default:
      return undefined;
  }
}

export interface CheckedRows {
  count: number;
  bad: number;
  text: string;
  insertSql(target: string): string;
}

export function loadRows(
  text: string,
  schema: Field[],
  options: { ignoreUnknownValues: boolean; maxBadRecords: number },
): CheckedRows {
  const fields = new Map(schema.map((f) => [f.name, { field: f, type: standardType(f.type) }]));
  const errors: ErrorProto[] = [];
  const good: string[] = [];
  let position = 0;
  let count = 0;
  for (const line of text.split('\n')) {
    const at = position;
    position += Buffer.byteLength(line, 'utf8') + 1;
    if (line.trim() === '') continue;
    count++;
    const rowError = checkLine(line, fields, options.ignoreUnknownValues);
    if (rowError) {
      errors.push({
        reason: 'invalid',
        message: `Error while reading data, error message: JSON parsing error in row starting at position ${at}: ${rowError}`,
      });
    } else good.push(line);
  }
  if (errors.length > options.maxBadRecords)
    throw new BigQueryError(
      'invalid',
      `Error while reading data, error message: JSON table encountered too many errors, giving up. Rows: ${count}; errors: ${errors.length}. Please look into the errors[] collection for more details.`,
      errors.slice(0, 5),
    );
  const columns = schema.map((f) => quote(f.name)).join(', ');
  const types = schema.map((f) => `'${f.name.replaceAll("'", "''")}': '${duckType(f)}'`).join(', ');
  return {
    count: good.length,
    bad: errors.length,
    text: good.join('\n'),
    insertSql: (target) =>
      `INSERT INTO ${target} (${columns}) SELECT ${columns} FROM read_json($FILE, format = 'newline_delimited', columns = {${types}})`,
  };
}

function checkLine(
  line: string,
  fields: Map<string, { field: Field; type: string }>,
  ignoreUnknown: boolean,
): string | undefined {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return 'Parser terminated before end of string';
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return 'Row is not a JSON object.';
  const record = row as Record<string, unknown>;
  for (const key in record) {
    const known = fields.get(key);
    if (!known) {
      if (ignoreUnknown) continue;
      return `No such field: ${key}.`;
    }
    const value = record[key];
    if (value === null) continue;
    if (known.field.mode === 'REPEATED') {
      if (!Array.isArray(value)) return `JSON object specified for non-record field: ${key}`;
      for (const item of value) {
        const p =
          item === null ? `Array specified for non-repeated field: ${key}.` : problem(item, known.type);
        if (p) return `${p} Field: ${key}; Value: ${String(item)}`;
      }
      continue;
    }
    if (Array.isArray(value)) return `Array specified for non-repeated field: ${key}.`;
    const p = problem(value, known.type);
    if (p) return `${p} Field: ${key}; Value: ${String(value)}`;
  }
  for (const [name, { field }] of fields) {
    if (field.mode === 'REQUIRED' && (record[name] === undefined || record[name] === null))
      return `Missing required field: ${name}.`;
  }
  return undefined;
}
