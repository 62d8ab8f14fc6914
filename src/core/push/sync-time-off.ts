// "Sync time off": keeps a time-off list sheet in step with Assembled. The first sync lists every
// request; later ones read time_off/updates since the sheet's cursor and merge only the changed
// requests into the sheet by id. A status change is applied from the update itself; a new
// request (or a change the stream does not spell out) costs one list of requests.

import type { AssembledClient, TimeOffRequest, TimeOffStatus, TimeOffUpdate } from '../assembled';
import { peopleOnce } from '../assembled/people-once';
import { counted } from '../count-text';
import type { Clock, Store, Zone, Zones } from '../ports';
import { sourceLine } from '../pull/source-note';
import { withNames } from '../pull/with-names';
import type { Grid } from '../sheet/grid';
import { writeTable } from '../sheet/write-table';
import { buildTable, withMade } from '../table/build-table';
import { formatLocalDateTime } from '../time/zone-math';
import { allDayZones } from './all-day-zone';
import { normaliseHeader } from './header';
import { DAYS_MADE, timeOffRow } from './time-off-days';

export interface SyncDeps {
  client: AssembledClient;
  clock: Clock;
  zone: Zone;
  /** Zones by name, for the days of all-day time off (its agent's own). */
  zones: Zones;
  store: Store;
  user: string;
}

export interface SyncTarget {
  id: number;
  name: string;
  grid: Grid;
}

export interface SyncSummary {
  sheet: string;
  /** First sync of this sheet: every request was listed. */
  full: boolean;
  changes: number;
  added: number;
  updated: number;
  message: string;
  /** Rows left as they are, their status cells not the add-on's (sync-push-sheet.ts): worth a look. */
  leftAlone?: number;
}

interface Cursor {
  /** Server time (epoch ms) of the latest change already merged; the next sync asks from it. */
  since: number;
  /** Requests whose change at exactly `since` is merged (the stream repeats changes at its mark). */
  at?: string[];
}

const STATUSES: readonly string[] = ['pending', 'approved', 'denied', 'cancelled'];
/** With no change seen yet, ask from a little before now: clocks differ, and repeats merge harmlessly. */
const SKEW_MS = 5 * 60_000;

const cursorKey = (sheetId: number) => `sync.timeoff.${sheetId}`;

/** The sheet holds a time-off list when its header has an id and a status column. */
export function looksLikeTimeOffList(header: readonly unknown[]): boolean {
  const names = header.map(normaliseHeader);
  return names.includes('id') && names.includes('status');
}

function sheetHasList(grid: Grid): boolean {
  const used = grid.used();
  if (used.rows === 0) return false;
  return looksLikeTimeOffList(grid.read(1, 1, 1, used.cols)[0] ?? []);
}

function latest(updates: TimeOffUpdate[]): Map<string, TimeOffUpdate> {
  const byId = new Map<string, TimeOffUpdate>();
  for (const u of [...updates].sort((a, b) => (a.updated_at ?? 0) - (b.updated_at ?? 0)))
    byId.set(u.request_id, u);
  return byId;
}

function sheetIds(grid: Grid): Set<string> {
  const used = grid.used();
  if (used.rows < 2) return new Set();
  const header = grid.read(1, 1, 1, used.cols)[0] ?? [];
  const at = header.map(normaliseHeader).indexOf('id');
  if (at < 0) return new Set();
  return new Set(grid.read(2, at + 1, used.rows - 1, 1).map((r) => String(r[0] ?? '')));
}

function note(deps: SyncDeps): string {
  return [
    sourceLine('time-off requests, kept in step by Sync time off'),
    `Last synced: ${formatLocalDateTime(deps.clock.now(), deps.zone, true)} (${deps.zone.name}) by ${deps.user}`,
  ].join('\n');
}

/** The list's rows: requests as their days, with the agent's and approver's names beside the ids. */
function rowsOf(deps: SyncDeps, requests: TimeOffRequest[]): object[] {
  // The people are read once, for the agents' zones and for their names.
  const client = peopleOnce(deps.client);
  const days = allDayZones(() => client.listPeople(), deps.zone, deps.zones);
  return withNames(
    client,
    requests.map((r) => timeOffRow(r, deps.zone, days)),
  );
}

function merge(deps: SyncDeps, target: SyncTarget, records: object[]) {
  const table = withMade(buildTable(records as Record<string, unknown>[], deps.zone), DAYS_MADE);
  return writeTable(target.grid, table, {
    mode: 'merge',
    row: 1,
    col: 1,
    mergeKey: 'id',
    note: note(deps),
  });
}

export function syncTimeOff(deps: SyncDeps, target: SyncTarget): SyncSummary {
  const cursor = deps.store.get<Cursor>(cursorKey(target.id));
  const startedAt = deps.clock.now();
  if (!cursor || !sheetHasList(target.grid)) {
    const requests = deps.client.listTimeOffRequests();
    const result = merge(deps, target, rowsOf(deps, requests));
    const mark = (r: TimeOffRequest) => r.updated_at ?? r.created_at ?? 0;
    const last = Math.max(0, ...requests.map(mark));
    const cursor: Cursor = last
      ? { since: last, at: requests.filter((r) => mark(r) === last).map((r) => r.id) }
      : { since: startedAt - SKEW_MS };
    deps.store.set(cursorKey(target.id), cursor);
    return {
      sheet: target.name,
      full: true,
      changes: requests.length,
      added: result.appended,
      updated: result.updated,
      message: `Listed ${requests.length} time-off requests into "${target.name}". Later syncs bring only what changed.`,
    };
  }
  const seen = new Set(cursor.at ?? []);
  const changes = latest(
    deps.client
      .listTimeOffUpdates(cursor.since)
      .filter((u) => !(u.updated_at === cursor.since && seen.has(u.request_id))),
  );
  if (changes.size === 0) {
    return {
      sheet: target.name,
      full: false,
      changes: 0,
      added: 0,
      updated: 0,
      message: 'No changes since the last sync.',
    };
  }
  const inSheet = sheetIds(target.grid);
  const needFull = [...changes.values()].some(
    (u) => !inSheet.has(u.request_id) || !STATUSES.includes(u.change_type ?? ''),
  );
  let records: object[];
  if (needFull) {
    const byId = new Map<string, TimeOffRequest>(deps.client.listTimeOffRequests().map((r) => [r.id, r]));
    records = rowsOf(
      deps,
      [...changes.keys()].flatMap((id) => byId.get(id) ?? []),
    );
  } else {
    // Status changes only: the update says it all, and columns not given keep the sheet's values.
    records = [...changes.values()].map((u) => ({
      id: u.request_id,
      status: u.change_type as TimeOffStatus,
      updated_at: u.updated_at,
    }));
  }
  const result = records.length ? merge(deps, target, records) : { appended: 0, updated: 0 };
  const since = Math.max(cursor.since, ...[...changes.values()].map((u) => u.updated_at ?? 0));
  const at = [...changes.values()].filter((u) => u.updated_at === since).map((u) => u.request_id);
  if (since === cursor.since) at.push(...seen);
  deps.store.set(cursorKey(target.id), { since, at } satisfies Cursor);
  return {
    sheet: target.name,
    full: false,
    changes: changes.size,
    added: result.appended,
    updated: result.updated,
    message: `${counted('changed request')(changes.size)}: ${result.appended} added, ${result.updated} updated in "${target.name}".`,
  };
}
