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
      'daily at 07:00 America/New_York by you',
    );
    // A pull into that place says so when done (the sidebar then offers no second refresh there).
    const into = await pullToEnd(rt, again?.spec ?? {}, 'pull-again-0004');
    expect(into.scheduled).toBe('daily at 07:00 America/New_York by you');
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
      /^\d+ rows appended below the table in 'Tickets \(weekly KPI\)', rows \d+ to \d+; \d+ rows were in the sheet already/,
    );
    const log = rt.workbook.values('Assembled log');
    expect(log[log.length - 1]?.slice(1, 4)).toEqual([
      'editor@example.com',
      expect.stringMatching(/^Ticket stats report \(day\)/),
      'Tickets (weekly KPI)',
    ]);
  });

  it('says before a replace that columns typed beside the table stay as typed, row by row, and what keeps them with their rows', async () => {
    const { rt } = await startLocalAddon();
    const teams = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'new_sheet', name: 'Teams' },
      mode: 'replace',
    };
    await pullToEnd(rt, teams, 'pull-again-kept-1');
    rt.workbook.select('Teams!B3');
    const card = async () => (await rt.callFromSidebar<PullOptions>('getPullOptions')).again;
    expect((await card())?.kept).toBeUndefined();
    // A note per team (the first and the fourth), and a push's Action column, which a replace clears
    // once pushed: not the user's.
    const width = rt.workbook.values('Teams')[0]?.length ?? 0;
    rt.workbook.write(
      'Teams',
      [
        ['Coach note', 'Action'],
        ['checked with TL', ''],
        ['', ''],
        ['', ''],
        ['new lead', ''],
      ],
      { row: 1, column: width + 1 },
    );
    const words =
      'The column "Coach note" beside the table stays as typed, row by row, though the new rows may come in another order: Merge by key keeps such a column with its rows.';
    const again = await card();
    expect(again).toMatchObject({ how: 'Replaces its table with the new one.', kept: words });
    // The replace, pressed anyway, says the same after.
    const job = await pullToEnd(rt, again?.spec ?? {}, 'pull-again-kept-2');
    expect(job.message).toMatch(
      / The column "Coach note" beside it stays as typed, row by row, though the table's rows may have moved: Merge by key keeps such a column with its rows\.$/,
    );
    // A schedule grid is laid out whole, never merged: nothing said of a column beside it.
    const grid = await pullToEnd(
      rt,
      {
        source: { kind: 'resource', resource: 'schedule_grid' },
        range: { kind: 'absolute', from: '2026-10-26', to: '2026-10-27' },
        target: { kind: 'new_sheet', name: 'Grid' },
        mode: 'replace',
      },
      'pull-again-kept-4',
    );
    expect(grid.state).toBe('done');
    const { lastColumn } = rt.workbook.size('Grid');
    rt.workbook.write('Grid', [['My note'], ['off sick']], { row: 1, column: lastColumn + 1 });
    rt.workbook.select('Grid!A1');
    expect((await card())?.kept).toBeUndefined();
  });

  it('is not offered for a sheet the add-on did not fill', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.write('Sheet1', [['typed by hand']]);
    rt.workbook.select('Sheet1!A1');
    expect((await rt.callFromSidebar<PullOptions>('getPullOptions')).again).toBeUndefined();
    expect(rt.properties.document.keys().filter((k) => k.includes('lastPull'))).toEqual([]);
  });
});
