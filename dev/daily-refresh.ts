// A scheduled refresh of a report (daily, or as asked), saved from the sidebar, and the clock stepped a minute at
// a time until something holds: the scenario the refresh tests and bench/refresh.bench.ts share;
// and a refresh of a reference list into a sheet, which many refresh tests save.
import type { Frequency } from '../src/core/schedule/frequency';
import type { LocalRuntime } from './gas';

const MINUTE = 60_000;

/** Saves a daily refresh of last week's handle time into `sheet` at `hour` (the spreadsheet's zone). */
export async function saveDailyAht(
  rt: LocalRuntime,
  o: { sheet: string; hour: number; key: string; notify?: boolean },
): Promise<{ id: string }[]> {
  return saveAht(rt, { ...o, frequency: { kind: 'daily', hour: o.hour }, preset: 'last_week' });
}

/** Saves a refresh of handle time by day over the relative range `preset`, replacing `sheet`. */
export async function saveAht(
  rt: LocalRuntime,
  o: { sheet: string; frequency: Frequency; preset: string; key: string; notify?: boolean },
): Promise<{ id: string }[]> {
  return rt.callFromSidebar(
    'saveRefresh',
    {
      spec: {
        source: { kind: 'report', report: 'handle_time', granularity: 'day' },
        range: { kind: 'relative', preset: o.preset },
        target: { kind: 'sheet', name: o.sheet },
        mode: 'replace',
      },
      frequency: o.frequency,
      notifyByEmail: o.notify ?? false,
    },
    o.key,
  );
}

/** Saves a refresh of a reference list (teams, sites, …) replacing the sheet `sheet`, which must exist. */
export async function saveListRefresh(
  rt: LocalRuntime,
  o: { resource: string; sheet: string; frequency: Frequency; key: string; notify?: boolean },
): Promise<{ id: string }[]> {
  return rt.callFromSidebar(
    'saveRefresh',
    {
      spec: {
        source: { kind: 'resource', resource: o.resource },
        target: { kind: 'sheet', name: o.sheet },
        mode: 'replace',
      },
      frequency: o.frequency,
      notifyByEmail: o.notify ?? false,
    },
    o.key,
  );
}

/** Steps the clock a minute at a time until `done` holds or `limitMs` passes; the time it took. */
export async function stepUntil(rt: LocalRuntime, done: () => boolean, limitMs: number): Promise<number> {
  const start = rt.clock.now();
  while (!done() && rt.clock.now() - start < limitMs) await rt.clock.advanceAsync(MINUTE);
  return rt.clock.now() - start;
}
