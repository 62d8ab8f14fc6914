import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import type { Activity, ActivityType } from '../../src/core/assembled';
import { scheduleGrid } from '../../src/core/pull/schedule-grid';
import type { ScheduledActivity } from '../../src/core/pull/schedule-records';
import { contrastRatio } from '../support/contrast';

const zone = intlZone('America/New_York');
// 8 March 2026 in New York loses an hour: 23 hours, midnight to midnight.
const start = Date.UTC(2026, 2, 8, 5);
const end = Date.UTC(2026, 2, 9, 4);
const HOUR = 3_600_000;

const type = (id: string, short: string, bg: string, font = '#ffffff'): ActivityType => ({
  id,
  name: id,
  short_name: short,
  value: id,
  productive: true,
  timeoff: false,
  background_color: bg,
  font_color: font,
  channels: [],
  import_id: null,
});
const work = type('work', 'W', '#111111');
const meeting = type('meeting', 'M', '#222222');

function item(agent: string, t: ActivityType, from: number, to: number, team = 'Team A'): ScheduledActivity {
  const activity: Activity = {
    id: `${agent}-${from}`,
    agent_id: agent,
    type_id: t.id,
    start_time: from,
    end_time: to,
    description: null,
    schedule_id: null,
  };
  return { activity, agent: { id: agent, name: agent, email: null, teams: [team] }, type: t };
}

describe('scheduleGrid', () => {
  it('a 23-hour day has 46 half-hour columns and 92 quarter-hour ones; labels skip 02:00', () => {
    const list = [item('ann', work, start + 9 * HOUR, start + 12 * HOUR)];
    const half = scheduleGrid(list, { start, end }, 30, zone);
    expect(half.grid.values[0]).toHaveLength(2 + 46);
    expect(half.grid.values[1]?.slice(2, 8)).toEqual(['00:00', '00:30', '01:00', '01:30', '03:00', '03:30']);
    expect(scheduleGrid(list, { start, end }, 15, zone).grid.values[0]).toHaveLength(2 + 92);
  });

  it('says the day above its first column and again every 12 columns of whole hours, so a grid scrolled sideways still says it', () => {
    const list = [item('ann', work, start + 9 * HOUR, start + 12 * HOUR)];
    const labelled = (minutes: 15 | 30) => {
      const { values } = scheduleGrid(list, { start, end: end + 24 * HOUR }, minutes, zone).grid;
      const [days, times] = values as string[][];
      return (days ?? []).flatMap((d, i) => (i >= 2 && d ? [`${times?.[i]} ${d}`] : []));
    };
    // Sunday 8 March loses 02:00, so its 06:00 is the tenth column, not the thirteenth: said by the clock.
    expect(labelled(30)).toEqual([
      '00:00 Sun 2026-03-08',
      '06:00 Sun 2026-03-08',
      '12:00 Sun 2026-03-08',
      '18:00 Sun 2026-03-08',
      '00:00 Mon 2026-03-09',
      '06:00 Mon 2026-03-09',
      '12:00 Mon 2026-03-09',
      '18:00 Mon 2026-03-09',
    ]);
    // Quarter hours: every 3 hours.
    expect(labelled(15).slice(0, 3)).toEqual([
      '00:00 Sun 2026-03-08',
      '03:00 Sun 2026-03-08',
      '06:00 Sun 2026-03-08',
    ]);
    expect(labelled(15)).toHaveLength(16);
  });

  it('a meeting on top of a shift wins its slots; a slot goes to the activity covering more of it', () => {
    const list = [
      item('ann', work, start + 9 * HOUR, start + 17 * HOUR),
      item('ann', meeting, start + 10 * HOUR, start + 11 * HOUR),
      // Covers 10 of bob's 30 minutes at 09:00: work (20 minutes) keeps it.
      item('bob', work, start + 9 * HOUR + 10 * 60_000, start + 10 * HOUR),
      item('bob', meeting, start + 9 * HOUR, start + 9 * HOUR + 10 * 60_000),
    ];
    const { grid, legend } = scheduleGrid(list, { start, end }, 30, zone);
    const times = grid.values[1] as string[];
    // 9 hours after midnight on this day is 10:00 local (the clocks went forward at 02:00).
    const at = (label: string) => times.indexOf(label);
    const ann = grid.values.findIndex((r) => r[1] === 'ann');
    const bob = grid.values.findIndex((r) => r[1] === 'bob');
    expect(grid.values[ann]?.[at('10:30')]).toBe('W');
    expect(grid.values[ann]?.[at('11:00')]).toBe('M');
    expect(grid.values[ann]?.[at('11:30')]).toBe('M');
    expect(grid.backgrounds[ann]?.[at('11:00')]).toBe('#222222');
    expect(grid.values[bob]?.[at('10:00')]).toBe('W');
    expect(grid.values[ann]?.[at('09:30')]).toBe('');
    expect(grid.backgrounds[ann]?.[at('09:30')]).toBeNull();
    expect(legend.values.slice(1)).toEqual([
      ['M', 'meeting'],
      ['W', 'work'],
    ]);
  });

  it('groups agents by team, then name', () => {
    const list = [
      item('zoe', work, start, start + HOUR, 'Alpha'),
      item('amy', work, start, start + HOUR, 'Beta'),
      item('bea', work, start, start + HOUR, 'Alpha'),
    ];
    const { grid } = scheduleGrid(list, { start, end }, 30, zone);
    expect(grid.values.slice(2).map((r) => [r[0], r[1]])).toEqual([
      ['Alpha', 'bea'],
      ['Alpha', 'zoe'],
      ['Beta', 'amy'],
    ]);
  });

  it("draws every type's text readable on its fill (4.5:1), keeping the type's own font where it reads", () => {
    // Assembled's colours as an account may have them: white on a mid green or blue does not read.
    const types = [
      type('chat', 'CH', '#6aa84f'),
      type('phones', 'PH', '#4a86e8'),
      type('email', 'EM', '#f1c232', '#000000'),
      type('pto', 'PTO', '#cc0000'),
      type('night', 'NT', '#1c2331', '#333333'),
      type('short', 'SH', '#FFF', '#ffffff'),
    ];
    const list = types.map((t, i) => item(`agent${i}`, t, start + HOUR, start + 3 * HOUR));
    const { grid, legend } = scheduleGrid(list, { start, end }, 30, zone);
    const cells = (p: typeof grid) =>
      p.backgrounds.flatMap((row, r) =>
        row.flatMap((bg, c) => (bg ? [{ text: p.values[r]?.[c], bg, font: p.fontColors[r]?.[c] }] : [])),
      );
    const long = (bg: string) => (bg.length === 4 ? bg.replace(/\w/g, '$&$&') : bg);
    const drawn = [...cells(grid), ...cells(legend)];
    expect(new Set(drawn.map((d) => d.text))).toEqual(new Set(['CH', 'PH', 'EM', 'PTO', 'NT', 'SH']));
    for (const { text, bg, font } of drawn)
      expect(contrastRatio(long(bg), font ?? '#000000'), `${text} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    const fontOf = (short: string) => drawn.find((d) => d.text === short)?.font;
    // Readable as Assembled gave them: kept.
    expect([fontOf('EM'), fontOf('PTO')]).toEqual(['#000000', '#ffffff']);
    expect([fontOf('CH'), fontOf('PH'), fontOf('NT'), fontOf('SH')]).toEqual([
      '#000000',
      '#000000',
      '#ffffff',
      '#000000',
    ]);
  });
});
