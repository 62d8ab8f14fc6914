// Rows pasted from a CSV into a new sheet, through the built bundle: Sheets reads each pasted cell
// as typed, so an ID that looks like a date becomes a date cell. Never sent as a timestamp.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow } from './in-runtime';

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
