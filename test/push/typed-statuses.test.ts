// A done word in Push status that the add-on did not write: typed by a person (or filled down the
// column), with nothing the add-on writes when it pushes beside it (a time in Pushed at, the note of
// what was sent). It is no sign the row was pushed, so the row is not counted done and said to be
// sent; it may also mean "made in Assembled by hand", so it is not sent either: it is held back
// with words saying what to do, until its Push status is cleared. Rows the add-on pushed, whatever
// version wrote them, stay done. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { validatedWords } from '../../src/core/push/progress-words';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

const typed = (word: string) =>
  `Push status said ${word}, but this row was never pushed from here (nothing the add-on writes when it pushes is beside it): clear Push status to send it, or delete the row if it is in Assembled already.`;

async function setup() {
  const { rt, sim } = await startLocalAddon({ dialect: 'live' });
  const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
  const at = (sheet: string, header: string) => (rt.workbook.values(sheet)[0] ?? []).indexOf(header) + 1;
  return { rt, sim, agents, at };
}

describe.skipIf(!built)('a done Push status the add-on did not write', () => {
  it('holds a time-off row back with words, neither counted done nor sent, until its status is cleared', async () => {
    const { rt, sim, agents, at } = await setup();
    const day = (i: number) => `2027-03-0${i}`;
    const row = (i: number) => [agents[i]?.email, day(i), day(i), 'TRUE', '', `typed-status-${i}`];
    const sheet = await template(rt, 'time_off', [1, 2, 3, 4, 5].map(row));
    const push = async (key: string) =>
      follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', key));
    expect(await push('typed-status-1')).toMatchObject({ state: 'done', succeeded: 5 });
    const made = () => sim.admin.org.timeOff.filter((t) => t.notes.startsWith('typed-status-'));
    expect(made()).toHaveLength(5);

    // A new row, with created typed in its Push status.
    rt.workbook.write(sheet, [row(6)], { row: 7 });
    rt.workbook.write(sheet, [['created']], { row: 7, column: at(sheet, 'Push status') });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ ok: 0, errors: 1, skipped: 5 });
    expect(check.problems).toEqual([`Row 7: ${typed('created')}`]);
    expect(validatedWords(check)).toBe(`0 OK, 1 to fix, 5 already done, in "${sheet}". Nothing was sent.`);
    expect(column(rt, sheet, 'Push message')[5]).toBe(typed('created'));
    expect(column(rt, sheet, 'Push status')[5]).toBe('error');

    // Pushed as Validate left it, it is still held back, and says so again; nothing is sent.
    const held = await push('typed-status-2');
    expect(held).toMatchObject({ state: 'done', succeeded: 0, skipped: 5, invalid: 1 });
    expect(held.message).not.toMatch(/6 already done/);
    expect(column(rt, sheet, 'Push message')[5]).toBe(typed('created'));
    expect(made()).toHaveLength(5);

    // Its Push status cleared, as the words say: checked and sent like any new row.
    rt.workbook.write(sheet, [['']], { row: 7, column: at(sheet, 'Push status') });
    expect(await push('typed-status-3')).toMatchObject({ state: 'done', succeeded: 1, skipped: 5 });
    expect(made().map((t) => t.notes)).toContain('typed-status-6');
    expect(column(rt, sheet, 'Push status')[5]).toBe('created');
  });

  it('is said by Push alone too, for any done word; rows the add-on pushed stay done with their status cleared or typed back', async () => {
    const { rt, sim, agents, at } = await setup();
    const day = (i: number) => `2027-04-0${i}`;
    const row = (i: number) => [agents[i]?.email, day(i), day(i), 'TRUE', '', `typed-word-${i}`];
    const sheet = await template(rt, 'time_off', [1, 2].map(row));
    expect(
      await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'typed-word-1')),
    ).toMatchObject({ succeeded: 2 });
    const status = at(sheet, 'Push status');
    // Row 2's status typed over with Sync's word (a person marking it): it was pushed, so it stays done.
    rt.workbook.write(sheet, [['Approved']], { row: 2, column: status });
    // New rows with done words typed, in any case, one with an id typed beside it.
    rt.workbook.write(sheet, [row(4), row(5)], { row: 4 });
    rt.workbook.write(
      sheet,
      [
        ['Approved', ''],
        ['CREATED', 'made-by-hand'],
      ],
      { row: 4, column: status },
    );
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'typed-word-2'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 0, skipped: 2, invalid: 2 });
    expect(view.problems).toEqual([`Row 4: ${typed('approved')}`, `Row 5: ${typed('created')}`]);
    expect(sim.admin.org.timeOff.filter((t) => t.notes.startsWith('typed-word-'))).toHaveLength(2);
    expect(column(rt, sheet, 'Push status').slice(0, 2)).toEqual(['Approved', 'created']);
  });

  it('holds an agent-state row back alike: ingested typed is no sign it was ingested', async () => {
    const { rt, sim, agents, at } = await setup();
    const [a, b] = agents;
    if (!a || !b) throw new Error('no agents');
    const row = (who: typeof a, from: string) => [
      who.email,
      'ready',
      '',
      `2026-05-24 ${from}`,
      `2026-05-24 ${from.replace(':00', ':20')}`,
      'kustomer',
    ];
    const sheet = await template(rt, 'agent_states', [row(a, '9:00'), row(a, '10:00')]);
    const push = async (key: string) =>
      follow(rt, await rt.callFromSidebar<PushView>('startPush', 'agent_states', key));
    expect(await push('typed-state-1')).toMatchObject({ state: 'done', succeeded: 2 });
    const held = () => (sim.admin.org.states.get(b.agent_id) ?? []).filter((s) => s.source === 'kustomer');
    rt.workbook.write(sheet, [row(b, '9:00')], { row: 4 });
    rt.workbook.write(sheet, [['ingested']], { row: 4, column: at(sheet, 'Push status') });

    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check).toMatchObject({ ok: 0, errors: 1, skipped: 2 });
    expect(check.problems).toEqual([`Row 4: ${typed('ingested')}`]);
    expect(await push('typed-state-2')).toMatchObject({ succeeded: 0, skipped: 2, invalid: 1 });
    expect(held()).toHaveLength(0);

    rt.workbook.write(sheet, [['']], { row: 4, column: at(sheet, 'Push status') });
    expect(await push('typed-state-3')).toMatchObject({ succeeded: 1, skipped: 2 });
    expect(held().map((s) => s.state)).toEqual(['ready']);
    expect(column(rt, sheet, 'Push status')).toEqual(['ingested', 'ingested', 'ingested']);
  });
});
