// The "Assembled log" sheet appears in a spreadsheet by itself, at a first run: its header's note
// says what it is and which time zone its When column is in, and, the spreadsheet's zone changed,
// from which row on the times are in the new one (a date cell keeps its day and time, not the instant).
// Each row's When names its own offset from UTC, as the note is seen only by hovering the header.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { RUN_LOG_SHEET } from '../../src/core/pull/run-log';
import { pullToEnd } from './pull-to-end';

const TEAMS = {
  source: { kind: 'resource', resource: 'teams' },
  target: { kind: 'sheet', name: 'Teams' },
  mode: 'replace',
};

describe("the Assembled log's header note", () => {
  it('says what the log is and which zone When is in, and from which row on a new zone', async () => {
    const { rt, key } = await startLocalAddon({ timezone: 'America/New_York' });
    rt.workbook.addSheet('Teams');
    expect((await pullToEnd(rt, TEAMS, 'run-log-note-1')).state).toBe('done');
    const note = () => rt.workbook.notes(RUN_LOG_SHEET)[0]?.[0] ?? '';
    expect(note().split('\n')).toEqual([
      "Assembled log: one row per pull, push, Sync time off and scheduled refresh run, newest last (a scheduled refresh run's failed attempt that will be tried again has a row of its own), written by the Assembled add-on.",
      "When is in America/New_York, the spreadsheet's time zone as the log began.",
      'Duration (s) is the time its tries took, not the waits between them; Message, what the sidebar said at its end.',
    ]);
    expect((await pullToEnd(rt, TEAMS, 'run-log-note-2')).state).toBe('done');
    rt.workbook.setTimeZone('Europe/Berlin');
    expect((await pullToEnd(rt, TEAMS, 'run-log-note-3')).state).toBe('done');
    expect(rt.workbook.values(RUN_LOG_SHEET).length).toBe(4);
    expect(note().split('\n').slice(3)).toEqual([
      "From row 4 on, When is in Europe/Berlin: the spreadsheet's time zone changed (rows above keep the times they were written with).",
    ]);
    expect((await pullToEnd(rt, TEAMS, 'run-log-note-4')).state).toBe('done');
    expect(note().split('\n')).toHaveLength(4);
    expect(note()).not.toContain(key);
  });

  // The note is read only by hovering the header: a row's When read alone, before and after a
  // change of zone, gave no sign that two rows' times were in different zones.
  it("names each row's offset from UTC in its When, which stays a date", async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York' });
    rt.workbook.addSheet('Teams');
    expect((await pullToEnd(rt, TEAMS, 'run-log-zone-1')).state).toBe('done');
    rt.workbook.setTimeZone('Asia/Kolkata');
    expect((await pullToEnd(rt, TEAMS, 'run-log-zone-2')).state).toBe('done');
    const when = rt.workbook.displayValues(RUN_LOG_SHEET).map((row) => row[0]);
    expect(when[0]).toBe('When');
    expect(when[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC−4$/);
    expect(when[2]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+5:30$/);
    // A date still, to sort by and reckon with in formulas.
    for (const row of rt.workbook.values(RUN_LOG_SHEET).slice(1)) expect(row[0]).toBeInstanceOf(Date);
  });
});
