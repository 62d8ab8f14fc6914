import { randomUUID } from 'node:crypto';
// Core pull/refresh dependencies over the simulator on a virtual clock, with in-memory sheets.
import { intlZone } from '../../dev/intl-zone';
import { MemoryLock, MemoryStore } from '../../dev/memory-store';
import { createSimulatorHttp } from '../../dev/net/simulator-http';
import { VirtualClock } from '../../dev/net/virtual-clock';
import { createSimulator } from '../../dev/simulator';
import type { Dialect } from '../../dev/simulator/api';
import { createAssembledClient } from '../../src/core/assembled';
import type { PullTarget } from '../../src/core/pull/pull-spec';
import { type OpenTarget, TargetMissing, targetSheet } from '../../src/core/pull/pull-target';
import type { RunLogEntry } from '../../src/core/pull/run-log';
import { STAGE_PARTS, stageName, stageOf } from '../../src/core/pull/staging';
import type { RefreshNotice } from '../../src/core/schedule/failure-mail';
import type { RefreshDeps } from '../../src/core/schedule/run-refreshes';
import { sheetCell } from '../../src/core/sheet/a1';
import type { Extent } from '../../src/core/sheet/grid';
import { MemoryGrid } from '../sheet/memory-grid';

/** Shaped like an Assembled key (the simulator is told it issued it) but plainly a fixture. */
export const TEST_KEY = 'sk_live_test_fixture';

/** The caller of core tests, and another editor. */
export const ANALYST = { id: 'id-analyst-0001', email: 'analyst@example.com' };
export const OTHER = { id: 'id-other-0002', email: 'other@example.com' };

export function coreSetup(dialect: Dialect = 'seed', apiKey = TEST_KEY) {
  const clock = new VirtualClock(Date.parse('2026-05-25T12:00:00Z'));
  const simulator = createSimulator({
    seed: 7,
    dialect,
    now: () => clock.now(),
    reportDelayMs: 20_000,
    keys: [apiKey],
  });
  const http = createSimulatorHttp(simulator, clock);
  const grids = new Map<string, MemoryGrid>();
  const extents = new Map<string, Extent>();
  const logs: RunLogEntry[] = [];
  let triggers = 0;
  const notices: RefreshNotice[] = [];
  // Sheet ids as Sheets gives them: one per sheet name, kept when a grid is replaced.
  const ids = new Map<string, number>();
  const idOf = (name: string) => {
    if (!ids.has(name)) ids.set(name, ids.size + 1);
    return ids.get(name) as number;
  };
  const nameOf = (id: number) => [...ids].find(([, v]) => v === id)?.[0];
  const exists = (target: PullTarget, sheetId?: number) => {
    if (sheetId !== undefined) return grids.has(nameOf(sheetId) ?? '');
    return target.kind === 'new_sheet' || grids.has(targetSheet(target));
  };
  const deps: RefreshDeps = {
    client: () =>
      createAssembledClient({ http, clock, apiKey, timeFormat: dialect === 'live' ? 'unix' : 'iso' }),
    clock,
    zone: intlZone('America/New_York'),
    zones: intlZone,
    store: new MemoryStore(),
    lock: new MemoryLock(),
    targets: {
      open(target, sheetId): OpenTarget {
        const named = targetSheet(target);
        const name = sheetId === undefined ? named : nameOf(sheetId);
        if (name === undefined || (target.kind !== 'new_sheet' && !grids.has(name)))
          throw new TargetMissing(named);
        if (sheetId !== undefined && !grids.has(name)) throw new TargetMissing(named);
        const made = !grids.has(name);
        const grid = grids.get(name) ?? new MemoryGrid();
        grids.set(name, grid);
        const previous = extents.get(name);
        return {
          grid,
          sheetId: idOf(name),
          sheet: name,
          row: 1,
          col: 1,
          label: sheetCell(name, 'A1'),
          ...(previous ? { previous } : {}),
          ...(made ? { made: true as const } : {}),
          remember: (e) => extents.set(name, e),
        };
      },
      exists,
      listed() {
        return this;
      },
      nameOf: (sheetId) => {
        const name = nameOf(sheetId);
        return name !== undefined && grids.has(name) ? name : undefined;
      },
      bind: (target) => {
        const name = targetSheet(target);
        return grids.has(name) ? idOf(name) : undefined;
      },
      dropEmpty: (sheetId) => {
        const name = nameOf(sheetId);
        const used = name === undefined ? undefined : grids.get(name)?.used();
        if (name !== undefined && used?.rows === 0 && used.cols === 0) grids.delete(name);
      },
    },
    log: {
      append: (e) => logs.push(e),
      restate: (was, message) => {
        const row = [...logs]
          .reverse()
          .find((e) => e.when.getTime() === was.when.getTime() && e.message === was.message);
        if (row) row.message = message;
      },
    },
    user: ANALYST,
    newId: () => randomUUID(),
    spreadsheetId: 'test-spreadsheet',
    ensureTrigger: () => {
      triggers++;
      return undefined;
    },
    // Staging sheets live beside the targets, under their own names, as in a spreadsheet.
    staging: {
      open(jobId, part) {
        const name = stageName(jobId, part);
        const grid = grids.get(name) ?? new MemoryGrid();
        grids.set(name, grid);
        return grid;
      },
      find: (jobId, part) => grids.get(stageName(jobId, part)),
      publish(jobId, rows, cols, target) {
        const stage = grids.get(stageName(jobId, 'table'));
        if (!stage) throw new Error('no staged table');
        target.grid.write(target.row, target.col, stage.read(1, 1, rows, cols));
      },
      remove(jobId) {
        for (const part of STAGE_PARTS) grids.delete(stageName(jobId, part));
      },
      stages: () => [...grids.keys()].flatMap((name) => stageOf(name) ?? []),
    },
    notify: { failed: (told) => void notices.push(...told), stopped: () => false },
    ensureScheduler: () => {
      triggers++;
      return undefined;
    },
    hasKey: () => apiKey !== '',
    // Each call here its own execution, begun as it is made.
    startedAt: () => clock.now(),
  };
  return { deps, clock, grids, logs, http, simulator, notices, triggers: () => triggers };
}
