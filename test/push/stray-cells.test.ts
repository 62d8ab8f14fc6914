// What the user typed or pasted under the add-on's own columns is theirs: a row pasted two columns
// too far right puts its platform under Push status and its ID under Assembled ID, where Validate
// once wrote "error" over the one and dropped a date from the other, past any Undo. Such a row is not
// sent, its cells there are kept as they are, and its words say to move them back; the other rows
// go. A status the add-on writes is its own, and written over as ever. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

async function setup() {
  const { rt, sim } = await startLocalAddon({ dialect: 'live' });
  const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
  const at = (sheet: string, header: string) => (rt.workbook.values(sheet)[0] ?? []).indexOf(header) + 1;
  const links = () => sim.stats().byRoute['POST /v0/agents/associations'] ?? 0;
  const held = (email: string | undefined) =>
    sim.admin.org.people.find((p) => p.email === email)?.platforms ?? {};
  return { rt, sim, agents, at, links, held };
}

const shifted = (cells: string) =>
  `${cells}, which the add-on did not write: the row's cells look shifted 2 columns to the right. Move them back under their headers (Agent, Platform, Platform ID), or, if they were pasted there just now, take the paste back with Ctrl+Z (Edit ▸ Undo) in the sheet; then Validate again. The row is not sent until then.`;
/** The words of a later row shifted as row 4 is, which point at row 4's rather than repeat them. */
const asRow4 = (cells: string) =>
  `Cells look shifted 2 columns to the right, as in row 4: ${cells}, which the add-on did not write. Fix them as row 4's Push message says; the row is not sent until then.`;

describe.skipIf(!built)('cells in the status columns the add-on did not write', () => {
  it('hold a row pasted too far right back, kept as pasted, while the other rows go', async () => {
    const { rt, agents, at, links, held } = await setup();
    const [a, b, c, d] = agents;
    const sheet = await template(rt, 'associations', [
      [a?.email, 'zendesk', 'stray-1'],
      [b?.email, 'five9', 'stray-2'],
    ]);
    // Three rows pasted at C4: agent under Platform ID, platform under Push status, ID under
    // Assembled ID, one of them a date as Sheets reads 2026-11-20.
    const day = new Date('2026-11-20T05:00:00Z');
    const pasted = [
      [c?.email, 'intercom', '5551111'],
      [d?.email, 'zendsk', day],
      [a?.email, 'new: freshdesk', ''],
    ];
    rt.workbook.write(sheet, pasted, { row: 4, column: 3 });
    const asPasted = () =>
      rt.workbook
        .values(sheet)
        .slice(3, 6)
        .map((r) => r.slice(2, 5));
    const before = asPasted();
    expect(before[1]?.[2]).toEqual(day);

    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 2, errors: 3 });
    // Row 4 says what to do in full; rows 5 and 6, shifted as far, point at it.
    const words = [
      shifted('Push status holds "intercom" and Assembled ID holds "5551111"'),
      asRow4('Push status holds "zendsk" and Assembled ID holds a date'),
      asRow4('Push status holds "new: freshdesk"'),
    ];
    expect(check.problems).toEqual(words.map((w, i) => `Row ${i + 4}: ${w}`));
    // Nothing of the paste is lost, the date still a date; the words go in the empty Push message.
    expect(asPasted()).toEqual(before);
    expect(column(rt, sheet, 'Push message').slice(2, 5)).toEqual(words);
    expect(column(rt, sheet, 'Push status').slice(0, 2)).toEqual(['OK', 'OK']);

    // Pushed: the good rows go, the pasted ones are neither sent nor written over.
    const sent = links();
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'associations', 'stray-cells-1'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 2, invalid: 3 });
    expect(view.problems).toEqual(words.map((w, i) => `Row ${i + 4}: ${w}`));
    expect(links()).toBe(sent + 1);
    expect(held(a?.email)).toMatchObject({ zendesk: 'stray-1' });
    expect(held(c?.email).intercom).not.toBe('5551111');
    expect(asPasted()).toEqual(before);
    expect(column(rt, sheet, 'Push status').slice(0, 2)).toEqual(['associated', 'associated']);
    expect(column(rt, sheet, 'Pushed at').slice(2, 5)).toEqual(['', '', '']);

    // Moved back under their headers, as the words say: checked and sent like any row.
    rt.workbook.write(
      sheet,
      pasted.map((r) => [...r.map((v) => (v instanceof Date ? 'fd-77' : v)), '', '']),
      { row: 4, column: 1 },
    );
    rt.workbook.write(sheet, [[''], [''], ['']], { row: 4, column: at(sheet, 'Push message') });
    const again = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(again.problems.join(' ')).not.toMatch(/did not write/);
    expect(column(rt, sheet, 'Push status')[2]).toBe('OK');
  });

  it('point later shifted rows at the first whose words are in its own Push message, the cell free for them', async () => {
    const { rt, agents } = await setup();
    const [a, b, c] = agents;
    const sheet = await template(rt, 'associations', []);
    // Three columns too far right: the first row's Platform ID lands in Push message, where its
    // words cannot go; the next two, with no ID, leave it empty.
    rt.workbook.write(
      sheet,
      [
        [a?.email, 'zendesk', 'zd-1'],
        [b?.email, 'five9', ''],
        [c?.email, 'intercom', ''],
      ],
      { row: 2, column: 4 },
    );
    const three = (cells: string) =>
      `${cells}, which the add-on did not write: the row's cells look shifted 3 columns to the right. Move them back under their headers (Agent, Platform, Platform ID), or, if they were pasted there just now, take the paste back with Ctrl+Z (Edit ▸ Undo) in the sheet; then Validate again. The row is not sent until then.`;
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check.problems).toEqual([
      `Row 2: ${three(`Push status holds "${a?.email}" and Assembled ID holds "zendesk"`)}`,
      `Row 3: ${three(`Push status holds "${b?.email}" and Assembled ID holds "five9"`)}`,
      `Row 4: Cells look shifted 3 columns to the right, as in row 3: Push status holds "${c?.email}" and Assembled ID holds "intercom", which the add-on did not write. Fix them as row 3's Push message says; the row is not sent until then.`,
    ]);
    expect(column(rt, sheet, 'Push message')[0]).toBe('zd-1');
  });

  it('keep a time-off row with a word typed in Push status from being sent, and keep the user message they sit beside', async () => {
    const { rt, sim, agents, at } = await setup();
    const row = (i: number) => [agents[i]?.email, `2027-05-0${i}`, `2027-05-0${i}`, 'TRUE', '', `stray-${i}`];
    const sheet = await template(rt, 'time_off', [1, 2].map(row));
    rt.workbook.write(sheet, [['see Nora', '', 'call back Monday']], {
      row: 3,
      column: at(sheet, 'Push status'),
    });
    const words =
      'Push status holds "see Nora", which the add-on did not write; a push writes its outcome there, so the row is held back. Move it to a column of your own or clear it, then Validate again.';
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ ok: 1, errors: 1, problems: [`Row 3: ${words}`] });
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'stray-cells-2'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 1, invalid: 1, problems: [`Row 3: ${words}`] });
    expect(sim.admin.org.timeOff.filter((t) => t.notes.startsWith('stray-')).map((t) => t.notes)).toEqual([
      'stray-1',
    ]);
    // The message cell held the user's words: they stay, and the sidebar alone says what to fix.
    expect(column(rt, sheet, 'Push status')).toEqual(['created', 'see Nora']);
    expect(column(rt, sheet, 'Push message')[1]).toBe('call back Monday');
  });

  it("are the add-on's own when they are its words: written over as ever, the row sent", async () => {
    const { rt, sim, agents, at } = await setup();
    const row = (i: number) => [
      agents[i]?.email,
      `2027-06-0${i}`,
      `2027-06-0${i}`,
      'TRUE',
      '',
      `own-word-${i}`,
    ];
    const sheet = await template(rt, 'time_off', [1, 2, 3, 4].map(row));
    // Words the add-on writes, as a push stopped or a Validate before left them, in any case.
    rt.workbook.write(sheet, [['Error'], ['not sent'], ['waiting'], ['ok']], {
      row: 2,
      column: at(sheet, 'Push status'),
    });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ ok: 4, errors: 0 });
    expect(column(rt, sheet, 'Push status')).toEqual(['OK', 'OK', 'OK', 'OK']);
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'stray-cells-3'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 4, invalid: 0 });
    expect(column(rt, sheet, 'Push status')).toEqual(['created', 'created', 'created', 'created']);
    expect(sim.admin.org.timeOff.filter((t) => t.notes.startsWith('own-word-'))).toHaveLength(4);
  });
});
