// A Pull sidebar opened again while a pull it started is under way follows that pull: its
// options carry the caller's newest pull that is not over, never another editor's.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView, PullOptions } from '../../src/core/pull/pull-view';

describe('a reopened Pull sidebar', () => {
  it("follows its caller's pull under way, and only theirs", async () => {
    const { rt, key } = await startLocalAddon({ reportDelayMs: 10 * 60_000 });
    const other = rt.asUser('editor@example.com');
    await other.callFromSidebar('saveSettings', { apiKey: key, timeFormat: 'unix', apiVersion: '' });
    const spec = {
      source: { kind: 'report', report: 'adherence', granularity: 'day' },
      range: { kind: 'relative', preset: 'yesterday' },
      target: { kind: 'new_sheet', name: 'Adherence' },
      mode: 'replace',
    };
    const started = await rt.callFromSidebar<JobView>('startPull', spec, 'reopen-pull-1');
    expect(started.nextPollInMs).toBeGreaterThan(0);

    const mine = await rt.callFromSidebar<PullOptions>('getPullOptions');
    // With its spec, which that sidebar did not send: it offers the pull as a refresh once done.
    expect(mine.running).toMatchObject({ id: started.id, spec });
    expect((await other.callFromSidebar<PullOptions>('getPullOptions')).running).toBeUndefined();

    let job = started;
    for (let i = 0; i < 200 && job.nextPollInMs > 0; i++) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(job.state).toBe('done');
    expect((await rt.callFromSidebar<PullOptions>('getPullOptions')).running).toBeUndefined();
  });
});
