// A pushed row copied to start a new one, as people do: the whole row, its Push status, Assembled
// ID and Pushed at with it (Sheets copies the note of what was sent too; the workbench's paste may
// not), then the agent or times changed. The copy is not the row Assembled took: it is told so, and
// what to clear to send it as new; nothing is sent or cancelled for it, the row it was copied from
// stays done, and no row is counted done twice. Its words name what to clear as a changed row's do
// (clear-to-send.ts), and done as they say, the copy goes as new. Through the built bundle, the
// copy written as Sheets writes it.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import type { SyncSummary } from '../../src/core/push/sync-time-off';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

const copiedTimeOff = (from: number) =>
  `This row carries the Assembled ID of row ${from} (copied from it?): clear its Push status and Assembled ID to send it as a new request.`;
const copiedState = (from: number) =>
  `This row carries the Push status, Pushed at and note of row ${from} (copied from it?): clear its Push status, Pushed at and the Push status note to send it as a new row.`;

/** A copy told by the Pushed at it shares with a noted row, its note not copied with it. */
const copiedPlainState = (from: number) =>
  `This row carries the Push status and Pushed at of row ${from} (copied from it?): clear its Push status, Pushed at and the Push status note to send it as a new row.`;

const letter = (col: number) => String.fromCharCode(64 + col);

/** Row `from` copied whole over row `to`, its note with it when `note` (as Sheets copies it). */
function copyRow(rt: LocalRuntime, sheet: string, from: number, to: number, note = true) {
  const values = rt.workbook.values(sheet);
  rt.workbook.write(sheet, [values[from - 1] ?? []], { row: to });
  if (!note) return;
  const notes = rt.workbook.notes(sheet);
  (notes[from - 1] ?? []).forEach((text, i) => {
    if (text) rt.workbook.note(`'${sheet}'!${letter(i + 1)}${to}`, text);
  });
}

/** The cells a row's words say to clear ("clear its Push status and Assembled ID to send it"). */
function toClear(words: string): string[] {
  const said = /\bclear (?:its )?(.+?) (?:to send|here and push|and push)\b/.exec(words)?.[1];
  if (!said) throw new Error(`no cells to clear in: ${words}`);
  return said.split(/, | and /).map((c) => c.replace(/^the /, ''));
}

/** Clears in row `row` what its words say, the cells and the Push status note as the user would. */
function clearAsSaid(rt: LocalRuntime, sheet: string, row: number, words: string) {
  const header = rt.workbook.values(sheet)[0] ?? [];
  for (const cell of toClear(words)) {
    const note = cell === 'Push status note';
    const at = header.indexOf(note ? 'Push status' : cell) + 1;
    if (at === 0) throw new Error(`no column ${cell}`);
    if (note) rt.workbook.note(`'${sheet}'!${letter(at)}${row}`, '');
    else rt.workbook.write(sheet, [['']], { row, column: at });
  }
}

type Person = { email: string | null; agent_id: string };

/** An agent state to ingest for `who`, twenty minutes from `hour` on 24 May, on kustomer. */
const stateRow = (who: Person, hour: number) => [
  who.email,
  'ready',
  '',
  `2026-05-24 ${hour}:00`,
  `2026-05-24 ${hour}:20`,
  'kustomer',
];

/** A template of `kind` with the rows `rows` gives the agents, pushed: rows 2 on. */
async function pushed(
  kind: 'time_off' | 'agent_states' | 'activities',
  rows: (agents: Person[]) => unknown[][],
) {
  const { rt, sim } = await startLocalAddon({ dialect: 'live' });
  const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
  const sheet = await template(rt, kind, rows(agents));
  const push = async (key: string) => follow(rt, await rt.callFromSidebar<PushView>('startPush', kind, key));
  const validate = () => rt.callFromSidebar<ValidateSummary>('validatePush', kind);
  const at = (header: string) => (rt.workbook.values(sheet)[0] ?? []).indexOf(header) + 1;
  const posts = () =>
    Object.entries(sim.stats().byRoute)
      .filter(([route]) => !route.startsWith('GET '))
      .reduce((n, [, count]) => n + count, 0);
  const first = await push(`${kind}-first`);
  expect(first).toMatchObject({ state: 'done', succeeded: rows(agents).length });
  return { rt, sim, agents, sheet, push, validate, at, posts };
}

/** Five time-off rows, a day each, pushed: rows 2 to 6. */
function pushedTimeOffRows() {
  const day = (i: number) => `2027-03-0${i + 1}`;
  return pushed('time_off', (agents) =>
    [0, 1, 2, 3, 4].map((i) => [agents[i]?.email, day(i), day(i), 'TRUE', '', `copied-${i + 2}`]),
  );
}

describe.skipIf(!built)('a pushed time-off row copied to start a new one', () => {
  it('is told it carries the other row’s Assembled ID, nothing is cancelled or sent for it, and cleared it goes as new', async () => {
    const { rt, sim, agents, sheet, push, validate, posts } = await pushedTimeOffRows();
    const ids = column(rt, sheet, 'Assembled ID').map(String);
    const messages = column(rt, sheet, 'Push message');
    const sent = posts();
    // Row 3 copied to row 7, its note with it, then given another agent and day.
    copyRow(rt, sheet, 3, 7);
    const other = agents[9];
    rt.workbook.write(sheet, [[other?.email, '2027-03-20', '2027-03-20']], { row: 7 });

    const check = await validate();
    expect(check).toMatchObject({ ok: 0, errors: 1, skipped: 5, changed: 0, moved: 0 });
    expect(check.problems).toEqual([`Row 7: ${copiedTimeOff(3)}`]);
    expect(column(rt, sheet, 'Push message')).toEqual([...messages, copiedTimeOff(3)]);
    expect(column(rt, sheet, 'Push status').slice(0, 5)).toEqual(Array(5).fill('created'));

    const view = await push('copied-2');
    expect(view).toMatchObject({ state: 'done', succeeded: 0, skipped: 5, invalid: 1 });
    expect(view.problems).toEqual([`Row 7: ${copiedTimeOff(3)}`]);
    expect(posts()).toBe(sent);
    expect(sim.admin.org.timeOff.find((t) => t.id === ids[1])?.status).toBe('pending');

    // As the words say (Pushed at left as it is), it goes as a new request.
    clearAsSaid(rt, sheet, 7, copiedTimeOff(3));
    expect(await push('copied-3')).toMatchObject({ succeeded: 1, skipped: 5, invalid: 0 });
    const [id] = column(rt, sheet, 'Assembled ID').slice(5).map(String);
    expect(id).not.toBe(ids[1]);
    const made = sim.admin.org.timeOff.find((t) => t.id === id);
    expect(made?.agent_id).toBe(other?.agent_id);
    expect(sim.admin.org.timeOff.find((t) => t.id === ids[1])?.status).toBe('pending');
  });

  it('is told to clear what a changed row is told to clear', async () => {
    const { rt, agents, sheet, validate } = await pushedTimeOffRows();
    copyRow(rt, sheet, 3, 7);
    rt.workbook.write(sheet, [[agents[9]?.email]], { row: 7 });
    rt.workbook.write(sheet, [[agents[8]?.email]], { row: 2 });
    await validate();
    const [changed = '', , , , , copied = ''] = column(rt, sheet, 'Push message') as string[];
    expect(changed).toMatch(/^Changed since it was pushed:/);
    expect(copied).toBe(copiedTimeOff(3));
    expect(toClear(copied)).toEqual(toClear(changed));
    expect(toClear(copied)).toEqual(['Push status', 'Assembled ID']);
  });

  it('is told so without its note (a paste that leaves notes), and an exact copy is not counted done twice', async () => {
    const { rt, agents, sheet, push, validate, posts } = await pushedTimeOffRows();
    const sent = posts();
    copyRow(rt, sheet, 3, 7, false);
    rt.workbook.write(sheet, [[agents[9]?.email]], { row: 7 });
    copyRow(rt, sheet, 5, 8);
    const check = await validate();
    expect(check).toMatchObject({ ok: 0, errors: 2, skipped: 5, changed: 0 });
    expect(check.problems).toEqual([`Row 7: ${copiedTimeOff(3)}`, `Row 8: ${copiedTimeOff(5)}`]);
    const view = await push('copied-4');
    expect(view).toMatchObject({ succeeded: 0, skipped: 5, invalid: 2 });
    expect(view.message).not.toMatch(/7 already done/);
    expect(posts()).toBe(sent);
  });

  it('pasted above the row it was copied from, is the one whose cells differ from what was sent', async () => {
    const { rt, agents, sheet, validate } = await pushedTimeOffRows();
    const messages = column(rt, sheet, 'Push message');
    rt.workbook.insertRows(sheet, 2, 1);
    copyRow(rt, sheet, 5, 2);
    rt.workbook.write(sheet, [[agents[9]?.email]], { row: 2 });
    const check = await validate();
    expect(check).toMatchObject({ errors: 1, skipped: 5, changed: 0 });
    expect(check.problems).toEqual([`Row 2: ${copiedTimeOff(5)}`]);
    expect(column(rt, sheet, 'Push message').slice(1)).toEqual(messages);
  });

  it('is left as it is by Sync time off, which brings the original its news', async () => {
    const { rt, sim, agents, sheet, validate } = await pushedTimeOffRows();
    const ids = column(rt, sheet, 'Assembled ID').map(String);
    copyRow(rt, sheet, 3, 7);
    rt.workbook.write(sheet, [[agents[9]?.email]], { row: 7 });
    await validate();
    sim.admin.decideTimeOff(ids[1] ?? '', 'approved');
    expect(await rt.callFromSidebar<SyncSummary>('syncTimeOff')).toMatchObject({ updated: 1 });
    expect(column(rt, sheet, 'Push status')[1]).toBe('approved');
    expect(column(rt, sheet, 'Push message')[5]).toBe(copiedTimeOff(3));
    expect((await validate()).problems).toEqual([`Row 7: ${copiedTimeOff(3)}`]);
  });
});

/**
 * Two agent states pushed for the first agent, rows 2 and 3; `b`, another agent to copy a row to,
 * and the states Assembled holds for them on kustomer; `sent`, the POSTs made so far.
 */
async function twoStatesPushed() {
  const pushedStates = await pushed('agent_states', (people) =>
    people[0] ? [stateRow(people[0], 9), stateRow(people[0], 10)] : [],
  );
  const { sim, agents, posts } = pushedStates;
  const b = agents[2];
  if (!b) throw new Error('no agents');
  const held = () => (sim.admin.org.states.get(b.agent_id) ?? []).filter((s) => s.source === 'kustomer');
  return { ...pushedStates, b, held, sent: posts() };
}

describe.skipIf(!built)('a pushed agent-state row copied to start a new one', () => {
  it('is told it carries the other row’s push, nothing is ingested for it, and cleared it goes as new', async () => {
    const { rt, sheet, push, validate, at, posts, b, held, sent } = await twoStatesPushed();
    // Row 2 copied to row 4 and given another agent; row 3 copied to row 5 and given later times.
    copyRow(rt, sheet, 2, 4);
    rt.workbook.write(sheet, [[b.email]], { row: 4 });
    copyRow(rt, sheet, 3, 5);
    rt.workbook.write(sheet, [['2026-05-24 11:00', '2026-05-24 11:20']], { row: 5, column: at('Start') });

    const check = await validate();
    expect(check).toMatchObject({ ok: 0, errors: 2, skipped: 2, changed: 0 });
    expect(check.problems).toEqual([`Row 4: ${copiedState(2)}`, `Row 5: ${copiedState(3)}`]);
    expect(column(rt, sheet, 'Push message')[2]).toBe(copiedState(2));
    expect(await push('copied-state-2')).toMatchObject({ succeeded: 0, skipped: 2, invalid: 2 });
    expect(posts()).toBe(sent);
    expect(held()).toEqual([]);

    // Cleared as the words say, then the row it was copied from deleted: it is a new row, not a
    // state ingested whose status is to be put back (as it would be, its note left).
    clearAsSaid(rt, sheet, 4, copiedState(2));
    rt.workbook.deleteRows(sheet, 2);
    expect(await push('copied-state-3')).toMatchObject({ succeeded: 1, skipped: 1, invalid: 1 });
    expect(held().map((s) => s.state)).toEqual(['ready']);
    expect(column(rt, sheet, 'Push status')).toEqual(['ingested', 'ingested', 'error']);
  });
});

describe.skipIf(!built)('a pushed agent-state row copied without its note (copy values only)', () => {
  it('is told it carries the other row’s push, nothing is ingested for it, and cleared it goes as new', async () => {
    const { rt, sheet, push, validate, at, posts, b, held, sent } = await twoStatesPushed();
    // Row 3 copied to row 4 without its note and given another agent; row 2 copied to row 5 the
    // same way and given later times.
    copyRow(rt, sheet, 3, 4, false);
    rt.workbook.write(sheet, [[b.email]], { row: 4 });
    copyRow(rt, sheet, 2, 5, false);
    rt.workbook.write(sheet, [['2026-05-24 11:00', '2026-05-24 11:20']], { row: 5, column: at('Start') });

    const check = await validate();
    expect(check).toMatchObject({ ok: 0, errors: 2, skipped: 2, changed: 0 });
    expect(check.problems).toEqual([`Row 4: ${copiedPlainState(3)}`, `Row 5: ${copiedPlainState(2)}`]);
    const view = await push('copied-plain-state-2');
    expect(view).toMatchObject({ succeeded: 0, skipped: 2, invalid: 2 });
    expect(view.message).not.toMatch(/4 already done/);
    expect(posts()).toBe(sent);
    expect(held()).toEqual([]);

    // Cleared as the words say, it goes as a new row.
    clearAsSaid(rt, sheet, 4, copiedPlainState(3));
    expect(await push('copied-plain-state-3')).toMatchObject({ succeeded: 1, skipped: 2, invalid: 1 });
    expect(held().map((s) => s.state)).toEqual(['ready']);
    expect(column(rt, sheet, 'Push status')).toEqual(['ingested', 'ingested', 'ingested', 'error']);
  });
});

describe.skipIf(!built)('a pushed agent-state row copied without its note, its Pushed at as it shows', () => {
  // Pasted from what the cells show (another program's paste, or the text typed back), Pushed at
  // holds the time to the second the column shows, not the instant the push wrote; a Pushed at
  // column set to plain text holds it as text.
  it.each([
    ['a date to the second', (shown: string) => shown],
    ['text', (shown: string) => `'${shown}`],
  ])(
    'is told it carries the other row’s push with Pushed at as %s, and nothing is ingested for it',
    async (_, typed) => {
      const { rt, sheet, push, validate, at, posts } = await pushed('agent_states', (people) =>
        people[0] && people[1] ? [stateRow(people[0], 9), stateRow(people[1], 10)] : [],
      );
      const copied = copiedPlainState(3);
      const sent = posts();
      const when = at('Pushed at');
      const shown = rt.workbook.displayValues(sheet)[2]?.[when - 1] ?? '';
      expect(shown).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      copyRow(rt, sheet, 3, 4, false);
      rt.workbook.write(sheet, [[typed(shown)]], { row: 4, column: when });
      rt.workbook.write(sheet, [['2026-05-24 14:00', '2026-05-24 14:45']], { row: 4, column: at('Start') });
      // Not the instant row 3 holds, which the push wrote to the millisecond.
      const [, original, copy] = column(rt, sheet, 'Pushed at');
      expect(copy).not.toEqual(original);

      const check = await validate();
      expect(check).toMatchObject({ ok: 0, errors: 1, skipped: 2, changed: 0 });
      expect(check.problems).toEqual([`Row 4: ${copied}`]);
      // Told so, its status reads error: it stays a copy, its Pushed at as it was pasted.
      const view = await push('copied-shown-state-2');
      expect(view).toMatchObject({ succeeded: 0, skipped: 2, invalid: 1 });
      expect(view.problems).toEqual([`Row 4: ${copied}`]);
      expect(posts()).toBe(sent);
    },
  );
});

describe.skipIf(!built)('a pushed activity row copied to start a new one', () => {
  it('is told it carries the other row’s Assembled ID, and nothing is sent for it', async () => {
    const row = (who: Person, from: string, to: string) => [
      'create',
      '',
      who.email,
      'MTG',
      `2026-07-01 ${from}`,
      `2026-07-01 ${to}`,
      'copied',
      '',
      'TRUE',
    ];
    const { rt, agents, sheet, push, validate, posts } = await pushed('activities', (people) =>
      people[0] ? [row(people[0], '09:00', '10:00')] : [],
    );
    const b = agents[2];
    if (!b) throw new Error('no agents');
    const sent = posts();
    copyRow(rt, sheet, 2, 3);
    rt.workbook.write(sheet, [row(b, '11:00', '12:00')], { row: 3 });
    const words =
      'This row carries the Assembled ID of row 2 (copied from it?): clear its Push status and Assembled ID to send it as a new row.';
    const check = await validate();
    expect(check).toMatchObject({ ok: 0, errors: 1, skipped: 1, changed: 0 });
    expect(check.problems).toEqual([`Row 3: ${words}`]);
    expect(await push('copied-activity-2')).toMatchObject({ succeeded: 0, skipped: 1, invalid: 1 });
    expect(posts()).toBe(sent);
  });
});
