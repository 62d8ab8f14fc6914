// A pull that finds no rows names the filters it went out with: an agent or queue ticked while
// other data was chosen stays ticked (the form keeps it), and "No rows" alone hid that it narrowed
// the pull.
import { describe, expect, it } from 'vitest';
import { type LocalAddon, startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR } from './hourly-teams';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `no-rows-key-${String(++keys).padStart(6, '0')}`;

type Org = LocalAddon['sim']['admin']['org'];

/**
 * Activities, for two agents who work Monday to Friday, on chat: of Sunday (yesterday; the clock
 * is on a Monday) by default, when they have none.
 */
function acts(
  org: Org,
  resource: string,
  target: object,
  range: object = { kind: 'relative', preset: 'yesterday' },
) {
  const [a, b] = org.people.filter((p) => org.plans.get(p.agent_id)?.weekdays.join() === '1,2,3,4,5');
  return {
    source: { kind: 'resource', resource },
    range,
    filters: { agent_ids: [a?.agent_id, b?.agent_id], channel: 'chat' },
    filterNames: { agent_ids: ['Ana', 'Bo'] },
    target,
    mode: 'replace',
  };
}

describe('A pull with filters that finds no rows', () => {
  it('names the filters in force, and how to take them off', async () => {
    const { rt, sim } = await startLocalAddon();
    const { org } = sim.admin;
    const job = await pullToEnd(rt, acts(org, 'activities', { kind: 'new_sheet', name: 'Acts' }), key());
    expect(job.message).toBe(
      'No rows for agents "Ana" and "Bo" and agents on channel chat picked under Filters: Assembled holds none for this range and these filters, so Acts!A1 shows "(no records)". Clear filters, beside Pull data, takes them off.',
    );
    const grid = await pullToEnd(rt, acts(org, 'schedule_grid', { kind: 'new_sheet', name: 'Grid' }), key());
    expect(grid.message).toMatch(
      /^No activities for agents "Ana" and "Bo" and agents on channel chat picked under Filters: 0 agents drawn on Grid!A1; the legend is at [A-Z]+1:[A-Z]+\d+\. Clear filters, beside Pull data, takes them off\.$/,
    );
    // None in force, over days ahead that Assembled holds no schedule for: that they lie ahead.
    const future = { kind: 'absolute', from: '2028-01-01', to: '2028-01-02' };
    const none = await pullToEnd(
      rt,
      { ...acts(org, 'activities', { kind: 'sheet', name: 'Acts' }, future), filters: {}, filterNames: {} },
      key(),
    );
    expect(none.message).toBe(
      'No rows: Assembled holds nothing yet for 2028-01-01 to 2028-01-02, which lies ahead: schedules may not be planned yet, so Acts!A1 shows "(no records)".',
    );
  });

  // A team's adherence for next month, past the two weeks Assembled plans ahead, blamed the filters
  // alone: "Assembled holds none for this range and these filters … Clear filters … takes them off".
  it('says too that its range lies ahead, where schedules may not be planned, not only that the filters found none', async () => {
    const { rt, sim } = await startLocalAddon({ now: '2027-01-03T15:00:00Z' });
    const team = sim.admin.org.teams.find((t) => t.name === 'Tier 1 Americas');
    const adherence = (from: string, to: string, name: string) => ({
      source: { kind: 'report', report: 'adherence', granularity: 'day' },
      range: { kind: 'absolute', from, to },
      filters: { team_ids: [team?.id] },
      filterNames: { team_ids: ['Tier 1 Americas'] },
      target: { kind: 'new_sheet', name },
      mode: 'replace',
    });
    const job = await pullToEnd(rt, adherence('2027-02-01', '2027-02-28', 'Bad'), key());
    expect(job.message).toBe(
      'No rows for team "Tier 1 Americas" picked under Filters: Assembled holds none for 2027-02-01 to 2027-02-28 and these filters, so Bad!A1 shows "(no records)". Clear filters, beside Pull data, takes them off. If none come without filters either, it is because the range lies ahead, where schedules may not be planned yet, nor any time adherent.',
    );
    // Within the two weeks planned, the team's rows come.
    const near = await pullToEnd(rt, adherence('2027-01-05', '2027-01-06', 'Near'), key());
    expect(near.rows).toBeGreaterThan(0);
  });

  // QA: two agents' Vacation next week was told "Assembled holds nothing yet for 2026-12-14 to
  // 2026-12-20, which lies ahead: schedules may not be planned yet", a minute after the same
  // agents and week gave 30 Chat and Lunch rows.
  it('over days ahead, says the filters found none there, and how to take them off, before that the range lies ahead', async () => {
    const { rt, sim } = await startLocalAddon({ now: '2026-12-07T15:00:00Z' });
    const week = acts(
      sim.admin.org,
      'activities',
      { kind: 'new_sheet', name: 'All' },
      { kind: 'relative', preset: 'next_week' },
    );
    const agents = { agent_ids: week.filters.agent_ids };
    expect((await pullToEnd(rt, { ...week, filters: agents }, key())).rows).toBeGreaterThan(0);
    const vacation = {
      ...week,
      filters: { ...agents, activity_type_ids: ['at_vacation'] },
      filterNames: { agent_ids: ['Ana', 'Bo'], activity_type_ids: ['Vacation'] },
      target: { kind: 'new_sheet', name: 'Vacation' },
    };
    expect((await pullToEnd(rt, vacation, key())).message).toBe(
      'No rows for agents "Ana" and "Bo" and activity type "Vacation" picked under Filters: Assembled holds none for 2026-12-14 to 2026-12-20 and these filters, so Vacation!A1 shows "(no records)". Clear filters, beside Pull data, takes them off. If none come without filters either, it is because the range lies ahead, where schedules may not be planned yet.',
    );
  });

  it("names a refresh's filters as its own, with no button to press", async () => {
    const { rt, sim } = await startLocalAddon();
    rt.workbook.addSheet('Acts');
    const spec = acts(sim.admin.org, 'activities', { kind: 'sheet', name: 'Acts' });
    const [saved] = await rt.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      { spec, frequency: { kind: 'hourly' }, notifyByEmail: false },
      key(),
    );
    await rt.callFromSidebar('runRefreshNow', saved?.id);
    const card = async () => (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    for (let i = 0; i < 5 && !(await card())?.lastRun; i++) await rt.clock.advanceAsync(HOUR);
    expect((await card())?.lastRun?.message).toBe(
      `No rows for agents "Ana" and "Bo" and agents on channel chat (the refresh's filters): Assembled holds none for this range and these filters, so Acts!A1 shows "(no records)".`,
    );
  });
});
