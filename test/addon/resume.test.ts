import { describe, expect, it } from 'vitest';
import { saveListRefresh } from '../../dev/daily-refresh';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const HOUR = 3_600_000;

describe('work cut short by the 6-minute limit', () => {
  it('a pull killed mid-request is finished by the dispatcher in a later execution, once', async () => {
    const { rt, sim } = await startLocalAddon({ mode: 'bound' });
    sim.setFaults({ latencyMs: 7 * 60_000 });
    const spec = {
      source: { kind: 'resource', resource: 'queues' },
      target: { kind: 'new_sheet', name: 'Queues' },
      mode: 'append',
    };
    await expect(rt.callFromSidebar<JobView>('startPull', spec, 'killed-pull-0001')).rejects.toThrow(
      /Exceeded maximum execution time/,
    );
    expect(rt.lastExecution?.killed).toBe(true);
    sim.setFaults({});
    await rt.clock.advanceAsync(3 * 60_000);
    // The sidebar never heard the job's id; asking again with its request key finds the same job.
    const job = await rt.callFromSidebar<JobView>('startPull', spec, 'killed-pull-0001');
    expect(job.state).toBe('done');
    // Append mode would show a second copy if the killed run had written anything.
    expect(rt.workbook.values('Queues').length).toBe(job.rows + 1);
    await rt.clock.advanceAsync(HOUR);
    expect(rt.triggers()).toHaveLength(0);
  });

  it('a scheduled refresh killed mid-run resumes and completes in the next tick', async () => {
    const { rt, sim } = await startLocalAddon({ mode: 'bound' });
    rt.workbook.addSheet('Sites');
    await saveListRefresh(rt, {
      resource: 'sites',
      sheet: 'Sites',
      frequency: { kind: 'daily', hour: 9 },
      key: 'killed-refresh-01',
    });
    sim.setFaults({ latencyMs: 7 * 60_000 });
    // Saved at 08:00 New York: the 09:00 run is started by the next hourly tick and killed.
    const fired = await rt.clock.advanceAsync(HOUR + 10 * 60_000);
    expect(fired.some((f) => f.result.killed)).toBe(true);
    sim.setFaults({});
    await rt.clock.advanceAsync(2 * HOUR);
    const [view] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(view?.lastRun).toMatchObject({ status: 'done' });
    expect(rt.workbook.values('Sites').length).toBeGreaterThan(1);
    expect(view?.nextRun).toBe('2026-05-26 09:00');
  });
});
