// A refresh's card and its row in the log name the same time for a run: its end. QA read "Last run
// 2026-12-07 07:21" on the card beside a log row at 07:22:00: the log took the time it was written,
// after the run's staging sheets were gone, with a fraction of a second a spreadsheet may round up.
import { expect, it } from 'vitest';
import { saveDailyAht, stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const HOUR = 3_600_000;

const logRows = (rt: LocalRuntime) =>
  rt.workbook.sheetNames().includes('Assembled log') ? rt.workbook.values('Assembled log').slice(1) : [];

it("a scheduled run's log row is at the end its card says, to the whole second", async () => {
  const { rt } = await startLocalAddon({
    mode: 'bound',
    now: '2026-12-06T12:00:00Z',
    timezone: 'Europe/Berlin',
  });
  rt.workbook.addSheet('AHT');
  await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-when-0001' });
  await stepUntil(rt, () => logRows(rt).length > 0, 24 * HOUR);

  const [card] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
  const [[when] = []] = logRows(rt);
  expect(when).toBeInstanceOf(Date);
  // The instant the card's Last run is, cut to the second: no fraction for Sheets to round up.
  expect((when as Date).getTime()).toBe(Math.floor((card?.ranAt ?? 0) / 1000) * 1000);
  const [shown = ''] = rt.workbook.displayValues('Assembled log')[1] ?? [];
  expect(card?.lastRun?.at).toBe(shown.slice(0, 16));
});
