// What the Pull sidebar says while Assembled does not answer: the retry, its reason and the time
// to the next try, at the stage it happened (a list being read, not only a report being polled).
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';

describe('a pull while Assembled is down', () => {
  it('says Assembled did not answer, why, and counts down to the next try; then finishes', async () => {
    const { rt, sim } = await startLocalAddon();
    sim.setFaults({ force5xx: 1_000 });
    const spec = {
      source: { kind: 'resource', resource: 'people' },
      filters: {},
      target: { kind: 'new_sheet', name: 'People' },
      mode: 'replace',
    };
    let job = await rt.callFromSidebar<JobView>('startPull', spec, 'key-0001');
    for (let i = 0; i < 3 && job.detail.startsWith('Reading'); i++) {
      await rt.clock.advanceAsync(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(job).toMatchObject({
      state: 'queued',
      detail: expect.stringMatching(
        /^Assembled did not answer (once|\d times) \(.*503.*[^.]\); the add-on tries again\.$/,
      ),
    });
    expect(job.nextCheckInMs).toBeGreaterThan(0);
    sim.setFaults({});
    for (let i = 0; i < 10 && job.nextPollInMs > 0; i++) {
      await rt.clock.advanceAsync(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(job).toMatchObject({ state: 'done', detail: expect.not.stringMatching(/did not answer/) });
  });
});
