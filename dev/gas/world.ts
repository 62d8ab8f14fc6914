// Everything that outlives a single execution: clock, workbook, stores, triggers, locks, UI, logs.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Warehouse } from './bigquery/warehouse.js';
import { toEpochMs, VirtualClock } from './clock.js';
import { createCounters, type ServiceName } from './counters.js';
import type { CacheEntry } from './services/cache.js';
import type { LockHold } from './services/lock.js';
import type { GridRange } from './services/spreadsheet/a1.js';
import { WorkbookModel } from './services/spreadsheet/model.js';
import { emptyHistory, type History } from './services/spreadsheet/undo.js';
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

/** Where a test cuts an execution short: at its `call`-th call of a service from now (1-based). */
export interface KillPlan {
  service: ServiceName;
  call: number;
  seen: number;
}

/** rt.meanwhile's plan: other work run just before an execution's `call`-th call of a service from now. */
export interface MeanwhilePlan {
  service: ServiceName;
  call: number;
  seen: number;
  run: () => void;
}

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

/** One user in one spreadsheet: what they see there. */
export interface UserState {
  ui: UiState;
  activeSheetId: number;
  activeRange: GridRange | null;
  /** Their own edits, for their Edit ▸ Undo and Redo (undo.ts). */
  history: History;
}

/** A spreadsheet where the add-on runs: its cells and its Document properties. */
export interface DocumentState {
  readonly workbook: WorkbookModel;
  readonly properties: Map<string, string>;
}

/** What the runtime reads from the build's appsscript.json. */
export interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: { userSymbol: string; serviceId: string; version: string }[] };
}

export function readManifest(buildDir: string): Manifest {
  const file = path.join(buildDir, 'appsscript.json');
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

const DOCUMENT_ID = '1LocalSpreadsheetId00000000000000000000000000';

export class World {
  readonly buildDir: string;
  /** The manifest's timeZone: Date's local-time methods and Session.getScriptTimeZone use it. */
  readonly scriptTimeZone: string;
  /** A new spreadsheet's time zone (options.timezone): what the sheet's dates are in. */
  readonly spreadsheetTimeZone: string;
  /** The manifest's oauthScopes; null when it lists none (Apps Script then detects them). */
  readonly scopes: ReadonlySet<string> | null;
  /** userSymbols of the manifest's advanced services; null without a manifest (all of them). */
  readonly advancedServices: ReadonlySet<string> | null;
  /** What the BigQuery advanced service reaches: projects, datasets, tables, jobs. */
  readonly bigquery: Warehouse;
  readonly mode: RuntimeMode;
  readonly testDeployment: boolean;
  readonly executionLimitMs: number;
  /** rt.killAfter's plan; it lapses when the execution it was meant for ends. */
  pendingKill: KillPlan | undefined;
  /** rt.meanwhile's plan; it waits for the call, in whichever execution makes it. */
  meanwhile: MeanwhilePlan | undefined;
  readonly triggerRuntimePerDayMs: number;
  readonly addonName: string;
  readonly scriptId = '1LocalAppsScriptProjectId000000000000000000000000';
  http: HttpHandler | undefined;

  readonly clock: VirtualClock;
  /** Every spreadsheet where the add-on runs, the first one created with the runtime. */
  readonly documents = new Map<string, DocumentState>();
  /** The document of the execution under way (the first one between executions). */
  currentDocumentId = DOCUMENT_ID;
  readonly counters = createCounters();
  readonly logs: LogEntry[] = [];
  readonly mail: SentMail[] = [];
  readonly executions: RunResult[] = [];

  readonly userProperties = new Map<string, Map<string, string>>();
  /** Scopes each user consented to through ScriptApp.requireScopes (granular consent). */
  readonly grantedScopes = new Map<string, Set<string>>();
  /** Scopes a user unticks or declines whenever Google asks for them (rt.declineScopes). */
  readonly declinedScopes = new Map<string, Set<string>>();
  readonly scriptProperties = new Map<string, string>();
  readonly caches = new Map<string, Map<string, CacheEntry>>();
  readonly locks = new Map<string, LockHold>();
  /** Users whose e-mail Google does not give the script (a domain policy, a missing scope). */
  readonly hiddenEmails = new Set<string>();
  /** RuntimeOptions.connectedSheets: who has Connected Sheets on their account. */
  readonly connectedSheets: boolean | readonly string[];
  readonly dataExecutionMs: number;
  triggers: TriggerRecord[] = [];
  /** Per user and Pacific-time day: UrlFetch calls, mail recipients, trigger runtime, for daily quotas. */
  readonly daily = new Map<string, number>();

  private readonly users = new Map<string, UserState>();
  private seq = { execution: 0, uuid: 0, trigger: 0, document: 0 };

  constructor(options: RuntimeOptions) {
    this.buildDir = path.resolve(options.buildDir ?? path.join(REPO_ROOT, 'build'));
    const manifest = readManifest(this.buildDir);
    this.spreadsheetTimeZone = options.timezone ?? 'America/New_York';
    this.scriptTimeZone = options.scriptTimeZone ?? manifest.timeZone ?? this.spreadsheetTimeZone;
    const scopes = options.oauthScopes ?? manifest.oauthScopes;
    this.scopes = scopes ? new Set(scopes) : null;
    const hasManifest = Object.keys(manifest).length > 0;
    this.advancedServices = hasManifest
      ? new Set((manifest.dependencies?.enabledAdvancedServices ?? []).map((s) => s.userSymbol))
      : null;
    this.mode = options.mode ?? 'addon';
    this.testDeployment = options.testDeployment ?? false;
    this.executionLimitMs = options.executionLimitMs ?? 6 * 60 * 1000;
    this.triggerRuntimePerDayMs = options.triggerRuntimePerDayMs ?? 90 * 60 * 1000;
    this.addonName = options.addonName ?? 'Assembled for Google Sheets';
    this.http = options.http;
    this.connectedSheets = options.connectedSheets ?? true;
    this.dataExecutionMs = options.dataExecutionMs ?? 5_000;
    this.clock = new VirtualClock(toEpochMs(options.now ?? '2024-03-01T14:00:00Z'));
    this.bigquery = new Warehouse(() => this.clock.now());
    this.addDocument(
      options.spreadsheetName ?? 'Untitled spreadsheet',
      options.user ?? 'analyst@example.com',
    );
  }

  /** A new spreadsheet with one sheet, Sheet1, in the runtime's spreadsheet time zone. */
  addDocument(name: string, owner: string): DocumentState {
    const n = this.seq.document++;
    const id = n === 0 ? DOCUMENT_ID : `${DOCUMENT_ID.slice(0, -String(n).length)}${n}`;
    const document = {
      workbook: new WorkbookModel(id, name, this.spreadsheetTimeZone),
      properties: new Map(),
    };
    document.workbook.owner = owner;
    document.workbook.now = () => this.clock.now();
    document.workbook.addSheet('Sheet1');
    this.documents.set(id, document);
    return document;
  }

  document(id: string = this.currentDocumentId): DocumentState {
    const document = this.documents.get(id);
    if (!document) throw new Error(`No spreadsheet with id ${id}`);
    return document;
  }

  /** The workbook of the execution under way. */
  get workbook(): WorkbookModel {
    return this.document().workbook;
  }

  /** What a user sees in a spreadsheet (by default the one of the execution under way). */
  user(email: string, documentId: string = this.currentDocumentId): UserState {
    const key = `${documentId}\n${email}`;
    let state = this.users.get(key);
    if (!state) {
      state = {
        ui: { menus: [], sidebar: null, dialog: null, alerts: [], toasts: [], answers: [] },
        activeSheetId: this.document(documentId).workbook.sheets[0]?.id ?? 0,
        activeRange: null,
        history: emptyHistory(),
      };
      this.users.set(key, state);
    }
    return state;
  }

  connectedSheetsFor(email: string): boolean {
    const c = this.connectedSheets;
    return typeof c === 'boolean' ? c : c.includes(email);
  }

  scopesGranted(email: string): Set<string> {
    let granted = this.grantedScopes.get(email);
    if (!granted) {
      granted = new Set();
      this.grantedScopes.set(email, granted);
    }
    return granted;
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
