// The Pull data sidebar's server side: thin wiring of core/pull to Apps Script.

import * as z from 'zod/mini';
import type { PullJob } from '../core/jobs/pull-job';
import { lazy } from '../core/lazy';
import { agentChoices, sortChoices } from '../core/pull/agent-choices';
import { GRANULARITIES, REPORT_TYPES } from '../core/pull/catalogue';
import { againAt, type PullAgain, pullAgain } from '../core/pull/pull-again';
import { PullSpec, WRITE_MODES } from '../core/pull/pull-spec';
import {
  CHOICE_KINDS,
  type Choice,
  type ChoiceKind,
  catalogueChoices,
  type JobView,
  jobView,
  type PullOptions,
} from '../core/pull/pull-view';
import { askedByQueue } from '../core/pull/queue-parts';
import {
  appendNote,
  askedParts,
  bucketPlan,
  granularityNote,
  partsNote,
  timesOfDay,
} from '../core/pull/report-buckets';
import { appendUntil, reportWindow, stopNote } from '../core/pull/report-until';
import { isRunLogSheet } from '../core/pull/run-log';
import {
  advancePull,
  latestSidebarPull,
  type PullDeps,
  sidebarTurn,
  startPull as start,
  stopPull as stopJob,
} from '../core/pull/run-pull';
import { isStageSheet } from '../core/pull/staging';
import { targetNow } from '../core/pull/target-now';
import { reportSpan, writesUtcDates } from '../core/pull/utc-span';
import { utcEndsWords } from '../core/pull/utc-words';
import { scheduledInto } from '../core/schedule/sheet-refresh';
import { clockChangeLine } from '../core/time/clock-changes';
import { DateRangeSpec, resolveRange } from '../core/time/date-range';
import { weekdayOf } from '../core/time/zone-math';
import { refuseRangeMoved } from '../core/time/zone-shown';
import { ClientId, InputError, parseInput, wholeNumber } from '../core/validation';
import { backgroundNotice } from './adapters/background-budget';
import { connectedViews } from './adapters/connected-sheets';
import { ensureDispatcher } from './adapters/dispatcher-trigger';
import { isGridSheet } from './adapters/find-sheet';
import { gasClock } from './adapters/gas-clock';
import { documentLock } from './adapters/gas-lock';
import { namedZone, spreadsheetZone } from './adapters/gas-zone';
import { documentStore } from './adapters/properties-store';
import { runLogSheet } from './adapters/run-log-sheet';
import { activeCellOf } from './adapters/selection';
import { showSheet } from './adapters/sheet-in-front';
import { sheetTargets } from './adapters/sheet-targets';
import { documentSpreadsheet } from './adapters/spreadsheet';
import { stagingSheets } from './adapters/staging-sheets';
import { authorizeTarget, rememberedProject, warehouse } from './bigquery';
import { cachedChoices } from './choice-cache';
import { assembledClient, keyNotice } from './client-factory';
import { currentUser, readingCaller, UnknownCaller } from './user';

/** `pressed`: the execution Pull data's press started (sheet-targets.ts), which may take the person to a sheet it makes. */
export function pullDeps(pressed = false): PullDeps {
  const ss = documentSpreadsheet();
  const store = documentStore();
  return {
    client: assembledClient,
    clock: gasClock,
    zone: spreadsheetZone(ss),
    zones: namedZone,
    store,
    lock: documentLock(),
    targets: sheetTargets(ss, store, pressed),
    log: runLogSheet(ss),
    user: currentUser(),
    newId: () => Utilities.getUuid(),
    spreadsheetId: ss.getId(),
    ensureTrigger: ensureDispatcher,
    staging: stagingSheets(ss),
    warehouse,
    views: () => connectedViews(ss),
  };
}

/** The caller's pull a reopened sidebar should follow; none for a caller the add-on cannot tell apart. */
function runningPull(): PullJob | undefined {
  try {
    return latestSidebarPull(documentStore(), currentUser());
  } catch (error) {
    if (error instanceof UnknownCaller) return undefined;
    throw error;
  }
}

export function getPullOptions(): PullOptions {
  const ss = documentSpreadsheet();
  // Chart and data-source sheets have no cells, and the run log is the add-on's own: none is a target.
  const grids = ss
    .getSheets()
    .filter((s) => isGridSheet(s) && !isStageSheet(s.getName()) && !isRunLogSheet(s.getName()));
  const running = runningPull();
  const active = ss.getActiveSheet();
  const grid = isGridSheet(active);
  const zone = spreadsheetZone(ss);
  return {
    timezone: zone.name,
    today: weekdayOf(Date.now(), zone),
    sheets: grids.map((s) => s.getName()),
    // A selection that cannot be read takes "Active cell" away, saying why, not the whole form.
    activeCell: activeCellOf(ss, grid ? active : (grids[0] ?? active), grid),
    bigQueryProject: rememberedProject(),
    ...catalogueChoices(),
    ...keyNotice(),
    ...(running ? { running: { ...view(running), spec: running.spec } } : {}),
    ...againFor(active),
  };
}

/** The pull that last filled the active sheet, if the add-on filled it. */
function againFor(sheet: GoogleAppsScript.Spreadsheet.Sheet): { again?: PullAgain } {
  if (!isGridSheet(sheet)) return {};
  const store = documentStore();
  const zone = spreadsheetZone();
  const again = pullAgain(store, sheet.getSheetId(), sheet.getName(), readingCaller(), zone);
  if (!again) return {};
  const targets = sheetTargets(documentSpreadsheet(), store);
  return { again: againAt(again, targetNow(targets, again.spec.target, sheet.getSheetId()), zone) };
}

/**
 * The dates a range resolves to, and the zone they are in (the form says them in it, and sends it
 * with the pull); given a report's granularity, what to know of it over this range.
 */
export function previewRange(
  range: unknown,
  granularity?: unknown,
  mode?: unknown,
  report?: unknown,
  queues?: unknown,
): { from: string; to: string; zone: string; note?: string } {
  const zone = spreadsheetZone();
  const now = Date.now();
  const { from, to, start, end } = resolveRange(parseInput(DateRangeSpec, range, 'Date range'), now, zone);
  const g = parseInput(GranularitySchema, granularity, 'Granularity');
  const writeMode = parseInput(ModeSchema, mode, 'Mode') ?? 'replace';
  const append = writeMode === 'append';
  const dates = writesUtcDates(writeMode);
  // A sidebar from before the report was sent: its words are adherence's, which counts scheduled time.
  const type = parseInput(ReportSchema, report, 'Report') ?? 'adherence';
  const window = { start, end };
  const own = reportWindow(window, now);
  // As the pull will ask it: Assembled's UTC buckets are asked for as UTC dates (utc-span.ts).
  const asked = g ? reportSpan(g, { from, to, start, end }, now, zone) : own;
  const utc = !!g && g !== 'interval' && !!bucketPlan(g, asked, zone).utc;
  const parts = g && askedParts(g, asked, own, zone);
  // A report told apart by queue is asked for each queue alone (queue-parts.ts): the form counts
  // those it would ask, ticked, else every queue listed.
  const byQueue = g && askedByQueue({ source: { kind: 'report', report: type, granularity: g } });
  const each = (byQueue && parseInput(QueueCount, queues, 'Queues')) || 1;
  const reports = (parts ? parts.length : 1) * each;
  // Said before the pull, as the header note says it after; a report stops at now (report-until.ts).
  const note = [
    g && stopNote(window, now, g, zone, { append, utc, dates, report: type }, true),
    g && granularityNote(g, asked, zone),
    utc && utcEndsWords(asked.start, zone, dates),
    // Said before, as the progress counts them after: a pull of many reports is not stuck.
    reports > 1 && partsNote(parts ? parts.length : 1, each),
    // The part an append adds: it stops where the bucket under way begins (report-until.ts).
    append &&
      g &&
      appendNote(
        g,
        { start, end: Math.min(end, appendUntil(window, now, g, zone, utc) ?? end) },
        zone,
        !!utc,
      ),
    timesOfDay(g) && clockChangeLine(window, zone, now),
  ]
    .filter(Boolean)
    .join(' ');
  return note ? { from, to, zone: zone.name, note } : { from, to, zone: zone.name };
}

const GranularitySchema = /* @__PURE__ */ lazy(() => z.optional(z.enum(GRANULARITIES)));
const ModeSchema = /* @__PURE__ */ lazy(() => z.optional(z.enum(WRITE_MODES)));
const ReportSchema = /* @__PURE__ */ lazy(() => z.optional(z.enum(REPORT_TYPES)));
// A sidebar sends no count as null (google.script.run), before the Queues list is in.
const QueueCount = /* @__PURE__ */ lazy(() => z.nullish(wholeNumber(0, Number.MAX_SAFE_INTEGER)));

// A sidebar sends none as null (google.script.run).
const Replacing = /* @__PURE__ */ lazy(() => z.nullish(z.string()));

const ChoiceKindSchema = /* @__PURE__ */ lazy(() => z.enum(CHOICE_KINDS));

function fetchChoices(kind: ChoiceKind): Choice[] {
  const client = assembledClient();
  const named = (list: { id: string; name: string | null; parent_id?: string | null }[]) =>
    list.map((x) => ({ id: x.id, name: x.name ?? x.id, ...(x.parent_id ? { parent: x.parent_id } : {}) }));
  switch (kind) {
    case 'queues':
      return named(client.listQueues());
    case 'teams':
      return named(client.listTeams());
    case 'sites':
      return named(client.listSites());
    case 'activity_types':
      return named(client.listActivityTypes());
    case 'agents':
      return agentChoices(client.listPeople());
  }
}

/** Names for the filter pickers (choice-cache.ts keeps them). */
export function listChoices(kind: unknown): Choice[] {
  const k = parseInput(ChoiceKindSchema, kind, 'Choice list');
  return cachedChoices(k, () => sortChoices(fetchChoices(k)));
}

function view(job: PullJob, stopping = false): JobView {
  const v = jobView(job, Date.now(), stopping);
  if (job.state === 'done' && job.spec.target.kind !== 'bigquery') {
    const store = documentStore();
    const targets = sheetTargets(documentSpreadsheet(), store);
    const sheetId = job.sheetId ?? job.madeSheet ?? targets.bind(job.spec.target);
    const scheduled = scheduledInto(store, sheetId, job.spec.target, readingCaller(), spreadsheetZone());
    if (scheduled) v.scheduled = scheduled;
    const name = sheetId === undefined ? undefined : targets.nameOf(sheetId);
    if (sheetId !== undefined && name !== undefined) v.sheet = { id: sheetId, name };
  }
  return v.notice || v.nextPollInMs === 0 ? v : { ...v, notice: backgroundNotice(Date.now()) };
}

/**
 * Starts a pull; the same key twice (a double click, a retried call) gives the same job.
 * `zone`: the time zone the form showed the range in; another now, nothing starts (zone-shown.ts).
 * `replacing`: the other data at the target the person agreed to replace (other-source.ts).
 */
export function startPull(spec: unknown, key: unknown, zone?: unknown, replacing?: unknown): JobView {
  const deps = pullDeps(true);
  refuseRangeMoved(parseInput(PullSpec, spec, 'Pull').range, zone, deps.zone, deps.clock.now());
  // The key first: without one, no BigQuery consent is asked nor its project kept for everyone.
  deps.client();
  authorizeTarget(spec);
  const agreed = parseInput(Replacing, replacing, 'Replacing') ?? undefined;
  const job = start(deps, spec, parseInput(ClientId, key, 'Request key'), undefined, agreed);
  return view(advancePull(deps, job.id, sidebarTurn(deps.clock)));
}

/** Stops the caller's pull; the sidebar's Stop button. */
export function stopPull(id: unknown): JobView {
  // A job not over is one another execution is carrying on: it ends it after its page.
  return view(stopJob(pullDeps(), parseInput(ClientId, id, 'Job id')), true);
}

/** Moves a job on by one step if it is due; the sidebar calls this while it is open. */
export function pollPull(id: unknown): JobView {
  const deps = pullDeps();
  return view(advancePull(deps, parseInput(ClientId, id, 'Job id'), sidebarTurn(deps.clock)));
}

const SheetId = /* @__PURE__ */ lazy(() => wholeNumber(0, Number.MAX_SAFE_INTEGER));

/** Go to: the sheet a pull wrote into, put in front by id; refused in words when it was deleted since. */
export function goToSheet(sheetId: unknown): { sheet: string } {
  const id = parseInput(SheetId, sheetId, 'Sheet id');
  const sheet = showSheet(documentSpreadsheet(), id);
  if (sheet === undefined)
    throw new InputError('Go to', [
      'That sheet is no longer in this spreadsheet: it was deleted after the pull.',
    ]);
  return { sheet };
}
