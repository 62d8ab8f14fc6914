// What a pull's target holds before the pull is started, read once for the checks that refuse a
// pull there (own-sheet.ts, mixed-target.ts, merge-key.ts) and for the sheet's card (pull-again.ts).

import { uniformColumns } from '../sheet/fill-down';
import type { Extent } from '../sheet/grid';
import { existingHeader } from '../sheet/write-table';
import type { PullTarget } from './pull-spec';
import type { Targets } from './pull-target';
import { isOwnColumn } from './push-columns';
import { rowNoteColumns } from './row-notes';
import { pulledFrom, writtenIn } from './source-note';

export interface TargetNow {
  /** The sheet's name as its tab shows it (a name is matched whatever its case). */
  sheet: string;
  /** The sheet's used rows and columns, from A1. */
  used: Extent;
  /** What a pull wrote at the target's first cell, as its header note says; else undefined. */
  held: string | undefined;
  /** The spreadsheet's time zone when that pull wrote it, as the note says; else undefined. */
  zone?: string;
  /** The header row at the target's cell, as far as it has words ([] when none). */
  header: string[];
  /** Whether the add-on recorded the block it last wrote there (kept if its header note is cleared). */
  recorded: boolean;
  /**
   * The columns a person headed beside that recorded block (a push's own aside), by header, that
   * hold notes row by row: not a column of one formula all down, which follows its row, nor a
   * summary of the table (row-notes.ts).
   */
  beside: string[];
}

/**
 * `sheetId`: the sheet the target names now (Targets.bind); undefined when none answers to it yet
 * (a new sheet, BigQuery), and so then is what this gives.
 */
export function targetNow(
  targets: Targets,
  target: PullTarget,
  sheetId: number | undefined,
): TargetNow | undefined {
  if (sheetId === undefined) return undefined;
  const { grid, sheet, row, col, previous } = targets.open(target, sheetId);
  const used = grid.used();
  // A table's header is a cell in use: beyond them (maybe beyond the grid) nothing is held.
  const inUse = row <= used.rows && col <= used.cols;
  const header = inUse ? existingHeader(grid, { row, col }) : [];
  const note = inUse ? grid.noteAt(row, col) : '';
  const zone = writtenIn(note);
  return {
    sheet,
    used,
    held: pulledFrom(note),
    ...(zone ? { zone } : {}),
    header,
    recorded: previous !== undefined,
    beside: previous ? besideOf(grid, { row, col }, header, previous) : [],
  };
}

/** The person's columns beside a table's recorded block that hold notes row by row (TargetNow.beside). */
function besideOf(
  grid: Parameters<typeof uniformColumns>[0] & Parameters<typeof rowNoteColumns>[0],
  at: { row: number; col: number },
  header: readonly string[],
  previous: Extent,
): string[] {
  const own = header.flatMap((h, k) => (k >= previous.cols && isOwnColumn(h) ? [k] : []));
  const uniform = uniformColumns(grid, at.row + 1, previous.rows - 1, at.col, own);
  const other = own.filter((k) => !uniform.has(k));
  const notes = rowNoteColumns(
    grid,
    at.row + 1,
    previous.rows - 1,
    other.map((k) => at.col + k),
    at.col + previous.cols,
  );
  return other.filter((k) => notes.has(at.col + k)).map((k) => (header[k] ?? '').trim());
}
