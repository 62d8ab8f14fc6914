// A push sheet read in one call: the header matched to a kind, each row's cells, its current
// status, and (for rows not yet done) its parse. Outcomes go back into the status columns in one
// block write per batch of rows.

import type { Zone } from '../ports';
import type { Grid } from '../sheet/grid';
import { type CellValue, DATETIME_FORMAT } from '../table/build-table';
import { toSheetValue } from '../table/sheet-literal';
import { orderActivityRows } from './activity-order';
import { markOverlaps } from './activity-rows';
import { markStateOverlaps, markTimeOffOverlaps } from './agent-overlaps';
import type { AsWritten } from './as-written';
import { markHeldPlatformIds, markSentSince, markSharedPlatformIds } from './association-rows';
import { blankCell, blankRow } from './blank-row';
import { markRepeatedCancels } from './cancel-rows';
import { cellText } from './cell-text';
import { markRepeatedWindows } from './clear-rows';
import { putBackIngested } from './cleared-states';
import { type Copy, copiedRows, copiedWords } from './copied-rows';
import { pushedRows } from './gone-rows';
import { type HeaderMap, matchHeader } from './header';
import { heldCheck } from './held-rows';
import { kindNote, pushedInNote } from './kind-note';
import { ERROR_STATUS, isDone, type PushKind, STATUS_COLUMNS, type StatusKey } from './kinds';
import { masterScheduleIds, scheduleOf } from './master-schedule';
import { movedAway, movedRows } from './moved-rows';
import { type ParseContext, parseRow, type RowParse } from './parse-row';
import { pastWords } from './past-activity';
import { markUnknownPlatforms, markUnknownSources, spellStateSources } from './platforms';
import { emptiedSincePushed, pushedRequest } from './pushed-requests';
import { fingerprint } from './request';
import {
  endedInNote,
  inputPrint,
  movedUnpushedWords,
  pushedBy,
  recordedPush,
  refusedInNote,
  sameAsSent,
  sentInOtherZone,
  sentNote,
} from './sent-print';
import { shownIfSkipped } from './skipped-cells';
import { markUnknownStates } from './state-names';
import { markStatesInAssembled } from './states-in-assembled';
import { messageFree, type Stray, strayCells, strayTeller } from './stray-cells';
import { ENDED_TIME_OFF } from './time-off-words';
import { typedStatus, typedStatusWords } from './typed-status';
import { readInSheetZone } from './zone-read';

export interface RowOutcome {
  status: string;
  id?: string;
  message: string;
  /** Nothing was sent (Validate's marks, a changed row pointed out): "Pushed at" keeps its time. */
  unsent?: true;
  /** "Pushed at" is emptied too (a row whose cells were all emptied, emptiedRows). */
  cleared?: true;
  /**
   * Not sent, for a row it waits on was refused (activity-order.ts): Pushed at takes the time, so
   * this push tries it no more, but no note keeps it as sent and refused.
   */
  heldBack?: true;
  /** Assembled had it so already (a cancel of a request cancelled or denied): counted apart. */
  already?: true;
}

/** A row to fix: its Push status reads ERROR_STATUS, shown in red, and its message says why. */
export function toFix(message: string): RowOutcome {
  return { status: ERROR_STATUS, message };
}

export function isToFix(outcome: Pick<RowOutcome, 'status'>): boolean {
  return outcome.status === ERROR_STATUS;
}

export interface SheetRow {
  /** 1-based row number in the sheet. */
  row: number;
  values: CellValue[];
  status: string;
  /** The Assembled ID cell as it reads; it makes the row done only where the add-on wrote it (recordedPush). */
  id: string;
  /** When the add-on last wrote the row's status (epoch ms), if it did. */
  when?: number;
  /** Already done: a done status or an Assembled ID, the add-on's record of a push beside it; never sent again. */
  done: boolean;
  /** A done word in Push status the add-on did not write: the row is held back, saying so (typed-status.ts). */
  typed?: string;
  /**
   * Its Push status or Assembled ID cells hold what the add-on did not write (a row pasted too far
   * right): kept as they are, and the row not sent (stray-cells.ts).
   */
  stray?: Stray;
  /** Copied from a pushed row, its record of the push with it: held back, saying so, never done (copied-rows.ts). */
  copyOf?: Copy;
  /** Every input cell empty, or a listed activity with no Action: not a row to push at all. */
  blank: boolean;
  /** A listed activity with no Action (a pulled schedule's row): left as it is in Assembled. */
  listed?: true;
  /** Sent after the rows of a lower rank (none: 0), whose activities it is placed over (activity-order.ts). */
  rank?: number;
  /** The rows it is sent after, as `rank` orders them: one refused leaves it unsent (activity-order.ts). */
  waitsOn?: number[];
  parse?: RowParse;
  /** Fingerprint of the request, for valid rows. */
  fp?: string;
  /** A print of its input cells (inputPrint), for rows not done and not blank: read without Assembled. */
  input?: string;
  /** The note of its Push status cell, as read. */
  note?: string;
  /** Done, and changed since it was sent (sent-print.ts): still never sent again. */
  changed?: boolean;
  /** Changed, and as it stands it could not be sent as a new row: its problems (changedMessage says them). */
  unsendable?: string;
  /**
   * Its cells what this other row, changed, was pushed with (or nearly, when changed too): sorted
   * without the status columns (moved-rows.ts). A row not done is held back for it.
   */
  movedFrom?: number;
  /** Changed, and what it was pushed with now in this other row, moved there by such a sort (movedAway). */
  movedTo?: number;
  /**
   * Done as it was sent, its times then read in this other zone (the spreadsheet's since changed),
   * as Assembled still holds them (zone-read.ts).
   */
  sentIn?: string;
  /** An ingested state whose Push status was cleared, put back as its note says (cleared-states.ts). */
  putBack?: true;
  /** Refused by Assembled when last pushed, and not changed since: Validate keeps its answer. */
  refused?: true;
  /** Sent and taken as it stands, then its status and ID cleared: sent again, it is made twice. */
  sentBefore?: true;
  /** The agent's own ID on the platform in Assembled that the row's association replaces. */
  replaces?: string;
  /** The agent holds this very platform ID in Assembled already: nothing to send, so it is not sent. */
  holds?: true;
  /** A state's platform Assembled does not know, sent as written, and words its Ready message adds (platforms.ts). */
  unknownPlatform?: AsWritten;
  /** A state's name Assembled does not know, sent as written, and words its Ready message adds (state-names.ts). */
  unknownState?: AsWritten;
  /** The platform new to Assembled (declared new in the sheet) that the row's association adds. */
  adds?: string;
  /**
   * Done and changed since: the rows giving its agent other IDs on its platform, in words its Push
   * message adds (association-rows.ts).
   */
  clash?: string;
  /** An association's agent and platform (onPlatform, association-rows.ts) and ID, as the row reads. */
  link?: { on: string; id: string };
  /** Done and changed since to what this later pushed row sent: Assembled has it as it reads (association-rows.ts). */
  sentBy?: number;
  /** An activity it places in the past, in words its Ready message adds (past-activity.ts). */
  past?: string;
}

export interface SheetSnapshot {
  map: HeaderMap;
  rows: SheetRow[];
  /** The spreadsheet's zone, which its date cells were read in. */
  zone: Zone;
  /** The rows that had reached Assembled at the sheet's last push, as its header note keeps (gone-rows.ts). */
  pushedBefore?: number;
}

export type ReadResult = { ok: true; sheet: SheetSnapshot } | { ok: false; problem: string };

/**
 * A listed activity (its Activity ID filled, as in a pulled schedule) with no Action is left as it
 * is: a schedule can be pulled, a few rows given an Action, and pushed, the rest not errors.
 */
function unchangedActivity(kind: PushKind, values: CellValue[], map: HeaderMap): boolean {
  const { action, activity_id: id } = map.columns;
  if (kind !== 'activities' || action === undefined || id === undefined) return false;
  return cellText(values[id]) !== '' && cellText(values[action]) === '';
}

/**
 * Whether a changed done row's change is sent as the row reads (changedMessage's how): not an
 * ingested state (changed only in Assembled), nor an activity or state edit, whose change goes as
 * an update the row does not yet say.
 */
function resentAsItReads(kind: PushKind, values: CellValue[], map: HeaderMap): boolean {
  if (kind === 'agent_states' || kind === 'activities') return false;
  const { action } = map.columns;
  return (
    kind !== 'state_edits' || (action !== undefined && cellText(values[action]).toLowerCase() === 'delete')
  );
}

/**
 * What would stop a changed done row (`row`: its sheet row) being sent as it stands, in the words
 * Validate gives a new row ('' when nothing would): Validate and Sync time off say it the same.
 */
export function unsendableWords(
  grid: Pick<Grid, 'shown'>,
  map: HeaderMap,
  values: readonly CellValue[],
  row: number,
  ctx: ParseContext,
): string {
  const parse = parseRow(shownIfSkipped(grid, map, values, row, ctx), map, ctx);
  return parse.ok ? '' : parse.problems.join(' ');
}

/** A row whose input cells read as their headers: a header pasted again among the rows. */
function repeatsHeader(values: CellValue[], map: HeaderMap): boolean {
  return Object.values(map.columns).every(
    (at) => cellText(values[at]).toLowerCase() === (map.headers[at] ?? '').toLowerCase(),
  );
}

/** A row as it stands, nothing parsed: its cells, its status, whether it is done or blank. */
function rowAsIs(kind: PushKind, map: HeaderMap, values: CellValue[], at: number, note = ''): SheetRow {
  const status = cellText(values[map.status.status]).toLowerCase();
  const id = cellText(values[map.status.id]);
  const listed = unchangedActivity(kind, values, map);
  const blank = listed || blankRow(map, values);
  const pushed = recordedPush(values[map.status.when], note);
  const row: SheetRow = { row: at, values, status, id, blank, done: pushed && isDone(status, id) };
  if (listed) row.listed = true;
  const typed = pushed || blank ? '' : typedStatus(status, cellText(values[map.status.message]));
  const stray = typed || listed ? undefined : strayCells(values, map, pushed);
  if (stray) {
    row.stray = stray;
    // A status of the user's with nothing under the headers (a row pasted further right still) is
    // a row to fix, not an empty one whose status is cleared.
    if (stray.status && !row.done) row.blank = false;
  }
  if (typed) row.typed = typed;
  else if (!row.done && !row.blank) row.input = inputPrint(values, map);
  const when = values[map.status.when];
  if (when instanceof Date && !Number.isNaN(when.getTime())) row.when = when.getTime();
  return row;
}

/**
 * The rows as they stand, nothing parsed and nothing asked of Assembled: what Push was pressed on
 * (accepted.ts). None when the header is not the kind's (the push then stops on it).
 */
export function rowsAsTheyStand(grid: Grid, kind: PushKind): SheetRow[] {
  return standing(grid, kind)?.rows ?? [];
}

/** The sheet as it stands, nothing parsed and nothing asked of Assembled; undefined when its header is not the kind's. */
export function sheetAsItStands(grid: Grid, kind: PushKind, zone: Zone): SheetSnapshot | undefined {
  const sheet = standing(grid, kind, zone);
  return sheet && { ...sheet, zone };
}

/**
 * How many rows had reached Assembled as the sheet stands, counted as Validate counts them
 * (gone-rows.ts); 0 when its header is not the kind's.
 */
export function pushedAsItStands(grid: Grid, kind: PushKind): number {
  const sheet = standing(grid, kind);
  if (!sheet || sheet.map.added.some((a) => a.index === sheet.map.status.status)) return 0;
  return pushedRows(sheet.rows);
}

/**
 * The Push message column from row 2 as it stands, each cell's text, in one read: where a push
 * wrote what each row needs (problem-list.ts followedProblems). None when the sheet has no such
 * column, or its header is not the kind's.
 */
export function messagesAsTheyStand(grid: Grid, kind: PushKind): string[] {
  const used = grid.used();
  if (used.rows < 2) return [];
  const header = matchHeader(kind, grid.read(1, 1, 1, used.cols)[0] ?? [], used.cols);
  if (!header.ok || header.map.added.some((a) => a.index === header.map.status.message)) return [];
  return grid.read(2, header.map.status.message + 1, used.rows - 1, 1).map((r) => cellText(r[0]));
}

/** The rows as they stand, with their status notes: what the add-on wrote there tells rows it pushed. */
function standing(grid: Grid, kind: PushKind, zone?: Zone): Omit<SheetSnapshot, 'zone'> | undefined {
  const read = readCells(grid, kind);
  if (!read.ok) return undefined;
  const { map, cells } = read;
  return { map, rows: rowsAsIs(kind, map, cells, statusNotes(grid, map, cells.length - 1), zone).rows };
}

/**
 * Each row under the header as it stands, with its status note; a row copied from a pushed one is
 * not done (copied-rows.ts). `zone` tells which of such rows is as it was sent.
 */
function rowsAsIs(
  kind: PushKind,
  map: HeaderMap,
  cells: CellValue[][],
  notes: string[],
  zone?: Zone,
): { rows: SheetRow[]; noteOwners: Map<string, number> } {
  const rows = cells.slice(1).map((values, i) => {
    const note = notes[i] ?? '';
    const row = rowAsIs(kind, map, values, i + 2, note);
    if (note) row.note = note;
    return row;
  });
  const { copies, noteOwners } = copiedRows(rows, map, zone);
  for (const [at, copy] of copies) {
    const row = rows[at - 2];
    if (!row) continue;
    row.copyOf = copy;
    row.done = false;
    delete row.input;
  }
  return { rows, noteOwners };
}

/** The notes of the Push status cells of `rows` rows from row 2; none while the column is not there. */
function statusNotes(grid: Grid, map: HeaderMap, rows: number): string[] {
  const inSheet = !map.added.some((a) => a.index === map.status.status);
  return inSheet && rows > 0 ? grid.columnNotes(2, map.status.status + 1, rows) : [];
}

/** The whole sheet in one call, its header matched to the kind. */
function readCells(
  grid: Grid,
  kind: PushKind,
): { ok: true; map: HeaderMap; cells: CellValue[][] } | { ok: false; problem: string } {
  const used = grid.used();
  if (used.rows === 0 || used.cols === 0) return matchFail(kind, []);
  const cells = grid.read(1, 1, used.rows, used.cols);
  const header = matchHeader(kind, cells[0] ?? [], used.cols);
  return header.ok ? { ok: true, map: header.map, cells } : header;
}

/** Reads the whole sheet in one call and parses every row that is not done. */
export function readSheet(grid: Grid, kind: PushKind, ctx: ParseContext): ReadResult {
  const read = readCells(grid, kind);
  if (!read.ok) return read;
  const { map, cells } = read;
  const statusInSheet = !map.added.some((a) => a.index === map.status.status);
  const notes = statusNotes(grid, map, cells.length - 1);
  const { rows, noteOwners } = rowsAsIs(kind, map, cells, notes, ctx.zone);
  // Records Assembled already holds are never made again (held-rows.ts).
  const heldBy = heldCheck(grid, kind, map);
  const strayWords = strayTeller(map);
  for (const row of rows) {
    const { values, status, blank } = row;
    const note = row.note ?? '';
    const same = sameAsSent(note, values, map, ctx.zone);
    // A copy made new again keeps the note of the row it was copied from: it was never ingested.
    const owner = noteOwners.get(note) ?? row.row;
    if (kind === 'agent_states' && !(owner !== row.row && same === false)) putBackIngested(row, map, note);
    if (row.done && same === false) row.changed = true;
    // Checked as a new row would be, so that its change words say what would stop it before
    // anyone cancels what Assembled holds to send it again.
    if (row.changed && !blank && resentAsItReads(kind, values, map)) {
      const unsendable = unsendableWords(grid, map, values, row.row, ctx);
      if (unsendable) row.unsendable = unsendable;
    }
    const dated = Object.values(map.columns).some((at) => values[at] instanceof Date);
    const sentIn = same && row.done && dated ? sentInOtherZone(note, ctx.zone) : undefined;
    if (sentIn && readInSheetZone(values, status, map, ctx)) row.sentIn = sentIn;
    const sentAsIs = same === true && row.input !== undefined;
    if (sentAsIs && status === ERROR_STATUS) row.refused = true;
    // An association sent again changes nothing, and a request Sync found ended books nothing:
    // the row asks for it again, as Sync's words tell it to.
    else if (sentAsIs && kind !== 'associations' && !endedInNote(note) && !refusedInNote(note))
      row.sentBefore = true;
    if (row.copyOf) row.parse = { ok: false, problems: [copiedWords(kind, row.copyOf)] };
    else if (!row.done && !blank) {
      const held = heldBy?.(values);
      row.parse = held
        ? { ok: false, problems: [held] }
        : repeatsHeader(values, map)
          ? { ok: false, problems: ['The row repeats the header (pasted with the rows?): delete it.'] }
          : parseRow(shownIfSkipped(grid, map, values, row.row, ctx), map, ctx);
      if (row.typed) {
        // Checked all the same, so that what else is to fix is said with it.
        const more = row.parse.ok ? [] : row.parse.problems;
        row.parse = { ok: false, problems: [typedStatusWords(row.typed), ...more] };
      }
      // Said alone: the row's other cells may well sit under the wrong headers, read as empty or wrong.
      else if (row.stray) row.parse = { ok: false, problems: [strayWords(row.stray, values, row.row)] };
      if (row.parse.ok) row.fp = fingerprint(row.parse.request);
      const past =
        row.parse.ok && ctx.now !== undefined ? pastWords(row.parse.request, ctx.now, ctx.zone) : '';
      if (past) row.past = past;
    }
  }
  const changed = rows.filter((r) => r.changed && !r.blank);
  // Rows to send too: a sort may move pushed cells beside a status that says nothing was pushed.
  const moved = movedRows(
    changed,
    map,
    ctx.zone,
    rows.filter((r) => r.input !== undefined),
  );
  for (const [at, from] of moved) {
    const row = rows[at - 2];
    if (!row) continue;
    row.movedFrom = from;
    if (!row.done) holdMoved(row, from);
  }
  for (const [from, at] of movedAway(moved)) {
    const row = rows[from - 2];
    if (row) row.movedTo = at;
  }
  // States, time off and activities Assembled already holds (rows done, emptied ones too) clash
  // with new ones: read only when there are new ones. A request cancelled, denied or deleted holds
  // no time any more.
  const held = (live: (row: SheetRow) => boolean, need = rows.some((r) => r.parse?.ok)) =>
    need
      ? rows
          .filter((r) => r.done && (!r.blank || emptiedSincePushed(r)) && live(r))
          .flatMap((row) => {
            const request = pushedRequest(row, map, ctx);
            return request ? [{ row, request }] : [];
          })
      : [];
  if (kind === 'activities') {
    const schedule = scheduleOf(pulledMasters(grid, map, rows));
    markOverlaps(
      rows,
      map,
      ctx.zone,
      listedActivities(rows, map, ctx),
      schedule,
      held(() => true),
    );
    if (ctx.activitiesHeld) orderActivityRows(rows, map, ctx.activitiesHeld, schedule);
  }
  if (kind === 'associations') {
    markUnknownPlatforms(rows, map, ctx.agents);
    // A done row as it was sent is still the first copy of a row typed twice, and any done row
    // gives its agent the ID a row to send must agree with. Done rows are read with no row to
    // send too when one was changed: a row pushed later may have sent the change (markSentSince).
    markSharedPlatformIds(
      rows,
      map,
      held(
        () => true,
        rows.some((r) => r.parse?.ok || r.changed),
      ),
    );
    markSentSince(rows);
    markHeldPlatformIds(rows, map, ctx.agents);
  }
  if (kind === 'agent_states' || kind === 'state_edits') spellStateSources(rows, ctx.agents);
  if (kind === 'agent_states') {
    const clashed = markStateOverlaps(
      rows,
      map,
      ctx.zone,
      held(() => true),
    );
    // A platform or name is known by the states Assembled holds too: checked once they are read.
    const inAssembled = ctx.statesHeld && markStatesInAssembled(rows, map, ctx.statesHeld, ctx.zone, clashed);
    markUnknownSources(rows, map, ctx.agents, inAssembled);
    if (inAssembled) markUnknownStates(rows, map, inAssembled);
  }
  if (kind === 'state_edits') {
    markUnknownSources(rows, map, ctx.agents);
    // Edits are checked among themselves: a done row may since have been edited or deleted.
    markStateOverlaps(rows, map, ctx.zone);
  }
  if (kind === 'time_off')
    markTimeOffOverlaps(
      rows,
      map,
      ctx.zone,
      held((r) => !ENDED_TIME_OFF.includes(r.status)),
    );
  if (kind === 'time_off_cancel') markRepeatedCancels(rows, map);
  if (kind === 'activities_clear') markRepeatedWindows(rows, map);
  const pushedBefore = statusInSheet ? pushedInNote(grid.noteAt(1, map.status.status + 1)) : undefined;
  return {
    ok: true,
    sheet: { map, rows, zone: ctx.zone, ...(pushedBefore === undefined ? {} : { pushedBefore }) },
  };
}

/**
 * A row not pushed holding what row `from` was pushed with: held back, so it is not made twice.
 * Said alone: the cells are what row `from` sent, whatever else they would need now.
 */
function holdMoved(row: SheetRow, from: number): void {
  row.parse = { ok: false, problems: [movedUnpushedWords(from)] };
  delete row.fp;
}

/**
 * The activities a pulled schedule lists with no Action, read as what they hold (an update of
 * themselves), when there are rows to send: a row placed over one of them is a clash.
 */
function listedActivities(rows: SheetRow[], map: HeaderMap, ctx: ParseContext) {
  const { action } = map.columns;
  if (action === undefined || !rows.some((r) => r.parse?.ok)) return [];
  return rows
    .filter((r) => r.listed && !r.done)
    .flatMap((row) => {
      const values = [...row.values];
      values[action] = 'update';
      const parse = parseRow(values, map, ctx);
      return parse.ok && parse.request.kind === 'activities' ? [{ row, request: parse.request }] : [];
    });
}

/** The master schedule's id as the rows of a pulled schedule show it (master-schedule.ts). */
function pulledMasters(grid: Pick<Grid, 'noteAt'>, map: HeaderMap, rows: SheetRow[]): Set<string> {
  const { schedule, activity_id: id } = map.columns;
  if (schedule === undefined || id === undefined) return new Set();
  const pulled = rows.filter((r) => cellText(r.values[id]) !== '').map((r) => cellText(r.values[schedule]));
  return masterScheduleIds(grid.noteAt(1, 1), pulled);
}

/**
 * Rows whose cells were all emptied (every cell but the add-on's own) that still show an outcome:
 * an error or "Ready to push." beside an empty row speaks of cells now gone, so it is cleared.
 * A done row keeps its status and Assembled ID: Assembled still holds what it sent, and the same
 * cells typed or pasted back must not be sent a second time.
 */
export function emptiedRows(sheet: SheetSnapshot): Map<number, RowOutcome> {
  const own = new Set(Object.values(sheet.map.status));
  const cleared = new Map<number, RowOutcome>();
  for (const row of sheet.rows) {
    if (row.done || !row.blank) continue;
    const shown = [...own].some((at) => !blankCell(sheet.map, at, row.values[at]));
    // Every cell, the user's own columns too; an unticked box left is as empty (blank-row.ts).
    if (shown && row.values.every((v, at) => own.has(at) || blankCell(sheet.map, at, v)))
      cleared.set(row.row, { status: '', message: '', unsent: true, cleared: true });
  }
  return cleared;
}

function matchFail(kind: PushKind, row: CellValue[]): { ok: false; problem: string } {
  const result = matchHeader(kind, row);
  return result.ok ? { ok: false, problem: 'The sheet is empty.' } : result;
}

/**
 * Adds the status columns the sheet lacks, in one write of the header cells, and names the kind
 * the rows go as in the Push status header's note (kind-note.ts).
 */
export function addStatusColumns(grid: Grid, map: HeaderMap): void {
  if (map.added.length > 0) {
    const first = map.added[0]?.index ?? 0;
    grid.write(1, first + 1, [map.added.map((a) => toSheetValue(a.header))]);
    grid.styleHeader(1, first + 1, map.added.length, STATUS_COLUMNS[0].help);
    grid.flag?.(map.status.status + 1, ERROR_STATUS);
    for (const a of map.added) map.headers[a.index] = a.header;
    map.added = [];
  } else grid.stretchFlag?.(map.status.status + 1, ERROR_STATUS);
  noteKind(grid, map);
}

/**
 * Names the kind in the Push status header's note, with `pushed`, the rows that had reached
 * Assembled at a push's end (else the count the note had).
 */
export function noteKind(grid: Grid, map: HeaderMap, pushed?: number): void {
  const col = map.status.status + 1;
  try {
    const was = grid.noteAt(1, col);
    const note = kindNote(map.kind, pushed ?? pushedInNote(was));
    if (was !== note) grid.setNote(1, col, note);
  } catch {
    // A protected header keeps its note: the sidebar then goes by the header alone.
  }
}

/**
 * Checks, before anything is sent, that the status columns can take every row's outcome (throws
 * WriteRefused when they are protected), and unmerges cells there.
 */
export function prepareOutcomes(grid: Grid, sheet: SheetSnapshot): void {
  const last = Math.max(2, ...sheet.rows.map((r) => r.row));
  for (const group of statusGroups(sheet.map)) {
    grid.prepare(2, sheet.map.status[group[0] as StatusKey] + 1, last - 1, group.length);
  }
}

/** Groups of adjacent status columns (one group unless the user moved them apart). */
function statusGroups(map: HeaderMap): StatusKey[][] {
  const keys = STATUS_COLUMNS.map((s) => s.key).sort((a, b) => map.status[a] - map.status[b]);
  const groups: StatusKey[][] = [];
  for (const key of keys) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev !== undefined && map.status[key] === map.status[prev] + 1) last.push(key);
    else groups.push([key]);
  }
  return groups;
}

/**
 * Writes outcomes into the status columns: one block from the first to the last row touched
 * (rows between keep their status as read). Updates the snapshot to match. `by`: who the push
 * sending the rows belongs to (ownerName), named in the note of each row it sent.
 */
export function writeOutcomes(
  grid: Grid,
  sheet: SheetSnapshot,
  outcomes: Map<number, RowOutcome>,
  when: Date,
  by?: string,
): void {
  if (outcomes.size === 0) return;
  const { map } = sheet;
  const byRow = new Map(sheet.rows.map((r) => [r.row, r]));
  for (const [n, o] of outcomes) {
    let row = byRow.get(n);
    if (!row) {
      row = { row: n, values: [], status: '', id: '', done: false, blank: true };
      byRow.set(n, row);
      sheet.rows.push(row);
    }
    // What the user put under the add-on's columns stays (stray-cells.ts): the words go only where
    // nothing of theirs is, and Pushed at is left as it is (the row is not sent).
    const keep = row.stray;
    if (!keep?.status) row.values[map.status.status] = o.status;
    // An id cell kept keeps its value: a date or a number there read as text would be lost.
    if (o.id !== undefined) row.values[map.status.id] = o.id;
    if (!keep?.status || messageFree(row.values[map.status.message]))
      row.values[map.status.message] = o.message;
    if (!o.unsent && !keep) {
      row.values[map.status.when] = when;
      row.when = when.getTime();
    } else if (o.cleared && !keep) {
      row.values[map.status.when] = '';
      delete row.when;
    }
    if (!keep?.status) row.status = o.status.toLowerCase();
    // An id makes the row done when Assembled just gave it, or already did (recordedPush): a word
    // written back beside an id typed by hand does not.
    row.done = isDone(row.status, o.unsent ? (row.done ? row.id : '') : (o.id ?? ''));
    row.id = o.id ?? row.id;
  }
  const numbers = [...outcomes.keys()];
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  for (const group of statusGroups(map)) {
    const block: CellValue[][] = [];
    for (let n = first; n <= last; n++) {
      const values = byRow.get(n)?.values ?? [];
      block.push(group.map((key) => toSheetValue(values[map.status[key]] ?? '')));
    }
    grid.write(first, map.status[group[0] as StatusKey] + 1, block);
  }
  // "Pushed at" reads as every time the add-on writes, whatever format the column had.
  grid.setColumnFormat(first, map.status.when + 1, last - first + 1, DATETIME_FORMAT);
  writeSentPrints(grid, sheet, byRow, outcomes, first, last, by);
}

/**
 * Notes the print of each row Assembled took; rows between keep the notes they had. A row sent now
 * names `by`; one only written again (Validate) keeps the name its note had.
 */
function writeSentPrints(
  grid: Grid,
  { map, zone }: SheetSnapshot,
  byRow: Map<number, SheetRow>,
  outcomes: Map<number, RowOutcome>,
  first: number,
  last: number,
  by: string | undefined,
): void {
  const notes: string[] = [];
  let changes = 0;
  for (let n = first; n <= last; n++) {
    const row = byRow.get(n);
    // Taken by Assembled, or refused by it as the row stands (so Validate can tell an edit since).
    const o = outcomes.get(n);
    const refused = o !== undefined && !o.unsent && !o.heldBack && isToFix(o);
    const taken = o && row && !row.blank && !row.changed && !row.stray && (isDone(row.status, '') || refused);
    const who = (!o?.unsent && by) || pushedBy(row?.note ?? '');
    const note = taken ? sentNote(row.values, map, zone, { refused, by: who }) : (row?.note ?? '');
    if (row && note !== (row.note ?? '')) {
      row.note = note;
      changes++;
    }
    notes.push(note);
  }
  if (changes > 0) grid.setColumnNotes(first, map.status.status + 1, notes);
}
