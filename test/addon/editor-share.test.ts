// Each editor's share of the spreadsheet's storage (80 KB): the records of finished runs give way
// to new work, so the refreshes the add-on accepted keep running for good, and there is room left
// for a pull and a push besides.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import type { PushView } from '../../src/core/push/push-view';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { TIME_OFF_HEADER } from '../support/time-off-template';

const DAY = 24 * 3_600_000;

function logRows(rt: LocalRuntime): string[][] {
  if (!rt.workbook.sheetNames().includes('Assembled log')) return [];
  return rt.workbook.displayValues('Assembled log').slice(1);
}

describe("an editor's share of the spreadsheet's storage", () => {
  it('20 refreshes of the largest kinds, hourly and daily, run for a week for each of two editors: every run succeeds', async () => {
    const { rt, sim, backend } = await startLocalAddon({ now: '2026-05-25T13:10:00Z' });
    const sam = rt.asUser('sam@example.com');
    await sam.callFromSidebar('saveSettings', {
      apiKey: backend.key,
      timeFormat: backend.timeFormat,
      apiVersion: '',
    });
    const teams = sim.admin.org.teams.slice(0, 2);
    const reports = ['adherence', 'ticket_stats', 'handle_time'];
    // Ticket stats of one queue: over all seven they are asked a report per queue (queue-parts.ts),
    // some three minutes a run, and an editor's hourly one would spend more than a day's background
    // time (background.ts) on its own. This is of storage, not of that.
    const queue = { queue_ids: [sim.admin.org.queues[0]?.id ?? ''] };
    // As large as refreshes' records grow: reports over a range, filtered by teams named in the
    // sheet's note, into long sheet names; the daily ones append, keeping the days they appended.
    const save = (editor: LocalRuntime, n: number, daily: boolean) => {
      const sheet = `${daily ? 'Daily' : 'Hourly'} ${reports[n % 3]} report for the support teams ${n}`;
      editor.workbook.addSheet(sheet);
      return editor.callFromSidebar<RefreshView[]>(
        'saveRefresh',
        {
          spec: {
            source: { kind: 'report', report: reports[n % 3], granularity: 'day' },
            range: { kind: 'relative', preset: daily ? 'yesterday' : 'today' },
            filters: { team_ids: teams.map((t) => t.id), ...(n % 3 === 1 ? queue : {}) },
            filterNames: { team_ids: teams.map((t) => t.name) },
            target: { kind: 'cell', sheet, a1: 'B3' },
            mode: daily ? 'append' : 'replace',
          },
          frequency: daily ? { kind: 'daily', hour: n % 24 } : { kind: 'hourly' },
          notifyByEmail: true,
        },
        `refresh-key-${String(n).padStart(4, '0')}`,
      );
    };
    for (let n = 0; n < 20; n++) await save(rt, n, n >= 4);
    for (let n = 20; n < 25; n++) await save(sam, n, n >= 23);

    await rt.clock.advanceAsync(7 * DAY);

    const runs = logRows(rt);
    expect(runs.filter((r) => r[4] !== 'done')).toEqual([]);
    // Every hour of the week for an hourly refresh (the week's first and last ticks may fall
    // beside its hours), every day for a daily one.
    const ran = (n: number) => runs.filter((r) => r[3]?.endsWith(` ${n}'!B3`)).length;
    const hourly = (n: number) => n < 4 || (n >= 20 && n < 23);
    for (let n = 0; n < 25; n++) expect(ran(n)).toBeGreaterThanOrEqual(hourly(n) ? 7 * 24 - 2 : 7 - 1);
    expect(rt.mail).toEqual([]);
    // Room is left beside them: each editor can still pull and push.
    const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    for (const [i, editor] of [rt, sam].entries()) {
      const cards = await editor.callFromSidebar<RefreshView[]>('listRefreshes');
      for (const card of cards.filter((c) => c.mine)) expect(card.lastRun?.status).toBe('done');
      const pull = await editor.callFromSidebar<JobView>(
        'startPull',
        {
          source: { kind: 'resource', resource: 'people' },
          target: { kind: 'new_sheet', name: `People ${i}` },
          mode: 'replace',
        },
        `pull-key-${i}-0001`,
      );
      expect(pull.state).toBe('done');
      const leave = `Leave ${i}`;
      editor.workbook.write(leave, [
        TIME_OFF_HEADER,
        [agents[i]?.email, '2026-08-03 09:00', '2026-08-03 17:00', '', 'pto', ''],
      ]);
      editor.workbook.select(`${leave}!A1`);
      const push = await editor.callFromSidebar<PushView>('startPush', 'time_off', `push-key-${i}-0001`);
      expect(push.state).not.toBe('failed');
    }
    // About 40 s of CPU (a week of some 4,000 runs, each fetching and writing a report): on a
    // 2-core machine busy with the other test files that can take over 300 s of wall time.
  }, 900_000);
});
