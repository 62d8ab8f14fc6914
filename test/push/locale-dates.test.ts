// Dates typed as text in the spreadsheet's locale: a German sheet writes 25.06.2026, a British one
// 25/06/2026. What a row says of them, through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));
/** A day before the April time off asked for below. */
const SPRING = '2026-03-01T12:00:00Z';

/** A sheet in `locale` and `timezone` at `now`; time off in the past is said so, so April's is asked at SPRING. */
async function sheetIn(locale: string, timezone: string, now = '2026-05-25T12:00:00Z') {
  const addon = await startLocalAddon({ timezone, now });
  addon.rt.workbook.setLocale(locale);
  const agents = addon.sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
  return { ...addon, email: (i: number) => agents[i]?.email };
}

describe.skipIf(!built)('a date the add-on cannot read', () => {
  it("is answered with an example in the spreadsheet's locale, and ISO beside it", async () => {
    for (const [locale, timezone, example] of [
      ['de_DE', 'Europe/Berlin', '25.06.2026 09:00'],
      ['en_GB', 'Pacific/Auckland', '25/06/2026 09:00'],
      ['en_US', 'Asia/Kolkata', '06/25/2026 09:00'],
    ] as const) {
      const { rt, email } = await sheetIn(locale, timezone);
      const states = await template(rt, 'agent_states', [[email(0), 'available', '', 'soon', '', '']]);
      await rt.callFromSidebar('validatePush', 'agent_states');
      const timeOff = await template(rt, 'time_off', [[email(1), '', "'1st June", 'TRUE', 'pto']]);
      await rt.callFromSidebar('validatePush', 'time_off');
      const iso = `(or ISO: 2026-06-25 09:00)`;
      expect(column(rt, states, 'Push message')).toEqual([
        `Start: "soon" is not a date and time the add-on can read: write it like ${example} ${iso}.`,
      ]);
      expect(column(rt, timeOff, 'Push message')).toEqual([
        `Start is empty, and the row needs a date and time, such as ${example} ${iso}. End: "1st June" is not a date and time the add-on can read: write it like ${example} ${iso}.`,
      ]);
    }
  });

  it('in a locale whose date order the add-on does not know, is answered in ISO alone', async () => {
    const { rt, email } = await sheetIn('ja_JP', 'Asia/Kolkata');
    const sheet = await template(rt, 'agent_states', [[email(0), 'available', '', 'soon', '', '']]);
    await rt.callFromSidebar('validatePush', 'agent_states');
    expect(column(rt, sheet, 'Push message')).toEqual([
      'Start: "soon" is not a date and time the add-on can read: write it like 2026-06-25 09:00.',
    ]);
  });
});

describe.skipIf(!built)('a date no calendar has (30 February)', () => {
  it("says there is no such day, in ISO and in the locale's own order; a month past 12 shows the order", async () => {
    const notDay = (text: string, month: string) => `Start: "${text}" is not a day: ${month}.`;
    for (const [locale, timezone, starts, said] of [
      [
        'en_US',
        'America/New_York',
        ['2027-02-30', '2028-02-30 09:00', '02/29/2027', '30/02/2027'],
        [
          notDay('2027-02-30', 'February 2027 has 28 days'),
          notDay('2028-02-30 09:00', 'February 2028 has 29 days'),
          notDay('02/29/2027', 'February 2027 has 28 days'),
          'Start: "30/02/2027" is not a day: there is no month 30. Write it like 06/25/2026 09:00 (or ISO: 2026-06-25 09:00).',
        ],
      ],
      [
        'en_GB',
        'Europe/London',
        ['30/02/2027 09:00', '31/04/2027'],
        [
          notDay('30/02/2027 09:00', 'February 2027 has 28 days'),
          notDay('31/04/2027', 'April 2027 has 30 days'),
        ],
      ],
      ['de_DE', 'Europe/Berlin', ['30.02.2027'], [notDay('30.02.2027', 'February 2027 has 28 days')]],
      // Its order not known, 31/02 can be day first only.
      ['nl_NL', 'Europe/Amsterdam', ['31/02/2027'], [notDay('31/02/2027', 'February 2027 has 28 days')]],
    ] as const) {
      const { rt, email } = await sheetIn(locale, timezone);
      // Typed as they are, Sheets keeps them as text: no date cell holds a day that is none.
      const sheet = await template(
        rt,
        'time_off',
        starts.map((start, i) => [email(i), start, '2027-03-05', 'TRUE', 'pto']),
      );
      await rt.callFromSidebar('validatePush', 'time_off');
      expect(column(rt, sheet, 'Push message'), locale).toEqual(said);
    }
  });
});

describe.skipIf(!built)('a text date that reads two ways (03/04/2026)', () => {
  const readAs = (date: string, locale: string, columns = 'Start and End') =>
    `${columns}: read 03/04/2026 as ${date} (spreadsheet locale ${locale}).`;

  it('an agent-state row says how it was read, when checked and when sent', async () => {
    for (const [locale, timezone, date] of [
      ['en_GB', 'Pacific/Auckland', '3 April 2026'],
      ['en_US', 'Asia/Kolkata', '4 March 2026'],
    ] as const) {
      const { rt, email } = await sheetIn(locale, timezone);
      // A leading ' keeps text as typed, as a Plain text cell does; 13/04 reads one way only.
      const sheet = await template(rt, 'agent_states', [
        [email(0), 'available', '', "'03/04/2026 09:00", "'03/04/2026 10:00", ''],
        [email(1), 'available', '', "'03/04/2026 09:00", '', ''],
        [email(2), 'available', '', '2026-04-13 09:00', '2026-04-13 10:00', ''],
      ]);
      await rt.callFromSidebar('validatePush', 'agent_states');
      expect(column(rt, sheet, 'Push message'), locale).toEqual([
        `Ready to push. ${readAs(date, locale)}`,
        `Ready to push. ${readAs(date, locale, 'Start')}`,
        'Ready to push.',
      ]);
      const view = await follow(
        rt,
        await rt.callFromSidebar<PushView>('startPush', 'agent_states', `dates-${locale}`),
      );
      expect(view).toMatchObject({ state: 'done', succeeded: 3 });
      expect(column(rt, sheet, 'Push message')[0]).toBe(
        `Accepted by Assembled for ingestion. ${readAs(date, locale)}`,
      );
    }
  });

  it('a time-off row says it the same way; a German dotted date or a date cell says nothing', async () => {
    const { rt, email } = await sheetIn('en_GB', 'Europe/Berlin', SPRING);
    const sheet = await template(rt, 'time_off', [
      [email(0), "'03/04/2026", "'05/04/2026", 'TRUE', 'pto'],
      // Typed without the ', Sheets makes it a date cell: it shows the date it holds.
      [email(1), '03/04/2026 09:00', '03/04/2026 17:00', 'FALSE', 'pto'],
    ]);
    await rt.callFromSidebar('validatePush', 'time_off');
    expect(column(rt, sheet, 'Push message')).toEqual([
      'Ready to push. Start: read 03/04/2026 as 3 April 2026; End: read 05/04/2026 as 5 April 2026 (spreadsheet locale en_GB).',
      'Ready to push.',
    ]);
    const german = await sheetIn('de_DE', 'Europe/Berlin', SPRING);
    const dotted = await template(german.rt, 'time_off', [
      [german.email(0), "'03.04.2026", "'05.04.2026", "'WAHR", 'pto'],
    ]);
    await german.rt.callFromSidebar('validatePush', 'time_off');
    expect(column(german.rt, dotted, 'Push message')).toEqual([
      'Ready to push. All day: "WAHR" read as TRUE.',
    ]);
  });
});

describe.skipIf(!built)('a text date in a day-first English locale (en_AU, en_IE, en_IN, en_NZ)', () => {
  it('is read day first, as Sheets reads the same date typed there: both go to Assembled alike', async () => {
    for (const [locale, timezone] of [
      ['en_AU', 'Australia/Sydney'],
      ['en_IE', 'Europe/Dublin'],
      ['en_IN', 'Asia/Kolkata'],
      ['en_NZ', 'Pacific/Auckland'],
    ] as const) {
      const { rt, sim } = await sheetIn(locale, timezone, SPRING);
      // Two agents of one time zone: an all-day request's days are its agent's.
      const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
      const [a, b] = agents.filter((p) => p.timezone === agents[0]?.timezone);
      const sheet = await template(rt, 'time_off', [
        [a?.email, "'03/04/2026", "'05/04/2026", 'TRUE', 'pto'],
        // Typed without the ', Sheets makes a date cell of it, day first in these locales.
        [b?.email, '03/04/2026', '05/04/2026', 'TRUE', 'pto'],
      ]);
      await rt.callFromSidebar('validatePush', 'time_off');
      expect(column(rt, sheet, 'Push message'), locale).toEqual([
        `Ready to push. Start: read 03/04/2026 as 3 April 2026; End: read 05/04/2026 as 5 April 2026 (spreadsheet locale ${locale}).`,
        'Ready to push.',
      ]);
      const view = await follow(
        rt,
        await rt.callFromSidebar<PushView>('startPush', 'time_off', `au-${locale}`),
      );
      expect(view, locale).toMatchObject({ state: 'done', succeeded: 2 });
      const made = column(rt, sheet, 'Assembled ID').map((id) =>
        sim.admin.org.timeOff.find((t) => t.id === id),
      );
      expect(made[0]?.start_time, locale).toBe(made[1]?.start_time);
      expect(made[0]?.end_time, locale).toBe(made[1]?.end_time);
    }
  });
});

describe.skipIf(!built)('a text date in a locale whose date order the add-on does not know (nl_NL)', () => {
  const twoWays = (column: string, text: string, iso: [string, string], dates: [string, string]) =>
    `${column}: "${text}" could be ${dates[0]} or ${dates[1]}: the add-on does not know whether the spreadsheet's locale (nl_NL) puts the day or the month first. Write it as ISO, ${iso[0]} or ${iso[1]}, or as a date cell.`;

  it('is refused where it reads two ways, and read where it reads one way only', async () => {
    const { rt, email } = await sheetIn('nl_NL', 'Europe/Amsterdam');
    // Sheets reads these by nl_NL's own order; the local runtime keeps them as text, as a Plain
    // text cell would, so the add-on must read them itself.
    const states = await template(rt, 'agent_states', [
      [email(0), 'available', '', '03/04/2026 09:00', '', ''],
      [email(1), 'available', '', '25/04/2026 09:00', '04/25/2026 10:00', ''],
      [email(2), 'available', '', '05/05/2026 09:00', '2026-05-05 10:00', ''],
    ]);
    await rt.callFromSidebar('validatePush', 'agent_states');
    expect(column(rt, states, 'Push message')).toEqual([
      twoWays(
        'Start',
        '03/04/2026 09:00',
        ['2026-04-03 09:00', '2026-03-04 09:00'],
        ['3 April 2026', '4 March 2026'],
      ),
      'Ready to push.',
      'Ready to push.',
    ]);
    const timeOff = await template(rt, 'time_off', [[email(3), '03/04/2026', '25/04/2026', 'TRUE', 'pto']]);
    await rt.callFromSidebar('validatePush', 'time_off');
    expect(column(rt, timeOff, 'Push message')).toEqual([
      twoWays('Start', '03/04/2026', ['2026-04-03', '2026-03-04'], ['3 April 2026', '4 March 2026']),
    ]);
  });
});
