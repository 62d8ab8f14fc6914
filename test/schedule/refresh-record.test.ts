// A refresh's saved record stays small as it runs, whatever Assembled says and however long it
// runs: it counts against its owner's share of the spreadsheet's storage.
import { describe, expect, it } from 'vitest';
import { createAssembledClient } from '../../src/core/assembled';
import type { Http, HttpResponse } from '../../src/core/ports';
import { sidebarTurn } from '../../src/core/pull/run-pull';
import { saveRefresh } from '../../src/core/schedule/manage';
import { keptNames } from '../../src/core/schedule/notes-beside';
import { type Refresh, RefreshStore } from '../../src/core/schedule/refresh';
import { runDueRefreshes, runNow } from '../../src/core/schedule/run-refreshes';
import { MemoryGrid } from '../sheet/memory-grid';
import { coreSetup, TEST_KEY } from '../support/core-deps';

const HOUR = 3_600_000;

const dailyReport = (mode: 'replace' | 'append') => ({
  spec: {
    source: { kind: 'report', report: 'handle_time', granularity: 'day' },
    range: { kind: 'relative', preset: 'yesterday' },
    target: { kind: 'sheet', name: 'AHT' },
    mode,
  },
  frequency: { kind: 'daily', hour: 6 },
  notifyByEmail: false,
});

describe("a refresh's saved record", () => {
  it('keeps at most 1,000 characters of a failed run’s message, however long Assembled’s reason', () => {
    const s = coreSetup();
    s.grids.set('AHT', new MemoryGrid([['x']]));
    const reason = 'The report could not be built because '.repeat(200);
    // Assembled answers every look at a report: failed, for that long reason.
    const failing = (r: HttpResponse): HttpResponse => {
      const body = JSON.parse(r.body || 'null') as { reportID?: string } | null;
      return body?.reportID ? { ...r, body: JSON.stringify({ ...body, status: 'failed', reason }) } : r;
    };
    const http: Http = {
      fetch: (request) => failing(s.http.fetch(request)),
      fetchAll: (requests) => s.http.fetchAll(requests).map(failing),
    };
    s.deps.client = () =>
      createAssembledClient({ http, clock: s.clock, apiKey: TEST_KEY, timeFormat: 'iso' });
    const refresh = saveRefresh(s.deps, dailyReport('replace'), 'refresh-long-reason');

    runNow(s.deps, refresh, { deadline: s.clock.now() + 5 * 60_000, wait: true });

    const message = new RefreshStore(s.deps.store).get(refresh.id)?.lastRun?.message ?? '';
    expect(message).toMatch(
      /^Assembled could not generate the report: The report could not be built because /,
    );
    expect(message).toHaveLength(1001);
    expect(message.endsWith('…')).toBe(true);
    // The run's log row says it whole.
    expect(s.logs.at(-1)?.message?.length).toBeGreaterThan(reason.length);
  });

  it('remembers the last 10 periods an append refresh appended, not every one', () => {
    const s = coreSetup();
    s.grids.set('AHT', new MemoryGrid([['x']]));
    const { id } = saveRefresh(s.deps, dailyReport('append'), 'refresh-append-days');
    for (let t = 0; t < 15 * 24 * HOUR; t += HOUR) {
      s.clock.advance(HOUR);
      runDueRefreshes(s.deps, s.clock.now() + 300_000);
    }
    const store = new RefreshStore(s.deps.store);
    const appended = store.get(id)?.appended ?? [];
    expect(appended).toHaveLength(10);
    expect(appended.at(-1)).toBe('2026-06-08..2026-06-08');
    // The newest is still known: a run due again within the day (its due time worked out afresh
    // from just before the last one's) skips it.
    s.clock.advance(HOUR);
    const last = store.get(id) as Refresh;
    const dueAt = last.lastRun?.dueAt ?? 0;
    const again = runNow(
      s.deps,
      store.save({ ...last, nextRunAt: dueAt, nextRunFrom: dueAt - 1 }),
      sidebarTurn(s.clock),
    );
    expect(again.lastRun?.status).toBe('skipped');
  });

  it('keeps a few names of the columns of notes beside a replaced table, each cut short, for its card', () => {
    const typed = Array.from({ length: 300 }, (_, i) => `Coach's note ${i + 1} `.repeat(20));
    const kept = keptNames(typed);
    expect(kept).toHaveLength(12);
    expect(kept[0]).toBe(`${typed[0]?.slice(0, 40)}…`);
    expect(JSON.stringify(kept).length).toBeLessThan(600);
    expect(keptNames(['Notes'])).toEqual(['Notes']);
  });
});
