// A replace refresh's run given up whose next run pulls the same dates (an hourly "today" the same
// day) says so in its owner's e-mail, as its log row does, and asks for nothing: "Not pulled … Run
// now" read as if the dates stayed missing, when the next run brings them anyway. A run whose dates
// the next run does not pull (a daily "today") keeps that advice.
import { describe, expect, it } from 'vitest';
import { saveAht, stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { Frequency } from '../../src/core/schedule/frequency';

const HOUR = 3_600_000;
const B_KEY = 'sk_live_test_editor_nextpulls';
const CARD = 'its card in Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes…';
const RUN_NOW = `Run now on ${CARD} pulls today as of the day you press it\\.`;

/**
 * A "today" refresh at `frequency`, saved by the editor (their own key) or the spreadsheet's owner,
 * its 19:00 run in New York given up on an outage: the e-mail its owner gets.
 */
async function givenUpMail(frequency: Frequency, byEditor: boolean): Promise<string> {
  // 18:20 in New York; Assembled is down from the 19:00 run on.
  const { rt, sim } = await startLocalAddon({ now: '2026-12-06T23:20:00Z', dialect: 'live' });
  let owner: LocalRuntime = rt;
  if (byEditor) {
    owner = rt.asUser('editor@example.com');
    sim.issueKey(B_KEY);
    await owner.callFromSidebar('saveSettings', { apiKey: B_KEY, timeFormat: 'unix', apiVersion: '' });
  }
  rt.workbook.addSheet('AHT');
  await saveAht(owner, { sheet: 'AHT', frequency, preset: 'today', key: 'next-pulls-today', notify: true });
  sim.setFaults({ force5xx: 1_000_000 });
  await stepUntil(rt, () => rt.mail.length > 0, 6 * HOUR);
  expect(rt.mail.map((m) => m.to)).toEqual([byEditor ? 'editor@example.com' : 'analyst@example.com']);
  const body = rt.mail[0]?.body ?? '';
  expect(body).toMatch(/gave up after 3 attempts/);
  return body;
}

describe('the e-mail of a replace refresh whose run is given up', () => {
  it('says the next run pulls its dates when it does, with nothing to do', async () => {
    // Hourly: the 22:00 run pulls 6 December again, the day the 19:00 run was for.
    const body = await givenUpMail({ kind: 'hourly' }, false);
    expect(body).toMatch(
      new RegExp(
        `^The next run, due 22:00, pulls the dates this one was to pull \\(2026-12-06\\), so you need do nothing\\. If you want them sooner, ${RUN_NOW}$`,
        'm',
      ),
    );
    expect(body).not.toMatch(/Not pulled|Not brought up to date/);
    expect(body).toMatch(/^It runs again as scheduled, next at 2026-12-06 22:00 \(America\/New_York\)\.$/m);
  });

  it('keeps Not pulled and Run now when the next run pulls other dates', async () => {
    // Daily at 19:00, the editor's: the next run, on the 7th, pulls the 7th alone.
    const body = await givenUpMail({ kind: 'daily', hour: 19 }, true);
    expect(body).toMatch(new RegExp(`^Not pulled: 2026-12-06\\. ${RUN_NOW}$`, 'm'));
    expect(body).not.toMatch(/The next run, due/);
  });
});
