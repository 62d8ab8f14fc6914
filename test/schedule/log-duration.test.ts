// The log's Duration means one thing on every row: the time that row's attempt took, not the time
// it waited for its turn behind the other refreshes due at the same hour, nor between attempts.
import { describe, expect, it } from 'vitest';
import { saveListRefresh, stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { Frequency } from '../../src/core/schedule/frequency';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const MONDAYS_7: Frequency = { kind: 'weekly', weekdays: [1], hour: 7 };

/** [What, Status, Duration] of each row. */
function logged(rt: LocalRuntime): [string, string, number][] {
  if (!rt.workbook.sheetNames().includes('Assembled log')) return [];
  const [head = [], ...rows] = rt.workbook.values('Assembled log');
  const at = (name: string) => head.indexOf(name);
  return rows.map((r) => [String(r[at('What')]), String(r[at('Status')]), Number(r[at('Duration (s)')])]);
}

describe("a weekly KPI pack's rows in the log", () => {
  it('time each attempt alone: a list written after a report took its turn counts its own seconds', async () => {
    const { rt, sim } = await startLocalAddon({ now: '2026-05-25T09:10:00Z', dialect: 'live' });
    for (const sheet of ['AHT', 'Teams', 'Sites']) rt.workbook.addSheet(sheet);
    // Saved first, the report's run is carried on first: Assembled builds it in 20 s.
    const spec = {
      source: { kind: 'report', report: 'handle_time', granularity: 'day' },
      range: { kind: 'relative', preset: 'last_week' },
      target: { kind: 'sheet', name: 'AHT' },
      mode: 'replace',
    };
    await rt.callFromSidebar(
      'saveRefresh',
      { spec, frequency: MONDAYS_7, notifyByEmail: false },
      'kpi-aht-0001',
    );
    await saveListRefresh(rt, {
      resource: 'teams',
      sheet: 'Teams',
      frequency: MONDAYS_7,
      key: 'kpi-teams-00001',
    });
    await saveListRefresh(rt, {
      resource: 'sites',
      sheet: 'Sites',
      frequency: MONDAYS_7,
      key: 'kpi-sites-00001',
    });
    await stepUntil(rt, () => logged(rt).length >= 3, 4 * HOUR);

    const week1 = logged(rt);
    expect(week1.map(([what, status]) => [what.replace(/ \d{4}.* \(/, ' ('), status])).toEqual([
      ['Scheduled: Handle time report (day) (Replace)', 'done'],
      ['Scheduled: Teams (Replace)', 'done'],
      ['Scheduled: Sites (Replace)', 'done'],
    ]);
    const [report, teams, sites] = week1.map((r) => r[2]);
    // The report's own time holds Assembled building it; the lists, written after it, only their own.
    expect(report).toBeGreaterThanOrEqual(20);
    expect(teams).toBeLessThan(10);
    expect(sites).toBeLessThan(10);

    // A week later Assembled is down: every row, the first attempt, the retries and the run given
    // up, is its attempt's own time, not the hours since the run began.
    sim.setFaults({ errorRate: 1 });
    await rt.clock.advanceAsync(WEEK - 4 * HOUR);
    await stepUntil(rt, () => logged(rt).filter((r) => r[1] === 'failed').length >= 3, 6 * HOUR);
    const week2 = logged(rt).slice(3);
    expect(week2.map((r) => r[1])).toEqual([...Array(6).fill('retrying'), ...Array(3).fill('failed')]);
    for (const [, , seconds] of week2) expect(seconds).toBeLessThan(60);
  });
});
