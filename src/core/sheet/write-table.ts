// Writes a table into a sheet in replace, append or merge mode, in as few block writes as the
// size allows. Replace writes the new table before clearing what is left of the old one, so an
// interrupted write never leaves a blank sheet. Cells outside the table's block are not touched.
import type { CellValue, Table } from '../table/build-table';
import { toSheetValue } from '../table/sheet-literal';
import { type Extent, type Grid, SHEETS_CELL_LIMIT } from './grid';

export type WriteMode = 'replace' | 'append' | 'merge';

export interface WriteOptions {
  mode: WriteMode;
  /** Top-left cell of the table (its header), 1-based. */
  row: number;
  col: number;
  /** merge: the column whose value identifies a row. */
  mergeKey?: string;
  /** replace: the block the previous write of this target filled, when known. */
  previous?: Extent;
  /** Text of the note on the header's first cell. */
  note: string;
  /** Cells per setValues call. */
  chunkCells?: number;
}

export interface WriteResult {
  /** Data rows written or updated (header excluded). */
  rows: number;
  appended: number;
  updated: number;
  /** The block the table now fills, header included. */
  extent: Extent;
  writeCalls: number;
}

export class WriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteRefused';
  }
}

const DEFAULT_CHUNK_CELLS = 200_000;

function existingHeader(grid: Grid, o: WriteOptions): string[] {
  const used = grid.used();
  if (used.rows < o.row || used.cols < o.col) return [];
  const cells = grid.read(o.row, o.col, 1, used.cols - o.col + 1)[0] ?? [];
  const header = cells.map((c) => String(c));
  while (header.length && header[header.length - 1] === '') header.pop();
  return header;
}

/** Existing data rows under the header, down to the sheet's last used row. */
function existingRows(grid: Grid, o: WriteOptions, width: number): CellValue[][] {
  const last = grid.used().rows;
  if (last <= o.row || width === 0) return [];
  return grid.read(o.row + 1, o.col, last - o.row, width);
}

function project(table: Table, header: string[]): CellValue[][] {
  const index = header.map((h) => table.columns.findIndex((c) => c.header === h));
  return table.rows.map((row) => index.map((i) => (i < 0 ? '' : (row[i] ?? ''))));
}

function checkCellLimit(grid: Grid, o: WriteOptions, extent: Extent): void {
  const needed = { rows: o.row - 1 + extent.rows, cols: o.col - 1 + extent.cols };
  const after = grid.cellsAfterGrowth(needed);
  if (after > SHEETS_CELL_LIMIT) {
    throw new WriteRefused(
      `This would take the spreadsheet to ${after.toLocaleString('en-US')} cells, over Google Sheets' limit of 10,000,000. ` +
        'Narrow the date range or filters, or write to a new spreadsheet. Nothing was written.',
    );
  }
}

function writeChunks(
  grid: Grid,
  row: number,
  col: number,
  values: CellValue[][],
  chunkCells: number,
): number {
  if (values.length === 0) return 0;
  const width = values[0]?.length || 1;
  const perChunk = Math.max(1, Math.floor(chunkCells / width));
  let calls = 0;
  for (let start = 0; start < values.length; start += perChunk) {
    grid.write(
      row + start,
      col,
      values.slice(start, start + perChunk).map((r) => r.map(toSheetValue)),
    );
    calls++;
  }
  return calls;
}

/** No records: replace keeps the header it finds (or says so) and clears the old rows; the other modes change nothing. */
function writeEmpty(grid: Grid, o: WriteOptions): WriteResult {
  const none = { rows: 0, appended: 0, updated: 0, writeCalls: 0 };
  const found = existingHeader(grid, o);
  if (o.mode !== 'replace') return { ...none, extent: { rows: 1, cols: found.length } };
  const header = found.length ? found : ['(no records)'];
  const extent = { rows: 1, cols: header.length };
  grid.write(o.row, o.col, [header.map(toSheetValue)]);
  grid.styleHeader(o.row, o.col, header.length, o.note);
  clearLeftovers(grid, o, extent);
  return { ...none, extent, writeCalls: 1 };
}

/**
 * A row's identity for merge mode: one column, or several comma-separated (an agent-state record
 * is its agent, platform and start). Dates compare by their instant.
 */
function mergeKeyOf(header: string[], mergeKey: string): (row: CellValue[]) => string {
  const keys = mergeKey.split(',').map((k) => k.trim());
  const at = keys.map((k) => header.indexOf(k));
  const missing = keys.find((_, i) => (at[i] ?? -1) < 0);
  if (missing !== undefined)
    throw new WriteRefused(`The merge key column "${missing}" is not in the data or in the sheet's header.`);
  const text = (v: CellValue | undefined) =>
    Object.prototype.toString.call(v) === '[object Date]' ? String((v as Date).getTime()) : String(v);
  return (row) => at.map((i) => text(row[i])).join('\u0000');
}

export function writeTable(grid: Grid, table: Table, o: WriteOptions): WriteResult {
  if (table.columns.length === 0) return writeEmpty(grid, o);
  const chunk = o.chunkCells ?? DEFAULT_CHUNK_CELLS;
  const found = o.mode === 'replace' ? [] : existingHeader(grid, o);
  // Columns the sheet already has keep their place; new ones go to the right.
  const header = [...found, ...table.columns.map((c) => c.header).filter((h) => !found.includes(h))];
  let body: CellValue[][];
  let bodyRow = o.row + 1;
  let appended = table.rows.length;
  let updated = 0;

  if (o.mode === 'merge' && found.length > 0) {
    const keyOf = mergeKeyOf(header, o.mergeKey ?? '');
    const old = existingRows(grid, o, found.length).map((r) => [
      ...r,
      ...Array(header.length - r.length).fill(''),
    ]);
    const byKey = new Map(old.map((r, i) => [keyOf(r), i]));
    appended = 0;
    for (const row of project(table, header)) {
      const at = byKey.get(keyOf(row));
      if (at === undefined) {
        byKey.set(keyOf(row), old.length);
        old.push(row);
        appended++;
      } else {
        // Columns the table does not carry keep the sheet's values.
        old[at] = row.map((v, i) =>
          table.columns.some((c) => c.header === header[i]) ? v : (old[at]?.[i] ?? ''),
        );
        updated++;
      }
    }
    body = old;
  } else if (o.mode === 'append' && found.length > 0) {
    bodyRow = Math.max(grid.used().rows + 1, o.row + 1);
    body = project(table, header);
  } else {
    body = project(table, header);
  }

  const extent = { rows: bodyRow - o.row + body.length, cols: header.length };
  checkCellLimit(grid, o, extent);

  let calls = writeChunks(grid, o.row, o.col, [header], chunk);
  calls += writeChunks(grid, bodyRow, o.col, body, chunk);
  for (const column of table.columns) {
    if (column.numberFormat && body.length > 0) {
      grid.setColumnFormat(bodyRow, o.col + header.indexOf(column.header), body.length, column.numberFormat);
    }
  }
  grid.styleHeader(o.row, o.col, header.length, o.note);

  if (o.mode === 'replace') clearLeftovers(grid, o, extent);
  return { rows: table.rows.length, appended, updated, extent, writeCalls: calls };
}

/**
 * After a replace: the cells the previous table filled that the new one does not. Without a
 * record of the previous table, a table at A1 owns the sheet; one placed at a cell owns only
 * its own block.
 */
function clearLeftovers(grid: Grid, o: WriteOptions, now: Extent): void {
  const used = grid.used();
  const owned = o.row === 1 && o.col === 1 ? used : now;
  const before = o.previous ?? owned;
  if (before.rows > now.rows)
    grid.clear(o.row + now.rows, o.col, before.rows - now.rows, Math.max(before.cols, now.cols));
  if (before.cols > now.cols) grid.clear(o.row, o.col + now.cols, now.rows, before.cols - now.cols);
}
