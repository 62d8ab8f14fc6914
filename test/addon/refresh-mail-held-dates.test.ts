// The e-mail of a run given up says the dates it was to pull that the sheet holds still, as the last
// run that worked pulled them, were not brought up to date, not that they were "Not pulled" (QA: an
// hourly "last week" said "Not pulled" of the week the sheet held, two lines above saying so). Only
// the days still under way as those rows were pulled are: the days over by then it holds whole
// (refresh-mail-held-whole.test.ts).
import { describe, expect, it } from 'vitest';
import { stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';

const HOUR = 3_600_000;

const logRows = (rt: LocalRuntime) =>
  rt.workbook.sheetNames().includes('Assembled log')
    ? rt.workbook.displayValues('Assembled log').slice(1)
    : [];

describe('the e-mail of a run given up, of a refresh whose sheet holds its dates', () => {
  it('says the day under way as they were pulled was not brought up to date, as the sheet holds it from the last run that worked', async () => {
    // 21:30 on Sunday 6 December in New York (Monday in UTC): this week is 30 November to 6
    // December till midnight, and the run that fails is given up on Monday, whose runs pull the
    // week after: not those. The last run that worked pulled 6 December up to 21:00.
    const { rt, sim } = await startLocalAddon({ now: '2026-12-07T02:30:00Z', dialect: 'live' });
    rt.workbook.addSheet('Adherence');
    const spec = {
      source: { kind: 'report', report: 'adherence', granularity: 'day' },
      range: { kind: 'relative', preset: 'this_week' },
      target: { kind: 'sheet', name: 'Adherence' },
      mode: 'replace',
    };
    await rt.callFromSidebar(
      'saveRefresh',
      { spec, frequency: { kind: 'hourly' }, notifyByEmail: true },
      'held-dates-mail',
    );
    await stepUntil(rt, () => logRows(rt).some((r) => r[4] === 'done'), 2 * HOUR);
    expect(logRows(rt).map((r) => [r[2], r[4]])).toEqual([
      ['Scheduled: Adherence report (day) 2026-11-30 to 2026-12-06 (Replace)', 'done'],
    ]);
    sim.setFaults({ errorRate: 1 });
    await stepUntil(rt, () => rt.mail.length > 0, 6 * HOUR);

    const body = rt.mail[0]?.body ?? '';
    expect(body).toMatch(
      /^Not brought up to date: 2026-12-06, which the sheet holds as last pulled\. Run now on its card in Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes… pulls this week as of the day you press it\.\nThe sheet "Adherence" still holds the rows written 2026-12-06 \d\d:\d\d:\d\d \(America\/New_York\) \(\d+ rows\)\.$/m,
    );
    expect(body).not.toMatch(/Not pulled|Nothing is missing/);
  });
});
