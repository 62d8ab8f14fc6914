// The functions a sidebar may call on the server, shared by both sides: src/server implements
// this interface and src/ui calls it through a typed wrapper over google.script.run.
// Arguments cross as plain JSON (no Dates) and are parsed with zod on arrival.
import type { ReportGranularity, ReportType } from './assembled/model';
import type { TimeFormat } from './assembled/times';
import type { PullSpec } from './pull/pull-spec';
import type { Choice, ChoiceKind, JobView, PullOptions } from './pull/pull-view';
import type { Filtered } from './push/filter-words';
import type { PushKind } from './push/kinds';
import type { OthersPush } from './push/others-push';
import type { PushOptions, PushView } from './push/push-view';
import type { PushAsk, ValidateSummary } from './push/run-push';
import type { SyncSummary } from './push/sync-time-off';
import type { RefreshInput } from './schedule/refresh';
import type { RefreshView } from './schedule/refresh-view';
import type { KeyNotice, SettingsInput, SettingsView } from './settings';
import type { DateRangeSpec } from './time/date-range';

export interface ConnectionLine {
  /** What was checked, in words ("People"). */
  label: string;
  /** What it read, in words ("100 read"), or why it failed. */
  summary: string;
  /** The request behind it ("GET /v0/people"), for the details. */
  operation: string;
  ok: boolean;
  /** Not run, as what it needed came from a check that failed ("no person to read"). */
  notRun: boolean;
  status: number;
  records: number;
  ms: number;
  message: string;
}

export interface ConnectionReport {
  ok: boolean;
  lines: ConnectionLine[];
  /** What was tested differs from what is saved (a key typed, options changed, not yet saved). */
  unsaved: boolean;
  /** Assembled refused the key tested (HTTP 401). */
  keyRefused: boolean;
  /** Assembled is down (a server error or no answer on every check), said once for every line. */
  outage?: string;
  /**
   * Nothing the test sent got as far as the key (a server error, the rate limit or no response on
   * every check), so it cannot say whether Assembled takes what was tried: why, in words.
   */
  untold?: string;
  /** Assembled refused times sent the way tested, and took them this way. */
  takesTimesAs?: TimeFormat;
}

export interface ServerApi {
  getSettings(): SettingsView;
  saveSettings(input: SettingsInput): SettingsView;
  clearApiKey(): SettingsView;
  /** Tests the settings the form shows when given (a typed key not yet saved), else the saved ones. */
  testConnection(draft?: SettingsInput): ConnectionReport;
  /** Save's check of the same: whether Assembled takes the key and the times, in a request or two. */
  checkSettings(draft?: SettingsInput): ConnectionReport;
  getPullOptions(): PullOptions;
  /** With a report's granularity, `note` says when its rows will be UTC buckets or its intervals refused. */
  /** With a mode too, says what an append leaves out (report-until.ts). */
  /** `queues`: how many a report told apart by queue would ask, one report each (queue-parts.ts). */
  previewRange(
    range: DateRangeSpec,
    granularity?: ReportGranularity,
    mode?: PullSpec['mode'],
    report?: ReportType,
    queues?: number,
  ): { from: string; to: string; zone: string; note?: string };
  listChoices(kind: ChoiceKind): Choice[];
  /**
   * `key`: the caller's idempotency key (the job's id is made by the server). `zone`: the one the
   * form showed the range in; the spreadsheet's is another now, nothing starts (zone-shown.ts).
   */
  startPull(spec: PullSpec, key: string, zone?: string, replacing?: string): JobView;
  pollPull(id: string): JobView;
  stopPull(id: string): JobView;
  /** Go to, after a pull: the sheet of that id in front; its name now. Refused once deleted. */
  goToSheet(sheetId: number): { sheet: string };
  /** Opens Pull data in place of the sidebar that asks (Scheduled refreshes, with none yet). */
  showPullSidebar(): void;
  /** Opens Settings in place of the sidebar that asks (a notice of the caller's key missing). */
  showSettingsSidebar(): void;
  listRefreshes(): RefreshView[];
  /** The caller's missing key, for a sidebar whose reads carry no notice of it (Scheduled refreshes). */
  getKeyNotice(): KeyNotice;
  /**
   * `idOrKey`: one of the caller's refreshes to edit, or an idempotency key for a new one. `zone`:
   * the one the form named its hour in; another now, nothing is saved (zone-shown.ts).
   */
  saveRefresh(input: RefreshInput, idOrKey: string, zone?: string): RefreshView[];
  pauseRefresh(id: string): RefreshView[];
  resumeRefresh(id: string): RefreshView[];
  deleteRefresh(id: string): RefreshView[];
  /** `seen`: the card's ranAt, when it was pressed on a card (a run ended since, it runs nothing). */
  runRefreshNow(id: string, seen?: number): RefreshView[];
  /** Carries one of the caller's running refreshes on for a few seconds (the sidebar polls it). */
  pollRefresh(id: string): RefreshView[];
  /** Stops one of the caller's refreshes' run under way, paused or not; the refresh keeps its pause. */
  stopRefreshRun(id: string): RefreshView[];
  getPushOptions(): PushOptions;
  /** The name of the sheet in front (a tab clicked tells a sidebar nothing). */
  pushSheetInFront(): string;
  insertPushTemplate(kind: PushKind): { sheet: string };
  validatePush(kind: PushKind): ValidateSummary & Filtered;
  /** What a push of the sheet would ask about first (Push asks only when there is something). */
  askBeforePush(kind: PushKind): PushAsk;
  /** `key`: the caller's idempotency key (the push's id is made by the server). */
  startPush(kind: PushKind, key: string): PushView;
  pollPush(id: string): PushView;
  /** Another editor's push on the sheet: how it stands, read only. */
  watchPush(id: string): OthersPush;
  stopPush(id: string): PushView;
  /** Another editor's stalled push on the sheet, stopped: how it ended, as watchPush says. */
  stopOthersPush(id: string): OthersPush;
  syncTimeOff(): SyncSummary;
}
