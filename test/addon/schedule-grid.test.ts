import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { ACTIVITY_TYPES, activityStore } from '../../dev/simulator/schedules';
import { columnName } from '../../src/core/sheet/a1';
import { contrastRatio } from '../support/contrast';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `grid-key-${String(++keys).padStart(6, '0')}`;

const pull = (rt: LocalRuntime, spec: object) => pullToEnd(rt, spec, key());

// Each week holds its zone's 25-hour day (autumn 2026): 7 x 24 + 1 hours of columns.
const WEEKS = [
  {
    timezone: 'America/New_York',
    from: '2026-10-26',
    to: '2026-11-01',
    start: Date.UTC(2026, 9, 26, 4),
    dstDay: '2026-11-01',
  },
  {
    timezone: 'Europe/London',
    from: '2026-10-19',
    to: '2026-10-25',
    start: Date.UTC(2026, 9, 18, 23),
    dstDay: '2026-10-25',
  },
] as const;

const gridSpec = (week: (typeof WEEKS)[number], minutes: 15 | 30) => ({
  source: { kind: 'resource', resource: 'schedule_grid' },
  range: { kind: 'absolute', from: week.from, to: week.to },
  target: { kind: 'new_sheet', name: 'Grid' },
  mode: 'replace',
  gridMinutes: minutes,
});

describe.each(['seed', 'live'] as const)('Schedule grid, %s dialect', (dialect) => {
  it.each(WEEKS)(
    '$timezone: a column per 30 minutes of the local week, coloured by activity type',
    async (week) => {
      const { rt, sim } = await startLocalAddon({
        dialect,
        timezone: week.timezone,
        now: '2026-11-05T12:00:00Z',
      });
      const job = await pull(rt, gridSpec(week, 30));
      expect(job.state).toBe('done');
      // A sentence, with its full stop, as every pull's outcome in the sidebar and the log.
      const values = rt.workbook.values('Grid');
      const [days, times] = values as string[][];
      const slots = (7 * 24 + 1) * 2;
      // The legend, past the last slot, is said where it is: in the outcome, in the frozen corner
      // under "Team" and in the header's note.
      const types = new Set(values.slice(2).flatMap((r) => r.slice(2, 2 + slots).filter(Boolean))).size;
      const legendAt = `${columnName(4 + slots)}1:${columnName(5 + slots)}${1 + types}`;
      expect(job.message).toBe(`${values.length - 2} agents drawn on Grid!A1; the legend is at ${legendAt}.`);
      expect(times?.[0]).toBe(`Legend at ${legendAt}`);
      expect(rt.workbook.notes('Grid')[0]?.[0]).toContain(`\nLegend at ${legendAt}, right of the grid`);
      expect(days?.slice(0, 2)).toEqual(['Team', 'Agent']);
      // The 25-hour day has 50 columns; its repeated hour shows twice.
      // A day's first column: its label, said again every few hours (unit-tested in test/pull).
      const dayStarts = (days ?? [])
        .map((d, i) => [d, i] as const)
        .filter(([d, i]) => /^\w{3} \d{4}-/.test(d) && (times ?? [])[i] === '00:00')
        .map(([d, i]) => [d.slice(4), i] as const);
      expect(dayStarts.map(([d]) => d)).toHaveLength(7);
      const dst = dayStarts.findIndex(([d]) => d === week.dstDay);
      const next = dayStarts[dst + 1]?.[1] ?? 2 + slots;
      expect(next - (dayStarts[dst]?.[1] ?? 0)).toBe(50);
      expect((times ?? []).slice(dayStarts[dst]?.[1], next).filter((t) => t === '01:00')).toHaveLength(2);
      // Legend beside the grid, after one blank column, a row per type drawn.
      expect(days?.[2 + slots]).toBe('');
      expect(days?.[3 + slots]).toBe('Legend');
      expect(values.slice(1, 1 + types).every((r) => r[3 + slots] !== '')).toBe(true);
      expect(values[1 + types]?.[3 + slots] ?? '').toBe('');

      // Every agent cell shows the type of the activity holding that slot, in the type's colours.
      const backgrounds = rt.workbook.backgrounds('Grid');
      const fonts = rt.workbook.fontColors('Grid');
      const emailToRow = new Map<string, number>();
      const names = values.slice(2).map((r) => String(r[1]));
      // Every grid row is a person, one who shares a name told apart by e-mail (namesakes.ts).
      const { people } = sim.admin.org;
      const full = (p: (typeof people)[number]) => `${p.first_name} ${p.last_name}`;
      const label = (p: (typeof people)[number]) =>
        people.some((q) => q !== p && full(q) === full(p)) ? `${full(p)} (${p.email})` : full(p);
      people.forEach((p) => {
        const at = names.indexOf(label(p));
        if (at >= 0) emailToRow.set(p.agent_id, at + 2);
      });
      expect(emailToRow.size).toBe(names.length);
      const end = week.start + slots * 30 * 60_000;
      const sample = [...activityStore(sim.admin.org).values()]
        .filter(
          (a) =>
            a.start_time * 1000 >= week.start &&
            a.end_time * 1000 <= end &&
            a.end_time - a.start_time >= 3600,
        )
        .slice(0, 40);
      expect(sample.length).toBe(40);
      for (const a of sample) {
        const type = ACTIVITY_TYPES.find((t) => t.id === a.type_id);
        const row = emailToRow.get(a.agent_id) as number;
        // A slot wholly inside the activity.
        const col = 2 + Math.ceil((a.start_time * 1000 - week.start) / 1_800_000);
        expect(values[row]?.[col]).toBe(type?.short_name);
        expect(backgrounds[row]?.[col]).toBe(type?.background_color);
      }
      // Every cell's text reads on its fill (4.5:1), the legend's too: white on Chat's green or
      // Phones' blue, as Assembled gives them, would not, and becomes black.
      const unreadable = backgrounds.flatMap((line, r) =>
        line.flatMap((bg, c) => {
          const font = fonts[r]?.[c] ?? '#000000';
          return values[r]?.[c] !== '' && contrastRatio(bg, font) < 4.5
            ? [`${values[r]?.[c]} ${font} on ${bg}`]
            : [];
        }),
      );
      expect(unreadable).toEqual([]);
      const legend = values.findIndex((r) => r.includes('Legend'));
      const legendCol = values[legend]?.indexOf('Legend') as number;
      const fontOf = (name: string) => {
        const r = values.findIndex((line) => line[legendCol + 1] === name);
        return [backgrounds[r]?.[legendCol], fonts[r]?.[legendCol]];
      };
      expect([fontOf('Chat'), fontOf('Phones')]).toEqual([
        ['#6aa84f', '#000000'],
        ['#4a86e8', '#000000'],
      ]);
      // A type's own font that reads on its fill is kept: white on Paid time off's red (5.9:1).
      expect(fontOf('Paid time off')).toEqual(['#cc0000', '#ffffff']);

      // Agents grouped by team, named as the teams list names it (Assembled's agents carry team ids).
      const teams = values.slice(2).map((r) => String(r[0]));
      expect(teams).toEqual([...teams].sort((a, b) => a.localeCompare(b)));
      const teamOf = (name: string) => {
        const p = people.find((q) => label(q) === name);
        return sim.admin.org.teams.find((t) => t.id === p?.teams[0])?.name;
      };
      values.slice(2).forEach((r) => {
        expect(r[0]).toBe(teamOf(String(r[1])));
      });
    },
  );

  it('15-minute columns, written in a handful of block calls; a refresh replaces the picture', async () => {
    const week = WEEKS[0];
    const { rt } = await startLocalAddon({ dialect, timezone: week.timezone, now: '2026-11-05T12:00:00Z' });
    rt.counters.reset();
    const job = await pull(rt, gridSpec(week, 15));
    expect(job.state).toBe('done');
    const width = 2 + (7 * 24 + 1) * 4;
    expect((rt.workbook.values('Grid')[1] as string[]).slice(2, 6)).toEqual([
      '00:00',
      '00:15',
      '00:30',
      '00:45',
    ]);
    const c = rt.counters.spreadsheet;
    // Grid and legend: values, backgrounds, font colours, in slices of at most 50,000 cells each;
    // the new sheet's unused rows deleted once.
    const rows = rt.workbook.values('Grid').length;
    const slices = Math.ceil(rows / Math.floor(50_000 / width)) + 1;
    expect(c.setValuesCalls).toBeLessThanOrEqual(slices + 2);
    expect(c.writes).toBeLessThan(3 * slices + 13);
    const before = rt.workbook.values('Grid');
    const again = await pull(rt, { ...gridSpec(week, 30), target: { kind: 'sheet', name: 'Grid' } });
    expect(again.state).toBe('done');
    const after = rt.workbook.values('Grid');
    // Narrower picture: nothing of the old one is left beyond it, values or colours.
    expect((after[0] as unknown[]).length).toBeLessThan((before[0] as unknown[]).length);
    expect(
      rt.workbook
        .backgrounds('Grid')
        .flat()
        .filter((b) => b !== '#ffffff').length,
    ).toBeGreaterThan(0);
    const lastColumn = rt.workbook.size('Grid').lastColumn;
    expect(lastColumn).toBe(2 + (7 * 24 + 1) * 2 + 1 + 2);
  });

  it('slot columns are narrow, team and agent, days and times frozen; a merge across that edge only stops the freeze', async () => {
    const { rt } = await startLocalAddon({ dialect, now: '2026-11-05T12:00:00Z' });
    const day = { kind: 'absolute', from: '2026-10-27', to: '2026-10-27' };
    const job = await pull(rt, { ...gridSpec(WEEKS[0], 30), range: day });
    expect(job.state).toBe('done');
    const widths = rt.workbook.columnWidths('Grid');
    expect([widths[1], widths[2], widths[3], widths[2 + 48]]).toEqual([undefined, undefined, 48, 48]);
    expect(rt.workbook.frozenColumns('Grid')).toBe(2);
    expect(rt.workbook.frozenRows('Grid')).toBe(2);

    rt.workbook.addSheet('Merged');
    rt.workbook.merge('Merged!B200:C200');
    rt.workbook.merge('Merged!AZ2:AZ3');
    const again = await pull(rt, {
      ...gridSpec(WEEKS[0], 30),
      range: day,
      target: { kind: 'sheet', name: 'Merged' },
    });
    expect(again.state).toBe('done');
    expect(rt.workbook.frozenColumns('Merged')).toBe(0);
    expect(rt.workbook.frozenRows('Merged')).toBe(1);
    expect(rt.workbook.values('Merged')[1]?.[2]).toBe('00:00');
  });

  // QA: "1 agents drawn on 'Schedule grid'!A1".
  it('says one agent drawn as one', async () => {
    const { rt, sim } = await startLocalAddon({ dialect, now: '2026-11-05T12:00:00Z' });
    // One who works Tuesdays, so has a row to draw.
    const org = sim.admin.org;
    const agent = org.people.find((p) => org.plans.get(p.agent_id)?.weekdays.includes(2));
    expect(agent).toBeDefined();
    const day = { kind: 'absolute', from: '2026-10-27', to: '2026-10-27' };
    const job = await pull(rt, {
      ...gridSpec(WEEKS[0], 30),
      range: day,
      filters: { agent_ids: [agent?.agent_id] },
    });
    expect(job.message).toMatch(/^1 agent drawn on Grid!A1; the legend is at [A-Z]+1:[A-Z]+\d+\.$/);
  });

  it('a picture placed at a cell writes over nothing it did not write; its own last picture is its to replace', async () => {
    const { rt } = await startLocalAddon({ dialect, now: '2026-11-05T12:00:00Z' });
    const day = { kind: 'absolute', from: '2026-10-27', to: '2026-10-27' };
    const at = { ...gridSpec(WEEKS[0], 30), range: day, target: { kind: 'cell', sheet: 'Sheet1', a1: 'C3' } };
    expect(await pull(rt, at)).toMatchObject({ state: 'done' });
    const again = await pull(rt, at);
    expect(again.state).toBe('done');
    // The legend said where it is, on the sheet as placed: 48 slots from D, a blank column, then it.
    const legendAt = /; the legend is at ([A-Z]+)3:[A-Z]+\d+\.$/.exec(again.message ?? '')?.[1];
    expect(legendAt).toBe(columnName(3 + 2 + 48 + 1));
    expect(rt.workbook.values('Sheet1')[2]?.[3 + 2 + 48]).toBe('Legend');
    expect(rt.workbook.values('Sheet1')[3]?.[2]).toMatch(new RegExp(`^Legend at ${legendAt}3:`));
    // The user's note beside the picture: a longer range, more columns, would reach it.
    const cols = rt.workbook.size('Sheet1').lastColumn;
    rt.workbook.write('Sheet1', [['my note']], { row: 3, column: cols + 2 });
    const before = rt.workbook.values('Sheet1');
    const longer = await pull(rt, { ...at, range: { ...day, to: '2026-10-28' } });
    expect(longer.state).toBe('failed');
    expect(longer.message).toMatch(
      /^The table needs C3:[A-Z]+\d+ .* would write over [A-Z]+3 there, which it did not write/,
    );
    expect(rt.workbook.values('Sheet1')).toEqual(before);
  });

  it('refuses merge mode and minutes per column on other sources', async () => {
    const week = WEEKS[0];
    const { rt } = await startLocalAddon({ dialect, timezone: week.timezone, now: '2026-11-05T12:00:00Z' });
    await expect(pull(rt, { ...gridSpec(week, 30), mode: 'merge' })).rejects.toThrow(/always replaced whole/);
    await expect(
      pull(rt, { ...gridSpec(week, 30), source: { kind: 'resource', resource: 'activities' } }),
    ).rejects.toThrow(/takes no minutes per column/);
  });
});
