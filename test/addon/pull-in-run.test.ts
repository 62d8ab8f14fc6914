// Reports are waited for inside the execution that started them, and every execution keeps to its
// time: a scheduled refresh whose report Assembled builds in minutes is written by the tick that
// started it, and a sidebar call hands back the progress after its turn, mid-step.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import { isStageSheet } from '../../src/core/pull/staging';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const HOUR = 3_600_000;
const TICKS = ['onDispatchTrigger', 'onHourlyDispatchTrigger'];

describe('reports are polled inside the execution', () => {
  it('a scheduled refresh whose report takes 3.5 minutes is written by the tick that started it', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live', reportDelayMs: 210_000 });
    rt.workbook.addSheet('Adherence');
    await rt.callFromSidebar(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'report', report: 'adherence', granularity: 'day' },
          range: { kind: 'relative', preset: 'yesterday' },
          target: { kind: 'sheet', name: 'Adherence' },
          mode: 'replace',
        },
        frequency: { kind: 'daily', hour: 9 },
        notifyByEmail: false,
      },
      'in-run-refresh-01',
    );
    // Saved at 08:00 New York: the hourly tick at 09:00 runs it; the next tick is at 10:00.
    const fired = await rt.clock.advanceAsync(HOUR + 30 * 60_000);
    const ticks = fired.filter((f) => TICKS.includes(f.handler));
    expect(ticks).toHaveLength(1);
    expect(ticks[0]?.result).toMatchObject({ killed: false });
    const [view] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(view?.lastRun).toMatchObject({ status: 'done' });
    expect(rt.workbook.values('Adherence').length).toBeGreaterThan(10);
  });

  it('a sidebar call returns after its turn, mid-fetch, and the next one carries on', async () => {
    // 138 pages of 30 metrics: about 28 s at the rate limit, past a sidebar call's 20 s turn.
    const { rt, backend } = await startLocalAddon({ dialect: 'live', simulator: { reportPageMax: 30 } });
    const asked = new Map<string, number>();
    rt.setHttp((request) => {
      const page = /\/v0\/reports\/[^?]+\?.*offset=(\d+)/.exec(request.url);
      const response = backend.http(request);
      if (page?.[1] && response.body.includes('"complete"'))
        asked.set(page[1], (asked.get(page[1]) ?? 0) + 1);
      return response;
    });
    let job = await rt.callFromSidebar<JobView>(
      'startPull',
      {
        source: { kind: 'report', report: 'adherence', granularity: 'day' },
        range: { kind: 'absolute', from: '2026-05-20', to: '2026-05-20' },
        target: { kind: 'new_sheet', name: 'Adherence' },
        mode: 'replace',
      },
      'in-run-sidebar-01',
    );
    const stages: string[] = [];
    for (let i = 0; i < 30 && job.nextPollInMs > 0; i++) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
      stages.push(job.stage);
      if (job.state === 'fetching') {
        // The pages wait in a hidden sheet that is never offered as a target.
        const staging = rt.workbook.sheetNames().filter(isStageSheet);
        expect(staging).toHaveLength(1);
        expect(rt.workbook.isHidden(staging[0] as string)).toBe(true);
        const options = await rt.callFromSidebar<{ sheets: string[] }>('getPullOptions');
        expect(options.sheets.filter(isStageSheet)).toEqual([]);
      }
      // A call stops at its turn's end (20 s), give or take the step under way.
      expect(rt.lastExecution?.durationMs).toBeLessThan(30_000);
    }
    expect(job.state).toBe('done');
    expect(stages).toContainEqual(expect.stringMatching(/^Fetching page \d+ of \d+$/));
    expect(asked.size).toBe(138);
    expect(rt.workbook.sheetNames().filter(isStageSheet)).toEqual([]);
    expect([...asked.values()].every((n) => n === 1)).toBe(true);
  });

  it('a pull whose every attempt is cut short at the same step is given up after three', async () => {
    // An add-on's dispatcher ticks hourly: within these 28 minutes only the sidebar tries.
    const { rt, sim } = await startLocalAddon();
    sim.setFaults({ latencyMs: 7 * 60_000 });
    const spec = {
      source: { kind: 'resource', resource: 'queues' },
      target: { kind: 'new_sheet', name: 'Queues' },
      mode: 'replace',
    };
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      // The sidebar never heard the job's id; starting again with its key finds the same job.
      const job = await rt.callFromSidebar<JobView>('startPull', spec, 'cut-short-0001').catch(() => null);
      outcomes.push(job?.state ?? 'killed');
      rt.clock.advance(7 * 60_000);
    }
    expect(outcomes).toEqual(['killed', 'killed', 'killed', 'stalled']);
  });
});
