// What "Insert template" puts in a new sheet for a kind: the header, a note per column, and the
// validation each column gets. The adapter turns this into a sheet; core only describes it.
import type { ActivityType } from '../assembled';
import { DATE_FORMAT, DATETIME_FORMAT } from '../table/build-table';
import { kindNote } from './kind-note';
import { type ColumnSpec, ERROR_STATUS, KINDS, type PushKind, STATUS_COLUMNS, type StatusKey } from './kinds';

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
  /** Cells reading this are shown in red (Push status: error). */
  flag?: string;
  /** Pixels: wide enough for what the column holds (an email, a time, an id) as typed. */
  width: number;
}

export interface TemplateSpec {
  kind: PushKind;
  sheetName: string;
  columns: TemplateColumn[];
  /** Data rows the validation covers. */
  rows: number;
}

export const TEMPLATE_ROWS = 1000;
/** Times to push, to the minute: nobody pushes seconds, and ":00" on every time is noise. */
export const TEMPLATE_TIME_FORMAT = `${DATE_FORMAT} hh:mm`;
/** Sheets' Plain text: an id typed as 007123 stays 007123 rather than becoming the number 7123. */
const PLAIN_TEXT = '@';

/** Sheets' default column is 100 px: an email or a time typed there would be cut off from view. */
const WIDTHS: Record<ColumnSpec['type'], number> = {
  agent: 220,
  datetime: 150,
  text: 180,
  boolean: 80,
  choice: 130,
};
/** A uuid, as Assembled's ids are. */
const ID_WIDTH = 280;
/** A platform's own id (a Zendesk user id), or an Assembled ID column that stays empty. */
const SHORT_ID_WIDTH = 120;
const STATUS_WIDTHS: Record<StatusKey, number> = { status: 110, id: ID_WIDTH, message: 320, when: 150 };

/** The number format a column's cells get: times to the minute, ids as typed. */
function formatOf(c: ColumnSpec): { format?: string } {
  if (c.type === 'datetime') return { format: TEMPLATE_TIME_FORMAT };
  return c.plainText ? { format: PLAIN_TEXT } : {};
}

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

/** The column whose cells name an activity type, for the kinds that have one. */
const TYPE_COLUMN: Partial<Record<PushKind, string>> = { time_off: 'type', activities: 'activity_type' };

export const hasTypeColumn = (kind: PushKind): boolean => TYPE_COLUMN[kind] !== undefined;

/** A type as the dropdown offers it, so words about types name what people pick and type. */
export const typeName = (t: ActivityType): string => t.name || t.short_name || t.id;

/**
 * The account's own type names for the kind's type column (time-off types for time off), so the
 * dropdown offers what Assembled will accept; undefined when the kind has no such column.
 */
export function typeChoices(kind: PushKind, types: readonly ActivityType[]): string[] | undefined {
  if (!hasTypeColumn(kind)) return undefined;
  const names = types.filter((t) => kind !== 'time_off' || t.timeoff).map(typeName);
  return names.length ? [...new Set(names)] : undefined;
}

const ACCOUNT_TIME_OFF_TYPES =
  "The type of time off: one of the account's types in the dropdown (a short name or id works too). Empty: the account's default.";

/** `types`: the account's names for the type column (typeChoices); else the column's defaults. */
export function templateFor(kind: PushKind, types?: readonly string[]): TemplateSpec {
  const spec = KINDS[kind];
  const columns: TemplateColumn[] = spec.columns.map((c) => {
    const accountTypes = types && c.key === TYPE_COLUMN[kind] ? types : undefined;
    // Not strict: the account may gain types after the template is made.
    const validation: TemplateValidation | undefined = accountTypes
      ? { kind: 'list', values: accountTypes, strict: false }
      : validationOf(c);
    // The account's names in the dropdown: an example of other names (pto, sick) would contradict it.
    const help = accountTypes && kind === 'time_off' ? ACCOUNT_TIME_OFF_TYPES : c.help;
    return {
      header: c.header,
      note: `${c.required ? 'Required' : 'Optional'}. ${help}`,
      ...(validation ? { validation } : {}),
      ...formatOf(c),
      width: c.shortId ? SHORT_ID_WIDTH : c.plainText ? ID_WIDTH : WIDTHS[c.type],
    };
  });
  for (const s of STATUS_COLUMNS)
    columns.push({
      header: s.header,
      note: s.key === 'status' ? kindNote(kind) : s.help,
      status: true,
      ...(s.key === 'status' ? { flag: ERROR_STATUS } : {}),
      // The outcome beside the row is in view sooner, rather than behind the sidebar.
      width: s.key === 'id' && spec.noIds ? SHORT_ID_WIDTH : STATUS_WIDTHS[s.key],
      ...(s.key === 'when' ? { format: DATETIME_FORMAT } : {}),
    });
  return { kind, sheetName: spec.sheetName, columns, rows: TEMPLATE_ROWS };
}
