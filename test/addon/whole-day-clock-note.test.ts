// The header note's clock-change line ("times from 01:00 to 01:59 come twice") is for rows with
// times of day. A time-off list of all-day requests holds days only (First day, Last day; Start
// and End blank): its note leaves the line out, and one with a part-day request keeps it.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

// New York's clocks went back on 1 November 2026.
const CLOCKS = /Clocks went back on 2026-11-01 \(America\/New_York\)/;

describe('the clock-change line of a time-off list', () => {
  it('is left out where every request is all-day, and kept where one has times', async () => {
    const { rt, sim } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-11-10T15:00:00Z' });
    const pull = async (name: string, to: string, key: string) => {
      const spec = {
        source: { kind: 'resource', resource: 'time_off_requests' },
        range: { kind: 'absolute', from: '2026-10-25', to },
        target: { kind: 'new_sheet', name },
        mode: 'replace',
      };
      expect(await pullToEnd(rt, spec, key)).toMatchObject({ state: 'done' });
      return rt.workbook.notes(name)[0]?.[0] ?? '';
    };
    // The demo organisation's one part-day request is on 12 November, at 15:00 in its agent's Los
    // Angeles (23:00 UTC, 18:00 in New York).
    const partDay = sim.admin.org.timeOff.filter((t) => !t.all_day).map((t) => t.start_time * 1000);
    expect(partDay).toEqual([Date.parse('2026-11-12T23:00:00Z')]);
    expect(await pull('Days', '2026-11-07', 'whole-days-0001')).not.toMatch(CLOCKS);
    expect(await pull('Times', '2026-11-14', 'whole-days-0002')).toMatch(CLOCKS);
  });
});
