// The e-mail of a failed run whose dates its sheet holds whole, pulled after they were over, says
// nothing is missing. A daily "last week" pulled at 00:29 on Monday, its 07:00 run failing, said
// "Not brought up to date: 2026-11-30 to 2026-12-06, which the sheet holds as of the last run that
// worked" of the finished week the sheet held whole (QA). A day still under way as the sheet's rows
// were pulled, in the spreadsheet's zone, is still said to be stale (refresh-mail-held-dates.test.ts).
import { describe, expect, it } from 'vitest';
import { stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { pullToEnd } from './pull-to-end';

const HOUR = 3_600_000;
const EDITOR_KEY = 'sk_live_test_editor_held_whole';
const WHOLE =
  /^Nothing is missing: the sheet holds 2026-11-30 to 2026-12-06 whole, pulled after they were over\.\nThe sheet "Adherence daily" still holds the rows written 2026-12-07 00:29:\d\d \(America\/New_York\) \(\d+ rows\)\.$/m;

/**
 * "Last week" pulled into a sheet at `pulledAt`, and a daily refresh of it at 07:00 saved there by
 * `owner` ('editor': another editor, with their own key). Its run fails on `fault`: its owner's key
 * refused (the refresh is paused), or Assembled down (the run is given up). The e-mail its owner
 * gets, and the runtimes of the spreadsheet's first editor and of the refresh's owner.
 */
async function failedMail(pulledAt: string, fault: 'refused key' | 'down', owner: 'owner' | 'editor') {
  const { rt, sim, backend, key } = await startLocalAddon({ now: pulledAt, dialect: 'live' });
  const settings = (apiKey: string) => ({ apiKey, timeFormat: backend.timeFormat, apiVersion: '' });
  let by: LocalRuntime = rt;
  if (owner === 'editor') {
    by = rt.asUser('editor@example.com');
    sim.issueKey(EDITOR_KEY);
    await by.callFromSidebar('saveSettings', settings(EDITOR_KEY));
  }
  rt.workbook.addSheet('Adherence daily');
  const spec = {
    source: { kind: 'report', report: 'adherence', granularity: 'day' },
    range: { kind: 'relative', preset: 'last_week' },
    target: { kind: 'sheet', name: 'Adherence daily' },
    mode: 'replace',
  };
  expect(await pullToEnd(by, spec, 'held-whole-pull')).toMatchObject({ state: 'done' });
  await by.callFromSidebar(
    'saveRefresh',
    { spec, frequency: { kind: 'daily', hour: 7 }, notifyByEmail: true },
    'held-whole-save',
  );
  if (fault === 'down') sim.setFaults({ errorRate: 1 });
  else await by.callFromSidebar('saveSettings', settings('sk_live_test_never_issued_key'));
  await stepUntil(rt, () => rt.mail.length > 0, 12 * HOUR);
  expect(rt.mail.map((m) => m.to)).toEqual([`${owner === 'editor' ? 'editor' : 'analyst'}@example.com`]);
  // Its owner's working key saved again, then Resume: what Resume says of it.
  const resume = async () => {
    await by.callFromSidebar('saveSettings', settings(owner === 'editor' ? EDITOR_KEY : key));
    const [card] = await by.callFromSidebar<RefreshView[]>('listRefreshes');
    return (await by.callFromSidebar<RefreshView[]>('resumeRefresh', card?.id))[0];
  };
  return { body: rt.mail[0]?.body ?? '', rt, by, resume };
}

describe('the e-mail of a failed run whose dates the sheet holds whole', () => {
  it('says nothing is missing of a finished week pulled after it ended, and asks for no Run now', async () => {
    // 00:29 on Monday 7 December in New York: last week, 30 November to 6 December, is over.
    const { body: paused, resume } = await failedMail('2026-12-07T05:29:00Z', 'refused key', 'owner');
    expect(paused).toMatch(/^Paused: Assembled did not accept your API key\./m);
    expect(paused).toMatch(WHOLE);
    expect(paused).not.toMatch(/Not brought up to date|Not pulled|Run now/);
    // Nor does its Resume: the failed run left nothing behind to bring up to date.
    const resumed = await resume();
    expect(resumed).toMatchObject({ paused: false });
    expect(resumed).not.toHaveProperty('missed');

    // Given up on an outage, another editor's: the same, not "If you want them sooner, Run now".
    const { body: givenUp, rt, by } = await failedMail('2026-12-07T05:29:00Z', 'down', 'editor');
    expect(givenUp).toMatch(/The add-on gave up after \d attempts\./);
    expect(givenUp).toMatch(WHOLE);
    expect(givenUp).not.toMatch(/Not brought up to date|Not pulled|Run now|The next run, due/);
    expect(givenUp).toMatch(
      /^It runs again as scheduled, next at 2026-12-08 07:00 \(America\/New_York\)\.$/m,
    );
    // Nor do its cards: its owner is not told to Run now, nor the other editor to ask them to.
    for (const viewer of [by, rt]) {
      const [card] = await viewer.callFromSidebar<RefreshView[]>('listRefreshes');
      expect(card).toMatchObject({ lastRun: { status: 'failed', gaveUp: true }, runAgain: '' });
    }
  });

  it('says the week the run was for is not pulled when the sheet holds the week before, pulled before midnight in its zone', async () => {
    // 23:29 on Sunday in New York (Monday in UTC): last week is still 23 to 29 November.
    const { body, resume } = await failedMail('2026-12-07T04:29:00Z', 'refused key', 'owner');
    expect(body).toMatch(
      /^Not pulled: 2026-11-30 to 2026-12-06\. After Resume, Run now on its card pulls last week as of the day you press it\.$/m,
    );
    expect(body).not.toMatch(/Nothing is missing/);
    // Resume offers that Run now, as the e-mail says it would.
    expect(await resume()).toMatchObject({
      paused: false,
      missed:
        'Its last run, due 2026-12-07 07:00, failed. Run now to bring it up to date, or it next runs 2026-12-08 07:00.',
    });
    // Resume pressed again (a second click) finds it running on: nothing of the pause is said again.
    expect(await resume()).not.toHaveProperty('missed');
  });
});
