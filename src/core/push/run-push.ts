// Validate and Push. A push is saved as a job (push-job.ts) and carried on by whichever execution
// comes next, the sidebar's or the dispatcher's, one batch at a time:
//   read the sheet in one call -> reconcile any rows left in flight -> mark the next batch in
//   flight -> send it -> write its outcomes in one block -> clear the mark.
// Only one execution works on a push at a time (a lease taken under the document lock).

import {
  type ActivityType,
  type AssembledClient,
  type AssembledError,
  isAssembledError,
  type Person,
  type ResponseEvent,
  TokenBucket,
} from '../assembled';
import { callWords } from '../assembled/call-words';
import { causeOf, noKeySent } from '../assembled/errors';
import { countText, rowCount } from '../count-text';
import { EXECUTION_MS } from '../dispatch/background';
import { duration } from '../duration';
import { attemptMs, betweenTriesWords, unansweredWords, withWait } from '../jobs/attempt-time';
import { STOPPED } from '../jobs/pull-job';
import { withLock } from '../lock';
import { type Caller, NotYours, ownerName, owns } from '../owner';
import type { Clock, Lock, Store, Zone, Zones } from '../ports';
import { RESOURCE_INFO } from '../pull/catalogue';
import type { RunLog } from '../pull/run-log';
import { listsTimeOff, pulledTable } from '../pull/source-note';
import { goneText } from '../record-store';
import { lowerFirst } from '../sentence';
import { makeRoom } from '../share';
import { cellName } from '../sheet/a1';
import type { Grid } from '../sheet/grid';
import { WriteRefused } from '../sheet/write-table';
import { formatLocalDateTime } from '../time/zone-math';
import { InputError } from '../validation';
import { AcceptedRows } from './accepted';
import { type ActivitiesHeld, waitsWords } from './activity-order';
import { activitiesHeld } from './activity-reconcile';
import {
  activityTypes,
  createRemovesOverlap,
  removesOverlap,
  removesOverlapped,
  sentAlone,
} from './activity-send';
import { ActivityTypeDirectory } from './activity-types';
import { loadAgentMemo, saveAgentMemo } from './agent-memo';
import { AgentDirectory } from './agents';
import { type AsWrittenRows, asWrittenText, countAsWritten } from './as-written';
import {
  countReplacing,
  HOLDS_ALREADY,
  markSentSince,
  type ReplaceAsk,
  type Replacing,
  replacedIds,
  replacing,
} from './association-rows';
import { markUnknownCancels } from './cancel-rows';
import { cellText } from './cell-text';
import { type ClearCount, clearWords, countClears, windowsToClear } from './clear-rows';
import { countRow } from './counted-rows';
import { showWholeDays } from './day-cells';
import type { DoubledColumn } from './doubled-columns';
import type { EditFacts } from './edit-how';
import { goneFromAssembled } from './gone-record';
import { goneRows, goneWords, pushedRows } from './gone-rows';
import { doubledColumns, unreadColumns } from './header';
import { fitsPulled } from './kind-note';
import { KINDS, type PushKind } from './kinds';
import { noKeyStop } from './no-key-stop';
import { readsTrue } from './parse-row';
import { pastWords } from './past-activity';
import { addingWords } from './platforms';
import { listProblem, withMore } from './problem-list';
import {
  asWrittenWords,
  doneWords,
  foundWords,
  IN_ASSEMBLED,
  inAssembledWords,
  listedWords,
  nothingToPush,
  pastSentWords,
  replacingWords,
} from './progress-words';
import { changedTail, LIST_GONE, NONE_SENT_TAIL, STOPPED_TAIL, UNWRITTEN_TAIL } from './push-again';
import {
  type InFlight,
  isStalled,
  OUTAGE_MS,
  OUTAGE_TRIES,
  type PushJob,
  PushStore,
  parseFlight,
} from './push-job';
import { reconcile } from './reconcile';
import { type SendItem, type Sent, sendBatch } from './send';
import {
  AS_SENT,
  aloneChangedWas,
  changedMessage,
  changesSinceSent,
  emptiedMessage,
  movedAwayMessage,
  movedMessage,
  otherZoneWords,
  PUSHED_BEFORE,
  PUT_BACK_CHANGED,
  putBackMessage,
  SENT_BEFORE,
  saysChanged,
  sentMessage,
  sentSinceMessage,
} from './sent-print';
import {
  addStatusColumns,
  emptiedRows,
  isToFix,
  noteKind,
  prepareOutcomes,
  type RowOutcome,
  readSheet,
  rowsAsTheyStand,
  type SheetRow,
  type SheetSnapshot,
  sheetAsItStands,
  toFix,
  writeOutcomes,
} from './sheet-rows';
import type { StatesHeld } from './states-in-assembled';
import { stillRefused } from './still-refused';
import type { TemplateSpec } from './template';
import { TimeOffTypes } from './time-off-types';
import {
  keepsVerdict,
  NOT_SENT,
  type RowStop,
  STOPPED_IN_FLIGHT,
  stopFor,
  UNREAD,
  unsentWords,
  WAITING,
  withLastCheck,
} from './unsent-words';
import { untickedDays, untickedDaysWords, wentAsWholeDays, wholeDays } from './unticked-days';

export interface SheetRef {
  id: number;
  name: string;
}

/** The spreadsheet as a push sees it. */
export interface PushSheets {
  /** A sheet by id (ids survive renames); undefined when it was deleted. */
  open(sheetId: number): (SheetRef & { grid: Grid }) | undefined;
  /** Creates a sheet from a template (a free name is found) and returns it. */
  insertTemplate(template: TemplateSpec): SheetRef;
}

export interface PushDeps {
  /** Built on demand with the pacing this push needs; the key is read only then. */
  client: (limiter: TokenBucket) => AssembledClient;
  clock: Clock;
  zone: Zone;
  /** Zones by name, for the days of all-day time off (its agent's own). */
  zones: Zones;
  store: Store;
  lock: Lock;
  sheets: PushSheets;
  /** The spreadsheet's locale, for dates and TRUE/FALSE typed as text. */
  locale?: string;
  /** Who is running this: only their own pushes are carried on, with their key. */
  user: Caller;
  /** The caller's own store (User properties): the rows a push was started with. */
  own: Store;
  /** A fresh unguessable id (Utilities.getUuid in Apps Script). */
  newId: () => string;
  /** The spreadsheet this runs in; records keep it for runs that have no active spreadsheet. */
  spreadsheetId: string;
  /**
   * Makes sure the dispatcher will come back for unfinished work; says why not in words when
   * Google would not create its trigger (the work is kept; an open sidebar finishes it).
   */
  ensureTrigger: () => string | undefined;
  /** The "Assembled log" sheet: a row per push that ends, as pulls have. */
  log?: RunLog;
}

/** Rows per batch: time off is a request a row; the others go in one request a batch. */
export const BATCH_ROWS: Record<PushKind, number> = {
  time_off: 50,
  time_off_cancel: 50,
  agent_states: 250,
  state_edits: 100,
  associations: 250,
  activities: 100,
  activities_clear: 10,
};
/** After the deadline the execution has this long before Apps Script kills it. */
export const KILL_MARGIN_MS = 60_000;
const MAX_STALLS = 5;
/** The summary's one word for a kind's rows sent; kinds of several actions count each (byStatus). */
const DONE_WORD: Record<PushKind, string | undefined> = {
  time_off: 'created',
  time_off_cancel: 'cancelled',
  agent_states: 'ingested',
  state_edits: undefined,
  associations: 'associated',
  activities: undefined,
  activities_clear: 'cleared',
};

/** Adds rows' done statuses (created, deleted…) to a push's count of each. */
function tally(byStatus: Record<string, number> | undefined, statuses: string[]): Record<string, number> {
  const out = { ...byStatus };
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}
const BACKOFF_MS = 60_000;
/** A failed look for a batch whose answer was lost, in a person's words. */
const CHECKING_BATCH = 'while checking whether Assembled took the last batch';
const RATE_PER_MS = 300 / 60_000;
const BURST = 20;
/** Time off's pace under the rate limit (a request a row, 5 a second). */
const ROW_PACE_MS = 200;
/** Time a batch takes besides its requests: the in-flight mark, its outcomes written, saved. */
const BATCH_SETTLE_MS = 2_000;
/** A generous guess at one bulk batch (states, associations): one request and its outcomes. */
const BULK_BATCH_MS = 17_000;
/** Rows written per block when a whole sheet is marked (validate, and errors at a push's start). */
const WRITE_ROWS = 5_000;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---- Validate ---------------------------------------------------------------------------------

export interface ValidateSummary {
  sheet: string;
  kind: PushKind;
  rows: number;
  ok: number;
  errors: number;
  /** Rows Assembled has as they read already (SheetRow.holds): nothing to send, so not sent. */
  inAssembled: number;
  /** Rows already done (a done status, or an id the add-on wrote): left as they are. */
  skipped: number;
  /** Of those, rows changed since they were sent with a change to send (changedCount). */
  changed: number;
  /** Of those, rows holding cells another row was pushed with: sorted without the status columns. */
  moved: number;
  /** Listed activities with no Action (a pulled schedule's other rows): left as they are. */
  listed: number;
  /** OK activity creates without Allow conflicts TRUE: Assembled removes what they overlap. */
  removing: number;
  /** OK activity updates: they cannot keep what they overlap, so Assembled may remove it. */
  updating: number;
  /** OK rows pushed as they stand before, their status and ID cleared since (SheetRow.sentBefore). */
  again: number;
  /** OK rows that replace the ID their agent holds on that platform (SheetRow.replaces). */
  replacing?: Replacing;
  /** OK rows sending a platform or state name Assembled does not know, as written (as-written.ts). */
  asWritten?: AsWrittenRows;
  /** OK windows to clear, and the activities they would remove and cut, when every one was counted. */
  clearing?: { rows: number; activities?: number; cut?: number };
  /** The first few problems, "Row 4: Start: ...", then how many more there are. */
  problems: string[];
  /** The sheet's columns this kind does not read: many say it is some other sheet. */
  unread: string[];
  /** Fields two columns fit, and the one read (doubled-columns.ts). */
  doubled: DoubledColumn[];
  /** One line on done rows whose times were pushed in the spreadsheet's zone before it changed. */
  otherZone?: string;
  /** One line on rows that had reached Assembled and were deleted since (gone-rows.ts). */
  gone?: string;
  /** One line on rows that go as whole days with All day not ticked (unticked-days.ts). */
  untickedDays?: string;
}

function openSheet(deps: PushDeps, sheet: SheetRef): SheetRef & { grid: Grid } {
  const open = deps.sheets.open(sheet.id);
  if (!open) throw new InputError('Push', [`The sheet "${sheet.name}" no longer exists.`]);
  return open;
}

/** Kinds a pulled table is refused as whatever its header reads (pulledTableWords `whole`). */
const REFUSED_WHOLE: PushKind[] = ['agent_states', 'time_off_cancel'];

/** Pulls whose rows are agent states Assembled holds, as a pulled sheet's header note names them. */
const STATE_PULLS = [RESOURCE_INFO.agent_states.label, RESOURCE_INFO.condensed_timeline.label];

/**
 * Why a table a pull wrote in row 1 (wherever it starts) is not pushed as `kind`, or undefined when
 * there is none; whole says it is refused whatever the header reads. Every row of a pulled time-off
 * list has a request id: pushed as "Time off to cancel" it would cancel every request it lists, and
 * any other pull's ID column (Teams, People) reads as request ids too, each row then an error
 * written into the pulled table. Pulled states have no id to clear (unlike a time-off list's rows,
 * held-rows.ts): ingested, each row could only be refused. Any other kind is refused only when the
 * header lacks its columns (readOrThrow), and never for the pull it is filled in on.
 */
function pulledTableWords(grid: Grid, kind: PushKind): { words: string; whole: boolean } | undefined {
  const pulled = pulledTable(grid);
  if (pulled === undefined) return undefined;
  const label = KINDS[kind].label;
  const table = `The table at ${cellName(1, pulled.col)} is Assembled's ${pulled.source}, written by a pull`;
  const none = 'Nothing was written or sent.';
  if (kind === 'agent_states' && STATE_PULLS.includes(pulled.source)) {
    const words = `${table}: Assembled holds its states already, so they are not ingested again. To change one, change it in Assembled itself, or, if an Agent-state edit history pull lists it, use "${KINDS.state_edits.label}" (Insert template) with its State ID; new states go in a sheet of their own (Insert template for "${label}"). ${none}`;
    return { words, whole: true };
  }
  if (kind !== 'time_off_cancel') {
    // A schedule pulled is filled in as Activities: its header's words (add Action) say what to do.
    if (fitsPulled(kind, pulled.source)) return undefined;
    const rows = lowerFirst(label);
    return {
      words: `${table}, not rows of ${rows}: use Insert template for "${label}" to make a sheet for them. ${none}`,
      whole: false,
    };
  }
  const what = listsTimeOff(pulled.source)
    ? `pushed as "${label}", it would cancel every request it lists.`
    : 'it lists no time-off requests to cancel.';
  const words = `${table}: ${what} To cancel time off, put the ids of the requests in a sheet of their own (Insert template for "${label}") and push that. ${none}`;
  return { words, whole: true };
}

/**
 * The states Assembled holds over a span, for the agents named or everyone: read by Validate and a
 * push's first run (states-in-assembled.ts).
 */
const statesIn =
  (client: AssembledClient): StatesHeld =>
  (start, end, agentIds) =>
    client.getAgentStates({ start_time: start, end_time: end, ...(agentIds ? { agent_ids: agentIds } : {}) });

/**
 * What rows are checked against in Assembled, each read on first need. The activity types are read
 * with a client of their own unless given.
 */
interface AssembledChecks {
  agents: AgentDirectory;
  types?: ActivityTypeDirectory;
  timeOffTypes?: TimeOffTypes | undefined;
  statesHeld?: StatesHeld | undefined;
  activitiesHeld?: ActivitiesHeld;
}

/** What Assembled holds, to order activity rows by (activity-order.ts): read by Validate and every run of a push. */
const activitiesIn =
  (client: AssembledClient): ActivitiesHeld =>
  (start, end, agents, schedule) =>
    activitiesHeld(client, start, end, agents, schedule);

function readOrThrow(
  grid: Grid,
  kind: PushKind,
  deps: PushDeps,
  { agents, types, timeOffTypes, statesHeld, activitiesHeld }: AssembledChecks,
): SheetSnapshot {
  // Row 1's notes read first only for the kinds a pull is refused as whole; else only if the read fails.
  const pulled = REFUSED_WHOLE.includes(kind) ? pulledTableWords(grid, kind) : undefined;
  if (pulled?.whole) throw new InputError(KINDS[kind].label, [pulled.words]);
  const read = readSheet(grid, kind, {
    zone: deps.zone,
    zones: deps.zones,
    agents,
    types: types ?? activityTypes(deps),
    now: deps.clock.now(),
    ...(timeOffTypes ? { timeOffTypes } : {}),
    ...(statesHeld ? { statesHeld } : {}),
    ...(activitiesHeld ? { activitiesHeld } : {}),
    ...(deps.locale ? { locale: deps.locale } : {}),
  });
  // The header lacks the kind's columns: a pulled table there is named, not told to gain them.
  if (!read.ok)
    throw new InputError(KINDS[kind].label, [
      (pulled ?? pulledTableWords(grid, kind))?.words ?? read.problem,
    ]);
  return read.sheet;
}

/** Writes outcomes for many rows, a block of rows at a time; rows the user emptied are cleared. */
function writeMany(grid: Grid, sheet: SheetSnapshot, outcomes: Map<number, RowOutcome>, when: Date): void {
  const entries = [...new Map([...emptiedRows(sheet), ...outcomes])].sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < entries.length; i += WRITE_ROWS) {
    writeOutcomes(grid, sheet, new Map(entries.slice(i, i + WRITE_ROWS)), when);
  }
}

/** A done row changed since it was sent keeps its status; its message says what to do with the change. */
function changedOutcome(kind: PushKind, sheet: SheetSnapshot, row: SheetRow): RowOutcome | undefined {
  if (!row.changed) return undefined;
  const { action, allow_conflicts: allow } = sheet.map.columns;
  const said = action === undefined ? '' : String(row.values[action] ?? '');
  const cells = statusCells(sheet, row);
  // Sent as an update, a TRUE there is refused: the message says to clear it with the rest.
  const clearToo =
    allow !== undefined && readsTrue(row.values[allow]) ? sheet.map.headers[allow] || 'Allow conflicts' : '';
  const what = () => changesSinceSent(row.note ?? '', row.values, sheet.map, sheet.zone);
  const message = row.blank
    ? emptiedMessage(kind, cells.message)
    : row.movedFrom !== undefined
      ? movedMessage(row.movedFrom, cells.message, row.clash, movedEdit(sheet, row, row.movedFrom))
      : row.movedTo !== undefined
        ? movedAwayMessage(row.movedTo, cells.message, row.clash)
        : row.sentBy !== undefined
          ? sentSinceMessage(row.sentBy, what(), cells.message, row.clash)
          : changedMessage(
              kind,
              said,
              cells.status,
              cells.message,
              clearToo,
              what(),
              `${row.clash ?? ''}${row.putBack ? PUT_BACK_CHANGED : ''}`,
              row.unsendable,
              editFacts(sheet, row),
            );
  return { ...doneOutcome(row, cells), message };
}

/** An Agent-state edits row's ids and pushed Action, which its change words may name (edit-how.ts). */
function editFacts(sheet: SheetSnapshot, row: SheetRow): EditFacts {
  const { state_id: at } = sheet.map.columns;
  return {
    id: row.id,
    stateId: at === undefined ? '' : cellText(row.values[at]),
    actionWas: aloneChangedWas(row.note ?? '', row.values, sheet.map, sheet.zone, 'action'),
  };
}

/** What changed since row `from` was pushed in a row sorted off it: '' when it holds those cells as they were. */
function movedEdit(sheet: SheetSnapshot, row: SheetRow, from: number): string {
  const note = sheet.rows[from - 2]?.note ?? '';
  return changesSinceSent(note, row.values, sheet.map, sheet.zone);
}

/**
 * How Validate's and Push's summaries count a done row changed since it was sent (changedOutcome):
 * moved by a sort that left out the status columns, changed with a change to send, or neither when
 * a row pushed since sent the same (nothing is left to send).
 */
function changedCount(row: SheetRow): 'moved' | 'changed' | undefined {
  if (row.movedFrom !== undefined || row.movedTo !== undefined) return 'moved';
  return row.sentBy === undefined ? 'changed' : undefined;
}

/**
 * A row no longer changed since it was sent (put back as it was) says again what it said then;
 * a row still changed is changedOutcome's, and a row pushed again gets its new message anyway.
 */
function restoredOutcome(sheet: SheetSnapshot, row: SheetRow): RowOutcome | undefined {
  // A row not done is still to send: Push's first run once wrote "Done" over its "Ready to push.".
  if (!row.done) return undefined;
  const cells = statusCells(sheet, row);
  // Its status cleared and put back (cleared-states.ts): said, whatever it said before.
  if (row.putBack)
    return {
      ...doneOutcome(row, cells),
      message: putBackMessage(cells.message.startsWith(READY) ? '' : cells.message),
    };
  // Validate's word from while the row was not done (its status and ID cleared, then typed back)
  // would say it is still to be sent.
  if (cells.message.startsWith(READY)) return { ...doneOutcome(row, cells), message: AS_SENT };
  if (!saysChanged(cells.message)) return undefined;
  return { ...doneOutcome(row, cells), message: sentMessage(cells.message) };
}

/** What the row's cells were read as, where that is not what they show (parse-row.ts). */
const readAs = (row: SheetRow): string => (row.parse?.ok && row.parse.readAs) || '';

const CHANGED_MID_PUSH = 'Changed or added during the push, not sent:';

/** Validate's word for a row that reads well and is to be sent. */
const READY = 'Ready to push.';

/** The word beside a row that reads well and is to be sent; `clear`: what a clear would remove. */
function readyOutcome(row: SheetRow, clear = ''): RowOutcome {
  const removes = removesOverlapped(row.parse?.ok ? row.parse.request : undefined);
  return {
    status: 'OK',
    message: `${READY}${readAs(row)}${row.past ?? ''}${replacing(row, false)}${addingWords(row)}${asWrittenText(row)}${removes}${clear}${row.sentBefore ? SENT_BEFORE : ''}${row.when === undefined ? '' : PUSHED_BEFORE}`,
    unsent: true,
  };
}

/** The word beside a row Assembled has as it reads already: Validate and Push say the same. */
const IN_ASSEMBLED_OUTCOME: RowOutcome = { status: IN_ASSEMBLED, message: HOLDS_ALREADY, unsent: true };

function refusedAgain(message: string): string {
  const again = goneFromAssembled(message) ? '' : ' Change the row, or push it again to send it as it is.';
  return `Refused by Assembled when last pushed, and not changed since: ${message}${again}`;
}

function statusCells(sheet: SheetSnapshot, row: SheetRow): { status: string; message: string } {
  const { status, message } = sheet.map.status;
  return { status: String(row.values[status] ?? '').trim(), message: String(row.values[message] ?? '') };
}

/** A done row's outcome as it stands: nothing is sent, its status and Assembled ID stay. */
function doneOutcome(row: SheetRow, { status, message }: { status: string; message: string }): RowOutcome {
  return { status, ...(row.id ? { id: row.id } : {}), message, unsent: true };
}

function problemOutcome(row: SheetRow): RowOutcome | undefined {
  return row.parse && !row.parse.ok ? toFix(row.parse.problems.join(' ')) : undefined;
}

/** Adds a window to Validate's count of clears; the activities stay counted only while every window is. */
function countClear(
  sum: ValidateSummary['clearing'] = { rows: 0, activities: 0, cut: 0 },
  count: ClearCount | undefined,
): ValidateSummary['clearing'] {
  const rows = sum.rows + 1;
  return count && sum.activities !== undefined
    ? { rows, activities: sum.activities + count.removed, cut: (sum.cut ?? 0) + count.cut }
    : { rows };
}

/** Dry run: marks every row that is not done OK or its problems. Nothing is sent. */
export function validateSheet(deps: PushDeps, kind: PushKind, ref: SheetRef): ValidateSummary {
  return withLock(deps.lock, () => {
    const running = new PushStore(deps.store).onSheet(ref.id);
    if (running)
      throw new InputError('Validate', ['A push is running on this sheet; wait for it to finish first.']);
    const { grid, name } = openSheet(deps, ref);
    const client = deps.client(new TokenBucket(deps.clock));
    const sheet = readOrThrow(grid, kind, deps, {
      agents: new AgentDirectory(() => client.listPeople()),
      timeOffTypes: new TimeOffTypes(() => client.listActivityTypes()),
      statesHeld: statesIn(client),
      activitiesHeld: activitiesIn(client),
    });
    if (kind === 'time_off_cancel') markUnknownCancels(client, sheet);
    addStatusColumns(grid, sheet.map);
    prepareOutcomes(grid, sheet);
    const outcomes = new Map<number, RowOutcome>();
    const days: number[] = [];
    // A clear cannot be undone: what each window would remove is said before it is sent.
    const clears = kind === 'activities_clear' ? countClears(client, sheet.rows) : undefined;
    const summary: ValidateSummary = {
      sheet: name,
      kind,
      rows: 0,
      ok: 0,
      errors: 0,
      inAssembled: 0,
      skipped: 0,
      changed: 0,
      moved: 0,
      listed: 0,
      removing: 0,
      updating: 0,
      again: 0,
      problems: [],
      unread: unreadColumns(sheet.map),
      doubled: doubledColumns(sheet.map),
    };
    // Rows Assembled refused as they stand: Push sends a row waiting on one only once it is taken.
    const standing = new Set(sheet.rows.filter((r) => r.refused && r.parse?.ok).map((r) => r.row));
    for (const row of sheet.rows) {
      const waitsOn = (row.waitsOn ?? []).filter((n) => standing.has(n));
      if (row.listed && !row.done) summary.listed++;
      if (row.blank && !row.done) continue;
      summary.rows++;
      if (row.done) {
        summary.skipped++;
        const changed = changedOutcome(kind, sheet, row);
        const back = changed ? undefined : restoredOutcome(sheet, row);
        if (back) outcomes.set(row.row, back);
        if (!changed) continue;
        outcomes.set(row.row, changed);
        const count = changedCount(row);
        if (!count) continue;
        summary[count]++;
        listProblem(summary.problems, row.row, changed.message);
      } else if (row.holds && row.parse?.ok) {
        summary.inAssembled++;
        outcomes.set(row.row, IN_ASSEMBLED_OUTCOME);
      } else if (row.refused && row.parse?.ok) {
        // Assembled's answer stands until the row is changed: "Ready to push" would hide it.
        summary.errors++;
        listProblem(summary.problems, row.row, refusedAgain(statusCells(sheet, row).message));
      } else if (row.parse?.ok && waitsOn.length > 0) {
        summary.errors++;
        outcomes.set(row.row, { ...toFix(waitsWords(waitsOn, true)), unsent: true });
        listProblem(summary.problems, row.row, waitsWords(waitsOn, true));
      } else if (row.parse?.ok) {
        summary.ok++;
        if (createRemovesOverlap(row.parse.request)) summary.removing++;
        else if (removesOverlap(row.parse.request)) summary.updating++;
        if (row.sentBefore) summary.again++;
        summary.replacing = countReplacing(summary.replacing, row);
        summary.asWritten = countAsWritten(summary.asWritten, row);
        if (untickedDays(row)) days.push(row.row);
        const clear = clears ? clearWords(clears.get(row.row)) : '';
        if (clears) summary.clearing = countClear(summary.clearing, clears.get(row.row));
        outcomes.set(row.row, readyOutcome(row, clear));
      } else {
        const bad = problemOutcome(row);
        if (!bad) continue;
        summary.errors++;
        outcomes.set(row.row, { ...bad, unsent: true });
        listProblem(summary.problems, row.row, bad.message);
      }
    }
    summary.problems = withMore(summary.problems, summary.errors, summary.changed + summary.moved);
    showWholeDays(grid, sheet, deps.locale);
    const sentIn = sheet.rows.flatMap((r) => (r.sentIn ? [r.sentIn] : []));
    if (sentIn.length > 0)
      summary.otherZone = otherZoneWords(sentIn.length, [...new Set(sentIn)], sheet.zone);
    const gone = goneWords(kind, goneRows(sheet));
    if (gone) summary.gone = gone;
    const empty = untickedDaysWords(wholeDays(days, sheet.map), 'before');
    if (empty) summary.untickedDays = empty;
    writeMany(grid, sheet, outcomes, new Date(deps.clock.now()));
    return summary;
  });
}

/** What Push asks before it sends, a count each: what it cannot take back, or would make twice. */
export interface PushAsk {
  /** Windows to clear (a clear cannot be undone). */
  clear: number;
  /** Time-off requests to cancel (a cancel cannot be undone). */
  cancel: number;
  /** Rows pushed before as they stand, their status and ID cleared since: sent, they are made twice. */
  again: number;
  /** Rows replacing their agent's ID on a platform (the old one is gone once sent); absent when none. */
  replace?: ReplaceAsk;
}

/**
 * What a push of the sheet would ask about, read as Push reads it; nothing is written. The sidebar
 * asks first only when there is something. With Assembled not answering any of the reads (people,
 * activity types), the sheet is read again with none of them, so the push starts and waits it out;
 * the rows pushed before are still counted (then it would send them): they read well when they went.
 */
export function askBeforePush(deps: PushDeps, kind: PushKind, ref: SheetRef): PushAsk {
  const { grid } = openSheet(deps, ref);
  const client = deps.client(new TokenBucket(deps.clock));
  // Every read from Assembled goes through here, so that the fallback below covers each of them.
  const read = (people: () => Person[], types: () => ActivityType[]) =>
    readOrThrow(grid, kind, deps, {
      agents: new AgentDirectory(people),
      types: new ActivityTypeDirectory(types),
    });
  let sheet: SheetSnapshot;
  try {
    sheet = read(
      () => client.listPeople(),
      () => client.listActivityTypes(),
    );
  } catch (error) {
    // A clear is asked about before it goes (it cannot be undone), and its rows read well only with
    // the agents: it is never pushed unasked.
    if (kind === 'activities_clear' || !isAssembledError(error)) throw error;
    sheet = read(
      () => [],
      () => [],
    );
  }
  // The cancels asked about are those the push sends: not an id it finds no request has.
  if (kind === 'time_off_cancel') markUnknownCancels(client, sheet);
  const { rows, map } = sheet;
  const replace = replacedIds(rows, (r) => cellText(r.values[map.columns.agent ?? -1]));
  return {
    clear: kind === 'activities_clear' ? windowsToClear(rows) : 0,
    cancel: kind === 'time_off_cancel' ? rows.filter((r) => !r.done && r.parse?.ok).length : 0,
    again: rows.filter((r) => r.sentBefore).length,
    ...(replace ? { replace } : {}),
  };
}

// ---- Push -------------------------------------------------------------------------------------

/** Pushes one editor may have running at once in a spreadsheet. */
export const MAX_RUNNING_PUSHES = 5;

/** Another editor's push is running on the sheet: it is named, never joined or driven. */
function othersPush(job: PushJob, now: number): InputError {
  return new InputError('Push', [
    isStalled(job, now)
      ? `A push by ${ownerName(job)} is running on this sheet (it runs with their API key), but nothing has worked on it for over ${EXECUTION_MS / 60_000} minutes: stop it with Stop their push, then push again to send the rows left with your key.`
      : `A push by ${ownerName(job)} is running on this sheet (it runs with their API key); wait for it to finish, then push again.`,
  ]);
}

/**
 * Starts a push of a sheet for the caller: the same key twice gives the same push (among the
 * caller's own), one push per sheet at a time. The push's id is made here.
 */
export function startPush(deps: PushDeps, kind: PushKind, ref: SheetRef, key: string): PushJob {
  const pushes = new PushStore(deps.store);
  return withLock(deps.lock, () => {
    const mine = pushes.all().filter((j) => owns(deps.user, j));
    const again = mine.find((j) => j.requestKey === key);
    if (again) return again;
    const running = pushes.onSheet(ref.id);
    if (running) {
      if (!owns(deps.user, running)) throw othersPush(running, deps.clock.now());
      return running;
    }
    if (mine.filter((j) => j.state === 'running').length >= MAX_RUNNING_PUSHES) {
      throw new InputError('Push', [
        `You already have ${MAX_RUNNING_PUSHES} pushes running in this spreadsheet; wait for one to finish.`,
      ]);
    }
    // No key, no push: the push would only fail, and nothing is saved for it.
    deps.client(new TokenBucket(deps.clock));
    const now = deps.clock.now();
    pushes.prune(now);
    AcceptedRows.dropAllBut(deps.own, new Set(mine.filter((j) => j.state === 'running').map((j) => j.id)));
    // A push that stopped with rows in flight hands them on: they are reconciled, never resent blind.
    const orphan = pushes.all().find((j) => j.sheetId === ref.id && (j.inFlight || j.again));
    const job: PushJob = {
      id: deps.newId(),
      owner: deps.user.email,
      ownerId: deps.user.id,
      requestKey: key,
      spreadsheetId: deps.spreadsheetId,
      kind,
      sheetId: ref.id,
      sheetName: ref.name,
      state: 'running',
      createdAt: now,
      updatedAt: now,
      total: 0,
      done: 0,
      succeeded: 0,
      failed: 0,
      skipped: 0,
      invalid: 0,
      stalls: 0,
      ...(orphan?.inFlight ? { inFlight: orphan.inFlight } : {}),
      ...(orphan?.again ? { again: orphan.again } : {}),
    };
    makeRoom(deps.store, deps.user, 'push.', job, now);
    if (orphan) {
      const handed = { ...orphan };
      delete handed.inFlight;
      delete handed.again;
      pushes.save(handed);
    }
    pushes.save(job);
    // The rows there now are the push's: rows added later wait for a push of their own, even when
    // Assembled keeps this one from reading its rows for a while.
    const open = deps.sheets.open(ref.id);
    if (open) new AcceptedRows(deps.own, job.id).fix(rowsAsTheyStand(open.grid, kind), deps.newId());
    const notice = deps.ensureTrigger();
    return notice ? pushes.save({ ...job, notice }) : job;
  });
}

export function hasActivePushes(store: Store, user: Caller): boolean {
  return new PushStore(store).running().some((j) => owns(user, j));
}

/** The dispatcher's work: this user's pushes (they run with the user's key) until the deadline. */
export function runDuePushes(deps: PushDeps, deadline: number): void {
  for (const job of new PushStore(deps.store).running()) {
    if (!owns(deps.user, job)) continue;
    if (deps.clock.now() >= deadline) return;
    advancePush(deps, job.id, deadline);
  }
}

type Lease = { job: PushJob; ours: boolean };

/**
 * The push as an execution takes it up at `now`. Its log row's Duration is its attempt's own time,
 * as every row's (attempt-time.ts): its waits on a rate limit count, as waits on Assembled; the
 * time between tries of a failing Assembled does not, as a retry's wait. Both are kept for the row
 * to say (waitWords).
 */
function takenUp(job: PushJob, now: number): PushJob {
  if (job.failing) {
    const gap = Math.max(0, now - job.updatedAt);
    return { ...withWait(job, job.updatedAt, now), outageWaitMs: (job.outageWaitMs ?? 0) + gap };
  }
  const taken = withWait(job, job.notBefore ?? 0, now);
  if (job.limitedSince === undefined) return taken;
  // Up to its next try: past that, it waited for an execution, which Duration leaves out.
  const limited = Math.max(0, Math.min(now, job.notBefore ?? now) - job.updatedAt);
  return limited > 0 ? { ...taken, limitWaitMs: (job.limitWaitMs ?? 0) + limited } : taken;
}

function takeLease(deps: PushDeps, id: string, deadline: number): Lease {
  const pushes = new PushStore(deps.store);
  return withLock(deps.lock, () => {
    const job = pushes.get(id);
    if (!job) throw new InputError('Push', [goneText('push', id)]);
    // Only the owner's executions carry a push on (with the owner's key), or even see it.
    if (!owns(deps.user, job)) throw new NotYours('push', job);
    const now = deps.clock.now();
    if (job.state !== 'running') return { job, ours: false };
    if ((job.leaseUntil ?? 0) > now || (job.notBefore ?? 0) > now) return { job, ours: false };
    if (job.stalls >= MAX_STALLS) {
      const message = `Stopped: ${MAX_STALLS} runs in a row were cut short${lastProblem(job.message)}. ${STOPPED_TAIL}`;
      return { job: stopped(deps, pushes, job, message, { why: 'other' }), ours: false };
    }
    const leased = {
      ...takenUp(job, now),
      leaseUntil: deadline + KILL_MARGIN_MS,
      stalls: job.stalls + 1,
      updatedAt: now,
    };
    return { job: pushes.save(leased), ours: true };
  });
}

/**
 * The last failed try's cause, said when a push stops after it, as a sentence of its own (the cause
 * holds brackets of its own: "(HTTP 503)"); '' when there is none.
 */
const lastProblem = (message: string | undefined) => (message ? `. Last problem: ${causeOf(message)}` : '');
/**
 * Why a push waits on Assembled, down or limiting requests alike: its last failed try's cause,
 * said when it is stopped meanwhile; '' when it is not waiting.
 */
const waitingCause = (job: PushJob) =>
  lastProblem(job.failing || job.limitedSince !== undefined ? job.message : undefined);

/** A push's last words, then the time its requests went unanswered, which its Elapsed holds unsaid. */
const endsUnanswered = (job: PushJob, message: string) =>
  `${message}${unansweredWords('push', job.unansweredMs)}`;

/**
 * Ends a push no execution holds (under the lock): saved as failed with `message`, logged. A batch
 * in flight stays marked, for the next push of the sheet to look up before sending anything.
 */
function stopped(deps: PushDeps, pushes: PushStore, job: PushJob, message: string, stop: RowStop): PushJob {
  const now = deps.clock.now();
  const ended: PushJob = {
    ...takenUp(job, now),
    state: 'failed',
    updatedAt: now,
    message: endsUnanswered(job, message),
  };
  delete ended.leaseUntil;
  delete ended.notBefore;
  markUnsent(deps, job, stop);
  new AcceptedRows(deps.own, job.id).drop();
  logPush(deps, ended);
  return pushes.save(ended);
}

/**
 * A push that stops leaves its rows never sent saying so, and why (`stop`): "Ready to push." (or
 * nothing) beside them would pass for rows still on their way. Rows it could not read yet
 * ('waiting': it still may) say so too: Validate's words there may speak of cells changed since,
 * though a problem found then stays in view, and a row Assembled refused as it stands keeps its
 * refusal; with the key refused, a row keeps what its last check found (keepsVerdict). Best
 * effort: a sheet gone or protected keeps its cells.
 */
function markUnsent(deps: PushDeps, job: PushJob, stop: RowStop | 'waiting'): void {
  const waiting = stop === 'waiting';
  const accepted = new AcceptedRows(deps.own, job.id);
  // The rows a push was started with are kept in its owner's User properties: another editor who
  // stops it reads, in the shared sheet, the rows its own words are beside (pushWords).
  const mine = owns(deps.user, job);
  const open = deps.sheets.open(job.sheetId);
  const sheet =
    open && (!mine || accepted.load()) ? sheetAsItStands(open.grid, job.kind, deps.zone) : undefined;
  // Status columns not there yet hold no words to take back; the push adds them once it reads the rows.
  if (!open || !sheet || sheet.map.added.length > 0) return;
  const outcomes = emptiedRows(sheet);
  const unsent = sheet.rows.filter((r) => !r.done && !r.blank);
  // Rows in flight keep their status: the next push looks them up before it sends anything.
  const flying = new Set(job.inFlight?.rows.map((r) => parseFlight(r).row));
  for (const row of unsent.filter((r) => flying.has(r.row) && !waiting))
    outcomes.set(row.row, {
      status: statusCells(sheet, row).status,
      message: STOPPED_IN_FLIGHT,
      unsent: true,
    });
  const words = waiting ? UNREAD : unsentWords(stop, job.prepared === true);
  const status = waiting ? WAITING : NOT_SENT;
  const left = unsent.filter((r) => !flying.has(r.row));
  const allowed = mine
    ? accepted.allowed(left)
    : new Set(left.filter((r) => pushWords(statusCells(sheet, r))).map((r) => r.row));
  const reached = unsent.filter((r) => allowed.has(r.row) && (waiting || !keepsVerdict(stop, r.status)));
  const refused = stillRefused(open.grid, sheet, reached);
  for (const row of reached.filter((r) => !refused.has(r.row))) {
    const message = withLastCheck(words, row.status, statusCells(sheet, row).message);
    outcomes.set(row.row, { status, message, unsent: true });
  }
  try {
    writeOutcomes(open.grid, sheet, outcomes, new Date(deps.clock.now()));
  } catch (error) {
    if (!(error instanceof WriteRefused)) throw error;
  }
}

/**
 * The words a running push leaves beside the rows it is to send, and only a push writes while one
 * runs (Validate waits): waiting to read them, or, once read, ready to push.
 */
const pushWords = ({ status, message }: { status: string; message: string }): boolean =>
  status === WAITING || (status === 'OK' && message.startsWith(READY));

/** Stops the caller's push (the sidebar's Stop): no more rows are sent. */
export function stopPush(deps: PushDeps, id: string): PushJob {
  const pushes = new PushStore(deps.store);
  return withLock(deps.lock, () => {
    const job = pushes.get(id);
    if (!job) throw new InputError('Push', [goneText('push', id)]);
    if (!owns(deps.user, job)) throw new NotYours('push', job);
    if (job.state !== 'running') return job;
    // An execution sending a batch would write the push back as running over the stop.
    if ((job.leaseUntil ?? 0) > deps.clock.now())
      throw new InputError('Stop', ['a batch is being sent right now: press Stop again in a few seconds']);
    return stopNow(deps, pushes, job, 'Stopped');
  });
}

/**
 * Stops another editor's push that has stalled (isStalled), so that the caller can push the rows
 * left with their own key: a push afresh, of the rows not done then; nothing of this one is carried
 * on with the caller's key. Its owner reads who stopped it, in the log and in their sidebar.
 */
export function stopStalledPush(deps: PushDeps, id: string): PushJob {
  const pushes = new PushStore(deps.store);
  return withLock(deps.lock, () => {
    const job = pushes.get(id);
    if (!job) throw new InputError('Push', [goneText('push', id)]);
    if (job.state !== 'running') return job;
    const since = formatLocalDateTime(job.updatedAt, deps.zone);
    if (!isStalled(job, deps.clock.now()))
      throw new InputError('Stop', [
        `The push by ${ownerName(job)} was worked on at ${since}: it can be stopped by another editor only once nothing has worked on it for ${EXECUTION_MS / 60_000} minutes.`,
      ]);
    const by = ownerName({ owner: deps.user.email });
    return stopNow(deps, pushes, job, `Stopped by ${by}, as nothing had worked on it since ${since}`, by);
  });
}

/**
 * Ends a running push no execution holds (under the lock), `how` said first: no more rows are sent.
 * `by`: the editor who stopped another's push, named beside the rows it did not send.
 */
function stopNow(deps: PushDeps, pushes: PushStore, job: PushJob, how: string, by?: string): PushJob {
  // Waiting on Assembled: the last try's cause says why nothing more went.
  const cause = waitingCause(job);
  const said =
    job.done > 0
      ? `${countText(job.done)} of ${rowCount(job.total)} ${job.done === 1 ? 'was' : 'were'} sent${cause}. ${STOPPED_TAIL}`
      : `no row was sent${cause}. ${NONE_SENT_TAIL}`;
  return stopped(deps, pushes, { ...job, stopped: true }, `${how}: ${said}`, {
    why: 'stopped',
    ...(by ? { by } : {}),
  });
}

/** Carries a push on until the deadline; returns it as it now stands. */
export function advancePush(deps: PushDeps, id: string, deadline: number): PushJob {
  const lease = takeLease(deps, id, deadline);
  if (!lease.ours) return lease.job;
  const run = new PushRun(deps, lease.job, deadline);
  try {
    run.go();
  } catch (error) {
    // The batch in flight stays marked; the next execution reconciles it. The run still counts
    // as a stall: a push that fails the same way every time is stopped after a few.
    run.job.message = messageOf(error);
    run.release(false);
    throw error;
  }
  run.release(true);
  return run.job;
}

/** A push that ended, in the log: rows that reached Assembled, and how it ended. */
function logPush(deps: PushDeps, job: PushJob): void {
  deps.log?.append({
    when: new Date(deps.clock.now()),
    who: ownerName(job),
    what: `Push: ${KINDS[job.kind].label}`,
    target: job.sheetName,
    status: logStatus(job),
    rows: job.succeeded,
    durationMs: attemptMs(job),
    message: `${job.message ?? ''}${waitWords(job)}`.trim(),
  });
}

/**
 * A rate-limit wait said in the log: shorter, it is the pace of an ordinary push (the client
 * itself waits out 429s up to a minute a request, unsaid) and Duration holds nothing to explain.
 */
const LIMIT_WAIT_SAID_MS = 60_000;

/**
 * What the log row of a push that waited on Assembled says of the waits, as long as they were:
 * failing (any wait; not in Duration), or limiting requests (a minute or more; in Duration).
 */
function waitWords(job: PushJob): string {
  const outage = betweenTriesWords('push', job.outageWaitMs);
  const limit =
    (job.limitWaitMs ?? 0) >= LIMIT_WAIT_SAID_MS
      ? ` Assembled limited its requests for a while: the push waited ${duration(job.limitWaitMs ?? 0)} for its turn (in Duration).`
      : '';
  return `${outage}${limit}`;
}

/**
 * A push that left rows to fix, or rows unsent as they changed during it, says so in the log's
 * Status, where people scan for what needs them: "done, 2 to fix, 1 not sent".
 */
function logStatus(job: PushJob): string {
  if (job.stopped) return STOPPED;
  if (job.state !== 'done') return job.state;
  const toFix = job.failed + job.invalid;
  const left = [
    toFix > 0 ? `${countText(toFix)} to fix` : '',
    job.notSent ? `${countText(job.notSent)} not sent` : '',
  ];
  return ['done', ...left.filter(Boolean)].join(', ');
}

/** A token bucket that starts as empty as the service's is likely to be after this push's last send. */
function pacedBucket(clock: Clock, lastSendAt: number | undefined): TokenBucket {
  const bucket = new TokenBucket(clock);
  if (lastSendAt !== undefined) {
    const refilled = Math.floor(Math.max(0, clock.now() - lastSendAt) * RATE_PER_MS);
    const drain = BURST - Math.min(BURST, refilled);
    if (drain > 0) bucket.acquire(drain);
  }
  return bucket;
}

class PushRun {
  private readonly pushes: PushStore;
  /** Built first thing in go(): with no key saved, the push stops there (and its lease is let go). */
  private client!: AssembledClient;
  private readonly agents: AgentDirectory;
  private grid?: Grid;
  private sheet?: SheetSnapshot;
  /** Rows not sent this execution after the service would not take them (rate limit, 5xx). */
  private readonly deferred = new Set<number>();
  /** Why the last of them was not taken: said while the push waits, and when it stops. */
  private trouble?: AssembledError;
  /** When Assembled's last answer was a 429, if it was: its client waits out the limit until the next. */
  private refusedAt?: number;
  /** The rows this push was started with, as they stand in this execution's read of the sheet. */
  private readonly accepted: AcceptedRows;
  private allowed = new Set<number>();

  constructor(
    private readonly deps: PushDeps,
    public job: PushJob,
    private readonly deadline: number,
  ) {
    this.pushes = new PushStore(deps.store);
    // Later executions answer from what the first one learned: one people read per push.
    const memo = job.prepared ? loadAgentMemo(deps.own, job.id) : undefined;
    this.agents = new AgentDirectory(() => this.client.listPeople(), memo);
    this.accepted = new AcceptedRows(deps.own, job.id);
  }

  private now(): number {
    return this.deps.clock.now();
  }

  private save(changes: Partial<PushJob>): void {
    this.job = { ...this.job, ...changes, updatedAt: this.now() };
    this.pushes.save(this.job);
  }

  /**
   * Assembled answered: a 429 starts a wait on its rate limit, any other answer ends it. No answer
   * in time adds its wait to the push's, saved with it to be said as it ends.
   */
  private heard(e: ResponseEvent): void {
    if (e.unansweredMs)
      this.job = { ...this.job, unansweredMs: (this.job.unansweredMs ?? 0) + e.unansweredMs };
    if (e.status === 429) this.refusedAt ??= this.now();
    else this.limitWaited();
  }

  /** Adds the wait on the rate limit under way, if any, to the push's (said in its log row). */
  private limitWaited(): void {
    if (this.refusedAt === undefined) return;
    this.job = { ...this.job, limitWaitMs: (this.job.limitWaitMs ?? 0) + this.now() - this.refusedAt };
    this.refusedAt = undefined;
  }

  /** Ends this execution's hold; a run that ended normally (even waiting out a rate limit) is no stall. */
  release(normal: boolean): void {
    this.limitWaited();
    const job = { ...this.job, updatedAt: this.now(), ...(normal ? { stalls: 0 } : {}) };
    delete job.leaseUntil;
    this.job = this.pushes.save(job);
  }

  /**
   * Tries again after a while, unless every try has failed for OUTAGE_MS: then the push stops.
   * A rate limit says Assembled is up: it is waited out without counting.
   */
  private waitOut(message: string | undefined, error?: AssembledError): void {
    if (error?.kind === 'rate_limited') {
      const limitedSince = this.job.limitedSince ?? this.now();
      // As long as Assembled asks (a second, often): a minute between tries made a storm of 60
      // refusals last an hour.
      const wait = error.retryAfterMs ?? BACKOFF_MS;
      this.limitWaited();
      this.save({ notBefore: this.now() + wait, message: error.message, limitedSince });
      return;
    }
    delete this.job.limitedSince;
    const { since, tries } = this.job.failing ?? { since: this.now(), tries: 0 };
    const failing = { since, tries: tries + 1 };
    const minutes = Math.round((this.now() - since) / 60_000);
    if (failing.tries < OUTAGE_TRIES || this.now() - since < OUTAGE_MS) {
      this.save({ notBefore: this.now() + BACKOFF_MS, failing, ...(message ? { message } : {}) });
      return;
    }
    // A server error or no answer is Assembled failing, not refusing the rows.
    const failed = !error || error.kind === 'server' || error.kind === 'network';
    this.finish(
      'failed',
      `Stopped: Assembled ${failed ? 'failed' : 'refused'} ${failing.tries} tries in a row over ${minutes} minutes${lastProblem(message)}. ${STOPPED_TAIL}`,
      stopFor(error),
    );
  }

  /** `stop`: why rows not reached were not sent, said beside them when the push failed. */
  private finish(state: 'done' | 'failed', message: string, stop: RowStop = { why: 'other' }): void {
    // Done, every row went: none is left to go again.
    if (state === 'done') delete this.job.again;
    this.limitWaited();
    const gone = goneWords(this.job.kind, this.job.gone ?? 0);
    this.save({ state, message: endsUnanswered(this.job, gone ? `${message} ${gone}` : message) });
    // The rows that reached Assembled, kept for the next Validate or push to tell one deleted since.
    if (this.job.prepared && this.grid && this.sheet)
      noteKind(this.grid, this.sheet.map, pushedRows(this.sheet.rows));
    if (state === 'failed') markUnsent(this.deps, this.job, stop);
    this.accepted.drop();
    logPush(this.deps, this.job);
  }

  go(): void {
    try {
      this.client = this.deps.client(pacedBucket(this.deps.clock, this.job.lastSendAt));
      this.client.onResponse((e) => this.heard(e));
    } catch (error) {
      // The key was removed while the push ran: another's key never carries it on, so it ends.
      if (!isAssembledError(error) || !noKeySent(error)) throw error;
      this.finish('failed', noKeyStop(this.job), { why: 'no_key' });
      return;
    }
    const open = this.deps.sheets.open(this.job.sheetId);
    if (!open) {
      this.finish('failed', `The sheet "${this.job.sheetName}" was deleted; the push stopped.`);
      return;
    }
    this.grid = open.grid;
    try {
      // Types are checked when the rows are fixed; later runs send only rows that passed then.
      const types = this.job.prepared ? undefined : new TimeOffTypes(() => this.client.listActivityTypes());
      // So are states Assembled holds already: later runs send only the rows kept then.
      const held = this.job.prepared ? undefined : statesIn(this.client);
      this.sheet = readOrThrow(open.grid, this.job.kind, this.deps, {
        agents: this.agents,
        timeOffTypes: types,
        statesHeld: held,
        // Read again each run: the order is of what Assembled holds now, rows sent since gone by.
        activitiesHeld: activitiesIn(this.client),
      });
      // Ids no request has are marked as Validate marks them, not sent to be refused one by one.
      if (!this.job.prepared && this.job.kind === 'time_off_cancel')
        markUnknownCancels(this.client, this.sheet);
    } catch (error) {
      if (isAssembledError(error) && ['rate_limited', 'server', 'network'].includes(error.kind)) {
        // Its first wait: the rows Push was pressed on say it is waiting to read them.
        if (!this.job.prepared && !this.job.failing && this.job.limitedSince === undefined)
          markUnsent(this.deps, this.job, 'waiting');
        this.waitOut(error.message, error);
        return;
      }
      this.finish('failed', messageOf(error), isAssembledError(error) ? stopFor(error) : { why: 'other' });
      return;
    }
    try {
      addStatusColumns(open.grid, this.sheet.map);
      prepareOutcomes(open.grid, this.sheet);
    } catch (error) {
      if (!(error instanceof WriteRefused)) throw error;
      // Rows in flight from an earlier run stay marked: whoever pushes next reconciles them.
      this.finish('failed', `${error.message} No row was sent.`);
      return;
    }
    if (!this.job.prepared) this.prepare();
    else if (!this.accepted.load()) {
      this.finish('failed', LIST_GONE);
      return;
    }
    this.allowed = this.accepted.allowed(this.sheet.rows.filter((r) => this.sendable(r)));
    this.loop();
  }

  /**
   * Writes outcomes of rows Assembled has already taken. When the sheet refuses them (a protection
   * added since the check), the rows stay marked in flight and the push stops: the next push
   * finds them in Assembled rather than sending them again.
   */
  private writeBack(outcomes: Map<number, RowOutcome>): boolean {
    try {
      // Its owner's name: only their executions, the hourly check's too, carry a push on.
      const by = ownerName(this.job);
      writeOutcomes(this.grid as Grid, this.sheet as SheetSnapshot, outcomes, new Date(this.now()), by);
      // Saved with the counts that follow: once over, only rows that went are said to have gone.
      if (this.job.wholeDays)
        this.job = { ...this.job, wholeDays: wentAsWholeDays(this.job.wholeDays, outcomes) };
      return true;
    } catch (error) {
      if (!(error instanceof WriteRefused)) throw error;
      const rows = [...outcomes.keys()].sort((a, b) => a - b).join(', ');
      const ok = [...outcomes.values()].filter((o) => !isToFix(o)).length;
      this.finish(
        'failed',
        `Rows ${rows} reached Assembled (${ok} accepted), but their outcome could not be written: ${error.message} ${UNWRITTEN_TAIL}`,
      );
      return false;
    }
  }

  /**
   * First run: mark the invalid rows and count what is to be sent, of the rows there when Push was
   * pressed; the others are left as they are, and marked not sent at the end (markNotSent).
   */
  private prepare(): void {
    const sheet = this.sheet as SheetSnapshot;
    // A push started before its rows were marked at the start takes the rows there now.
    const started = this.accepted.load() ? this.accepted.allowed(sheet.rows) : undefined;
    const later = (r: SheetRow) => started !== undefined && r.input !== undefined && !started.has(r.row);
    const outcomes = new Map<number, RowOutcome>();
    let skipped = 0;
    let changed = 0;
    let moved = 0;
    let invalid = 0;
    let listed = 0;
    let inAssembled = 0;
    const problems: string[] = [];
    for (const row of sheet.rows) {
      if (row.done) skipped++;
      else if (row.listed) listed++;
      // Said of rows added since Push was pressed too: nothing is sent for them either way.
      const held = row.holds && row.parse?.ok ? IN_ASSEMBLED_OUTCOME : undefined;
      if (held) inAssembled++;
      const bad = row.done || later(row) ? undefined : problemOutcome(row);
      if (bad) {
        invalid++;
        // Said in the sidebar too: the Push message column can sit out of sight behind it.
        listProblem(problems, row.row, bad.message);
      }
      const again = changedOutcome(this.job.kind, sheet, row);
      const count = again && changedCount(row);
      if (count === 'moved') moved++;
      else if (count === 'changed') changed++;
      // Listed with the rows to fix, as Validate lists them: the summary counts them.
      if (again && count) listProblem(problems, row.row, again.message);
      // A row to send says so afresh: Validate's words may speak of cells changed since.
      const ready = this.sendable(row) && !later(row) ? readyOutcome(row) : undefined;
      const outcome = bad ?? again ?? restoredOutcome(sheet, row) ?? held ?? ready;
      if (outcome) outcomes.set(row.row, { ...outcome, unsent: true });
    }
    writeMany(this.grid as Grid, sheet, outcomes, new Date(this.now()));
    showWholeDays(this.grid as Grid, sheet, this.deps.locale);
    // The rows to send are fixed now: rows added or changed later wait for their own push.
    const total = this.accepted.fix(
      sheet.rows.filter((r) => this.sendable(r) && !later(r)),
      this.deps.newId(),
    );
    saveAgentMemo(this.deps.own, this.job.id, this.agents.found);
    const doubled = doubledColumns(sheet.map);
    const gone = goneRows(sheet);
    const days = wholeDays(
      sheet.rows.filter((r) => this.sendable(r) && !later(r) && untickedDays(r)).map((r) => r.row),
      sheet.map,
    );
    this.save({
      prepared: true,
      ...(gone ? { gone } : {}),
      ...(days ? { wholeDays: days } : {}),
      ...(doubled.length ? { doubled } : {}),
      skipped,
      ...(changed ? { changed } : {}),
      ...(moved ? { moved } : {}),
      ...(listed ? { listed } : {}),
      ...(inAssembled ? { inAssembled } : {}),
      ...(problems.length ? { problems } : {}),
      invalid,
      total,
      stalls: 0,
    });
  }

  /**
   * Valid, not done, not in Assembled as it reads already, and not already tried by this push and
   * refused by Assembled.
   */
  private sendable(r: SheetRow): boolean {
    return (
      !r.done && !r.holds && r.parse?.ok === true && !(isToFix(r) && (r.when ?? 0) >= this.job.createdAt)
    );
  }

  /** The rows this push was started with that are still to send in this execution. */
  private pending(): SheetRow[] {
    return (this.sheet as SheetSnapshot).rows
      .filter((r) => this.allowed.has(r.row) && this.sendable(r) && !this.deferred.has(r.row))
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  }

  private loop(): void {
    for (;;) {
      if (this.job.state !== 'running') return;
      if (this.job.inFlight) {
        if (!this.reconcileFlight(this.job.inFlight)) return;
        continue;
      }
      const pending = this.pending();
      if (pending.length === 0) {
        if (this.deferred.size > 0) {
          this.waitOut(this.trouble?.message, this.trouble);
          return;
        }
        if (this.markNotSent()) this.finish('done', this.summary());
        return;
      }
      // A rank at a time: a row goes once the rows it waits on have their answer (activity-order.ts).
      const ranked = pending.filter((r) => r.rank === pending[0]?.rank);
      const batch = ranked.slice(0, Math.min(BATCH_ROWS[this.job.kind], this.rowsThatFit(ranked)));
      if (batch.length === 0) return;
      this.sendOne(batch);
    }
  }

  /**
   * Rows changed (or added) since the push started no longer match the rows it was started with and
   * are not sent: each says so beside it, rather than keep an old word or none. A row marked to fix
   * keeps its mark (checks made only at the start, such as time-off types, may pass it later).
   * False when the sheet refused the marks.
   */
  private markNotSent(): boolean {
    const sheet = this.sheet as SheetSnapshot;
    // Rows emptied meanwhile lose the word Push's first run wrote beside them.
    const outcomes = emptiedRows(sheet);
    let changed = 0;
    for (const row of sheet.rows) {
      // A row Assembled has as it reads already keeps the word it was given.
      // A row whose status cells hold the user's text is marked to fix, its words beside it already.
      if (row.done || row.holds || row.blank || !row.parse || isToFix(row) || row.stray) continue;
      const message = row.parse.ok
        ? `${CHANGED_MID_PUSH} push again to send it.`
        : `${CHANGED_MID_PUSH} ${row.parse.problems.join(' ')} Fix it, then push again.`;
      outcomes.set(row.row, {
        ...(row.parse.ok ? { status: NOT_SENT, message } : toFix(message)),
        unsent: true,
      });
      changed++;
    }
    if (!this.writeBack(outcomes)) return false;
    const notSent = Math.max(this.job.total - this.job.done, changed);
    if (notSent > 0) this.job = { ...this.job, notSent };
    return true;
  }

  /**
   * Rows the next batch may hold and still end by the deadline: time off paces a request a row at
   * 5 a second, so a batch shrinks to the time left (the execution keeps sending until then, and
   * the lease's margin covers a slow answer); the others are one request a batch.
   */
  private rowsThatFit(pending: SheetRow[]): number {
    const left = this.deadline - this.now();
    const perRequest = this.job.kind === 'time_off' || this.job.kind === 'time_off_cancel';
    if (perRequest) return Math.max(0, Math.floor((left - BATCH_SETTLE_MS) / ROW_PACE_MS));
    if (left < BULK_BATCH_MS) return 0;
    // Activity creates that allow conflicts go a request a row, paced as time off is.
    let alone = 0;
    for (const [i, row] of pending.entries()) {
      if (row.parse?.ok && sentAlone(row.parse.request)) alone++;
      if (BULK_BATCH_MS + alone * ROW_PACE_MS > left) return i;
    }
    return Number.POSITIVE_INFINITY;
  }

  /**
   * Rows of a batch whose rows to wait on (activity-order.ts) are not done: put off with one put
   * off (a rate limit); else left unsent, saying so, as one was refused.
   */
  private waiting(batch: SheetRow[]): Map<number, RowOutcome> {
    const done = new Set((this.sheet as SheetSnapshot).rows.filter((r) => r.done).map((r) => r.row));
    const held = new Map<number, RowOutcome>();
    for (const row of batch) {
      const on = (row.waitsOn ?? []).filter((n) => !done.has(n));
      if (on.some((n) => this.deferred.has(n))) this.deferred.add(row.row);
      else if (on.length > 0) held.set(row.row, { ...toFix(waitsWords(on, true)), heldBack: true });
    }
    return held;
  }

  private sendOne(batch: SheetRow[]): void {
    const sentAt = this.now();
    const held = this.waiting(batch);
    const going = batch.filter((r) => !held.has(r.row) && !this.deferred.has(r.row));
    // The mark goes down before anything is sent.
    this.save({ inFlight: { sentAt, rows: going.map((r) => `${r.row}:${r.fp}`) } });
    const again = new Set(this.job.again);
    const items: SendItem[] = going.map((r) => ({
      row: r.row,
      request: (r.parse as { ok: true; request: SendItem['request'] }).request,
      ...(again.has(r.fp ?? '') ? { again: true as const } : {}),
    }));
    const result = sendBatch(this.client, this.job.kind, items);
    for (const [row, outcome] of held) result.outcomes.set(row, outcome);
    if (result.retry) this.trouble = result.retry;
    const outcomes = new Map<number, RowOutcome>();
    const unknown: string[] = [];
    let { replaced, past, asWritten } = this.job;
    for (const row of batch) {
      const sent: Sent = result.outcomes.get(row.row) ?? 'retry';
      if (sent === 'unknown') unknown.push(`${row.row}:${row.fp}`);
      else if (sent === 'retry') this.deferred.add(row.row);
      else if (isToFix(sent)) outcomes.set(row.row, sent);
      else {
        // Time off created in the past keeps Validate's word, now on undoing a mistyped date.
        const was = row.parse?.ok ? pastWords(row.parse.request, this.now(), this.deps.zone, true) : '';
        outcomes.set(row.row, {
          ...sent,
          message: sent.message + readAs(row) + was + replacing(row, true) + asWrittenText(row),
        });
        replaced = countReplacing(replaced, row);
        asWritten = countAsWritten(asWritten, row);
        if (was) past = countRow(past, row.row);
      }
    }
    // Sent rows spend their marks (even if their outcome cannot be written): a copy does not go again.
    // Rows whose answer was lost keep theirs, as a killed run's do: found, they are done; not found,
    // they go again, in whichever execution reconciles them.
    const lost = new Set(unknown.map((u) => parseFlight(u).row));
    this.accepted.spend(batch.filter((r) => !this.deferred.has(r.row) && !lost.has(r.row)));
    if (!this.writeBack(outcomes)) return;
    this.sayNowSent();
    const ok = [...outcomes.values()].filter((o) => !isToFix(o)).length;
    // Rows Assembled refused join the rows to fix listed in the sidebar.
    const problems = [...(this.job.problems ?? [])];
    for (const [row, o] of outcomes) if (isToFix(o)) listProblem(problems, row, o.message);
    const changes: Partial<PushJob> = {
      done: this.job.done + outcomes.size,
      succeeded: this.job.succeeded + ok,
      failed: this.job.failed + outcomes.size - ok,
      already: (this.job.already ?? 0) + [...outcomes.values()].filter((o) => o.already).length,
      byStatus: tally(
        this.job.byStatus,
        [...outcomes.values()].filter((o) => !isToFix(o) && !o.already).map((o) => o.status),
      ),
      ...(replaced ? { replaced } : {}),
      ...(past ? { past } : {}),
      ...(asWritten ? { asWritten } : {}),
      ...(problems.length ? { problems } : {}),
      lastSendAt: this.now(),
      stalls: 0,
    };
    // Rows sent again have their answer now, or are in flight again (marked there); rows not taken
    // (a rate limit) keep theirs.
    const settled = new Set(batch.filter((r) => !this.deferred.has(r.row)).map((r) => r.fp));
    const left = this.job.again?.filter((fp) => !settled.has(fp));
    this.job = { ...this.job, ...changes, ...(left?.length ? { again: left } : {}) };
    if (!left?.length) delete this.job.again;
    if (outcomes.size > 0) {
      delete this.job.failing;
      delete this.job.limitedSince;
    }
    const flight: InFlight | undefined = unknown.length ? { sentAt, rows: unknown } : undefined;
    if (flight) this.save({ inFlight: flight });
    else {
      delete this.job.inFlight;
      this.save({});
    }
    if (result.fatal) this.finish('failed', result.fatal.message, stopFor(result.fatal));
  }

  /**
   * Pushed rows changed since to what a row just sent sent (an association): their Push message,
   * written when the push started, said Assembled still had them as pushed, and the summary would
   * count them as changes to send. A sheet refusing the words leaves them for the next Validate
   * or Push to say.
   */
  private sayNowSent(): void {
    if (this.job.kind !== 'associations') return;
    const sheet = this.sheet as SheetSnapshot;
    const outcomes = new Map<number, RowOutcome>();
    let sent = 0;
    for (const row of markSentSince(sheet.rows)) {
      const outcome = changedOutcome(this.job.kind, sheet, row);
      if (outcome) outcomes.set(row.row, outcome);
      sent += row.sentBy === undefined ? -1 : 1;
    }
    // The summary's rows changed since are those with a change to send.
    if (sent !== 0) this.job = { ...this.job, changed: Math.max(0, (this.job.changed ?? 0) - sent) };
    try {
      writeOutcomes(this.grid as Grid, sheet, outcomes, new Date(this.now()));
    } catch (error) {
      if (!(error instanceof WriteRefused)) throw error;
    }
  }

  /** Rows of a batch whose outcome never reached the sheet: asks Assembled before any resend. */
  private reconcileFlight(flight: InFlight): boolean {
    const sheet = this.sheet as SheetSnapshot;
    const taken = new Set<number>();
    const items: SendItem[] = [];
    const fpAt = new Map<number, string>();
    let doneAlready = 0;
    let okAlready = 0;
    const statuses: string[] = [];
    for (const { row, fp } of flight.rows.map(parseFlight)) {
      // The row where it was, else the same request elsewhere (rows moved by a sort or an insert).
      const same = (r: SheetRow) => !taken.has(r.row) && (r.fp === fp || (r.done && r.row === row));
      const found =
        sheet.rows.find((r) => r.row === row && same(r)) ?? sheet.rows.find((r) => !r.done && same(r));
      if (!found) continue;
      taken.add(found.row);
      if (found.done) {
        // Its outcome was written but the mark not cleared: count it now.
        doneAlready++;
        if (!isToFix(found)) {
          okAlready++;
          statuses.push(found.status);
        }
        continue;
      }
      if (found.parse?.ok) {
        items.push({ row: found.row, request: found.parse.request });
        fpAt.set(found.row, found.fp ?? '');
      }
    }
    const claimed = new Set(sheet.rows.map((r) => r.id).filter(Boolean));
    let found = new Map<number, RowOutcome>();
    if (items.length > 0) {
      try {
        found = reconcile(this.client, { kind: this.job.kind, items, sentAt: flight.sentAt, claimed });
      } catch (error) {
        if (!isAssembledError(error)) throw error;
        // Not known yet: keep the mark and come back later rather than risk a duplicate. The
        // call lists requests or activities; what it is for is the news to a person pushing.
        const checking = error.message.replace(`while ${callWords(error.endpoint)}`, CHECKING_BATCH);
        this.waitOut(checking, error);
        return false;
      }
    }
    if (!this.writeBack(found)) return false;
    this.sayNowSent();
    // Rows not found go again; their first try may still have been applied (a delete, say).
    const again = [
      ...(this.job.again ?? []),
      ...items.filter((i) => !found.has(i.row)).map((i) => fpAt.get(i.row) ?? ''),
    ];
    const job = {
      ...this.job,
      ...(again.length ? { again } : {}),
      done: this.job.done + found.size + doneAlready,
      succeeded: this.job.succeeded + found.size + okAlready,
      ...(found.size ? { found: (this.job.found ?? 0) + found.size } : {}),
      byStatus: tally(this.job.byStatus, [...statuses, ...[...found.values()].map((o) => o.status)]),
      failed: this.job.failed + doneAlready - okAlready,
      stalls: 0,
      updatedAt: this.now(),
    };
    delete job.inFlight;
    this.job = this.pushes.save(job);
    return true;
  }

  private summary(): string {
    const j = this.job;
    if (j.total + j.skipped + j.invalid + (j.notSent ?? 0) + (j.inAssembled ?? 0) === 0)
      return nothingToPush(j.sheetName, j.listed ?? 0, 'push again');
    // Only cancels are told apart so far: nothing else sets `already`.
    const word = DONE_WORD[j.kind];
    const sent = Object.entries(j.byStatus ?? {}).map(([status, n]) => `${n} ${status}`);
    const made = j.succeeded - (j.already ?? 0);
    const parts = word ? [`${made} ${word}`] : sent.length ? sent : ['0 sent'];
    // Rows found after a lost answer are among those: said of them, in brackets after their count.
    const several = parts.length > 1;
    parts.push(`${parts.pop() ?? ''}${foundWords(j.found, made, several)}`);
    const replaced = replacingWords(j.replaced, made, true);
    if (replaced) parts.push(replaced);
    parts.push(...asWrittenWords(j.asWritten, made, true));
    const past = pastSentWords(j.past, made);
    if (past) parts.push(past);
    if (j.already) parts.push(`${j.already} already cancelled or denied`);
    if (j.inAssembled) parts.push(inAssembledWords(j.inAssembled));
    if (j.notSent)
      parts.push(
        `${j.notSent} not sent as ${j.notSent === 1 ? 'it was' : 'they were'} changed or added during the push${changedTail(j.notSent)}`,
      );
    if (j.failed) parts.push(`${j.failed} refused by Assembled`);
    if (j.invalid) parts.push(`${j.invalid} with problems to fix`);
    if (j.skipped)
      parts.push(...doneWords(j.kind, 'already done and skipped', j.skipped, j.moved, j.changed));
    if (j.listed) parts.push(listedWords(j.listed));
    return `Finished: ${parts.join(', ')}. See the Push status column.`;
  }
}
