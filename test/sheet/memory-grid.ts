// A plain in-memory Grid for unit tests of the writer; the Apps Script one is tested through the
// local runtime. Like the sheet adapter, it has a size (1000 x 26 to start, or the initial data's)
// that a write past its edge grows; it records each write's cell count and each growth.
import type { Extent, Grid } from '../../src/core/sheet/grid';
import { WriteRefused } from '../../src/core/sheet/write-table';
import type { CellValue } from '../../src/core/table/build-table';

export class MemoryGrid implements Grid {
  cells: CellValue[][] = [];
  writes = 0;
  /** Cells of each write call, in order. */
  writeCells: number[] = [];
  growths = 0;
  size: Extent = { rows: 1000, cols: 26 };
  formats = new Map<string, string>();
  header?: { row: number; col: number; cols: number; note: string };

  constructor(
    initial: CellValue[][] = [],
    readonly otherCells = 0,
  ) {
    this.cells = initial.map((r) => [...r]);
    this.size = {
      rows: Math.max(1000, initial.length),
      cols: Math.max(26, ...initial.map((r) => r.length)),
    };
  }

  used(): Extent {
    let rows = 0;
    let cols = 0;
    for (const [i, r] of this.cells.entries()) {
      if (!r) continue;
      for (const [j, v] of r.entries()) {
        if (v !== '' && v !== undefined) {
          rows = Math.max(rows, i + 1);
          cols = Math.max(cols, j + 1);
        }
      }
    }
    return { rows, cols };
  }
  gridSize(): Extent {
    return { ...this.size };
  }
  spreadsheetCells(): number {
    return this.otherCells + this.size.rows * this.size.cols;
  }
  growTo(e: Extent): void {
    if (e.rows <= this.size.rows && e.cols <= this.size.cols) return;
    this.growths++;
    this.size = { rows: Math.max(this.size.rows, e.rows), cols: Math.max(this.size.cols, e.cols) };
  }
  trimTo(e: Extent): void {
    this.size = {
      rows: Math.max(1, Math.min(this.size.rows, e.rows)),
      cols: Math.max(1, Math.min(this.size.cols, e.cols)),
    };
  }
  read(row: number, col: number, rows: number, cols: number): CellValue[][] {
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => this.cells[row - 1 + i]?.[col - 1 + j] ?? ''),
    );
  }
  /**
   * Cells written a string starting with = and no apostrophe: formulas, as Sheets reads them (a
   * read gives the formula's text here, as nothing computes it).
   */
  formulaCells = new Map<string, string>();
  /** Writes a formula and the value a read gives for it, as Sheets would compute it. */
  formula(row: number, col: number, formula: string, shows: CellValue): void {
    this.write(row, col, [[shows]]);
    this.formulaCells.set(`${row},${col}`, formula);
  }
  formulas(row: number, col: number, rows: number, cols: number): string[][] {
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => this.formulaCells.get(`${row + i},${col + j}`) ?? ''),
    );
  }
  write(row: number, col: number, values: CellValue[][]): void {
    const width = values[0]?.length ?? 0;
    this.growTo({ rows: row + values.length - 1, cols: col + width - 1 });
    this.writes++;
    this.writeCells.push(values.length * width);
    values.forEach((r, i) => {
      r.forEach((v, j) => {
        const line = this.cells[row - 1 + i] ?? [];
        this.cells[row - 1 + i] = line;
        for (let k = line.length; k < col - 1 + j; k++) line[k] = '';
        // Sheets drops the protecting apostrophe; without one, "=…" is a formula.
        line[col - 1 + j] = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
        const at = `${row + i},${col + j}`;
        if (typeof v === 'string' && v.startsWith('=')) this.formulaCells.set(at, v);
        else this.formulaCells.delete(at);
      });
    });
  }
  clear(row: number, col: number, rows: number, cols: number): void {
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        const line = this.cells[row - 1 + i];
        if (line && col - 1 + j < line.length) line[col - 1 + j] = '';
        this.formulaCells.delete(`${row + i},${col + j}`);
      }
  }
  setColumnFormat(row: number, col: number, rows: number, format: string): void {
    this.formats.set(`${row},${col},${rows}`, format);
  }
  /** Blocks readied before writing; set `refuse` to stand for a protection. */
  prepared: string[] = [];
  refuse?: string;
  prepare(row: number, col: number, rows: number, cols: number): void {
    if (this.refuse) throw new WriteRefused(this.refuse);
    this.prepared.push(`${row},${col},${rows},${cols}`);
  }
  /** Notes of cells other than the header's first. */
  notes = new Map<string, string>();
  noteAt(row: number, col: number): string {
    return this.header && this.header.row === row && this.header.col === col
      ? this.header.note
      : (this.notes.get(`${row},${col}`) ?? '');
  }
  rowNotes(row: number, col: number, cols: number): string[] {
    return Array.from({ length: cols }, (_, i) => this.noteAt(row, col + i));
  }
  columnNotes(row: number, col: number, rows: number): string[] {
    return Array.from({ length: rows }, (_, i) => this.noteAt(row + i, col));
  }
  setColumnNotes(row: number, col: number, notes: string[]): void {
    for (const [i, note] of notes.entries()) this.notes.set(`${row + i},${col}`, note);
  }
  setNote(row: number, col: number, note: string): void {
    if (this.header && this.header.row === row && this.header.col === col) this.header.note = note;
    else this.notes.set(`${row},${col}`, note);
  }
  styleHeader(row: number, col: number, cols: number, note: string): void {
    this.header = { row, col, cols, note };
  }
  text(): string[][] {
    const { rows, cols } = this.used();
    return this.read(1, 1, rows, cols).map((r) =>
      r.map((v) => (v instanceof Date ? v.toISOString() : String(v))),
    );
  }
}
