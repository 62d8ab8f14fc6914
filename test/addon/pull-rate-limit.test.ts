// A pull from the sidebar refused by Assembled's rate limit (the workbench's "Rate-limits the next
// 60 requests"): Assembled is up and its Retry-After says when to come back, so the pull waits its
// turn uncounted, as a refresh's run and a push do, rather than give up after six refusals.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';

const spec = {
  source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
  range: { kind: 'relative', preset: 'last_week' },
  filters: {},
  target: { kind: 'new_sheet', name: 'Tickets' },
  mode: 'replace',
};

describe('a pull from the sidebar met by a storm of 60 rate-limit refusals', () => {
  it('says it waits its turn, counts no failed attempt, and lands', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    sim.setFaults({ force429: 60 });
    let job = await rt.callFromSidebar<JobView>('startPull', spec, 'key-rate-1');
    // Its first request reads the queues, as ticket stats are asked a queue at a time (queue-parts.ts).
    expect(job).toMatchObject({
      state: 'queued',
      stage: 'Waiting to try again',
      detail:
        "Assembled's rate limit was hit while reading queues. Assembled is up, so the add-on waits its turn and tries again.",
    });
    // When, as a push's wait says: its Retry-After, which the sidebar counts down as "Next try in".
    expect(job.nextTryInMs).toBeGreaterThan(0);
    expect(job.nextTryInMs).toBeLessThanOrEqual(job.nextPollInMs);
    for (let i = 0; i < 200 && job.state !== 'done' && job.state !== 'failed'; i++) {
      expect(job.detail).not.toMatch(/failed|gave up/);
      await rt.clock.advanceAsync(Math.max(1_000, job.nextPollInMs));
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(job.state).toBe('done');
    expect(sim.stats().rejected429).toBe(60);
    expect(rt.workbook.displayValues('Tickets').length).toBeGreaterThan(1);
  });

  it('counts the refusals as failed attempts once refused for 10 minutes: the key is busy with more than this pull', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    sim.setFaults({ force429: 1_000_000 });
    const pressed = rt.clock.now();
    let job = await rt.callFromSidebar<JobView>('startPull', spec, 'key-rate-2');
    for (let i = 0; i < 400 && !/failed/.test(job.detail); i++) {
      await rt.clock.advanceAsync(Math.max(1_000, job.nextPollInMs));
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(rt.clock.now() - pressed).toBeGreaterThanOrEqual(10 * 60_000);
    expect(rt.clock.now() - pressed).toBeLessThan(11 * 60_000);
    expect(job.detail).toMatch(
      /^A request to Assembled failed: Assembled's rate limit .*\. The add-on tries again, up to 5 more times\.$/,
    );
  });
});
