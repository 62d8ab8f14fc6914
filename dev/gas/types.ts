// Public types of the local Apps Script runtime.

import type { SimRequest, SimResponse } from '../simulator/api.js';
import type { ErrorInfo } from './realm.js';

export type { ErrorInfo, SimRequest, SimResponse };

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';
export type RuntimeMode = 'addon' | 'bound';
export type ExecutionKind = 'run' | 'simple-trigger' | 'time-trigger' | 'menu' | 'sidebar';
export type HttpHandler = (request: SimRequest) => SimResponse;

export interface RuntimeOptions {
  /** Folder of the bundle (.js files) and its .html files; default <repo>/build. */
  buildDir?: string;
  /** The spreadsheet's time zone; default America/New_York. */
  timezone?: string;
  /**
   * The script's time zone (Date's local-time methods, Session.getScriptTimeZone); default the
   * build's appsscript.json timeZone, else `timezone`.
   */
  scriptTimeZone?: string;
  /**
   * The scopes the script may use; default the build's appsscript.json oauthScopes. Without
   * either, every scope is granted (Apps Script detects them).
   */
  oauthScopes?: string[];
  /** A test deployment of an Editor add-on: installable triggers cannot be created. */
  testDeployment?: boolean;
  /** Total time-driven execution time per user per (Pacific) day; default 90 minutes (consumer). */
  triggerRuntimePerDayMs?: number;
  /** Virtual clock start; default 2024-03-01T14:00:00Z. */
  now?: Date | number | string;
  /** Active user; default analyst@example.com. */
  user?: string;
  /** Trigger rules; default addon. */
  mode?: RuntimeMode;
  /** What UrlFetchApp reaches. Absent: every fetch fails with "Address unavailable". */
  http?: HttpHandler;
  /**
   * Whether Connected Sheets is offered to the user's account (true: everyone, false: no one, or
   * the e-mails of the users who have it); default true. Without it insertDataSourceSheet throws.
   */
  connectedSheets?: boolean | string[];
  /** Virtual time a Connected Sheets data execution takes after the call that starts it; default 5 s. */
  dataExecutionMs?: number;
  /** Virtual time one execution may use; default 6 minutes. */
  executionLimitMs?: number;
  /** Title of the menu createAddonMenu() builds; default 'Assembled for Google Sheets'. */
  addonName?: string;
  /** Name of the spreadsheet; default 'Untitled spreadsheet'. */
  spreadsheetName?: string;
}

export interface RunResult<T = unknown> {
  /** The function's return value, copied out of the script's realm. */
  value: T | undefined;
  /** Set when the function (or the bundle's top level) threw, or when the execution was killed. */
  error?: ErrorInfo;
  /** True when the execution ran past its time limit. */
  killed: boolean;
  /** Virtual epoch ms at which the execution started. */
  startedAt: number;
  /** Virtual ms the execution took. */
  durationMs: number;
  executionId: number;
  fnName: string;
  user: string;
  kind: ExecutionKind;
  authMode: AuthMode;
}

export interface FiredTrigger {
  uid: string;
  handler: string;
  owner: string;
  /** Virtual epoch ms the trigger was due. */
  dueAt: number;
  result: RunResult;
}

export interface TriggerInfo {
  uid: string;
  handler: string;
  owner: string;
  /** The spreadsheet whose add-on installed it. */
  documentId: string;
  eventType: 'CLOCK';
  /** Next virtual epoch ms it fires; null once a one-shot trigger has fired (it stays listed). */
  nextRunAt: number | null;
  description: string;
}

export interface LogEntry {
  at: number;
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
  executionId: number;
  fnName: string;
  user: string;
}

export interface SentMail {
  at: number;
  from: string;
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  cc?: string;
  bcc?: string;
  name?: string;
  replyTo?: string;
}

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; items: MenuEntry[] };

export interface MenuSnapshot {
  title: string;
  /** True for createAddonMenu() (shown under Extensions). */
  addon: boolean;
  items: MenuEntry[];
}

export interface PanelSnapshot {
  title: string;
  html: string;
  /** The build file it came from (createHtmlOutputFromFile), else null. */
  file: string | null;
  width: number | null;
  height: number | null;
  modal: boolean;
}

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttonSet: string;
  answer: ButtonName;
  text?: string;
}

export interface ToastRecord {
  at: number;
  message: string;
  title: string;
  timeoutSeconds: number;
}
