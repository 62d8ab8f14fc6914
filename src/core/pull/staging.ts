// Where a pull keeps what it has read and written so far, so a later execution carries on from
// there: hidden sheets of the job's own. Properties hold 9 KB a value and Cache 100 KB, while a
// large report's pages are megabytes. The sheets go when the job ends, done or failed.
import type { Grid } from '../sheet/grid';
import type { CellValue } from '../table/build-table';
import type { OpenTarget } from './pull-target';

/**
 * `pages`: what was read from Assembled; `table`: a replace's new table, until it is published;
 * `replies`: a resource's replies while it is read (staged-replies.ts).
 */
export const STAGE_PARTS = ['pages', 'table', 'replies'] as const;
export type StagePart = (typeof STAGE_PARTS)[number];

export interface Staging {
  /** The job's staging sheet, made (hidden) when missing. */
  open(jobId: string, part: StagePart): Grid;
  /** The job's staging sheet if it has one. */
  find(jobId: string, part: StagePart): Grid | undefined;
  /**
   * Copies rows x cols from A1 of the job's table stage onto the target's cell in one call
   * (Range.copyTo): the target shows the old table until then and the whole new one after.
   */
  publish(jobId: string, rows: number, cols: number, target: OpenTarget): void;
  /** Drops the job's staging sheets, if any. */
  remove(jobId: string): void;
  /** The ids whose staging sheets are in the spreadsheet (stageOf each sheet's name). */
  stages(): string[];
}

/** Staging sheets are named so: they are never offered as pull targets. */
export const STAGE_PREFIX = '~assembled-staging-';

export const stageName = (jobId: string, part: StagePart) => `${STAGE_PREFIX}${part}-${jobId}`;

export const isStageSheet = (name: string) => name.startsWith(STAGE_PREFIX);

/** A staging sheet's name exactly: the id a job gets (a ClientId), a part's number after a dot. */
const STAGE_NAME = new RegExp(
  `^${STAGE_PREFIX}(?:${STAGE_PARTS.join('|')})-([A-Za-z0-9_-]{8,64}(?:\\.\\d+)?)$`,
);

/** The id a staging sheet is named for; undefined for any other sheet. */
export const stageOf = (name: string): string | undefined => STAGE_NAME.exec(name)?.[1];

/** The job a stage id belongs to (a later part's stage is the job's id, a dot and the part). */
export const stageJob = (stage: string): string => stage.split('.')[0] ?? stage;

/** JSON of a page's items goes into cells of at most this many characters (Sheets allows 50,000). */
const CELL_CHARS = 40_000;

export interface StagedPage {
  /** Where the page starts in the whole list. */
  offset: number;
  items: unknown[];
}

/** What the whole list is: kept on every staged row, so the sheet alone says how far reading got. */
export interface StagedShape {
  /** Live report metrics (grouped into rows when built), report rows, or a resource's records. */
  kind: 'metrics' | 'rows' | 'records';
  /** Items in all. */
  total: number;
  /** Items a page holds (the first page's count). */
  step: number;
}

/** Cells before a staged row's JSON: offset, count, total, kind. */
const HEAD = 4;

/** JSON in cells of at most CELL_CHARS, after the row's head cells. */
export function textCells(json: string): CellValue[] {
  const cells: CellValue[] = [];
  // Each piece keeps its apostrophe: Sheets would read a piece such as "12" or "=x" as a value.
  for (let at = 0; at < json.length; at += CELL_CHARS) cells.push(`'${json.slice(at, at + CELL_CHARS)}`);
  return cells;
}

/** The JSON textCells put in cells, whole again. */
export const cellsText = (cells: CellValue[]): string => cells.map(text).join('');

/** A page as a staged row: its offset, item count, the list's total and kind, then its items' JSON in pieces. */
function pageRow(page: StagedPage, shape: StagedShape): CellValue[] {
  return [page.offset, page.items.length, shape.total, shape.kind, ...textCells(JSON.stringify(page.items))];
}

/** Adds rows below those staged already, in one write, padded to one width. */
export function stageRows(grid: Grid, rows: CellValue[][]): void {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.length));
  const block = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill('')]);
  grid.write(grid.used().rows + 1, 1, block);
}

/** Adds pages below those staged already, in one write. */
export function stagePages(grid: Grid, pages: StagedPage[], shape: StagedShape): void {
  stageRows(
    grid,
    pages.map((p) => pageRow(p, shape)),
  );
}

const text = (v: CellValue | undefined) => {
  const s = typeof v === 'string' ? v : '';
  return s.startsWith("'") ? s.slice(1) : s;
};

/** What is staged: pages, the next offset to read, and the list's shape (none before the first page). */
export function stagedExtent(grid: Grid): { pages: number; next: number; shape?: StagedShape } {
  const { rows } = grid.used();
  if (rows === 0) return { pages: 0, next: 0 };
  const heads = grid.read(1, 1, rows, HEAD);
  const [first, last] = [heads[0] ?? [], heads[rows - 1] ?? []];
  const shape = {
    kind: text(first[3]) as StagedShape['kind'],
    total: Number(first[2]),
    step: Number(first[1]),
  };
  return { pages: rows, next: Number(last[0] ?? 0) + Number(last[1] ?? 0), shape };
}

/** Every staged item, in order. */
export function readStaged(grid: Grid): unknown[] {
  const { rows, cols } = grid.used();
  if (rows === 0) return [];
  const items: unknown[] = [];
  for (const row of grid.read(1, 1, rows, cols)) {
    const json = cellsText(row.slice(HEAD));
    for (const item of JSON.parse(json || '[]') as unknown[]) items.push(item);
  }
  return items;
}
