// A pull whose report start Assembled carried out but whose answer was lost (a 502, a 504 or no
// answer): the add-on starts the report again. Starting one changes no data in Assembled, so the
// first job is only a report no one reads; the pull lands with the same rows as one not lost.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';

const spec = (name: string) => ({
  source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
  range: { kind: 'absolute', from: '2026-05-18', to: '2026-05-24' },
  filters: {},
  target: { kind: 'new_sheet', name },
  mode: 'replace',
});

async function pull(rt: LocalRuntime, name: string): Promise<JobView> {
  let job = await rt.callFromSidebar<JobView>('startPull', spec(name), `lost-start-${name}`);
  for (let i = 0; i < 200 && job.state !== 'done' && job.state !== 'failed'; i++) {
    await rt.clock.advanceAsync(Math.max(1_000, job.nextPollInMs));
    job = await rt.callFromSidebar<JobView>('pollPull', job.id);
  }
  return job;
}

describe.each([502, 504, 'timeout'] as const)('a report start whose answer is lost as %s', (as) => {
  it('is started again, once (one report no one reads); the pull lands the rows a pull not lost lands', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const starts = () => sim.stats().byRoute['POST /v0/reports/{reportType}'] ?? 0;
    sim.setFaults({ forceLostReply: 1, lostReplyAs: as });
    expect((await pull(rt, 'Lost')).state).toBe('done');
    const lostStarts = starts();
    sim.setFaults({});
    expect((await pull(rt, 'Answered')).state).toBe('done');
    // The pull asks a report a part (a queue each), all in one fetchAll: the part lost to a 5xx was
    // asked once more; no answer at all loses the whole batch (as UrlFetchApp.fetchAll throws),
    // whose reports were all asked once more.
    const answered = starts() - lostStarts;
    expect(lostStarts).toBe(answered + (as === 'timeout' ? answered : 1));
    const lost = rt.workbook.values('Lost');
    expect(lost.length).toBeGreaterThan(1);
    expect(lost).toEqual(rt.workbook.values('Answered'));
  });
});
