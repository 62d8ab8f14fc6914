// Assembled builds 30-minute intervals for 31 days at most ("interval granularity is limited to
// ranges of 31 days"). A pull by interval over two months was asked as one report, waited for,
// and failed; the form only warned. It is asked in parts of at most 31 days, its rows joined.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';
import { reportSpans } from './report-spans';

describe('a pull by interval over more days than Assembled builds intervals for', () => {
  it('62 days come in reports of 31 days at most, every interval of every queue once', async () => {
    const local = await startLocalAddon({ timezone: 'America/New_York', now: '2027-01-01T14:00:00Z' });
    const { rt } = local;
    const range = { kind: 'absolute', from: '2026-06-01', to: '2026-08-01' };
    const { note } = await rt.callFromSidebar<{ note?: string }>(
      'previewRange',
      range,
      'interval',
      'replace',
    );
    expect(note).toMatch(/^Asked as 2 reports at once /);
    const asked = reportSpans(local);
    const job = await pullToEnd(
      rt,
      {
        source: { kind: 'report', report: 'ticket_stats', granularity: 'interval' },
        range,
        target: { kind: 'new_sheet', name: 'Intervals' },
        mode: 'replace',
      },
      'long-interval-0001',
    );
    expect(job.message).toMatch(/ written to /);
    // The note counts the range's parts; ticket stats ask both for each queue alone (queue-parts.ts).
    const queues = local.sim.admin.org.queues.length;
    expect(asked).toEqual(Array.from({ length: queues }, () => [31, 31]).flat());
    // Ticket stats have a row for every queue in every interval: 62 days of 48 each.
    const [header = [], ...body] = rt.workbook.displayValues('Intervals');
    const [queue, start] = [header.indexOf('Queue ID'), header.indexOf('Start')];
    const starts = new Set(body.map((r) => r[start]));
    expect(starts.size).toBe(62 * 48);
    expect([...starts].sort()[0]).toBe('2026-06-01 00:00:00');
    expect([...starts].sort().at(-1)).toBe('2026-08-01 23:30:00');
    expect(new Set(body.map((r) => r[queue])).size).toBe(queues);
    expect(body).toHaveLength(queues * 62 * 48);
    expect(new Set(body.map((r) => `${r[queue]} ${r[start]}`)).size).toBe(body.length);
  });
});
