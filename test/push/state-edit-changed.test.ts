// A pushed Agent-state edits row changed since, through the built bundle against the live dialect:
// its Push message says what to do with the change, naming the row's own Assembled ID where the
// change needs it in State ID, and the words followed in their order do what they say.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { Simulator } from '../../dev/simulator/api';
import { validatedWords } from '../../src/core/push/progress-words';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

/** Agent-state edits inserting a lunch for each of the first `n` agents, pushed. */
async function inserted(
  n: number,
): Promise<{ rt: LocalRuntime; sim: Simulator; sheet: string; ids: string[] }> {
  const { rt, sim } = await startLocalAddon({ dialect: 'live' });
  const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email).slice(0, n);
  const sheet = await template(
    rt,
    'state_edits',
    agents.map((a) => ['insert', '', a.email, 'lunch', '', '2026-05-24 12:00', '2026-05-24 13:00', 'five9']),
  );
  const pushed = await follow(
    rt,
    await rt.callFromSidebar<PushView>('startPush', 'state_edits', 'edits-inserted'),
  );
  expect(pushed).toMatchObject({ state: 'done', succeeded: n });
  const ids = column(rt, sheet, 'Assembled ID').map(String);
  expect(ids.every((id) => id !== '')).toBe(true);
  return { rt, sim, sheet, ids };
}

const held = (sim: Simulator, id: string): boolean =>
  [...sim.admin.org.states.values()].flat().some((s) => s.id === id);

describe.skipIf(!built)('a pushed Agent-state edits row changed since', () => {
  it('changed to delete is told to put its own Assembled ID in State ID, then clear it; so done, the state goes', async () => {
    const { rt, sim, sheet, ids } = await inserted(1);
    const [id = ''] = ids;
    rt.workbook.write(sheet, [['delete']], { row: 2, column: 1 });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'state_edits');
    expect(check.problems).toEqual([
      `Row 2: Changed since it was pushed: Action was insert when pushed; not sent again, so Assembled still has it as it was. To delete the state, put this row's Assembled ID (${id}) in State ID, then clear Push status and Assembled ID. Assembled's last word on it: State record inserted.`,
    ]);

    // In the words' order: the id copied first, then the status cells cleared.
    rt.workbook.write(sheet, [[id]], { row: 2, column: 2 });
    const [head = []] = rt.workbook.values(sheet);
    rt.workbook.write(sheet, [['', '']], { row: 2, column: head.indexOf('Push status') + 1 });
    expect(held(sim, id)).toBe(true);
    const again = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'state_edits', 'edits-deleted'),
    );
    expect(again).toMatchObject({ state: 'done', succeeded: 1 });
    expect(column(rt, sheet, 'Push status')).toEqual(['deleted']);
    expect(held(sim, id)).toBe(false);
  });

  it('with its Action emptied, and nothing else, is told to put insert back, not to send an update the same as Assembled holds', async () => {
    const { rt, sheet, ids } = await inserted(2);
    rt.workbook.write(sheet, [['']], { row: 2, column: 1 });
    // Row 3 has its Action emptied and its End changed: that change is an update to send.
    rt.workbook.write(sheet, [['']], { row: 3, column: 1 });
    rt.workbook.write(sheet, [['2026-05-24 13:30']], { row: 3, column: 7 });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'state_edits');
    expect(check.problems).toEqual([
      `Row 2: Changed since it was pushed: Action was insert when pushed; not sent again, so Assembled still has it as it was. Nothing else changed, so there is nothing to send: put insert back in Action. To remove the state instead, put delete in Action and this row's Assembled ID (${ids[0]}) in State ID, then clear Push status and Assembled ID. Assembled's last word on it: State record inserted.`,
      "Row 3: Changed since it was pushed: Action was insert and End was 2026-05-24 13:00 when pushed; not sent again, so Assembled still has it as it was. To send the change, put update in Action (and the Assembled ID in State ID if it is empty), then clear Push status and Assembled ID. Assembled's last word on it: State record inserted.",
    ]);
    // Put back, the row is as it was pushed, and says so again.
    rt.workbook.write(sheet, [['insert']], { row: 2, column: 1 });
    await rt.callFromSidebar<ValidateSummary>('validatePush', 'state_edits');
    expect(column(rt, sheet, 'Push message')[0]).toBe('State record inserted.');
  });

  it('with its Action emptied alone is not promised a change to send by the summaries either', async () => {
    const { rt, sheet } = await inserted(1);
    rt.workbook.write(sheet, [['']], { row: 2, column: 1 });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'state_edits');
    expect(String(column(rt, sheet, 'Push message')[0])).toContain(
      'Nothing else changed, so there is nothing to send',
    );
    const said = 'changed since it was pushed (its Push message says what to do)';
    expect(validatedWords(check)).toContain(`1 already done, ${said}`);
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'state_edits', 'edits-action-emptied'),
    );
    expect(pushed.message).toContain(`1 already done and skipped, ${said}.`);
  });

  it('changed to delete with a State ID typed is told to clear its status cells, not to send a new row', async () => {
    const { rt, sheet, ids } = await inserted(1);
    rt.workbook.write(sheet, [['delete', ids[0]]], { row: 2, column: 1 });
    const [said = ''] = (await rt.callFromSidebar<ValidateSummary>('validatePush', 'state_edits')).problems;
    expect(said).toContain(
      'Action was insert and State ID was empty when pushed; not sent again, so Assembled still has it as it was. To send the delete, clear its Push status and Assembled ID.',
    );
  });
});
