// "Sync time off" with a "Time off to create" sheet in front: the rows it created (an Assembled ID
// beside its record of the push) take their request's state now: approved, denied, cancelled,
// still pending, deleted (Assembled has it no more), or changed there since it was pushed (times,
// all-day, type). Only the Push status and Push message cells of rows whose state changed, or
// which were changed in the sheet since they were pushed, are written; the user's columns and
// "Pushed at" are left as they are. A row whose Push status or Assembled ID the add-on did not
// write (typed, pasted, cells shifted onto them) is left as it is, as Push leaves it: its id names
// no request of the row's, and its cells are the user's (stray-cells.ts).

import type { AssembledClient, TimeOffRequest, TimeOffStatus } from '../assembled';
import { peopleOnce } from '../assembled/people-once';
import { rowCount, someOf } from '../count-text';
import type { Zone, Zones } from '../ports';
import type { Grid } from '../sheet/grid';
import { WriteRefused } from '../sheet/write-refused';
import type { CellValue } from '../table/build-table';
import { toSheetValue } from '../table/sheet-literal';
import { AgentDirectory } from './agents';
import { blankRow } from './blank-row';
import { cellText } from './cell-text';
import { copiedRows } from './copied-rows';
import { detectKind, matchHeader } from './header';
import { movedAway, movedRows } from './moved-rows';
import { CREATED_PENDING } from './outcome-words';
import type { ParseContext } from './parse-row';
import {
  changedMessage,
  changedSinceSent,
  changesSinceSent,
  emptiedMessage,
  movedAwayMessage,
  movedMessage,
  recordedPush,
  sentMessage,
  withEnded,
} from './sent-print';
import { unsendableWords } from './sheet-rows';
import { type Stray, strayCells, strayHeaders } from './stray-cells';
import type { SyncSummary } from './sync-time-off';
import { driftWords } from './time-off-drift';
import { TimeOffTypes } from './time-off-types';
import {
  CANCELLED_THERE,
  changedThere,
  DELETED_THERE,
  DENIED_THERE,
  ENDED_TIME_OFF,
  saysChangedThere,
} from './time-off-words';

export interface PushSheetSyncDeps {
  client: AssembledClient;
  /** The spreadsheet's zone now. */
  zone: Zone;
  zones: Zones;
  locale?: string;
}

interface Now {
  status: string;
  message: string;
  /** Changed in Assembled since it was pushed (times, all-day or type). */
  drift?: boolean;
  /** Assembled's news (its state or words), not only the row's change in the sheet. */
  news?: boolean;
}

const CREATED = { status: 'created', message: CREATED_PENDING };
const NOW: Record<TimeOffStatus, Now> = {
  pending: CREATED,
  approved: { status: 'approved', message: 'Approved in Assembled.' },
  denied: { status: 'denied', message: DENIED_THERE },
  cancelled: { status: 'cancelled', message: CANCELLED_THERE },
};
/** A request in no list of Assembled's, cancelled ones included. */
const DELETED: Now = { status: 'deleted', message: DELETED_THERE };
/** The summary's word for requests changed in Assembled since they were pushed. */
const CHANGED_WORD = 'changed there';

/**
 * The sheet is one a time-off push wrote to: its header has the push columns and an Assembled ID,
 * and its columns are time off's, not another kind's (an agent-states sheet has an Agent, a Start
 * and an End too, and was told to push before syncing, though it had been).
 */
export function isTimeOffPushSheet(header: readonly CellValue[]): boolean {
  if (detectKind(header) !== 'time_off') return false;
  const match = matchHeader('time_off', header);
  return match.ok && !match.map.added.some((a) => a.index === match.map.status.id);
}

/**
 * The requests with these ids, by id. A list asked for no status may leave cancelled requests out
 * (whether Assembled's does is not known), so ids it lacks are looked for among the cancelled: a
 * request cancelled is not taken for one deleted.
 */
function requestsOf(client: AssembledClient, ids: readonly string[]): Map<string, TimeOffRequest> {
  const byId = new Map(client.listTimeOffRequests().map((r) => [r.id, r]));
  if (ids.some((id) => !byId.has(id)))
    for (const r of client.listTimeOffRequests({ status: 'cancelled' }))
      if (!byId.has(r.id)) byId.set(r.id, r);
  return byId;
}

export function syncPushSheet(deps: PushSheetSyncDeps, target: { name: string; grid: Grid }): SyncSummary {
  const { client, zone } = deps;
  const { grid, name } = target;
  const used = grid.used();
  const cells = used.rows > 0 ? grid.read(1, 1, used.rows, used.cols) : [];
  const match = matchHeader('time_off', cells[0] ?? []);
  if (!match.ok) throw new Error(match.problem);
  const { status: at } = match.map;
  const blank = (values: readonly CellValue[]) => blankRow(match.map, values);
  const rows = cells.slice(1).map((values, i) => ({ row: i + 2, values, id: cellText(values[at.id]) }));
  const created = rows.filter((r) => r.id);
  const summary = { sheet: name, full: false, added: 0 };
  if (created.length === 0)
    return {
      ...summary,
      changes: 0,
      updated: 0,
      message: `"${name}" has no rows with an Assembled ID yet: push it first, then sync.`,
    };
  const first = Math.min(...created.map((r) => r.row));
  const last = Math.max(...created.map((r) => r.row));
  // What each row pushed is in its Push status note (sent-print.ts).
  const notes = grid.columnNotes(first, at.status + 1, last - first + 1);
  const noteOf = (row: number) => notes[row - first] ?? '';
  // Rows whose status cells are the user's, as Push holds them back: Assembled's news is not theirs.
  const strays = created.flatMap((r) => {
    const stray = strayCells(r.values, match.map, recordedPush(r.values[at.when], noteOf(r.row)));
    return stray ? [{ row: r.row, stray }] : [];
  });
  const left = leftWords(strays);
  const leftAlone = strays.length ? { leftAlone: strays.length } : {};
  const pushed = created.filter((r) => !strays.some((s) => s.row === r.row));
  if (pushed.length === 0)
    return {
      ...summary,
      ...leftAlone,
      changes: 0,
      updated: 0,
      message: `"${name}" has no rows pushed from it yet: push it first, then sync.${left}`,
    };
  const byId = requestsOf(
    client,
    pushed.map((r) => r.id),
  );
  // A row copied from another carries its Assembled ID: the request's news is the other row's.
  const { copies } = copiedRows(
    created.map((r) => ({
      ...r,
      status: cellText(r.values[at.status]).toLowerCase(),
      note: noteOf(r.row),
      blank: blank(r.values),
    })),
    match.map,
    zone,
  );
  const own = pushed.filter((r) => !copies.has(r.row));
  // The people, read once, are the agents' and their all-day zones; types are read if a word differs.
  const people = peopleOnce(client);
  const drift = {
    zone,
    zones: deps.zones,
    ...(deps.locale ? { locale: deps.locale } : {}),
    agents: new AgentDirectory(() => people.listPeople()),
    people: () => people.listPeople(),
    types: new TimeOffTypes(() => client.listActivityTypes()),
  };
  // What a changed row is checked by, as Validate checks it (the same people and types).
  const parse: ParseContext = {
    zone,
    zones: deps.zones,
    ...(deps.locale ? { locale: deps.locale } : {}),
    agents: drift.agents,
    timeOffTypes: drift.types,
  };
  // Rows changed since they were pushed whose cells are another's, sorted without the status
  // columns, and those whose cells such a sort moved beside a row not pushed.
  const moved = movedRows(
    own.flatMap((r) => {
      const note = noteOf(r.row);
      return changedSinceSent(note, r.values, match.map, zone) ? [{ ...r, note }] : [];
    }),
    match.map,
    zone,
    rows.filter((r) => !r.id && !blank(r.values)),
  );
  const away = movedAway(moved);
  const changed = new Map<number, Now>();
  // Rows with news from Assembled, and rows changed in the sheet since they were pushed.
  let fromAssembled = 0;
  let edited = 0;
  // Notes that now say, or no longer say, that the row's request ended (sent-print.ts withEnded).
  const noted = new Map<number, string>();
  for (const r of own) {
    const request = byId.get(r.id);
    let now = request ? (request.status ? NOW[request.status] : undefined) : DELETED;
    if (!now) continue;
    // A request that books no time has no times to compare.
    const ended = ENDED_TIME_OFF.includes(now.status);
    const note = withEnded(noteOf(r.row), ended ? now.status : undefined);
    if (note !== noteOf(r.row)) noted.set(r.row, note);
    const what = request && !ended ? driftWords(request, noteOf(r.row), match.map, drift) : '';
    if (what) now = { status: now.status, message: changedThere(now.message, what), drift: true };
    // A row changed since it was pushed keeps saying so, Sync's words as Assembled's last (sent-print.ts).
    const said = cellText(r.values[at.message]);
    const from = moved.get(r.row);
    const to = away.get(r.row);
    const edit = from !== undefined || changedSinceSent(noteOf(r.row), r.values, match.map, zone);
    if (from !== undefined) {
      const what = changesSinceSent(noteOf(from), r.values, match.map, zone);
      now = { ...now, message: movedMessage(from, now.message, '', what) };
    } else if (to !== undefined) {
      now = { ...now, message: movedAwayMessage(to, now.message) };
    } else if (edit && blank(r.values)) {
      // Validate's words for it, so the two do not undo each other's.
      now = { ...now, message: emptiedMessage('time_off', now.message) };
    } else if (edit) {
      const what = changesSinceSent(noteOf(r.row), r.values, match.map, zone);
      // Checked as Validate checks it, so that what would stop it being sent is said now.
      const bad = unsendableWords(grid, match.map, r.values, r.row, parse);
      now = { ...now, message: changedMessage('time_off', '', now.status, now.message, '', what, '', bad) };
    }
    // Words of a request ended or changed there are brought up to date (older words said less).
    const news =
      cellText(r.values[at.status]).toLowerCase() !== now.status ||
      ((ended || now.drift || saysChangedThere(sentMessage(said))) && said !== now.message);
    if (news) fromAssembled++;
    if (edit) edited++;
    // A row changed in the sheet says so now, as Validate would, whatever Assembled says.
    if (news || (edit && said !== now.message)) changed.set(r.row, { ...now, news });
  }
  if (changed.size > 0) {
    const from = Math.min(...changed.keys());
    const to = Math.max(...changed.keys());
    // One block per column from the first to the last changed row; rows between keep what was read.
    for (const [key, col] of [
      ['status', at.status],
      ['message', at.message],
    ] as const) {
      const block: CellValue[][] = [];
      for (let n = from; n <= to; n++) {
        const now = changed.get(n);
        block.push([toSheetValue(now ? now[key] : (cells[n - 1]?.[col] ?? ''))]);
      }
      grid.prepare(from, col + 1, block.length, 1);
      grid.write(from, col + 1, block);
    }
  }
  if (noted.size > 0) {
    // Also for rows synced before notes kept it, whose status is already the request's.
    const from = Math.min(...noted.keys());
    const to = Math.max(...noted.keys());
    const block: string[] = [];
    for (let n = from; n <= to; n++) block.push(noted.get(n) ?? noteOf(n));
    try {
      grid.prepare(from, at.status + 1, block.length, 1);
      grid.setColumnNotes(from, at.status + 1, block);
    } catch (error) {
      // Protected, the notes stay: the statuses say it all, and Push asks before a row goes again.
      if (!(error instanceof WriteRefused)) throw error;
    }
  }
  const there =
    fromAssembled > 0
      ? `${fromAssembled} of the ${own.length} requests created from "${name}" changed in Assembled (${byState(changed)}); their Push status and message say how.`
      : edited > 0
        ? `None of the ${own.length} requests created from "${name}" changed in Assembled.`
        : `The ${own.length} requests created from "${name}" are as the sheet says.`;
  return {
    ...summary,
    ...leftAlone,
    changes: fromAssembled,
    updated: changed.size,
    message: `${there}${editedWords(edited)}${left}`,
  };
}

/** The summary's word on rows left as they are (`strays`), naming the cells the add-on did not write. */
function leftWords(strays: readonly { row: number; stray: Stray }[]): string {
  const n = strays.length;
  if (n === 0) return '';
  const any = (key: keyof Stray) => strays.find((s) => s.stray[key])?.stray[key];
  const cells = strayHeaders({ status: any('status'), id: any('id') });
  // "and" when every row has each cell named, "or" when some have one only.
  const join = strays.every((s) => strayHeaders(s.stray).length === cells.length) ? ' and ' : ' or ';
  const which = `${n === 1 ? 'row' : 'rows'} ${someOf(
    strays.map((s) => String(s.row)),
    5,
    'and',
  )}`;
  return n === 1
    ? ` 1 row was left as it is (${which}): the add-on did not write its ${cells.join(join)}; Validate says what to do with it.`
    : ` ${rowCount(n)} were left as they are (${which}): the add-on did not write their ${cells.join(join)}; Validate says what to do with them.`;
}

/** The summary's word on rows changed in the sheet since they were pushed (not sent again). */
function editedWords(n: number): string {
  if (n === 0) return '';
  return n === 1
    ? ' 1 row was changed in the sheet since it was pushed; its Push message says what to do.'
    : ` ${n} rows were changed in the sheet since they were pushed; their Push message says what to do.`;
}

/** "534 approved, 134 denied, 2 changed there": the changed rows counted by their state now. */
function byState(changed: Map<number, Now>): string {
  const states = [...changed.values()].filter((c) => c.news).map((c) => (c.drift ? CHANGED_WORD : c.status));
  const named: [string, string][] = [
    ...Object.entries(NOW).map(([word, now]) => [word, now.status] as [string, string]),
    [DELETED.status, DELETED.status],
    [CHANGED_WORD, CHANGED_WORD],
  ];
  return named
    .map(([word, state]) => [word, states.filter((s) => s === state).length] as const)
    .filter(([, n]) => n > 0)
    .map(([word, n]) => `${n} ${word}`)
    .join(', ');
}
