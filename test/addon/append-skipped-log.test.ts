// A scheduled append skips a period it appended whole before, and says so on its card. The log is
// where an analyst checks "did it run last night?": every run gets a row there, a skipped one too,
// with 0 rows and why, or the log shows gaps.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';

const HOUR = 3_600_000;

function logRows(rt: LocalRuntime): string[][] {
  if (!rt.workbook.sheetNames().includes('Assembled log')) return [];
  return rt.workbook.displayValues('Assembled log').slice(1);
}

describe('a scheduled append that finds its period appended whole already', () => {
  it('gets its row in the Assembled log: skipped, 0 rows, and why', async () => {
    const { rt } = await startLocalAddon({ timezone: 'Europe/London', now: '2027-02-25T00:30:00Z' });
    rt.workbook.addSheet('Handle time daily');
    await rt.callFromSidebar(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'report', report: 'handle_time', granularity: 'day' },
          range: { kind: 'relative', preset: 'yesterday' },
          filters: {},
          target: { kind: 'sheet', name: 'Handle time daily' },
          mode: 'append',
        },
        frequency: { kind: 'every_hours', hours: 6 },
        notifyByEmail: false,
      },
      'refresh-skip-log',
    );
    await rt.clock.advanceAsync(19 * HOUR);
    const runs = logRows(rt);
    // At 06:00 it appends yesterday; at 12:00 and 18:00 it finds it there whole.
    expect(runs.map((r) => [r[2], r[4]])).toEqual([
      ['Scheduled: Handle time report (day) 2027-02-24 (Append)', 'done'],
      ['Scheduled: Handle time report (day) 2027-02-24 (Append)', 'skipped'],
      ['Scheduled: Handle time report (day) 2027-02-24 (Append)', 'skipped'],
    ]);
    expect(runs[1]?.[3]).toBe('Handle time daily');
    expect(runs[1]?.[5]).toBe('0');
    expect(runs[1]?.[7]).toBe(
      'Nothing appended to Handle time daily: the rows of 2027-02-24 were appended whole at an earlier run and left as they were (Merge updates such rows).',
    );
    // Its card says the same as its row.
    const [card] =
      await rt.callFromSidebar<{ lastRun: { status: string; message: string } }[]>('listRefreshes');
    expect(card?.lastRun).toMatchObject({ status: 'skipped', message: runs[2]?.[7] });
    // Nothing added: the sheet holds the first run's rows alone.
    expect(rt.workbook.values('Handle time daily')).toHaveLength(1 + Number(runs[0]?.[5]));
  });
});
