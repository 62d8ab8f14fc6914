// A spreadsheet's time zone changed after a push (File > Settings): Sheets keeps each cell's day
// and time, so a script reads every date as another instant. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../dev/gas/index.js';
import { createSimulator } from '../../dev/simulator';
import type { Simulator } from '../../dev/simulator/api';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

/** Seven rows of time off typed in Germany, part-day and all-day, pushed from Berlin. */
async function pushedInBerlin() {
  let sim: Simulator | undefined;
  const rt = createRuntime({
    timezone: 'Europe/Berlin',
    now: '2026-12-01T09:00:00Z',
    http: (req) => (sim as Simulator).handle(req),
  });
  sim = createSimulator({ seed: 7, dialect: 'live', now: () => rt.clock.now() });
  rt.properties.user.set('assembled.apiKey', JSON.stringify(sim.admin.sampleKey));
  rt.workbook.setLocale('de_DE');
  const people = sim.admin.org.people.filter((p) => !p.deleted && p.staffable).slice(0, 7);
  const rows = people.map((p, i) =>
    i % 2 === 0
      ? [p.email, `${11 + i}.01.2027 09:00`, `${11 + i}.01.2027 17:00`, 'FALSCH', 'pto']
      : [p.email, `${11 + i}.01.2027`, `${12 + i}.01.2027`, 'WAHR', 'vacation'],
  );
  const sheet = await template(rt, 'time_off', rows);
  const view = await follow(
    rt,
    await rt.callFromSidebar<PushView>('startPush', 'time_off', 'zone-push-0001'),
  );
  expect(view).toMatchObject({ state: 'done', succeeded: 7 });
  return { rt, sim, sheet };
}

/** The notes the add-on wrote on those rows before it kept the zone (prints of instants). */
const OLD_NOTES = ['bc9d8984', '694f78e8', '51bd9bad', '8b802cfd', '3f5e3edf', '11bd47aa', 'e83deb06'].map(
  (print) =>
    `What the add-on sent, kept as ${print}: if the row is changed after it was sent, Validate and Push say so.`,
);

describe.skipIf(!built)('a push sheet after the spreadsheet time zone changed', () => {
  it('does not call rows nobody touched changed, all-day or not, and says once which zone Assembled has them in', async () => {
    const { rt, sim, sheet } = await pushedInBerlin();
    rt.workbook.setLocale('en_GB');
    rt.workbook.setTimeZone('Asia/Kolkata');
    // Sync time off gives the rows their request's word, and says nothing of changes.
    for (const id of column(rt, sheet, 'Assembled ID')) sim.admin.decideTimeOff(String(id), 'approved');
    await rt.callFromSidebar('syncTimeOff');
    expect(column(rt, sheet, 'Push status')).toEqual(Array(7).fill('approved'));
    expect(column(rt, sheet, 'Push message')).toEqual(Array(7).fill('Approved in Assembled.'));
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    // The four part-day rows' times were read in Berlin; the all-day rows' days are their agents' own.
    expect(check).toMatchObject({
      skipped: 7,
      changed: 0,
      problems: [],
      otherZone:
        "Assembled holds the times of 4 done rows as they were in Europe/Berlin, the spreadsheet's time zone when they were pushed; the sheet now reads them in Asia/Kolkata.",
    });
    expect(column(rt, sheet, 'Push message')).toEqual(Array(7).fill('Approved in Assembled.'));

    // A row typed over after the change is an edit, in the new zone as in the old.
    rt.workbook.write(sheet, [['11.01.2027 10:00'.replace(/\./g, '/')]], { row: 2, column: 2 });
    const edited = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(edited).toMatchObject({ skipped: 7, changed: 1 });
    expect(edited.problems[0]).toMatch(/^Row 2: Changed since it was pushed:/);
    expect(edited.otherZone).toMatch(
      /^Assembled holds the times of 3 done rows as they were in Europe\/Berlin/,
    );
    expect(sim.stats().byRoute['POST /v0/time_off']).toBe(7);
  });

  it('counts only rows whose times Assembled holds as read in the old zone: not all-day rows, nor a request cancelled', async () => {
    const { rt, sim, sheet } = await pushedInBerlin();
    rt.workbook.setTimeZone('Asia/Kolkata');
    const ids = column(rt, sheet, 'Assembled ID').map(String);
    // Row 4 (part-day) is cancelled, row 6 (part-day) denied; Sync time off says so beside them.
    const cancel = await template(rt, 'time_off_cancel', [[ids[2]]]);
    expect(
      await follow(
        rt,
        await rt.callFromSidebar<PushView>('startPush', 'time_off_cancel', 'zone-cancel-0001'),
      ),
    ).toMatchObject({ state: 'done', succeeded: 1 });
    sim.admin.decideTimeOff(ids[4] as string, 'denied');
    rt.workbook.select(`'${sheet}'!A1`);
    await rt.callFromSidebar('syncTimeOff');
    expect(column(rt, sheet, 'Push status')).toEqual([
      'created',
      'created',
      'cancelled',
      'created',
      'denied',
      'created',
      'created',
    ]);
    expect(rt.workbook.sheetNames()).toContain(cancel);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check.otherZone).toMatch(
      /^Assembled holds the times of 2 done rows as they were in Europe\/Berlin/,
    );
    // An all-day row of an agent with no time zone in Assembled has the spreadsheet's days: counted.
    const agent = sim.admin.org.people.find((p) => p.email === column(rt, sheet, 'Agent')[1]);
    if (!agent) throw new Error('no agent');
    agent.timezone = '';
    const again = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(again.otherZone).toMatch(
      /^Assembled holds the times of 3 done rows as they were in Europe\/Berlin/,
    );
  });

  it('rows pushed in the zone the spreadsheet has now say nothing of zones', async () => {
    const { rt } = await pushedInBerlin();
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ skipped: 7, changed: 0, problems: [] });
    expect(check.otherZone).toBeUndefined();
  });

  it('still reads the prints kept before it kept the zone: rows nobody touched are not changed', async () => {
    const { rt, sheet } = await pushedInBerlin();
    rt.workbook.note(`'${sheet}'!G2:G8`, '');
    OLD_NOTES.forEach((note, i) => {
      rt.workbook.note(`'${sheet}'!G${i + 2}`, note);
    });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ skipped: 7, changed: 0, problems: [] });
    // An old print still tells an edit.
    rt.workbook.write(sheet, [['vacation']], { row: 2, column: 5 });
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off')).toMatchObject({
      changed: 1,
    });
  });
});
