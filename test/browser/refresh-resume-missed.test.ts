// Resume of a refresh paused over its run time says, on its card, the run it missed and what the
// sheet holds, beside Run now: QA read only "Resumed." with its next run a week off.
import { describe, expect, it } from 'vitest';
import { refreshCard, useBench } from './support';

describe('Resume of a refresh paused over its Monday run', () => {
  // Sunday 21 February 2027, 07:00 in New York.
  const bench = useBench({ timezone: 'America/New_York', now: '2027-02-21T12:00:00Z' });

  it('says the run it missed, what the sheet holds, and to run it now or when it next runs', async () => {
    const { page, running } = bench();
    const { workbench } = running;
    const { rt } = workbench;
    rt.workbook.addSheet('Tickets last week');
    const [saved] = await rt.callFromSidebar<{ id: string }[]>(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
          range: { kind: 'relative', preset: 'last_week' },
          target: { kind: 'sheet', name: 'Tickets last week' },
          mode: 'replace',
        },
        frequency: { kind: 'weekly', weekdays: [1], hour: 7 },
        notifyByEmail: false,
      },
      'key-resume-missed',
    );
    // Run on Monday 22 February, paused on Wednesday, its Monday 1 March run skipped.
    await workbench.skip(Date.parse('2027-02-24T15:00:00Z') - rt.clock.now());
    await rt.callFromSidebar('pauseRefresh', saved?.id);
    await workbench.skip(Date.parse('2027-03-02T15:00:00Z') - rt.clock.now());

    const { card } = await refreshCard(page, 'Tickets last week');
    await card.getByRole('button', { name: /^Resume: / }).click();
    await expect
      .poll(() => card.locator('.said').textContent())
      .toBe(
        'Resumed. It missed its run due 2027-03-01 07:00 while paused: the sheet holds 2027-02-15 to 2027-02-21. Run now to bring it up to date, or it next runs 2027-03-08 07:00.',
      );
    expect(await card.getByRole('button', { name: /^Run now: / }).isVisible()).toBe(true);
  });
});
