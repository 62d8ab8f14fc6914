// A complete report's first page, staged before the rest are read: what it says of the whole must
// hold together, or the pull stops with a clear error rather than write fewer rows than there are.
import { describe, expect, it } from 'vitest';
import type { ReportPageOf } from '../../src/core/assembled/endpoints/reports';
import { stageFirstPage } from '../../src/core/pull/staged-fetch';
import { MemoryGrid } from '../sheet/memory-grid';

const endpoint = 'GET /v0/reports/r1';
const page = (metrics: number, total: number): ReportPageOf => ({
  id: 'r1',
  status: 'complete',
  report_type: 'adherence',
  generated_at: null,
  failure_reason: null,
  rows: undefined,
  metrics: Array.from({ length: metrics }, (_, i) => ({
    name: 'scheduled_seconds',
    value: i,
    attributes: { agent_id: `a${i}` },
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
