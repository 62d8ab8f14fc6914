// What the grid's context menu offers for a selection, worded as Google Sheets words it: a row
// number's menu ("Insert 1 row above", "Delete rows 4 - 6"), a column letter's ("Insert 2 columns
// left", "Delete columns B - C") or a cell's ("Insert row above", "Delete column").
import type { LineChange, Lines } from '../wire';
import { columnLetters } from './dom';

/** What is selected: cells, or whole rows (a row number clicked) or whole columns. */
export type Whole = 'cells' | Lines;

export interface Selected {
  whole: Whole;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface LineChoice {
  label: string;
  change: LineChange;
  /** How far the selection moves once done: onto the lines inserted below or to the right of it. */
  moves: { rows: number; cols: number };
}

export type LineMenuEntry = LineChoice | 'separator';

/** Insert above and below (left and right), then Delete, for rows or for columns. */
function choices(lines: Lines, first: number, last: number, header: boolean): [LineChoice[], LineChoice] {
  const n = last - first + 1;
  const rows = lines === 'rows';
  const noun = rows ? 'row' : 'column';
  const [before, after] = rows ? ['above', 'below'] : ['left', 'right'];
  // A header's menu always counts ("Insert 1 row above"); a cell's does from two on, as in Sheets.
  const counted = header || n > 1 ? `${n} ${noun}${n > 1 ? 's' : ''}` : noun;
  const name = (i: number) => (rows ? String(i) : columnLetters(i));
  const moved = (by: number) => (rows ? { rows: by, cols: 0 } : { rows: 0, cols: by });
  return [
    [
      {
        label: `Insert ${counted} ${before}`,
        change: { lines, action: 'insert', at: first, count: n, inherit: 'after' },
        moves: moved(0),
      },
      {
        label: `Insert ${counted} ${after}`,
        change: { lines, action: 'insert', at: last + 1, count: n, inherit: 'before' },
        moves: moved(n),
      },
    ],
    {
      label: n > 1 ? `Delete ${noun}s ${name(first)} - ${name(last)}` : `Delete ${noun}`,
      change: { lines, action: 'delete', at: first, count: n },
      moves: moved(0),
    },
  ];
}

export function lineMenu(s: Selected): LineMenuEntry[] {
  if (s.whole !== 'cells') {
    const [first, last] = s.whole === 'rows' ? [s.top, s.bottom] : [s.left, s.right];
    const [inserts, remove] = choices(s.whole, first, last, true);
    return [...inserts, 'separator', remove];
  }
  const [rowInserts, rowDelete] = choices('rows', s.top, s.bottom, false);
  const [columnInserts, columnDelete] = choices('columns', s.left, s.right, false);
  return [...rowInserts, ...columnInserts, 'separator', rowDelete, columnDelete];
}
