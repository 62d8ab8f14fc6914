// Rows pasted from a CSV into a new sheet, through the built bundle: Sheets reads each pasted cell
// as typed, so an ID that looks like a date becomes a date cell. Never sent as a timestamp.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

/** As an ops export has it: more columns than the push reads, the ID under its own name. */
const CSV_HEADER = ['Email', 'Name', 'Team', 'Platform', 'Platform User ID', 'Role', 'Last login'];

/** Two agents with an email, and the sheet the rows are pasted into, in front. */
async function pasted(rows: (agents: { email: string; name: string }[]) => unknown[][]) {
  const addon = await startLocalAddon({ dialect: 'live' });
  const [a, b] = addon.sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
  if (!a || !b) throw new Error('no agents');
  const named = [a, b].map((p) => ({ email: p.email, name: `${p.first_name} ${p.last_name}` }));
  addon.rt.workbook.write('Pasted', rows(named));
  addon.rt.workbook.select("'Pasted'!A1");
  return { ...addon, a, b, sheet: 'Pasted' };
}

describe.skipIf(!built)('a date cell in a column that holds no time', () => {
  it('is refused as a Platform ID, saying what to fix; the other rows go', async () => {
    const { rt, a, b, sheet } = await pasted(([x, y]) => [
      CSV_HEADER,
      [x?.email, x?.name, 'Support', 'zendesk', '2026-11-20', 'agent', '2026-11-01 09:00'],
      [y?.email, y?.name, 'Support', 'zendesk', 'zd-77', 'agent', '2026-11-01 09:00'],
    ]);
    // As Sheets reads the paste: the ID is a date cell.
    expect(rt.workbook.values(sheet)[1]?.[4]).toBeInstanceOf(Date);
    const before = a.platforms.zendesk;
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 1, errors: 1 });
    expect(check.problems).toEqual([
      'Row 2: Platform User ID: the cell holds a date (2026-11-20), not an ID: Sheets read what was typed or pasted as a date. Format the column as Plain text (Format ▸ Number ▸ Plain text) and type it again.',
    ]);
    const done = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'associations', 'dated-id-1'),
    );
    expect(done).toMatchObject({ state: 'done', succeeded: 1, invalid: 1 });
    expect(column(rt, sheet, 'Push status')).toEqual(['error', 'associated']);
    expect(a.platforms.zendesk).toBe(before);
    expect(b.platforms.zendesk).toBe('zd-77');
  });

  it('is refused as an agent or a platform, a time typed alone as a time', async () => {
    const { rt, b } = await pasted(([, y]) => [
      ['Agent', 'Platform', 'Platform ID'],
      ['2026-11-20', 'zendesk', 'zd-1'],
      [y?.email, '2026-11-20 09:30', 'zd-2'],
      [y?.email, 'zendesk', '12:30'],
    ]);
    const before = b.platforms.zendesk;
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 0, errors: 3 });
    const how = 'Format the column as Plain text (Format ▸ Number ▸ Plain text) and type it again.';
    expect(check.problems).toEqual([
      `Row 2: Agent: the cell holds a date (2026-11-20), not an agent: Sheets read what was typed or pasted as a date. ${how}`,
      `Row 3: Platform: the cell holds a date (2026-11-20 09:30), not a platform: Sheets read what was typed or pasted as a date. ${how}`,
      `Row 4: Platform ID: the cell holds a time (12:30), not an ID: Sheets read what was typed or pasted as a time. ${how}`,
    ]);
    expect(b.platforms.zendesk).toBe(before);
  });

  it("is sent as a note's words as the sheet shows them, in the spreadsheet's zone", async () => {
    const { rt, sim, a } = await pasted(([x]) => [
      ['Agent', 'Start', 'End', 'All day', 'Notes'],
      [x?.email, '2026-07-06', '2026-07-07', 'TRUE', '2026-11-20'],
    ]);
    const done = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'dated-note-1'),
    );
    expect(done).toMatchObject({ state: 'done', succeeded: 1 });
    const made = sim.admin.org.timeOff.filter((t) => t.agent_id === a.agent_id);
    expect(made.at(-1)?.notes).toBe('2026-11-20');
  });
});

describe.skipIf(!built)('a number cell in an ID column (one not Plain text)', () => {
  // The zeros' count is lost with them: the words give Sheets' rule, not a guess at the ID typed.
  const said = (shown: string) =>
    `Platform User ID: sent as ${shown}: the cell holds a number, so any zeros that led what was typed or pasted were dropped by Sheets (007 becomes 7); if the ID has them, format the column as Plain text (Format ▸ Number ▸ Plain text) and type it again.`;

  it('is sent as its digits, the row saying leading zeros were lost, in Validate and after Push', async () => {
    const { rt, sim, sheet } = await pasted(([x, y]) => [
      CSV_HEADER,
      [x?.email, x?.name, 'Support', 'five9', '007', 'agent', ''],
      [y?.email, y?.name, 'Support', 'zendesk', '4815162342', 'agent', ''],
    ]);
    // As Sheets reads the paste: numbers, the zeros gone.
    expect(rt.workbook.values(sheet)[1]?.[4]).toBe(7);
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    // Still OK, as a row adding a new platform is: the words beside it say what to look at.
    expect(check).toMatchObject({ ok: 2, errors: 0 });
    const ready = column(rt, sheet, 'Push message').map(String);
    expect(ready[0]).toContain(`Ready to push. ${said('7')}`);
    expect(ready[1]).toContain(said('4815162342'));
    const done = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'associations', 'number-ids-1'),
    );
    expect(done).toMatchObject({ state: 'done', succeeded: 2 });
    expect([a?.platforms.five9, b?.platforms.zendesk]).toEqual(['7', '4815162342']);
    expect(column(rt, sheet, 'Push status')).toEqual(['associated', 'associated']);
    expect(String(column(rt, sheet, 'Push message')[0])).toContain(said('7'));
  });

  it('says nothing typed in the template, whose ID column is Plain text', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const agent = sim.admin.org.people.find(
      (p) => !p.deleted && p.staffable && p.email && !p.platforms.five9,
    );
    if (!agent) throw new Error('no agent');
    const sheet = await template(rt, 'associations', [[agent.email, 'five9', '007']]);
    await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(column(rt, sheet, 'Push message')).toEqual(['Ready to push.']);
    expect(rt.workbook.notes(sheet)[0]?.[2]).toContain(
      "In a Plain text column, as the template's, it is kept exactly as typed, leading zeros too",
    );
  });
});
