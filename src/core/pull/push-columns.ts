// A pulled table can be a push sheet too: a schedule pulled, a few rows given an Action, pushed
// back. The Action a person typed and the outcome a push wrote sit beside the table, belonging to
// its rows; a replace moves the rows under them, so they would sit beside other records (a
// "delete" beside an activity no one meant to delete). Before a replace lands they are cleared,
// once every Action in them has been pushed; an Action not pushed yet stops the pull instead,
// since the pull would lose it.
import { normaliseHeader } from '../push/header';
import { kindInNote, pushedInNote, withPushed } from '../push/kind-note';
import { isDone, isDoneWord, KINDS, STATUS_COLUMNS } from '../push/kinds';
import { rowsText } from '../push/overlaps';
import { pushedAsItStands } from '../push/sheet-rows';
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
const WHEN = normaliseHeader(STATUS_COLUMNS[3].header);
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
  /** The Push status column (1-based), where there is one. */
  status?: number;
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
  const [when] = find((h) => h === WHEN);
  const pending: number[] = [];
  const body = cells.slice(1);
  if (action !== undefined)
    body.forEach((row, i) => {
      // A done word or an ID typed, with no Pushed at the add-on wrote beside it, is no sign the
      // Action went (typed-status.ts): the row is held back from a push, so a replace would lose it.
      // Without a Pushed at column (a push's columns pasted in part) the status and ID are all there is.
      const pushed = when === undefined || text(row[when]) !== '';
      const done = pushed && isDone(text(row[status ?? -1]), text(row[id ?? -1]));
      if (text(row[action]) !== '' && !done) pending.push(at.row + 1 + i);
    });
  const statusCol = status === undefined ? {} : { status: first + status };
  return { cols: cols.map((i) => first + i), others, pending, rows: body.length, ...statusCol };
}

const namedRows = (rows: readonly number[]) =>
  `${rowsText(rows.slice(0, 5))}${rows.length > 5 ? ` and ${rows.length - 5} more` : ''}`;

/** Rows typed under a table that a write takes in as its own: `rows` from sheet row `from` (typed-rows.ts). */
export interface TypedRows {
  from: number;
  rows: number;
}

/**
 * Stops a replace that would leave Actions not yet pushed beside other records, or write over rows
 * typed under the table (`typed`) before what they hold is in Assembled. `typedOnly`: a merge or
 * append, whose rows keep their Actions beside them; only the typed rows it takes in stop it.
 */
export function refusePendingActions(
  found: PushColumns,
  typed: TypedRows = { from: 0, rows: 0 },
  typedOnly = false,
): void {
  const taken = found.pending.filter((r) => r >= typed.from && r < typed.from + typed.rows);
  const pending = typedOnly ? taken : found.pending;
  if (pending.length === 0) return;
  const [holds, them] = taken.length === 1 ? ['it holds', 'it'] : ['they hold', 'them'];
  if (typedOnly)
    throw new WriteRefused(
      `An Action beside the table is not pushed yet (${namedRows(taken)}, typed under it). Pulling again takes rows typed under the table in as its own, and what ${holds} is not in Assembled yet. Push the sheet first, so that the pull lists ${them} as Assembled has ${them}, or clear those Actions, then pull again. Nothing was written.`,
    );
  const over = taken.length
    ? `; ${namedRows(taken)}, typed under the table, would be written over as its rows before what ${holds} is in Assembled`
    : '';
  throw new WriteRefused(
    `An Action beside the table is not pushed yet (${namedRows(pending)}). Pulling again moves the table's rows, and the Action would sit beside another record${over}. Push the sheet, or clear those Actions, then pull again. Nothing was written.`,
  );
}

/**
 * For a header, each row's Assembled ID once a push created or changed its record there (a done
 * Push status and an Assembled ID), else ''; undefined when the header has no push columns. A
 * merge finds by it the row of the data that lists a record typed under the table (write-table.ts).
 */
export function pushedIdsIn(header: readonly string[]): ((row: readonly unknown[]) => string) | undefined {
  const heads = header.map(normaliseHeader);
  const [status, id] = [heads.indexOf(STATUS), heads.indexOf(ID)];
  if (status < 0 || id < 0) return undefined;
  return (row) => {
    const [s, assembled] = [text(row[status] as CellValue), text(row[id] as CellValue)];
    return assembled !== '' && isDoneWord(s) ? assembled : '';
  };
}

/**
 * Clears the cells of the push's columns under the header, and their notes (a push keeps a print
 * of what it sent in its status cell's note); the header stays for the next push.
 */
export function clearPushColumns(grid: Grid, found: PushColumns, headerRow: number): void {
  if (found.rows === 0) return;
  uncountCleared(grid, found, headerRow);
  const none = new Array<string>(found.rows).fill('');
  for (const col of found.cols) {
    grid.clear(headerRow + 1, col, found.rows, 1);
    grid.setColumnNotes(headerRow + 1, col, none);
  }
}

/**
 * The rows cleared that had reached Assembled are listed with the rest now, no longer told apart:
 * the Push status header's note counts them no more, else Validate and Push would take them for
 * rows deleted from the sheet (gone-rows.ts). Rows deleted before the pull stay counted.
 */
function uncountCleared(grid: Grid, found: PushColumns, headerRow: number): void {
  if (found.status === undefined) return;
  const note = grid.noteAt(headerRow, found.status);
  const [before, kind] = [pushedInNote(note), kindInNote(note)];
  if (before === undefined || !kind) return;
  const after = withPushed(note, Math.max(0, before - pushedAsItStands(grid, kind)));
  try {
    if (after !== note) grid.setNote(headerRow, found.status, after);
  } catch {
    // A protected header keeps its note, as a push leaves it (sheet-rows.ts noteKind).
  }
}
