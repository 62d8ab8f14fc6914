// A refresh's run goes on with its owner's key alone: in their open Scheduled refreshes, else at
// their hourly background check. Another editor's card says so, and by when, as a push's does.
import { describe, expect, it } from 'vitest';
import { saveDailyAht, stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const card = async (viewer: LocalRuntime) =>
  (await viewer.callFromSidebar<RefreshView[]>('listRefreshes'))[0];

const logStatuses = (rt: LocalRuntime) =>
  rt.workbook.sheetNames().includes('Assembled log')
    ? rt.workbook
        .displayValues('Assembled log')
        .slice(1)
        .map((r) => r[4])
    : [];

describe("a refresh's run under way, seen by another editor once its owner's sidebar is closed", () => {
  it('says who carries it on and by when at the latest, to its owner in their words; the hourly check keeps that word', async () => {
    const { rt } = await startLocalAddon({ mode: 'addon', reportDelayMs: 35_000 });
    rt.workbook.addSheet('AHT');
    const [saved] = await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-carried-on' });
    const id = saved?.id as string;
    const [own] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id);
    expect(own?.running).toBe(true);
    expect(own?.carriedOn).toMatch(
      /^It goes on while you have Scheduled refreshes open, else by \d{4}-\d{2}-\d{2} \d{2}:\d{2} at your hourly background check\.$/,
    );
    const seen = await card(rt.asUser('editor@example.com'));
    expect(seen).toMatchObject({ mine: false, running: true });
    const by =
      /^It goes on while analyst@example\.com has Scheduled refreshes open, else by (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) at their hourly background check\.$/.exec(
        seen?.carriedOn ?? '',
      );
    expect(by).not.toBeNull();
    // Read again minutes later, the time stands: it is not pushed back as the card is reopened.
    await rt.clock.advanceAsync(2 * 60_000);
    expect((await card(rt.asUser('editor@example.com')))?.carriedOn).toBe(seen?.carriedOn);
    // The owner's sidebar is closed: nobody polls. The run ends by the time the card gave.
    await stepUntil(rt, () => logStatuses(rt).length > 0, 2 * 60 * 60_000);
    expect(logStatuses(rt)).toEqual(['done']);
    const ended = rt.workbook.displayValues('Assembled log')[1]?.[0] ?? '';
    expect(ended.slice(0, 16) <= (by?.[1] ?? '')).toBe(true);
    expect(await card(rt.asUser('editor@example.com'))).toMatchObject({ running: false, carriedOn: '' });
  });

  it('keeps one time for the hourly check however often the card is read, then says it is overdue', async () => {
    const { rt } = await startLocalAddon({ mode: 'addon', reportDelayMs: 35_000 });
    rt.workbook.addSheet('AHT');
    const [saved] = await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-overdue-check' });
    await rt.callFromSidebar<RefreshView[]>('runRefreshNow', saved?.id as string);
    const editor = rt.asUser('editor@example.com');
    // The owner's sidebar is closed and their hourly check does not come (rt.clock.set fires no trigger).
    const carriedOn = async (minutes: number) => {
      rt.clock.set(rt.clock.now() + minutes * 60_000);
      return (await card(editor))?.carriedOn ?? '';
    };
    const first = await carriedOn(1);
    const by = / else by (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) at their hourly background check\.$/.exec(
      first,
    )?.[1];
    expect(by).toBeDefined();
    expect(await carriedOn(30)).toBe(first);
    const late = `It goes on while analyst@example.com has Scheduled refreshes open; their hourly background check was due to take it up by ${by} and has not (it may be off).`;
    expect(await carriedOn(60)).toBe(late);
    expect(await carriedOn(1)).toBe(late);
    expect(await carriedOn(15)).toBe(late);
  });
});
