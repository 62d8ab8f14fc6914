// A sheet's view as rows or columns inserted or deleted from the grid leave it, drawn at once: the
// server's next view comes only after the change has gone there, and until then the grid has the
// sheet as it will be, so the keys reach what the sheet has and no more, and each cell shows what
// will be there, not what was there before the lines moved.
import type { CellView, LineChange, SheetReply } from '../wire';

export function viewAfterLines(view: SheetReply, change: LineChange): SheetReply {
  const { lines, action, at, count } = change;
  const by = action === 'insert' ? count : -count;
  // Lines inserted take their formatting from the line before or after them (the model's Inherit):
  // drawn empty, with that line's drop-downs and checkboxes; its colours come with the next view
  // (a conditional format's are not the line's own).
  const from = change.inherit === 'before' ? at - 1 : at;
  const moved = <T>(line: T[], blank: (like: T | undefined) => T): T[] => {
    const out = [...line];
    if (action === 'delete') out.splice(at - 1, count);
    else if (at <= out.length) {
      const like = out[from - 1];
      out.splice(at - 1, 0, ...Array.from({ length: count }, () => blank(like)));
    }
    return out;
  };
  if (lines === 'rows')
    return {
      ...view,
      maxRows: view.maxRows + by,
      rows: moved(view.rows, (like) => (like ?? []).map(emptyLike)),
    };
  return {
    ...view,
    maxColumns: view.maxColumns + by,
    rows: view.rows.map((row) => moved(row, emptyLike)),
  };
}

/** Where line `n` is once the change is made, or null for a line deleted. */
export function lineAfter(n: number, change: LineChange): number | null {
  const { action, at, count } = change;
  if (n < at) return n;
  if (action === 'insert') return n + count;
  return n < at + count ? null : n - count;
}

/** An empty cell formatted as `like`: its drop-down or checkbox. */
function emptyLike(like: CellView | undefined): CellView {
  const cell: CellView = { text: '', input: '' };
  if (like?.choices) cell.choices = like.choices;
  if (like?.checkbox) cell.checkbox = 'unchecked';
  return cell;
}
