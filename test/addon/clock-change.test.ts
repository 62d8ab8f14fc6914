// A sheet's date-times carry no offset: a pull of intervals over the night clocks go back has two
// 01:00 and two 01:30 rows per queue, one of them ending at 01:00. Its header note says why.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

const ticketStats = (granularity: string, from: string, to: string, sheet: string) => ({
  source: { kind: 'report', report: 'ticket_stats', granularity },
  range: { kind: 'absolute', from, to },
  target: { kind: 'new_sheet', name: sheet },
  mode: 'replace',
});

const BACK =
  'Clocks went back on 2026-11-01 (America/New_York): times from 01:00 to 01:59 come twice, first at UTC\u22124, then at UTC\u22125.';

describe("a pull over a night the clocks change, in the sheet's zone", () => {
  it('says in the header note which times come twice, for intervals; not for days, nor for a range without the change', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-02T15:00:00Z' });
    const job = await pullToEnd(
      rt,
      ticketStats('interval', '2026-11-01', '2026-11-01', 'Intervals'),
      'pull-000000001',
    );
    expect(job.state).toBe('done');
    // The rows the note explains: the day's 01:00 twice.
    const starts = rt.workbook.displayValues('Intervals').map((r) => String(r[2]));
    const at = (time: string) => starts.filter((s) => s.endsWith(` ${time}:00`)).length;
    expect(at('01:00')).toBe(2 * at('03:00'));
    expect(rt.workbook.notes('Intervals')[0]?.[0]).toContain(`\n${BACK}\n`);
    // Rows of other times finer than a day, such as agent states, are said so too.
    const states = {
      source: { kind: 'resource', resource: 'agent_states' },
      range: { kind: 'absolute', from: '2026-11-01', to: '2026-11-01' },
      target: { kind: 'new_sheet', name: 'States' },
      mode: 'replace',
    };
    await pullToEnd(rt, states, 'pull-000000004');
    expect(rt.workbook.notes('States')[0]?.[0]).toContain(`\n${BACK}\n`);
    await pullToEnd(rt, ticketStats('day', '2026-11-01', '2026-11-01', 'Days'), 'pull-000000002');
    expect(rt.workbook.notes('Days')[0]?.[0]).not.toContain('Clocks');
    await pullToEnd(rt, ticketStats('interval', '2026-11-02', '2026-11-03', 'After'), 'pull-000000003');
    expect(rt.workbook.notes('After')[0]?.[0]).not.toContain('Clocks');
  });

  it('says it under the range before the pull, for intervals and other times of day; not for days', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-02T15:00:00Z' });
    const november = { kind: 'absolute', from: '2026-10-30', to: '2026-11-02' };
    expect(await rt.callFromSidebar('previewRange', november, 'interval')).toEqual({
      from: '2026-10-30',
      to: '2026-11-02',
      note: BACK,
    });
    // Agent states, schedules and the like are asked for with no granularity.
    expect(await rt.callFromSidebar('previewRange', november)).toMatchObject({ note: BACK });
    expect(await rt.callFromSidebar('previewRange', november, 'day')).not.toHaveProperty('note');
    const after = { kind: 'absolute', from: '2026-11-02', to: '2026-11-03' };
    expect(await rt.callFromSidebar('previewRange', after, 'interval')).not.toHaveProperty('note');
  });

  it('says which times never happen on the night clocks go forward', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-04-02T15:00:00Z' });
    await pullToEnd(rt, ticketStats('interval', '2026-03-08', '2026-03-08', 'Spring'), 'pull-000000001');
    expect(rt.workbook.notes('Spring')[0]?.[0]).toContain(
      'Clocks went forward on 2026-03-08 (America/New_York): 02:00 became 03:00, so no times from 02:00 to 02:59 occur that day (UTC\u22125, then UTC\u22124).',
    );
  });
});
