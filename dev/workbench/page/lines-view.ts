// A sheet's view as rows or columns inserted or deleted from the grid leave it, drawn at once: the
// server's next view comes only after the change has gone there, and until then the grid has the
// sheet as it will be, so the keys reach what the sheet has and no more.
import type { LineChange, SheetReply } from '../wire';

export function viewAfterLines(view: SheetReply, change: LineChange): SheetReply {
  const by = change.action === 'insert' ? change.count : -change.count;
  return change.lines === 'rows'
    ? { ...view, maxRows: view.maxRows + by }
    : { ...view, maxColumns: view.maxColumns + by };
}
