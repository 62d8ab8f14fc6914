// Ticket stats are asked a queue at a time (queue-parts.ts): over 7 queues, 7 reports, which the
// progress counts ("report 1 of 7"). The form's line under the range counted only a range's parts,
// so such a pull said nothing before it began of the reports it would ask (QA).
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';

type Preview = { note?: string };

describe('the line under the range of a report asked a queue at a time', () => {
  it('counts a report for each queue the form would ask, and says why; other reports as before', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2027-01-01T14:00:00Z' });
    const month = { kind: 'relative', preset: 'last_month' };
    const said = (range: object, granularity: string, report: string, queues?: number) =>
      rt
        .callFromSidebar<Preview>('previewRange', range, granularity, 'replace', report, queues)
        .then((p) => p.note ?? '');
    expect(await said(month, 'day', 'ticket_stats', 7)).toContain(
      "Asked as 7 reports at once (one per queue, so each queue's figures are its own), read one after another, then joined: the progress says which report it is on.",
    );
    // A quarter by interval is 3 parts, for each queue: past 20, asked 20 at a time.
    const quarter = { kind: 'relative', preset: 'last_quarter' };
    expect(await said(quarter, 'interval', 'ticket_stats', 7)).toContain(
      "Asked as 21 reports, 20 at a time (one per queue, so each queue's figures are its own, in 3 parts each, as Assembled builds a report for a limited span), read one",
    );
    // One queue is one report; handle time is not asked by queue; a form that sends no count, as before.
    expect(await said(month, 'day', 'ticket_stats', 1)).not.toContain('Asked as');
    expect(await said(month, 'day', 'handle_time', 7)).not.toContain('Asked as');
    expect(await said(quarter, 'interval', 'handle_time', 7)).toContain(
      'Asked as 3 reports at once (Assembled builds each for a limited span)',
    );
    expect(await said(quarter, 'interval', 'ticket_stats')).toContain(
      'Asked as 3 reports at once (Assembled',
    );
  });
});
