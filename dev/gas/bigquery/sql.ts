// BigQuery's types and SQL, as the DuckDB engine runs them. Only what the fake needs: names in
// backquotes, BigQuery's type names in CASTs, and BigQuery's error words for the engine's.
import { BigQueryError } from './errors.js';

export interface Field {
  name: string;
  type: string;
  mode?: 'NULLABLE' | 'REQUIRED' | 'REPEATED';
  description?: string;
  fields?: Field[];
}

/** BigQuery's standard names (the REST API answers with the legacy ones: INTEGER, FLOAT, ...). */
const STANDARD: Record<string, string> = {
  INTEGER: 'INT64',
  INT64: 'INT64',
  FLOAT: 'FLOAT64',
  FLOAT64: 'FLOAT64',
  BOOLEAN: 'BOOL',
  BOOL: 'BOOL',
  STRING: 'STRING',
  TIMESTAMP: 'TIMESTAMP',
  DATE: 'DATE',
  NUMERIC: 'NUMERIC',
  BYTES: 'BYTES',
  JSON: 'JSON',
};

const DUCK: Record<string, string> = {
  INT64: 'BIGINT',
  FLOAT64: 'DOUBLE',
  BOOL: 'BOOLEAN',
  STRING: 'VARCHAR',
  TIMESTAMP: 'TIMESTAMPTZ',
  DATE: 'DATE',
  NUMERIC: 'DECIMAL(38, 9)',
  BYTES: 'BLOB',
  JSON: 'JSON',
};

/** The type as BigQuery compares it (INTEGER and INT64 are one type); unknown types refused. */
export function standardType(type: string): string {
  const standard = STANDARD[String(type).toUpperCase()];
  if (!standard) throw new BigQueryError('invalid', `Invalid value for type: ${type} is not a valid value`);
  return standard;
}

export function duckType(field: Field): string {
  const base = DUCK[standardType(field.type)] as string;
  return field.mode === 'REPEATED' ? `${base}[]` : base;
}

/** A DuckDB result type back as a BigQuery field (legacy names, as the REST API gives them). */
export function fieldOfDuck(name: string, duck: string): Field {
  const repeated = duck.endsWith('[]');
  const base = repeated ? duck.slice(0, -2) : duck;
  const type = /INT|HUGEINT/.test(base)
    ? 'INTEGER'
    : /DOUBLE|FLOAT|REAL|DECIMAL/.test(base)
      ? 'FLOAT'
      : base === 'BOOLEAN'
        ? 'BOOLEAN'
        : base.startsWith('TIMESTAMP')
          ? 'TIMESTAMP'
          : base === 'DATE'
            ? 'DATE'
            : 'STRING';
  return { name, type, mode: repeated ? 'REPEATED' : 'NULLABLE' };
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,299}$/;

export function checkFieldName(name: string): void {
  if (!FIELD_NAME.test(name))
    throw new BigQueryError(
      'invalid',
      `Invalid field name "${name}". Fields must contain only letters, numbers, and underscores, start with a letter or underscore, and be at most 300 characters long.`,
    );
}

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The engine's name of a table: one schema per dataset. */
export function duckTable(projectId: string, datasetId: string, tableId: string): string {
  return `${quote(`${projectId}.${datasetId}`)}.${quote(tableId)}`;
}

export interface TableName {
  projectId: string;
  datasetId: string;
  tableId: string;
}

/**
 * BigQuery SQL to DuckDB: `project.dataset.table` (or `dataset.table` with a default dataset),
 * backquoted or not, becomes the engine's table; a backquoted single name is a quoted identifier; BigQuery's type
 * names in CASTs become DuckDB's. Names of tables the query reads are collected for the job.
 */
export function translate(
  sql: string,
  defaults: { projectId: string; datasetId?: string },
  tables: TableName[] = [],
): string {
  // dataset.table (in the default project) or project.dataset.table: the engine's table, noted.
  const table = (parts: string[]): string => {
    const [projectId, datasetId, tableId] =
      parts.length === 2
        ? [defaults.projectId, parts[0] as string, parts[1] as string]
        : (parts.slice(-3) as [string, string, string]);
    tables.push({ projectId, datasetId, tableId });
    return duckTable(projectId, datasetId, tableId);
  };
  const withNames = sql.replace(/`([^`]+)`(?:\.`([^`]+)`)?(?:\.`([^`]+)`)?/g, (_m, a, b, c) => {
    const parts = [a, b, c].filter(Boolean).flatMap((p: string) => p.split('.'));
    return parts.length === 1 ? quote(parts[0] as string) : table(parts);
  });
  // Unquoted paths after FROM, JOIN, INTO, UPDATE, USING (dashes allowed there, as in project ids).
  const withPaths = withNames.replace(
    /\b(FROM|JOIN|INTO|UPDATE|USING|MERGE)(\s+)([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*){1,2})\b(?!\s*\()/gi,
    (_m, keyword: string, space: string, path: string) => `${keyword}${space}${table(path.split('.'))}`,
  );
  return withPaths
    .replace(/^(\s*)MERGE\s+(?!INTO\b)/i, '$1MERGE INTO ')
    .replace(/\bINT64\b/gi, 'BIGINT')
    .replace(/\bFLOAT64\b/gi, 'DOUBLE')
    .replace(/\bSTRING\b/gi, 'VARCHAR');
}

/**
 * The table a DML statement writes (MERGE [INTO] t, INSERT [INTO] t, UPDATE t, DELETE [FROM] t),
 * the only one whose lastModifiedTime it changes; the tables it reads keep theirs, as after a SELECT.
 */
export function dmlTarget(
  sql: string,
  defaults: { projectId: string; datasetId?: string },
): TableName | undefined {
  const head =
    /^\s*(?:MERGE(?:\s+INTO)?|INSERT(?:\s+INTO)?|UPDATE|DELETE(?:\s+FROM)?)\s+(`[^`]+`(?:\.`[^`]+`)*|[A-Za-z_][\w.-]*)/i.exec(
      sql,
    );
  const named: TableName[] = [];
  if (head?.[1]) translate(`FROM ${head[1]}`, defaults, named);
  return named[0];
}

/** The engine's error text in BigQuery's words (the gist: which name, which clause). */
export function bigQueryError(message: string): BigQueryError {
  const text = message.split('\n')[0] ?? message;
  const table = /Table with name "?([^"!]+)"? does not exist/.exec(text);
  if (table)
    return new BigQueryError('notFound', `Not found: Table ${table[1]} was not found in location US`);
  const column = /Referenced column "?([^"\s]+)"? not found/.exec(text);
  if (column) return new BigQueryError('invalidQuery', `Unrecognized name: ${column[1]}`);
  if (/^Parser Error: /.test(text))
    return new BigQueryError('invalidQuery', text.replace(/^Parser Error: /, 'Syntax error: '));
  if (/MERGE|multiple|more than once/i.test(text) && /match|update/i.test(text))
    return new BigQueryError(
      'invalidQuery',
      'UPDATE/MERGE must match at most one source row for each target row',
    );
  return new BigQueryError('invalidQuery', text.replace(/^[A-Za-z ]+ Error: /, ''));
}
