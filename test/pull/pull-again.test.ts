import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../dev/memory-store';
import { pullAgain, REMEMBER_BYTES, rememberPull } from '../../src/core/pull/pull-again';
import type { PullSpec } from '../../src/core/pull/pull-spec';
import { ANALYST } from '../support/core-deps';

const base: PullSpec = {
  source: { kind: 'resource', resource: 'people' },
  filters: {},
  target: { kind: 'cell', sheet: 'Old name', a1: 'C3' },
  mode: 'merge',
};

describe('the pull that last filled a sheet', () => {
  it('keeps a cell target at its cell, in the sheet as named now', () => {
    const store = new MemoryStore();
    rememberPull(store, 7, base, 1);
    expect(pullAgain(store, 7, 'New name', ANALYST)).toEqual({
      spec: { ...base, target: { kind: 'cell', sheet: 'New name', a1: 'C3' } },
      what: 'People',
      how: 'Updates its rows with the same key and adds new ones.',
    });
    expect(pullAgain(store, 8, 'Other', ANALYST)).toBeUndefined();
  });

  it('keeps nothing for a BigQuery pull or a sheet not known', () => {
    const store = new MemoryStore();
    rememberPull(
      store,
      7,
      { ...base, target: { kind: 'bigquery', project: 'p', dataset: 'd', table: 't' } },
      1,
    );
    rememberPull(store, undefined, base, 1);
    expect([...store.data.keys()]).toEqual([]);
  });

  it('words a fixed range and a number of days back', () => {
    const store = new MemoryStore();
    const report = { kind: 'report', report: 'adherence', granularity: 'week' } as const;
    rememberPull(
      store,
      1,
      {
        ...base,
        source: report,
        range: { kind: 'absolute', from: '2026-11-01', to: '2026-11-30' },
      },
      1,
    );
    expect(pullAgain(store, 1, 'S', ANALYST)?.what).toBe('Adherence report (week), 2026-11-01 to 2026-11-30');
    rememberPull(
      store,
      1,
      {
        ...base,
        source: report,
        range: { kind: 'relative', preset: 'days_back', days: 14 },
      },
      2,
    );
    expect(pullAgain(store, 1, 'S', ANALYST)?.what).toBe('Adherence report (week), the last 14 days');
  });

  it('keeps the newest within 50 KB of the shared store, forgetting the oldest (often of sheets gone)', () => {
    const store = new MemoryStore();
    // A pull filtered to 30 agents: about 1.3 KB remembered.
    const agents = Array.from(
      { length: 30 },
      (_, i) => `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
    );
    const spec = (n: number): PullSpec => ({
      ...base,
      filters: { agent_ids: agents },
      target: { kind: 'sheet', name: `S${n}` },
    });
    for (let n = 1; n <= 60; n++) rememberPull(store, n, spec(n), 1000 + n);
    const bytes = store
      .entries<unknown>('lastPull.')
      .reduce((sum, [k, v]) => sum + k.length + JSON.stringify(v).length, 0);
    expect(bytes).toBeLessThanOrEqual(REMEMBER_BYTES);
    expect(bytes).toBeGreaterThan(REMEMBER_BYTES - 2 * 1024);
    expect(pullAgain(store, 60, 'S60', ANALYST)?.spec.filters.agent_ids).toHaveLength(30);
    expect(pullAgain(store, 1, 'S1', ANALYST)).toBeUndefined();
    // Pulling into an old sheet again makes it the newest: the oldest left goes, not it.
    const oldestLeft = Math.min(
      ...store.entries('lastPull.').map(([k]) => Number(k.slice('lastPull.'.length))),
    );
    rememberPull(store, oldestLeft, spec(oldestLeft), 2000);
    rememberPull(store, 61, spec(61), 2001);
    expect(pullAgain(store, oldestLeft, 'again', ANALYST)).toBeDefined();
    expect(pullAgain(store, oldestLeft + 1, 'next', ANALYST)).toBeUndefined();
  });

  it('reads a pull remembered before its time was kept (the spec alone)', () => {
    const store = new MemoryStore();
    store.set('lastPull.4', { ...base, target: { kind: 'sheet', name: 'Old' } });
    expect(pullAgain(store, 4, 'Now', ANALYST)?.spec.target).toEqual({ kind: 'sheet', name: 'Now' });
  });

  it('offers nothing for a pull this version cannot read (a source since retired), rather than failing', () => {
    const store = new MemoryStore();
    rememberPull(store, 5, { ...base, target: { kind: 'sheet', name: 'S' } }, 1000);
    expect(pullAgain(store, 5, 'S', ANALYST)).toBeDefined();
    const kept = store.get<{ spec: PullSpec; at: number }>('lastPull.5');
    store.set('lastPull.5', {
      ...kept,
      spec: { ...kept?.spec, source: { kind: 'resource', resource: 'retired' } },
    });
    expect(pullAgain(store, 5, 'S', ANALYST)).toBeUndefined();
  });
});
