// The e-mail of a failed run of a refresh that catches up (merge, or append into a sheet) says the
// next run catches up, not that its days are "Not pulled": the next run goes back over them
// (catch-up.ts). A replace refresh's e-mail keeps "Not pulled" where its next run pulls other dates
// (refresh-mail-next-pulls.test.ts).
import { describe, expect, it } from 'vitest';
import { stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';

const HOUR = 3_600_000;
const B_KEY = 'sk_live_test_editor_catchup';

async function saveHourlyToday(rt: LocalRuntime, sheet: string, mode: string, key: string): Promise<void> {
  rt.workbook.addSheet(sheet);
  const spec = {
    source: { kind: 'report', report: 'handle_time', granularity: 'day' },
    range: { kind: 'relative', preset: 'today' },
    target: { kind: 'sheet', name: sheet },
    mode,
  };
  await rt.callFromSidebar('saveRefresh', { spec, frequency: { kind: 'hourly' }, notifyByEmail: true }, key);
}

const logRows = (rt: LocalRuntime) =>
  rt.workbook.sheetNames().includes('Assembled log')
    ? rt.workbook.displayValues('Assembled log').slice(1)
    : [];

describe('the e-mail of a failed run of a refresh that catches up', () => {
  it('says the next run catches up on its days, to each owner, and the next run that works does', async () => {
    // 21:10 on 4 December in New York: the outage runs past midnight.
    const { rt, sim } = await startLocalAddon({ now: '2026-12-05T02:10:00Z', dialect: 'live' });
    const editor = rt.asUser('editor@example.com');
    sim.issueKey(B_KEY);
    await editor.callFromSidebar('saveSettings', { apiKey: B_KEY, timeFormat: 'unix', apiVersion: '' });
    // Each editor's refresh has a run that worked, then Assembled goes down.
    await saveHourlyToday(rt, 'AHT today', 'merge', 'catchup-mail-a1');
    await saveHourlyToday(editor, 'AHT editor', 'append', 'catchup-mail-b1');
    await stepUntil(rt, () => logRows(rt).filter((r) => r[4] === 'done').length === 2, 2 * HOUR);
    sim.setFaults({ errorRate: 1 });
    await stepUntil(rt, () => rt.mail.length >= 2, 8 * HOUR);

    const mails = rt.mail.map((m) => [m.to, m.body] as const).sort();
    expect(mails.map(([to]) => to)).toEqual(['analyst@example.com', 'editor@example.com']);
    for (const [, body] of mails) {
      expect(body).not.toMatch(/Not pulled/);
      expect(body).toMatch(
        /^The next run catches up: it pulls again from 2026-12-04, so the first run that works fills in what this one missed\.$/m,
      );
    }

    // And it does: each refresh's first run that works after the outage pulls from the 4th.
    sim.setFaults({});
    const before = logRows(rt).length;
    const runAfter = (sheet: string) =>
      logRows(rt)
        .slice(before)
        .find((r) => r[3] === sheet && r[4] === 'done');
    await stepUntil(rt, () => !!runAfter('AHT today') && !!runAfter('AHT editor'), 3 * HOUR);
    expect(runAfter('AHT today')?.[2]).toMatch(/2026-12-04 to 2026-12-05 \(Merge\)$/);
    expect(runAfter('AHT editor')?.[2]).toMatch(/2026-12-04 to 2026-12-05 \(Append\)$/);
  });
});
