// A table pulled before the spreadsheet's time zone changed (File > Settings) keeps the old zone's
// days and times, as Sheets keeps a cell's: a merge or append into it would mix two zones under
// the same keys, so it is refused, before anything is fetched, with what to do instead.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { PullOptions } from '../../src/core/pull/pull-view';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { pullToEnd } from './pull-to-end';

const HOUR = 3_600_000;

const days = (mode: string) => ({
  source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
  range: { kind: 'relative', preset: 'last_7_days' },
  target: { kind: 'sheet', name: 'Tickets' },
  mode,
});

/** A refresh's run, as its card and e-mail say it: read outside Pull data, they name the menu item. */
const refused = (mode: string) =>
  `Nothing was written to "Tickets": the table there was written while the spreadsheet's time zone was Europe/Berlin, and it is Asia/Kolkata now. Its dates and times stay as they were in Europe/Berlin (Sheets keeps each cell's day and time), and ${mode} would put rows in Asia/Kolkata beside them under the same keys. Pull it once with Replace it (Pull data…), over all the dates it should hold, to write it again in Asia/Kolkata; ${mode} can go on from there.`;

/** Said in Pull data (its card, a pull refused): the field to change there, not the menu item it is in. */
const refusedInForm = (mode: string) =>
  refused(mode).replace(
    'Pull it once with Replace it (Pull data…)',
    'Choose Replace it under If the target has data and pull it once',
  );

async function tablePulledInBerlin() {
  const { rt } = await startLocalAddon({ timezone: 'Europe/Berlin', now: '2026-12-01T09:00:00Z' });
  rt.workbook.addSheet('Tickets');
  expect((await pullToEnd(rt, days('merge'), 'pull-berlin-0001')).state).toBe('done');
  rt.workbook.select('Tickets!A1');
  return rt;
}

const card = async (editor: Pick<LocalRuntime, 'callFromSidebar'>) =>
  (await editor.callFromSidebar<PullOptions>('getPullOptions')).again?.how;

describe('a merge or append into a table pulled before the time zone changed', () => {
  it('is refused, saying why and to replace it once, on the card before and from the pull; a replace lets merges go on', async () => {
    const rt = await tablePulledInBerlin();
    const other = rt.asUser('editor@example.com');
    other.workbook.select('Tickets!A1');
    rt.workbook.setTimeZone('Asia/Kolkata');
    const before = rt.workbook.values('Tickets');
    const said = `Not now: the table was ${refusedInForm('merging').slice('Nothing was written to "Tickets": the table there was '.length)}`;
    expect(await card(rt)).toBe(said);
    expect(await card(other)).toBe(said);
    for (const mode of ['merge', 'append'])
      await expect(rt.callFromSidebar('startPull', days(mode), `pull-kolkata-${mode}`)).rejects.toThrow(
        refusedInForm(mode === 'merge' ? 'merging' : 'appending'),
      );
    expect(rt.workbook.values('Tickets')).toEqual(before);

    expect((await pullToEnd(rt, days('replace'), 'pull-kolkata-replace')).state).toBe('done');
    expect(await card(rt)).toBe('Replaces its table with the new one.');
    expect((await pullToEnd(rt, days('merge'), 'pull-kolkata-merge-2')).state).toBe('done');
  });

  it('of data with no dates goes on as before', async () => {
    const { rt } = await startLocalAddon({ timezone: 'Europe/Berlin', now: '2026-12-01T09:00:00Z' });
    const teams = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'new_sheet', name: 'Teams' },
    };
    expect((await pullToEnd(rt, { ...teams, mode: 'replace' }, 'pull-teams-0001')).state).toBe('done');
    rt.workbook.setTimeZone('Asia/Kolkata');
    const merged = { ...teams, target: { kind: 'sheet', name: 'Teams' }, mode: 'merge' };
    expect((await pullToEnd(rt, merged, 'pull-teams-0002')).state).toBe('done');
  });

  it('by a scheduled refresh fails its run with those words, writing nothing, until a replace', async () => {
    const rt = await tablePulledInBerlin();
    await rt.callFromSidebar(
      'saveRefresh',
      { spec: days('merge'), frequency: { kind: 'hourly' }, notifyByEmail: false },
      'refresh-merge-01',
    );
    rt.workbook.setTimeZone('Asia/Kolkata');
    const before = rt.workbook.values('Tickets');
    await rt.clock.advanceAsync(HOUR);
    const [failed] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    // Its next runs, refused so too until someone acts, are said after it (refresh-zone-refused.test.ts).
    const again = `${refused('merging')} Its next runs are refused so too, until the table is pulled once with Replace it.`;
    expect(failed?.lastRun).toMatchObject({ status: 'failed', message: again });
    expect(rt.workbook.values('Tickets').slice(1)).toEqual(before.slice(1));
    // Its card's "it is Asia/Kolkata now" goes once it is no longer so: set back, the next run is
    // not refused; set to a third zone, it is refused in that one's words.
    const why = async () => (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0]?.lastRun?.message;
    rt.workbook.setTimeZone('Europe/Berlin');
    expect(await why()).toBe(
      `Nothing was written to "Tickets": the table there was written while the spreadsheet's time zone was Europe/Berlin, and it was Asia/Kolkata then. It is Europe/Berlin again now, so the next run is not refused for it.`,
    );
    rt.workbook.setTimeZone('Asia/Tokyo');
    expect(await why()).toBe(refused('merging').replaceAll('Asia/Kolkata', 'Asia/Tokyo'));
    rt.workbook.setTimeZone('Asia/Kolkata');
    expect(await why()).toBe(again);

    expect((await pullToEnd(rt, days('replace'), 'pull-kolkata-replace')).state).toBe('done');
    await rt.clock.advanceAsync(HOUR);
    const [done] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(done?.lastRun).toMatchObject({ status: 'done' });
  });
});
