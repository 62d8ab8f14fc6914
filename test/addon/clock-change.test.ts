// A sheet's date-times carry no offset: a pull of intervals over the night clocks go back has two
// 01:00 and two 01:30 rows per queue, one of them ending at 01:00. Its header note says why, and a
// merge or append of the same times pairs those rows, rather than counting them twice.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
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
    // Days rolled up from intervals: ticket stats' backlog is a level, taken at each day's end.
    expect(rt.workbook.notes('Days')[0]?.[0]).toContain(
      "recomputed from the sums, backlog as at each bucket's end.",
    );
    await pullToEnd(rt, ticketStats('interval', '2026-11-02', '2026-11-03', 'After'), 'pull-000000003');
    expect(rt.workbook.notes('After')[0]?.[0]).not.toContain('Clocks');
  });

  it('says it under the range before the pull, for intervals and other times of day; not for days', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-02T15:00:00Z' });
    const november = { kind: 'absolute', from: '2026-10-30', to: '2026-11-02' };
    expect(await rt.callFromSidebar('previewRange', november, 'interval')).toEqual({
      from: '2026-10-30',
      to: '2026-11-02',
      zone: 'America/New_York',
      note: BACK,
    });
    // Agent states, schedules and the like are asked for with no granularity.
    expect(await rt.callFromSidebar('previewRange', november)).toMatchObject({ note: BACK });
    expect(await rt.callFromSidebar('previewRange', november, 'day')).not.toHaveProperty('note');
    const after = { kind: 'absolute', from: '2026-11-02', to: '2026-11-03' };
    expect(await rt.callFromSidebar('previewRange', after, 'interval')).not.toHaveProperty('note');
  });

  // 2015 to 2026 by interval listed 24 sentences under the range, pushing the form off the sidebar.
  it('counts the changes of a range of years in one line under the range, naming the first', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2027-01-02T15:00:00Z' });
    const years = { kind: 'absolute', from: '2015-01-01', to: '2026-12-31' };
    const { note = '' } = await rt.callFromSidebar<{ note?: string }>('previewRange', years, 'interval');
    expect(note.match(/Clocks/g)).toHaveLength(1);
    expect(note).toContain(
      'Clocks changed 24 times in this range (America/New_York), first on 2015-03-08: on those days some times of day never occur (clocks going forward) or come twice (going back).',
    );
  });

  it('says which times never happen on the night clocks go forward', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-04-02T15:00:00Z' });
    await pullToEnd(rt, ticketStats('interval', '2026-03-08', '2026-03-08', 'Spring'), 'pull-000000001');
    expect(rt.workbook.notes('Spring')[0]?.[0]).toContain(
      'Clocks went forward on 2026-03-08 (America/New_York): 02:00 became 03:00, so no times from 02:00 to 02:59 occur that day (UTC\u22125, then UTC\u22124).',
    );
  });
});

describe('merging and appending intervals over a night the clocks change', () => {
  const handleTime = (mode: string, from: string, to: string, target = { kind: 'sheet', name: 'AHT' }) => ({
    source: { kind: 'report', report: 'handle_time', granularity: 'interval' },
    range: { kind: 'absolute', from, to },
    target,
    mode,
  });
  const start = (now: string) =>
    startLocalAddon({ timezone: 'America/New_York', now, simulator: { historyDays: 62 } });
  /** The sheet's rows as it shows them, and its Handled in all. */
  const shown = (rt: LocalRuntime, sheet: string) => {
    const [header, ...rows] = rt.workbook.displayValues(sheet);
    const handled = header?.indexOf('Handled') ?? -1;
    return { rows, handled: rows.reduce((sum, r) => sum + Number(r[handled]), 0) };
  };
  let keys = 0;
  const pull = async (rt: LocalRuntime, spec: object) => {
    const job = await pullToEnd(rt, spec, `dst-${String(++keys).padStart(6, '0')}`);
    expect(job.state, job.message).toBe('done');
    return job;
  };

  it.each([
    ['back', '2026-11-01', '2026-12-04T15:00:00Z'],
    ['forward', '2026-03-08', '2026-04-02T15:00:00Z'],
  ])('the same day merged or appended again changes nothing (clocks going %s)', async (_, day, now) => {
    const { rt } = await start(now);
    await pull(rt, handleTime('replace', day, day, { kind: 'new_sheet', name: 'AHT' }));
    const first = shown(rt, 'AHT');
    expect(first.rows.length).toBeGreaterThan(48);
    const merged = await pull(rt, handleTime('merge', day, day));
    expect(merged.message).toBe(
      `${first.rows.length} rows merged into AHT!A1: ${first.rows.length} updated, 0 added.`,
    );
    expect(shown(rt, 'AHT')).toEqual(first);
    const appended = await pull(rt, handleTime('append', day, day));
    expect(appended.message).toMatch(/^Nothing appended to AHT!A1: all \d+ rows were in the sheet already/);
    expect(shown(rt, 'AHT')).toEqual(first);
  });

  it('merging a moving three days each day ends with what one pull of all the days gives', async () => {
    const { rt } = await start('2026-12-04T15:00:00Z');
    const days = [
      ['2026-10-30', '2026-11-01'],
      ['2026-10-31', '2026-11-02'],
      ['2026-11-01', '2026-11-03'],
    ] as const;
    for (const [i, [from, to]] of days.entries())
      await pull(rt, handleTime('merge', from, to, { kind: i ? 'sheet' : 'new_sheet', name: 'AHT' }));
    await pull(rt, handleTime('replace', '2026-10-30', '2026-11-03', { kind: 'new_sheet', name: 'Whole' }));
    const whole = shown(rt, 'Whole');
    expect(whole.rows.filter((r) => String(r[2]).endsWith(' 01:00:00')).length).toBeGreaterThan(0);
    expect(shown(rt, 'AHT')).toEqual(whole);
  });
});
