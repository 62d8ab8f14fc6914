// What the workbench page, the sidebar shim and the server say to each other (JSON over HTTP and
// postMessage). google.script.run arguments cross as JSON, so values JSON cannot carry (Date,
// function, class instance, undefined) travel as tagged markers and are rebuilt on the server,
// where the runtime applies Apps Script's rules to the real thing.

export const TAG = '\u0000workbench';

/** Empty rows under a sheet's data whose dropdowns the view carries (a template's), and at least GRID_MIN_ROWS. */
export const GRID_PAD_ROWS = 20;
export const GRID_MIN_ROWS = 40;
/** Rows of a sheet sent to the page at most (the .xlsx download has them all); the grid goes no further. */
export const MAX_ROWS = 2000;
/** Columns of a sheet the grid draws at most (ZZ): wider would not draw. */
export const MAX_COLUMNS = 702;

export type Tagged = { [TAG]: 'date'; ms: number } | { [TAG]: 'function' | 'instance' | 'undefined' };

export interface MenuItemView {
  type: 'item' | 'separator' | 'submenu';
  caption?: string;
  items?: MenuItemView[];
  /** Shown greyed out, as Sheets shows an item that does not apply to the selection: it does nothing. */
  greyed?: boolean;
  /** Its keys, shown at its right as Sheets shows them ("Ctrl+Z"). */
  shortcut?: string;
}

export interface MenuView {
  title: string;
  addon: boolean;
  items: MenuItemView[];
}

export interface StateView {
  /** Changes whenever the workbook, the UI or the runtime may have changed. */
  version: string;
  backend: string;
  /** How the simulated Assembled misbehaves (a FAULT_PRESETS key); null with the real API. */
  faults: string | null;
  /** Virtual time in the spreadsheet's zone, e.g. "2026-05-25 08:00:03 EDT". */
  time: string;
  timeZone: string;
  spreadsheetName: string;
  /** The editor at the keyboard: the menu, sidebar and toasts are theirs. */
  user: string;
  /** The editors the page can switch between, the first editor first. */
  editors: string[];
  /** The sheets that have a tab, in order: hidden ones are left out, as Sheets leaves them out. */
  sheets: string[];
  /** The colour of each sheet's tab that has one (#rrggbb), by sheet name. */
  tabColors: Record<string, string>;
  activeSheet: string;
  menus: MenuView[];
  sidebar: { serial: number; title: string } | null;
  /** Most recent toast and error of a menu run, newest first; text only. */
  toast: { serial: number; title: string; message: string } | null;
  /** The e-mail the add-on sent (MailApp), oldest first: no mail leaves the workbench. */
  mail: MailView[];
  /** A skip of the clock under way: the page keeps its skip buttons off until it is done. */
  skip: SkipProgress | null;
  /** How many of their edits the editor's Undo and Redo can take back and bring back. */
  steps: { undo: number; redo: number };
}

/** How far a skip has gone: the time it is going to (as `time` reads) and the share done. */
export interface SkipProgress {
  until: string;
  percent: number;
}

export interface MailView {
  /** When it was sent, in the spreadsheet's zone. */
  at: string;
  to: string;
  subject: string;
  body: string;
}

export interface CellView {
  /** What the cell shows (number formats applied). */
  text: string;
  /** The formula, or what the formula bar shows for a value. */
  input: string;
  numeric?: boolean;
  bold?: boolean;
  note?: string;
  choices?: string[];
  /** A cell with checkbox validation holding TRUE, FALSE or nothing: drawn as a box, as Sheets does. */
  checkbox?: 'checked' | 'unchecked';
  /** '#rrggbb' when not the default white / black: the cell's own, or a conditional format's. */
  background?: string;
  color?: string;
}

/** An embedded chart with the data of its ranges read out: the page draws it over the grid. */
export interface ChartView {
  id: number;
  type: string;
  title: string;
  xTitle: string;
  yTitle: string;
  /** Anchor cell (1-based) and pixel offset from its top-left corner, as setPosition gives them. */
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  /** The domain (first column) as the sheet shows it, so times read in the sheet's zone. */
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
}

export interface SheetView {
  name: string;
  frozenRows: number;
  frozenColumns: number;
  /** Pixel widths of the columns given one, by 1-based column. */
  columnWidths: Record<number, number>;
  /** Rows and columns with content. */
  lastRow: number;
  lastColumn: number;
  /** The sheet's rows and columns (getMaxRows, getMaxColumns): the grid has no cell past them, as in Sheets. */
  maxRows: number;
  maxColumns: number;
  /** Rows sent (a long sheet is cut; the download has everything). */
  rows: CellView[][];
  truncated: boolean;
  charts: ChartView[];
  /** The sheet's filter (Data ▸ Create a filter): its range, whose first row shows filter buttons. */
  filter?: { a1: string; row: number; col: number; lastCol: number };
  /** A Connected Sheets data source sheet: what it reads (its rows are the preview; read-only). */
  dataSource?: DataSourceInfo;
}

export interface DataSourceInfo {
  /** project.dataset.table (or the query) it reads. */
  table: string;
  state: string;
  /** Preview rows shown; truncated when the table has more. */
  rows: number;
  truncated: boolean;
  runBy: string;
  /** When its last execution finished, in the spreadsheet's zone ('' before the first). */
  refreshed: string;
  error: string;
}

/** One option of a settings picker: the value saved and the words shown. */
export interface SettingsChoice {
  value: string;
  label: string;
}

/** File ▸ Settings: the spreadsheet's locale and time zone, and what the dialog offers. */
export interface SettingsView {
  locale: string;
  timeZone: string;
  locales: SettingsChoice[];
  timeZones: SettingsChoice[];
}

/** Rows or columns, as a row's or column's menu in the grid inserts or deletes them. */
export type Lines = 'rows' | 'columns';

/**
 * Lines inserted before `at`, or deleted from `at` on (1-based, `count` of them). Lines inserted take
 * the formatting of the line before them (Insert below / right) or after them (above / left: the
 * default), as in Sheets.
 */
export interface LineChange {
  lines: Lines;
  action: 'insert' | 'delete';
  at: number;
  count: number;
  inherit?: 'before' | 'after';
}

/** Format ▸ Number's choices the workbench has: Automatic (no format) and Plain text ('@'). */
export type NumberFormat = 'automatic' | 'plain text';

export type RunReply = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * /api/run's answer: the call's reply, and the sheet in front after it, which the page draws before
 * handing the reply to the sidebar when the call put another there.
 */
export type RunAnswer = RunReply & { front?: string };

export type ActionReply = { ok: true } | { ok: false; message: string };

/** A skip of the clock done: the time it shows now, in the spreadsheet's zone (as StateView's). */
export type SkipReply = { ok: true; time: string } | { ok: false; message: string };

/** A sheet as the server sends it: `writes` counts the writes (WriteReply) applied before it was built. */
export interface SheetReply extends SheetView {
  writes: number;
}

/**
 * A typed write, or rows or columns inserted or deleted: `writes` counts those applied so far, so a
 * view with as many has this one.
 */
export type WriteReply = { ok: true; writes: number } | { ok: false; message: string };

/**
 * Edit ▸ Undo or Redo: the sheet of the edit it took back or refused (the page shows it), or null
 * for none; `withdrawn`: the toast of a refused one before it, taken down as this one was done.
 */
export type UndoReply = { ok: true; sheet: string | null; withdrawn?: number };

/**
 * Messages between the sidebar's iframe and the page; `f6`: F6 was pressed in the sidebar (regions.ts).
 * A call's `sidebar` names the page that made it (shim.ts), and its result carries it back.
 */
export type FrameMessage =
  | { kind: 'run'; sidebar: string; id: number; fn: string; args: unknown[] }
  | { kind: 'close' }
  | { kind: 'f6'; back: boolean };

/** `enter`: F6 brought the keyboard into the sidebar, which puts it on its heading (shim.ts). */
export type PageMessage =
  | { kind: 'result'; sidebar: string; id: number; reply: RunReply }
  | { kind: 'enter' };
