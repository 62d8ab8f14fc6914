// The spreadsheet's time zone changed (File > Settings) after refreshes were saved: their next run
// follows the zone it has now, on every editor's cards and in the owner's background runs.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const HOUR = 3_600_000;

const teamsInto = (sheet: string) => ({
  source: { kind: 'resource', resource: 'teams' },
  target: { kind: 'sheet', name: sheet },
  mode: 'replace',
});

/** Each card's frequency and next run, as an editor's sidebar lists them. */
async function cards(editor: Pick<LocalRuntime, 'callFromSidebar'>) {
  const views = await editor.callFromSidebar<RefreshView[]>('listRefreshes');
  return views.map((v) => [v.frequencyLabel, v.nextRun]);
}

/** When each run of the log began, as the sheet shows it now, and what it pulled. */
function loggedRuns(rt: LocalRuntime): string[] {
  if (!rt.workbook.sheetNames().includes('Assembled log')) return [];
  return rt.workbook
    .displayValues('Assembled log')
    .slice(1)
    .map((r) => `${r[0]} ${r[2]}`);
}

describe('scheduled refreshes after the spreadsheet time zone changed', () => {
  it('run next at their hour in the zone now, as every editor sees it', async () => {
    // Tuesday 1 December 2026, 10:00 in Berlin.
    const { rt } = await startLocalAddon({ timezone: 'Europe/Berlin', now: '2026-12-01T09:00:00Z' });
    const other = rt.asUser('editor@example.com');
    for (const sheet of ['Daily', 'Weekly']) rt.workbook.addSheet(sheet);
    const save = (sheet: string, frequency: object, key: string) =>
      rt.callFromSidebar('saveRefresh', { spec: teamsInto(sheet), frequency, notifyByEmail: false }, key);
    await save('Daily', { kind: 'daily', hour: 7 }, 'refresh-daily-01');
    await save('Weekly', { kind: 'weekly', weekdays: [1], hour: 6 }, 'refresh-weekly-1');
    expect(await cards(rt)).toEqual([
      ['Daily at 07:00 Europe/Berlin', '2026-12-02 07:00'],
      ['Weekly on Mon at 06:00 Europe/Berlin', '2026-12-07 06:00'],
    ]);

    rt.workbook.setTimeZone('Asia/Kolkata');
    const now = [
      ['Daily at 07:00 Asia/Kolkata', '2026-12-02 07:00'],
      ['Weekly on Mon at 06:00 Asia/Kolkata', '2026-12-07 06:00'],
    ];
    expect(await cards(rt)).toEqual(now);
    expect(await cards(other)).toEqual(now);

    // To Wednesday 08:00 in Kolkata: the daily ran once, at 07:00 there, not at 07:00 Berlin's 11:30.
    await rt.clock.advanceAsync(Date.parse('2026-12-02T02:30:00Z') - rt.clock.now());
    expect(loggedRuns(rt)).toEqual([
      expect.stringMatching(/^2026-12-02 07:\d\d:\d\d UTC\+5:30 Scheduled: Teams \(Replace\)$/),
    ]);
    expect(await cards(other)).toEqual([
      ['Daily at 07:00 Asia/Kolkata', '2026-12-03 07:00'],
      ['Weekly on Mon at 06:00 Asia/Kolkata', '2026-12-07 06:00'],
    ]);
    await rt.clock.advanceAsync(6 * HOUR);
    expect(loggedRuns(rt)).toHaveLength(1);
  });

  // Moved west, 07:00 in the new zone came an hour after the run at 07:00 in the old one: the
  // refresh ran again that day, pulling the same data a second time.
  it('run once on the day the zone moved west, after their run at the hour in the old zone', async () => {
    // Tuesday 1 December 2026, 06:30 in New York.
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-01T11:30:00Z' });
    for (const sheet of ['Daily', 'Hourly']) rt.workbook.addSheet(sheet);
    const save = (sheet: string, frequency: object, key: string) =>
      rt.callFromSidebar('saveRefresh', { spec: teamsInto(sheet), frequency, notifyByEmail: false }, key);
    await save('Daily', { kind: 'daily', hour: 7 }, 'refresh-daily-01');
    await save('Hourly', { kind: 'hourly' }, 'refresh-hourly-1');
    const runsInto = (sheet: string) =>
      rt.workbook.displayValues('Assembled log').filter((r) => r[3] === sheet);
    // To 07:30 in New York: the daily ran for Tuesday.
    await rt.clock.advanceAsync(HOUR);
    expect(runsInto('Daily')).toHaveLength(1);

    // 06:30 in Chicago, an hour west: 07:00 there is ahead, but Tuesday's run was had.
    rt.workbook.setTimeZone('America/Chicago');
    expect(await cards(rt)).toEqual([
      ['Daily at 07:00 America/Chicago', '2026-12-02 07:00'],
      ['Every hour', '2026-12-01 07:00'],
    ]);
    // To Wednesday 08:00 in Chicago: the daily ran once more, for Wednesday; the hourly, every hour.
    await rt.clock.advanceAsync(25.5 * HOUR);
    expect(runsInto('Daily').map((r) => r[0]?.slice(0, 13))).toEqual(['2026-12-01 07', '2026-12-02 07']);
    expect(runsInto('Hourly')).toHaveLength(1 + 25);
  });

  it("say on each editor's card that the zone is not the one they were saved in, until saved again", async () => {
    // Tuesday 1 December 2026, 10:00 in New York.
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-01T15:00:00Z' });
    const other = rt.asUser('editor@example.com');
    for (const sheet of ['Daily', 'Weekly', 'Hourly']) rt.workbook.addSheet(sheet);
    const input = {
      Daily: { spec: teamsInto('Daily'), frequency: { kind: 'daily', hour: 7 }, notifyByEmail: false },
      Weekly: {
        spec: teamsInto('Weekly'),
        frequency: { kind: 'weekly', weekdays: [1], hour: 5 },
        notifyByEmail: false,
      },
      Hourly: { spec: teamsInto('Hourly'), frequency: { kind: 'hourly' }, notifyByEmail: false },
    };
    for (const [sheet, saved] of Object.entries(input))
      await rt.callFromSidebar('saveRefresh', saved, `refresh-${sheet.toLowerCase()}-01`);
    const hints = async (editor: Pick<LocalRuntime, 'callFromSidebar'>) =>
      (await editor.callFromSidebar<RefreshView[]>('listRefreshes')).map((v) => v.zoneMoved);
    expect(await hints(rt)).toEqual(['', '', '']);

    rt.workbook.setTimeZone('Europe/Berlin');
    const daily =
      "Saved for America/New_York: the spreadsheet's time zone is now Europe/Berlin, so it runs at 07:00 Berlin time (01:00 New York time).";
    const weekly =
      "Saved for America/New_York: the spreadsheet's time zone is now Europe/Berlin, so it runs at 05:00 Berlin time (23:00 New York time, the day before).";
    const yours = ' Edit and save to keep it so, or change its time.';
    // Every hour runs every hour in any zone: nothing to say.
    expect(await hints(rt)).toEqual([daily + yours, weekly + yours, '']);
    expect(await hints(other)).toEqual([daily, weekly, '']);

    // Its owner keeps it at 07:00 in Berlin: saved in the zone now, it says nothing more.
    const [first] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    await rt.callFromSidebar('saveRefresh', input.Daily, first?.id);
    expect(await hints(rt)).toEqual(['', weekly + yours, '']);
    expect(await hints(other)).toEqual(['', weekly, '']);

    // Saved before refreshes kept their zone: which it was is not known, so nothing is said.
    const props = rt.properties.document;
    for (const key of props.keys().filter((k) => k.includes('.refresh.'))) {
      const { savedZone: _, ...before } = JSON.parse(props.get(key) ?? '{}');
      props.set(key, JSON.stringify(before));
    }
    expect(await hints(other)).toEqual(['', '', '']);
  });

  // QA: on London's clock-change night the hint named 02:00, an hour never chosen, as its hour.
  it('say the hour they run at, and when a clock change moves their next run, that it does', async () => {
    // Saturday 27 March 2027, 08:00 in New York; London's clocks go forward at 01:00 tomorrow.
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2027-03-27T12:00:00Z' });
    const other = rt.asUser('editor@example.com');
    rt.workbook.addSheet('Daily');
    await rt.callFromSidebar(
      'saveRefresh',
      { spec: teamsInto('Daily'), frequency: { kind: 'daily', hour: 1 }, notifyByEmail: false },
      'refresh-daily-01',
    );
    rt.workbook.setTimeZone('Europe/London');
    const card = async (editor: Pick<LocalRuntime, 'callFromSidebar'>) =>
      (await editor.callFromSidebar<RefreshView[]>('listRefreshes')).map((v) => [
        v.frequencyLabel,
        v.nextRun,
        v.zoneMoved,
      ]);
    const moved =
      "Saved for America/New_York: the spreadsheet's time zone is now Europe/London, so it runs at 01:00 London time (20:00 New York time, the day before); on 2027-03-28, when 01:00 does not occur in London, it runs at 02:00 London time (21:00 New York time, the day before).";
    expect(await card(rt)).toEqual([
      [
        'Daily at 01:00 Europe/London',
        '2027-03-28 02:00',
        `${moved} Edit and save to keep it so, or change its time.`,
      ],
    ]);
    expect(await card(other)).toEqual([['Daily at 01:00 Europe/London', '2027-03-28 02:00', moved]]);
    // Past that night, its hour is its next run's: nothing more to say of it.
    await rt.clock.advanceAsync(Date.parse('2027-03-28T12:00:00Z') - rt.clock.now());
    expect(await card(other)).toEqual([
      [
        'Daily at 01:00 Europe/London',
        '2027-03-29 01:00',
        "Saved for America/New_York: the spreadsheet's time zone is now Europe/London, so it runs at 01:00 London time (20:00 New York time, the day before).",
      ],
    ]);
  });

  // QA: a run at 07:25 London, the zone then set to New York, read "Last run 2027-04-05 02:25".
  it("name both zones' clocks in their Last run, once the zone is not the one they were saved in", async () => {
    // Tuesday 1 December 2026, 06:30 in New York.
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-01T11:30:00Z' });
    const other = rt.asUser('editor@example.com');
    for (const sheet of ['Daily', 'Hourly']) rt.workbook.addSheet(sheet);
    const save = (sheet: string, frequency: object, key: string) =>
      rt.callFromSidebar('saveRefresh', { spec: teamsInto(sheet), frequency, notifyByEmail: false }, key);
    await save('Daily', { kind: 'daily', hour: 7 }, 'refresh-daily-01');
    await save('Hourly', { kind: 'hourly' }, 'refresh-hourly-1');
    await rt.clock.advanceAsync(HOUR);
    const lastRuns = async (editor: Pick<LocalRuntime, 'callFromSidebar'>) =>
      (await editor.callFromSidebar<RefreshView[]>('listRefreshes')).map((v) => v.lastRun?.at);
    expect(await lastRuns(rt)).toEqual([
      expect.stringMatching(/^2026-12-01 07:\d\d$/),
      expect.stringMatching(/^2026-12-01 07:\d\d$/),
    ]);

    rt.workbook.setTimeZone('Europe/Berlin');
    // Every hour runs every hour in any zone: its time is the zone's alone.
    const moved = [
      expect.stringMatching(/^2026-12-01 13:\d\d Berlin time \(07:\d\d New York time\)$/),
      expect.stringMatching(/^2026-12-01 13:\d\d$/),
    ];
    expect(await lastRuns(rt)).toEqual(moved);
    expect(await lastRuns(other)).toEqual(moved);
  });

  it('saved before the add-on kept what their next run was worked out from, move with the zone too', async () => {
    const { rt } = await startLocalAddon({ timezone: 'Europe/Berlin', now: '2026-12-01T09:00:00Z' });
    rt.workbook.addSheet('Daily');
    await rt.callFromSidebar(
      'saveRefresh',
      { spec: teamsInto('Daily'), frequency: { kind: 'daily', hour: 7 }, notifyByEmail: false },
      'refresh-daily-01',
    );
    // As the add-on saved a refresh before: its next run, with nothing of what it was worked out from.
    const props = rt.properties.document;
    for (const key of props.keys().filter((k) => k.includes('.refresh.'))) {
      const { nextRunFrom: _, ...before } = JSON.parse(props.get(key) ?? '{}');
      props.set(key, JSON.stringify(before));
    }
    expect(await cards(rt)).toEqual([['Daily at 07:00 Europe/Berlin', '2026-12-02 07:00']]);
    rt.workbook.setTimeZone('Asia/Kolkata');
    expect(await cards(rt)).toEqual([['Daily at 07:00 Asia/Kolkata', '2026-12-02 07:00']]);
    await rt.clock.advanceAsync(Date.parse('2026-12-02T02:30:00Z') - rt.clock.now());
    expect(loggedRuns(rt)).toEqual([
      expect.stringMatching(/^2026-12-02 07:\d\d:\d\d UTC\+5:30 Scheduled: Teams \(Replace\)$/),
    ]);
  });
});
