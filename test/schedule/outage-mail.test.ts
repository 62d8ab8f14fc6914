// One outage, one e-mail: the refreshes of one owner given up in the same dispatcher execution are
// told of together, each with what its sheet still holds and its next run; another editor's
// refresh, given up in their own execution, is told to them alone.
import { describe, expect, it } from 'vitest';
import { stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';

const HOUR = 3_600_000;
const SAM_KEY = 'sk_live_test_sam_outage';
const MONDAYS_7 = { kind: 'weekly', weekdays: [1], hour: 7 };

async function saveWeekly(rt: LocalRuntime, source: object, sheet: string, key: string) {
  rt.workbook.addSheet(sheet);
  const spec = {
    source,
    ...('report' in source ? { range: { kind: 'relative', preset: 'last_week' } } : {}),
    target: { kind: 'sheet', name: sheet },
    mode: 'replace',
  };
  await rt.callFromSidebar('saveRefresh', { spec, frequency: MONDAYS_7, notifyByEmail: true }, key);
}

const statuses = (rt: LocalRuntime, status: string) =>
  rt.workbook.sheetNames().includes('Assembled log')
    ? rt.workbook.values('Assembled log').filter((r) => r[4] === status).length
    : 0;

describe('a weekly KPI pack due while Assembled is down', () => {
  it('tells its owner in one e-mail listing each refresh, with what each sheet still holds and its next run', async () => {
    const { rt, sim } = await startLocalAddon({ now: '2026-05-25T09:10:00Z', dialect: 'live' });
    const sam = rt.asUser('sam@example.com');
    sim.issueKey(SAM_KEY);
    await sam.callFromSidebar('saveSettings', { apiKey: SAM_KEY, timeFormat: 'unix', apiVersion: '' });
    const report = { kind: 'report', report: 'handle_time', granularity: 'day' };
    await saveWeekly(rt, report, 'AHT', 'pack-aht-00001');
    await saveWeekly(rt, { kind: 'resource', resource: 'teams' }, 'Teams', 'pack-teams-0001');
    await saveWeekly(rt, { kind: 'resource', resource: 'sites' }, 'Sites', 'pack-sites-0001');
    await saveWeekly(sam, { kind: 'resource', resource: 'queues' }, 'Queues', 'pack-queues-001');
    await stepUntil(rt, () => statuses(rt, 'done') === 4, 4 * HOUR);

    // The next Monday, Assembled answers every request with a server error.
    await rt.clock.advanceAsync(Date.parse('2026-06-01T10:00:00Z') - rt.clock.now());
    sim.setFaults({ errorRate: 1 });
    await stepUntil(rt, () => statuses(rt, 'failed') === 4, 6 * HOUR);
    await rt.clock.advanceAsync(HOUR);

    // One e-mail each, sent by each owner's own execution.
    expect(rt.mail.map((m) => [m.from, m.to, m.subject]).sort()).toEqual([
      [
        'analyst@example.com',
        'analyst@example.com',
        '3 Assembled scheduled refreshes of yours failed: Handle time report (day), last week; Teams; Sites',
      ],
      ['sam@example.com', 'sam@example.com', 'An Assembled scheduled refresh of yours failed: Queues'],
    ]);

    const body = rt.mail.find((m) => m.to === 'analyst@example.com')?.body ?? '';
    expect(body).toMatch(
      /^3 scheduled refreshes you own did not complete\.\n\nSpreadsheet: ".*"\n\nRefresh: /,
    );
    // A week off, the next run: each is tried once more, hours later, by itself.
    const next =
      'It is tried once more within the hour after 2026-06-01 \\d\\d:\\d\\d \\(America/New_York\\); then it runs as scheduled, next at 2026-06-08 07:00 \\(America/New_York\\)\\.';
    const kept = (sheet: string) =>
      `The sheet "${sheet}" still holds the rows written 2026-05-25 07:1\\d:\\d\\d \\(America/New_York\\) \\(\\d+ rows\\)\\.`;
    const section = (which: string, sheet: string, reading: string, missed = '', then = next) =>
      new RegExp(
        `\\n\\nRefresh: ${which}, into the sheet "${sheet}"\\nAssembled had a server error \\(HTTP 5\\d\\d\\) while ${reading}\\. The add-on gave up after 3 attempts\\.\\n${missed}${kept(sheet)}\\n${then}\\n`,
      );
    expect(body).toMatch(
      section(
        'Handle time report \\(day\\), last week',
        'AHT',
        'starting the report',
        // The later try told with the days it may pull yet; Run now is for when it fails too.
        'Not pulled yet: 2026-05-25 to 2026-05-31\\. It is tried once more within the hour after 2026-06-01 \\d\\d:\\d\\d \\(America/New_York\\); if that fails too, Run now on its card in Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes… pulls last week as of the day you press it\\.\\n',
        'After that try it runs as scheduled, next at 2026-06-08 07:00 \\(America/New_York\\)\\.',
      ),
    );
    expect(body).toMatch(section('Teams', 'Teams', 'reading teams'));
    expect(body).toMatch(section('Sites', 'Sites', 'reading sites'));
    // What its owner can do, as its card says it: last, for Teams and Sites, with no days to name;
    // beside the days not pulled yet for AHT, and not again. Where the cards are is said once, there.
    const runNow =
      'If its later try fails too, Run now on its card pulls it, rather than wait for its next run.';
    expect(body.split('Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes…')).toHaveLength(2);
    const sections = body
      .split('\n\nRefresh: ')
      .slice(1)
      .map((s) => s.split('\n\n')[0] ?? '');
    expect(sections.map((s) => s.split('\n').at(-1) === runNow)).toEqual([false, true, true]);
    expect(sections[0]?.match(/Run now/g)).toHaveLength(1);
    expect(body).toMatch(/\n\nOpen the spreadsheet to see them: https:/);
    expect(body).not.toMatch(/Queues/);
  });
});
