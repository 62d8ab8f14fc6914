// A person's Edit ▸ Undo and Redo, one edit at a time, each editor their own, as Sheets keeps them.
// An edit is kept as what it changed, before and after: cells (value or formula, formats, note,
// validation), each sheet's size, frozen lines, merges and filter, and where row or column
// developer metadata and protections sit (an undone row insert inside a pulled table shrinks the
// table's metadata back, as in Sheets). A sheet the person deleted is put back by their Undo where it
// stood, with its cells and the formulas elsewhere that read it (model.ts restoreSheet: under a new
// id). Scripts' writes are not kept: Undo takes back the person's own edits only. An edit whose
// cells something else has changed since (the add-on's pull or push, another editor) is not undone,
// which would throw their change away: the undo says where, and the next Undo goes on to the edit
// before.

import { a1Notation, type GridRange } from './a1.js';
import type { Cell, DeveloperMetadataModel, ProtectionModel, SheetModel, WorkbookModel } from './model.js';

/** Sheets keeps a long history; this many steps is plenty for trying the add-on. */
const MAX_STEPS = 100;

/** A moveable thing of the workbook: where it sits is kept with the sheet's lines. */
type Placed = DeveloperMetadataModel | ProtectionModel;

/** A cell as it was, a copy of its own; undefined for an empty one. */
type Was = Cell | undefined;

/** Cells an edit may change: a block of a sheet. */
export interface Reach {
  sheet: SheetModel;
  grid: GridRange;
}

/**
 * A sheet an edit deleted: where it stood and its protections, kept to put it back; and, once Undo
 * has, its frame and cells then, which Redo's delete must find unchanged.
 */
interface Dropped {
  sheet: SheetModel;
  at: number;
  protections: ProtectionModel[];
  back?: { frame: string; cells: Was[][] };
}

/** One edit: each part as it was before and after. */
export interface Edit {
  /** The sheet it was made on, which Undo shows. */
  sheet: SheetModel;
  frames: [SheetModel, string, string][];
  cells: [SheetModel, number, number, Was, Was][];
  places: [Placed, string | undefined, string | undefined][];
  dropped: Dropped[];
}

/** The edits one person made and undid, newest last. */
export interface History {
  done: Edit[];
  undone: Edit[];
}

export const emptyHistory = (): History => ({ done: [], undone: [] });

const FIELDS = ['formula', 'note', 'format', 'fontWeight', 'background', 'fontColor', 'validation'] as const;

function copyCell(cell: Cell | undefined): Was {
  if (!cell || (cell.value === '' && FIELDS.every((f) => cell[f] === undefined))) return undefined;
  return cell.validation ? { ...cell, validation: structuredClone(cell.validation) } : { ...cell };
}

function sameCell(a: Was, b: Was): boolean {
  if (!a || !b) return a === b;
  return (
    a.value === b.value &&
    FIELDS.every((f) =>
      f === 'validation' ? JSON.stringify(a.validation) === JSON.stringify(b.validation) : a[f] === b[f],
    )
  );
}

function putCell(sheet: SheetModel, row: number, col: number, was: Was): void {
  if (was) {
    sheet.ensure(row, col);
    (sheet.rows[row - 1] as Was[])[col - 1] = copyCell(was);
  } else {
    const line = sheet.rows[row - 1];
    if (line) line[col - 1] = undefined;
  }
}

const frameText = (s: SheetModel) =>
  JSON.stringify([s.maxRows, s.maxColumns, s.frozenRows, s.frozenColumns, s.merges, s.filter]);

function putFrame(s: SheetModel, text: string): void {
  const [rows, cols, frozenRows, frozenColumns, merges, filter] = JSON.parse(text);
  Object.assign(s, { maxRows: rows, maxColumns: cols, frozenRows, frozenColumns, merges });
  // In place: a Filter a script holds goes on naming it.
  if (filter && s.filter) Object.assign(s.filter, filter);
  else s.filter = filter;
}

const isMetadata = (p: Placed): p is DeveloperMetadataModel => 'key' in p;

/** Where it sits, as text; undefined when it is not in the workbook (or sits on no lines). */
function placeText(wb: WorkbookModel, p: Placed): string | undefined {
  if (isMetadata(p)) {
    const l = p.location;
    return wb.developerMetadata.includes(p) && (l.type === 'ROW' || l.type === 'COLUMN')
      ? JSON.stringify([l.start, l.count])
      : undefined;
  }
  return wb.protections.includes(p) ? JSON.stringify([p.grid, p.unprotected]) : undefined;
}

function putPlace(wb: WorkbookModel, p: Placed, text: string | undefined): void {
  const list: Placed[] = isMetadata(p) ? wb.developerMetadata : wb.protections;
  const at = list.indexOf(p);
  if (text === undefined) {
    if (at >= 0) list.splice(at, 1);
    return;
  }
  if (at < 0) list.push(p);
  const [a, b] = JSON.parse(text);
  if (isMetadata(p)) Object.assign(p.location, { start: a, count: b });
  else Object.assign(p, { grid: a, unprotected: b });
}

/** The sheet a placed thing sits on; undefined for the spreadsheet's own metadata. */
const sheetOf = (p: Placed) =>
  !isMetadata(p) ? p.sheet : p.location.type === 'SPREADSHEET' ? undefined : p.location.sheet;

/** The sheet's cells in `grid` (all of them without), each a copy of its own. */
function cellsOf(sheet: SheetModel, grid?: GridRange): Was[][] {
  const row = grid?.row ?? 1;
  const col = grid?.col ?? 1;
  const numRows = grid?.numRows ?? sheet.rows.length;
  const numCols = grid?.numCols ?? Math.max(0, ...sheet.rows.map((line) => line?.length ?? 0));
  return Array.from({ length: numRows }, (_, r) =>
    Array.from({ length: numCols }, (_, c) => copyCell(sheet.get(row + r, col + c))),
  );
}

/** The cells of a block of `sheet` from (row, col) that differ from `was` to `now`. */
function changes(sheet: SheetModel, row: number, col: number, was: Was[][], now: Was[][]): Edit['cells'] {
  const out: Edit['cells'] = [];
  for (let r = 0; r < Math.max(was.length, now.length); r++) {
    const [a, b] = [was[r] ?? [], now[r] ?? []];
    for (let c = 0; c < Math.max(a.length, b.length); c++)
      if (!sameCell(a[c], b[c])) out.push([sheet, row + r, col + c, a[c], b[c]]);
  }
  return out;
}

/** The workbook as an edit may change it: its sheets in order, every frame and place, and the cells within reach. */
interface Picture {
  order: SheetModel[];
  frames: Map<SheetModel, string>;
  blocks: { sheet: SheetModel; row: number; col: number; cells: Was[][] }[];
  places: Map<Placed, string>;
}

function picture(wb: WorkbookModel, reach: Reach[] | undefined): Picture {
  // No reach: every cell of every sheet (rows or columns moved move formulas in other sheets too).
  const blocks = (reach ?? wb.sheets.map((sheet) => ({ sheet, grid: undefined }))).map(({ sheet, grid }) => ({
    sheet,
    row: grid?.row ?? 1,
    col: grid?.col ?? 1,
    cells: cellsOf(sheet, grid),
  }));
  const places = new Map<Placed, string>();
  for (const p of [...wb.developerMetadata, ...wb.protections]) {
    const text = placeText(wb, p);
    if (text !== undefined) places.set(p, text);
  }
  return { order: [...wb.sheets], frames: new Map(wb.sheets.map((s) => [s, frameText(s)])), blocks, places };
}

/** What went from `before` to `after`; null when nothing did. */
function difference(sheet: SheetModel, before: Picture, after: Picture): Edit | null {
  const gone = before.order.filter((s) => !after.order.includes(s));
  // A sheet deleted keeps its cells and lines as they were; its protections are put back with it.
  const dropped = gone.map((s) => ({
    sheet: s,
    at: before.order.indexOf(s),
    protections: [...before.places.keys()].filter(
      (p): p is ProtectionModel => !isMetadata(p) && p.sheet === s,
    ),
  }));
  const edit: Edit = { sheet, frames: [], cells: [], places: [], dropped };
  for (const [s, was] of before.frames) {
    const now = after.frames.get(s);
    if (now !== undefined && now !== was) edit.frames.push([s, was, now]);
  }
  for (const b of before.blocks) {
    const a = after.blocks.find((x) => x.sheet === b.sheet);
    if (a) edit.cells.push(...changes(b.sheet, b.row, b.col, b.cells, a.cells));
  }
  for (const p of new Set([...before.places.keys(), ...after.places.keys()])) {
    const [b, a] = [before.places.get(p), after.places.get(p)];
    const on = sheetOf(p);
    if (b !== a && !(on && gone.includes(on))) edit.places.push([p, b, a]);
  }
  return edit.frames.length || edit.cells.length || edit.places.length || dropped.length ? edit : null;
}

/**
 * Makes `change`, the person's edit on `sheet`, and keeps what it changed for their Undo (even when
 * it throws part way: whatever it changed can be undone). `reach`: the only cells it may change
 * (a paste's, a sort's), so a large workbook is not read whole for each; none, any cell anywhere.
 * A new edit ends what Redo could bring back.
 */
export function record(
  history: History,
  wb: WorkbookModel,
  sheet: SheetModel,
  change: () => void,
  reach?: Reach[],
): void {
  const before = picture(wb, reach);
  try {
    change();
  } finally {
    const edit = difference(sheet, before, picture(wb, reach));
    if (edit) {
      history.done.push(edit);
      history.done.splice(0, history.done.length - MAX_STEPS);
      history.undone = [];
    }
  }
}

/**
 * What Undo or Redo did: nothing to do; done, on a sheet; or refused, as something changed since
 * the cells it would take back (`cells`, around them), the sheet's rows or columns, or deleted it,
 * or gave another sheet the name of the sheet it would put back (`name`).
 */
export type Stepped =
  | { done: false; sheet?: undefined }
  | { done: true; sheet: string }
  | { done: false; sheet: string; changed: { cells: string } | 'lines' | 'sheet' | 'name' };

/** The cells of `sheet` among `cells`, as one range around them ('B2:C4'). */
function around(cells: Edit['cells'], sheet: SheetModel): string {
  const mine = cells.filter(([s]) => s === sheet);
  const rows = mine.map(([, r]) => r);
  const cols = mine.map(([, , c]) => c);
  const [row, col] = [Math.min(...rows), Math.min(...cols)];
  return a1Notation({
    row,
    col,
    numRows: Math.max(...rows) - row + 1,
    numCols: Math.max(...cols) - col + 1,
  });
}

/**
 * Takes the edit to one side (`to`: 0 before, 1 after), if everything it changed is still as its
 * other side left it; else changes nothing and says what changed since.
 */
function step(wb: WorkbookModel, edit: Edit, to: 0 | 1): Stepped {
  const from = to === 0 ? 1 : 0;
  const refused = to === 0 ? unblocked(wb, edit.dropped) : unchanged(wb, edit.dropped);
  if (refused) return refused;
  const gone = [...edit.frames, ...edit.cells].find(([s]) => !wb.sheets.includes(s));
  if (gone) return { done: false, sheet: gone[0].name, changed: 'sheet' };
  const frame = edit.frames.find(([s, ...sides]) => frameText(s) !== sides[from]);
  if (frame) return { done: false, sheet: frame[0].name, changed: 'lines' };
  const cells = edit.cells.filter(([s, r, c, ...sides]) => !sameCell(copyCell(s.get(r, c)), sides[from]));
  const first = cells[0];
  if (first) return { done: false, sheet: first[0].name, changed: { cells: around(cells, first[0]) } };
  if (edit.places.some(([p, ...sides]) => placeText(wb, p) !== sides[from]))
    return { done: false, sheet: edit.sheet.name, changed: 'lines' };
  for (const d of edit.dropped) {
    if (to === 0) {
      wb.restoreSheet(d.sheet, d.at, d.protections);
      d.back = { frame: frameText(d.sheet), cells: cellsOf(d.sheet) };
    } else {
      d.protections = wb.protections.filter((p) => p.sheet === d.sheet);
      wb.dropSheet(d.sheet);
    }
  }
  for (const [s, ...sides] of edit.frames) putFrame(s, sides[to]);
  for (const [s, r, c, ...sides] of edit.cells) putCell(s, r, c, sides[to]);
  for (const [p, ...sides] of edit.places) putPlace(wb, p, sides[to]);
  // A sheet deleted again by Redo: the one that took its place is shown, as after a delete.
  const shown = wb.sheets.includes(edit.sheet)
    ? edit.sheet
    : wb.sheets[Math.min(edit.dropped[0]?.at ?? 0, wb.sheets.length - 1)];
  return { done: true, sheet: (shown ?? edit.sheet).name };
}

/** Why the sheets an edit deleted cannot be put back: another has taken one's name since. */
function unblocked(wb: WorkbookModel, dropped: Dropped[]): Stepped | undefined {
  const taken = dropped.find((d) => wb.sheetByNameAnyCase(d.sheet.name));
  return taken && { done: false, sheet: taken.sheet.name, changed: 'name' };
}

/** Why the sheets an edit deleted, put back by Undo, cannot go again: gone already, or changed since. */
function unchanged(wb: WorkbookModel, dropped: Dropped[]): Stepped | undefined {
  for (const { sheet, back } of dropped) {
    if (!wb.sheets.includes(sheet)) return { done: false, sheet: sheet.name, changed: 'sheet' };
    if (back && frameText(sheet) !== back.frame) return { done: false, sheet: sheet.name, changed: 'lines' };
    const cells = back ? changes(sheet, 1, 1, back.cells, cellsOf(sheet)) : [];
    if (cells.length) return { done: false, sheet: sheet.name, changed: { cells: around(cells, sheet) } };
  }
  return undefined;
}

/** Undo: the person's last edit taken back; one refused is dropped, so the next Undo goes on. */
export function undo(history: History, wb: WorkbookModel): Stepped {
  const edit = history.done.pop();
  if (!edit) return { done: false };
  const stepped = step(wb, edit, 0);
  if (stepped.done) history.undone.push(edit);
  return stepped;
}

/** Redo: the last edit undone made again, if nothing changed its cells since; one refused is dropped. */
export function redo(history: History, wb: WorkbookModel): Stepped {
  const edit = history.undone.pop();
  if (!edit) return { done: false };
  const stepped = step(wb, edit, 1);
  if (stepped.done) history.done.push(edit);
  return stepped;
}
