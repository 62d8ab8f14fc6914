// The sheet grid, keyed as Sheets is: arrows move, Shift+arrows and a mouse drag select a range,
// Tab/Enter move on (Enter after Tabs goes back to the column the row began in), typing on a cell
// replaces it, Enter/F2/double click edit it in the formula bar, Delete clears the range, Ctrl+C /
// Ctrl+X / Ctrl+V copy, cut and paste tab-separated blocks (a paste of cells copied here lays them
// down as Sheets pastes its own: notes, formats and validation with them; Ctrl+Shift+V their values
// only, each with its type, as Sheets' Paste special ▸ Values only does), Ctrl+Z / Ctrl+Y undo
// and redo the person's edits. The grid keeps every key while a cell is selected: Tab never leaves
// it. A row number or column letter selects its row or column (Shift+Space, Ctrl+Space), and a
// right-click or the context-menu key (Shift+F10) opens the menu that inserts or deletes rows and
// columns there, as a person does it in Sheets; a cell's menu (or Shift+F2) inserts, edits or,
// cleared, deletes the active cell's note, and on a cell that has one its Delete note deletes it.
//
// No keystroke may be lost: a commit moves the selection at once and queues the write (writes go
// to the server one at a time, in order), and the typed value shows in its cell until the server's
// view has it.

import { countText } from '../../../src/core/count-text';
import { outsideSheet } from '../../gas/services/spreadsheet/selection';
import { type CellView, type LineChange, type Lines, MAX_COLUMNS, MAX_ROWS, type SheetReply } from '../wire';
import { copiedHtml, parseTsv, pastedCells, toTsv } from './clipboard';
import { type ContextEntry, ContextMenu } from './context-menu';
import { columnLetters, columnNumber, el } from './dom';
import { shiftFormula } from './formula-shift';
import { type LineChoice, lineMenu, type Whole } from './line-menu';
import { lineAfter, viewAfterLines } from './lines-view';
import { NoteEditor } from './note-editor';

export interface GridActions {
  /** The user's selection, e.g. ("Sheet1", "B2:C5"). */
  select(sheet: string, a1: string): void;
  /**
   * Writes a block of typed text at (row, column), as Sheets interprets typing; resolves to the
   * server's count of writes applied with it (see SheetReply), or null if it was refused. `clip`:
   * a paste of the cells copied under that token, laid down as Sheets pastes them (their values
   * only with `valuesOnly`).
   */
  write(
    sheet: string,
    row: number,
    column: number,
    values: string[][],
    clip?: string,
    valuesOnly?: boolean,
  ): Promise<number | null>;
  /** Keeps the cells of a range copied or cut, under the token the clipboard carries. */
  copy(sheet: string, a1: string, cut: boolean, clip: string): Promise<void>;
  /**
   * Inserts or deletes rows or columns, as a person does from a row's or column's menu; resolves
   * as write does, to the server's count of writes applied with it, or null if it was refused.
   */
  changeLines(sheet: string, change: LineChange): Promise<number | null>;
  /** Sets a cell's note ('B2'), or deletes it with ''. */
  note(sheet: string, a1: string, text: string): Promise<void>;
  /** Edit ▸ Undo the person's last edit, or Redo (`again`) the one they last undid. */
  undo(again: boolean): Promise<void>;
}

const EMPTY: CellView = { text: '', input: '' };
/** The id the active cell holds, which the grid names as its aria-activedescendant. */
const ACTIVE_CELL_ID = 'activeCell';

interface Pending {
  value: string;
  /**
   * The server's count of writes once this one was applied: a view built with as many has it.
   * Counted, not timed: a view asked for before the reply came back may already hold the write.
   */
  applied?: number;
}

/** Rows or columns inserted or deleted here: drawn at once, and on each view until one has them. */
interface Moving {
  sheet: string;
  change: LineChange;
  /** As Pending's: the server's count of writes once it was applied. */
  applied?: number;
}

interface Place {
  whole: Whole;
  row: number;
  col: number;
  endRow: number;
  endCol: number;
  left: number;
  top: number;
}

/** How an edit began: typing over a cell (arrows commit and move) or editing it (arrows move the caret). */
type EditMode = 'none' | 'replace' | 'edit';

/**
 * Rows drawn at first, and added as the sheet is scrolled or the selection moves down: a sheet of
 * 2,000 rows drawn whole is 50,000 cells, over a second of the page's time on every switch.
 */
/** A cell's padding on the left, as the page's style sets it. */
const CELL_PADDING = 4;
let measure: { context: CanvasRenderingContext2D | null; font: string } | undefined;
/** How wide text is drawn in a grid cell (bold or not), in pixels. */
function textWidth(text: string, bold = false): number {
  if (!measure) {
    const style = getComputedStyle(document.getElementById('grid') ?? document.body);
    measure = {
      context: document.createElement('canvas').getContext('2d'),
      font: `${style.fontSize} ${style.fontFamily}`,
    };
  }
  if (!measure.context) return 0;
  measure.context.font = `${bold ? '700 ' : ''}${measure.font}`;
  return measure.context.measureText(text).width;
}

const FIRST_DRAW = 100;
const DRAW_STEP = 200;
/** Drawing more starts this close (px) to the end of what is drawn. */
const DRAW_AHEAD_PX = 600;

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export class Grid {
  /** The view drawn: the server's last, with the lines moved here since that it does not have yet. */
  private view: SheetReply | null = null;
  /** The server's last view. */
  private served: SheetReply | null = null;
  private row = 1;
  private col = 1;
  private endRow = 1;
  private endCol = 1;
  /** Whole rows or columns selected (from row `row` to `endRow`, or column `col` to `endCol`), or cells. */
  private whole: Whole = 'cells';
  /** The sheet's rows and columns as the grid draws them: its own (up to what the page shows), never more. */
  private rows = 0;
  private cols = 0;
  /** Rows in the table so far (of `rows`). */
  private drawn = 0;
  /** Left offsets (px) of the frozen columns, by column. */
  private frozenLefts: number[] = [];
  /** Each column's left edge in the table, as last measured (columnLefts). */
  private lefts: number[] = [];
  /** The cells the selection marked: cleared one by one, not by searching a table of 50,000. */
  private marked: HTMLElement[] = [];
  /** The active cell as last marked, which holds ACTIVE_CELL_ID. */
  private activeCell: HTMLTableCellElement | undefined;
  private mode: EditMode = 'none';
  /** The column a run of Tabs began in: Enter goes back to it on the next row. */
  private tabStart: number | null = null;
  private dragging = false;
  private writes: Promise<void> = Promise.resolve();
  /** Copies and cuts made here, for each its own token on the clipboard. */
  private copies = 0;
  /**
   * The last copy made here and the text it put on the clipboard: Ctrl+V finds the copy in the
   * HTML beside the text, but the browser gives Ctrl+Shift+V the text alone, which tells it the
   * copy is ours.
   */
  private lastCopy: { text: string; cells: NonNullable<ReturnType<typeof pastedCells>> } | undefined;
  /** The paste to come is Ctrl+Shift+V's (values only): its key came last. */
  private valuesOnly = false;
  /** Typed values not yet in a view from the server, by sheet and cell. */
  private readonly pending = new Map<string, Pending>();
  /** Lines inserted or deleted not yet in a view from the server, in the order made. */
  private moving: Moving[] = [];
  /** Selection and scroll of each sheet, so switching back finds it where it was left. */
  private readonly places = new Map<string, Place>();
  private readonly menu: ContextMenu;
  private readonly noteEditor: NoteEditor;

  constructor(
    private readonly table: HTMLTableElement,
    private readonly scroller: HTMLElement,
    private readonly formula: HTMLInputElement,
    private readonly cellName: HTMLInputElement,
    private readonly choices: HTMLDataListElement,
    private readonly truncated: HTMLElement,
    private readonly actions: GridActions,
  ) {
    table.tabIndex = 0;
    // An interactive grid (ARIA allows the role on a table): cells selectable, several at once.
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-multiselectable', 'true');
    table.addEventListener('mousedown', (event) => this.onMouseDown(event));
    table.addEventListener('mouseover', (event) => {
      if (!this.dragging || !(event.buttons & 1)) return;
      const at = (event.target as HTMLElement).closest<HTMLElement>('td, th');
      const row = Number(at?.dataset.row ?? 0);
      const col = Number(at?.dataset.col ?? 0);
      if (this.whole === 'rows' && row) this.extendLines('rows', row);
      else if (this.whole === 'columns' && col) this.extendLines('columns', col);
      else if (this.whole === 'cells' && row && col) this.choose(row, col, { extend: true });
    });
    this.menu = new ContextMenu(scroller);
    this.noteEditor = new NoteEditor(scroller);
    table.addEventListener('contextmenu', (event) => this.onContextMenu(event));
    document.addEventListener('mouseup', () => {
      if (!this.dragging) return;
      this.dragging = false;
      this.tell();
    });
    table.addEventListener('dblclick', () => this.startEdit('edit'));
    scroller.addEventListener('scroll', () => {
      this.menu.close(false);
      if (scroller.scrollTop + scroller.clientHeight + DRAW_AHEAD_PX >= scroller.scrollHeight)
        this.drawTo(this.drawn + DRAW_STEP);
    });
    table.addEventListener('keydown', (event) => this.onGridKey(event));
    formula.addEventListener('keydown', (event) => this.onFormulaKey(event));
    formula.addEventListener('focus', () => {
      if (this.mode === 'none') this.mode = 'edit';
    });
    // Leaving the formula bar for anything but the grid (a menu, the sidebar) keeps what was typed.
    formula.addEventListener('blur', () => {
      if (this.mode !== 'none') this.commit(0, 0, false);
    });
    // The name box, as in Sheets: a cell or range typed there and Enter selects it.
    cellName.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== 'Escape') return;
      event.preventDefault();
      if (event.key === 'Enter') this.goTo(cellName.value);
      table.focus();
      this.mark(false);
    });
    cellName.addEventListener('blur', () => this.mark(false));
    // What it said of an address out of reach is for that address only.
    cellName.addEventListener('input', () => cellName.setCustomValidity(''));
    document.addEventListener('copy', (event) => this.onCopy(event, false));
    document.addEventListener('cut', (event) => this.onCopy(event, true));
    document.addEventListener('paste', (event) => this.onPaste(event));
  }

  get sheetName(): string | null {
    return this.view?.name ?? null;
  }

  /** The sheet in view and its selection, as the name box says it (B2:C9, 4:6, E:E). */
  get selection(): { sheet: string; a1: string } | null {
    if (!this.view) return null;
    return { sheet: this.view.name, a1: rangeA1(this.whole, this.row, this.col, this.endRow, this.endCol) };
  }

  /** The cells selected (whole rows reach across the columns drawn), for the Data menu's Sort range. */
  get selectedCells(): { top: number; left: number; bottom: number; right: number } {
    return this.bounds();
  }

  /** What a cell shows, as drawn (a value typed and not yet saved included). */
  shownText(row: number, col: number): string {
    return this.cell(row, col).text;
  }

  /** The A1 range last selected on a sheet (A1 for a sheet not yet shown). */
  selectionOf(sheet: string): string {
    const place = this.places.get(sheet);
    return place ? rangeA1(place.whole, place.endRow, place.endCol, place.row, place.col) : 'A1';
  }

  private key(row: number, col: number, sheet = this.view?.name ?? ''): string {
    return `${sheet}\u0000${row}:${col}`;
  }

  /** The sheet and cell a key names. */
  private keyed(key: string): { sheet: string; row: number; col: number } {
    const [sheet = '', cell = ''] = key.split('\u0000');
    const [row = 0, col = 0] = cell.split(':').map(Number);
    return { sheet, row, col };
  }

  private cell(row: number, col: number): CellView {
    const typed = this.pending.get(this.key(row, col));
    const cell = this.view?.rows[row - 1]?.[col - 1] ?? EMPTY;
    if (!typed) return cell;
    const { checkbox, ...rest } = cell;
    const shown = { ...rest, text: typed.value, input: typed.value, numeric: false };
    // A checkbox cell stays a box for TRUE, FALSE or nothing typed in it (Sheets reads either case).
    const tick = typed.value.toUpperCase();
    if (!checkbox || !['TRUE', 'FALSE', ''].includes(tick)) return shown;
    return { ...shown, text: tick, checkbox: tick === 'TRUE' ? 'checked' : 'unchecked' };
  }

  /** Draws a view from the server, with the lines inserted or deleted here that it does not have yet. */
  render(view: SheetReply): void {
    this.served = view;
    this.moving = this.moving.filter((m) => !this.inView(m, view));
    this.draw(this.moving.reduce((v, m) => (m.sheet === v.name ? viewAfterLines(v, m.change) : v), view));
  }

  private draw(view: SheetReply): void {
    const before = this.view;
    const previous = before?.name;
    const sameSheet = previous === view.name;
    if (previous && !sameSheet) this.remember();
    this.view = view;
    this.dropApplied();
    const place = sameSheet ? null : this.places.get(view.name);
    if (!sameSheet) {
      this.whole = place?.whole ?? 'cells';
      this.row = place?.row ?? 1;
      this.col = place?.col ?? 1;
      this.endRow = place?.endRow ?? this.row;
      this.endCol = place?.endCol ?? this.col;
      this.tabStart = null;
    }
    // The sheet's own rows and columns, as Sheets draws them: no cell past its last row or column
    // can be selected (an add-on reads the selection, and one past the sheet is no range at all).
    // A paste under way has grown the sheet past the view: kept until the next view has it.
    const growing =
      sameSheet && before && view.maxRows >= before.maxRows && view.maxColumns >= before.maxColumns;
    // A table drawn down to its last row stays so.
    const drawnAll = sameSheet && this.drawn >= this.rows;
    this.rows = Math.max(1, Math.min(view.maxRows, MAX_ROWS), growing ? this.rows : 0);
    this.cols = Math.max(1, Math.min(view.maxColumns, MAX_COLUMNS), growing ? this.cols : 0);
    // Rows or columns deleted under the selection take it to the sheet's edge, as in Sheets.
    if (!growing) {
      this.row = Math.min(this.row, this.rows);
      this.endRow = Math.min(this.endRow, this.rows);
      this.col = Math.min(this.col, this.cols);
      this.endCol = Math.min(this.endCol, this.cols);
    }
    const head = el('tr', {}, el('th', { scope: 'col', 'aria-label': 'Row numbers' }));
    for (let c = 1; c <= this.cols; c++) head.append(this.columnHead(c));
    // A redraw of the same sheet keeps what was drawn; another sheet draws down to where it was left.
    const leftAt = place ? Math.ceil((place.top + this.scroller.clientHeight) / 20) : 0;
    const want = Math.max(
      FIRST_DRAW,
      view.frozenRows,
      this.endRow,
      this.row,
      sameSheet ? this.drawn : leftAt,
      drawnAll ? this.rows : 0,
    );
    this.drawn = 0;
    this.frozenLefts = [];
    this.lefts = [];
    this.table.replaceChildren(el('thead', {}, head), el('tbody'));
    this.drawTo(want);
    this.stickFrozenRows();
    this.stickFrozenColumns();
    this.truncated.hidden = !view.truncated;
    this.truncated.textContent = view.truncated
      ? `Showing the first ${countText(view.rows.length)} of ${countText(view.lastRow)} rows; Download .xlsx has them all.`
      : '';
    this.mark(!sameSheet);
    // Each sheet keeps its own scroll: a new sheet starts at A1, not where the last one was.
    if (!sameSheet) {
      this.scroller.scrollLeft = place?.left ?? 0;
      this.scroller.scrollTop = place?.top ?? 0;
    }
    if (this.mode === 'none') this.formula.value = this.cell(this.row, this.col).input;
  }

  /** Adds rows to the table down to row n (or the last row). */
  private drawTo(n: number): void {
    const body = this.table.tBodies[0];
    const frozenRows = this.view?.frozenRows ?? 0;
    const last = Math.min(n, this.rows);
    if (!body || last <= this.drawn) return;
    const rows = document.createDocumentFragment();
    for (let r = this.drawn + 1; r <= last; r++) {
      const tr = el('tr', {}, el('th', { scope: 'row', 'data-row': String(r) }, String(r)));
      if (r <= frozenRows) tr.className = r === frozenRows ? 'frozen last' : 'frozen';
      for (let c = 1; c <= this.cols; c++) tr.append(this.td(r, c));
      rows.append(tr);
    }
    body.append(rows);
    // Columns not given a width fit their text (up to a limit), so the rows just drawn may have
    // widened one: measured now, and every drawn row's run-on text placed again if they did.
    const lefts = this.columnLefts();
    const moved = lefts.join() !== this.lefts.join();
    this.lefts = lefts;
    for (const tr of [...body.rows].slice(moved ? 0 : this.drawn)) this.spill(tr, tr.rowIndex);
    this.drawn = last;
    // Whole columns selected reach down into the rows just drawn.
    if (this.whole === 'columns') this.mark(false);
  }

  /** A column's letter over it. */
  private columnHead(c: number): HTMLTableCellElement {
    const th = el('th', { scope: 'col', 'data-col': String(c) }, columnLetters(c));
    this.size(th, c);
    return th;
  }

  private td(r: number, c: number): HTMLTableCellElement {
    const cell = this.cell(r, c);
    const td = el('td', { 'data-row': String(r), 'data-col': String(c) }, cell.text);
    const classes = [cell.numeric ? 'num' : '', cell.bold ? 'bold' : '', cell.note ? 'note' : ''];
    if (cell.choices) classes.push('list');
    // A filter's first row shows its buttons, as in Sheets (what it hides is not simulated).
    const filter = this.view?.filter;
    if (filter && r === filter.row && c >= filter.col && c <= filter.lastCol) classes.push('filter-head');
    td.className = classes.filter(Boolean).join(' ');
    if (cell.checkbox) this.drawValue(td, cell);
    // Notes show on hover as Sheets shows them; a title attribute is text, never HTML. A screen
    // reader says it after the cell's text.
    if (cell.note) {
      td.title = cell.note;
      td.setAttribute('aria-description', cell.note);
    }
    // The runtime computes plain arithmetic only; Sheets would compute this one.
    else if (cell.text === '#NAME?' && cell.input.startsWith('='))
      td.title =
        'Not computed in the workbench, which works out plain arithmetic only: Google Sheets computes this formula.';
    this.size(td, c);
    if (c <= (this.view?.frozenColumns ?? 0)) {
      td.classList.add(c === this.view?.frozenColumns ? 'frozen-col-last' : 'frozen-col');
      const left = this.frozenLefts[c];
      if (left !== undefined) td.style.left = `${left}px`;
    }
    // Colours go through custom properties, so the selection can still tint a coloured cell.
    if (cell.background) td.style.setProperty('--bg', cell.background);
    if (cell.color) td.style.setProperty('--fg', cell.color);
    return td;
  }

  /**
   * Text wider than its cell runs on over the empty cells to its right, as Sheets shows it (a
   * schedule grid's day above its narrow columns). Each of those cells draws its own stretch of the
   * text (a pseudo-element, so its own contents stay empty), never across a frozen column's edge.
   */
  private spill(tr: HTMLTableRowElement, r: number): void {
    const frozen = this.view?.frozenColumns ?? 0;
    const lefts = this.lefts;
    for (const td of tr.cells) {
      td.classList.remove('spills', 'spill-bold');
      delete td.dataset.spill;
    }
    for (let c = 1; c < this.cols; c++) {
      const from = this.cell(r, c);
      if (!from.text || from.numeric || from.checkbox || this.cell(r, c + 1).text) continue;
      const ends = (lefts[c] ?? 0) + CELL_PADDING + textWidth(from.text, from.bold);
      let k = c + 1;
      for (; k <= this.cols && (lefts[k] ?? Infinity) < ends && k > frozen === c > frozen; k++) {
        const over = this.cell(r, k);
        const td = tr.cells[k];
        if (over.text || over.checkbox || over.note || over.choices || !td) break;
        td.dataset.spill = from.text;
        td.style.setProperty('--spill-left', `${(lefts[c] ?? 0) - (lefts[k] ?? 0) + CELL_PADDING}px`);
        if (from.bold) td.classList.add('spill-bold');
        if (from.color) td.style.setProperty('--spill-fg', from.color);
      }
      // No gridline through the text, as in Sheets: the run's inner edges go.
      for (let i = c; i < k - 1; i++) tr.cells[i]?.classList.add('spills');
      c = k - 1;
    }
  }

  /** Where each column starts now, from the column letters' cells. */
  private columnLefts(): number[] {
    const heads = this.table.tHead?.rows[0]?.cells;
    const lefts: number[] = [];
    for (let c = 1; c <= this.cols + 1; c++) lefts[c] = heads?.[c]?.offsetLeft ?? Infinity;
    return lefts;
  }

  private remember(): void {
    if (!this.view) return;
    this.places.set(this.view.name, {
      whole: this.whole,
      row: this.row,
      col: this.col,
      endRow: this.endRow,
      endCol: this.endCol,
      left: this.scroller.scrollLeft,
      top: this.scroller.scrollTop,
    });
  }

  /** A column given a width (setColumnWidth) is exactly that wide. */
  private size(cell: HTMLElement, c: number): void {
    const width = this.view?.columnWidths[c];
    if (width === undefined) return;
    cell.style.width = cell.style.minWidth = cell.style.maxWidth = `${width}px`;
  }

  /** Frozen columns stay beside the row numbers when the sheet scrolls sideways. */
  private stickFrozenColumns(): void {
    const frozen = this.view?.frozenColumns ?? 0;
    const heads = this.table.tHead?.rows[0]?.cells;
    const lefts: number[] = [];
    let left = heads?.[0]?.getBoundingClientRect().width ?? 40;
    for (let c = 1; c <= frozen; c++) {
      lefts[c] = left;
      left += heads?.[c]?.getBoundingClientRect().width ?? 72;
    }
    // A cell scrolled into view lands beside the row numbers and frozen columns, not under them.
    this.scroller.style.scrollPaddingLeft = `${left}px`;
    if (frozen < 1) return;
    // Rows drawn later take these as they are made.
    this.frozenLefts = lefts;
    for (const td of this.table.querySelectorAll<HTMLElement>('td.frozen-col, td.frozen-col-last'))
      td.style.left = `${lefts[Number(td.dataset.col)]}px`;
    // Their letters too, over the scrolled columns' letters.
    for (let c = 1; c <= frozen; c++) {
      const th = heads?.[c];
      if (!th) continue;
      th.classList.add('frozen-col');
      th.style.left = `${lefts[c]}px`;
    }
  }

  /** Frozen rows stay under the column letters when the sheet scrolls. */
  private stickFrozenRows(): void {
    const headHeight = this.table.tHead?.getBoundingClientRect().height ?? 22;
    let top = headHeight;
    for (const tr of this.table.querySelectorAll<HTMLTableRowElement>('tr.frozen')) {
      for (const td of tr.querySelectorAll<HTMLElement>('td, th')) td.style.top = `${top}px`;
      top += tr.getBoundingClientRect().height;
    }
    this.scroller.style.scrollPaddingTop = `${top}px`;
  }

  /** The cells selected: whole rows reach across every column drawn, whole columns down every row. */
  private bounds(): { top: number; left: number; bottom: number; right: number } {
    const columns = this.whole === 'columns';
    const rows = this.whole === 'rows';
    return {
      top: columns ? 1 : Math.min(this.row, this.endRow),
      bottom: columns ? this.rows : Math.max(this.row, this.endRow),
      left: rows ? 1 : Math.min(this.col, this.endCol),
      right: rows ? this.cols : Math.max(this.col, this.endCol),
    };
  }

  /** Shows the selection: the range highlighted, the active cell outlined, the formula bar. */
  private mark(scroll: boolean): void {
    for (const old of this.marked) {
      old.removeAttribute('aria-selected');
      old.classList.remove('active', 'lit');
    }
    this.marked = [];
    const b = this.bounds();
    const rows = this.table.tBodies[0]?.rows;
    const last = Math.min(b.bottom, rows?.length ?? 0);
    for (let r = b.top; r <= last && rows; r++) {
      const tr = rows[r - 1];
      for (let c = b.left; c <= b.right && tr; c++) {
        const td = tr.cells[c];
        td?.setAttribute('aria-selected', 'true');
        if (td) this.marked.push(td);
      }
    }
    // The row numbers and column letters of the selection are lit, as in Sheets; a whole row's or
    // column's header is selected with it.
    const heads = this.table.tHead?.rows[0]?.cells;
    for (let c = b.left; c <= b.right && heads; c++) this.light(heads[c], this.whole === 'columns');
    for (let r = b.top; r <= last && rows; r++) this.light(rows[r - 1]?.cells[0], this.whole === 'rows');
    const active = rows?.[this.row - 1]?.cells[this.col];
    active?.classList.add('active');
    // The focus stays on the grid: a screen reader is told the active cell (its text, column
    // header and note) through aria-activedescendant, as it moves.
    if (active !== this.activeCell) this.activeCell?.removeAttribute('id');
    this.activeCell = active;
    if (active) {
      active.id = ACTIVE_CELL_ID;
      this.table.setAttribute('aria-activedescendant', ACTIVE_CELL_ID);
    } else this.table.removeAttribute('aria-activedescendant');
    // Whole lines scroll to their header (sticky on the other axis), not sideways to column A.
    const target =
      this.whole === 'rows'
        ? rows?.[this.endRow - 1]?.cells[0]
        : this.whole === 'columns'
          ? heads?.[this.endCol]
          : rows?.[this.endRow - 1]?.cells[this.endCol];
    if (scroll) target?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    // Not under the person typing an address there: a view drawn meanwhile would replace it.
    if (document.activeElement !== this.cellName)
      this.cellName.value = rangeA1(this.whole, this.endRow, this.endCol, this.row, this.col);
    const cell = this.cell(this.row, this.col);
    this.choices.replaceChildren(...(cell.choices ?? []).map((c) => el('option', { value: c })));
  }

  private light(head: HTMLTableCellElement | undefined, selected: boolean): void {
    if (!head) return;
    head.classList.add('lit');
    if (selected) head.setAttribute('aria-selected', 'true');
    this.marked.push(head);
  }

  /** Moves the active cell there, or with extend the range's far corner (the active cell stays). */
  private choose(
    row: number,
    col: number,
    how: { extend?: boolean; tell?: boolean; scroll?: boolean } = {},
  ): void {
    const r = Math.min(Math.max(1, row), this.rows || 1);
    const c = Math.min(Math.max(1, col), this.cols || 1);
    this.drawTo(r + DRAW_STEP / 4);
    if (!how.extend) this.whole = 'cells';
    this.endRow = r;
    this.endCol = c;
    if (!how.extend) {
      this.row = r;
      this.col = c;
    }
    if (this.mode === 'none') this.formula.value = this.cell(this.row, this.col).input;
    this.mark(how.scroll ?? true);
    if (how.tell !== false && !this.dragging) this.tell();
  }

  /**
   * Selects whole rows (or columns) from `from` to `to`. A row number clicked makes the row's first
   * cell the active one; Shift+Space (`keep`) keeps the active cell's column, as in Sheets.
   */
  private selectLines(
    whole: Lines,
    from: number,
    to = from,
    how: { scroll?: boolean; keep?: boolean } = {},
  ): void {
    const rows = whole === 'rows';
    const most = (rows ? this.rows : this.cols) || 1;
    const [a, b] = [from, to].map((n) => Math.min(Math.max(1, n), most)) as [number, number];
    this.whole = whole;
    if (rows) {
      [this.row, this.endRow] = [a, b];
      if (!how.keep) this.col = 1;
      this.endCol = this.col;
    } else {
      [this.col, this.endCol] = [a, b];
      if (!how.keep) this.row = 1;
      this.endRow = this.row;
    }
    if (rows) this.drawTo(b + DRAW_STEP / 4);
    if (this.mode === 'none') this.formula.value = this.cell(this.row, this.col).input;
    this.mark(how.scroll ?? false);
    if (!this.dragging) this.tell();
  }

  /** Shift+click or a drag over row numbers (column letters): from the active cell's row to `to`. */
  private extendLines(whole: Lines, to: number): void {
    this.selectLines(whole, whole === 'rows' ? this.row : this.col, to, { keep: true });
  }

  /**
   * Selects a cell or range typed as A1 notation, the rows drawn down to it (reach); anything else,
   * or a range past the sheet's edge, leaves the selection as it is.
   */
  private goTo(a1: string): void {
    const lines = /^\s*\$?(\d+):\$?(\d+)\s*$|^\s*\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})\s*$/.exec(a1);
    if (lines) {
      const [, r1, r2, c1 = 'A', c2 = 'A'] = lines;
      const whole = r1 ? 'rows' : 'columns';
      const [first, last] = r1 ? [Number(r1), Number(r2)] : [columnNumber(c1), columnNumber(c2)];
      const far = Math.max(first, last);
      if (r1 ? this.reach(a1, far, 1) : this.reach(a1, 1, far))
        this.selectLines(whole, first, last, { scroll: true });
      return;
    }
    const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?\s*$/.exec(a1);
    if (!m) return;
    const [, c1 = 'A', r1 = '1', c2, r2] = m;
    const [row, col] = [Number(r1), columnNumber(c1)];
    const [toRow, toCol] = c2 && r2 ? [Number(r2), columnNumber(c2)] : [row, col];
    if (!this.reach(a1, Math.max(row, toRow), Math.max(col, toCol))) return;
    this.choose(row, col, { tell: !c2 });
    if (c2 && r2) this.choose(toRow, toCol, { extend: true });
  }

  /**
   * Whether the cell at (row, col) can be gone to: the sheet's own, and shown by the page. A range
   * past the sheet's last row or column is refused with a word, as no cell is there to select (the
   * stricter reading: whether Sheets' name box refuses it or goes to the edge is not known here,
   * and landing on the edge instead would pass for the cell typed). So is a cell past what the page
   * shows of a sheet (its first MAX_ROWS rows, MAX_COLUMNS columns).
   */
  private reach(typed: string, row: number, col: number): boolean {
    const view = this.view;
    if (!view) return false;
    const shown = view.truncated ? view.rows.length : MAX_ROWS;
    // Lines inserted or pasted past the edge are the sheet's before its view has them.
    const maxRows = Math.max(view.maxRows, this.rows);
    const maxColumns = Math.max(view.maxColumns, this.cols);
    const beyond =
      row > maxRows || col > maxColumns
        ? outsideSheet(typed.trim().toUpperCase(), view.name, maxRows, maxColumns)
        : row > shown
          ? `The workbench shows the first ${countText(shown)} rows of a sheet; Download .xlsx has them all.`
          : col > MAX_COLUMNS
            ? `The workbench grid goes up to column ${columnLetters(MAX_COLUMNS)}.`
            : '';
    this.cellName.setCustomValidity(beyond);
    if (beyond) this.cellName.reportValidity();
    return !beyond;
  }

  private tell(): void {
    if (this.view) this.actions.select(this.view.name, this.cellName.value);
  }

  private onMouseDown(event: MouseEvent): void {
    const at = (event.target as HTMLElement).closest<HTMLElement>('td, th[data-row], th[data-col]');
    if (!at || event.button !== 0) return;
    if (this.mode !== 'none') this.commit(0, 0, false);
    this.tabStart = null;
    this.dragging = true;
    const row = Number(at.dataset.row ?? 0);
    const col = Number(at.dataset.col ?? 0);
    // A row number or column letter selects the whole row or column (Shift extends), as in Sheets.
    const lines = col ? 'columns' : 'rows';
    if (!row || !col) {
      if (event.shiftKey) this.extendLines(lines, row || col);
      else this.selectLines(lines, row || col);
    } else this.choose(row, col, { extend: event.shiftKey, tell: false });
    // A click on a checkbox's box ticks or clears it, as in Sheets.
    if ((event.target as HTMLElement).closest('.box') && !event.shiftKey) this.toggle();
    // The grid takes the keys from here on, even when the click began an edit elsewhere.
    event.preventDefault();
    this.table.focus({ preventScroll: true });
  }

  /**
   * A right-click: on a row number, column letter or cell outside the selection it selects that
   * first, as Sheets does; then the menu for what is selected opens where the mouse is.
   */
  private onContextMenu(event: MouseEvent): void {
    if (this.view?.dataSource) return;
    event.preventDefault();
    // The context-menu key (or Shift+F10) aims at the grid itself: onGridKey opens the menu for it.
    if (event.target === this.table) {
      if (!this.menu.isOpen) this.openMenu();
      return;
    }
    const at = (event.target as HTMLElement).closest<HTMLElement>('td, th[data-row], th[data-col]');
    if (!at) return;
    if (this.mode !== 'none') this.commit(0, 0, false);
    this.tabStart = null;
    const row = Number(at.dataset.row ?? 0);
    const col = Number(at.dataset.col ?? 0);
    const b = this.bounds();
    const inRows = row >= b.top && row <= b.bottom;
    const inCols = col >= b.left && col <= b.right;
    if (!col) {
      if (this.whole !== 'rows' || !inRows) this.selectLines('rows', row);
    } else if (!row) {
      if (this.whole !== 'columns' || !inCols) this.selectLines('columns', col);
    } else if (!inRows || !inCols) this.choose(row, col, { scroll: false });
    // No scrolling under the menu: a scroll closes it.
    this.table.focus({ preventScroll: true });
    this.openMenu({ x: event.clientX, y: event.clientY });
  }

  /**
   * The menu for the selection: a whole row's or column's, or a cell's. From the keyboard it opens
   * at the selection's row number, column letter or active cell.
   */
  private openMenu(at?: { x: number; y: number }): void {
    const view = this.view;
    if (!view || view.dataSource) return;
    const b = this.bounds();
    const rows = this.table.tBodies[0]?.rows;
    // Under the rows' last number, so the rows chosen stay in sight.
    const anchor =
      this.whole === 'rows'
        ? rows?.[b.bottom - 1]?.cells[0]
        : this.whole === 'columns'
          ? this.table.tHead?.rows[0]?.cells[this.col]
          : rows?.[this.row - 1]?.cells[this.col];
    const box = anchor?.getBoundingClientRect();
    const where = at ?? { x: box ? box.left + box.width / 2 : 0, y: box ? box.bottom : 0 };
    const label = menuLabel(this.whole, b);
    const entries: ContextEntry[] = lineMenu({ whole: this.whole, ...b }).map((entry) =>
      entry === 'separator' ? entry : { label: entry.label, pick: () => this.changeLines(view.name, entry) },
    );
    // A cell's menu inserts a note on the active cell, as Sheets' does (Shift+F2 from the keys),
    // and deletes the note it has.
    if (this.whole === 'cells') {
      entries.push('separator', { label: 'Insert note', pick: () => this.openNote() });
      if (this.cell(this.row, this.col).note)
        entries.push({ label: 'Delete note', pick: () => this.deleteNote(view.name) });
    }
    this.menu.open(label, entries, where, this.table);
  }

  /** Deletes the active cell's note, after the writes typed before it. */
  private deleteNote(sheet: string): void {
    const a1 = rangeA1('cells', this.row, this.col, this.row, this.col);
    this.afterWrites(() => this.actions.note(sheet, a1, ''));
  }

  /**
   * Opens the active cell's note to insert, edit or (cleared) delete it; saved after the writes
   * typed before it, as the person sees them land.
   */
  private openNote(): void {
    const view = this.view;
    const td = this.table.tBodies[0]?.rows[this.row - 1]?.cells[this.col];
    if (!view || view.dataSource || !td) return;
    td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const a1 = rangeA1('cells', this.row, this.col, this.row, this.col);
    const note = this.cell(this.row, this.col).note ?? '';
    this.noteEditor.open(`Note on ${a1}`, note, td.getBoundingClientRect(), this.table, (text) =>
      this.afterWrites(() => this.actions.note(view.name, a1, text)),
    );
  }

  /**
   * Inserts or deletes the lines, after the writes typed before it (they land where they were
   * typed, then move with their rows, as in Sheets). The selection moves at once onto the lines
   * inserted, or stays where the lines deleted were: the next key typed lands there.
   */
  private changeLines(sheet: string, choice: LineChoice): void {
    const view = this.view;
    if (!view) return;
    const { rows, cols } = choice.moves;
    this.row += rows;
    this.endRow += rows;
    this.col += cols;
    this.endCol += cols;
    this.tabStart = null;
    // The sheet is drawn as the change leaves it from now on, not once its next view comes: lines
    // pushed past its last row or column are drawn and the keys reach them (Enter from a column
    // inserted after the last one goes down it), and lines deleted are gone, a selection in them
    // taken to the sheet's new edge (Enter from a column deleted at the edge goes down the one
    // before it, not into cells the sheet no longer has). The cells move with them, values typed
    // and not yet in a view too: lines inserted are drawn empty, not with what was there before.
    const moving: Moving = { sheet, change: choice.change };
    this.moving.push(moving);
    this.movePending(sheet, choice.change);
    this.draw(viewAfterLines(view, choice.change));
    this.mark(true);
    this.afterWrites(async () => {
      // Refused (every row deleted, say), the sheet is as the server's last view has it: drawn again.
      moving.applied = (await this.actions.changeLines(sheet, choice.change)) ?? 0;
      if (this.served && this.inView(moving, this.served)) this.render(this.served);
    });
    // Told once the lines are in: cells inserted past the sheet's edge are not the sheet's before.
    this.afterWrites(() => this.tell());
  }

  /** Typed values not yet in a view go where their cells go as lines are inserted or deleted. */
  private movePending(sheet: string, change: LineChange): void {
    const rows = change.lines === 'rows';
    const moved: [string, Pending][] = [];
    for (const [key, typed] of this.pending) {
      const { sheet: on, row, col } = this.keyed(key);
      if (on !== sheet) continue;
      const to = lineAfter(rows ? row : col, change);
      this.pending.delete(key);
      if (to !== null) moved.push([rows ? this.key(to, col, sheet) : this.key(row, to, sheet), typed]);
    }
    for (const [key, typed] of moved) this.pending.set(key, typed);
  }

  /**
   * Edit ▸ Undo (or Redo, `again`), after the writes typed before it: the edit undone is the last
   * one the person saw land. The keys are back on the grid.
   */
  undo(again: boolean): void {
    this.table.focus({ preventScroll: true });
    this.afterWrites(() => this.actions.undo(again));
  }

  private onGridKey(event: KeyboardEvent): void {
    const move = MOVES[event.key];
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    // Ctrl+Z (Cmd+Z) undoes, Ctrl+Y or Ctrl+Shift+Z redoes, as in Sheets.
    const letter = event.key.toLowerCase();
    // Ctrl+Shift+V (Cmd+Shift+V) pastes values only: the browser's paste that follows is told so.
    this.valuesOnly = (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && letter === 'v';
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (letter === 'z' || letter === 'y')) {
      event.preventDefault();
      this.undo(letter === 'y' || event.shiftKey);
      return;
    }
    if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      this.openMenu();
      return;
    }
    if (event.key === 'F2' && event.shiftKey) {
      event.preventDefault();
      this.openNote();
      return;
    }
    // Shift+Space selects the rows of the selection, Ctrl+Space its columns, as in Sheets.
    if (event.key === ' ' && (event.shiftKey || event.ctrlKey) && !event.altKey && !event.metaKey) {
      event.preventDefault();
      const how = { scroll: true, keep: true };
      if (event.ctrlKey) this.selectLines('columns', this.col, this.endCol, how);
      else this.selectLines('rows', this.row, this.endRow, how);
      return;
    }
    if (move) {
      event.preventDefault();
      this.tabStart = null;
      if (event.shiftKey) this.choose(this.endRow + move[0], this.endCol + move[1], { extend: true });
      else this.choose(this.row + move[0], this.col + move[1]);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      this.advance(0, event.shiftKey ? -1 : 1);
    } else if (event.key === 'Enter' && event.shiftKey) {
      event.preventDefault();
      this.advance(-1, 0);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.startEdit('edit');
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.fill('');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.choose(this.row, this.col);
    } else if (event.key === ' ' && plain && this.cell(this.row, this.col).checkbox) {
      event.preventDefault();
      this.toggle();
    } else if (event.key.length === 1 && plain) {
      // Typing on a selected cell replaces it, as in Sheets; the key itself is the first character.
      event.preventDefault();
      this.startEdit('replace', event.key);
    }
  }

  /** Space, or a click on the box: a checkbox cell's TRUE becomes FALSE and the other way round. */
  private toggle(): void {
    const ticked = this.cell(this.row, this.col).checkbox === 'checked';
    this.write(this.row, this.col, [[ticked ? 'FALSE' : 'TRUE']]);
  }

  private startEdit(mode: EditMode, typed?: string): void {
    this.mode = mode;
    if (typed !== undefined) this.formula.value = typed;
    this.formula.focus({ preventScroll: true });
    const end = this.formula.value.length;
    this.formula.setSelectionRange(end, end);
  }

  private onFormulaKey(event: KeyboardEvent): void {
    const move = MOVES[event.key];
    if (event.key === 'Enter') {
      event.preventDefault();
      this.commit(event.shiftKey ? -1 : 1, 0, true);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      this.commit(0, event.shiftKey ? -1 : 1, true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.mode = 'none';
      this.formula.value = this.cell(this.row, this.col).input;
      this.table.focus({ preventScroll: true });
    } else if (move && this.mode === 'replace' && !event.shiftKey) {
      event.preventDefault();
      this.commit(move[0], move[1], true);
    }
  }

  /**
   * Saves what the formula bar holds into the active cell (if it changed) and moves on; the write is
   * queued, so the next key is already the next cell's.
   */
  private commit(dr: number, dc: number, backToGrid: boolean): void {
    const value = this.formula.value;
    this.mode = 'none';
    if (value !== this.cell(this.row, this.col).input) this.write(this.row, this.col, [[value]]);
    if (backToGrid) {
      this.advance(dr, dc);
      this.table.focus({ preventScroll: true });
    } else this.mark(false);
  }

  /** Tab, Shift+Tab, Enter and Shift+Enter: Enter after Tabs returns to the column the run began in. */
  private advance(dr: number, dc: number): void {
    if (dc !== 0) {
      this.tabStart ??= this.col;
      this.choose(this.row, this.col + dc);
      return;
    }
    const col = dr > 0 && this.tabStart !== null ? this.tabStart : this.col;
    this.tabStart = null;
    this.choose(this.row + dr, col);
  }

  /** Shows typed values at once and queues their write; rows are padded to a rectangle. */
  private write(row: number, col: number, values: string[][], clip?: string, valuesOnly = false): void {
    const view = this.view;
    if (!view || !values.length) return;
    const width = Math.max(...values.map((line) => line.length));
    const block = values.map((line) => [...line, ...new Array<string>(width - line.length).fill('')]);
    const entries: [string, Pending][] = [];
    block.forEach((line, r) => {
      line.forEach((value, c) => {
        const entry: Pending = { value };
        const key = this.key(row + r, col + c, view.name);
        this.pending.set(key, entry);
        entries.push([key, entry]);
        const td = this.table.tBodies[0]?.rows[row + r - 1]?.cells[col + c];
        if (td) this.drawValue(td, this.cell(row + r, col + c));
      });
    });
    const send = () => this.actions.write(view.name, row, col, block, clip, valuesOnly);
    const settle = (applied: number | null) => {
      // A refused write is in no view: the next one shows what the cell really holds.
      for (const [, entry] of entries) entry.applied = applied ?? 0;
      // The view shown may already hold it (asked for while the reply was on its way), and a
      // view of the same version is not asked for again: it is drawn again now, without them.
      if (this.view && this.hasApplied()) this.draw(this.view);
    };
    this.writes = this.writes.then(send, send).then(settle, () => settle(null));
  }

  /** Whether a view (the one shown) already holds a typed value or lines moved. */
  private inView(change: Pending | Moving, view = this.view): boolean {
    return change.applied !== undefined && change.applied <= (view?.writes ?? 0);
  }

  private hasApplied(): boolean {
    return [...this.pending.values()].some((typed) => this.inView(typed));
  }

  /** Forgets typed values the shown view already holds. */
  private dropApplied(): void {
    for (const [key, typed] of this.pending) if (this.inView(typed)) this.pending.delete(key);
  }

  /** Draws a cell's value in its td: a checkbox as its box, else as text. */
  private drawValue(td: HTMLTableCellElement, cell: CellView): void {
    td.classList.remove('num', 'checkbox', 'checked', 'unchecked');
    if (!cell.checkbox) {
      td.removeAttribute('aria-label');
      td.textContent = cell.text;
      return;
    }
    td.classList.add('checkbox', cell.checkbox);
    // Said as a box, as Sheets says it to a screen reader, not as the TRUE or FALSE it holds.
    td.setAttribute('aria-label', `Checkbox, ${cell.checkbox === 'checked' ? 'checked' : 'not checked'}`);
    const value = td.querySelector('.value');
    if (value) value.textContent = cell.text;
    else
      td.replaceChildren(
        el('span', { class: 'box', 'aria-hidden': 'true' }),
        el('span', { class: 'value' }, cell.text),
      );
  }

  /** Writes one value into every selected cell (Delete clears them). */
  private fill(value: string): void {
    const b = this.bounds();
    const block = Array.from({ length: b.bottom - b.top + 1 }, () =>
      new Array<string>(b.right - b.left + 1).fill(value),
    );
    this.write(b.top, b.left, block);
    if (this.mode === 'none') this.formula.value = value;
  }

  private ownsKeys(): boolean {
    return document.activeElement === this.table;
  }

  /**
   * Ctrl+C / Ctrl+X. Other programs take what the cells show; a paste here lays down the cells
   * themselves, kept by the server under the copy's token once the writes typed before it are in.
   * A cut takes effect at its paste, as in Sheets: the cells stay until then.
   */
  private onCopy(event: ClipboardEvent, cut: boolean): void {
    const view = this.view;
    if (!this.ownsKeys() || !event.clipboardData || !view) return;
    event.preventDefault();
    const b = this.bounds();
    const lines: string[][] = [];
    const inputs: string[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const line: string[] = [];
      const typed: string[] = [];
      for (let c = b.left; c <= b.right; c++) {
        const cell = this.cell(r, c);
        line.push(cell.text);
        typed.push(cell.input.startsWith('=') ? cell.input : cell.text);
      }
      lines.push(line);
      inputs.push(typed);
    }
    const clip = `${Date.now().toString(36)}.${++this.copies}`;
    const from = cut ? undefined : { row: b.top, col: b.left };
    const text = toTsv(lines);
    event.clipboardData.setData('text/plain', text);
    event.clipboardData.setData('text/html', copiedHtml(inputs, from, clip));
    this.lastCopy = { text, cells: { inputs, clip, ...(from ? { from } : {}) } };
    const a1 = rangeA1('cells', b.top, b.left, b.bottom, b.right);
    this.afterWrites(() => this.actions.copy(view.name, a1, cut, clip));
  }

  private onPaste(event: ClipboardEvent): void {
    if (!this.ownsKeys() || !event.clipboardData) return;
    event.preventDefault();
    const text = event.clipboardData.getData('text/plain');
    const valuesOnly = this.valuesOnly;
    this.valuesOnly = false;
    const ours = valuesOnly && this.lastCopy?.text === text ? this.lastCopy.cells : undefined;
    const copied = pastedCells(event.clipboardData.getData('text/html')) ?? ours;
    // Values only: what the cells show, typed should the server no longer hold the copy.
    const block = (!valuesOnly && copied?.inputs) || parseTsv(text);
    if (!block.length) return;
    const b = this.bounds();
    // Formulas copied here move their relative references with the cell they land in.
    const from = valuesOnly ? undefined : copied?.from;
    const clip = copied?.clip;
    // (i, j): the cell's place in the block copied; (r, c): where it lands.
    const at = (r: number, c: number, value: string, i = 0, j = 0) =>
      from && value.startsWith('=') ? shiftFormula(value, r - from.row - i, c - from.col - j) : value;
    const single = block.length === 1 && block[0]?.length === 1;
    // One value pasted over a range fills it, as in Sheets; a block lands at the range's corner.
    if (single && (b.bottom > b.top || b.right > b.left)) {
      const value = block[0]?.[0] ?? '';
      const rows = Array.from({ length: b.bottom - b.top + 1 }, (_, i) =>
        Array.from({ length: b.right - b.left + 1 }, (_, j) => at(b.top + i, b.left + j, value)),
      );
      this.write(b.top, b.left, rows, clip, valuesOnly);
      if (this.mode === 'none') this.formula.value = rows[0]?.[0] ?? '';
      return;
    }
    this.write(
      b.top,
      b.left,
      block.map((line, i) => line.map((value, j) => at(b.top + i, b.left + j, value, i, j))),
      clip,
      valuesOnly,
    );
    this.rows = Math.max(this.rows, b.top + block.length - 1);
    this.whole = 'cells';
    this.row = b.top;
    this.col = b.left;
    this.endRow = b.top + block.length - 1;
    this.endCol = b.left + Math.max(...block.map((line) => line.length)) - 1;
    this.drawTo(this.endRow);
    this.mark(false);
    // A block pasted past the sheet's edge grows the sheet (the write does): told once it has.
    this.afterWrites(() => this.tell());
  }

  /** Queues `work` after the writes already queued, whether they were refused or not. */
  private afterWrites(work: () => unknown): void {
    const run = async () => {
      await work();
    };
    this.writes = this.writes.then(run, run);
  }
}

/** What the menu is for, as a screen reader names it: "Row 5", "Columns B - D", "Cells B2:C3". */
function menuLabel(whole: Whole, b: { top: number; bottom: number; left: number; right: number }): string {
  if (whole === 'cells') {
    const range = rangeA1(whole, b.top, b.left, b.bottom, b.right);
    return `${range.includes(':') ? 'Cells' : 'Cell'} ${range}`;
  }
  const [noun, first, last] =
    whole === 'rows'
      ? ['Row', String(b.top), String(b.bottom)]
      : ['Column', columnLetters(b.left), columnLetters(b.right)];
  return first === last ? `${noun} ${first}` : `${noun}s ${first} - ${last}`;
}

/** A1 notation of a selection: whole rows as 4:6 and whole columns as B:D, as the name box takes them. */
function rangeA1(whole: Whole, r1: number, c1: number, r2: number, c2: number): string {
  if (whole === 'rows') return `${Math.min(r1, r2)}:${Math.max(r1, r2)}`;
  if (whole === 'columns') return `${columnLetters(Math.min(c1, c2))}:${columnLetters(Math.max(c1, c2))}`;
  const a = `${columnLetters(Math.min(c1, c2))}${Math.min(r1, r2)}`;
  const b = `${columnLetters(Math.max(c1, c2))}${Math.max(r1, r2)}`;
  return a === b ? a : `${a}:${b}`;
}
