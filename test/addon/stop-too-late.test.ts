// Stop pressed on a pull into a sheet whose last rows a call under way wrote before the press was
// heard (google.script.run's calls answered one after the other): the sidebar and the log say the
// Stop came too late, with what was written, not plain done words under a Stop the person pressed.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import { pullToEnd } from './pull-to-end';

describe('Stop heard once the pull is done', () => {
  it('says it came too late and what was written, in the sidebar and the log row', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const spec = {
      source: { kind: 'report', report: 'adherence', granularity: 'day' },
      range: { kind: 'absolute', from: '2026-05-20', to: '2026-05-20' },
      target: { kind: 'new_sheet', name: 'Adherence' },
      mode: 'replace',
    };
    const seen: JobView[] = [];
    const job = await pullToEnd(rt, spec, 'stop-too-late-0001', undefined, seen);
    const shown = seen.at(-1) ?? job;
    expect(job.state).toBe('done');
    expect(shown.nextPollInMs).toBeGreaterThan(0);
    const log = () => rt.workbook.values('Assembled log') as unknown[][];
    const logged = log().length;
    const stopped = await rt.callFromSidebar<JobView>('stopPull', shown.id);
    expect(stopped).toMatchObject({
      state: 'done',
      rows: job.rows,
      message: `Stopped too late: the pull was already done. ${job.message}`,
    });
    expect(log()).toHaveLength(logged);
    expect(log().at(-1)).toContain(stopped.message);
  });
});
