// A blank Schedule is the master schedule, and so is the id a schedule pulled with none picked
// shows on its rows; a pull of a schedule picked by id says nothing of the master's.
import { describe, expect, it } from 'vitest';
import { masterScheduleIds, scheduleOf } from '../../src/core/push/master-schedule';

const note = (...lines: string[]) =>
  ['Source: Assembled Activities (schedule)', 'Range: 2026-12-09 (Europe/London)', ...lines].join('\n');

describe('the master schedule of a pulled schedule', () => {
  it("is its rows' schedule when none was picked, and then one with a blank Schedule", () => {
    const masters = masterScheduleIds(note('Filters: channel=chat'), ['sch_master', '', 'sch_master']);
    expect([...masters]).toEqual(['sch_master']);
    const of = scheduleOf(masters);
    expect([of(undefined), of(''), of('sch_master'), of('sch_draft')]).toEqual(['', '', '', 'sch_draft']);
  });

  it('is not known from a pull of a schedule picked by id, nor from a sheet no schedule pull wrote', () => {
    expect(masterScheduleIds(note('Filters: channel=chat; schedule_id=sch_draft'), ['sch_draft']).size).toBe(
      0,
    );
    expect(
      masterScheduleIds(note('Filters of the last pull: schedule_id=sch_draft'), ['sch_draft']).size,
    ).toBe(0);
    // As a note says it now (pull-words.ts filtersNoted), and a note before it, "key=value".
    expect(
      masterScheduleIds(note('Filters: agent "Ana" (a1); channel chat; schedule sch_draft'), ['sch_draft'])
        .size,
    ).toBe(0);
    expect(masterScheduleIds(note('Filters: agent "Ana" (a1); channel chat'), ['sch_master']).size).toBe(1);
    expect(masterScheduleIds('Source: Assembled Agent states', ['sch_master']).size).toBe(0);
    expect(masterScheduleIds('', ['sch_master']).size).toBe(0);
  });
});
