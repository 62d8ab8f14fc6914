// Assembled builds 30-minute intervals for ranges of up to 31 days, counted in hours (the stricter
// reading). A calendar month of 31 days across an autumn clock change is 31 days and an hour: October
// in London. Asked in one piece, its days came back as Assembled's UTC days (and its intervals were
// refused), though the month is within the limit as a person counts it. It is asked in parts
// within the limit, and its days are London's.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';
import { reportSpans } from './report-spans';

async function october(granularity: string) {
  const local = await startLocalAddon({ timezone: 'Europe/London', now: '2026-11-03T10:00:00Z' });
  const { rt } = local;
  const asked = reportSpans(local);
  const job = await pullToEnd(
    rt,
    {
      source: { kind: 'report', report: 'ticket_stats', granularity },
      range: { kind: 'relative', preset: 'last_month' },
      target: { kind: 'new_sheet', name: 'October' },
      mode: 'replace',
    },
    `october-${granularity}`,
  );
  const [header = [], ...body] = rt.workbook.displayValues('October');
  const starts = new Set(body.map((r) => r[header.indexOf('Start')]));
  return { job, asked, starts, note: rt.workbook.notes('October')[0]?.[0] ?? '' };
}

describe('a 31-day month across the clock change, in London', () => {
  it('by day: London’s 31 days, asked in parts within the intervals’ limit', async () => {
    const { job, asked, starts, note } = await october('day');
    expect(job.message).toMatch(/ written to /);
    expect(Math.max(...asked)).toBeLessThanOrEqual(31);
    expect(starts.size).toBe(31);
    expect([...starts][0]).toBe('2026-10-01');
    expect(note).toMatch(/calendar days in Europe\/London/);
  });

  it('by interval: every 30-minute interval of the month, none refused', async () => {
    const { job, asked, starts } = await october('interval');
    expect(job.message).toMatch(/ written to /);
    expect(Math.max(...asked)).toBeLessThanOrEqual(31);
    // 31 days of 48 intervals (the two of the hour that came twice read as the first two do).
    expect(starts.size).toBe(31 * 48);
  });
});
