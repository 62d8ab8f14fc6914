// One workbench session: the real build/ in the local Apps Script runtime, its Assembled backend,
// and the add-on opened in the spreadsheet. Reset makes a new one.

import { type Backend, type BackendOptions, createBackend } from '../backend';
import { createRuntime, type LocalRuntime } from '../gas';

/** How long a time-off request waits for its manager in the workbench's demo org. */
const MANAGERS_DECIDE_AFTER_MS = 4 * 60 * 60_000;
/** Activity the demo org has behind it: "Last month" begins at most 61 UTC days back (on the 31st, east of UTC). */
const HISTORY_DAYS = 62;

export interface SessionOptions extends BackendOptions {
  /** Virtual clock start; default the real time now. */
  now?: Date | number | string;
  timezone?: string;
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

/** The one Cloud project the workbench's fake BigQuery knows. */
export const WORKBENCH_BIGQUERY_PROJECT = 'workbench-demo';

export class Session {
  readonly id = ++serials;
  readonly rt: LocalRuntime;
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
    // A Cloud project the add-on's BigQuery destination can reach in the page (DuckDB, in memory).
    this.rt.bigquery.addProject(WORKBENCH_BIGQUERY_PROJECT);
    // The demo org's managers decide time off as the clock goes on, so Sync time off has news; its
    // history reaches back past the start of last month, so a "Last month" report has no empty days.
    const simulator = {
      managersDecideAfterMs: MANAGERS_DECIDE_AFTER_MS,
      historyDays: HISTORY_DAYS,
      ...options.simulator,
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

  touch(): void {
    this.changes++;
  }

  /** Changes whenever something the page shows may have changed. */
  version(): string {
    return `${this.id}.${this.rt.executions.length}.${this.changes}.${this.sidebar()?.serial ?? 0}.${this.notice?.serial ?? 0}`;
  }

  sidebar(): { serial: number; title: string; html: string } | null {
    const panel = this.rt.ui.sidebar;
    if (panel !== this.sidebarRef) {
      this.sidebarRef = panel;
      this.sidebarSerial = ++serials;
    }
    return panel ? { serial: this.sidebarSerial, title: panel.title, html: panel.html } : null;
  }

  /** The latest toast the script showed, or the error of a menu run, as a notice. */
  collectToasts(): void {
    const toasts = this.rt.ui.toasts;
    if (toasts.length > this.toastCount) {
      const t = toasts[toasts.length - 1];
      this.toastCount = toasts.length;
      if (t) this.say(t.title, t.message);
    }
  }

  say(title: string, message: string): void {
    this.notice = { serial: ++serials, title, message };
  }
}
