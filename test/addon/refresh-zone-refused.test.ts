// An append refresh whose table was written before File ▸ Settings changed the spreadsheet's time
// zone is refused at every run until the table is written again (mixed-target.ts). QA: its card
// said only that it now runs at 01:00 London time, and the e-mail of the run refused then said the
// next run "catches up", which read as if the next run would work by itself.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { pullToEnd } from './pull-to-end';

const HOUR = 3_600_000;

const tickets = (mode: string) => ({
  source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
  range: { kind: 'relative', preset: 'yesterday' },
  target: { kind: 'sheet', name: 'Tickets' },
  mode,
});

const WHY =
  'the table in "Tickets" was written while the spreadsheet\'s time zone was America/New_York, and it is Europe/London now. Its dates and times stay as they were in America/New_York (Sheets keeps each cell\'s day and time), and appending would put rows in Europe/London beside them under the same keys. Pull it once with Replace it (Pull data…), over all the dates it should hold, to write it again in Europe/London; appending can go on from there.';

describe('an append refresh whose table was written in the time zone the spreadsheet had before', () => {
  it('says on every card, before its next run, that the run will be refused and what to do; its e-mail, that it goes on so', async () => {
    // Wednesday 24 March 2027, 11:00 in New York.
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2027-03-24T15:00:00Z' });
    const other = rt.asUser('editor@example.com');
    rt.workbook.addSheet('Tickets');
    await rt.callFromSidebar(
      'saveRefresh',
      { spec: tickets('append'), frequency: { kind: 'daily', hour: 1 }, notifyByEmail: true },
      'refresh-zone-refused',
    );
    const card = async (editor = rt) => (await editor.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    // Its run of Thursday 01:00 in New York appends.
    await rt.clock.advanceAsync(Date.parse('2027-03-25T06:00:00Z') - rt.clock.now());
    expect((await card())?.lastRun?.status).toBe('done');
    expect((await card())?.zoneRefused).toBe('');

    rt.workbook.setTimeZone('Europe/London');
    const ahead = `Its next run will be refused, and so will every run after it until the table is written again (or the spreadsheet's time zone is set back to America/New_York in File ▸ Settings): ${WHY}`;
    expect(await card()).toMatchObject({ nextRun: '2027-03-26 01:00', zoneRefused: ahead });
    expect((await card(other))?.zoneRefused).toBe(ahead);

    // Friday 01:00 in London: refused, and its owner e-mailed that every run is, until they act.
    await rt.clock.advanceAsync(Date.parse('2027-03-26T02:00:00Z') - rt.clock.now());
    expect((await card())?.lastRun?.status).toBe('failed');
    expect(rt.mail).toHaveLength(1);
    const body = rt.mail[0]?.body ?? '';
    expect(body).not.toMatch(/catches up/);
    expect(body).toContain(
      "\nIt does not pass by itself: its next run, at 2027-03-27 01:00 (Europe/London), is refused the same way, and so is every run after it, until the table is pulled once with Replace it (Pull data…), or the spreadsheet's time zone is set back to America/New_York.\n",
    );
    // Its Why it failed says why at length, and then that the next runs are refused too.
    const again = ' Its next runs are refused so too, until the table is pulled once with Replace it.';
    for (const editor of [rt, other])
      expect(await card(editor)).toMatchObject({
        zoneRefused: '',
        lastRun: { status: 'failed', message: expect.stringMatching(/^Nothing was written to "Tickets": /) },
      });
    expect((await card())?.lastRun?.message.endsWith(`appending can go on from there.${again}`)).toBe(true);

    // Pulled once with Replace it: nothing more is said, and its next run appends.
    expect((await pullToEnd(rt, tickets('replace'), 'pull-london-replace')).state).toBe('done');
    expect((await card())?.zoneRefused).toBe('');
    await rt.clock.advanceAsync(24 * HOUR);
    expect((await card())?.lastRun?.status).toBe('done');
  });

  it('says nothing of data with no dates, nor for a refresh that replaces its table', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2027-03-24T15:00:00Z' });
    rt.workbook.addSheet('Teams');
    rt.workbook.addSheet('Tickets');
    const teams = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'sheet', name: 'Teams' },
      mode: 'append',
    };
    for (const [spec, key] of [
      [teams, 'refresh-teams-append'],
      [tickets('replace'), 'refresh-tickets-replace'],
    ] as const)
      await rt.callFromSidebar(
        'saveRefresh',
        { spec, frequency: { kind: 'daily', hour: 1 }, notifyByEmail: false },
        key,
      );
    await rt.clock.advanceAsync(Date.parse('2027-03-25T06:00:00Z') - rt.clock.now());
    rt.workbook.setTimeZone('Europe/London');
    const cards = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(cards.map((c) => [c.lastRun?.status, c.zoneRefused])).toEqual([
      ['done', ''],
      ['done', ''],
    ]);
  });
});
