// Resume of a refresh paused over its run time. QA: "Tickets last week", paused on Wednesday, its
// Monday run skipped, resumed on Tuesday, said only "Resumed." with its next run a week off, while
// the sheet named "last week" held the week before last until then.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const lastWeek = (mode: string) => ({
  source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
  range: { kind: 'relative', preset: 'last_week' },
  target: { kind: 'sheet', name: 'Tickets last week' },
  mode,
});

/** To `iso` on the clock, every trigger due on the way fired. */
const to = (rt: LocalRuntime, iso: string) => rt.clock.advanceAsync(Date.parse(iso) - rt.clock.now());

/** A weekly refresh on Mondays at 07:00 in New York, saved on Sunday 21 February 2027; its id. */
async function mondays(mode: string) {
  const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2027-02-21T12:00:00Z' });
  rt.workbook.addSheet('Tickets last week');
  const [saved] = await rt.callFromSidebar<RefreshView[]>(
    'saveRefresh',
    { spec: lastWeek(mode), frequency: { kind: 'weekly', weekdays: [1], hour: 7 }, notifyByEmail: false },
    `refresh-last-week-${mode}`,
  );
  // Its run of Monday 22 February pulls 15 to 21 February.
  await to(rt, '2027-02-22T13:00:00Z');
  const card = async () => (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
  expect((await card())?.lastRun?.status).toBe('done');
  return { rt, id: saved?.id ?? '', card };
}

describe('Resume of a refresh paused over its run time', () => {
  it('says the run it missed, what the sheet holds, and to run it now; said for that Resume alone', async () => {
    const { rt, id, card } = await mondays('replace');
    await to(rt, '2027-02-24T15:00:00Z');
    await rt.callFromSidebar('pauseRefresh', id);
    // Tuesday 2 March: its Monday run was not made.
    await to(rt, '2027-03-02T15:00:00Z');
    expect(rt.workbook.values('Assembled log')).toHaveLength(2);
    const [resumed] = await rt.callFromSidebar<RefreshView[]>('resumeRefresh', id);
    expect(resumed).toMatchObject({
      paused: false,
      runNow: true,
      nextRun: '2027-03-08 07:00',
      missed:
        'It missed its run due 2027-03-01 07:00 while paused: the sheet holds 2027-02-15 to 2027-02-21. Run now to bring it up to date, or it next runs 2027-03-08 07:00.',
    });
    expect(await card()).not.toHaveProperty('missed');
    // Run now pulls the week it missed.
    await rt.callFromSidebar('runRefreshNow', id, resumed?.ranAt);
    await rt.clock.advanceAsync(3_600_000);
    const log = rt.workbook.displayValues('Assembled log');
    expect(log[log.length - 1]?.[2]).toMatch(/2027-02-22 to 2027-02-28 \(Replace\)$/);
  });

  it('counts the runs missed over weeks, says how far appended rows go, and says nothing when none was missed', async () => {
    const { rt, id } = await mondays('append');
    await to(rt, '2027-02-24T15:00:00Z');
    await rt.callFromSidebar('pauseRefresh', id);
    // Resumed before its next Monday: nothing missed.
    const [early] = await rt.callFromSidebar<RefreshView[]>('resumeRefresh', id);
    expect(early).not.toHaveProperty('missed');
    await rt.callFromSidebar('pauseRefresh', id);
    await to(rt, '2027-03-16T15:00:00Z');
    const [resumed] = await rt.callFromSidebar<RefreshView[]>('resumeRefresh', id);
    expect(resumed?.missed).toBe(
      "It missed 3 runs, the last due 2027-03-15 07:00, while paused: the sheet's rows go up to 2027-02-21. Run now to bring it up to date, or it next runs 2027-03-22 07:00.",
    );
  });

  it('says the runs missed when an edit resumes it, as Resume does', async () => {
    const { rt, id } = await mondays('replace');
    await to(rt, '2027-02-24T15:00:00Z');
    await rt.callFromSidebar('pauseRefresh', id);
    await to(rt, '2027-03-02T15:00:00Z');
    // Saved with its hour moved to 08:00: the edit resumes it.
    const frequency = { kind: 'weekly', weekdays: [1], hour: 8 };
    const [saved] = await rt.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      { spec: lastWeek('replace'), frequency, notifyByEmail: false },
      id,
    );
    expect(saved).toMatchObject({
      paused: false,
      saved:
        'Saved and resumed. It missed its run due 2027-03-01 07:00 while paused: the sheet holds 2027-02-15 to 2027-02-21. Run now to bring it up to date, or it next runs 2027-03-08 08:00.',
    });
  });

  it('says an edit saved resumed it when nothing was missed, and only "Saved." of one not paused', async () => {
    const { rt, id } = await mondays('replace');
    const edit = (hour: number) =>
      rt.callFromSidebar<RefreshView[]>(
        'saveRefresh',
        {
          spec: lastWeek('replace'),
          frequency: { kind: 'weekly', weekdays: [1], hour },
          notifyByEmail: false,
        },
        id,
      );
    await rt.callFromSidebar('pauseRefresh', id);
    const [resumed] = await edit(8);
    expect(resumed).toMatchObject({ paused: false, saved: 'Saved and resumed.' });
    const [saved] = await edit(9);
    expect(saved?.saved).toBeUndefined();
  });
});
