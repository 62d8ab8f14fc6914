// Merged pulls keep one row per record. A weekly KPI workbook merges each week's report into one
// sheet: every agent's (or queue's) day is its own row, so a second week adds its days beside the
// first week's; keyed by agent alone, the second week overwrote the first.
import { describe, expect, it } from 'vitest';
import { stepUntil } from '../../dev/daily-refresh';
import { startLocalAddon } from '../../dev/local-addon';
import { REPORT_TYPES } from '../../src/core/pull/catalogue';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { lastRunText } from '../../src/ui/last-run';
import { HOUR } from './hourly-teams';
import { pullToEnd } from './pull-to-end';

const week = (report: string, from: string, to: string) => ({
  source: { kind: 'report', report, granularity: 'day' },
  range: { kind: 'absolute', from, to },
  target: { kind: 'new_sheet', name: 'KPIs' },
  mode: 'merge',
});

describe('reports merged week after week', () => {
  for (const dialect of ['live', 'seed'] as const)
    it.each(REPORT_TYPES)(`${dialect}: %s keeps each week's days`, async (report) => {
      const { rt } = await startLocalAddon({ dialect });
      const rows = () => rt.workbook.values('KPIs').length - 1;
      const first = await pullToEnd(rt, week(report, '2026-05-11', '2026-05-17'), 'merge-wk-1');
      expect(first).toMatchObject({ state: 'done' });
      expect(first.rows).toBeGreaterThan(7);
      expect(rows()).toBe(first.rows);
      const again = await pullToEnd(rt, week(report, '2026-05-11', '2026-05-17'), 'merge-wk-2');
      expect(again).toMatchObject({ state: 'done' });
      expect(rows()).toBe(first.rows);
      const next = await pullToEnd(rt, week(report, '2026-05-18', '2026-05-24'), 'merge-wk-3');
      expect(next).toMatchObject({ state: 'done' });
      expect(rows()).toBe(first.rows + (next.rows ?? 0));
      // The sheet holds both weeks: the note says its range is the last pull's.
      expect(rt.workbook.notes('KPIs')[0]?.[0]).toMatch(
        /\nRange of the last pull, merged in: 2026-05-18 to 2026-05-24 \(/,
      );
    });
});

describe('a week pulled in part, then whole', () => {
  const weekTo = (to: string) => ({
    source: { kind: 'report', report: 'adherence', granularity: 'week' },
    range: { kind: 'absolute', from: '2026-05-11', to },
    target: { kind: 'new_sheet', name: 'Weekly' },
    mode: 'merge',
  });
  for (const dialect of ['live', 'seed'] as const)
    it(`${dialect}: the whole week updates each agent's cut-short week in its place, never beside it to count its days twice`, async () => {
      const { rt } = await startLocalAddon({ dialect });
      const first = await pullToEnd(rt, weekTo('2026-05-13'), 'part-week');
      expect(first).toMatchObject({ state: 'done' });
      expect(first.rows).toBeGreaterThan(1);
      const whole = await pullToEnd(rt, weekTo('2026-05-17'), 'whole-week');
      expect(whole).toMatchObject({ state: 'done', rows: first.rows });
      // Each whole week is its cut-short week, fuller: updated, none of them one more row.
      expect(whole.message).toBe(`${first.rows} rows merged into Weekly!A1: ${first.rows} updated, 0 added.`);
      const [header, ...rows] = rt.workbook.values('Weekly');
      expect(rows).toHaveLength(first.rows);
      const end = header?.indexOf('End') ?? -1;
      expect(new Set(rows.map((r) => String(r[end]))).size).toBe(1);
      // A part of that week pulled again never replaces the whole of it: it is left out.
      const after = rt.workbook.values('Weekly');
      const part = await pullToEnd(rt, weekTo('2026-05-12'), 'part-again');
      expect(part).toMatchObject({ state: 'done', rows: 0 });
      expect(part.message).toContain(
        `0 updated, 0 added; ${first.rows} rows left out, as longer rows in the sheet hold all their time`,
      );
      expect(rt.workbook.values('Weekly')).toEqual(after);
    });
});

describe('a merge refresh of today, hourly', () => {
  it("updates each agent's day as it fills, and says so: no row reads as replaced", async () => {
    const { rt } = await startLocalAddon({ now: '2026-05-20T15:10:00Z' });
    rt.workbook.addSheet('AHT today');
    const spec = {
      source: { kind: 'report', report: 'handle_time', granularity: 'day' },
      range: { kind: 'relative', preset: 'today' },
      target: { kind: 'sheet', name: 'AHT today' },
      mode: 'merge',
    };
    await rt.callFromSidebar(
      'saveRefresh',
      { spec, frequency: { kind: 'hourly' }, notifyByEmail: false },
      'today-hourly-1',
    );
    const log = () => rt.workbook.displayValues('Assembled log').slice(1);
    await stepUntil(
      rt,
      () => rt.workbook.sheetNames().includes('Assembled log') && log().length >= 3,
      4 * HOUR,
    );
    const [first, ...later] = log().map((r) => r[7] ?? '');
    expect(first).toMatch(/^\d+ rows written to 'AHT today'!A1\.$/);
    // Agents who took a ticket since are added.
    expect(later).toEqual(
      later.map(() =>
        expect.stringMatching(/^\d+ rows merged into 'AHT today'!A1: [1-9]\d* updated, \d+ added\.$/),
      ),
    );
    // Its card counts the last run's rows as the log does: updated and added, not "N rows".
    const [card] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    const counted = /: (\d+) updated, (\d+) added\.$/.exec(later.at(-1) ?? '');
    expect(card?.lastRun?.merged).toEqual({ updated: Number(counted?.[1]), added: Number(counted?.[2]) });
    expect(lastRunText(card as RefreshView)).toMatch(/, [1-9]\d* updated, \d+ added$/);
    // Each agent's day is one row, its end the last run's.
    const [header, ...rows] = rt.workbook.values('AHT today');
    const agents = rows.map((r) => r[header?.indexOf('Agent ID') ?? -1]);
    expect(new Set(agents).size).toBe(rows.length);
    expect(new Set(rows.map((r) => String(r[header?.indexOf('End') ?? -1]))).size).toBe(1);
  });
});

describe('lists merged again', () => {
  it.each(['requirements', 'time_off_updates'])(
    'live: %s merged twice keeps one row per record',
    async (resource) => {
      const { rt } = await startLocalAddon({ dialect: 'live' });
      const spec = {
        source: { kind: 'resource', resource },
        range: { kind: 'absolute', from: '2026-05-11', to: '2026-05-17' },
        target: { kind: 'new_sheet', name: 'List' },
        mode: 'merge',
      };
      const first = await pullToEnd(rt, spec, 'merge-list-1');
      expect(first).toMatchObject({ state: 'done' });
      expect(first.rows).toBeGreaterThan(1);
      // Assembled's client reads no id on a requirement, and the simulator's live dialect sends none.
      if (resource === 'requirements') expect(rt.workbook.values('List')[0]).not.toContain('ID');
      expect(await pullToEnd(rt, spec, 'merge-list-2')).toMatchObject({ state: 'done' });
      expect(rt.workbook.values('List').length - 1).toBe(first.rows);
    },
  );
});
