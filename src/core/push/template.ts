// What "Insert template" puts in a new sheet for a kind: the header, a note per column, and the
// validation each column gets. The adapter turns this into a sheet; core only describes it.
import { DATETIME_FORMAT } from '../table/build-table';
import { type ColumnSpec, KINDS, type PushKind, STATUS_COLUMNS } from './kinds';

export type TemplateValidation =
  | { kind: 'list'; values: readonly string[]; strict: boolean }
  | { kind: 'date' }
  | { kind: 'checkbox' };

export interface TemplateColumn {
  header: string;
  note: string;
  validation?: TemplateValidation;
  /** A Sheets number format for the column's cells. */
  format?: string;
  /** Filled in by the add-on, not the user. */
  status?: boolean;
}

export interface TemplateSpec {
  kind: PushKind;
  sheetName: string;
  columns: TemplateColumn[];
  /** Data rows the validation covers. */
  rows: number;
}

export const TEMPLATE_ROWS = 1000;
/** Times read as the add-on writes them everywhere (pulled sheets, Pushed at). */
export const TEMPLATE_TIME_FORMAT = DATETIME_FORMAT;

function validationOf(c: ColumnSpec): TemplateValidation | undefined {
  switch (c.type) {
    case 'datetime':
      return { kind: 'date' };
    case 'boolean':
      return { kind: 'checkbox' };
    case 'choice':
      return c.values ? { kind: 'list', values: c.values, strict: c.strict === true } : undefined;
    default:
      return undefined;
  }
}

export function templateFor(kind: PushKind): TemplateSpec {
  const spec = KINDS[kind];
  const columns: TemplateColumn[] = spec.columns.map((c) => {
    const validation = validationOf(c);
    return {
      header: c.header,
      note: `${c.required ? 'Required' : 'Optional'}. ${c.help}`,
      ...(validation ? { validation } : {}),
      ...(c.type === 'datetime' ? { format: TEMPLATE_TIME_FORMAT } : {}),
    };
  });
  for (const s of STATUS_COLUMNS)
    columns.push({
      header: s.header,
      note: s.help,
      status: true,
      ...(s.key === 'when' ? { format: DATETIME_FORMAT } : {}),
    });
  return { kind, sheetName: spec.sheetName, columns, rows: TEMPLATE_ROWS };
}
