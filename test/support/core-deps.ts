// Core pull/refresh dependencies over the simulator on a virtual clock, with in-memory sheets.
import { intlZone } from '../../dev/intl-zone';
import { MemoryLock, MemoryStore } from '../../dev/memory-store';
import { createSimulatorHttp } from '../../dev/net/simulator-http';
import { VirtualClock } from '../../dev/net/virtual-clock';
import { createSimulator } from '../../dev/simulator';
import type { Dialect } from '../../dev/simulator/api';
import { createAssembledClient } from '../../src/core/assembled';
import { type OpenTarget, TargetMissing } from '../../src/core/pull/pull-target';
import type { RunLogEntry } from '../../src/core/pull/run-log';
import type { Refresh } from '../../src/core/schedule/refresh';
import type { RefreshDeps } from '../../src/core/schedule/run-refreshes';
import type { Extent } from '../../src/core/sheet/grid';
import { MemoryGrid } from '../sheet/memory-grid';

/** Shaped like an Assembled key (the simulator is told it issued it) but plainly a fixture. */
export const TEST_KEY = 'sk_live_test_fixture';

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
  const notices: { refresh: Refresh; message: string }[] = [];
  const deps: RefreshDeps = {
    client: () => createAssembledClient({ http, clock, apiKey }),
    clock,
    zone: intlZone('America/New_York'),
    store: new MemoryStore(),
    lock: new MemoryLock(),
    targets: {
      open(target): OpenTarget {
        const name = target.kind === 'cell' ? target.sheet : target.name;
        if (target.kind !== 'new_sheet' && !grids.has(name)) throw new TargetMissing(name);
        const grid = grids.get(name) ?? new MemoryGrid();
        grids.set(name, grid);
        const previous = extents.get(name);
        return {
          grid,
          row: 1,
          col: 1,
          label: `${name}!A1`,
          ...(previous ? { previous } : {}),
          remember: (e) => extents.set(name, e),
        };
      },
      exists: (target) =>
        target.kind === 'new_sheet' || grids.has(target.kind === 'cell' ? target.sheet : target.name),
    },
    log: { append: (e) => logs.push(e) },
    user: 'analyst@example.com',
    ensureTrigger: () => {
      triggers++;
    },
    notify: { failed: (refresh, message) => notices.push({ refresh, message }) },
    ensureScheduler: () => {
      triggers++;
    },
  };
  return { deps, clock, grids, logs, http, simulator, notices, triggers: () => triggers };
}
