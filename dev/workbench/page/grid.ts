// The sheet grid: display values, bold, notes, frozen rows, a selected cell and the formula bar
// that edits it (Enter saves and moves down, Tab right, Escape cancels).
import type { CellView, SheetView } from '../wire';
import { columnLetters, el } from './dom';

export interface GridActions {
  select(sheet: string, a1: string): void;
  edit(sheet: string, row: number, column: number, value: string): Promise<void>;
}

const EMPTY: CellView = { text: '', input: '' };

export class Grid {
  private view: SheetView | null = null;
  private row = 1;
  private col = 1;
  private rows = 0;
  private cols = 0;

  constructor(
    private readonly table: HTMLTableElement,
    private readonly formula: HTMLInputElement,
    private readonly cellName: HTMLInputElement,
    private readonly choices: HTMLDataListElement,
    private readonly truncated: HTMLElement,
    private readonly actions: GridActions,
  ) {
    table.tabIndex = 0;
    table.addEventListener('click', (event) => {
      const td = (event.target as HTMLElement).closest('td');
      if (!td) return;
      this.choose(Number(td.dataset.row), Number(td.dataset.col), true);
    });
    table.addEventListener('dblclick', () => this.formula.focus());
    table.addEventListener('keydown', (event) => this.onGridKey(event));
    formula.addEventListener('keydown', (event) => this.onFormulaKey(event));
  }

  get sheetName(): string | null {
    return this.view?.name ?? null;
  }

  private cell(row: number, col: number): CellView {
    return this.view?.rows[row - 1]?.[col - 1] ?? EMPTY;
  }

  render(view: SheetView): void {
    const sameSheet = this.view?.name === view.name;
    this.view = view;
    if (!sameSheet) {
      this.row = 1;
      this.col = 1;
    }
    this.rows = Math.max(view.rows.length + 20, 40);
    this.cols = Math.max(view.lastColumn + 3, 12);
    const head = el('tr', {}, el('th', { scope: 'col', 'aria-label': 'Row numbers' }));
    for (let c = 1; c <= this.cols; c++) head.append(el('th', { scope: 'col' }, columnLetters(c)));
    const body = el('tbody');
    for (let r = 1; r <= this.rows; r++) {
      const tr = el('tr', {}, el('th', { scope: 'row' }, String(r)));
      if (r <= view.frozenRows) tr.className = r === view.frozenRows ? 'frozen last' : 'frozen';
      for (let c = 1; c <= this.cols; c++) {
        const cell = this.cell(r, c);
        const td = el('td', { 'data-row': String(r), 'data-col': String(c) }, cell.text);
        const classes = [cell.numeric ? 'num' : '', cell.bold ? 'bold' : '', cell.note ? 'note' : ''];
        if (cell.choices) classes.push('list');
        td.className = classes.filter(Boolean).join(' ');
        // Notes show on hover as Sheets shows them; a title attribute is text, never HTML.
        if (cell.note) td.title = cell.note;
        tr.append(td);
      }
      body.append(tr);
    }
    this.table.replaceChildren(el('thead', {}, head), body);
    this.stickFrozenRows();
    this.truncated.hidden = !view.truncated;
    this.truncated.textContent = view.truncated
      ? `Showing the first ${view.rows.length} of ${view.lastRow} rows; Download .xlsx has them all.`
      : '';
    this.choose(this.row, this.col, false, !sameSheet || document.activeElement !== this.formula);
  }

  /** Frozen rows stay under the column letters when the sheet scrolls. */
  private stickFrozenRows(): void {
    const headHeight = this.table.tHead?.getBoundingClientRect().height ?? 22;
    let top = headHeight;
    for (const tr of this.table.querySelectorAll<HTMLTableRowElement>('tr.frozen')) {
      for (const td of tr.querySelectorAll<HTMLElement>('td, th')) td.style.top = `${top}px`;
      top += tr.getBoundingClientRect().height;
    }
  }

  private choose(row: number, col: number, tell: boolean, updateBar = true): void {
    this.row = Math.min(Math.max(1, row), this.rows || 1);
    this.col = Math.min(Math.max(1, col), this.cols || 1);
    for (const old of this.table.querySelectorAll('td[aria-selected="true"]'))
      old.removeAttribute('aria-selected');
    const td = this.table.querySelector<HTMLElement>(`td[data-row="${this.row}"][data-col="${this.col}"]`);
    td?.setAttribute('aria-selected', 'true');
    td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const a1 = `${columnLetters(this.col)}${this.row}`;
    this.cellName.value = a1;
    const cell = this.cell(this.row, this.col);
    if (updateBar) this.formula.value = cell.input;
    this.choices.replaceChildren(...(cell.choices ?? []).map((c) => el('option', { value: c })));
    if (tell && this.view) this.actions.select(this.view.name, a1);
  }

  private onGridKey(event: KeyboardEvent): void {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.choose(this.row + move[0], this.col + move[1], true);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.formula.focus();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      void this.commit('', 0, 0);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing on a selected cell replaces it, as in Sheets.
      event.preventDefault();
      this.formula.value = event.key;
      this.formula.focus();
    }
  }

  private onFormulaKey(event: KeyboardEvent): void {
    if (event.key === 'Enter' || (event.key === 'Tab' && !event.shiftKey)) {
      event.preventDefault();
      const [dr, dc] = event.key === 'Enter' ? [1, 0] : [0, 1];
      void this.commit(this.formula.value, dr, dc);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.formula.value = this.cell(this.row, this.col).input;
      this.table.focus();
    }
  }

  /** Saves the typed value (if it changed), moves the selection on and hands the keys back to the grid. */
  private async commit(value: string, dr: number, dc: number): Promise<void> {
    const view = this.view;
    if (!view) return;
    const [row, col] = [this.row, this.col];
    if (value !== this.cell(row, col).input) await this.actions.edit(view.name, row, col, value);
    this.choose(row + dr, col + dc, true);
    this.table.focus({ preventScroll: true });
  }
}
