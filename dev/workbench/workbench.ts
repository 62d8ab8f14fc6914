// The workbench's state and actions, independent of HTTP: one session (runtime + backend), the
// clock that follows real time, and what the page can ask for.

import { countText } from '../../src/core/count-text';
import type { CopiedCells, LocalRuntime, MenuEntry } from '../gas';
import { a1Notation, columnLetters, parseA1, resolveA1 } from '../gas/services/spreadsheet/a1';
import { outsideSheet } from '../gas/services/spreadsheet/selection';
import { clockRate, clockRateScript } from './clock-rate';
import { FAULT_PRESETS, type FaultPreset, isFaultPreset } from './faults';
import { FollowClock } from './follow-clock';
import { type Notice, Session, type SessionOptions } from './session';
import { formatTime, quoteSheet, sheetView } from './sheet-view';
import { injectShim } from './sidebar-html';

import { localeChoices, localeProblem, timeZoneChoices, timeZoneProblem } from './spreadsheet-settings';
import type {
  ActionReply,
  LineChange,
  MenuItemView,
  NumberFormat,
  RunReply,
  SettingsView,
  SheetReply,
  SkipProgress,
  SkipReply,
  StateView,
  UndoReply,
  WriteReply,
} from './wire';

import { TAG } from './wire';
import { workbookXlsx } from './xlsx';

export interface WorkbenchOptions extends SessionOptions {
  /** Follow the real clock (default true); tests of exact times can turn it off. */
  followRealClock?: boolean;
  tickMs?: number;
  /** How many virtual ms each real ms of following moves the clock (default 1); tests speed it up. */
  clockRate?: number;
}

const MAX_SKIP_MS = 31 * 24 * 3_600_000;
/** A paste is one request; the server's body limit keeps it well under this anyway. */
const MAX_PASTE_CELLS = 100_000;
/** Sheets refuses a longer sheet name. */
const MAX_SHEET_NAME = 100;

/** Rebuilds what JSON could not carry (see wire.ts), so the runtime judges the real value. */
export function decodeArgument(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeArgument);
  if (v === null || typeof v !== 'object') return v;
  const record = v as Record<string, unknown>;
  switch (record[TAG]) {
    case 'date':
      return new Date(Number(record.ms));
    case 'function':
      return () => undefined;
    case 'instance':
      return new (class Instance {})();
    case 'undefined':
      return undefined;
  }
  return Object.fromEntries(Object.entries(record).map(([k, item]) => [k, decodeArgument(item)]));
}

/** A menu entry as the page needs it: captions and structure, not the script's function names. */
function menuItem(entry: MenuEntry): MenuItemView {
  if (entry.type === 'separator') return { type: 'separator' };
  if (entry.type === 'submenu')
    return { type: 'submenu', caption: entry.caption, items: entry.items.map(menuItem) };
  return { type: 'item', caption: entry.caption };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class Workbench {
  private current: Session;
  private faults: FaultPreset = 'none';
  private readonly clock: FollowClock;
  private readonly rate: number;
  /**
   * Typed writes and rows or columns inserted or deleted, applied, never reset: the page keeps a
   * typed value or the lines it moved shown until a view has them.
   */
  private writes = 0;
  /** The skip under way, which the next waits for. */
  private skipping: Promise<void> = Promise.resolve();
  /** Where the skip under way started and the time it goes to (virtual ms), for its progress. */
  private skipSpan: { from: number; to: number } | null = null;
  /** The user's last copy or cut in the grid, named by the page's token on the clipboard. */
  private clip: { token: string; cells: CopiedCells; cut: boolean } | null = null;
  /** The toast of the last Undo or Redo refused, which the next one done takes down. */
  private refusal: Notice | null = null;

  private constructor(
    private readonly options: WorkbenchOptions,
    session: Session,
    private readonly shim: string,
  ) {
    this.current = session;
    this.rate = clockRate(options.clockRate);
    this.clock = new FollowClock(
      () => ({
        advance: (ms) => {
          this.rt.clock.advance(ms);
          this.current.collectToasts();
        },
      }),
      options.tickMs ?? 1000,
      undefined,
      this.rate,
    );
    if (options.followRealClock !== false) this.clock.start();
  }

  static async create(options: WorkbenchOptions, shim: string): Promise<Workbench> {
    const session = new Session(options);
    await session.open();
    return new Workbench(options, session, shim);
  }

  get session(): Session {
    return this.current;
  }

  /** The runtime as the editor at the keyboard sees it (the workbook, clock and mail are shared). */
  get rt(): LocalRuntime {
    return this.current.editor;
  }

  get banner(): string {
    return this.current.backend.banner;
  }

  state(): StateView {
    const { rt } = this;
    const sidebar = this.current.sidebar();
    const notice = this.current.notice;
    const menus = rt.ui.menus.map((m) => ({
      title: m.title,
      addon: m.addon,
      items: m.items.map(menuItem),
    }));
    return {
      version: this.current.version(),
      backend: this.banner,
      faults: this.current.backend.simulator ? this.faults : null,
      time: this.time(),
      timeZone: rt.workbook.timeZone,
      spreadsheetName: rt.workbook.name,
      user: rt.user,
      editors: this.current.editors(),
      sheets: this.tabs(),
      tabColors: Object.fromEntries(
        rt.workbook.sheetNames().flatMap((name) => {
          const color = rt.workbook.tabColor(name);
          return color ? [[name, color]] : [];
        }),
      ),
      activeSheet: rt.workbook.activeSheet(),
      menus,
      sidebar: sidebar ? { serial: sidebar.serial, title: sidebar.title } : null,
      toast: notice,
      mail: rt.mail.map((m) => ({
        at: formatTime(m.at, rt.workbook.timeZone),
        to: m.to,
        subject: m.subject,
        body: m.body,
      })),
      skip: this.skipProgress(),
      steps: rt.workbook.steps(),
    };
  }

  private skipProgress(): SkipProgress | null {
    const span = this.skipSpan;
    if (!span) return null;
    const done = (this.rt.clock.now() - span.from) / (span.to - span.from);
    return {
      until: formatTime(span.to, this.rt.workbook.timeZone),
      percent: Math.max(0, Math.min(100, Math.floor(done * 100))),
    };
  }

  /**
   * The sheets whose tabs show. Sheets leaves hidden sheets out of its tab bar (they are listed as
   * hidden under All sheets), the add-on's staging sheets among them; one in view keeps its tab.
   */
  private tabs(): string[] {
    const wb = this.rt.workbook;
    const active = wb.activeSheet();
    return wb.sheetNames().filter((name) => name === active || !wb.isHidden(name));
  }

  sheet(name: string): SheetReply {
    return { ...sheetView(this.rt, name), writes: this.writes };
  }

  /** The open sidebar's page with google.script.run bridged to this workbench; null if it changed. */
  sidebarHtml(serial: number): string | null {
    const sidebar = this.current.sidebar();
    if (!sidebar || sidebar.serial !== serial) return null;
    return injectShim(sidebar.html, clockRateScript(this.rate) + this.shim);
  }

  /**
   * google.script.run: the runtime's rules, errors as their message. `from` is the editor whose
   * sidebar made the call: a call still on its way when another editor took the keyboard does not
   * run as them.
   */
  async run(fn: string, args: unknown[], from?: string): Promise<RunReply> {
    if (from !== undefined && from !== this.rt.user)
      return { ok: false, message: `This sidebar was ${from}'s, who is no longer at the keyboard.` };
    try {
      const value = await this.rt.callFromSidebar(fn, ...args.map(decodeArgument));
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    } finally {
      this.current.collectToasts();
    }
  }

  /** Extensions ▸ menu ▸ item: runs the item's function as the user's execution. */
  menu(path: string[]): ActionReply {
    try {
      const result = this.rt.ui.click(...path);
      this.current.collectToasts();
      if (result.error) {
        this.current.say('Error', result.error.message);
        return { ok: false, message: result.error.message };
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  }

  /**
   * The user clicks a cell, or a tab (`back`: the selection they left on that sheet, which rows or
   * columns deleted since may have taken to its edge).
   */
  select(sheet: string, a1 = 'A1', back = false): ActionReply {
    try {
      // The page already shows its own selection; a new sheet shows as activeSheet changes.
      const range = `${quoteSheet(sheet)}!${a1}`;
      if (back) this.rt.workbook.returnTo(range);
      else this.rt.workbook.select(range);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  }

  /**
   * The user types or pastes a block of text at (row, column): each cell as Sheets interprets typing
   * (numbers, dates, formulas, 'text); an empty string clears the cell. `clip`: the block is a paste
   * of cells copied in the grid (copy() got them): while that copy is the last one made, its cells
   * are laid down as Sheets pastes its own, notes, formats and validation with them, over the extent
   * of `values`; else (another program's text, or a workbench started since) the text is typed.
   * `valuesOnly`: Ctrl+Shift+V, which lays down the copied cells' values only, as Sheets does.
   */
  write(
    sheet: string,
    row: number,
    column: number,
    values: string[][],
    clip?: string,
    valuesOnly = false,
  ): WriteReply {
    if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1)
      return { ok: false, message: 'Cells are counted from row 1, column 1' };
    const cells = values.reduce((n, line) => n + line.length, 0);
    if (cells > MAX_PASTE_CELLS)
      return { ok: false, message: `Paste at most ${countText(MAX_PASTE_CELLS)} cells at once` };
    const copied = clip !== undefined && this.clip?.token === clip ? this.clip : null;
    const width = Math.max(1, ...values.map((line) => line.length));
    const extent = { row, col: column, numRows: Math.max(1, values.length), numCols: width };
    const target = `${quoteSheet(sheet)}!${a1Notation(extent)}`;
    // The cells it may change, for Undo: those typed or pasted over (a block copied lands in its
    // own size), and those a cut takes away.
    const landing = copied
      ? {
          ...extent,
          numRows: Math.max(copied.cells.rows, extent.numRows),
          numCols: Math.max(copied.cells.cols, width),
        }
      : extent;
    const reach: (string | CopiedCells)[] = [`${quoteSheet(sheet)}!${a1Notation(landing)}`];
    if (copied?.cut) reach.push(copied.cells);
    const reply = this.edited(
      sheet,
      'it cannot be edited',
      () => {
        if (copied) {
          const landed = this.rt.workbook.paste(
            copied.cells,
            target,
            copied.cut,
            valuesOnly ? 'values' : 'all',
          );
          this.clip = { ...copied, cells: landed, cut: false };
        } else this.rt.workbook.write(sheet, values, { row, column });
      },
      reach,
    );
    return reply.ok ? { ok: true, writes: ++this.writes } : reply;
  }

  /**
   * The user copies (Ctrl+C) or cuts (Ctrl+X) a range in the grid: its cells as they are now are
   * kept under the page's token, for a paste of it here. A cut changes nothing until it is pasted,
   * as in Sheets: its cells then leave where they were.
   */
  copy(sheet: string, a1: string, cut: boolean, token: string): ActionReply {
    try {
      if (!this.rt.workbook.sheetNames().includes(sheet)) throw new Error(`No sheet named ${sheet}`);
      if (this.rt.workbook.dataSource(sheet)) return { ok: true };
      const cells = this.rt.workbook.copy(`${quoteSheet(sheet)}!${a1}`);
      this.clip = { token, cells, cut };
      return { ok: true };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  }

  /**
   * The user inserts or deletes rows or columns from the grid's menu, as the runtime's model does it
   * for a person (not a script): cells, merges and the add-on's developer metadata move with them,
   * and lines inserted take the formatting of their neighbour (`inherit`).
   * Lines past the sheet's end are no lines of it (the grid shows none): refused, as the selection is.
   * Counted with the typed writes: the page draws the lines moved until a view has them.
   */
  changeLines(sheet: string, change: LineChange): WriteReply {
    const wb = this.rt.workbook;
    const { lines, action, at, count } = change;
    const reply = this.edited(sheet, 'its rows and columns cannot be inserted or deleted', () => {
      if (![at, count].every((n) => Number.isInteger(n) && n >= 1))
        throw new Error('Rows and columns are counted from 1');
      const rows = lines === 'rows';
      const size = wb.size(sheet);
      const max = rows ? size.maxRows : size.maxColumns;
      const reach = action === 'insert' ? at - 1 : at + count - 1;
      if (action === 'delete' && count >= Math.max(max, reach))
        throw new Error(`You can't delete all the ${lines} on the sheet.`);
      if (reach > max) {
        const [first, last] = action === 'insert' ? [at - 1, at - 1] : [at, at + count - 1];
        const named = rows ? `${first}:${last}` : `${columnLetters(first)}:${columnLetters(last)}`;
        throw new Error(outsideSheet(named, sheet, size.maxRows, size.maxColumns));
      }
      const insert = rows ? wb.insertRows.bind(wb) : wb.insertColumns.bind(wb);
      // Formatted as the line after them (Insert above) or before them (Insert below), as in Sheets.
      if (action === 'insert') insert(sheet, at, count, change.inherit ?? 'after');
      else if (rows) wb.deleteRows(sheet, at, count);
      else wb.deleteColumns(sheet, at, count);
    });
    return reply.ok ? { ok: true, writes: ++this.writes } : reply;
  }

  /**
   * The user sets the number format of a selection (Format ▸ Number), as Sheets does: Plain text
   * ('@') keeps what is typed or pasted there as typed (007, 2026-11-20); the values already there
   * stay (a number shows as text). Automatic takes the format off, and typing is read again.
   */
  numberFormat(sheet: string, a1: string, format: NumberFormat): ActionReply {
    const wb = this.rt.workbook;
    const range = `${quoteSheet(sheet)}!${a1}`;
    return this.edited(
      sheet,
      'it cannot be formatted',
      () => wb.numberFormat(range, format === 'plain text' ? '@' : null),
      [range],
    );
  }

  /**
   * The user inserts or edits the note of a cell (right-click ▸ Insert note, Shift+F2), or deletes
   * it by clearing its text, as in Sheets: the add-on's getNote reads what they left.
   */
  note(sheet: string, a1: string, text: string): ActionReply {
    const wb = this.rt.workbook;
    const reach = [`${quoteSheet(sheet)}!${a1}`];
    return this.edited(
      sheet,
      'its cells take no notes',
      () => {
        const size = wb.size(sheet);
        const parts = parseA1(a1);
        const cell = parts && !parts.sheetName ? resolveA1(parts, size.maxRows, size.maxColumns) : null;
        if (!cell || cell.numRows * cell.numCols !== 1)
          throw new Error(`A note goes on one cell, e.g. B2: ${a1}`);
        if (cell.row > size.maxRows || cell.col > size.maxColumns)
          throw new Error(outsideSheet(a1, sheet, size.maxRows, size.maxColumns));
        wb.note(`${quoteSheet(sheet)}!${a1}`, text);
      },
      reach,
    );
  }

  /**
   * Data ▸ Create a filter over the selection (one cell: the sheet's data range, as Sheets takes
   * the table around it), or Data ▸ Remove filter: the editor's change, as numberFormat is.
   */
  filter(sheet: string, a1: string, action: 'create' | 'remove'): ActionReply {
    const wb = this.rt.workbook;
    return this.edited(
      sheet,
      'it has no filter here',
      () => {
        if (action === 'remove') wb.removeFilter(sheet);
        else {
          const { lastRow, lastColumn } = wb.size(sheet);
          const whole = `A1:${columnLetters(Math.max(1, lastColumn))}${Math.max(1, lastRow)}`;
          wb.createFilter(`${quoteSheet(sheet)}!${a1.includes(':') ? a1 : whole}`);
        }
      },
      // No cell changes: the sheet's filter is kept with its rows and columns.
      [],
    );
  }

  /**
   * Data ▸ Sort range over the selection, by one of its columns (1-based in the sheet), A to Z or
   * Z to A; `header`: its first row stays on top ("Data has header row"). The rows move within
   * the selection's columns only, as Sheets sorts them (the fake's sort.ts, Range.sort's too).
   */
  sort(sheet: string, a1: string, column: number, ascending: boolean, header: boolean): ActionReply {
    const wb = this.rt.workbook;
    return this.edited(
      sheet,
      'it cannot be sorted here',
      () => {
        const size = wb.size(sheet);
        const parts = parseA1(a1);
        const grid = parts && !parts.sheetName ? resolveA1(parts, size.maxRows, size.maxColumns) : null;
        if (!grid) throw new Error(`Give the range to sort, e.g. A2:C9: ${a1}`);
        const top = header ? grid.row + 1 : grid.row;
        const rows = grid.row + grid.numRows - top;
        // Sheets offers Sort range for a range of more than one cell only.
        if (grid.numRows * grid.numCols < 2)
          throw new Error('Select the cells to sort first: Sort range sorts a range of more than one cell.');
        if (rows < 1) return;
        const range = a1Notation({ row: top, col: grid.col, numRows: rows, numCols: grid.numCols });
        wb.sortRange(`${quoteSheet(sheet)}!${range}`, [{ column, ascending }]);
      },
      [`${quoteSheet(sheet)}!${a1}`],
    );
  }

  /**
   * An editor's change to a sheet: refused on a sheet that is not there, or on a Connected Sheets
   * view (`refused`: what it cannot take), else made as their edit, which their Undo can take back
   * (`reach`: the cells it may change, if known; see WorkbookView.edit), and the page told of it.
   */
  private edited(
    sheet: string,
    refused: string,
    change: () => void,
    reach?: (string | CopiedCells)[],
  ): ActionReply {
    const wb = this.rt.workbook;
    try {
      if (!wb.sheetNames().includes(sheet)) throw new Error(`No sheet named ${sheet}`);
      if (wb.dataSource(sheet))
        throw new Error(`${sheet} is a Connected Sheets view of a BigQuery table: ${refused}`);
      wb.edit(sheet, change, reach);
      this.current.touch();
      return { ok: true };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  }

  /**
   * Edit ▸ Undo (Ctrl+Z), or Redo (Ctrl+Y): the editor's last edit taken back (or brought back),
   * as Sheets does; the add-on's writes are not theirs to undo. An edit whose cells the add-on or
   * another editor has changed since is left as it is, which the toast says: undone, it would
   * throw their change away. Gives the sheet it was on, for the page to show; null when there was
   * nothing to undo. One done takes down the toast of one refused before it, which no longer holds.
   */
  undo(again = false): UndoReply {
    const stepped = again ? this.rt.workbook.redo() : this.rt.workbook.undo();
    if (stepped.sheet === undefined) return { ok: true, sheet: null };
    if (!stepped.done) {
      const { sheet, changed } = stepped;
      const what =
        changed === 'sheet'
          ? `deleted ${sheet}`
          : changed === 'name'
            ? `given another sheet the name ${sheet}`
            : changed === 'lines'
              ? `changed the rows or columns of ${sheet}`
              : `changed ${quoteSheet(sheet)}!${changed.cells}`;
      const [done, doing] = again ? ['redone', 'redoing'] : ['undone', 'undoing'];
      const next = again ? '' : ' Undo again to go on to the edit before it.';
      this.refusal = this.current.say(
        `Not ${done}`,
        `Your edit was not ${done}: the add-on or another editor has ${what} since, and ${doing} it would lose their change.${next}`,
      );
    }
    const withdrawn = stepped.done && this.refusal === this.current.notice ? this.refusal : null;
    if (withdrawn) this.current.notice = this.refusal = null;
    this.current.touch();
    return withdrawn
      ? { ok: true, sheet: stepped.sheet, withdrawn: withdrawn.serial }
      : { ok: true, sheet: stepped.sheet };
  }

  addSheet(): ActionReply {
    const names = new Set(this.rt.workbook.sheetNames());
    let n = names.size + 1;
    while (names.has(`Sheet${n}`)) n++;
    this.rt.workbook.addSheet(`Sheet${n}`);
    return this.select(`Sheet${n}`);
  }

  /** The user renames a sheet from its tab, as Sheets allows: a name of its own, 100 characters at most. */
  renameSheet(from: string, to: string): ActionReply {
    const name = to.trim();
    if (!name) return { ok: false, message: 'A sheet needs a name.' };
    if (name.length > MAX_SHEET_NAME)
      return { ok: false, message: `A sheet name is at most ${MAX_SHEET_NAME} characters.` };
    try {
      this.rt.workbook.renameSheet(from, name);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  }

  /** The user deletes a sheet from its tab; Sheets keeps at least one visible sheet. */
  deleteSheet(name: string): ActionReply {
    const wb = this.rt.workbook;
    const visible = wb.sheetNames().filter((n) => !wb.isHidden(n));
    if (visible.length === 1 && visible[0] === name)
      return { ok: false, message: "You can't remove all the visible sheets in a document." };
    try {
      wb.deleteSheet(name);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  }

  /** File ▸ Settings as the dialog opens: the spreadsheet's locale and time zone, and the choices. */
  settings(): SettingsView {
    const wb = this.rt.workbook;
    return {
      locale: wb.locale,
      timeZone: wb.timeZone,
      locales: localeChoices(),
      timeZones: timeZoneChoices(this.rt.clock.now(), wb.timeZone),
    };
  }

  /**
   * The editor saves File ▸ Settings: a change to the spreadsheet, not an execution. Typing is read
   * by the new locale from then on and the clock shows the new zone; cells keep their values.
   */
  saveSettings(locale: string, timeZone: string): ActionReply {
    const problem = localeProblem(locale) ?? timeZoneProblem(timeZone);
    if (problem) return { ok: false, message: problem };
    this.rt.workbook.setLocale(locale);
    this.rt.workbook.setTimeZone(timeZone);
    this.current.touch();
    return { ok: true };
  }

  /** The clock as the top bar shows it: in the spreadsheet's time zone. */
  private time(): string {
    return formatTime(this.rt.clock.now(), this.rt.workbook.timeZone);
  }

  /**
   * Jumps the virtual clock ahead, firing every trigger that falls due on the way, in one go: the
   * runtime goes from one due trigger to the next (nothing runs between them), and answers other
   * requests between those executions, so the page reads the clock and the skip's progress from
   * its state meanwhile. Gives the time it left the clock at.
   */
  async skip(ms: number): Promise<SkipReply> {
    if (!Number.isFinite(ms) || ms <= 0 || ms > MAX_SKIP_MS)
      return { ok: false, message: 'Skip between 1 ms and 31 days' };
    // Skips asked for at once (two pages) each add their time: one after another, never two at
    // once from the same start (three quick "+1 day" made two days).
    const skipped = this.skipping.then(async () => {
      const from = this.rt.clock.now();
      this.skipSpan = { from, to: from + ms };
      try {
        await this.rt.clock.advanceAsync(ms);
      } finally {
        this.skipSpan = null;
      }
      this.current.collectToasts();
    });
    this.skipping = skipped.catch(() => undefined);
    await skipped;
    return { ok: true, time: this.time() };
  }

  /** Another editor of the spreadsheet takes the keyboard (the top bar's Editor). */
  switchEditor(email: string): ActionReply {
    try {
      this.current.switchEditor(email);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  }

  closeSidebar(): ActionReply {
    this.rt.ui.closeSidebar();
    return { ok: true };
  }

  /**
   * A fresh runtime and backend: an empty spreadsheet, the add-on opened, the key saved, the first
   * editor at the keyboard.
   */
  async reset(): Promise<void> {
    const next = new Session(this.options);
    await next.open();
    this.current = next;
    this.faults = 'none';
  }

  /** How the simulated Assembled misbehaves; refused when the workbench talks to the real one. */
  setFaults(preset: string): ActionReply {
    const simulator = this.current.backend.simulator;
    if (!simulator)
      return { ok: false, message: 'Faults are for the simulator: this workbench uses the real API.' };
    if (!isFaultPreset(preset)) return { ok: false, message: `No such fault: ${preset}` };
    simulator.setFaults(FAULT_PRESETS[preset].faults);
    this.faults = preset;
    return { ok: true };
  }

  xlsx(): Promise<Buffer> {
    return workbookXlsx(this.rt);
  }

  close(): void {
    this.clock.stop();
  }
}
