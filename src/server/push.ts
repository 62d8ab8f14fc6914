// The Push rows sidebar's server side: thin wiring of core/push to Apps Script.
import * as z from 'zod/mini';
import type { AssembledClient } from '../core/assembled';
import { lazy } from '../core/lazy';
import { ownerName, owns } from '../core/owner';
import { pulledInto } from '../core/pull/source-note';
import type { Filtered } from '../core/push/filter-words';
import { proposeKind, statusColumnOf } from '../core/push/kind-note';
import { PUSH_KINDS, type PushKind } from '../core/push/kinds';
import { type OthersPush, olderThanLatest, othersPushView, overtaken } from '../core/push/others-push';
import { followedProblems } from '../core/push/problem-list';
import { type PushJob, PushStore } from '../core/push/push-job';
import { kindChoices, type PushOptions, type PushView, pushView } from '../core/push/push-view';
import {
  advancePush,
  askBeforePush as ask,
  type PushAsk,
  type PushDeps,
  type SheetRef,
  startPush as start,
  stopPush as stop,
  stopStalledPush,
  type ValidateSummary,
  validateSheet,
} from '../core/push/run-push';
import { messagesAsTheyStand } from '../core/push/sheet-rows';
import { isTimeOffPushSheet, syncPushSheet } from '../core/push/sync-push-sheet';
import { looksLikeTimeOffList, type SyncSummary, syncTimeOff as sync } from '../core/push/sync-time-off';
import { hasTypeColumn, templateFor, typeChoices } from '../core/push/template';
import type { CellValue } from '../core/table/build-table';
import { formatLocalDateTime } from '../core/time/zone-math';
import { ClientId, InputError, parseInput } from '../core/validation';
import { backgroundNotice } from './adapters/background-budget';
import { ensureDispatcher } from './adapters/dispatcher-trigger';
import { dataSheetAt, findSheet, isGridSheet } from './adapters/find-sheet';
import { gasClock } from './adapters/gas-clock';
import { documentLock } from './adapters/gas-lock';
import { namedZone, spreadsheetZone } from './adapters/gas-zone';
import { documentStore, userStore } from './adapters/properties-store';
import { pushSheets } from './adapters/push-sheets';
import { runLogSheet } from './adapters/run-log-sheet';
import { filteredWords } from './adapters/sheet-filter';
import { sheetGrid } from './adapters/sheet-grid';
import { documentSpreadsheet } from './adapters/spreadsheet';
import { assembledClient, keyNotice } from './client-factory';
import { errorText } from './error-text';
import { currentUser } from './user';

/** A sidebar call works this long, then reports progress; the sidebar calls again at once. */
const SLICE_MS = 30_000;
const SYNC_SHEET = 'Time off (Assembled)';

const Kind = /* @__PURE__ */ lazy(() => z.enum(PUSH_KINDS));

export function pushDeps(): PushDeps {
  const ss = documentSpreadsheet();
  return {
    client: (limiter) => assembledClient(limiter),
    clock: gasClock,
    zone: spreadsheetZone(ss),
    zones: namedZone,
    store: documentStore(),
    lock: documentLock(),
    sheets: pushSheets(ss),
    locale: ss.getSpreadsheetLocale(),
    user: currentUser(),
    own: userStore(),
    newId: () => Utilities.getUuid(),
    spreadsheetId: ss.getId(),
    ensureTrigger: ensureDispatcher,
    log: runLogSheet(ss),
  };
}

function view(job: PushJob): PushView {
  const v = {
    ...pushView(job, Date.now()),
    ...filteredWords(documentSpreadsheet().getSheetById(job.sheetId)),
  };
  return v.notice || v.state !== 'running' ? v : { ...v, notice: backgroundNotice(Date.now()) };
}

function activeSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  return documentSpreadsheet().getActiveSheet();
}

/** The active sheet, when it has rows to push: a chart or data-source sheet has none. */
function activeGrid(): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = activeSheet();
  if (!isGridSheet(sheet))
    throw new InputError('Push', [
      `"${sheet.getName()}" is a chart or data-source sheet: open the sheet whose rows you want to push.`,
    ]);
  return sheet;
}

function ref(sheet: GoogleAppsScript.Spreadsheet.Sheet): SheetRef {
  return { id: sheet.getSheetId(), name: sheet.getName() };
}

function headerOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[] {
  if (!isGridSheet(sheet)) return [];
  const cols = sheet.getLastColumn();
  return cols > 0 ? (sheet.getRange(1, 1, 1, cols).getValues()[0] ?? []) : [];
}

export function getPushOptions(): PushOptions {
  const sheet = activeSheet();
  const pulled = isGridSheet(sheet) ? pulledInto(sheetGrid(sheet)) : undefined;
  const header = headerOf(sheet) as CellValue[];
  const status = statusColumnOf(header);
  const note = status < 0 ? '' : sheet.getRange(1, status + 1).getNote();
  const detected = proposeKind(header, note, pulled);
  const pushes = new PushStore(documentStore());
  const running = pushes.onSheet(sheet.getSheetId());
  const user = currentUser();
  const mine = running && owns(user, running);
  // Reopened after its push ended, the sidebar shows how it ended, as it did then.
  const last = running ? undefined : pushes.lastOnSheet(sheet.getSheetId(), (j) => owns(user, j));
  const latest = last && pushes.lastOnSheet(sheet.getSheetId(), () => true);
  const lastNote = last && latest && olderThanLatest(last, latest, spreadsheetZone());
  const lastNow = last && followed(sheet, last);
  return {
    kinds: kindChoices(),
    sheet: sheet.getName(),
    ...keyNotice(),
    ...(detected ? { detected } : {}),
    ...(pulled === undefined ? {} : { pulled }),
    ...(running && mine ? { running: view(running) } : {}),
    ...(lastNow ? { last: lastNote ? overtaken(view(lastNow)) : view(lastNow) } : {}),
    ...(lastNote ? { lastNote } : {}),
    ...(running && !mine
      ? { othersPush: othersPushView(running.id, running, Date.now(), spreadsheetZone()) }
      : {}),
  };
}

/**
 * An ended push with the rows it listed named where they are now, as rows inserted above them or
 * a sort since moved them (problem-list.ts followedProblems).
 */
function followed(sheet: GoogleAppsScript.Spreadsheet.Sheet, job: PushJob): PushJob {
  if (!job.problems?.length || !isGridSheet(sheet)) return job;
  const messages = messagesAsTheyStand(sheetGrid(sheet), job.kind);
  const at = formatLocalDateTime(job.updatedAt, spreadsheetZone());
  return { ...job, problems: followedProblems(job.problems, messages, at) };
}

/** The name of the sheet in front, for the sidebar to offer it when it names another. */
export function pushSheetInFront(): string {
  return activeSheet().getName();
}

/** The account's type names for the template's dropdown; none without a key or a reply. */
function accountTypes(kind: PushKind): string[] | undefined {
  if (!hasTypeColumn(kind)) return undefined;
  try {
    return typeChoices(kind, assembledClient().listActivityTypes());
  } catch {
    return undefined; // the template still helps; rows are checked against the account on push
  }
}

export function insertPushTemplate(kind: unknown): { sheet: string } {
  const k = parseInput(Kind, kind, 'Kind of push');
  return { sheet: pushSheets(documentSpreadsheet()).insertTemplate(templateFor(k, accountTypes(k))).name };
}

export function validatePush(kind: unknown): ValidateSummary & Filtered {
  const sheet = activeGrid();
  return {
    ...validateSheet(pushDeps(), parseInput(Kind, kind, 'Kind of push'), ref(sheet)),
    ...filteredWords(sheet),
  };
}

/** What a push of the active sheet would ask about first (windows to clear, rows made twice). */
export function askBeforePush(kind: unknown): PushAsk {
  return ask(pushDeps(), parseInput(Kind, kind, 'Kind of push'), ref(activeGrid()));
}

/** Starts a push of the active sheet; the same key twice (a double click) gives the same push. */
export function startPush(kind: unknown, key: unknown): PushView {
  const deps = pushDeps();
  const k: PushKind = parseInput(Kind, kind, 'Kind of push');
  const job = start(deps, k, ref(activeGrid()), parseInput(ClientId, key, 'Request key'));
  return view(advancePush(deps, job.id, Date.now() + SLICE_MS));
}

/** Carries the push on for a slice; the dispatcher does the same when the sidebar is closed. */
export function pollPush(id: unknown): PushView {
  const deps = pushDeps();
  return view(advancePush(deps, parseInput(ClientId, id, 'Push id'), Date.now() + SLICE_MS));
}

/** Another editor's push, for a sidebar waiting on it: read only, never carried on. */
export function watchPush(id: unknown): OthersPush {
  const push = parseInput(ClientId, id, 'Push id');
  return othersPushView(push, new PushStore(documentStore()).get(push), Date.now(), spreadsheetZone());
}

/** Stops the caller's push; the sidebar's Stop button. */
export function stopPush(id: unknown): PushView {
  return view(stop(pushDeps(), parseInput(ClientId, id, 'Push id')));
}

/**
 * Stops another editor's stalled push (Stop their push), for the caller to push the rows left with
 * their own key; what it came to, as watchPush says.
 */
export function stopOthersPush(id: unknown): OthersPush {
  const push = parseInput(ClientId, id, 'Push id');
  return othersPushView(push, stopStalledPush(pushDeps(), push), Date.now(), spreadsheetZone());
}

/**
 * Syncs the active sheet when it holds a time-off list (or nothing), else the "Time off
 * (Assembled)" sheet; the run gets its row in the log, as pulls and pushes do.
 */
export function syncTimeOff(): SyncSummary {
  // The key first: without one nothing in the spreadsheet changes (no sheet made, no log row).
  const client = assembledClient();
  const deps = pushDeps();
  const started = Date.now();
  const active = activeSheet();
  const log = (status: string, target: string, rows: number, message: string) =>
    deps.log?.append({
      when: new Date(started),
      who: ownerName({ owner: deps.user.email }),
      what: 'Sync time off',
      target,
      status,
      rows,
      durationMs: Date.now() - started,
      message,
    });
  try {
    const summary = syncInto(deps, client, active);
    log('done', summary.sheet, summary.changes, summary.message);
    return summary;
  } catch (error) {
    log('failed', active.getName(), 0, errorText(error));
    throw error;
  }
}

function syncInto(
  deps: PushDeps,
  client: AssembledClient,
  active: GoogleAppsScript.Spreadsheet.Sheet,
): SyncSummary {
  // A sheet pushed from: its created rows take their request's status now.
  if (isGridSheet(active) && isTimeOffPushSheet(headerOf(active) as never))
    return syncPushSheet(
      { client, zone: deps.zone, zones: deps.zones, locale: deps.locale },
      { name: active.getName(), grid: sheetGrid(active) },
    );
  const usable = isGridSheet(active) && (active.getLastRow() === 0 || looksLikeTimeOffList(headerOf(active)));
  const ss = documentSpreadsheet();
  const found = usable ? active : findSheet(ss, SYNC_SHEET);
  const sheet = found ?? ss.insertSheet(SYNC_SHEET, dataSheetAt(ss));
  try {
    return sync(
      {
        client,
        clock: gasClock,
        zone: deps.zone,
        zones: deps.zones,
        store: deps.store,
        user: deps.user.email,
      },
      { ...ref(sheet), grid: sheetGrid(sheet) },
    );
  } catch (error) {
    // A sheet made for this sync goes again when it fails (a key Assembled refuses, Assembled
    // down): the spreadsheet is left as it was, the sheet the person was on in front.
    if (!found) {
      ss.deleteSheet(sheet);
      ss.setActiveSheet(active);
    }
    throw error;
  }
}
