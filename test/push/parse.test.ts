import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import type { Person } from '../../src/core/assembled';
import { AgentDirectory } from '../../src/core/push/agents';
import { cellTimeFault, readCellTime } from '../../src/core/push/cell-time';
import { detectKind, doubledColumns, matchHeader, unreadColumns } from '../../src/core/push/header';
import type { PushKind } from '../../src/core/push/kinds';
import { parseRow } from '../../src/core/push/parse-row';

const zone = intlZone('America/New_York');
const person = (
  id: string,
  first: string,
  last: string,
  email: string,
  extra: Partial<Person> = {},
): Person => ({
  id: `p-${id}`,
  agent_id: `a-${id}`,
  first_name: first,
  last_name: last,
  email,
  timezone: null,
  imported_id: null,
  role: null,
  roles: [],
  channels: [],
  site: null,
  teams: [],
  queues: [],
  skills: [],
  platforms: {},
  start_date: null,
  end_date: null,
  created_at: null,
  deleted: false,
  staffable: true,
  ...extra,
});
const people = [
  person('1', 'Ada', 'Lovelace', 'ada@example.com'),
  person('2', 'Sam', 'Smith', 'sam.one@example.com'),
  person('3', 'Sam', 'Smith', 'sam.two@example.com'),
  person('4', 'Gone', 'Away', 'gone@example.com', { deleted: true }),
  person('5', 'No', 'Agent', 'manager@example.com', { agent_id: null }),
];

function parse(kind: PushKind, header: string[], row: unknown[], locale?: string) {
  const m = matchHeader(kind, header);
  if (!m.ok) throw new Error(m.problem);
  let loads = 0;
  const agents = new AgentDirectory(() => {
    loads++;
    return people;
  });
  const result = parseRow(row as never, m.map, {
    zone,
    zones: intlZone,
    agents,
    ...(locale ? { locale } : {}),
  });
  return { result, loads };
}

describe('header matching', () => {
  it('forgives case, spacing and punctuation, keeps extra columns, and finds aliases', () => {
    const m = matchHeader('time_off', [
      '  START_time',
      'agent email',
      'My notes col',
      'END',
      'all-day',
      'Notes',
    ]);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.map.columns).toEqual({ agent: 1, start: 0, end: 3, all_day: 4, notes: 5 });
    // Status columns go to the right of the last header cell.
    expect(m.map.status).toEqual({ status: 6, id: 7, message: 8, when: 9 });
    expect(m.map.added.map((a) => a.header)).toEqual([
      'Push status',
      'Assembled ID',
      'Push message',
      'Pushed at',
    ]);
  });

  it('finds status columns the sheet already has, wherever they are', () => {
    const m = matchHeader('associations', [
      'push STATUS',
      'Agent',
      'Platform',
      'Platform ID',
      'assembled id',
    ]);
    expect(m.ok && m.map.status.status).toBe(0);
    expect(m.ok && m.map.status.id).toBe(4);
    expect(m.ok && m.map.added.map((a) => a.index)).toEqual([5, 6]);
  });

  it('names the missing required columns', () => {
    const m = matchHeader('agent_states', ['Agent', 'Start']);
    expect(m).toMatchObject({ ok: false });
    expect(!m.ok && m.problem).toMatch(/"State"/);
    expect(matchHeader('time_off', [])).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/no header/),
    });
  });

  it('detects the kind a header is for', () => {
    expect(detectKind(['Agent', 'Start', 'End', 'All day'])).toBe('time_off');
    expect(detectKind(['Agent', 'State', 'Start'])).toBe('agent_states');
    expect(detectKind(['Action', 'State ID', 'Agent'])).toBe('state_edits');
    expect(detectKind(['Request ID'])).toBe('time_off_cancel');
    expect(detectKind(['Agent', 'Platform', 'Platform ID'])).toBe('associations');
    expect(detectKind(['Nothing', 'here'])).toBeUndefined();
  });

  it('does not take a sheet for a kind that leaves more of its columns unread than it reads', () => {
    // A pulled schedule has Agent ID, Start and End, which time off reads, among eleven it does not.
    const schedule = ['Occurrence ID', 'Activity ID', 'Agent ID', 'Agent name', 'Type ID', 'Activity type'];
    const pulled = [...schedule, 'Schedule ID', 'Short name', 'Agent email', 'Productive', 'Time off'];
    expect(detectKind([...pulled, 'Start', 'End', 'Duration'])).toBeUndefined();
    const map = matchHeader('time_off', [...pulled, 'Start', 'End', 'Duration', 'Push status']);
    // Agent name and Agent email fit Agent too: named as such, not as unread.
    const agent = ['Agent ID', 'Agent name', 'Agent email'];
    expect(map.ok && unreadColumns(map.map)).toEqual([
      ...pulled.filter((h) => !agent.includes(h)),
      'Duration',
    ]);
    expect(map.ok && doubledColumns(map.map)).toEqual([
      { field: 'Agent', read: 'Agent ID', others: ['Agent email', 'Agent name'] },
    ]);
    // For Activities a pulled schedule is its own sheet: only a column of the user's is unread.
    const own = matchHeader('activities', [
      'Action',
      ...pulled,
      'Start',
      'End',
      'Duration',
      'Description',
      'Team lead',
    ]);
    expect(own.ok && unreadColumns(own.map)).toEqual(['Team lead']);
    // So a pulled schedule given an Action column is taken for Activities when the sidebar opens.
    expect(detectKind(['Action', ...pulled, 'Start', 'End', 'Duration', 'Description'])).toBe('activities');
    // A kind's own sheet with a column or two of the user's is still recognised; so is a tie.
    expect(detectKind(['Agent', 'Start', 'End', 'Reason', 'Approved by'])).toBe('time_off');
    expect(detectKind(['Request ID', 'Why'])).toBe('time_off_cancel');
  });
});

describe('cell times', () => {
  it('reads date cells as instants and text in the spreadsheet timezone unless it has an offset', () => {
    const at = Date.parse('2026-06-01T13:00:00Z');
    expect(readCellTime(new Date(at), zone)).toMatchObject({
      ms: at,
      hasTime: true,
      day: { year: 2026, month: 6, day: 1 },
    });
    expect(readCellTime('2026-06-01 09:00', zone)?.ms).toBe(at);
    expect(readCellTime('2026-06-01T9:00', zone)?.ms).toBe(at);
    expect(readCellTime('2026-06-01 9:00 am', zone)?.ms).toBe(at);
    expect(readCellTime('2026-06-01 1:30 PM', zone)?.ms).toBe(Date.parse('2026-06-01T17:30:00Z'));
    expect(readCellTime('2026-06-01T09:00:00Z', zone)?.ms).toBe(Date.parse('2026-06-01T09:00:00Z'));
    expect(readCellTime('2026-06-01 09:00 +0200', zone)?.ms).toBe(Date.parse('2026-06-01T07:00:00Z'));
    expect(readCellTime('2026-06-01', zone)).toMatchObject({
      ms: Date.parse('2026-06-01T04:00:00Z'),
      hasTime: false,
    });
    // A date serial (a date typed into a number-formatted cell).
    expect(readCellTime(46174.375, zone)?.ms).toBe(at);
    for (const bad of ['tomorrow', '2026-02-30', '2026-06-01 25:00', '06/01/2026', 12, true, ''])
      expect(readCellTime(bad as never, zone)).toBeUndefined();
    // A day no calendar has is told from text that is no date, with an offset too.
    for (const text of ['2027-02-30', '2027-02-30T09:00:00Z', '2027-02-30 09:00 +0200'])
      expect(cellTimeFault(text, zone), text).toEqual({ kind: 'no_day', year: 2027, month: 2, day: 30 });
    expect(cellTimeFault('tomorrow', zone)).toBeUndefined();
  });

  it("reads text in the spreadsheet locale's own date order, and only that order", () => {
    const june1 = Date.parse('2026-06-01T13:00:00Z');
    expect(readCellTime('06/01/2026 09:00', zone, 'en_US')?.ms).toBe(june1);
    expect(readCellTime('01/06/2026 09:00', zone, 'en_GB')?.ms).toBe(june1);
    expect(readCellTime('01/06/2026 9:00', zone, 'fr_FR')?.ms).toBe(june1);
    expect(readCellTime('01/06/2026 09:00', zone, 'pt_BR')?.ms).toBe(june1);
    expect(readCellTime('01.06.2026 09:00', zone, 'de_DE')?.ms).toBe(june1);
    for (const locale of ['en_AU', 'en_IE', 'en_IN', 'en_NZ', 'es_MX'])
      expect(readCellTime('01/06/2026 09:00', zone, locale)?.ms, locale).toBe(june1);
    // Where the order is not known, a date that can be one day only is that day; 03/04 is neither.
    expect(readCellTime('25/06/2026', zone, 'nl_NL')?.day).toEqual({ year: 2026, month: 6, day: 25 });
    expect(readCellTime('06/25/2026', zone, 'en_CA')?.day).toEqual({ year: 2026, month: 6, day: 25 });
    expect(readCellTime('01.06.2026', zone, 'de_DE')).toMatchObject({
      hasTime: false,
      day: { month: 6, day: 1 },
    });
    for (const [text, locale] of [
      ['01.06.2026', 'en_US'],
      ['01/06/2026', 'de_DE'],
      ['13/01/2026', 'en_US'],
      ['31/02/2026', 'en_GB'],
      ['01.06.2026 24:00', 'de_DE'],
      ['03/04/2026', 'nl_NL'],
      ['03/04/2026 09:00', 'en_CA'],
    ])
      expect(readCellTime(text as string, zone, locale)).toBeUndefined();
  });
});

describe('row parsing', () => {
  const header = ['Agent', 'Start', 'End', 'All day', 'Type', 'Notes'];

  it('builds a time-off request from email, name or id, reading people once', () => {
    for (const who of ['ada@example.com', 'ADA LOVELACE', ' Ada  Lovelace ', 'a-1', 'p-1']) {
      const { result, loads } = parse('time_off', header, [
        who,
        '2026-06-01 09:00',
        '2026-06-01 17:00',
        '',
        'PTO',
        'x',
      ]);
      expect(loads).toBe(1);
      expect(result).toEqual({
        ok: true,
        request: {
          kind: 'time_off',
          input: {
            agent_id: 'a-1',
            start_time: Date.parse('2026-06-01T13:00:00Z'),
            end_time: Date.parse('2026-06-01T21:00:00Z'),
            type: 'pto',
            notes: 'x',
          },
        },
      });
    }
  });

  it('makes all-day rows whole local days, the end day inclusive', () => {
    const { result } = parse('time_off', header, [
      'ada@example.com',
      '2026-06-01',
      '2026-06-03',
      true,
      '',
      '',
    ]);
    expect(result).toMatchObject({
      ok: true,
      request: {
        input: {
          start_time: Date.parse('2026-06-01T04:00:00Z'),
          end_time: Date.parse('2026-06-04T04:00:00Z'),
          all_day: true,
        },
      },
    });
    const one = parse('time_off', header, ['ada@example.com', '2026-06-01 10:00', '', 'TRUE', '', '']).result;
    expect(one).toMatchObject({
      ok: true,
      request: { input: { end_time: Date.parse('2026-06-02T04:00:00Z') } },
    });
  });

  it('reads dates alone with All day not ticked, empty or FALSE, as whole days, and says so', () => {
    const empty = parse('time_off', header, [
      'ada@example.com',
      '2026-06-01',
      '2026-06-01',
      '',
      '',
      '',
    ]).result;
    expect(empty).toMatchObject({
      ok: true,
      request: {
        input: {
          start_time: Date.parse('2026-06-01T04:00:00Z'),
          end_time: Date.parse('2026-06-02T04:00:00Z'),
          all_day: true,
        },
      },
      readAs:
        " All day: not ticked, and Start and End have no time of day: read as the whole day 1 June 2026 (for part of a day, type the times in Start and End). All day: the agent has no time zone in Assembled, so the days are the spreadsheet's (America/New_York).",
    });
    // End empty too: one whole day, as End's note says, not "End is empty".
    const oneDay = parse('time_off', header, ['ada@example.com', '2026-06-01', '', '', '', '']).result;
    expect(oneDay).toMatchObject({
      ok: true,
      request: {
        input: {
          start_time: Date.parse('2026-06-01T04:00:00Z'),
          end_time: Date.parse('2026-06-02T04:00:00Z'),
          all_day: true,
        },
      },
      readAs:
        " All day: not ticked, Start has no time of day and End is empty: read as the whole day 1 June 2026 (for part of a day, type the times in Start and End). All day: the agent has no time zone in Assembled, so the days are the spreadsheet's (America/New_York).",
    });
    // A time of day in Start keeps the row exact, and its empty End refused.
    const timed = parse('time_off', header, ['ada@example.com', '2026-06-01 00:30', '', '', '', '']).result;
    expect(!timed.ok && timed.problems.join(' | ')).toMatch(/^End is empty/);
    const no = parse('time_off', header, [
      'ada@example.com',
      '2026-06-01',
      '2026-06-03',
      'FALSE',
      '',
      '',
    ]).result;
    expect(no).toEqual({
      ok: true,
      request: {
        kind: 'time_off',
        input: {
          agent_id: 'a-1',
          start_time: Date.parse('2026-06-01T04:00:00Z'),
          end_time: Date.parse('2026-06-04T04:00:00Z'),
          all_day: true,
        },
      },
      readAs:
        " All day: not ticked, and Start and End have no time of day: read as whole days, 1 June 2026 to 3 June 2026 (for part of a day, type the times in Start and End). All day: the agent has no time zone in Assembled, so the days are the spreadsheet's (America/New_York).",
      untickedDays: true,
    });
  });

  it('names the column and what to fix for each kind of bad row', () => {
    const cases: [unknown[], RegExp][] = [
      [['', '2026-06-01 09:00', '2026-06-01 10:00'], /^Agent is empty/],
      [
        ['nobody@example.com', '2026-06-01 09:00', '2026-06-01 10:00'],
        /^Agent: no agent in Assembled has .*nobody@example.com/,
      ],
      [
        ['Sam Smith', '2026-06-01 09:00', '2026-06-01 10:00'],
        /^Agent: 2 people in Assembled match "Sam Smith" by name: sam\.one@example\.com or sam\.two@example\.com\. Use one of their emails/,
      ],
      [['gone@example.com', '2026-06-01 09:00', '2026-06-01 10:00'], /^Agent: "gone@example.com" has left/],
      [['manager@example.com', '2026-06-01 09:00', '2026-06-01 10:00'], /^Agent: .* has no agent id/],
      [
        ['ada@example.com', 'next monday', '2026-06-01 10:00'],
        /^Start: "next monday" is not a date and time .* write it like 2026-06-25 09:00\./,
      ],
      [['ada@example.com', '', '2026-06-01 10:00'], /^Start is empty/],
      [['ada@example.com', '2026-06-01 09:00', '2026-06-01 08:00'], /^End must be after Start\.$/],
      // End equal to Start says what to give, not only that it must come after.
      [
        ['ada@example.com', '2026-06-01 09:00', '2026-06-01 09:00'],
        /^End is the same as Start: give the time the time off ends\.$/,
      ],
      [
        ['ada@example.com', '2026-06-01 09:00', ''],
        /^End is empty: give when the time off ends, or tick All day\.$/,
      ],
      [
        ['ada@example.com', '2026-06-01 09:00', '2026-06-01 10:00', 'maybe'],
        /^All day: "maybe" is not TRUE or FALSE/,
      ],
    ];
    for (const [row, message] of cases) {
      const { result } = parse('time_off', header, row);
      expect(result.ok, String(row)).toBe(false);
      expect(!result.ok && result.problems.join(' | ')).toMatch(message);
    }
  });

  it('uses the sheet’s own header names in problems and lists every problem of a row', () => {
    const { result } = parse('time_off', ['agent email', 'from', 'until'], ['', 'soon', '']);
    expect(!result.ok && result.problems).toEqual([
      expect.stringMatching(/^agent email is empty/),
      expect.stringMatching(/^from: "soon" is not a date/),
    ]);
  });

  it('says the same problem of two cells once, naming both', () => {
    // An activity needs a Start and an End: both empty is one sentence, in the plural.
    const { result } = parse(
      'activities',
      ['Action', 'Agent', 'Type', 'Start', 'End'],
      ['create', 'ada@example.com', 'lunch', '', ''],
    );
    expect(!result.ok && result.problems).toContainEqual('Start and End are empty, and create needs them.');
  });

  it('says the instruction two cells share once, after both: a year wrong in each, a day in each', () => {
    const example = '25/06/2026 09:00 (or ISO: 2026-06-25 09:00)';
    const far = (hour: number) => new Date(Date.UTC(2226, 0, 12, hour + 5));
    const { result } = parse('time_off', header, ['ada@example.com', far(9), far(17), '', 'pto'], 'en_GB');
    expect(!result.ok && result.problems.join(' ')).toBe(
      `Start: reads as 2226-01-12 09:00, and the year 2226 looks wrong. End: reads as 2226-01-12 17:00, and the year 2226 looks wrong. Type the date and time, like ${example}.`,
    );
    const days = parse(
      'time_off',
      header,
      ['ada@example.com', '12/30/2027', '12/31/2027', '', 'pto'],
      'en_GB',
    );
    expect(!days.result.ok && days.result.problems.join(' ')).toBe(
      `Start: "12/30/2027" is not a day: there is no month 30. End: "12/31/2027" is not a day: there is no month 31. Write it like ${example}.`,
    );
    // Alone, a cell says its instruction as before.
    const one = parse(
      'time_off',
      header,
      ['ada@example.com', far(9), '2027-01-12 17:00', '', 'pto'],
      'en_GB',
    );
    expect(!one.result.ok && one.result.problems).toEqual([
      `Start: reads as 2226-01-12 09:00, and the year 2226 looks wrong: type the date and time, like ${example}.`,
    ]);
  });

  it("says a cell's problem and the agent's together, not one a Validate", () => {
    expect(parse('time_off', header, ['gone@example.com', '', '', '', 'pto']).result).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(
          /^Start is empty, and the row needs a date and time, such as 2026-06-25 09:00\.$/,
        ),
        expect.stringMatching(/^Agent: .*gone@example\.com/),
      ],
    });
    // An agent that is found adds nothing.
    expect(parse('time_off', header, ['ada@example.com', '', '', '', 'pto']).result).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(
          /^Start is empty, and the row needs a date and time, such as 2026-06-25 09:00\.$/,
        ),
      ],
    });
  });

  it('checks the cells that read well together when another cannot be read', () => {
    // All day unreadable, End before Start: both are said, not one a Validate.
    const row = ['ada@example.com', '2026-06-10', '2026-06-05', 'yes please', 'pto'];
    expect(parse('time_off', header, row).result).toEqual({
      ok: false,
      problems: [
        'All day: "yes please" is not TRUE or FALSE.',
        // Dates alone, All day not read: whole days, whose last is before the first.
        'End is before Start: give the last day off as End.',
      ],
    });
    // A cell that could not be read says its own problem only, not that it is empty too.
    const lunh = ['insert', '', 'a-1', 'lunh', '2026-06-01 09:00', '2026-05-01 09:00'];
    expect(
      parse('state_edits', ['Action', 'State ID', 'Agent', 'State', 'Start', 'End'], lunh).result,
    ).toEqual({
      ok: false,
      problems: [
        'State: "lunh" is not a state Assembled knows; did you mean "lunch"? If it is a state new to Assembled, write new: lunh.',
        expect.stringMatching(/^End must be after Start/),
      ],
    });
  });

  it('checks what each edit action needs', () => {
    const h = ['Action', 'State ID', 'Agent', 'State', 'Start', 'End'];
    const same = ['insert', '', 'a-1', 'busy', '2026-06-01 09:00', '2026-06-01 09:00'];
    expect(parse('state_edits', h, same).result).toEqual({
      ok: false,
      problems: ['End is the same as Start: give the time the state ends.'],
    });
    expect(parse('state_edits', h, ['delete', 's-1']).result).toEqual({
      ok: true,
      request: { kind: 'state_edits', action: 'delete', stateId: 's-1' },
    });
    expect(parse('state_edits', h, ['Update', '', 'a-1', 'busy', '2026-06-01 09:00']).result).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^State ID is empty, and update needs/)],
    });
    expect(
      parse('state_edits', h, ['insert', 's-9', 'a-1', 'busy', '2026-06-01 09:00']).result,
    ).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^State ID must be empty for insert/)],
    });
    expect(parse('state_edits', h, ['move', '', 'a-1']).result).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^Action: "move" is not one of insert, update, delete/)],
    });
    expect(parse('state_edits', h, ['insert', '', '', 'busy', '']).result).toMatchObject({
      ok: false,
      problems: ['Agent and Start are empty, and insert needs them.'],
    });
  });

  it('refuses an agent state over 7 days: a day and month read the wrong way round', () => {
    const h = ['Agent', 'State', 'Sub-state', 'Start', 'End', 'Source'];
    // 03/12/2026 is March 12 in the US: typed for December 3, it makes a state of nine months.
    const swapped = parse(
      'agent_states',
      h,
      ['a-1', 'Available', '', '03/12/2026 10:00', '2026-12-03 10:30'],
      'en_US',
    );
    expect(swapped.result).toEqual({
      ok: false,
      problems: [
        'End: the state would last 266 days (Start read as 2026-03-12 10:00, End as 2026-12-03 10:30), and no agent state lasts over 7 days. Check the day and month of Start and End.',
      ],
    });
    // Seven days is the most; a minute more is refused, an edit's insert too.
    const week = ['a-1', 'offline', '', '2026-06-01 09:00', '2026-06-08 09:00'];
    expect(parse('agent_states', h, week).result.ok).toBe(true);
    expect(parse('agent_states', h, [...week.slice(0, 4), '2026-06-08 09:01']).result.ok).toBe(false);
    const insert = ['insert', '', 'a-1', 'busy', '2026-06-01 09:00', '2026-07-01 09:00'];
    expect(
      parse('state_edits', ['Action', 'State ID', 'Agent', 'State', 'Start', 'End'], insert).result,
    ).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^End: the state would last 30 days/)],
    });
  });

  it('takes a near miss of a known state or platform for a typo, and sends a value far from all as written', () => {
    const states = ['Agent', 'State', 'Start'];
    expect(parse('agent_states', states, ['a-1', 'avialable', '2026-06-01 09:00']).result).toMatchObject({
      ok: false,
      problems: [
        'State: "avialable" is not a state Assembled knows; did you mean "available"? If it is a state new to Assembled, write new: avialable.',
      ],
    });
    // The same letters, one typed two places early: one slip, as a swap is.
    expect(parse('agent_states', states, ['a-1', 'brake', '2026-06-01 09:00']).result).toMatchObject({
      ok: false,
      problems: [
        'State: "brake" is not a state Assembled knows; did you mean "break"? If it is a state new to Assembled, write new: brake.',
      ],
    });
    // Read as written all the same, for the checks across rows (overlaps, platforms): still refused.
    expect(parse('agent_states', states, ['a-1', 'brake', '2026-06-01 09:00']).result).toMatchObject({
      ok: false,
      request: { input: { state: 'brake' } },
      asWritten: ['state'],
    });
    const edit = ['insert', '', 'a-1', 'lunh', '2026-06-01 09:00'];
    expect(
      parse('state_edits', ['Action', 'State ID', 'Agent', 'State', 'Start'], edit).result,
    ).toMatchObject({
      ok: false,
      problems: [
        'State: "lunh" is not a state Assembled knows; did you mean "lunch"? If it is a state new to Assembled, write new: lunh.',
      ],
    });
    const platform = ['Agent', 'Platform', 'Platform ID'];
    expect(parse('associations', platform, ['a-1', 'zendesks', '42']).result).toMatchObject({
      ok: false,
      problems: [
        'Platform: "zendesks" is not a platform Assembled knows; did you mean "zendesk"? If it is a platform new to Assembled, write new: zendesks.',
      ],
    });
    // Two letters swapped, in a name too short to allow two edits, is one slip.
    const platformOf = (typed: string) => parse('associations', platform, ['a-1', typed, '42']).result;
    expect(['zendeks', 'fvie9'].map(platformOf)).toMatchObject([
      {
        ok: false,
        problems: [
          'Platform: "zendeks" is not a platform Assembled knows; did you mean "zendesk"? If it is a platform new to Assembled, write new: zendeks.',
        ],
      },
      {
        ok: false,
        problems: [
          'Platform: "fvie9" is not a platform Assembled knows; did you mean "five9"? If it is a platform new to Assembled, write new: fvie9.',
        ],
      },
    ]);
    // Two slips are not a near miss of a name this short: two swaps, two letters changed, a swap
    // and a letter left out. Such a name may be a platform of the organisation's own.
    for (const typed of ['zedneks', 'zenexsk', 'fvi9'])
      expect(platformOf(typed)).toMatchObject({ ok: true, request: { input: { platform: typed } } });
    // An agent state's Source is a platform too, and optional: a typo there is caught the same way.
    const sourced = ['Agent', 'State', 'Start', 'Source'];
    expect(
      parse('agent_states', sourced, ['a-1', 'busy', '2026-06-01 09:00', 'zendesks']).result,
    ).toMatchObject({
      ok: false,
      problems: [
        'Source: "zendesks" is not a platform Assembled knows; did you mean "zendesk"? If it is a platform new to Assembled, write new: zendesks.',
      ],
    });
    expect(parse('agent_states', sourced, ['a-1', 'busy', '2026-06-01 09:00', 'Five9']).result).toMatchObject(
      {
        ok: true,
        request: { input: { source: 'five9' } },
      },
    );
    expect(
      parse('agent_states', sourced, ['a-1', 'busy', '2026-06-01 09:00', 'genesys']).result,
    ).toMatchObject({
      ok: true,
      request: { input: { source: 'genesys' } },
    });
    // new: sends a near miss as written after it, and is no near miss itself; new: alone says what to type.
    expect(
      parse('agent_states', sourced, ['a-1', 'new: Brake', '2026-06-01 09:00', 'new: Zendesks']).result,
    ).toMatchObject({ ok: true, request: { input: { state: 'Brake', source: 'zendesks' } } });
    expect(parse('agent_states', sourced, ['a-1', 'new:', '2026-06-01 09:00', 'new: ']).result).toEqual({
      ok: false,
      problems: [
        'State: write the new state after new: (new: brek).',
        'Source: write the new platform after new: (new: freshdesk).',
      ],
    });
    // Case aside, a known value is sent as Assembled spells it; a custom one far from all as typed.
    expect(parse('agent_states', states, ['a-1', 'LUNCH', '2026-06-01 09:00']).result).toMatchObject({
      ok: true,
      request: { input: { state: 'lunch' } },
    });
    expect(parse('agent_states', states, ['a-1', 'Coaching', '2026-06-01 09:00']).result).toMatchObject({
      ok: true,
      request: { input: { state: 'Coaching' } },
    });
    expect(parse('associations', platform, ['a-1', 'freshdesk', '42']).result).toMatchObject({ ok: true });
  });

  it('keeps platform ids exactly as typed', () => {
    const { result } = parse(
      'associations',
      ['Agent', 'Platform', 'Platform ID'],
      ['a-1', 'Zendesk', '00789'],
    );
    expect(result).toEqual({
      ok: true,
      request: {
        kind: 'associations',
        input: { agent_id: 'a-1', platform: 'zendesk', platform_id: '00789' },
      },
    });
  });
});

describe('cells that hold something other than what was typed', () => {
  const header = ['Agent', 'Start', 'End', 'All day', 'Type', 'Notes'];
  const platform = ['Agent', 'Platform', 'Platform ID'];
  const platformId = (id: unknown) => parse('associations', platform, ['a-1', 'zendesk', id]).result;

  it('a formula error is named, with the formula to fix, in a time cell as in any other', () => {
    expect(parse('time_off', header, ['ada@example.com', '#NAME?', '2026-06-01 10:00']).result).toEqual({
      ok: false,
      problems: ['Start: holds the formula error #NAME?: fix the formula that fills it, or type the value.'],
    });
    expect(parse('time_off', header, ['#N/A', '2026-06-01 09:00', '#REF!']).result).toEqual({
      ok: false,
      problems: [
        'Agent: holds the formula error #N/A: fix the formula that fills it, or type the value.',
        'End: holds the formula error #REF!: fix the formula that fills it, or type the value.',
      ],
    });
  });

  it('an id Excel wrote in scientific notation is refused: its digits are lost', () => {
    expect(platformId('1.5E+10')).toEqual({
      ok: false,
      problems: [
        'Platform ID: "1.5E+10" is an id in scientific notation (as Excel shows long numbers), which may have lost digits: type the id digit for digit as the platform shows it (1.5E+10 is 15000000000).',
      ],
    });
    expect(platformId('1,23457E+15')).toMatchObject({ ok: false });
    // An id of the platform's own that has an E in it is no number.
    expect(platformId('12E45')).toMatchObject({ ok: true, request: { input: { platform_id: '12E45' } } });
  });

  it('an id held as a number goes as its digits up to 15 of them, past which it is not exact', () => {
    expect(platformId(15_000_000_000)).toMatchObject({
      ok: true,
      request: { input: { platform_id: '15000000000' } },
    });
    expect(platformId(999_999_999_999_999)).toMatchObject({ ok: true });
    expect(platformId(1_234_567_890_123_456_800)).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(
          /^Platform ID: 1234567890123456800 is a number too long to be exact \(a number keeps 15 digits\), so the id's last digits are lost: format the column as Plain text \(Format ▸ Number ▸ Plain text\), then type the id again\.$/,
        ),
      ],
    });
  });
});

describe('namesakes', () => {
  it('a name many people share lists the first three by email (else agent id) and counts the rest', () => {
    const many = [
      person('a1', 'Jo', 'Lee', 'jo.1@example.com'),
      person('a2', 'Jo', 'Lee', ''),
      person('a3', 'Jo', 'Lee', 'jo.3@example.com'),
      person('a4', 'Jo', 'Lee', 'jo.4@example.com'),
      person('a5', 'Jo', 'Lee', 'jo.5@example.com'),
    ];
    expect(new AgentDirectory(() => many).resolve('jo  lee')).toEqual({
      ok: false,
      problem:
        '5 people in Assembled match "jo  lee" by name: jo.1@example.com, a-a2, jo.3@example.com and 2 more. Use one of their emails or agent ids instead.',
    });
  });
});

describe('an agent named as a pull names namesakes, "Name (email)"', () => {
  const staff = [
    person('1', 'Ava', 'Smith', 'ava.smith@example.com'),
    person('2', 'Ava', 'Smith', 'ava.smith2@example.com'),
    person('3', 'Bo', 'Lee', 'bo.lee@example.com'),
  ];
  const resolve = (text: string) => new AgentDirectory(() => staff).resolve(text);

  it('is the agent of the email, whose name it is, in any case and spacing', () => {
    expect(resolve('Ava Smith (ava.smith2@example.com)')).toEqual({ ok: true, agentId: 'a-2' });
    expect(resolve(' ava  smith(AVA.SMITH@example.com) ')).toEqual({ ok: true, agentId: 'a-1' });
  });

  it('says whose email it is when the name is another, and an unknown email as any', () => {
    expect(resolve('Ava Smith (bo.lee@example.com)')).toEqual({
      ok: false,
      problem:
        '"Ava Smith (bo.lee@example.com)": bo.lee@example.com is the email of Bo Lee in Assembled, not of Ava Smith. Give the email of the agent meant.',
    });
  });

  it('offers the near misses of an unknown email in the same form, to be pasted back', () => {
    expect(resolve('Ava Smith (ava.smith@exampel.com)')).toEqual({
      ok: false,
      problem:
        '"Ava Smith (ava.smith@exampel.com)": no agent in Assembled has the email ava.smith@exampel.com. Did you mean "Ava Smith (ava.smith@example.com)"? Check the spelling.',
    });
    // Namesakes are told apart by their emails, as a People pull writes them.
    expect(resolve('Ava Smith (ava.smith3@example.com)')).toMatchObject({
      problem: expect.stringContaining(
        'Did you mean "Ava Smith (ava.smith@example.com)" or "Ava Smith (ava.smith2@example.com)"?',
      ),
    });
    // A slip in the name as well, in any case and spacing, is still near.
    expect(resolve('ava smiht(AVA.SMITH2@example.con)')).toMatchObject({
      problem: expect.stringContaining('Did you mean "Ava Smith (ava.smith2@example.com)"?'),
    });
    // The plain form is offered as before: the email.
    expect(resolve('ava.smith@exampel.com')).toMatchObject({
      problem: expect.stringContaining('Did you mean "ava.smith@example.com"?'),
    });
  });
});

describe('an agent that matches no one', () => {
  const staff = [
    person('1', 'Ava', 'Smith', 'ava.smith@example.com'),
    person('2', 'Ann', 'Lee', 'ann.lee@example.com'),
    person('3', 'Ana', 'Lee', 'ana.lee@example.com'),
    person('4', 'Zed', 'Gone', 'zed.gone@example.com', { deleted: true }),
    person('5', 'Ava', 'Smithe', 'boss@example.com', { agent_id: null }),
  ];
  const problem = (text: string, directory = new AgentDirectory(() => staff)) => {
    const found = directory.resolve(text);
    return found.ok ? '' : found.problem;
  };

  it('is said in the same words for every kind with an agent', () => {
    const words =
      'Agent: no agent in Assembled has the id, email or full name "ghost.agent@example.com". Check the spelling. If they are not in Assembled yet, add them there first, then Validate again.';
    const ghost = 'ghost.agent@example.com';
    const rows: [PushKind, string[], unknown[]][] = [
      ['time_off', ['Agent', 'Start', 'End'], [ghost, '2026-06-01 09:00', '2026-06-01 10:00']],
      ['agent_states', ['Agent', 'State', 'Start'], [ghost, 'lunch', '2026-06-01 09:00']],
      ['associations', ['Agent', 'Platform', 'Platform ID'], [ghost, 'zendesk', '42']],
    ];
    for (const [kind, header, row] of rows)
      expect(parse(kind, header, row).result, kind).toEqual({ ok: false, problems: [words] });
  });

  it('suggests the nearest name or email of a current agent, by a letter or two', () => {
    expect(problem('Ava Smtih')).toBe(
      'no agent in Assembled has the id, email or full name "Ava Smtih". Did you mean "Ava Smith"? Check the spelling, or use their email.',
    );
    expect(problem('ava.smith@exampel.com')).toMatch(
      /Did you mean "ava\.smith@example\.com"\? Check the spelling\.$/,
    );
    // Near no one, they may be new to Assembled rather than misspelled: that way on is said too.
    expect(problem('nobody.here@example.com')).toBe(
      'no agent in Assembled has the id, email or full name "nobody.here@example.com". Check the spelling. If they are not in Assembled yet, add them there first, then Validate again.',
    );
    expect(problem('Kim New')).toMatch(
      /Check the spelling, or use their email\. If they are not in Assembled yet, /,
    );
    expect(problem('Kim New (kim.new@example.com)')).toMatch(
      /no agent in Assembled has the email kim\.new@example\.com\. Check the spelling\. If they are not in Assembled yet, /,
    );
    // Two as near: both are named.
    expect(problem('Anx Lee')).toMatch(/Did you mean "Ann Lee" or "Ana Lee"\?/);
    // Someone who has left is suggested as having left, when no current agent is near.
    expect(problem('Zed Gon')).toBe(
      'no agent in Assembled has the id, email or full name "Zed Gon". Did you mean "Zed Gone"? They have left the organisation (deleted in Assembled). Check the spelling, or use their email.',
    );
    // Someone who is no agent is not suggested; neither is a name far off.
    expect(problem('Ava Smithee')).toMatch(/Did you mean "Ava Smith"\?/);
    expect(problem('Ava Smxxx')).not.toMatch(/Did you mean/);
    expect(problem('Al')).not.toMatch(/Did you mean/);
  });

  it('offers agents whose name others share by email, since that name would match them all', () => {
    const namesakes = [
      ...staff,
      person('6', 'Ava', 'Smith', 'ava.smith2@example.com'),
      // Shared with someone who is no agent: the name still fails, so the agent's email is offered.
      person('7', 'Ann', 'Lee', 'ann.lee.manager@example.com', { agent_id: null }),
      // Shared only with someone who has left: the name picks the current agent, so it is offered.
      person('8', 'Ana', 'Lee', 'ana.lee.old@example.com', { deleted: true }),
    ];
    const directory = new AgentDirectory(() => namesakes);
    expect(problem('Ava Smiht', directory)).toBe(
      'no agent in Assembled has the id, email or full name "Ava Smiht". Did you mean "ava.smith@example.com" or "ava.smith2@example.com"? Check the spelling, or use their email.',
    );
    expect(problem('Anx Lee', directory)).toMatch(/Did you mean "ann\.lee@example\.com" or "Ana Lee"\?/);
  });

  it('looks for near misses of at most 50 texts in a run; a text seen again keeps its suggestion', () => {
    const directory = new AgentDirectory(() => staff);
    expect(problem('Ava Smtih', directory)).toMatch(/Did you mean/);
    for (let i = 0; i < 49; i++) problem(`nobody ${i}`, directory);
    expect(problem('Ava Smtih', directory)).toMatch(/Did you mean "Ava Smith"/);
    expect(problem('Ann Lea', directory)).not.toMatch(/Did you mean/);
  });
});
