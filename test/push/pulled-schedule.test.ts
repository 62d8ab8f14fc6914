// A schedule pulled, a few rows given an Action, pushed back: the rows left without one are left
// as they are (not errors), and only the marked rows are sent. Pulled again, the pushed Actions
// and outcomes go with the old rows rather than sit beside other activities; an Action not pushed
// yet stops the pull.
import { describe, expect, it } from 'vitest';
import { activityStore } from '../../dev/simulator/schedules';
import type { PushView } from '../../src/core/push/push-view';
import { pullToEnd } from '../addon/pull-to-end';
import { pulledSchedule } from './pulled-schedule-sheet';

describe('a pulled schedule pushed back with a few actions', () => {
  it('sends the rows given an Action, and leaves listed activities without one alone', async () => {
    const { rt, sim, spec } = await pulledSchedule('pulled-schedule-0001');
    const [header = [], ...rows] = rt.workbook.values('Schedule');
    expect(rows.length).toBeGreaterThan(10);
    const action = header.length + 1;
    const idAt = header.indexOf('Activity ID');
    const moved = String(rows[0]?.[idAt]);
    const dropped = String(rows[1]?.[idAt]);
    // Push rows… takes a pulled table for nothing until it is given an Action column; then it is
    // the Activities push's own sheet.
    const options = () => rt.callFromSidebar<{ detected?: string; pulled?: string }>('getPushOptions');
    const before = await options();
    expect(before.pulled).toBe('Activities (schedule)');
    expect(before.detected).toBeUndefined();
    rt.workbook.write('Schedule', [['Action'], ['update'], ['delete']], { column: action });
    expect(await options()).toMatchObject({ pulled: 'Activities (schedule)', detected: 'activities' });
    // Description is the column an update changes here.
    rt.workbook.write('Schedule', [['moved by ops']], { row: 2, column: header.indexOf('Description') + 1 });
    // A row with no Activity ID and no Action is still a row to fix: it is not a listed activity.
    const last = rows.length + 2;
    const agentAt = header.indexOf('Agent ID') + 1;
    rt.workbook.write('Schedule', [[rows[2]?.[agentAt - 1]]], { row: last, column: agentAt });

    const checked = await rt.callFromSidebar<{ ok: number; errors: number }>('validatePush', 'activities');
    // The pull's own columns are the sheet Activities is meant for: none is named as unread.
    // The rows with no Action are counted as left alone, so no one wonders whether they go too.
    expect(checked).toMatchObject({ ok: 2, errors: 1, unread: [], listed: rows.length - 2 });
    let view = await rt.callFromSidebar<PushView>('startPush', 'activities', 'pulled-schedule-0002');
    for (let i = 0; view.state === 'running' && i < 50; i++) {
      await rt.clock.advanceAsync(view.nextPollInMs);
      view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    expect(view).toMatchObject({ state: 'done', succeeded: 2, invalid: 1 });
    expect(view.message).toContain(`, ${rows.length - 2} listed with no Action (left as they are).`);
    const store = activityStore(sim.admin.org);
    expect(store.get(moved)?.description).toBe('moved by ops');
    expect(store.has(dropped)).toBe(false);
    const after = rt.workbook.values('Schedule');
    const status = after[0]?.indexOf('Push status') ?? -1;
    expect(after.slice(1).map((r) => r[status])).toEqual([
      'updated',
      'deleted',
      ...rows.slice(2).map(() => ''),
      'error',
    ]);

    // Pulled again: the deleted activity is gone, so every row below it moves up one.
    expect(await pullToEnd(rt, spec, 'pulled-schedule-0003')).toMatchObject({ state: 'done' });
    const again = rt.workbook.values('Schedule');
    expect(again[0]?.slice(header.length)).toEqual([
      'Action',
      'Push status',
      'Assembled ID',
      'Push message',
      'Pushed at',
    ]);
    expect(again.slice(1).map((r) => r[idAt])).not.toContain(dropped);
    expect(again.slice(1).flatMap((r) => r.slice(header.length).filter((v) => v !== ''))).toEqual([]);
    // And the notes there: a push keeps a print of what it sent in its status cell's note.
    const notes = rt.workbook.notes('Schedule');
    expect(notes.slice(1).flatMap((r) => r.slice(header.length).filter((n) => n !== ''))).toEqual([]);

    // An Action typed and not pushed: pulling again would put it beside another activity.
    const target = again.slice(1).findIndex((r) => r[idAt] === moved) + 2;
    rt.workbook.write('Schedule', [['delete']], { row: target, column: action });
    const held = rt.workbook.values('Schedule');
    const refused = await pullToEnd(rt, spec, 'pulled-schedule-0004');
    expect(refused).toMatchObject({ state: 'failed' });
    expect(refused.message).toContain(`An Action beside the table is not pushed yet (row ${target}).`);
    expect(rt.workbook.values('Schedule')).toEqual(held);
  });

  it('holds back an update placed over a listed activity, which Assembled would delete, until that one has an Action', async () => {
    const { rt } = await pulledSchedule('pulled-schedule-0011');
    const [header = [], ...rows] = rt.workbook.values('Schedule');
    const col = (name: string) => header.indexOf(name);
    // Two activities of one agent, one after the other.
    const i = rows.findIndex((r, k) => rows[k + 1]?.[col('Agent ID')] === r[col('Agent ID')]);
    expect(i).toBeGreaterThanOrEqual(0);
    const next = rows[i + 1] ?? [];
    const action = header.length + 1;
    rt.workbook.write('Schedule', [['Action']], { column: action });
    // No Action filled in yet: nothing to push, and the words say what to fill, not "no rows".
    expect(await rt.callFromSidebar('validatePush', 'activities')).toMatchObject({
      rows: 0,
      listed: rows.length,
    });
    let none = await rt.callFromSidebar<PushView>('startPush', 'activities', 'pulled-schedule-0012');
    for (let k = 0; none.state === 'running' && k < 20; k++) {
      await rt.clock.advanceAsync(none.nextPollInMs);
      none = await rt.callFromSidebar<PushView>('pollPush', none.id);
    }
    expect(none.message).toBe(
      `Nothing to push: the ${rows.length} activities listed in "Schedule" have no Action. Put create, update or delete in the Action of each row to change.`,
    );
    // The first is stretched over the second.
    rt.workbook.write('Schedule', [[next[col('End')]]], { row: i + 2, column: col('End') + 1 });
    rt.workbook.write('Schedule', [['update']], { row: i + 2, column: action });
    const checked = await rt.callFromSidebar<{ ok: number; errors: number; problems: string[] }>(
      'validatePush',
      'activities',
    );
    expect(checked).toMatchObject({ ok: 0, errors: 1 });
    // An update is not told to set Allow conflicts: Assembled keeps overlaps for a create only.
    // Only its End was moved, into the next: the End is named, not the Start.
    expect(checked.problems).toEqual([
      `Row ${i + 2}: End: overlaps row ${i + 3} for the same agent, and Assembled would delete what this row is placed over: row ${i + 3}, listed with no Action. Change the times, or give row ${i + 3} an Action (delete it, or update its times).`,
    ]);
    // Said to go, the second is no longer in the way.
    rt.workbook.write('Schedule', [['delete']], { row: i + 3, column: action });
    // Nor counted as a row Allow conflicts TRUE would help (the sheet has no such column).
    expect(await rt.callFromSidebar('validatePush', 'activities')).toMatchObject({
      ok: 2,
      errors: 0,
      removing: 0,
      updating: 1,
    });
  });

  it('refuses an Occurrence ID pasted as the Activity ID at Validate, naming the id; an update of an unknown id says so plainly', async () => {
    const { rt, sim } = await pulledSchedule('pulled-schedule-0031');
    const [header = [], ...rows] = rt.workbook.values('Schedule');
    const col = (name: string) => header.indexOf(name);
    const occurrence = String(rows[0]?.[col('Occurrence ID')]);
    const id = String(rows[0]?.[col('Activity ID')]);
    expect(occurrence).toMatch(new RegExp(`^${id}@\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$`));
    rt.workbook.write('Schedule', [['Action'], ['update'], ['update']], { column: header.length + 1 });
    rt.workbook.write('Schedule', [[occurrence], ['act_bogus123']], {
      row: 2,
      column: col('Activity ID') + 1,
    });
    rt.workbook.write('Schedule', [['moved'], ['moved']], { row: 2, column: col('Description') + 1 });
    const checked = await rt.callFromSidebar<{ ok: number; errors: number; problems: string[] }>(
      'validatePush',
      'activities',
    );
    expect(checked).toMatchObject({ ok: 1, errors: 1 });
    expect(checked.problems).toEqual([
      `Row 2: Activity ID: "${occurrence}" is an Occurrence ID (the activity's id, then @ and when this occurrence starts), which Assembled does not take. Use the Activity ID column of an Activities pull instead: here "${id}", the id before the @.`,
    ]);
    let view = await rt.callFromSidebar<PushView>('startPush', 'activities', 'pulled-schedule-0032');
    for (let i = 0; view.state === 'running' && i < 50; i++) {
      await rt.clock.advanceAsync(view.nextPollInMs);
      view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    expect(view).toMatchObject({ state: 'done', succeeded: 0, invalid: 1, failed: 1 });
    // The same words as a delete of an unknown id, not Assembled's own.
    const after = rt.workbook.values('Schedule');
    const message = after[0]?.indexOf('Push message') ?? -1;
    expect(after[2]?.[message]).toBe(
      'Assembled holds no activity with the id "act_bogus123": it may have been deleted since (a create without Allow conflicts ticked, or an update, deletes the agent\'s activities it overlaps), or the id is mistyped. Clear this row\'s Action, then pull the schedule again to see what Assembled holds.',
    );
    expect(activityStore(sim.admin.org).get(id)?.description).not.toBe('moved');
  });

  it('reads a create typed into the sheet by agent name and type id, when Agent ID and Activity type are empty', async () => {
    const { rt } = await pulledSchedule('pulled-schedule-0021');
    const [header = [], first = [], ...rest] = rt.workbook.values('Schedule');
    const col = (name: string) => header.indexOf(name);
    const row = header.map(() => '' as unknown);
    row[col('Agent name')] = first[col('Agent name')];
    row[col('Type ID')] = first[col('Type ID')];
    // The day after the pulled one: over none of the activities the sheet lists.
    row[col('Start')] = '2026-05-27 23:00';
    row[col('End')] = '2026-05-27 23:30';
    rt.workbook.write('Schedule', [[...row, 'create']], { row: rest.length + 3 });
    rt.workbook.write('Schedule', [['Action']], { column: header.length + 1 });
    const checked = await rt.callFromSidebar<{ ok: number; errors: number; problems: string[] }>(
      'validatePush',
      'activities',
    );
    expect(checked.problems).toEqual([]);
    expect(checked).toMatchObject({ ok: 1, errors: 0 });
  });
  it('holds back a create typed with no Schedule ID over a listed activity of the master schedule, which the pull names by id', async () => {
    const { rt, sim } = await pulledSchedule('pulled-schedule-0041');
    const [header = [], ...rows] = rt.workbook.values('Schedule');
    const col = (name: string) => header.indexOf(name);
    // The pull's rows name the master schedule by its id; a row typed in leaves it blank.
    const at = rows.findIndex((r) => Number(r[col('End')]) - Number(r[col('Start')]) >= 3_600_000);
    const listed = rows[at] ?? [];
    expect(listed[col('Schedule ID')]).toBe('sch_master');
    const start = new Date(Number(listed[col('Start')]) + 1_800_000);
    const row = header.map(() => '' as unknown);
    row[col('Agent name')] = listed[col('Agent name')];
    row[col('Activity type')] = 'Training';
    row[col('Start')] = start;
    row[col('End')] = new Date(start.getTime() + 1_800_000);
    const typed = rows.length + 2;
    rt.workbook.write('Schedule', [[...row, 'create']], { row: typed });
    rt.workbook.write('Schedule', [['Action']], { column: header.length + 1 });
    const checked = await rt.callFromSidebar<{ ok: number; errors: number; problems: string[] }>(
      'validatePush',
      'activities',
    );
    expect(checked).toMatchObject({ ok: 0, errors: 1 });
    expect(checked.problems).toEqual([
      `Row ${typed}: Start: overlaps row ${at + 2} for the same agent, and Assembled would delete what this row is placed over: row ${at + 2}, listed with no Action. Change the times, add an Allow conflicts column and set it to TRUE on this row, or give row ${at + 2} an Action (delete it, or update its times).`,
    ]);
    let view = await rt.callFromSidebar<PushView>('startPush', 'activities', 'pulled-schedule-0042');
    for (let i = 0; view.state === 'running' && i < 50; i++) {
      await rt.clock.advanceAsync(view.nextPollInMs);
      view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    expect(view).toMatchObject({ state: 'done', succeeded: 0, invalid: 1 });
    // Nothing was sent: the listed activity is still there, whole.
    const kept = activityStore(sim.admin.org).get(String(listed[col('Activity ID')]));
    // The store keeps unix seconds.
    expect(kept && [kept.start_time * 1000, kept.end_time * 1000]).toEqual([
      Number(listed[col('Start')]),
      Number(listed[col('End')]),
    ]);
  });
  it('names the column the agent was read from in its problem: Agent name or Agent email, not an empty Agent ID', async () => {
    const { rt } = await pulledSchedule('pulled-schedule-0051');
    const [header = [], ...rows] = rt.workbook.values('Schedule');
    const col = (name: string) => header.indexOf(name);
    const typed = (agent: 'Agent name' | 'Agent email', who: string) => {
      const row = header.map(() => '' as unknown);
      row[col(agent)] = who;
      row[col('Activity type')] = 'Training';
      // The day after the pulled one: over none of the activities the sheet lists.
      row[col('Start')] = '2026-05-27 23:00';
      row[col('End')] = '2026-05-27 23:30';
      return [...row, 'create'];
    };
    // Two people share the name (a pull writes each as "Ava Smith (their email)").
    rt.workbook.write(
      'Schedule',
      [typed('Agent name', 'Ava Smith'), typed('Agent email', 'nobody@example.com')],
      {
        row: rows.length + 2,
      },
    );
    rt.workbook.write('Schedule', [['Action']], { column: header.length + 1 });
    const checked = await rt.callFromSidebar<{ ok: number; errors: number; problems: string[] }>(
      'validatePush',
      'activities',
    );
    expect(checked).toMatchObject({ ok: 0, errors: 2 });
    expect(checked.problems).toEqual([
      expect.stringMatching(
        new RegExp(`^Row ${rows.length + 2}: Agent name: 2 people in Assembled match "Ava Smith" by name: `),
      ),
      expect.stringMatching(
        new RegExp(
          `^Row ${rows.length + 3}: Agent email: no agent in Assembled has the id, email or full name "nobody@example.com"`,
        ),
      ),
    ]);
  });
  it('sends an activity placed in the past, Validate saying so (a backfill is meant, or a date mistyped)', async () => {
    const { rt, sim } = await pulledSchedule('pulled-schedule-0061');
    const [header = [], first = [], ...rest] = rt.workbook.values('Schedule');
    const col = (name: string) => header.indexOf(name);
    const typed = (start: string, end: string) => {
      const row = header.map(() => '' as unknown);
      row[col('Agent email')] = first[col('Agent email')];
      row[col('Activity type')] = 'Training';
      row[col('Start')] = start;
      row[col('End')] = end;
      return [...row, 'create'];
    };
    // It is 2026-05-25 08:00 in New York: one wholly before, one begun an hour ago, one ahead.
    const at = rest.length + 3;
    rt.workbook.write(
      'Schedule',
      [
        typed('2026-05-20 10:00', '2026-05-20 11:00'),
        typed('2026-05-25 07:00', '2026-05-25 09:00'),
        typed('2026-05-27 23:00', '2026-05-27 23:30'),
      ],
      { row: at },
    );
    rt.workbook.write('Schedule', [['Action']], { column: header.length + 1 });
    const checked = await rt.callFromSidebar<{ ok: number; errors: number }>('validatePush', 'activities');
    expect(checked).toMatchObject({ ok: 3, errors: 0 });
    const messages = () => {
      const values = rt.workbook.values('Schedule');
      const message = values[0]?.indexOf('Push message') ?? -1;
      return values.slice(at - 1).map((r) => String(r[message]));
    };
    const removes =
      " Allow conflicts is not ticked: sending it deletes any of this agent's activities that it overlaps, whole, not just the overlapping part; tick it (TRUE) to keep them.";
    expect(messages()).toEqual([
      `Ready to push. It is in the past (2026-05-20; it is 2026-05-25 08:00 in America/New_York): Assembled will measure that day's adherence against it.${removes}`,
      `Ready to push. It starts in the past (2026-05-25 07:00; it is 2026-05-25 08:00 in America/New_York): Assembled will measure adherence since then against it.${removes}`,
      `Ready to push.${removes}`,
    ]);
    // Not refused: a backfill is sent as any other row.
    let view = await rt.callFromSidebar<PushView>('startPush', 'activities', 'pulled-schedule-0062');
    for (let i = 0; view.state === 'running' && i < 50; i++) {
      await rt.clock.advanceAsync(view.nextPollInMs);
      view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    expect(view).toMatchObject({ state: 'done', succeeded: 3, invalid: 0 });
    const agent = String(first[col('Agent ID')]);
    const may20 = Date.parse('2026-05-20T14:00:00Z') / 1000;
    expect(
      [...activityStore(sim.admin.org).values()].some((a) => a.agent_id === agent && a.start_time === may20),
    ).toBe(true);
  });
});
