import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../dev/memory-store';
import { pullAgain, rememberPull } from '../../src/core/pull/pull-again';
import type { PullSpec } from '../../src/core/pull/pull-spec';

const base: PullSpec = {
  source: { kind: 'resource', resource: 'people' },
  filters: {},
  target: { kind: 'cell', sheet: 'Old name', a1: 'C3' },
  mode: 'merge',
};

describe('the pull that last filled a sheet', () => {
  it('keeps a cell target at its cell, in the sheet as named now', () => {
    const store = new MemoryStore();
    rememberPull(store, 7, base);
    expect(pullAgain(store, 7, 'New name')).toEqual({
      spec: { ...base, target: { kind: 'cell', sheet: 'New name', a1: 'C3' } },
      what: 'People',
      how: 'Updates its rows with the same key and adds new ones.',
    });
    expect(pullAgain(store, 8, 'Other')).toBeUndefined();
  });

  it('keeps nothing for a BigQuery pull or a sheet not known', () => {
    const store = new MemoryStore();
    rememberPull(store, 7, { ...base, target: { kind: 'bigquery', project: 'p', dataset: 'd', table: 't' } });
    rememberPull(store, undefined, base);
    expect([...store.data.keys()]).toEqual([]);
  });

  it('words a fixed range and a number of days back', () => {
    const store = new MemoryStore();
    const report = { kind: 'report', report: 'adherence', granularity: 'week' } as const;
    rememberPull(store, 1, {
      ...base,
      source: report,
      range: { kind: 'absolute', from: '2026-11-01', to: '2026-11-30' },
    });
    expect(pullAgain(store, 1, 'S')?.what).toBe('Adherence report (week), 2026-11-01 to 2026-11-30');
    rememberPull(store, 1, {
      ...base,
      source: report,
      range: { kind: 'relative', preset: 'days_back', days: 14 },
    });
    expect(pullAgain(store, 1, 'S')?.what).toBe('Adherence report (week), the last 14 days');
  });
});
