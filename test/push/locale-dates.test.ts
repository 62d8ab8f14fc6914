// Dates typed as text in the spreadsheet's locale: a German sheet writes 25.06.2026, a British one
// 25/06/2026. What a row says of them, through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { column, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

async function sheetIn(locale: string, timezone: string) {
  const addon = await startLocalAddon({ timezone, now: '2026-05-25T12:00:00Z' });
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
        `Start: is empty, and the row needs a date and time, such as ${example} ${iso}. End: "1st June" is not a date and time the add-on can read: write it like ${example} ${iso}.`,
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
