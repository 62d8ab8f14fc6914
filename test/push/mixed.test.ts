// A sheet mixing valid rows with every kind of bad row: the bad ones are marked with what to fix,
// the good ones go, and one bad row never stops the others.
import { describe, expect, it } from 'vitest';
import { startPush, validateSheet } from '../../src/core/push/run-push';
import { drive, fullName, pushSetup, records } from './support';

describe('a sheet of good and bad rows', () => {
  it('marks each bad row with its column and problem, and pushes every good row', () => {
    const s = pushSetup();
    const [a, b, c] = s.agents;
    const left = s.org.people.find((p) => p.deleted);
    // Two people with one name make that name ambiguous.
    const twin = {
      ...(c as NonNullable<typeof c>),
      id: 'twin-id',
      agent_id: 'twin-agent',
      email: 'twin@example.com',
    };
    s.org.people.push(twin);
    const sheet = s.addSheet('Mixed', [
      ['agent EMAIL', 'Start Time', 'end_time', 'All-Day', 'Type', 'Notes', 'Team (mine)'],
      [a?.email ?? '', '2026-07-01 09:00', '2026-07-01 17:00', '', 'pto', 'good 1', 'keep me'],
      ['', '2026-07-01 09:00', '2026-07-01 17:00', '', '', 'no agent', ''],
      ['ghost@example.com', '2026-07-01 09:00', '2026-07-01 17:00', '', '', 'unknown agent', ''],
      [fullName(c as never), '2026-07-01 09:00', '2026-07-01 17:00', '', '', 'ambiguous', ''],
      [left?.email ?? '', '2026-07-01 09:00', '2026-07-01 17:00', '', '', 'left', ''],
      [b?.email ?? '', 'soon', '2026-07-01 17:00', '', '', 'bad start', ''],
      [b?.email ?? '', '', '2026-07-01 17:00', '', '', 'no start', ''],
      [b?.email ?? '', '2026-07-01 17:00', '2026-07-01 09:00', '', '', 'backwards', ''],
      [b?.email ?? '', '2026-07-01 09:00', '', '', '', 'no end', ''],
      [b?.email ?? '', '2026-07-01', '2026-07-02', 'sometimes', '', 'bad all day', ''],
      ['', '', '', '', '', '', 'a note row: not a push row'],
      [fullName(b as never), '2026-07-02', '2026-07-03', true, 'sick', 'good 2', ''],
    ]);
    const summary = validateSheet(s.deps, 'time_off', sheet);
    expect(summary).toMatchObject({ rows: 11, ok: 2, errors: 9 });
    // The sidebar lists five and counts the rest.
    expect(summary.problems).toHaveLength(6);
    expect(summary.problems[4]).toMatch(/^Row 7: /);
    expect(summary.problems[5]).toBe("… and 4 more rows to fix: each one's Push message says what.");
    const messages = records(sheet.grid).map((r) => `${r['Push status']}|${r['Push message']}`);
    expect(messages).toEqual([
      'OK|Ready to push.',
      expect.stringMatching(/^error\|agent EMAIL is empty/),
      expect.stringMatching(
        /^error\|agent EMAIL: no agent in Assembled has the id, email or full name "ghost@example.com"/,
      ),
      expect.stringMatching(
        /^error\|agent EMAIL: \d+ people in Assembled match .* by name: (\S+@\S+, )*\S+@\S+ or \S+@\S+\. Use one of their emails or agent ids/,
      ),
      expect.stringMatching(
        /^error\|agent EMAIL: .* has left the organisation \(deleted in Assembled\): delete the row, or name an agent who is still there\.$/,
      ),
      expect.stringMatching(/^error\|Start Time: "soon" is not a date and time/),
      expect.stringMatching(/^error\|Start Time is empty/),
      expect.stringMatching(/^error\|end_time must be after Start Time/),
      expect.stringMatching(/^error\|end_time is empty: give when the time off ends, or tick All-Day\.$/),
      expect.stringMatching(/^error\|All-Day: "sometimes" is not TRUE or FALSE/),
      '|',
      'OK|Ready to push.',
    ]);
    const { job } = drive(s, startPush(s.deps, 'time_off', sheet, 'push-key-mixed').id);
    expect(job).toMatchObject({ state: 'done', total: 2, succeeded: 2, invalid: 9 });
    expect(job.message).toMatch(/2 created, 9 with problems to fix/);
    const out = records(sheet.grid);
    expect(out.map((r) => r['Push status'])).toEqual(['created', ...Array(9).fill('error'), '', 'created']);
    // Extra columns are kept as they were.
    expect(out[0]?.['Team (mine)']).toBe('keep me');
    expect(s.org.timeOff.filter((t) => t.notes.startsWith('good'))).toHaveLength(2);
    expect(s.http.sent.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('refuses a sheet whose header lacks a needed column, saying which', () => {
    const s = pushSetup();
    const sheet = s.addSheet('Wrong', [
      ['Who', 'When'],
      ['x', 'y'],
    ]);
    expect(() => validateSheet(s.deps, 'time_off', sheet)).toThrow(/needs a column named "Agent", "Start"/);
    const { job } = drive(s, startPush(s.deps, 'time_off', sheet, 'push-key-wrong').id);
    expect(job.state).toBe('failed');
    expect(job.message).toMatch(/needs a column named/);
  });

  it('stops cleanly when the sheet is deleted mid-push', () => {
    const s = pushSetup();
    const sheet = s.addSheet('Gone', [
      ['Agent', 'Start', 'End'],
      [s.agents[0]?.email ?? '', '2026-07-01 09:00', '2026-07-01 10:00'],
    ]);
    const job = startPush(s.deps, 'time_off', sheet, 'push-key-gone');
    s.deleteSheet(sheet);
    expect(drive(s, job.id).job).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/"Gone" was deleted/),
    });
  });
});
