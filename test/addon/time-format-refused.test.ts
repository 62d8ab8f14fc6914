// Times sent a way Assembled refuses (Settings' Send times as): the live API takes unix seconds
// only, the published YAML ISO 8601 only. Test connection says which it takes, and a pull or a
// scheduled refresh that meets the refusal says what to change in Settings, whichever way it went.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import type { ConnectionReport } from '../../src/core/server-api';
import { pullToEnd } from './pull-to-end';

const SETTINGS = 'Extensions ▸ Assembled for Google Sheets ▸ Settings…';
const adherence = {
  source: { kind: 'report', report: 'adherence', granularity: 'day' },
  range: { kind: 'relative', preset: 'last_7_days' },
  target: { kind: 'new_sheet', name: 'Adherence' },
  mode: 'replace',
};

describe('times sent a way Assembled refuses', () => {
  it.each([
    [
      'live',
      'iso',
      'unix',
      'Unix seconds',
      /start_time: must be unix seconds \(an integer\), not an ISO 8601 string\./,
    ],
    ['seed', 'unix', 'iso', 'ISO 8601 dates', /start_time: must be a date-time\./],
  ] as const)(
    '%s dialect, sent as %s: a pull says to choose the other under Send times as',
    async (dialect, sent, takes, label, refusal) => {
      const { rt } = await startLocalAddon({ dialect });
      const options = { timeFormat: sent, apiVersion: '' };
      const report = await rt.callFromSidebar<ConnectionReport>('testConnection', options);
      expect(report).toMatchObject({ ok: false, keyRefused: false, takesTimesAs: takes });
      await rt.callFromSidebar('saveSettings', options);
      const job = await pullToEnd(rt, adherence, `time-format-${dialect}`);
      expect(job.state).toBe('failed');
      expect(job.message).toMatch(refusal);
      expect(job.message).toMatch(
        new RegExp(
          `To send times as Assembled takes them, open ${SETTINGS} and under Send times as choose ${label}\\.$`,
        ),
      );
      // Taken the way it wants them, the test says nothing of times.
      const right = await rt.callFromSidebar<ConnectionReport>('testConnection', {
        timeFormat: takes,
        apiVersion: '',
      });
      expect(right.takesTimesAs).toBeUndefined();
    },
  );

  it("a scheduled refresh's run says it too, on its owner's card", async () => {
    const { rt } = await startLocalAddon({ dialect: 'live', mode: 'bound' });
    await rt.callFromSidebar('saveSettings', { timeFormat: 'iso', apiVersion: '' });
    rt.workbook.addSheet('Adherence');
    const [saved] = await rt.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      {
        spec: { ...adherence, target: { kind: 'sheet', name: 'Adherence' } },
        frequency: { kind: 'hourly' },
        notifyByEmail: false,
      },
      'time-format-refresh',
    );
    let [card] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', saved?.id);
    for (let i = 0; i < 50 && card?.running; i++) {
      await rt.clock.advanceAsync(5_000);
      [card] = await rt.callFromSidebar<RefreshView[]>('pollRefresh', saved?.id);
    }
    expect(card?.lastRun).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/under Send times as choose Unix seconds\.$/),
    });
  });
});
