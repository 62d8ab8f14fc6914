// Pull data offers to run again the pull that last filled the sheet in front: the sheet's own
// pull, kept in Document properties by its id, run by whoever presses the button with their key.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView, PullOptions } from '../../src/core/pull/pull-view';
import { pullToEnd } from './pull-to-end';

const spec = {
  source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
  range: { kind: 'relative', preset: 'last_7_days' },
  target: { kind: 'new_sheet', name: 'Tickets' },
  mode: 'append',
};

describe('Pull it again', () => {
  it('offers the pull that filled the sheet in front, under its new name, to each editor with their own key', async () => {
    const { rt, key } = await startLocalAddon({ dialect: 'live' });
    const first = await pullToEnd(rt, spec, 'pull-again-0001');
    expect(first.state).toBe('done');
    expect(first.scheduled).toBeUndefined();
    rt.workbook.select('Tickets!B3');
    const { again } = await rt.callFromSidebar<PullOptions>('getPullOptions');
    expect(again).toEqual({
      spec: { ...spec, filters: {}, target: { kind: 'sheet', name: 'Tickets' } },
      what: 'Ticket stats report (day), last 7 days',
      how: 'Appends the rows it does not hold yet.',
      // The form checks a merge key typed against it before the pull starts.
      header: expect.arrayContaining(['Queue ID', 'Start', 'End']),
    });

    // A refresh into the sheet is named beside it.
    const refresh = { spec: again?.spec, frequency: { kind: 'daily', hour: 7 }, notifyByEmail: false };
    const [saved] = await rt.callFromSidebar<{ id: string }[]>('saveRefresh', refresh, 'pull-again-refresh');
    expect((await rt.callFromSidebar<PullOptions>('getPullOptions')).again?.scheduled).toBe(
      'daily at 07:00 by you',
    );
    // A pull into that place says so when done (the sidebar then offers no second refresh there).
    const into = await pullToEnd(rt, again?.spec ?? {}, 'pull-again-0004');
    expect(into.scheduled).toBe('daily at 07:00 by you');
    await rt.callFromSidebar('deleteRefresh', saved?.id);

    // Renamed: offered under the new name. Another sheet in front: nothing offered.
    rt.workbook.renameSheet('Tickets', 'Tickets (weekly KPI)');
    rt.workbook.select("'Tickets (weekly KPI)'!A1");
    const renamed = (await rt.callFromSidebar<PullOptions>('getPullOptions')).again;
    expect(renamed?.spec.target).toEqual({ kind: 'sheet', name: 'Tickets (weekly KPI)' });
    rt.workbook.select('Sheet1!A1');
    expect((await rt.callFromSidebar<PullOptions>('getPullOptions')).again).toBeUndefined();

    // Another editor sees the sheet's pull, and runs it with their own key or not at all.
    const other = rt.asUser('editor@example.com');
    other.workbook.select("'Tickets (weekly KPI)'!A1");
    const theirs = (await other.callFromSidebar<PullOptions>('getPullOptions')).again;
    expect(theirs?.spec).toEqual(renamed?.spec);
    await expect(
      other.callFromSidebar<JobView>('startPull', theirs?.spec, 'pull-again-0002'),
    ).rejects.toThrow(/No Assembled API key is set for you/);
    await other.callFromSidebar('saveSettings', { apiKey: key, timeFormat: 'unix', apiVersion: '' });
    rt.clock.advance(86_400_000);
    let job = await other.callFromSidebar<JobView>('startPull', theirs?.spec, 'pull-again-0003');
    for (let i = 0; i < 100 && job.nextPollInMs > 0; i++) {
      rt.clock.advance(job.nextPollInMs);
      job = await other.callFromSidebar<JobView>('pollPull', job.id);
    }
    // A day later the moving range adds its newest day, below the rows already there.
    expect(job.message).toMatch(
      /^\d+ rows appended to Tickets \(weekly KPI\)!A1 \(rows \d+ to \d+\); \d+ rows were in the sheet already/,
    );
    const log = rt.workbook.values('Assembled log');
    expect(log[log.length - 1]?.slice(1, 4)).toEqual([
      'editor@example.com',
      expect.stringMatching(/^Ticket stats report \(day\)/),
      'Tickets (weekly KPI)',
    ]);
  });

  it('is not offered for a sheet the add-on did not fill', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.write('Sheet1', [['typed by hand']]);
    rt.workbook.select('Sheet1!A1');
    expect((await rt.callFromSidebar<PullOptions>('getPullOptions')).again).toBeUndefined();
    expect(rt.properties.document.keys().filter((k) => k.includes('lastPull'))).toEqual([]);
  });
});
