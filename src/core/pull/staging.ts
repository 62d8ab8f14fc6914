// Where a pull keeps what it has read and written so far, so a later execution carries on from
// there: hidden sheets of the job's own. Properties hold 9 KB a value and Cache 100 KB, while a
// large report's pages are megabytes. The sheets go when the job ends, done or failed.
import type { Grid } from '../sheet/grid';
import type { CellValue } from '../table/build-table';
import type { OpenTarget } from './pull-target';

/** `pages`: what was read from Assembled; `table`: a replace's new table, until it is published. */
export type StagePart = 'pages' | 'table';

export interface Staging {
  /** The job's staging sheet, made (hidden) when missing. */
  open(jobId: string, part: StagePart): Grid;
  /**
   * Copies rows x cols from A1 of the job's table stage onto the target's cell in one call
   * (Range.copyTo): the target shows the old table until then and the whole new one after.
   */
  publish(jobId: string, rows: number, cols: number, target: OpenTarget): void;
  /** Drops the job's staging sheets, if any. */
  remove(jobId: string): void;
}

/** Staging sheets are named so: they are never offered as pull targets. */
export const STAGE_PREFIX = '~assembled-staging-';

export const stageName = (jobId: string, part: StagePart) => `${STAGE_PREFIX}${part}-${jobId}`;

export const isStageSheet = (name: string) => name.startsWith(STAGE_PREFIX);

/** JSON of a page's items goes into cells of at most this many characters (Sheets allows 50,000). */
const CELL_CHARS = 40_000;

export interface StagedPage {
  /** Where the page starts in the whole list. */
  offset: number;
  items: unknown[];
}

/** A page as a staged row: its offset, its item count, then its items' JSON in pieces. */
function pageRow(page: StagedPage): CellValue[] {
  const text = JSON.stringify(page.items);
  const row: CellValue[] = [page.offset, page.items.length];
  // Each piece keeps its apostrophe: Sheets would read a piece such as "12" or "=x" as a value.
  for (let at = 0; at < text.length; at += CELL_CHARS) row.push(`'${text.slice(at, at + CELL_CHARS)}`);
  return row;
}

/** Adds pages below those staged already, in one write. */
export function stagePages(grid: Grid, pages: StagedPage[]): void {
  if (pages.length === 0) return;
  const rows = pages.map(pageRow);
  const width = Math.max(...rows.map((r) => r.length));
  const block = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill('')]);
  grid.write(grid.used().rows + 1, 1, block);
}

const text = (v: CellValue | undefined) => {
  const s = typeof v === 'string' ? v : '';
  return s.startsWith("'") ? s.slice(1) : s;
};

/** Where the staged pages end: the next offset to read, and how many pages there are. */
export function stagedExtent(grid: Grid): { pages: number; next: number } {
  const { rows } = grid.used();
  if (rows === 0) return { pages: 0, next: 0 };
  const [last] = grid.read(rows, 1, 1, 2);
  return { pages: rows, next: Number(last?.[0] ?? 0) + Number(last?.[1] ?? 0) };
}

/** Every staged item, in order. */
export function readStaged(grid: Grid): unknown[] {
  const { rows, cols } = grid.used();
  if (rows === 0) return [];
  const items: unknown[] = [];
  for (const row of grid.read(1, 1, rows, cols)) {
    const json = row.slice(2).map(text).join('');
    for (const item of JSON.parse(json || '[]') as unknown[]) items.push(item);
  }
  return items;
}
