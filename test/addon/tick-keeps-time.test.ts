// A published add-on's hourly tick keeps its minute: in the workbench it moved from :28 to :31, :35,
// :39 past the hour over skipped weeks. Each weekly run started a report job, and the tick swapped
// its hourly trigger for the 'frequent' one (in an add-on only hourly too) and back at the run's
// end; a trigger made afresh counts its hour from when it is made.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

describe('the hourly tick of a published add-on', () => {
  it('fires at the same minute week after week, though each weekly run takes minutes', async () => {
    const { rt } = await startLocalAddon({
      mode: 'addon',
      reportDelayMs: 207_000,
      now: '2026-05-01T14:28:00Z',
    });
    rt.workbook.addSheet('AHT');
    const spec = {
      source: { kind: 'report', report: 'handle_time', granularity: 'day' },
      range: { kind: 'relative', preset: 'last_week' },
      target: { kind: 'sheet', name: 'AHT' },
      mode: 'replace',
    };
    const frequency = { kind: 'weekly', weekdays: [1], hour: 7 };
    await rt.callFromSidebar('saveRefresh', { spec, frequency, notifyByEmail: false }, 'tick-keeps-time-01');
    const fired = await rt.clock.advanceAsync(3 * WEEK);
    // Each Monday's run outlived its tick's first minutes.
    expect(fired.filter((f) => f.result.durationMs > 3 * 60_000)).toHaveLength(3);
    const minutes = new Set(fired.map((f) => new Date(f.dueAt).toISOString().slice(14, 16)));
    expect([...minutes]).toEqual(['28']);
    expect(rt.triggers()).toHaveLength(1);
  });
});
