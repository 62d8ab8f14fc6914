// An average over no items is no number. Ticket stats by 30-minute interval sent "Average handle
// time" 0:00:00 for an interval with nothing solved (the clock change's 02:30 among them), and
// Sheets' AVERAGE over the column counted those zeros. Such a cell is left blank, and the header
// note says so.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

describe('an average over nothing', () => {
  it('is a blank cell in a row with nothing solved, and the header note says why', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-11-03T15:00:00Z' });
    const job = await pullToEnd(
      rt,
      {
        source: { kind: 'report', report: 'ticket_stats', granularity: 'interval' },
        range: { kind: 'absolute', from: '2026-11-01', to: '2026-11-01' },
        target: { kind: 'new_sheet', name: 'Intervals' },
        mode: 'replace',
      },
      'over-nothing-0001',
    );
    expect(job.state).toBe('done');
    const [header = [], ...rows] = rt.workbook.displayValues('Intervals');
    const [start, solved, average] = ['Start', 'Solved', 'Average handle time'].map((h) => header.indexOf(h));
    const none = rows.filter((r) => r[solved as number] === '0');
    const some = rows.filter((r) => r[solved as number] !== '0');
    expect(none.some((r) => r[start as number] === '2026-11-01 02:30:00')).toBe(true);
    expect(none.length).toBeGreaterThan(0);
    expect(some.length).toBeGreaterThan(0);
    expect(none.map((r) => r[average as number])).toEqual(none.map(() => ''));
    expect(some.every((r) => /^\d+:\d\d:\d\d$/.test(r[average as number] ?? ''))).toBe(true);
    expect(rt.workbook.notes('Intervals')[0]?.[0]).toContain(
      'An average over no ticket solved (Solved 0) is left blank, not 0.',
    );
  });

  it("is said in each report's own words: adherence over no time scheduled, handle time over no ticket handled", async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-11-03T15:00:00Z' });
    const said: Record<string, string> = {};
    for (const report of ['adherence', 'handle_time']) {
      const job = await pullToEnd(
        rt,
        {
          source: { kind: 'report', report, granularity: 'interval' },
          range: { kind: 'absolute', from: '2026-11-01', to: '2026-11-01' },
          target: { kind: 'new_sheet', name: report },
          mode: 'replace',
        },
        `over-nothing-${report}`,
      );
      expect(job.state).toBe('done');
      said[report] = rt.workbook.notes(report)[0]?.[0] ?? '';
      // The count each note names is a column of its sheet.
      expect(rt.workbook.values(report)[0]).toContain(report === 'adherence' ? 'Scheduled' : 'Handled');
    }
    expect(said.adherence).toContain('Adherence over no time scheduled (Scheduled 0) is left blank, not 0.');
    expect(said.handle_time).toContain('An average over no ticket handled (Handled 0) is left blank, not 0.');
    for (const note of Object.values(said)) expect(note).not.toMatch(/no item solved|over nothing/);
  });
});
