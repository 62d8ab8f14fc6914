// One workbench session: the real build/ in the local Apps Script runtime, its Assembled backend,
// and the add-on opened in the spreadsheet. Reset makes a new one.

import { type Backend, type BackendOptions, createBackend } from '../backend';
import { createRuntime, type LocalRuntime } from '../gas';
import { quoteSheet } from './sheet-view';

/** How long a time-off request waits for its manager in the workbench's demo org. */
const MANAGERS_DECIDE_AFTER_MS = 4 * 60 * 60_000;
/** Activity the demo org has behind it: "Last month" begins at most 61 UTC days back (on the 31st, east of UTC). */
const HISTORY_DAYS = 62;

export interface SessionOptions extends BackendOptions {
  /** Virtual clock start; default the real time now. */
  now?: Date | number | string;
  timezone?: string;
  /** The spreadsheet's locale (File ▸ Settings); default en_US. */
  locale?: string;
  buildDir?: string;
  user?: string;
  spreadsheetName?: string;
}

export interface Notice {
  serial: number;
  title: string;
  message: string;
}

/** Across sessions, so a reset never reuses a sidebar's or a version's number. */
let serials = 0;

/**
 * A second editor of the spreadsheet, to try what other editors can and cannot do. They start with
 * no key saved; the simulator issued them this one to paste in Settings.
 */
export const SECOND_EDITOR = 'sam@example.com';
export const SECOND_EDITOR_KEY = 'sk_live_demo_sam';

/** The one Cloud project the workbench's fake BigQuery knows. */
export const WORKBENCH_BIGQUERY_PROJECT = 'workbench-demo';

export class Session {
  readonly id = ++serials;
  /** The spreadsheet as its first editor sees it: they opened it and saved the key at start. */
  readonly rt: LocalRuntime;
  /** The editor at the keyboard: menus, sidebars, google.script.run and toasts are theirs. */
  private atKeyboard: LocalRuntime;
  private readonly others = new Map<string, LocalRuntime>();
  readonly backend: Backend;
  /** Bumped by changes no execution records: edits, selection, closing the sidebar. */
  private changes = 0;
  private sidebarRef: unknown = null;
  private sidebarSerial = 0;
  private toastCount = 0;
  notice: Notice | null = null;

  constructor(options: SessionOptions) {
    this.rt = createRuntime({
      timezone: options.timezone ?? 'America/New_York',
      now: options.now ?? Date.now(),
      spreadsheetName: options.spreadsheetName ?? 'Assembled workbench',
      ...(options.buildDir ? { buildDir: options.buildDir } : {}),
      ...(options.user ? { user: options.user } : {}),
    });
    if (options.locale) this.rt.workbook.setLocale(options.locale);
    this.atKeyboard = this.rt;
    // A Cloud project the add-on's BigQuery destination can reach in the page (DuckDB, in memory).
    this.rt.bigquery.addProject(WORKBENCH_BIGQUERY_PROJECT);
    // The demo org's managers decide time off as the clock goes on, so Sync time off has news; its
    // history reaches back past the start of last month, so a "Last month" report has no empty days.
    const simulator = {
      managersDecideAfterMs: MANAGERS_DECIDE_AFTER_MS,
      historyDays: HISTORY_DAYS,
      ...options.simulator,
      keys: [SECOND_EDITOR_KEY, ...(options.simulator?.keys ?? [])],
    };
    this.backend = createBackend({ ...options, simulator }, () => this.rt.clock.now());
    this.rt.setHttp(this.backend.http);
  }

  /** Opens the spreadsheet (onOpen builds the menu) and saves the backend's key in Settings. */
  async open(): Promise<void> {
    const opened = this.rt.runAsTrigger('onOpen', { authMode: 'NONE' });
    if (opened.error) throw new Error(`onOpen failed: ${opened.error.message}`);
    await this.rt.callFromSidebar('saveSettings', {
      apiKey: this.backend.key,
      timeFormat: this.backend.timeFormat,
      apiVersion: '',
    });
  }

  /** Whoever is at the keyboard. */
  get editor(): LocalRuntime {
    return this.atKeyboard;
  }

  /** The editors the workbench can switch between, the first editor first. */
  editors(): string[] {
    return [this.rt.user, SECOND_EDITOR];
  }

  /**
   * Another editor takes the keyboard, looking at the same sheet and cells. A sidebar belongs to
   * the user who opened it, so the one leaving has theirs closed; the first time in, the spreadsheet
   * opens for the new editor (onOpen builds their menu).
   */
  switchEditor(email: string): void {
    if (!this.editors().includes(email)) throw new Error(`${email} is not an editor in this workbench`);
    const leaving = this.atKeyboard;
    if (email === leaving.user) return;
    let next = email === this.rt.user ? this.rt : this.others.get(email);
    if (!next) {
      next = this.rt.asUser(email);
      const opened = next.runAsTrigger('onOpen', { authMode: 'NONE' });
      if (opened.error) throw new Error(`onOpen failed for ${email}: ${opened.error.message}`);
      this.others.set(email, next);
    }
    const sheet = leaving.workbook.activeSheet();
    const cells = leaving.workbook.selection().slice(sheet.length + 1) || 'A1';
    next.workbook.select(`${quoteSheet(sheet)}!${cells}`);
    leaving.ui.closeSidebar();
    this.atKeyboard = next;
    // Toasts shown to them while away are not news now.
    this.toastCount = next.ui.toasts.length;
    this.touch();
  }

  touch(): void {
    this.changes++;
  }

  /** Changes whenever something the page shows may have changed. */
  version(): string {
    return `${this.id}.${this.rt.executions.length}.${this.changes}.${this.sidebar()?.serial ?? 0}.${this.notice?.serial ?? 0}`;
  }

  sidebar(): { serial: number; title: string; html: string } | null {
    const panel = this.atKeyboard.ui.sidebar;
    if (panel !== this.sidebarRef) {
      this.sidebarRef = panel;
      this.sidebarSerial = ++serials;
    }
    return panel ? { serial: this.sidebarSerial, title: panel.title, html: panel.html } : null;
  }

  /** The latest toast the script showed, or the error of a menu run, as a notice. */
  collectToasts(): void {
    const toasts = this.atKeyboard.ui.toasts;
    if (toasts.length > this.toastCount) {
      const t = toasts[toasts.length - 1];
      this.toastCount = toasts.length;
      if (t) this.say(t.title, t.message);
    }
  }

  say(title: string, message: string): Notice {
    this.notice = { serial: ++serials, title, message };
    return this.notice;
  }
}
