// Resume of a refresh paused over its run time says, on its card, the run it missed and what the
// sheet holds, beside Run now: QA read only "Resumed." with its next run a week off. An edit saved,
// which resumes it too, says the same.
import { describe, expect, it } from 'vitest';
import { type Bench, refreshCard, useBench } from './support';

// Sunday 21 February 2027, 07:00 in New York.
const sunday = { timezone: 'America/New_York', now: '2027-02-21T12:00:00Z' };

/** A weekly ticket stats refresh run on Monday 22 February, paused on Wednesday, its Monday 1 March run skipped. */
async function pausedOverMonday({ page, running }: Bench) {
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
  await workbench.skip(Date.parse('2027-02-24T15:00:00Z') - rt.clock.now());
  await rt.callFromSidebar('pauseRefresh', saved?.id);
  await workbench.skip(Date.parse('2027-03-02T15:00:00Z') - rt.clock.now());
  return refreshCard(page, 'Tickets last week');
}

const missed =
  'It missed its run due 2027-03-01 07:00 while paused: the sheet holds 2027-02-15 to 2027-02-21. Run now to bring it up to date, or it next runs 2027-03-08 07:00.';

describe('Resume of a refresh paused over its Monday run', () => {
  const bench = useBench(sunday);

  it('says the run it missed, what the sheet holds, and to run it now or when it next runs', async () => {
    const { card } = await pausedOverMonday(bench());
    await card.getByRole('button', { name: /^Resume: / }).click();
    await expect.poll(() => card.locator('.said').textContent()).toBe(`Resumed. ${missed}`);
    expect(await card.getByRole('button', { name: /^Run now: / }).isVisible()).toBe(true);
  });
});

describe('An edit saved that resumes a refresh paused over its Monday run', () => {
  const bench = useBench(sunday);

  it('says the run it missed as Resume does', async () => {
    const { card } = await pausedOverMonday(bench());
    await card.getByRole('button', { name: /^Edit: / }).click();
    await card.getByRole('button', { name: /^Save: / }).click();
    await expect.poll(() => card.locator('.said').textContent()).toBe(`Saved and resumed. ${missed}`);
    expect(await card.getByRole('button', { name: /^Run now: / }).isVisible()).toBe(true);
  });
});
