// What a finished write says: where its rows went, and why there are none.
import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import { rangeAhead } from '../../src/core/pull/range-ahead';
import type { Written } from '../../src/core/pull/staged-write';
import { writtenWords } from '../../src/core/pull/written-words';

const written = (rows: number): Written => ({
  rows,
  appended: rows,
  updated: 0,
  present: 0,
  superseded: 0,
  replacing: 0,
  bodyRow: 2,
  extent: { rows: rows + 1, cols: 3 },
});

describe('writtenWords', () => {
  it('says a replace with no rows found none to write, rather than "0 rows written"', () => {
    expect(writtenWords('replace', written(0), 'AHT!A1')).toBe(
      'No rows: Assembled holds none for this range and these filters, so AHT!A1 shows "(no records)".',
    );
    expect(writtenWords('replace', written(1), 'AHT!A1')).toBe('1 row written to AHT!A1.');
  });

  it('says a merge or append with no rows found none, and left the sheet as it was, rather than "0 rows merged"', () => {
    for (const mode of ['merge', 'append'] as const)
      expect(writtenWords(mode, written(0), 'AHT!A1')).toBe(
        'No rows: Assembled holds none for this range and these filters, so AHT!A1 was left as it was.',
      );
    // Rows found, all left out as the sheet holds them: not "none".
    expect(writtenWords('append', { ...written(0), present: 2 }, 'AHT!A1')).toMatch(
      /^Nothing appended to AHT!A1: all 2 rows were in the sheet already .*\(Merge updates such rows\)\.$/,
    );
    expect(writtenWords('merge', { ...written(0), present: 2 }, 'AHT!A1')).toMatch(
      /^0 rows merged into AHT!A1: 0 updated, 0 added; 2 rows left out, .*their time\.$/,
    );
  });

  // QA: "appended to 'Handle time'!A1 (rows 481 to 955)" read as if written at A1.
  it('says an append put its rows below the table, in its sheet or at its cell, and which rows', () => {
    const rows = { ...written(475), bodyRow: 481 };
    expect(writtenWords('append', rows, "'Handle time'!A1")).toBe(
      "475 rows appended below the table in 'Handle time', rows 481 to 955.",
    );
    expect(writtenWords('append', rows, "'Handle time'!C5")).toBe(
      "475 rows appended below the table at 'Handle time'!C5, rows 481 to 955.",
    );
  });

  // "No rows" alone hid an agent ticked for the data chosen before, kept and sent with the pull.
  it('names the filters in force when there are no rows, and how to take them off', () => {
    const also = {
      filtered: '2 agents picked under Filters',
      clear: 'Clear filters, beside Pull data, takes them off',
    };
    expect(writtenWords('replace', written(0), 'AHT!A1', also)).toBe(
      'No rows for 2 agents picked under Filters: Assembled holds none for this range and these filters, so AHT!A1 shows "(no records)". Clear filters, beside Pull data, takes them off.',
    );
    expect(writtenWords('merge', written(0), 'AHT!A1', also)).toBe(
      'No rows for 2 agents picked under Filters: Assembled holds none for this range and these filters, so AHT!A1 was left as it was. Clear filters, beside Pull data, takes them off.',
    );
    // Rows written, or none filtered: as before.
    expect(writtenWords('replace', written(1), 'AHT!A1', also)).toBe('1 row written to AHT!A1.');
    expect(writtenWords('replace', written(0), 'AHT!A1', { filtered: '' })).toBe(
      'No rows: Assembled holds none for this range and these filters, so AHT!A1 shows "(no records)".',
    );
  });

  // A range past the days Assembled plans schedules for finds nothing, whatever the filters; with
  // filters, whether it holds rows without them is not known, so both are said, the filters first.
  const planned = 'schedules may not be planned yet';
  it('says that the range lies ahead, wholly or partly: first with no filters, after them with some', () => {
    const also = {
      filtered: 'team "Tier 1" picked under Filters',
      clear: 'Clear filters, beside Pull data, takes them off',
    };
    const wholly = { ...also, ahead: { dates: '2027-02-01 to 2027-02-28', partly: false, why: planned } };
    expect(writtenWords('replace', written(0), 'Bad!A1', wholly)).toBe(
      'No rows for team "Tier 1" picked under Filters: Assembled holds none for 2027-02-01 to 2027-02-28 and these filters, so Bad!A1 shows "(no records)". Clear filters, beside Pull data, takes them off. If none come without filters either, it is because the range lies ahead, where schedules may not be planned yet.',
    );
    expect(writtenWords('replace', written(0), 'Bad!A1', { ahead: wholly.ahead })).toBe(
      'No rows: Assembled holds nothing yet for 2027-02-01 to 2027-02-28, which lies ahead: schedules may not be planned yet, so Bad!A1 shows "(no records)".',
    );
    const partly = { ...also, ahead: { dates: '2027-01-01 to 2027-01-31', partly: true, why: planned } };
    expect(writtenWords('merge', written(0), 'Bad!A1', partly)).toBe(
      'No rows for team "Tier 1" picked under Filters: Assembled holds none for 2027-01-01 to 2027-01-31 and these filters, so Bad!A1 was left as it was. Clear filters, beside Pull data, takes them off. If none come without filters either, it is because the range lies partly ahead, where schedules may not be planned yet.',
    );
    expect(writtenWords('replace', written(0), 'Bad!A1', { ahead: partly.ahead })).toBe(
      'No rows: 2027-01-01 to 2027-01-31 lies partly ahead, where schedules may not be planned yet, and Assembled holds none for the days before, so Bad!A1 shows "(no records)".',
    );
    // Rows found: as before.
    expect(writtenWords('replace', written(3), 'Bad!A1', wholly)).toBe('3 rows written to Bad!A1.');
  });

  it("finds the days of a range after today, in the sheet's zone", () => {
    const zone = intlZone('America/New_York');
    // 2027-01-03 22:00 in New York, 2027-01-04 in UTC.
    const now = Date.parse('2027-01-04T03:00:00Z');
    const range = (from: string, to: string) => ({ from, to, start: 0, end: 0 });
    const activities = { kind: 'resource', resource: 'activities' } as const;
    expect(rangeAhead(range('2027-01-01', '2027-01-03'), now, zone, activities)).toBeUndefined();
    expect(rangeAhead(range('2027-01-03', '2027-01-09'), now, zone, activities)).toEqual({
      dates: '2027-01-03 to 2027-01-09',
      partly: true,
      why: 'schedules may not be planned yet',
    });
    expect(rangeAhead(range('2027-01-04', '2027-01-04'), now, zone, activities)).toEqual({
      dates: '2027-01-04',
      partly: false,
      why: 'schedules may not be planned yet',
    });
  });

  // QA: a Handle time report ahead said schedules may not be planned, which it does not read.
  it("says why days ahead hold nothing in the words of the pull's source", () => {
    const zone = intlZone('America/New_York');
    const now = Date.parse('2026-12-15T15:00:00Z');
    const range = { from: '2026-12-21', to: '2026-12-27', start: 0, end: 0 };
    const why = (source: Parameters<typeof rangeAhead>[3]) => rangeAhead(range, now, zone, source)?.why;
    const report = (r: 'adherence' | 'ticket_stats' | 'handle_time') =>
      why({ kind: 'report', report: r, granularity: 'day' });
    expect(report('handle_time')).toBe('no tickets are handled yet');
    expect(report('ticket_stats')).toBe('no tickets are created or solved yet');
    expect(report('adherence')).toBe('schedules may not be planned yet, nor any time adherent');
    expect(why({ kind: 'resource', resource: 'agent_states' })).toBe('no agent states are recorded yet');
    expect(why({ kind: 'resource', resource: 'activities' })).toBe('schedules may not be planned yet');
  });

  it('says an append or merge into a new or empty sheet wrote its rows, not appended or merged them', () => {
    for (const mode of ['merge', 'append'] as const)
      expect(writtenWords(mode, { ...written(484), fresh: true }, 'HT merged!A1')).toBe(
        '484 rows written to HT merged!A1.',
      );
  });

  it('says a merge row in the place of rows over the same time replaced them, apart from the rows added', () => {
    // A weekly month-to-date run: every agent's month so far takes the place of last week's.
    const weekly = { ...written(94), replacing: 94, superseded: 94 };
    expect(writtenWords('merge', weekly, 'MTD!A1')).toBe(
      '94 rows merged into MTD!A1: 0 updated, 0 added, 94 replacing rows from earlier pulls over the same time (94 taken out, so no day counts twice).',
    );
    // The first run of January: December's rows finished, January's new.
    const january = { ...written(188), replacing: 94, superseded: 94 };
    expect(writtenWords('merge', january, 'MTD!A1')).toBe(
      '188 rows merged into MTD!A1: 0 updated, 94 added, 94 replacing rows from earlier pulls over the same time (94 taken out, so no day counts twice).',
    );
    // Rows taken out beside rows updated, none replacing: said as before.
    const updated = { ...written(0), rows: 3, updated: 3, superseded: 2 };
    expect(writtenWords('merge', updated, 'MTD!A1')).toBe(
      '3 rows merged into MTD!A1: 3 updated, 0 added; 2 rows from earlier pulls over the same time taken out, so no day counts twice.',
    );
  });
});
