// Activities pushed through the built bundle, in both dialects, across a week that leaves summer
// time, in New York and in Berlin: creates, updates and deletes through the bulk transaction (a
// refused batch split to find its row), windows cleared with DELETE, a lost answer reconciled.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime, SimResponse } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { activityStore } from '../../dev/simulator/schedules';
import type { PushView } from '../../src/core/push/push-view';
import { rowsInUse } from './in-runtime';

// New York leaves summer time on 1 November 2026, Berlin on 25 October: each week holds the change.
const WEEKS = [
  {
    timezone: 'America/New_York',
    before: '2026-10-31',
    dst: '2026-11-01',
    after: '2026-11-02',
    offsets: [4, 5],
  },
  {
    timezone: 'Europe/Berlin',
    before: '2026-10-24',
    dst: '2026-10-25',
    after: '2026-10-26',
    offsets: [-2, -1],
  },
] as const;

const HEADER = [
  'Action',
  'Activity ID',
  'Agent',
  'Type',
  'Start',
  'End',
  'Description',
  'Schedule',
  'Allow conflicts',
];
let keys = 0;
const key = () => `act-push-${String(++keys).padStart(6, '0')}`;

async function push(rt: LocalRuntime, kind: string): Promise<PushView> {
  let view = await rt.callFromSidebar<PushView>('startPush', kind, key());
  for (let i = 0; view.state === 'running' && i < 50; i++) {
    await rt.clock.advanceAsync(view.nextPollInMs);
    view = await rt.callFromSidebar<PushView>('pollPush', view.id);
  }
  return view;
}

function records(rt: LocalRuntime, sheet: string): Record<string, unknown>[] {
  const [head = [], ...rows] = rowsInUse(rt.workbook.values(sheet));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [String(h), r[i]])));
}

/** UTC ms of a local wall-clock time, given the zone's offset from UTC in hours that day. */
const utc = (day: string, hour: number, offset: number) =>
  Date.parse(`${day}T00:00:00Z`) + (hour + offset) * 3_600_000;

describe.each(['seed', 'live'] as const)('Activities push, %s dialect', (dialect) => {
  it.each(WEEKS)(
    'a DST week in $timezone: create, update, delete, a refused batch split, clear a window',
    async (week) => {
      const { rt, sim, backend } = await startLocalAddon({
        dialect,
        timezone: week.timezone,
        now: '2026-10-20T12:00:00Z',
      });
      // Assembled's 400s here name no item: the batch is bisected to find the row it refused.
      let bulk = 0;
      rt.setHttp((req) => {
        const answer = backend.http(req);
        if (req.url.includes('/activities/bulk')) bulk++;
        return answer.status === 400
          ? { ...answer, body: answer.body.replace(/activities\[\d+\]\S*/g, 'an activity') }
          : answer;
      });
      const org = sim.admin.org;
      const [a, b, c, d] = org.people.filter((p) => p.staffable && !p.deleted);
      const store = () => [...activityStore(org).values()];
      const [before, after] = week.offsets;
      // An existing activity of b to update and one of c to delete, both in the week.
      const weekStart = utc(week.before, 0, before);
      const inWeek = (agent: string) =>
        store().find(
          (x) => x.agent_id === agent && x.start_time * 1000 >= weekStart && x.schedule_id === 'sch_master',
        );
      const toUpdate = inWeek(b?.agent_id ?? '');
      const toDelete = inWeek(c?.agent_id ?? '');
      expect(toUpdate && toDelete).toBeTruthy();

      const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'activities');
      expect(rt.workbook.values(sheet)[0]?.slice(0, HEADER.length)).toEqual(HEADER);
      rt.workbook.write(
        sheet,
        [
          [
            'create',
            '',
            a?.email,
            'Phones',
            `${week.before} 09:00`,
            `${week.before} 10:00`,
            'before',
            '',
            '',
          ],
          ['create', '', a?.email, 'MTG', `${week.dst} 09:00`, `${week.dst} 10:30`, 'on the day', '', ''],
          [
            'create',
            '',
            a?.email,
            'at_training',
            `${week.after} 09:00`,
            `${week.after} 11:00`,
            'after',
            '',
            '',
          ],
          ['update', toUpdate?.id, '', 'Training', '', '', 'moved to training', '', ''],
          ['update', 'act_missing', '', '', '', '', 'no such activity', '', ''],
          ['delete', toDelete?.id, '', '', '', '', '', '', ''],
          ['create', '', a?.email, 'Nap', `${week.after} 12:00`, `${week.after} 13:00`, '', '', ''],
          [
            'create',
            '',
            'ghost@example.com',
            'Phones',
            `${week.after} 12:00`,
            `${week.after} 13:00`,
            '',
            '',
            '',
          ],
          ['create', '', a?.email, 'Phones', `${week.after} 14:00`, `${week.after} 14:00`, '', '', ''],
          ['create', '', d?.email, 'Chat', `${week.dst} 12:00`, `${week.dst} 13:00`, 'clash 1', '', ''],
          ['create', '', d?.email, 'Email', `${week.dst} 12:30`, `${week.dst} 13:30`, 'clash 2', '', ''],
          [
            'create',
            '',
            d?.email,
            'Chat',
            `${week.after} 12:00`,
            `${week.after} 13:00`,
            'kept 1',
            '',
            'TRUE',
          ],
          [
            'create',
            '',
            d?.email,
            'Email',
            `${week.after} 12:30`,
            `${week.after} 13:30`,
            'kept 2',
            '',
            'TRUE',
          ],
          // The same hours as row 4, in another schedule: no overlap there, and one call a schedule.
          [
            'create',
            '',
            a?.email,
            'Phones',
            `${week.after} 09:00`,
            `${week.after} 11:00`,
            'draft',
            'sch_draft',
            '',
          ],
        ],
        { row: 2 },
      );
      // The Type column offers every activity type of the account by name.
      const typeRule = rt.workbook.dataValidations(sheet)[1]?.[HEADER.indexOf('Type')];
      expect(typeRule).toMatchObject({ criteria: 'VALUE_IN_LIST', allowInvalid: true });
      expect(typeRule?.values[0]).toEqual(
        expect.arrayContaining(['Phones', 'Team meeting', 'Paid time off']),
      );
      rt.workbook.select(`'${sheet}'!A1`);
      const options = await rt.callFromSidebar<{
        detected: string;
        kinds: { id: string; summary: string }[];
      }>('getPushOptions');
      expect(options.detected).toBe('activities');
      // What the sidebar shows before a window is cleared.
      expect(options.kinds.find((k) => k.id === 'activities_clear')?.summary).toMatch(
        /straddles .* is cut there, not removed/,
      );

      const done = await push(rt, 'activities');
      expect(done).toMatchObject({ state: 'done', total: 9, invalid: 5, failed: 1, succeeded: 8 });
      // The five found before sending are listed; the one Assembled refused is counted after them.
      expect(done.problems).toHaveLength(6);
      expect(done.problems[5]).toBe("… and 1 more row to fix: each one's Push message says what.");
      const rows = records(rt, sheet);
      expect(rows.map((r) => r['Push status'])).toEqual([
        'created',
        'created',
        'created',
        'updated',
        'error',
        'deleted',
        'error',
        'error',
        'error',
        'error',
        'error',
        'created',
        'created',
        'created',
      ]);
      const message = (i: number) => String(rows[i]?.['Push message']);
      // Without Allow conflicts Assembled deletes what the new times overlap: the row says so.
      const removed =
        /^Created in Assembled\. Without Allow conflicts ticked, Assembled deleted any of this agent's activities that it overlaps, whole, not just the overlapping part: pull the schedule to see what is left\.$/;
      expect(message(0)).toMatch(removed);
      // Allow conflicts goes only through the single create, a row a call: what they overlap stays.
      expect(message(11)).toBe(
        "Created in Assembled. Allow conflicts is ticked: the agent's activities it overlaps were kept.",
      );
      expect(message(3)).toBe(
        "Updated in Assembled. An update cannot keep what it overlaps: Assembled may have deleted any of this agent's activities that its times overlap, whole, not just the overlapping part. Pull the schedule to see what is left.",
      );
      expect(message(5)).toBe('Deleted in Assembled.');
      expect(message(4)).toBe(
        'Assembled holds no activity with the id "act_missing": it may have been deleted since (a create without Allow conflicts ticked, or an update, deletes the agent\'s activities it overlaps), or the id is mistyped. Clear this row\'s Action, then pull the schedule again to see what Assembled holds.',
      );
      expect(message(6)).toContain(
        'Type: no activity type in Assembled has the id, name or short name "Nap"',
      );
      expect(message(7)).toContain(
        'Agent: no agent in Assembled has the id, email or full name "ghost@example.com"',
      );
      expect(message(8)).toBe('End is the same as Start: give the time the activity ends.');
      // Its End runs past the other's start; the other's Start lies inside it.
      expect(message(9)).toMatch(/^End: overlaps row 12 for the same agent/);
      expect(message(10)).toMatch(/^Start: overlaps row 11 for the same agent/);
      expect(message(10)).toMatch(
        /Change the times, delete a row typed twice, or tick .* \(TRUE\) on both rows \(it keeps overlaps only for rows that create\)\.$/,
      );

      // The times were read in the sheet's zone, on both sides of the change.
      const byId = new Map(store().map((x) => [x.id, x]));
      const made = [0, 1, 2].map((i) => byId.get(String(rows[i]?.['Assembled ID'])));
      expect(
        made.map((m) => m && [m.type_id, m.start_time * 1000, m.end_time * 1000, m.description]),
      ).toEqual([
        ['at_phone', utc(week.before, 9, before), utc(week.before, 10, before), 'before'],
        ['at_meeting', utc(week.dst, 9, after), utc(week.dst, 10.5, after), 'on the day'],
        ['at_training', utc(week.after, 9, after), utc(week.after, 11, after), 'after'],
      ]);
      expect(byId.get(toUpdate?.id ?? '')).toMatchObject({
        type_id: 'at_training',
        description: 'moved to training',
      });
      expect(byId.has(toDelete?.id ?? '')).toBe(false);
      expect(store().filter((x) => x.description.startsWith('kept '))).toHaveLength(2);
      expect(store().filter((x) => x.description.startsWith('clash '))).toHaveLength(0);
      const draft = byId.get(String(rows[13]?.['Assembled ID']));
      expect(draft).toMatchObject({ schedule_id: 'sch_draft', start_time: utc(week.after, 9, after) / 1000 });
      expect(made[2]?.schedule_id).toBe('sch_master');
      // One refused call, bisected down to its row: more calls than one, each applied change once.
      expect(bulk).toBeGreaterThan(2);
      expect(store().filter((x) => x.description === 'before')).toHaveLength(1);

      // Pushing the same sheet again creates nothing twice.
      const count = store().length;
      const before2 = bulk;
      const again = await push(rt, 'activities');
      // Only the row Assembled refused goes again (it may have been fixed): refused again, alone.
      expect(again).toMatchObject({ state: 'done', total: 1, failed: 1, skipped: 8 });
      expect(bulk).toBe(before2 + 1);
      expect(store().length).toBe(count);

      // Clear a window on the day of the change for a and b: what straddles it is cut at its edges.
      const clear = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'activities_clear');
      const from = utc(week.dst, 10, after);
      const to = utc(week.dst, 14, after);
      const agents = [a?.agent_id, b?.agent_id];
      const mine = () => store().filter((x) => agents.includes(x.agent_id) && x.schedule_id === 'sch_master');
      const straddling = mine().filter((x) => x.start_time * 1000 < from && x.end_time * 1000 > from);
      expect(straddling.length).toBeGreaterThan(0);
      rt.workbook.write(
        clear.sheet,
        [
          [`${a?.email}; ${b?.first_name} ${b?.last_name}`, `${week.dst} 10:00`, `${week.dst} 14:00`, ''],
          ['nobody@example.com', `${week.dst} 10:00`, `${week.dst} 14:00`, ''],
        ],
        { row: 2 },
      );
      rt.workbook.select(`'${clear.sheet}'!A1`);
      const cleared = await push(rt, 'activities_clear');
      expect(cleared).toMatchObject({ state: 'done', succeeded: 1, invalid: 1 });
      const clearRows = records(rt, clear.sheet);
      expect(clearRows[0]?.['Push status']).toBe('cleared');
      expect(String(clearRows[0]?.['Push message'])).toMatch(
        /Window cleared in Assembled\. \d+ deleted, \d+ cut/,
      );
      expect(clearRows[1]?.['Push status']).toBe('error');
      const left = mine().filter((x) => x.start_time * 1000 < to && x.end_time * 1000 > from);
      expect(left).toEqual([]);
      // Cut, not removed: each straddling activity keeps its part before the window.
      for (const s of straddling)
        expect(byIdNow(s.id)).toMatchObject({ start_time: s.start_time, end_time: from / 1000 });
      function byIdNow(id: string) {
        return activityStore(org).get(id);
      }
    },
  );

  it('a lost answer is reconciled by listing the window: nothing is created twice', async () => {
    const week = WEEKS[1];
    const { rt, sim, backend } = await startLocalAddon({
      dialect,
      timezone: week.timezone,
      now: '2026-10-20T12:00:00Z',
    });
    let lost = 0;
    let bulk = 0;
    rt.setHttp((req) => {
      const answer = backend.http(req);
      if (!req.url.includes('/activities/bulk')) return answer;
      bulk++;
      // The first bulk call is applied, but its answer never arrives.
      if (lost++ === 0) return { ...answer, timeout: true } as SimResponse;
      return answer;
    });
    const org = sim.admin.org;
    const people = org.people.filter((p) => p.staffable && !p.deleted).slice(0, 6);
    const store = () => [...activityStore(org).values()];
    const existing = store().find(
      (x) => x.agent_id === people[5]?.agent_id && x.start_time * 1000 > Date.parse('2026-10-22T00:00:00Z'),
    );
    rt.workbook.write('Sheet1', [
      HEADER,
      ...people
        .slice(0, 5)
        .map((p, i) => [
          'create',
          '',
          p.email,
          'Training',
          `${week.dst} 0${i}:00`,
          `${week.dst} 0${i}:45`,
          `lost ${i}`,
          '',
          '',
        ]),
      ['delete', existing?.id, '', '', '', '', '', '', ''],
    ]);
    rt.workbook.select('Sheet1!A1');
    const done = await push(rt, 'activities');
    const rows = records(rt, 'Sheet1');
    expect(done).toMatchObject({ state: 'done', total: 6, succeeded: 6, failed: 0 });
    expect(rows.map((r) => r['Push status'])).toEqual([
      'created',
      'created',
      'created',
      'created',
      'created',
      'deleted',
    ]);
    expect(rows.slice(0, 5).every((r) => String(r['Push message']).startsWith('Found in Assembled'))).toBe(
      true,
    );
    const made = store().filter((x) => x.description.startsWith('lost '));
    expect(made).toHaveLength(5);
    expect(new Set(rows.slice(0, 5).map((r) => r['Assembled ID']))).toEqual(new Set(made.map((m) => m.id)));
    // The delete went again, found its activity gone, and says so.
    expect(rows[5]?.['Push message']).toBe('Was already gone from Assembled.');
    expect(bulk).toBe(2);
    // Pushing again sends nothing.
    await push(rt, 'activities');
    expect(bulk).toBe(2);
  });

  it('a delete never sent before whose activity Assembled does not know is a row to fix', async () => {
    const { rt, sim } = await startLocalAddon({ dialect, now: '2026-10-20T12:00:00Z' });
    const org = sim.admin.org;
    const existing = [...activityStore(org).values()].find(
      (x) => x.start_time * 1000 > Date.parse('2026-10-22T00:00:00Z'),
    );
    rt.workbook.write('Sheet1', [
      HEADER,
      ['delete', 'bogus-activity-id', '', '', '', '', '', '', ''],
      ['delete', existing?.id, '', '', '', '', '', '', ''],
    ]);
    rt.workbook.select('Sheet1!A1');
    const done = await push(rt, 'activities');
    expect(done).toMatchObject({ state: 'done', total: 2, succeeded: 1, failed: 1 });
    const rows = records(rt, 'Sheet1');
    expect(rows.map((r) => r['Push status'])).toEqual(['error', 'deleted']);
    expect(rows[0]?.['Push message']).toBe(
      'Assembled holds no activity with the id "bogus-activity-id": it may have been deleted since (a create without Allow conflicts ticked, or an update, deletes the agent\'s activities it overlaps), or the id is mistyped. Clear this row\'s Action, then pull the schedule again to see what Assembled holds.',
    );
    expect(done.problems).toEqual([
      'Row 2: Assembled holds no activity with the id "bogus-activity-id": it may have been deleted since (a create without Allow conflicts ticked, or an update, deletes the agent\'s activities it overlaps), or the id is mistyped. Clear this row\'s Action, then pull the schedule again to see what Assembled holds.',
    ]);
  });
});
