// "Sync time off" with a "Time off to create" sheet in front: the rows it created (those with an
// Assembled ID) take their request's status now (approved, denied, cancelled, or still pending).
// Only the Push status and Push message cells of rows whose status changed are written; the
// user's columns and "Pushed at" are left as they are.
import type { AssembledClient, TimeOffStatus } from '../assembled';
import type { Zone } from '../ports';
import type { Grid } from '../sheet/grid';
import type { CellValue } from '../table/build-table';
import { toSheetValue } from '../table/sheet-literal';
import { matchHeader } from './header';
import { CREATED_PENDING } from './outcome-words';
import { changedMessage, changedSinceSent, changesSinceSent } from './sent-print';
import type { SyncSummary } from './sync-time-off';

const CREATED = { status: 'created', message: CREATED_PENDING };
const NOW: Record<TimeOffStatus, { status: string; message: string }> = {
  pending: CREATED,
  approved: { status: 'approved', message: 'Approved in Assembled.' },
  denied: { status: 'denied', message: 'Denied in Assembled.' },
  cancelled: { status: 'cancelled', message: 'Cancelled in Assembled.' },
};

/** The sheet is one a time-off push wrote to: its header has the push columns and an Assembled ID. */
export function isTimeOffPushSheet(header: readonly CellValue[]): boolean {
  const match = matchHeader('time_off', header);
  return match.ok && !match.map.added.some((a) => a.index === match.map.status.id);
}

function text(v: CellValue | undefined): string {
  return v === undefined || v instanceof Date ? '' : String(v).trim();
}

export function syncPushSheet(
  client: AssembledClient,
  target: { name: string; grid: Grid },
  zone: Zone,
): SyncSummary {
  const { grid, name } = target;
  const used = grid.used();
  const cells = used.rows > 0 ? grid.read(1, 1, used.rows, used.cols) : [];
  const match = matchHeader('time_off', cells[0] ?? []);
  if (!match.ok) throw new Error(match.problem);
  const { status: at } = match.map;
  const rows = cells.slice(1).map((values, i) => ({ row: i + 2, values, id: text(values[at.id]) }));
  const created = rows.filter((r) => r.id);
  const summary = { sheet: name, full: false, added: 0 };
  if (created.length === 0)
    return {
      ...summary,
      changes: 0,
      updated: 0,
      message: `"${name}" has no rows with an Assembled ID yet: push it first, then sync.`,
    };
  const byId = new Map(client.listTimeOffRequests().map((r) => [r.id, r]));
  const changed = new Map<number, { status: string; message: string }>();
  for (const r of created) {
    const request = byId.get(r.id);
    const now = request?.status ? NOW[request.status] : undefined;
    if (now && text(r.values[at.status]).toLowerCase() !== now.status) changed.set(r.row, now);
  }
  if (changed.size > 0) {
    const first = Math.min(...changed.keys());
    const last = Math.max(...changed.keys());
    // A row changed since it was pushed keeps saying so beside its new status (sent-print.ts).
    const notes = grid.columnNotes(first, at.status + 1, last - first + 1);
    for (const [n, now] of changed) {
      const [note, values] = [notes[n - first] ?? '', cells[n - 1] ?? []];
      if (!changedSinceSent(note, values, match.map, zone)) continue;
      const what = changesSinceSent(note, values, match.map, zone);
      changed.set(n, { ...now, message: changedMessage('time_off', '', now.status, now.message, '', what) });
    }
    // One block per column from the first to the last changed row; rows between keep what was read.
    for (const [key, col] of [
      ['status', at.status],
      ['message', at.message],
    ] as const) {
      const block: CellValue[][] = [];
      for (let n = first; n <= last; n++) {
        const now = changed.get(n);
        block.push([toSheetValue(now ? now[key] : (cells[n - 1]?.[col] ?? ''))]);
      }
      grid.prepare(first, col + 1, block.length, 1);
      grid.write(first, col + 1, block);
    }
  }
  return {
    ...summary,
    changes: changed.size,
    updated: changed.size,
    message:
      changed.size === 0
        ? `The ${created.length} requests created from "${name}" are as the sheet says.`
        : `${changed.size} of the ${created.length} requests created from "${name}" changed in Assembled (${byStatus(changed)}); their Push status is updated.`,
  };
}

/** "534 approved, 134 denied": the changed rows counted by their new status, in NOW's order. */
function byStatus(changed: Map<number, { status: string }>): string {
  const statuses = [...changed.values()].map((c) => c.status);
  return Object.entries(NOW)
    .map(([word, { status }]) => [word, statuses.filter((s) => s === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([word, n]) => `${n} ${word}`)
    .join(', ');
}
