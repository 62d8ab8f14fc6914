// An append refresh whose table was written before File ▸ Settings changed the spreadsheet's time
// zone: its card says, before its next run, that the run will be refused and what to do, where
// QA saw only when it runs now.
import { describe, expect, it } from 'vitest';
import { refreshCard, useBench } from './support';

describe('the card of an append refresh after the time zone changed', () => {
  // Wednesday 24 March 2027, 11:00 in New York.
  const bench = useBench({ timezone: 'America/New_York', now: '2027-03-24T15:00:00Z' });

  it('says its next run will be refused, with what to do, beside when it runs now', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    rt.workbook.addSheet('Tickets');
    await rt.callFromSidebar(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
          range: { kind: 'relative', preset: 'yesterday' },
          target: { kind: 'sheet', name: 'Tickets' },
          mode: 'append',
        },
        frequency: { kind: 'daily', hour: 1 },
        notifyByEmail: false,
      },
      'key-zone-refused',
    );
    // Its run of Thursday 01:00 in New York appends; then the zone is London's.
    await running.workbench.skip(Date.parse('2027-03-25T06:00:00Z') - rt.clock.now());
    expect(running.workbench.saveSettings('en_US', 'Europe/London')).toEqual({ ok: true });

    const { card } = await refreshCard(page, 'Tickets');
    await card.locator('.hint', { hasText: /^Saved for America\/New_York: / }).waitFor();
    expect(await card.locator('.reason').allTextContents()).toEqual([
      expect.stringMatching(
        /^Its next run will be refused, and so will every run after it until the table is written again \(or the spreadsheet's time zone is set back to America\/New_York in File ▸ Settings\): the table in "Tickets" was written while the spreadsheet's time zone was America\/New_York, .* Pull it once with Replace it \(Pull data…\), over all the dates it should hold, to write it again in Europe\/London; appending can go on from there\.$/,
      ),
    ]);
  });
});
