// A refresh's run refused by Assembled's rate limit (the workbench's "Rate-limits the next 60
// requests"): Assembled is up and its Retry-After says when to come back, so the run waits that
// long and tries again, uncounted, rather than count a failed attempt and wait an hour.
import { describe, expect, it } from 'vitest';
import { stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const MINUTE = 60_000;

const logRows = (rt: LocalRuntime) =>
  rt.workbook.sheetNames().includes('Assembled log')
    ? rt.workbook.displayValues('Assembled log').slice(1)
    : [];

/** A weekly refresh of last week's ticket stats into "Tickets", Mondays at 06:00 New York. */
async function ticketStats(now: string) {
  const addon = await startLocalAddon({ now, dialect: 'live' });
  addon.rt.workbook.addSheet('Tickets');
  const [saved] = await addon.rt.callFromSidebar<RefreshView[]>(
    'saveRefresh',
    {
      spec: {
        source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
        range: { kind: 'relative', preset: 'last_week' },
        target: { kind: 'sheet', name: 'Tickets' },
        mode: 'replace',
      },
      frequency: { kind: 'weekly', weekdays: [1], hour: 6 },
      notifyByEmail: true,
    },
    'sk_live_test_rate_limit',
  );
  return { ...addon, id: saved?.id as string };
}

describe("a refresh's run met by a storm of 60 rate-limit refusals", () => {
  it('pressed Run now on, waits its turn as the card says and is written within minutes, with no failed attempt', async () => {
    // Tuesday 8 December 2026, 00:20 in New York.
    const { rt, sim, id } = await ticketStats('2026-12-08T05:20:00Z');
    sim.setFaults({ force429: 60 });
    const pressed = rt.clock.now();
    let [card] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id);
    // Refused: the card says Assembled is up and the run waits its turn, not "Attempt 1 failed …
    // Next try by" an hour later.
    expect(card).toMatchObject({ running: true, retry: null });
    // Its first request reads the queues, as ticket stats are asked a queue at a time (queue-parts.ts).
    expect(card?.limited).toBe(
      "Assembled's rate limit was hit while reading queues. Assembled is up, so the run waits its turn and tries again.",
    );
    // The open list reads it every 3 s while it runs, carrying it on.
    for (let i = 0; i < 200 && card?.running; i++) {
      expect(card.retry).toBeNull();
      await rt.clock.advanceAsync(3_000);
      [card] = await rt.callFromSidebar<RefreshView[]>('pollRefresh', id);
    }
    expect(card).toMatchObject({ running: false, limited: '', lastRun: { status: 'done' } });
    expect(rt.clock.now() - pressed).toBeLessThan(10 * MINUTE);
    expect(sim.stats().rejected429).toBe(60);
    expect(logRows(rt).map((r) => r[4])).toEqual(['done']);
  });

  it('at its scheduled time, with no sidebar open, is written by the tick that started it', async () => {
    // Monday 7 December 2026, 05:30 in New York: due at 06:00.
    const { rt, sim } = await ticketStats('2026-12-07T10:30:00Z');
    sim.setFaults({ force429: 60 });
    await stepUntil(rt, () => logRows(rt).length > 0, 3 * 60 * MINUTE);
    expect(logRows(rt).map((r) => r[4])).toEqual(['done']);
    // Within the hour it was due, by the one hourly tick.
    expect(logRows(rt)[0]?.[0]).toMatch(/^2026-12-07 06:/);
    expect(rt.executions.filter((e) => e.kind === 'time-trigger' && e.error === undefined).length).toBe(1);
  });
});

describe("a refresh's run refused by the rate limit for longer than a storm", () => {
  it('counts the refusal as a failed attempt after 10 minutes, and keeps the refresh pace', async () => {
    const { rt, sim, id } = await ticketStats('2026-12-08T05:20:00Z');
    sim.setFaults({ force429: 1_000_000 });
    const pressed = rt.clock.now();
    let [card] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id);
    for (let i = 0; i < 400 && card && !card.retry; i++) {
      await rt.clock.advanceAsync(3_000);
      [card] = await rt.callFromSidebar<RefreshView[]>('pollRefresh', id);
    }
    expect(rt.clock.now() - pressed).toBeGreaterThanOrEqual(10 * MINUTE);
    expect(rt.clock.now() - pressed).toBeLessThan(12 * MINUTE);
    expect(card).toMatchObject({ running: true, limited: '', retry: { attempts: 1 } });
    expect(card?.retry?.reason).toMatch(/^Assembled's rate limit was hit while reading queues\.$/);
    // Its one log row so far is that attempt; the list asks no more until the refresh's pace allows.
    expect(logRows(rt).map((r) => r[4])).toEqual(['retrying']);
    const refused = sim.stats().rejected429;
    for (let i = 0; i < 100; i++) {
      await rt.clock.advanceAsync(3_000);
      await rt.callFromSidebar<RefreshView[]>('pollRefresh', id);
    }
    expect(sim.stats().rejected429).toBe(refused);
  });
});
