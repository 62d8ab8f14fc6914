// An all-day time-off row is its days in the agent's own calendar, whatever the spreadsheet's time
// zone: Assembled gets the agent's midnights, and a pull and Sync time off give back the days the
// sheet had. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import { pullToEnd } from '../addon/pull-to-end';
import { sheetFields } from '../support/sheet-fields';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));
const sec = (iso: string) => Date.parse(iso) / 1000;

/** A Sydney spreadsheet in British English, and one of the simulator's agents in Dublin. */
async function sydneySheet() {
  const addon = await startLocalAddon({ timezone: 'Australia/Sydney', now: '2026-12-20T00:00:00Z' });
  addon.rt.workbook.setLocale('en_GB');
  const agent = addon.sim.admin.org.people.find(
    (p) => p.timezone === 'Europe/Dublin' && p.staffable && !p.deleted,
  );
  if (!agent) throw new Error('the simulator has no agent in Dublin');
  return { ...addon, agent };
}

/** Pushes the rows; the request Assembled made of each. */
async function push(addon: Awaited<ReturnType<typeof sydneySheet>>, rows: unknown[][]) {
  const { rt, sim } = addon;
  const sheet = await template(rt, 'time_off', rows);
  await rt.callFromSidebar('validatePush', 'time_off');
  const checked = column(rt, sheet, 'Push message');
  const view = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'all-day-push'));
  expect(view).toMatchObject({ state: 'done', succeeded: rows.length });
  const made = column(rt, sheet, 'Assembled ID').map((id) => sim.admin.org.timeOff.find((t) => t.id === id));
  return { sheet, checked, made };
}

/** First day and Last day of each request, by id, as a pull lists them and as Sync time off does. */
async function listedDays(rt: Awaited<ReturnType<typeof sydneySheet>>['rt']) {
  rt.workbook.addSheet('Leave');
  const spec = {
    source: { kind: 'resource', resource: 'time_off_requests' },
    target: { kind: 'sheet', name: 'Leave' },
    mode: 'replace',
  };
  expect(await pullToEnd(rt, spec, 'leave-pull')).toMatchObject({ state: 'done' });
  rt.workbook.addSheet('Synced');
  rt.workbook.select('Synced!A1');
  await rt.callFromSidebar('syncTimeOff');
  const days = (sheet: string) => {
    const at = sheetFields(rt, sheet);
    const [, ...rows] = rt.workbook.displayValues(sheet);
    return new Map(
      rows.map((r) => [String(r[at.indexOf('id')]), [r[at.indexOf('first_day')], r[at.indexOf('last_day')]]]),
    );
  };
  return { pulled: days('Leave'), synced: days('Synced') };
}

describe.skipIf(!built)('an all-day time-off row', () => {
  it("starts at the agent's midnight, not the spreadsheet's, and is pulled and synced back as the days typed", async () => {
    const addon = await sydneySheet();
    // Auckland is 13 hours ahead in January: its midnight is no UTC midnight's nearest day.
    const kiwi = addon.sim.admin.org.people.find(
      (p) => p.staffable && !p.deleted && p !== addon.agent && p.timezone !== 'Europe/Dublin',
    );
    if (kiwi) kiwi.timezone = 'Pacific/Auckland';
    const { checked, made } = await push(addon, [
      [addon.agent.email, '04/01/2027', '05/01/2027', 'TRUE', 'pto'],
      [kiwi?.email, '04/01/2027', '05/01/2027', 'TRUE', 'pto'],
    ]);
    expect(checked).toEqual(['Ready to push.', 'Ready to push.']);
    // Dublin keeps UTC in January: 4 January 00:00 there, not 3 January 13:00 (Sydney's midnight).
    expect(made.map((t) => [t?.start_time, t?.end_time])).toEqual([
      [sec('2027-01-04T00:00:00Z'), sec('2027-01-06T00:00:00Z')],
      [sec('2027-01-03T11:00:00Z'), sec('2027-01-05T11:00:00Z')],
    ]);
    const { pulled, synced } = await listedDays(addon.rt);
    for (const t of made) {
      expect(pulled.get(t?.id ?? '')).toEqual(['2027-01-04', '2027-01-05']);
      expect(synced.get(t?.id ?? '')).toEqual(['2027-01-04', '2027-01-05']);
    }
  });

  it("for an agent with no time zone in Assembled, is the spreadsheet's days, and says so", async () => {
    const addon = await sydneySheet();
    addon.agent.timezone = null as never;
    const { checked, made } = await push(addon, [
      [addon.agent.email, '04/01/2027', '05/01/2027', 'TRUE', 'pto'],
    ]);
    const words =
      "All day: the agent has no time zone in Assembled, so the days are the spreadsheet's (Australia/Sydney).";
    expect(checked).toEqual([`Ready to push. ${words}`]);
    expect(column(addon.rt, 'Time off to create', 'Push message')[0]).toMatch(words);
    expect([made[0]?.start_time, made[0]?.end_time]).toEqual([
      sec('2027-01-03T13:00:00Z'),
      sec('2027-01-05T13:00:00Z'),
    ]);
    const { pulled, synced } = await listedDays(addon.rt);
    const id = made[0]?.id ?? '';
    expect(pulled.get(id)).toEqual(['2027-01-04', '2027-01-05']);
    expect(synced.get(id)).toEqual(['2027-01-04', '2027-01-05']);
  });
});
