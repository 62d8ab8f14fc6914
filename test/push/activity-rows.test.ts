// Activity rows checked before anything is sent, and the DELETE that clears a window on the wire.
import { describe, expect, it } from 'vitest';
import { activityStore } from '../../dev/simulator/schedules';
import { removingWords } from '../../src/core/push/progress-words';
import { askBeforePush, validateSheet } from '../../src/core/push/run-push';
import { templateFor } from '../../src/core/push/template';
import { simSetup } from '../core/sim';
import { pushSetup, records } from './support';

describe('activity rows, validated', () => {
  it('names in words what each action needs, per row; nothing is sent', () => {
    const s = pushSetup();
    const [a] = s.agents;
    const ref = s.deps.sheets.insertTemplate(templateFor('activities'));
    const grid = s.grid(ref);
    grid.write(2, 1, [
      ['update', '', '', '', '', '', 'x', '', ''],
      ['delete', '', '', '', '', '', '', '', ''],
      ['create', 'act_1', a?.email ?? '', 'PH', '2026-07-01 09:00', '2026-07-01 10:00', '', '', ''],
      ['create', '', '', '', '', '', '', '', ''],
      ['update', 'act_2', '', '', '', '', '', '', ''],
      ['move', 'act_3', '', '', '', '', '', '', ''],
      ['create', '', a?.email ?? '', 'phones', '2026-07-01 10:00', '2026-07-01 09:00', '', '', ''],
      ['create', '', a?.email ?? '', 'ph', '2026-07-01 11:00', '2026-07-01 12:00', '', '', 'yes'],
      ['create', '', a?.email ?? '', 'ph', '2026-07-01 13:00', '2026-07-01 14:00', '', '', ''],
      ['delete', 'act_9', '', '', '', '', '', '', ''],
      ['update', 'act_4', '', '', '', '', 'y', '', 'TRUE'],
      ['update', 'act_5', '', '', '', '', 'z', '', ''],
      ['delete', 'act_6', '', '', '', '', '', '', 'TRUE'],
    ]);
    const summary = validateSheet(s.deps, 'activities', ref);
    // The sidebar counts the OK creates sent without Allow conflicts, as their Push messages warn;
    // not the update, which TRUE cannot help.
    expect(summary).toMatchObject({ rows: 13, ok: 5, errors: 8, removing: 1, updating: 1 });
    expect(removingWords(1)).toBe(
      "1 OK create has Allow conflicts not ticked: Assembled deletes any of the agent's activities it overlaps, whole, not just the overlapping part (ticking it keeps them).",
    );
    const out = records(grid).map((r) => r['Push message']);
    expect(out).toEqual([
      "Activity ID is empty, and update needs the activity's id (the Activity ID column of an Activities pull).",
      "Activity ID is empty, and delete needs the activity's id (the Activity ID column of an Activities pull).",
      'Activity ID must be empty for create (Assembled gives the new activity its id).',
      // The same words for four cells, said once.
      'Agent, Type, Start and End are empty, and create needs them.',
      'Action: update needs at least one column to change (Agent, Type, Start, End or Description).',
      expect.stringContaining('Action: "move" is not one of create, update, delete.'),
      'End must be after Start.',
      // The cell shows text, not a ticked box: the row says how it was read.
      'Ready to push. Allow conflicts: "yes" read as TRUE.',
      // Said before it is sent, while Allow conflicts can still be set.
      "Ready to push. Allow conflicts is not ticked: sending it deletes any of this agent's activities that it overlaps, whole, not just the overlapping part; tick it (TRUE) to keep them.",
      'Ready to push.',
      // Only Assembled's single create takes Allow conflicts: an update asking it is not sent.
      "Allow conflicts is ticked, but Assembled keeps overlapping activities only for a create: an update may delete any of the agent's activities its times overlap, whole, not just the overlapping part. Clear the cell to update anyway, or delete this activity and create it again with Allow conflicts ticked.",
      "Ready to push. An update cannot keep what it overlaps: sending it may delete any of this agent's activities that its times overlap, whole, not just the overlapping part.",
      // A delete places nothing, so its TRUE changes nothing.
      'Ready to push.',
    ]);
    expect(s.http.sent.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('says a header pasted again among the rows repeats the header, not that its cells are wrong', () => {
    const s = pushSetup();
    const ref = s.deps.sheets.insertTemplate(templateFor('activities_clear'));
    const grid = s.grid(ref);
    const header = grid.read(1, 1, 1, 4)[0] ?? [];
    grid.write(2, 1, [header.map((h) => ` ${String(h).toUpperCase()} `), header.map(() => 'x')]);
    expect(validateSheet(s.deps, 'activities_clear', ref)).toMatchObject({ ok: 0, errors: 2 });
    const out = records(grid).map((r) => r['Push message']);
    expect(out[0]).toBe('The row repeats the header (pasted with the rows?): delete it.');
    expect(out[1]).not.toMatch(/repeats the header/);
  });

  it('a window to clear: every agent of the list is found, the window runs forwards', () => {
    const s = pushSetup();
    const [a, b] = s.agents;
    const ref = s.deps.sheets.insertTemplate(templateFor('activities_clear'));
    const grid = s.grid(ref);
    grid.write(2, 1, [
      [`${a?.email}, nobody@example.com`, '2026-07-01 09:00', '2026-07-01 10:00', ''],
      [`${a?.email}; ${b?.agent_id}`, '2026-07-01 10:00', '2026-07-01 10:00', ''],
      [`${a?.email};${b?.agent_id}`, '2026-07-01 09:00', '2026-07-01 10:00', ''],
    ]);
    const summary = validateSheet(s.deps, 'activities_clear', ref);
    expect(summary).toMatchObject({ ok: 1, errors: 2 });
    const out = records(grid).map((r) => r['Push message']);
    expect(out[0]).toContain(
      'Agents: no agent in Assembled has the id, email or full name "nobody@example.com"',
    );
    expect(out[1]).toBe('End is the same as Start: give the time the activity ends.');
  });
});

describe('windows Push would clear (it asks first only when there is one)', () => {
  it('counts none under a bare header, and none in rows done, to fix or typed twice', () => {
    const s = pushSetup();
    const [a] = s.agents;
    const ref = s.deps.sheets.insertTemplate(templateFor('activities_clear'));
    const grid = s.grid(ref);
    expect(askBeforePush(s.deps, 'activities_clear', ref).clear).toBe(0);
    grid.write(2, 1, [
      [a?.email ?? '', '2026-07-01 09:00', '2026-07-01 10:00', '', 'cleared'],
      ['nobody@example.com', '2026-07-01 09:00', '2026-07-01 10:00', '', ''],
      [a?.email ?? '', '2026-07-01 12:00', '2026-07-01 11:00', '', ''],
    ]);
    expect(askBeforePush(s.deps, 'activities_clear', ref).clear).toBe(0);
    grid.write(5, 1, [
      [a?.email ?? '', '2026-07-02 09:00', '2026-07-02 10:00', '', ''],
      [a?.email ?? '', '2026-07-02 09:00', '2026-07-02 10:00', '', ''],
    ]);
    expect(askBeforePush(s.deps, 'activities_clear', ref).clear).toBe(1);
    // Read only: no row's status or message is written, and nothing is sent.
    expect(records(grid).map((r) => r['Push status'])).toEqual(['cleared', '', '', '', '']);
    expect(s.http.sent.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe('DELETE /v0/activities', () => {
  it.each(['seed', 'live'] as const)(
    '%s: goes with its JSON body, and is sent again after a 5xx (clearing twice clears nothing more)',
    (dialect) => {
      const { client, sim, http } = simSetup(dialect);
      const org = sim.admin.org;
      const some = [...activityStore(org).values()].find((x) => x.schedule_id === 'sch_master');
      expect(some).toBeTruthy();
      const agent = some?.agent_id ?? '';
      const from = ((some?.start_time ?? 0) - 3600) * 1000;
      const to = ((some?.end_time ?? 0) + 3600) * 1000;
      sim.setFaults({ force5xx: 1 });
      const result = client.clearActivities({ agent_ids: [agent], start_time: from, end_time: to });
      expect(result.deleted).toBeGreaterThanOrEqual(1);
      const deletes = http.sent.filter((r) => r.method === 'DELETE');
      expect(deletes).toHaveLength(2);
      expect(JSON.parse(deletes[0]?.body ?? '{}')).toMatchObject({ agent_ids: [agent] });
      expect(activityStore(org).has(some?.id ?? '')).toBe(false);
    },
  );
});
