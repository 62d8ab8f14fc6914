// Scheduled refreshes through the built bundle, ticked hourly as the published add-on is: how long
// after its due time a daily 07:00 refresh is written when Assembled builds its report in 20 s and
// in 10 minutes, and, when the report's later pages always fail, when its first failed attempt is
// seen and when its owner is e-mailed that the run was given up.

import { saveDailyAht, stepUntil } from '../dev/daily-refresh';
import type { LocalRuntime } from '../dev/gas';
import { startLocalAddon } from '../dev/local-addon';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function logStatuses(rt: LocalRuntime): string[] {
  if (!rt.workbook.sheetNames().includes('Assembled log')) return [];
  return rt.workbook
    .values('Assembled log')
    .slice(1)
    .map((r) => String(r[4]));
}

/** Steps the clock until `done` holds (within 12 hours); minutes from `since` to then. */
async function minutesUntil(rt: LocalRuntime, done: () => boolean, since: number): Promise<number> {
  await stepUntil(rt, done, 12 * HOUR);
  if (!done()) throw new Error('The refresh did not get there within 12 hours');
  return Math.round((rt.clock.now() - since) / MINUTE);
}

/** 07:00 in New York on 25 May 2026; the refresh is saved at 05:10, so the hourly tick comes at :10. */
const DUE = Date.parse('2026-05-25T11:00:00Z');

async function built(reportDelayMs: number): Promise<{ minutes: number; ticks: number }> {
  const { rt } = await startLocalAddon({ now: '2026-05-25T09:10:00Z', reportDelayMs });
  rt.workbook.write('AHT', [['agent'], ['a1']]);
  await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'bench-refresh-plain' });
  await rt.clock.advanceAsync(DUE - rt.clock.now());
  const minutes = await minutesUntil(rt, () => logStatuses(rt).includes('done'), DUE);
  const ticks = rt.executions.filter(
    (e) => e.kind === 'time-trigger' && e.startedAt >= DUE && e.startedAt <= DUE + minutes * MINUTE,
  );
  return { minutes, ticks: ticks.length };
}

async function failing(): Promise<{ seen: number; mailed: number; attempts: number }> {
  const { rt, sim } = await startLocalAddon({ now: '2026-05-25T09:10:00Z', dialect: 'live' });
  rt.workbook.write('AHT', [['agent'], ['a1']]);
  const [saved] = await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'bench-refresh-mail', notify: true });
  // A first run that lands, so the refresh has a previous "done" to keep showing.
  await rt.callFromSidebar('runRefreshNow', saved?.id);
  await minutesUntil(rt, () => logStatuses(rt).includes('done'), rt.clock.now());
  sim.setFaults({ failFromOffset: 1 });
  await rt.clock.advanceAsync(DUE - rt.clock.now());
  const seen = await minutesUntil(rt, () => logStatuses(rt).includes('retrying'), DUE);
  const mailed = await minutesUntil(rt, () => rt.mail.length > 0, DUE);
  return { seen, mailed, attempts: logStatuses(rt).filter((s) => s === 'retrying').length + 1 };
}

export async function run(): Promise<Record<string, number | string>> {
  const quick = await built(20_000);
  const slow = await built(10 * MINUTE);
  const bad = await failing();
  return {
    'report in 20 s: min due to done': quick.minutes,
    'report in 20 s: hourly ticks': quick.ticks,
    'report in 10 min: min due to done': slow.minutes,
    'report in 10 min: hourly ticks': slow.ticks,
    'failing: min due to first failed attempt shown': bad.seen,
    'failing: min due to give-up e-mail': bad.mailed,
    'failing: attempts': bad.attempts,
  };
}
