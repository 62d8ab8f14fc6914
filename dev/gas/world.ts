// Everything that outlives a single execution: clock, workbook, stores, triggers, locks, UI, logs.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toEpochMs, VirtualClock } from './clock.js';
import { createCounters } from './counters.js';
import type { CacheEntry } from './services/cache.js';
import type { LockHold } from './services/lock.js';
import type { GridRange } from './services/spreadsheet/a1.js';
import { WorkbookModel } from './services/spreadsheet/model.js';
import type { TriggerRecord } from './services/triggers.js';
import type {
  AlertRecord,
  ButtonName,
  HttpHandler,
  LogEntry,
  MenuSnapshot,
  PanelSnapshot,
  RunResult,
  RuntimeMode,
  RuntimeOptions,
  SentMail,
  ToastRecord,
} from './types.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface UiState {
  menus: MenuSnapshot[];
  sidebar: PanelSnapshot | null;
  dialog: PanelSnapshot | null;
  alerts: AlertRecord[];
  toasts: ToastRecord[];
  /** Answers queued for the next alert()/prompt() calls. */
  answers: { button: ButtonName; text?: string }[];
}

export interface UserState {
  ui: UiState;
  activeSheetId: number;
  activeRange: GridRange | null;
  /** Scopes the user consented to through ScriptApp.requireScopes (granular consent). */
  grantedScopes: Set<string>;
}

export class World {
  readonly buildDir: string;
  readonly scriptTimeZone: string;
  readonly mode: RuntimeMode;
  readonly executionLimitMs: number;
  readonly addonName: string;
  readonly scriptId = '1LocalAppsScriptProjectId000000000000000000000000';
  http: HttpHandler | undefined;

  readonly clock: VirtualClock;
  readonly workbook: WorkbookModel;
  readonly counters = createCounters();
  readonly logs: LogEntry[] = [];
  readonly mail: SentMail[] = [];
  readonly executions: RunResult[] = [];

  readonly userProperties = new Map<string, Map<string, string>>();
  readonly documentProperties = new Map<string, string>();
  readonly scriptProperties = new Map<string, string>();
  readonly caches = new Map<string, Map<string, CacheEntry>>();
  readonly locks = new Map<string, LockHold>();
  /** Users whose e-mail Google does not give the script (a domain policy, a missing scope). */
  readonly hiddenEmails = new Set<string>();
  triggers: TriggerRecord[] = [];
  /** Per user and Pacific-time day: UrlFetch calls and mail recipients, for daily quotas. */
  readonly daily = new Map<string, number>();

  private readonly users = new Map<string, UserState>();
  private seq = { execution: 0, uuid: 0, trigger: 0 };

  constructor(options: RuntimeOptions) {
    this.buildDir = path.resolve(options.buildDir ?? path.join(REPO_ROOT, 'build'));
    this.scriptTimeZone = options.timezone ?? 'America/New_York';
    this.mode = options.mode ?? 'addon';
    this.executionLimitMs = options.executionLimitMs ?? 6 * 60 * 1000;
    this.addonName = options.addonName ?? 'Assembled for Google Sheets';
    this.http = options.http;
    this.clock = new VirtualClock(toEpochMs(options.now ?? '2024-03-01T14:00:00Z'));
    this.workbook = new WorkbookModel(
      '1LocalSpreadsheetId00000000000000000000000000',
      options.spreadsheetName ?? 'Untitled spreadsheet',
      this.scriptTimeZone,
    );
    this.workbook.owner = options.user ?? 'analyst@example.com';
    this.workbook.addSheet('Sheet1');
  }

  user(email: string): UserState {
    let state = this.users.get(email);
    if (!state) {
      state = {
        ui: { menus: [], sidebar: null, dialog: null, alerts: [], toasts: [], answers: [] },
        activeSheetId: this.workbook.sheets[0]?.id ?? 0,
        activeRange: null,
        grantedScopes: new Set(),
      };
      this.users.set(email, state);
    }
    return state;
  }

  userStore(email: string): Map<string, string> {
    let store = this.userProperties.get(email);
    if (!store) {
      store = new Map();
      this.userProperties.set(email, store);
    }
    return store;
  }

  nextExecutionId(): number {
    return ++this.seq.execution;
  }

  nextUuidSeq(): number {
    return ++this.seq.uuid;
  }

  nextTriggerSeq(): number {
    return ++this.seq.trigger;
  }
}
