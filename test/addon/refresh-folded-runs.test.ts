// A refresh runs one run at a time: the runs that fall due while a run of it is retried are not
// started. The run that ends says which, in the log and on its card, or an hourly refresh's runs
// vanish without a word (QA).
import { describe, expect, it } from 'vitest';
import { saveAht, saveDailyAht, stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { lastRunText } from '../../src/ui/last-run';

const HOUR = 60 * 60_000;

const logRows = (rt: LocalRuntime): string[][] =>
  rt.workbook.sheetNames().includes('Assembled log')
    ? rt.workbook.displayValues('Assembled log').slice(1)
    : [];

const card = async (viewer: LocalRuntime) =>
  (await viewer.callFromSidebar<RefreshView[]>('listRefreshes'))[0];

describe('an hourly refresh whose run is retried over its next times', () => {
  it('says on the row that ends that run, and on its card, which runs were not started', async () => {
    // 18:20 in New York; the hourly check comes at 20 past.
    const { rt, sim } = await startLocalAddon({ now: '2026-12-06T23:20:00Z', dialect: 'live' });
    rt.workbook.addSheet('AHT');
    await saveAht(rt, {
      sheet: 'AHT',
      frequency: { kind: 'hourly' },
      preset: 'today',
      key: 'refresh-folded-hourly',
      notify: true,
    });
    // Assembled is down from the 19:00 run on, for 3 hours.
    sim.setFaults({ force5xx: 1_000_000 });
    await stepUntil(rt, () => logRows(rt).some((r) => r[4] === 'failed'), 6 * HOUR);
    const rows = logRows(rt);
    // The 19:00 run's attempts alone: no run of 20:00 or 21:00 began.
    expect(rows.map((r) => r[4])).toEqual(['retrying', 'retrying', 'failed']);
    expect(rows[2]?.[7]).toMatch(
      /gave up after 3 attempts\. The runs due 2026-12-06 20:00 and 21:00 were not started while this one was retried\. The next run, due 22:00, pulls the dates they were to pull\.$/,
    );
    for (const viewer of [rt, rt.asUser('editor@example.com')]) {
      const seen = await card(viewer);
      expect(seen?.lastRun).toMatchObject({
        status: 'failed',
        due: '2026-12-06 19:00',
        folded: 'the runs due 20:00 and 21:00 were not started while it was retried',
      });
      expect(lastRunText(seen as RefreshView)).toMatch(
        /^Due 2026-12-06 19:00, failed at 21:\d\d; the runs due 20:00 and 21:00 were not started while it was retried$/,
      );
      // Why it failed says Assembled's cause alone: the runs not started are said once, beside it.
      expect(seen?.lastRun?.message).not.toMatch(/not started/);
    }
    // Its owner's e-mail names them too, once, after how the run ended; its next run, in its own line.
    expect(rt.mail).toHaveLength(1);
    const lines = (rt.mail[0]?.body ?? '').split('\n');
    const ended = lines.findIndex((l) => l.endsWith('The add-on gave up after 3 attempts.'));
    expect(lines[ended + 1]).toBe(
      'The runs due 2026-12-06 20:00 and 21:00 were not started while this one was retried.',
    );
    expect(lines.filter((l) => /not started/.test(l))).toHaveLength(1);
    expect(lines).toContain('It runs again as scheduled, next at 2026-12-06 22:00 (America/New_York).');

    // Assembled is back: the next run, due 22:00, works and stood for no other.
    sim.setFaults({});
    await stepUntil(rt, () => logRows(rt).at(-1)?.[4] === 'done', 2 * HOUR);
    expect(logRows(rt).at(-1)?.[7]).not.toMatch(/not started/);
    const back = await card(rt);
    expect(back?.lastRun).toMatchObject({ status: 'done' });
    expect(back?.lastRun?.folded).toBeUndefined();
  });
});

describe('a daily refresh whose run fails once and works on its retry', () => {
  it('stood for no other run and says nothing of one', async () => {
    const { rt, sim } = await startLocalAddon({ now: '2026-12-06T10:20:00Z', dialect: 'live' });
    rt.workbook.addSheet('AHT');
    await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-folded-daily' });
    sim.setFaults({ force5xx: 1_000_000 });
    await stepUntil(rt, () => logRows(rt).length > 0, 3 * HOUR);
    expect(logRows(rt).map((r) => r[4])).toEqual(['retrying']);
    sim.setFaults({});
    await stepUntil(rt, () => logRows(rt).at(-1)?.[4] === 'done', 3 * HOUR);
    expect(logRows(rt).map((r) => r[4])).toEqual(['retrying', 'done']);
    expect(logRows(rt)[1]?.[7]).not.toMatch(/not started/);
    const seen = await card(rt);
    expect(seen?.lastRun).toMatchObject({ status: 'done' });
    expect(seen?.lastRun?.folded).toBeUndefined();
    expect(lastRunText(seen as RefreshView)).not.toMatch(/not started/);
  });
});
