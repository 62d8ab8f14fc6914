// A report's rows by day, week or month are whole days in the sheet's zone, yet Start and End showed
// "2026-11-30 00:00:00" to "2026-12-01 00:00:00", and a November row ended "2026-12-01 00:00:00": an
// analyst filtering End <= 30 November, or reading a November row that ends in December, is a day
// off. Start and End now show as dates (yyyy-mm-dd; still date values), and the header note says
// End is exclusive. End keeps its header and value, so a sheet pulled before merges, appends and
// refreshes as it did. Intervals keep their times, and so does a row cut short at the pull's time.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { pullToEnd } from './pull-to-end';

const EXCLUSIVE = "End: the period's end, exclusive: 00:00 of the day after its last day";

const adherence = (granularity: string, from: string, to: string, target: object, mode = 'replace') => ({
  source: { kind: 'report', report: 'adherence', granularity },
  range: { kind: 'absolute', from, to },
  target,
  mode,
});

/** Each row's "Start -> End" as the sheet shows them, how many rows each has, and the columns' values. */
function table(rt: LocalRuntime, sheet: string) {
  const [header = [], ...rows] = rt.workbook.displayValues(sheet);
  const [start, end] = [header.indexOf('Start'), header.indexOf('End')];
  const values = rt.workbook.values(sheet).slice(1);
  const spans = rows.map((r) => `${r[start]} -> ${r[end]}`);
  const counts: Record<string, number> = {};
  for (const span of spans) counts[span] = (counts[span] ?? 0) + 1;
  return {
    header,
    spans,
    counts,
    dates: values.every((r) => r[start] instanceof Date && r[end] instanceof Date),
    note: rt.workbook.notes(sheet)[0]?.[0] ?? '',
  };
}

const keys = (() => {
  let n = 0;
  return () => `day-rows-${String(++n).padStart(6, '0')}`;
})();

describe("a report's rows by day, week or month", () => {
  it.each([
    ['America/New_York', 'rolled up from intervals'],
    ['Europe/London', "Assembled's own days, London being at UTC in November"],
  ])('show Start and End as dates in %s (%s), and the note says End is exclusive', async (timezone) => {
    const { rt } = await startLocalAddon({ timezone, now: '2026-12-03T15:00:00Z' });
    const days = await pullToEnd(
      rt,
      adherence('day', '2026-11-29', '2026-11-30', { kind: 'new_sheet', name: 'Days' }),
      keys(),
    );
    expect(days.state).toBe('done');
    const t = table(rt, 'Days');
    expect(new Set(t.spans)).toEqual(new Set(['2026-11-29 -> 2026-11-30', '2026-11-30 -> 2026-12-01']));
    // Still date values: =B2+1 and a filter by date work on them.
    expect(t.dates).toBe(true);
    expect(t.note).toContain(EXCLUSIVE);

    const month = await pullToEnd(
      rt,
      adherence('month', '2026-11-01', '2026-11-30', { kind: 'new_sheet', name: 'Month' }),
      keys(),
    );
    expect(month.state).toBe('done');
    expect(new Set(table(rt, 'Month').spans)).toEqual(new Set(['2026-11-01 -> 2026-12-01']));
    expect(table(rt, 'Month').note).toContain(EXCLUSIVE);
  });

  it('keep the time of a row cut short at the pull’s time, the whole days beside it dates', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-03T15:00:00Z' });
    const job = await pullToEnd(
      rt,
      adherence('day', '2026-12-02', '2026-12-03', { kind: 'new_sheet', name: 'So far' }),
      keys(),
    );
    expect(job.state).toBe('done');
    const spans = new Set(table(rt, 'So far').spans);
    // 15:00 UTC is 10:00 in New York: the rows stop at the last whole interval, 09:30 to 10:00.
    expect(spans).toEqual(new Set(['2026-12-02 -> 2026-12-03', '2026-12-03 -> 2026-12-03 10:00:00']));
  });
});

describe("a report's 30-minute intervals", () => {
  it('keep their times of day, and their note says nothing of days', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-03T15:00:00Z' });
    const job = await pullToEnd(
      rt,
      adherence('interval', '2026-11-30', '2026-11-30', { kind: 'new_sheet', name: 'Intervals' }),
      keys(),
    );
    expect(job.state).toBe('done');
    const t = table(rt, 'Intervals');
    expect(t.spans).toContain('2026-11-30 00:00:00 -> 2026-11-30 00:30:00');
    expect(t.spans).toContain('2026-11-30 23:30:00 -> 2026-12-01 00:00:00');
    expect(t.note).not.toContain(EXCLUSIVE);
  });
});

describe('a sheet of days pulled before Start and End showed as dates', () => {
  /** The sheet as the version before wrote it: the same table, its dates with times, no word of End. */
  async function oldSheet(rt: LocalRuntime) {
    rt.workbook.addSheet('Adherence');
    const target = { kind: 'sheet', name: 'Adherence' };
    expect(await pullToEnd(rt, adherence('day', '2026-11-28', '2026-11-30', target), keys())).toMatchObject({
      state: 'done',
    });
    const { header, spans, note } = table(rt, 'Adherence');
    const [start, end] = ['Start', 'End'].map((h) => String.fromCharCode(65 + header.indexOf(h)));
    for (const col of [start, end])
      rt.workbook.numberFormat(`Adherence!${col}2:${col}${spans.length + 1}`, 'yyyy-mm-dd hh:mm:ss');
    rt.workbook.note(
      'Adherence!A1',
      note
        .split('\n')
        .filter((l) => !l.startsWith('End:'))
        .join('\n'),
    );
    const old = table(rt, 'Adherence');
    expect(Object.keys(old.counts)).toEqual([
      '2026-11-28 00:00:00 -> 2026-11-29 00:00:00',
      '2026-11-29 00:00:00 -> 2026-11-30 00:00:00',
      '2026-11-30 00:00:00 -> 2026-12-01 00:00:00',
    ]);
    return { target, counts: Object.values(old.counts), header };
  }

  it('merges the same days and the next by their Start and End: updated, not added twice', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-03T15:00:00Z' });
    const { target, counts, header } = await oldSheet(rt);
    const job = await pullToEnd(rt, adherence('day', '2026-11-29', '2026-12-01', target, 'merge'), keys());
    expect(job.state).toBe('done');
    const t = table(rt, 'Adherence');
    expect(t.header).toEqual(header);
    // The days it held updated in place, as many rows each, now shown as dates; the next day added.
    expect(Object.keys(t.counts)).toEqual([
      '2026-11-28 -> 2026-11-29',
      '2026-11-29 -> 2026-11-30',
      '2026-11-30 -> 2026-12-01',
      '2026-12-01 -> 2026-12-02',
    ]);
    expect(Object.values(t.counts).slice(0, 3)).toEqual(counts);
    expect(job.message).toMatch(new RegExp(`${(counts[1] ?? 0) + (counts[2] ?? 0)} updated`));
    expect(t.note).toContain(EXCLUSIVE);
  });

  it('takes an append of the days after it, and a refresh that appends yesterday adds it once', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-03T15:00:00Z' });
    const { target, counts, header } = await oldSheet(rt);
    const append = adherence('day', '2026-11-30', '2026-12-01', target, 'append');
    expect(await pullToEnd(rt, append, keys())).toMatchObject({ state: 'done' });
    const spec = { ...append, range: { kind: 'relative', preset: 'yesterday' } };
    const [saved] = await rt.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      { spec, frequency: { kind: 'daily', hour: 7 }, notifyByEmail: false },
      'refresh-000001',
    );
    for (let run = 0; run < 2; run++) {
      let [view] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', saved?.id);
      // The sidebar reads the list again every 3 s while the run is under way.
      for (let i = 0; i < 40 && view?.running; i++) {
        await rt.clock.advanceAsync(3_000);
        [view] = await rt.callFromSidebar<RefreshView[]>('pollRefresh', saved?.id);
      }
      expect(view?.lastRun?.status).toBe('done');
    }
    const t = table(rt, 'Adherence');
    expect(t.header).toEqual(header);
    // The rows written before keep their look (an append writes only the rows it adds), each once.
    expect(Object.keys(t.counts)).toEqual([
      '2026-11-28 00:00:00 -> 2026-11-29 00:00:00',
      '2026-11-29 00:00:00 -> 2026-11-30 00:00:00',
      '2026-11-30 00:00:00 -> 2026-12-01 00:00:00',
      '2026-12-01 -> 2026-12-02',
      '2026-12-02 -> 2026-12-03',
    ]);
    expect(Object.values(t.counts).slice(0, 3)).toEqual(counts);
    expect(t.note).toContain(EXCLUSIVE);
  });
});
