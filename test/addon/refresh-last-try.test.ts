// A refresh's run tried again says on its card when its last try comes: the try it really ends on,
// not its give-up time, which no try reached (each retry's limit was counted from its failure,
// seconds into its tick, and crept past the tick an hour on that would have made the last try).
import { describe, expect, it } from 'vitest';
import { stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { Frequency } from '../../src/core/schedule/frequency';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { retryReason } from '../../src/ui/last-run';

const HOUR = 3_600_000;

const logRows = (rt: LocalRuntime) =>
  rt.workbook.sheetNames().includes('Assembled log')
    ? rt.workbook.displayValues('Assembled log').slice(1)
    : [];

/** A weekly adherence refresh, every report page after the first failing from the start. */
async function failingRefresh(now: string, frequency: Frequency) {
  const { rt, sim } = await startLocalAddon({ timezone: 'Europe/London', now, dialect: 'live' });
  rt.workbook.addSheet('Adherence');
  const [saved] = await rt.callFromSidebar<{ id: string }[]>(
    'saveRefresh',
    {
      spec: {
        source: { kind: 'report', report: 'adherence', granularity: 'day' },
        range: { kind: 'relative', preset: 'last_week' },
        target: { kind: 'sheet', name: 'Adherence' },
        mode: 'replace',
      },
      frequency,
      notifyByEmail: true,
    },
    'sk_live_test_last_try',
  );
  sim.setFaults({ failFromOffset: 1 });
  return { rt, id: saved?.id as string };
}

/** The card's "last try by", then the time of the try the run was given up after, to the minute. */
async function lastTries(rt: LocalRuntime, card: RefreshView | undefined) {
  const said = card?.retry ? retryReason(card.retry) : '';
  expect(said).toMatch(/ Last try by .*, then it is given up\.$/);
  await stepUntil(rt, () => logRows(rt).at(-1)?.[4] === 'failed', 6 * HOUR);
  const rows = logRows(rt);
  expect(rows.at(-1)?.[7]).toMatch(/gave up after \d attempts\./);
  return { promised: card?.retry?.lastTryBy, last: rows.at(-1)?.[0]?.slice(0, 16), said };
}

describe('a refresh run tried again', () => {
  it('started by Run now: its card names the try it is given up after as its last', async () => {
    const { rt, id } = await failingRefresh('2026-12-14T16:33:00Z', {
      kind: 'weekly',
      weekdays: [1],
      hour: 7,
    });
    await rt.callFromSidebar('runRefreshNow', id);
    // The sidebar carries the run on until its first attempt fails.
    let card: RefreshView | undefined;
    for (let i = 0; i < 30 && !card?.retry; i++) {
      await rt.clock.advanceAsync(10_000);
      [card] = await rt.callFromSidebar<RefreshView[]>('pollRefresh', id);
    }
    const { promised, last, said } = await lastTries(rt, card);
    expect(said).toMatch(/^Attempt 1 failed: /);
    expect(card?.nextRun).toMatch(/^Next try by 2026-12-14 17:33;/);
    expect(promised).toBe(last);
  });

  it('as scheduled: its card names the try it is given up after as its last, not its give-up time', async () => {
    // Ticks at 20 past the hour; due at 17:00, given up by 20:00 at the latest.
    const { rt } = await failingRefresh('2026-12-14T15:20:00Z', { kind: 'weekly', weekdays: [1], hour: 17 });
    await stepUntil(rt, () => logRows(rt).length > 0, 3 * HOUR);
    const [card] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    const { promised, last, said } = await lastTries(rt, card);
    expect(said).toMatch(/^Attempt 1 failed: /);
    expect(card?.nextRun).toMatch(/^Next try by 2026-12-14 18:20;/);
    expect(promised).toBe(last);
  });
});
