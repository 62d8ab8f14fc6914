// A pulled table can be a push sheet too: a schedule pulled, a few rows given an Action, pushed
// back. The Action a person typed and the outcome a push wrote sit beside the table, belonging to
// its rows; a replace moves the rows under them, so they would sit beside other records (a
// "delete" beside an activity no one meant to delete). Before a replace lands they are cleared,
// once every Action in them has been pushed; an Action not pushed yet stops the pull instead,
// since the pull would lose it.
import { normaliseHeader } from '../push/header';
import { isDone, KINDS, STATUS_COLUMNS } from '../push/kinds';
import { rowsText } from '../push/overlaps';
import type { Grid } from '../sheet/grid';
import { WriteRefused } from '../sheet/write-table';
import type { CellValue } from '../table/build-table';

const ACTION = new Set(
  Object.values(KINDS)
    .flatMap((k) => k.columns.filter((c) => c.key === 'action'))
    .flatMap((c) => [c.header, ...c.aliases])
    .map(normaliseHeader),
);
const STATUS = normaliseHeader(STATUS_COLUMNS[0].header);
const ID = normaliseHeader(STATUS_COLUMNS[1].header);
const PUSHED = new Set([...STATUS_COLUMNS.map((s) => normaliseHeader(s.header)), ...ACTION]);

/** Whether a header beside a table is a person's own column (a comment per row): headed, and not a push's. */
export function isOwnColumn(header: unknown): boolean {
  const h = normaliseHeader(header);
  return h !== '' && !PUSHED.has(h);
}

export interface PushColumns {
  /** Sheet columns (1-based) of the push's columns beside the table. */
  cols: number[];
  /** The other columns headed beside the table (a person's comments), by sheet column and header. */
  others: { col: number; header: string }[];
  /** Sheet rows whose Action has not been pushed. */
  pending: number[];
  /** Rows under the header that reach into those columns. */
  rows: number;
}

const text = (v: CellValue | undefined) => (v instanceof Date ? 'date' : String(v ?? '').trim());

/**
 * The push's columns to the right of a table `width` columns wide whose header is at (row, col),
 * and the rows whose Action a push has not yet sent (no done status, no Assembled ID).
 */
export function pushColumnsBeside(grid: Grid, at: { row: number; col: number }, width: number): PushColumns {
  const none: PushColumns = { cols: [], others: [], pending: [], rows: 0 };
  const used = grid.used();
  const first = at.col + width;
  if (used.cols < first || used.rows < at.row) return none;
  const cells = grid.read(at.row, first, used.rows - at.row + 1, used.cols - first + 1);
  const header = (cells[0] ?? []).map(normaliseHeader);
  const find = (names: (h: string) => boolean) => header.flatMap((h, i) => (names(h) ? [i] : []));
  const cols = find((h) => PUSHED.has(h));
  const others = find(isOwnColumn).map((i) => ({
    col: first + i,
    header: text(cells[0]?.[i]),
  }));
  if (cols.length === 0) return { ...none, others };
  const [action] = find((h) => ACTION.has(h));
  const [status] = find((h) => h === STATUS);
  const [id] = find((h) => h === ID);
  const pending: number[] = [];
  const body = cells.slice(1);
  if (action !== undefined)
    body.forEach((row, i) => {
      const done = isDone(text(row[status ?? -1]), text(row[id ?? -1]));
      if (text(row[action]) !== '' && !done) pending.push(at.row + 1 + i);
    });
  return { cols: cols.map((i) => first + i), others, pending, rows: body.length };
}

/** Stops a replace that would leave Actions not yet pushed beside other records. */
export function refusePendingActions(found: PushColumns): void {
  const n = found.pending.length;
  if (n === 0) return;
  const more = n > 5 ? ` and ${n - 5} more` : '';
  throw new WriteRefused(
    `An Action beside the table is not pushed yet (${rowsText(found.pending.slice(0, 5))}${more}). Pulling again moves the table's rows, and the Action would sit beside another record. Push the sheet, or clear those Actions, then pull again. Nothing was written.`,
  );
}

/**
 * Clears the cells of the push's columns under the header, and their notes (a push keeps a print
 * of what it sent in its status cell's note); the header stays for the next push.
 */
export function clearPushColumns(grid: Grid, found: PushColumns, headerRow: number): void {
  if (found.rows === 0) return;
  const none = new Array<string>(found.rows).fill('');
  for (const col of found.cols) {
    grid.clear(headerRow + 1, col, found.rows, 1);
    grid.setColumnNotes(headerRow + 1, col, none);
  }
}
