// A complete report's first page, staged before the rest are read: what it says of the whole must
// hold together, or the pull stops with a clear error rather than write fewer rows than there are.
import { describe, expect, it } from 'vitest';
import type { AssembledClient } from '../../src/core/assembled/client';
import type { ReportPageOf } from '../../src/core/assembled/endpoints/reports';
import { fetchNextPages, stageFirstPage } from '../../src/core/pull/staged-fetch';
import { readStaged } from '../../src/core/pull/staging';
import { MemoryGrid } from '../sheet/memory-grid';

const endpoint = 'GET /v0/reports/r1';
const page = (metrics: number, total: number, from = 0): ReportPageOf => ({
  id: 'r1',
  status: 'complete',
  report_type: 'adherence',
  generated_at: null,
  failure_reason: null,
  rows: undefined,
  metrics: Array.from({ length: metrics }, (_, i) => ({
    name: 'scheduled_seconds',
    value: from + i,
    attributes: { agent_id: `a${from + i}` },
  })),
  total_metric_count: total,
});

describe('stageFirstPage', () => {
  it('a first page empty though total_metric_count says 250 is an error, not an empty report', () => {
    expect(() => stageFirstPage(new MemoryGrid(), page(0, 250), endpoint)).toThrow(
      expect.objectContaining({
        kind: 'unexpected_response',
        message: expect.stringMatching(/the page at offset 0 came back empty though the total is 250/),
      }),
    );
  });

  it('an empty report is empty', () => {
    expect(stageFirstPage(new MemoryGrid(), page(0, 0), endpoint)).toMatchObject({ total: 0, step: 0 });
  });

  it('steps by the page the server returned', () => {
    expect(stageFirstPage(new MemoryGrid(), page(100, 250), endpoint)).toMatchObject({
      total: 250,
      step: 100,
    });
  });
});

describe('fetchNextPages', () => {
  it('a server whose page size varies: a later page longer than the first is staged up to the next offset, no metric twice', () => {
    // 4 metrics first, then pages of 8 (simulator firstPageMax): offsets are 4 apart, so the page
    // at 4 holds the page at 8's first 4 too.
    const asked: number[][] = [];
    const client = {
      readReportPages: (_id: string, offsets: number[]) => {
        asked.push(offsets);
        return offsets.map((o) => ({ ok: true as const, value: page(Math.min(8, 20 - o), 20, o) }));
      },
    } as unknown as AssembledClient;
    const stage = new MemoryGrid();
    stageFirstPage(stage, page(4, 20), endpoint);
    expect(fetchNextPages(client, 'r1', stage, endpoint)).toEqual({ pages: 5, complete: true });
    expect(asked).toEqual([[4, 8, 12, 16]]);
    const values = readStaged(stage).map((m) => (m as { value: number }).value);
    expect(values).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
