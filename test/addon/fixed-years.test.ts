// A Fixed dates range is refused, in the form's words, when a year is out of the years a pull can
// name: a date field gives its year as it is typed (0202 on its way to 2026), and a range of
// centuries asked thousands of reports, working out their parts for minutes (QA).
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';

const spec = (from: string, to: string) => ({
  source: { kind: 'report', report: 'handle_time', granularity: 'day' },
  range: { kind: 'absolute', from, to },
  target: { kind: 'new_sheet', name: 'Handle time' },
  mode: 'replace',
});

describe('a Fixed dates range with a year out of bounds', () => {
  it('is refused by the preview and by Pull data, naming the date, and asks Assembled nothing', async () => {
    const { rt, sim } = await startLocalAddon({ now: '2026-12-15T15:00:00Z' });
    const asked = () => sim.stats().byRoute['POST /v0/reports/{reportType}'] ?? 0;
    const range = { kind: 'absolute', from: '1999-12-21', to: '2026-12-10' };
    const words = 'Check the year in From (1999-12-21): a range can be from 2000 to 2099.';
    await expect(rt.callFromSidebar('previewRange', range, 'day', 'replace')).rejects.toThrow(words);
    await expect(
      rt.callFromSidebar('startPull', spec('1999-12-21', '2026-12-10'), 'year-typed-1'),
    ).rejects.toThrow(words);
    await expect(
      rt.callFromSidebar('startPull', spec('2026-12-21', '2100-01-01'), 'year-typed-2'),
    ).rejects.toThrow('Check the year in To (2100-01-01): a range can be from 2000 to 2099.');
    // Year 0 had a 29 February (1900, as Date.UTC read it, had none): refused for its year, not its form.
    await expect(
      rt.callFromSidebar('previewRange', { kind: 'absolute', from: '0000-02-29', to: '2026-12-10' }, 'day'),
    ).rejects.toThrow('Check the year in From (0000-02-29): a range can be from 2000 to 2099.');
    expect(asked()).toBe(0);
    // A range ahead within the years previews as its dates, as any other.
    const ahead = { kind: 'absolute', from: '2026-12-21', to: '2026-12-27' };
    const shown = await rt.callFromSidebar<{ from: string; to: string }>(
      'previewRange',
      ahead,
      'day',
      'replace',
    );
    expect([shown.from, shown.to]).toEqual(['2026-12-21', '2026-12-27']);
  });
});
