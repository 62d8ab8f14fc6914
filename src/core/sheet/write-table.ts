// Writes a table into a sheet in replace, append or merge mode: the sheet is grown once to the
// table's final size, then written in blocks of at most 50,000 cells (larger setValues calls
// time out on real Sheets), so 100,000 rows x 12 columns take 26 calls. Replace writes the new table before clearing what is left of the old one, so an
// interrupted write never leaves a blank sheet. Cells outside the table's block are not touched,
// but for a formula column of the person's own beside it, filled down the rows added and cleared
// from the rows a replace no longer fills (fill-down.ts).
import { counted, countText, someOf } from '../count-text';
import type { Zone } from '../ports';
import type { CellValue, Table } from '../table/build-table';
import { fieldList, notedFieldList } from '../table/column-words';
import { dayFormats } from '../table/day-columns';
import { isDate } from '../table/flatten';
import { toSheetValue } from '../table/sheet-literal';
import { comings, wallClock, wallSpan } from '../time/wall-clock';
import { cellName, columnName } from './a1';
import { grown, noRoom, type SheetUse } from './cell-room';
import {
  type Beside,
  type FilledBeside,
  fillBeside,
  fillBody,
  formulaColumns,
  keepOwnCells,
} from './fill-down';
import { AUTOMATIC_FORMAT, type Extent, filledCell as filled, type Grid, MAX_CELLS_PER_WRITE } from './grid';
import { type BodyCell, KeptFormula } from './kept-formula';
import { looseHeader, missingKeyText } from './key-words';
import { type Overlap, overlapping, type Spans, spanIn } from './overlaps';
import {
  findLost,
  type HeldColumns,
  type LastBlock,
  type LostColumn,
  lostText,
  notedColumns,
  type Renamed,
} from './renamed-columns';
import { WriteRefused } from './write-refused';

export type WriteMode = 'replace' | 'append' | 'merge';

export interface WriteOptions {
  mode: WriteMode;
  /** Top-left cell of the table (its header), 1-based. */
  row: number;
  col: number;
  /**
   * The columns whose values identify a row (comma-separated). Merge updates the row with the
   * same key; append leaves out the rows whose key the sheet already holds.
   */
  mergeKey?: string;
  /**
   * The key's start and end columns, when its rows are spans of time (a report's buckets). merge:
   * a sheet row of the same record otherwise whose span overlaps a new row's gives way to it;
   * append: a new row whose span overlaps such a sheet row is left out.
   */
  span?: readonly [string, string];
  /**
   * The sheet's zone: the key's dates compare by the wall-clock time a cell holds, as a time the
   * clocks go back over reads back as either of its instants (without it, by their instant).
   */
  zone?: Zone;
  /**
   * The block the previous write of this target filled, when known: replace clears it; append and
   * merge find a renamed column by what its columns held.
   */
  previous?: LastBlock;
  /** Text of the note on the header's first cell. */
  note: string;
  /** Cells per setValues call (at most MAX_CELLS_PER_WRITE). */
  chunkCells?: number;
  /**
   * A scheduled refresh's write: its target stays where it is, so a refusal says to move what is in
   * the way rather than to pull elsewhere.
   */
  refresh?: true;
  /** merge, append: how rows the sheet pushed to Assembled are found in the data (`PushedRows`). */
  pushed?: PushedRows;
}

/**
 * A row typed under a table (typed-rows.ts), given an Action and pushed, is a record Assembled now
 * holds, and the next pull lists it with its key; the typed row has none (an activity typed has no
 * Occurrence ID). Merge and append take it for the data's row that lists its Assembled ID in
 * `column`, when one row alone does and no keyed row of the sheet is that row already: merge
 * updates it in its place (the person's cells beside it kept), append leaves that row out.
 */
export interface PushedRows {
  /** The table column (key or API field) in which the data lists a record's Assembled ID. */
  column: string;
  /** For the sheet's header: each row's Assembled ID once a push sent it, else ''; undefined without a push's columns. */
  idsIn(header: readonly string[]): ((row: readonly BodyCell[]) => string) | undefined;
}

export interface WriteResult {
  /** Data rows written or updated (header excluded). */
  rows: number;
  appended: number;
  updated: number;
  /**
   * Rows left out. append: the sheet already had a row with their key; merge: a longer row of the
   * sheet holds all their time (see `span`).
   */
  present: number;
  /** merge: the sheet's rows taken out, as a new row's span overlapped theirs (see `span`). */
  superseded: number;
  /**
   * merge: of the rows appended, those that went in the place of rows taken out over other bounds
   * (a week where its days were). A bucket cut short by an earlier pull, now fuller, is updated.
   */
  replacing: number;
  /** append: rows left out as their span overlaps a row the sheet holds over other times (see `span`). */
  overlapped?: number;
  /** append: whose rows those are, and the first such overlap, in words. */
  overlap?: string;
  /** merge, append: rows with no key of their own found in the data by their Assembled ID (`PushedRows`). */
  listed?: number;
  /** The block the table now fills, header included. */
  extent: Extent;
  /** replace of no records: the table's header was kept, with no rows under it ("(no records)" otherwise). */
  keptHeader?: true;
  /** What the write did in the person's own columns over the rows it added or left (fill-down.ts). */
  beside?: Beside;
  writeCalls: number;
}

export { WriteRefused };

/**
 * What a replace of no records writes where the table's header would go when it has none to keep
 * (a first pull that found nothing: with no row, its columns are not known).
 */
const NO_RECORDS = '(no records)';

/**
 * The header row of a table at `o`'s cell, as far as it has words. "(no records)" alone heads no
 * column: the next pull that finds rows writes its header there, whatever its mode, not beside it.
 */
export function existingHeader(grid: Grid, o: Pick<WriteOptions, 'row' | 'col'>): string[] {
  const used = grid.used();
  if (used.rows < o.row || used.cols < o.col) return [];
  const cells = grid.read(o.row, o.col, 1, used.cols - o.col + 1)[0] ?? [];
  const header = cells.map((c) => String(c));
  while (header.length && header[header.length - 1] === '') header.pop();
  return header.join() === NO_RECORDS ? [] : header;
}

/** Existing data rows under the header, down to the sheet's last used row (or to just above `end`). */
function existingRows(grid: Grid, o: WriteOptions, width: number, end = Infinity): CellValue[][] {
  const last = Math.min(grid.used().rows, end - 1);
  if (last <= o.row || width === 0) return [];
  return grid.read(o.row + 1, o.col, last - o.row, width);
}

/** Rows read at a time, from the foot of a block up, looking for its last row that holds something. */
const FOOT_CHUNK = 500;

/**
 * The end (exclusive) of a block's rows that hold something: rows emptied at its foot since it was
 * written (deleted or cleared by hand) are not the table's, so new rows go on without a gap.
 */
function filledEnd(grid: Grid, o: WriteOptions, end: number, width: number): number {
  let last = Math.min(end - 1, grid.used().rows);
  while (last > o.row) {
    const from = Math.max(o.row + 1, last - FOOT_CHUNK + 1);
    const rows = grid.read(from, o.col, last - from + 1, width);
    for (let i = rows.length - 1; i >= 0; i--) if (rows[i]?.some(filled)) return from + i + 1;
    last = from - 1;
  }
  return o.row + 1;
}

/**
 * Where each table column goes in the header: under its words, or under its API field in a sheet
 * written before headers were words (then it keeps that sheet's values as they were: raw numbers),
 * or under the header a person typed over its own (renamed-columns.ts). Columns the sheet never
 * had go to the right.
 */
interface Placement {
  header: string[];
  /** Table column -> index in the header. */
  at: number[];
  /** Table column -> whether the sheet heads it by its API field. */
  byField: boolean[];
  /** Columns found under a header the user typed over theirs, at this write. */
  renamed: Renamed[];
}

type FindLost = (
  lost: LostColumn[],
  taken: Set<number>,
) => Pick<ReturnType<typeof findLost>, 'at' | 'renamed'>;

function place(table: Table, found: readonly string[], lostIn?: FindLost): Placement {
  const header = [...found];
  const at: number[] = [];
  const byField: boolean[] = [];
  for (const c of table.columns) {
    const i = found.indexOf(c.header);
    // Before words, a duration without a unit in its name was headed "<field> (seconds)".
    const old =
      i < 0 && c.field !== undefined && c.field !== c.header
        ? found.findIndex((h) => h === c.field || h === `${c.field} (seconds)`)
        : -1;
    at.push(i < 0 ? old : i);
    byField.push(old >= 0);
  }
  const lost = table.columns.filter((_, k) => (at[k] as number) < 0);
  const kept =
    lost.length && lostIn ? lostIn(lost, new Set(at)) : { at: new Map<string, number>(), renamed: [] };
  table.columns.forEach((c, k) => {
    if ((at[k] as number) < 0) at[k] = kept.at.get(c.key) ?? header.push(c.header) - 1;
  });
  return { header, at, byField, renamed: kept.renamed };
}

/** The lost columns of an append or merge into a header the sheet has: renamed, new, or refused. */
function lostColumns(grid: Grid, o: WriteOptions, found: readonly string[]): FindLost {
  return (lost, taken) => {
    const kept = findLost(lost, {
      found,
      taken,
      held: o.previous?.held,
      noted: notedColumns(grid.noteAt(o.row, o.col)),
      holdsRows: (i) => holdsRows(grid, o, i),
      col: o.col,
    });
    if (kept.refused) throw new WriteRefused(lostText(kept.refused.headers, kept.refused.why, o.row, o.mode));
    return kept;
  };
}

/**
 * A replace keeps the columns where the user moved them, as append and merge do: the table's
 * headers in the order the sheet holds them, when the record of what each column held finds every
 * one the sheet has (renamed or not) and they fill its first columns; fields new to it go last.
 * Otherwise (nothing recorded, a column of the user's or a field gone among them, a rename that
 * cannot be told) [], the table's own order. Each column keeps its letter, so formulas that point
 * at it still find its field.
 */
export function keptOrder(grid: Grid, table: Table, o: WriteOptions): string[] {
  if (o.mode !== 'replace' || !o.previous?.held) return [];
  const found = existingHeader(grid, o);
  let at: number[];
  try {
    ({ at } = place(table, found, lostColumns(grid, o, found)));
  } catch (e) {
    if (e instanceof WriteRefused) return [];
    throw e;
  }
  const had = at.filter((i) => i < found.length);
  if (had.some((i) => i >= had.length)) return [];
  return table.columns
    .map((c, k) => ({ header: c.header, at: at[k] as number }))
    .sort((a, b) => a.at - b.at)
    .map((c) => c.header);
}

/** Whether a column of the header holds anything in the rows the last write filled under it. */
function holdsRows(grid: Grid, o: WriteOptions, i: number): boolean {
  const rows = Math.min((o.previous?.rows ?? 1) - 1, grid.used().rows - o.row);
  return rows <= 0 || grid.read(o.row + 1, o.col + i, rows, 1).some((r) => filled(r[0]));
}

/** What each column of the header holds after the write, recorded for the next one. */
function heldBy(table: Table, p: Placement): HeldColumns {
  const keys = p.header.map(() => '');
  table.columns.forEach((c, k) => {
    keys[p.at[k] as number] = c.key;
  });
  return { keys, header: p.header };
}

/**
 * The rows a merge rewrites, with their formulas (a column of the user's own, a cell typed over)
 * kept as formulas: their values (a stale number, "#NAME?") written back would freeze them. The key
 * columns are read as values, which is what tells the rows apart.
 */
function rowsToRewrite(
  grid: Grid,
  o: WriteOptions,
  width: number,
  end: number | undefined,
  keys: ReadonlySet<number>,
): BodyCell[][] {
  const rows: BodyCell[][] = existingRows(grid, o, width, end);
  if (rows.length === 0) return rows;
  const first = o.row + 1;
  grid.formulas(first, o.col, rows.length, width).forEach((line, r) => {
    line.forEach((formula, k) => {
      const row = rows[r];
      if (formula && row && !keys.has(k)) row[k] = new KeptFormula(formula, first + r);
    });
  });
  return rows;
}

/**
 * A number as the sheet shows it. 94.74 / 100 is 0.9473999999999999 in binary: a percent is kept to
 * 15 digits (0.9474); seconds / 86,400 stay exact (a third of a day must stay 8:00:00).
 */
function scaled(v: number, divisor: number): number {
  return divisor === 100 ? Number((v / divisor).toPrecision(15)) : v / divisor;
}

function project(table: Table, p: Placement): CellValue[][] {
  const width = p.header.length;
  const divisors = table.columns.map((c, i) => (p.byField[i] ? undefined : c.divisor));
  return table.rows.map((row) => {
    const out: CellValue[] = new Array(width).fill('');
    for (let i = 0; i < p.at.length; i++) {
      const v = row[i] ?? '';
      const d = divisors[i];
      out[p.at[i] as number] = d && typeof v === 'number' ? scaled(v, d) : v;
    }
    return out;
  });
}

/** The sheet's size, from A1, that a block of `extent` at the table's cell needs. */
export function reach(o: Pick<WriteOptions, 'row' | 'col'>, extent: Extent): Extent {
  return { rows: o.row - 1 + extent.rows, cols: o.col - 1 + extent.cols };
}

/** Refuses, before anything is written, a write the spreadsheet's cells have no room for (cell-room.ts). */
export function checkRoom(uses: readonly SheetUse[], table: Extent, staged = false): void {
  const why = noRoom(uses, table, staged);
  if (why) throw new WriteRefused(why);
}

/** The same for a write into one sheet, grown to hold a block of `extent` at the table's cell. */
export function checkCellLimit(grid: Grid, o: Pick<WriteOptions, 'row' | 'col'>, extent: Extent): void {
  checkRoom([{ grid, after: grown(grid.gridSize(), reach(o, extent)) }], extent);
}

/**
 * No records: replace keeps the table's header (or says so) and clears its old rows; the other
 * modes change nothing. The columns headed right of the block it filled last time are the user's:
 * they stay as typed, as a refresh that finds nothing must lose nothing typed.
 */
function writeEmpty(grid: Grid, o: WriteOptions): WriteResult {
  const none = { rows: 0, appended: 0, updated: 0, present: 0, superseded: 0, replacing: 0, writeCalls: 0 };
  const found = existingHeader(grid, o);
  if (o.mode !== 'replace') return { ...none, extent: { rows: 1, cols: found.length } };
  // A table whose rows were all deleted has no header left to keep: what is there now is not its own.
  const gone = o.previous?.rows === 0;
  const own = gone ? [] : found.slice(0, o.previous?.cols);
  const kept = own.some(Boolean);
  const header = kept ? own : [NO_RECORDS];
  const extent = { rows: 1, cols: header.length };
  if (gone) refuseCovering(grid, o, extent);
  grid.growTo(reach(o, extent));
  prepareReach(grid, o, extent);
  grid.write(o.row, o.col, [header.map(toSheetValue)]);
  clearLeftovers(grid, o, extent);
  // The person's formula columns follow the table's rows off as well (fill-down.ts).
  const { calls, beside } = fillReplaced(grid, o, extent);
  // A header kept is still the columns' header: its note keeps saying which API field each holds.
  const fields = kept ? notedFieldList(grid.noteAt(o.row, o.col)) : '';
  grid.styleHeader(o.row, o.col, header.length, [o.note, fields].filter(Boolean).join('\n'));
  const also = { ...(kept ? { keptHeader: true as const } : {}), ...(beside ? { beside } : {}) };
  return { ...none, extent, writeCalls: 1 + calls, ...also };
}

/** Each row's identity for merge and append, in the rows' order (see `identitiesOf`). */
type IdentitiesOf = (rows: readonly (readonly BodyCell[])[]) => string[];

/**
 * Rows' identities for merge mode: one column, or several comma-separated (an agent-state record is
 * its agent, platform and start); dates by the wall-clock time a cell holds. On the night clocks go
 * back two records may hold the same key (an agent's two 01:00 to 01:30 intervals): the k-th row
 * holding it is its k-th coming, up to as many as its times can come (`comings`), so the k-th new
 * row takes the k-th sheet row's place; a row past those is a copy.
 */
function identitiesOf(table: Table, p: Placement, o: WriteOptions): IdentitiesOf {
  const keys = keyNames(o.mergeKey ?? '');
  const at = keyColumns(table, p, keys);
  const span = spanIn(keys, o.span);
  const [start, end] = span ? keyColumns(table, p, span) : [];
  const { zone } = o;
  const times = (row: readonly BodyCell[]) => {
    if (!zone) return 1;
    const [s, e] = [row[start ?? -1], row[end ?? -1]];
    const walls = at.map((i) => row[i]).filter(isDate);
    const crosses = isDate(s) && isDate(e) && wall(e, zone) <= wall(s, zone);
    return comings(
      walls.map((d) => wall(d, zone)),
      zone,
      crosses,
    );
  };
  return (rows) => {
    const seen = new Map<string, number>();
    return rows.map((row) => {
      const key = at.map((i) => text(row[i], zone)).join('\u0000');
      const k = seen.get(key) ?? 0;
      seen.set(key, k + 1);
      const coming = k && Math.min(k, times(row) - 1);
      return coming ? `${key}\u0001${coming}` : key;
    });
  };
}

/** The columns a merge key names: "agent_id, start_time" -> ['agent_id', 'start_time']. */
export const keyNames = (mergeKey: string): string[] => mergeKey.split(',').map((k) => k.trim());

/** A date's time as a cell holds it: its wall clock in the sheet's zone, else its instant. */
const wall = (d: Date, zone?: Zone) => (zone ? wallClock(d.getTime(), zone) : d.getTime());
const text = (v: BodyCell | undefined, zone?: Zone) => (isDate(v) ? String(wall(v, zone)) : String(v));

function keyColumns(table: Table, p: Placement, keys: readonly string[]): number[] {
  const at = keys.map((k) => keyColumn(table, p, k));
  // Every column the key names that is not there, so one fix is enough.
  const missing = keys.filter((_, i) => (at[i] ?? -1) < 0);
  if (missing.length) throw new WriteRefused(`${missingKeyText(missing)} Nothing was written.`);
  return at;
}

/** The key's record and span, when `span` names two of its columns (otherwise no spans). */
function spansOf(table: Table, p: Placement, o: WriteOptions): Spans | undefined {
  const keys = keyNames(o.mergeKey ?? '');
  const both = spanIn(keys, o.span);
  if (!both) return undefined;
  const at = keyColumns(
    table,
    p,
    keys.filter((k) => !both.includes(k)),
  );
  const [start, end] = keyColumns(table, p, both) as [number, number];
  const { zone } = o;
  return {
    entityOf: (row) => at.map((i) => text(row[i], zone)).join('\u0000'),
    spanOf: (row) => {
      const [s, e] = [row[start], row[end]];
      return isDate(s) && isDate(e) ? wallSpan(wall(s, zone), wall(e, zone), zone) : undefined;
    },
  };
}

/** What an append adds, and the rows it leaves out as they overlap the sheet's over other times. */
interface NewRows {
  rows: CellValue[][];
  overlapped: number;
  overlap?: string;
  /** Rows of the sheet with no key of their own that a push sent, found in the data (listPushed). */
  listed?: number;
}

/**
 * Append leaves out rows the sheet already holds (by key, among the rows above where this append
 * began), so pulling a period again, or a moving range that overlaps the last one, adds only
 * what is new. With spans, it also leaves out a row whose span overlaps a row the sheet holds for
 * the same record over other times (a UTC month beside the calendar month): appended, every sum
 * over the sheet would count that time twice; Merge or Replace are the ways to swap such rows.
 * A key the data or sheet lacks leaves nothing out.
 */
function newRows(
  grid: Grid,
  table: Table,
  o: WriteOptions,
  p: Placement,
  width: number,
  at: number,
): NewRows {
  const rows = project(table, p);
  let identities: IdentitiesOf;
  let spans: Spans | undefined;
  try {
    identities = identitiesOf(table, p, o);
    spans = spansOf(table, p, o);
  } catch (e) {
    if (e instanceof WriteRefused) return { rows, overlapped: 0 };
    throw e;
  }
  // Only the columns the sheet has (the grid may end there); columns new to it are blank above.
  const old = existingRows(grid, o, width, at);
  const oldIds = identities(old);
  const ids = identities(rows);
  const listed = listPushed(old, oldIds, rows, ids, table, p, o).length;
  const held = new Set(oldIds);
  const fresh = rows.filter((_, j) => !held.has(ids[j] as string));
  const over = spans ? overlapping(old, fresh, spans) : new Map<number, Overlap>();
  if (over.size === 0 || !spans) return { rows: fresh, overlapped: 0, listed };
  // The first, in words: "for the same Queue ID over other times (such as <new> over <held>)".
  const [j, { hits }] = [...over][0] as [number, Overlap];
  const entity = keyNames(o.mergeKey ?? '').filter((k) => !o.span?.includes(k));
  const when = (row: readonly BodyCell[]) =>
    (spans.spanOf(row) ?? [])
      .map((t) => new Date(t).toISOString().slice(0, 16).replace('T', ' '))
      .join(' to ');
  const overlap = `for the same ${entity.map((k) => p.header[keyColumn(table, p, k)]).join(', ')} over other times (such as ${when(fresh[j] as CellValue[])} over ${when(old[hits[0] as number] as CellValue[])})`;
  return { rows: fresh.filter((_, k) => !over.has(k)), overlapped: over.size, overlap, listed };
}

/**
 * The sheet's rows with no key of their own that a push sent (`PushedRows`) take the identity of
 * the data's row listing their Assembled ID, in `oldIds`. Returns the indexes in `old` of those that did.
 */
function listPushed(
  old: readonly (readonly BodyCell[])[],
  oldIds: string[],
  rows: readonly CellValue[][],
  ids: readonly string[],
  table: Table,
  p: Placement,
  o: WriteOptions,
): number[] {
  const idOf = o.pushed?.idsIn(p.header);
  const at = o.pushed ? keyColumn(table, p, o.pushed.column) : -1;
  if (!idOf || at < 0 || old.length === 0) return [];
  const keys = keyColumns(table, p, keyNames(o.mergeKey ?? ''));
  // Each id the data lists, by its one row (null: listed by several, an activity that repeats).
  const listing = new Map<string, number | null>();
  rows.forEach((row, j) => {
    const id = String(row[at] ?? '');
    if (id) listing.set(id, listing.has(id) ? null : j);
  });
  const held = new Set(oldIds);
  const listed: number[] = [];
  old.forEach((row, i) => {
    if (keys.some((k) => filled(row[k] as CellValue))) return;
    const j = listing.get(idOf(row));
    const key = j === undefined || j === null ? undefined : (ids[j] as string);
    if (key === undefined || held.has(key)) return;
    oldIds[i] = key;
    held.add(key);
    listed.push(i);
  });
  return listed;
}

/** A merge key names a column by its header or its API field, whichever the sheet uses (case and spaces aside). */
function keyColumn(table: Table, p: Placement, key: string): number {
  const exact = p.header.indexOf(key);
  if (exact >= 0) return exact;
  const i = table.columns.findIndex((c) => c.key === key || c.field === key || c.header === key);
  if (i >= 0) return p.at[i] as number;
  return p.header.findIndex((h) => looseHeader(h) === looseHeader(key));
}

/**
 * An append or merge reads the header to know which column is which: with the header row emptied
 * over rows that hold data, it would write its own header and rows over them.
 */
function refuseHeadless(grid: Grid, o: WriteOptions): void {
  const used = grid.used();
  const width = Math.min(o.previous?.cols ?? Infinity, used.cols - o.col + 1);
  const end = o.previous ? o.row + o.previous.rows : Infinity;
  if (width <= 0 || !existingRows(grid, o, width, end).some((r) => r.some(filled))) return;
  throw new WriteRefused(
    `Row ${o.row}, the table's header, is empty, though the rows under it hold data: ${o.mode === 'merge' ? 'a merge' : 'an append'} cannot tell which column is which. Type the header back, or choose Replace it to write the whole table again. Nothing was written.`,
  );
}

/** What a write will put where: worked out before any cell changes. */
export interface WritePlan {
  header: string[];
  /** Where each table column sits in the header, and whether it is headed by its API field. */
  placed: Placement;
  /** The rows under the header, from `bodyRow`, as the sheet will hold them. */
  body: BodyCell[][];
  bodyRow: number;
  /** The block the write covers, header included (and the user's columns an append or merge keeps). */
  extent: Extent;
  /** What each column of the header will hold, recorded with the block. */
  held: HeldColumns;
  /** Columns the sheet's header already had (append, merge): a column of the user's among them is kept. */
  headed: number;
  /** append, merge: the person's own columns among them (0-based), where a cell that holds something stays. */
  own: number[];
  /** append, merge: what the write does in those columns over the rows it adds (fill-down.ts). */
  beside?: Beside;
  appended: number;
  updated: number;
  present: number;
  superseded: number;
  replacing: number;
  /** merge: the sheet's rows under the body that it no longer fills (rows were taken out). */
  leftover: number;
  /** append: rows left out as their span overlaps a row the sheet holds over other times. */
  overlapped: number;
  /** append: whose rows, and the first such overlap, in words ("for the same Queue ID over ..."). */
  overlap?: string;
  /** merge, append: rows with no key of their own found in the data by their Assembled ID. */
  listed?: number;
  /** merge: of those, the rows of `body` (0-based) that update them in place. */
  inPlace?: number[];
}

/**
 * Plans a write. `bodyRow` pins where an append began (a resumed append must not move down past
 * its own first rows); a merge planned again over its own half-written rows finds them by their
 * keys, so it comes out the same. `order`: a replace's columns in the order the sheet keeps them
 * (keptOrder), else the table's own.
 */
export function planWrite(
  grid: Grid,
  table: Table,
  o: WriteOptions,
  bodyRow?: number,
  order: readonly string[] = [],
): WritePlan {
  const found = o.mode === 'replace' ? [] : existingHeader(grid, o);
  if (o.mode !== 'replace' && found.length === 0) refuseHeadless(grid, o);
  // Columns the sheet already has keep their place, renamed or not; new ones go to the right.
  const placed =
    o.mode === 'replace'
      ? place(table, order)
      : place(table, found, found.length ? lostColumns(grid, o, found) : undefined);
  const { header } = placed;
  let body: BodyCell[][];
  let at = o.row + 1;
  let appended = table.rows.length;
  let updated = 0;
  let superseded = 0;
  let replacing = 0;
  let leftover = 0;
  let overlapped = 0;
  let overlap: string | undefined;
  let listed = 0;
  let inPlace: number[] = [];
  const own = found.length ? ownColumns(found.length, placed) : [];
  // The person's formula columns are filled down the rows added, around their cells there (fill-down.ts).
  let beside: Beside | undefined;
  const fill = (from: number, formulas: ReadonlyMap<number, KeptFormula>) => {
    const cells = keepOwnCells(grid, body, { row: at, col: o.col }, from, own, formulas);
    const filled = fillBody(body, formulas).map((k) => header[k] ?? '');
    const left = cells.length ? { left: { cells, end: at + body.length - 1 } } : {};
    if (filled.length || cells.length) beside = { filled, ...left };
  };

  // A table is the block it filled last time, at A1 as at a cell: a total typed under it is not a
  // row of it, so merge reads no further and append goes on at the block's end (refuseCovering).
  const end =
    o.previous && found.length > 0 ? filledEnd(grid, o, o.row + o.previous.rows, found.length) : undefined;
  if (o.mode === 'merge') {
    const identities = identitiesOf(table, placed, o);
    const rows = project(table, placed);
    const ids = identities(rows);
    refuseSharedKeys(rows, ids, table, placed, o.mergeKey ?? '');
    if (found.length > 0) {
      const keys = new Set(keyColumns(table, placed, keyNames(o.mergeKey ?? '')));
      const old = rowsToRewrite(grid, o, found.length, end, keys).map((r) => [
        ...r,
        ...Array<BodyCell>(header.length - r.length).fill(''),
      ]);
      const formulas = formulaColumns(grid, o, old.length, own);
      const spans = spansOf(table, placed, o);
      const carried = new Set(placed.at);
      const filledBefore = old.length;
      const oldIds = identities(old);
      const pushedAt = listPushed(old, oldIds, rows, ids, table, placed, o);
      listed = pushedAt.length;
      ({ appended, updated, superseded } = mergeInto(old, oldIds, rows, ids, carried, spans));
      // A new row goes below the sheet's, or in the place of the first row it took out.
      replacing = appended - (old.length - filledBefore);
      const written = new Set(pushedAt.map((i) => old[i]));
      body = old.filter((r) => r !== GONE);
      inPlace = body.flatMap((r, k) => (written.has(r) ? [k] : []));
      // Rows from the old block's end on are the rows the merge adds.
      fill(filledBefore, formulas);
      // Rows added below count against those taken out: only the table's old rows are cleared.
      leftover = Math.max(0, filledBefore - body.length);
    } else body = rows;
  } else if (o.mode === 'append' && found.length > 0) {
    at = bodyRow ?? end ?? Math.max(grid.used().rows + 1, o.row + 1);
    const kept = o.mergeKey ? newRows(grid, table, o, placed, found.length, at) : undefined;
    body = kept?.rows ?? project(table, placed);
    fill(0, formulaColumns(grid, o, at - o.row - 1, own));
    overlapped = kept?.overlapped ?? 0;
    listed = kept?.listed ?? 0;
    if (kept?.overlap) overlap = kept.overlap;
    appended = body.length;
  } else {
    body = project(table, placed);
  }
  const extent = { rows: at - o.row + body.length, cols: header.length };
  const present = table.rows.length - appended - updated - overlapped;
  return {
    header,
    placed,
    body,
    bodyRow: at,
    extent,
    held: heldBy(table, placed),
    headed: found.length,
    own,
    ...(beside ? { beside } : {}),
    appended,
    updated,
    present,
    superseded,
    replacing,
    leftover,
    overlapped,
    ...(overlap ? { overlap } : {}),
    ...(listed ? { listed } : {}),
    ...(inPlace.length ? { inPlace } : {}),
  };
}

/** The columns of a header `width` wide that are the person's own, not the table's. */
function ownColumns(width: number, p: Placement): number[] {
  const table = new Set(p.at);
  return Array.from({ length: width }, (_, k) => k).filter((k) => !table.has(k));
}

/**
 * After a replace that added rows: a formula column of the person's own right of the table's block
 * is filled down them (fill-down.ts), around the cells of theirs there that hold something. After
 * one that took rows away, its formula is cleared from them.
 */
export function fillReplaced(grid: Grid, o: WriteOptions, now: Extent): FilledBeside {
  const before = o.previous;
  if (o.mode !== 'replace' || !before?.rows) return { calls: 0, uniform: new Set() };
  const from = Math.max(before.cols, now.cols);
  const header = existingHeader(grid, o);
  return fillBeside(grid, o, before, now, { from, to: header.length }, header);
}

/** A row `mergeInto` took out; the caller drops them. */
const GONE: BodyCell[] = [];

/**
 * Updates `old` in place with `rows`: a row whose identity (key) is there replaces it, others go
 * below. With spans, a new row also takes out the rows its span overlaps (taking the first one's
 * place, and the user's cells beside them, when its key is new) or, when one of them holds all its
 * time, is left out; and an identity the sheet holds twice keeps its first row: a merge cut short
 * and planned again finds its written rows above, their old places below, and comes out the same.
 * `oldIds`, `newIds`: each row's identity (identitiesOf), worked out once per plan.
 */
function mergeInto(
  old: BodyCell[][],
  oldIds: readonly string[],
  rows: CellValue[][],
  newIds: readonly string[],
  carried: Set<number | undefined>,
  spans?: Spans,
): { appended: number; updated: number; superseded: number } {
  const byKey = new Map<string, number>();
  let superseded = 0;
  const takeOut = (i: number) => {
    if (old[i] === GONE) return;
    old[i] = GONE;
    superseded++;
  };
  old.forEach((_, i) => {
    const key = oldIds[i] as string;
    if (spans && byKey.has(key)) takeOut(i);
    else byKey.set(key, i);
  });
  const over = spans ? overlapping(old, rows, spans) : new Map<number, Overlap>();
  let appended = 0;
  let updated = 0;
  rows.forEach((row, j) => {
    const key = newIds[j] as string;
    let i = byKey.get(key);
    const found = over.get(j);
    if (found?.covered) return;
    const hits = (found?.hits ?? []).filter((h) => old[h] !== GONE);
    if (i === undefined && found?.grown && hits.length === 1) {
      // Its own bucket, cut short by an earlier pull: the same record, now fuller, updated in place.
      i = hits.shift() as number;
      const was = old[i];
      old[i] = row.map((v, k) => (carried.has(k) ? v : (was?.[k] ?? '')));
      byKey.set(key, i);
      updated++;
    } else if (i === undefined && hits.length) {
      // A new record in the place of the first it overlaps (a calendar week where a UTC one was, a
      // week where its days were). The cells of the user's own beside the rows it takes out go with
      // it, the first filled of each.
      const was = hits.map((h) => old[h] as CellValue[]);
      i = hits.shift() as number;
      superseded++;
      old[i] = row.map((v, k) => (carried.has(k) ? v : (was.map((w) => w[k]).find(filled) ?? '')));
      byKey.set(key, i);
      appended++;
    } else if (i === undefined) {
      byKey.set(key, old.length);
      old.push(row);
      appended++;
    } else {
      // Columns the table does not carry keep the sheet's values.
      const was = old[i];
      old[i] = row.map((v, k) => (carried.has(k) ? v : (was?.[k] ?? '')));
      updated++;
    }
    for (const h of hits) takeOut(h);
  });
  return { appended, updated, superseded };
}

/**
 * A merge key must tell the data's rows apart: rows sharing one would overwrite each other, and
 * later pulls would overwrite the sheet's rows with the wrong ones (an adherence report keyed by
 * agent alone keeps one day of seven). Refused before any cell changes, naming the key's values
 * the rows share: the data's row numbers are no rows a person can find.
 */
function refuseSharedKeys(
  rows: CellValue[][],
  ids: readonly string[],
  table: Table,
  p: Placement,
  mergeKey: string,
): void {
  const at = keyColumns(table, p, keyNames(mergeKey));
  const seen = new Set<string>();
  for (const [j, row] of rows.entries()) {
    const key = ids[j] as string;
    if (!seen.has(key)) {
      seen.add(key);
      continue;
    }
    throw new WriteRefused(
      `The merge key "${mergeKey}" does not tell the rows apart: ${sharedWords(row, at, p.header)}. Add the columns that differ between such rows (a start time, a type) to the key columns, or choose replace or append. Nothing was written.`,
    );
  }
}

/**
 * "two rows of the data have Agent ID 123 and the same Start": a time is said as "the same" (its
 * words would need the sheet's zone), any other value as it is.
 */
function sharedWords(row: readonly CellValue[], at: readonly number[], header: readonly string[]): string {
  const said = at
    .filter((i) => !isDate(row[i]))
    .map((i) => `${header[i]} ${String(row[i] ?? '') || '(blank)'}`);
  const same = at.filter((i) => isDate(row[i])).map((i) => header[i]);
  const sameWords = same.length ? `the same ${same.join(' and ')}` : '';
  return `two rows of the data have ${[said.join(', '), sameWords].filter(Boolean).join(' and ')}`;
}

/** Chunk size in rows for a table `width` wide. */
export function chunkRows(width: number, chunkCells = MAX_CELLS_PER_WRITE): number {
  return Math.max(1, Math.floor(Math.min(chunkCells, MAX_CELLS_PER_WRITE) / Math.max(1, width)));
}

/**
 * Grows the sheet once (the caller has checked there is room), checks and readies every cell the
 * write will touch, writes the header and formats.
 */
export function beginWrite(grid: Grid, table: Table, o: WriteOptions, plan: WritePlan): void {
  grid.growTo(reach(o, plan.extent));
  prepareReach(grid, o, plan.extent);
  grid.write(o.row, o.col, [plan.header.map(toSheetValue)]);
  const { placed } = plan;
  const held = o.previous?.held;
  table.columns.forEach((column, i) => {
    const at = placed.at[i] as number;
    // A column headed by its field keeps raw numbers: a duration or percent format would misread them.
    const own = placed.byField[i] && column.divisor ? undefined : column.numberFormat;
    // Moved by hand where another column was, it would show its values in that one's format (a
    // count as a date); where it was already, a format the user gave it stays.
    const format = own ?? (held && held.keys[at] !== column.key ? AUTOMATIC_FORMAT : undefined);
    if (!format || plan.body.length === 0) return;
    const cells =
      own !== undefined && column.timeFormat
        ? dayFormats(own, column.timeFormat, bodyColumn(plan.body, at), o.zone)
        : format;
    if (typeof cells === 'string') grid.setColumnFormat(plan.bodyRow, o.col + at, plan.body.length, cells);
    else if (grid.setColumnFormats) grid.setColumnFormats(plan.bodyRow, o.col + at, cells);
    // A grid that takes one format a column shows the times, which no cell of it then hides.
    else grid.setColumnFormat(plan.bodyRow, o.col + at, plan.body.length, column.timeFormat ?? format);
  });
}

const bodyColumn = (body: readonly (readonly BodyCell[])[], at: number) => body.map((r) => r[at]);

/** The header's note: the caller's, then each worded header's API field, under the header the sheet gives it. */
export function headerNoteOf(table: Table, o: WriteOptions, plan: WritePlan): string {
  const { placed } = plan;
  const fields = fieldList(
    table.columns
      .map((c, i) => ({
        header: placed.header[placed.at[i] as number] ?? c.header,
        field: c.field,
        ...(c.made ? { made: c.made } : {}),
      }))
      .filter((_, i) => !placed.byField[i]),
  );
  return [o.note, fields].filter(Boolean).join('\n');
}

/** Body rows [from, to) of the plan, in one write. */
export function writeBodyRows(grid: Grid, o: WriteOptions, plan: WritePlan, from: number, to: number): void {
  if (to > from)
    grid.write(
      plan.bodyRow + from,
      o.col,
      plan.body
        .slice(from, to)
        .map((r, i) =>
          r.map((v) => (v instanceof KeptFormula ? v.at(plan.bodyRow + from + i) : toSheetValue(v))),
        ),
    );
}

export function writeTable(grid: Grid, table: Table, o: WriteOptions): WriteResult {
  if (table.columns.length === 0) return writeEmpty(grid, o);
  const plan = planWrite(grid, table, o);
  refuseCovering(grid, o, plan.extent, plan.headed, plan.own);
  checkCellLimit(grid, o, plan.extent);
  beginWrite(grid, table, o, plan);
  const step = chunkRows(plan.header.length, o.chunkCells);
  let calls = 1;
  for (let from = 0; from < plan.body.length; from += step, calls++)
    writeBodyRows(grid, o, plan, from, Math.min(plan.body.length, from + step));
  let beside: Beside | undefined;
  if (o.mode === 'replace') {
    clearLeftovers(grid, o, plan.extent);
    const filled = fillReplaced(grid, o, plan.extent);
    calls += filled.calls;
    beside = filled.beside;
  }
  clearTakenOut(grid, o, plan);
  grid.styleHeader(o.row, o.col, plan.header.length, headerNoteOf(table, o, plan));
  return { ...countsOf(plan), ...(beside ? { beside } : {}), writeCalls: calls };
}

/** What a planned write did to the rows, as a result says it. */
export function countsOf(plan: WritePlan): Omit<WriteResult, 'writeCalls'> {
  const { appended, updated, present, superseded, replacing, extent, overlapped, overlap, beside, listed } =
    plan;
  const left = overlapped ? { overlapped, ...(overlap ? { overlap } : {}) } : {};
  const counts = { rows: appended + updated, appended, updated, present, superseded, replacing, extent };
  return { ...counts, ...left, ...(beside ? { beside } : {}), ...(listed ? { listed } : {}) };
}

/** Whether the table is placed at a cell other than A1, where it owns only its own block. */
const atCell = (o: Pick<WriteOptions, 'row' | 'col'>) => o.row !== 1 || o.col !== 1;

/** After a merge that took rows out: the rows under its body it no longer fills. */
export function clearTakenOut(grid: Grid, o: WriteOptions, plan: WritePlan): void {
  if (plan.leftover > 0)
    grid.clear(plan.bodyRow + plan.body.length, o.col, plan.leftover, plan.header.length);
}

/** What a replace cleared last time, or may own: the block it may clear now. */
export function previousBlock(grid: Grid, o: WriteOptions, now: Extent): Extent {
  // A table whose rows were all deleted owns no cell: what is at its place now is someone's.
  if (o.previous) return o.previous.rows ? o.previous : { rows: 0, cols: 0 };
  return atCell(o) ? now : grid.used();
}

/**
 * A pull (a table, or a schedule grid's picture) writes over nothing it did not write, as Sheets'
 * own array formulas will not spill over data: the cells its block newly covers (beyond the block
 * it filled last time) must be empty. Without such a record, a replace at A1 owns its sheet, and an
 * append or merge the rows under its header. The person's own columns among its header (`own`,
 * 0-based) are no part of the table: a cell of theirs there stays as it is (fill-down.ts), as it does
 * beside a replace's block. Rows of data typed right under the block are in `previous` already
 * (typed-rows.ts); a total there is not, and the refusal says to move it.
 * Refused before any cell changes.
 */
export function refuseCovering(
  grid: Grid,
  o: Pick<WriteOptions, 'mode' | 'row' | 'col' | 'previous' | 'refresh'>,
  now: Extent,
  headed = 0,
  own: readonly number[] = [],
): void {
  // Without a record of its last block, an append or merge owns the rows under its header, and a
  // replace at A1 its sheet (a table written before blocks were recorded, or by hand).
  const owns = o.previous || (o.mode === 'replace' && atCell(o));
  if (!owns) return;
  // Columns headed already (one the user added beside the table) are kept as they are, not covered.
  const owned = { rows: o.previous?.rows ?? 0, cols: Math.max(o.previous?.cols ?? 0, headed) };
  const theirs = new Set(own);
  const used = grid.used();
  // Right of the old block, then under it: only as far as the sheet has anything.
  const strips: Strip[] = [
    {
      row: o.row,
      col: o.col + owned.cols,
      rows: Math.min(owned.rows, now.rows),
      cols: now.cols - owned.cols,
    },
    { row: o.row + owned.rows, col: o.col, rows: now.rows - owned.rows, cols: now.cols },
  ];
  const named: string[] = [];
  let found = 0;
  for (const s of strips) {
    const rows = Math.min(s.rows, used.rows - s.row + 1);
    const cols = Math.min(s.cols, used.cols - s.col + 1);
    if (rows <= 0 || cols <= 0) continue;
    grid.read(s.row, s.col, rows, cols).forEach((line, r) => {
      line.forEach((v, c) => {
        if (!filled(v) || theirs.has(s.col + c - o.col)) return;
        if (++found <= CELLS_NAMED) named.push(cellName(s.row + r, s.col + c));
      });
    });
  }
  if (!found) return;
  const [, under] = strips as [Strip, Strip];
  const total = totalIn(grid, under, used, theirs, o.col);
  const more = found - named.length;
  const cells = more
    ? `${named.join(', ')} and ${counted('more cell')(more)}`
    : someOf(named, CELLS_NAMED, 'and');
  const them = found === 1 ? 'it' : 'them';
  const last = o.row + now.rows - 1;
  // A refresh cannot be pointed elsewhere without being deleted and saved anew.
  const fix = total
    ? `Move the total below row ${countText(last)}, leaving room for the table to grow, or ${o.refresh ? 'clear it' : 'pull to another cell or a new sheet'}`
    : o.refresh
      ? `Move ${them} below row ${countText(last)}, leaving room for the table to grow, or clear ${them}`
      : `Clear ${them}, or pull to another cell or a new sheet`;
  // Rows of data typed under the table join it (typed-rows.ts); a formula marks a total, which does not.
  const why = total
    ? `: row ${countText(total.row)} holds a formula (${cellName(total.row, total.col)}), as a total does, so it is not taken in as a row of the table (rows typed right under it join it when they hold values alone)`
    : '';
  // The person's columns inside the block are named as theirs: the table needs only its own.
  const yours = own.filter((k) => k < now.cols).map((k) => columnName(o.col + k));
  const width = yours.length
    ? `${countText(now.cols)} columns: the table's ${countText(now.cols - yours.length)} and your ${someOf(yours, 3, 'and')}`
    : `${countText(now.cols)} columns`;
  throw new WriteRefused(
    `The table needs ${cellName(o.row, o.col)}:${cellName(last, o.col + now.cols - 1)} (${countText(now.rows)} rows, ${width}) but would write over ${cells} there, which it did not write${why}. ${fix}. Nothing was written.`,
  );
}

/** A strip of cells a write newly covers (refuseCovering). */
interface Strip {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * The first cell under the table's block, in its way and not in the person's columns, that holds a
 * formula: a total typed under the table. Read only once a write is refused.
 */
function totalIn(
  grid: Grid,
  s: Strip,
  used: Extent,
  theirs: ReadonlySet<number>,
  col: number,
): { row: number; col: number } | undefined {
  const rows = Math.min(s.rows, used.rows - s.row + 1);
  const cols = Math.min(s.cols, used.cols - s.col + 1);
  if (rows <= 0 || cols <= 0) return undefined;
  const formulas = grid.formulas(s.row, s.col, rows, cols);
  for (const [r, line] of formulas.entries()) {
    const c = line.findIndex((f, k) => f !== '' && !theirs.has(s.col + k - col));
    if (c >= 0) return { row: s.row + r, col: s.col + c };
  }
  return undefined;
}

/** Cells in a table's way a refusal names before "and N more". */
const CELLS_NAMED = 3;

/** Everything this write will touch is checked and readied before the first cell changes. */
function prepareReach(grid: Grid, o: WriteOptions, now: Extent): void {
  const before = o.mode === 'replace' ? previousBlock(grid, o, now) : now;
  grid.prepare(o.row, o.col, Math.max(now.rows, before.rows), Math.max(now.cols, before.cols));
}

/**
 * After a replace: the cells the previous table filled that the new one does not. Without a
 * record of the previous table, a table at A1 owns the sheet; one placed at a cell owns only
 * its own block.
 */
function clearLeftovers(grid: Grid, o: WriteOptions, now: Extent): void {
  const before = previousBlock(grid, o, now);
  // Only inside the old block: what lies under or beside it, outside the new table, is someone's.
  if (before.rows > now.rows) grid.clear(o.row + now.rows, o.col, before.rows - now.rows, before.cols);
  if (before.cols > now.cols)
    grid.clear(o.row, o.col + now.cols, Math.min(now.rows, before.rows), before.cols - now.cols);
}
