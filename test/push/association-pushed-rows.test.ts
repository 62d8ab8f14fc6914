// An agent's platform ID checked against every row of the sheet that speaks for it, pushed rows
// included as their cells now read, through the built bundle: a row to send that gives the agent
// another ID on that platform is held back beside the pushed row it disagrees with, naming it, and
// rows for other agents and platforms still go.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { validatedWords } from '../../src/core/push/progress-words';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

async function pushedLinks() {
  const { rt, sim } = await startLocalAddon({ dialect: 'live' });
  const [x, y, z] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
  if (!x || !y || !z) throw new Error('no agents');
  const sheet = await template(rt, 'associations', [
    [x.email, 'zendesk', '111'],
    [y.email, 'zendesk', '555'],
  ]);
  const push = async (key: string) =>
    follow(rt, await rt.callFromSidebar<PushView>('startPush', 'associations', key));
  expect(await push('pushed-links-1')).toMatchObject({ state: 'done', succeeded: 2 });
  const links = () => sim.stats().byRoute['POST /v0/agents/associations'] ?? 0;
  const held = (id: string) => sim.admin.org.people.find((p) => p.id === id)?.platforms ?? {};
  return { rt, sim, x, z, sheet, push, links, held };
}

const RULE =
  "A person has one zendesk ID in Assembled, and a second would replace the first while the sheet kept both: keep the row that is right and delete the other (deleting a pushed row changes nothing in Assembled; to send a pushed row's new ID, clear its Push status and Pushed at).";

describe.skipIf(!built)('a second platform ID for an agent a pushed row already gives one', () => {
  it('is held back when the pushed row was changed since, the old ID typed in a new row', async () => {
    const { rt, x, z, sheet, push, links, held } = await pushedLinks();
    // Row 2's ID is changed after its push (not sent again), and a new row 4 still has the old one.
    rt.workbook.write(sheet, [['222']], { row: 2, column: 3 });
    rt.workbook.write(
      sheet,
      [
        [x.email, 'zendesk', '111'],
        [z.email, 'five9', 'agent4242'],
      ],
      { row: 4 },
    );
    const refused = `Platform ID: the same agent has another zendesk ID in row 2 (222, pushed, changed since). ${RULE}`;
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 1, errors: 1, skipped: 2, changed: 1 });
    expect(check.problems[1]).toBe(`Row 4: ${refused}`);
    // The pushed row says it too, beside its own change.
    expect(column(rt, sheet, 'Push message')[0]).toContain(
      ' Row 4 gives the same agent another zendesk ID (111): keep the row that is right and delete the other.',
    );
    const sent = links();
    const view = await push('pushed-links-2');
    expect(view).toMatchObject({ state: 'done', succeeded: 1, invalid: 1, skipped: 2 });
    expect(column(rt, sheet, 'Push status')).toEqual(['associated', 'associated', 'error', 'associated']);
    expect(column(rt, sheet, 'Push message')[2]).toBe(refused);
    expect(links()).toBe(sent + 1);
    expect(held(x.id).zendesk).toBe('111');
    expect(held(z.id).five9).toBe('agent4242');
    // The row that disagreed deleted, the pushed row says only how to send its change.
    rt.workbook.deleteRows(sheet, 4, 1);
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations')).toMatchObject({
      errors: 0,
      changed: 1,
    });
    expect(column(rt, sheet, 'Push message')[0]).toMatch(
      /clear its Push status and Pushed at\. Assembled's last word/,
    );
  });

  it('lets the pushed row changed since say a new row sent its new ID, once that row is pushed', async () => {
    const { rt, x, sheet, push, held } = await pushedLinks();
    // Row 2 is changed to 222 after its push, and a new row 4 gives the agent that same 222.
    rt.workbook.write(sheet, [['222']], { row: 2, column: 3 });
    rt.workbook.write(sheet, [[x.email, 'zendesk', '222']], { row: 4 });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 1, errors: 0, changed: 1 });
    // Before row 4 goes, Assembled has row 2 as it was pushed.
    expect(column(rt, sheet, 'Push message')[0]).toMatch(
      /not sent again, so Assembled still has it as it was/,
    );
    rt.clock.set(rt.clock.now() + 60_000);
    const view = await push('pushed-links-5');
    expect(view).toMatchObject({ state: 'done', succeeded: 1, invalid: 0 });
    // Nothing is left to send: the summary counts no change to send.
    expect(view.message).toBe(
      'Finished: 1 associated, it replaced the ID its agent had on that platform in Assembled (row 4: its Push message names the ID replaced), 2 already done and skipped. See the Push status column.',
    );
    expect(held(x.id).zendesk).toBe('222');
    // Its own last word after it, as before.
    const sentSince =
      "Changed since it was pushed: Platform ID was 111 when pushed; row 4, pushed since, sent the same, so Assembled has it as this row now reads: nothing is left to send. Assembled's last word on it: Platform ID associated in Assembled.";
    const first = () => String(column(rt, sheet, 'Push message')[0]).slice(0, sentSince.length);
    expect(first()).toBe(sentSince);
    expect(column(rt, sheet, 'Push message')[2]).toBe(
      'Platform ID associated in Assembled. It replaced 111.',
    );
    // Validate says it again, nothing left to send: neither counted nor listed, as Push does not.
    const again = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(again).toMatchObject({ ok: 0, errors: 0, changed: 0, moved: 0, problems: [] });
    expect(validatedWords(again)).toBe(`0 OK, 0 to fix, 3 already done, in "${sheet}". Nothing was sent.`);
    expect(first()).toBe(sentSince);
  });

  it('is held back when the pushed row stands as it was pushed, and goes once that row is deleted', async () => {
    const { rt, x, sheet, push, held } = await pushedLinks();
    rt.workbook.write(sheet, [[x.email, 'zendesk', '222']], { row: 4 });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 0, errors: 1, skipped: 2, changed: 0 });
    expect(check.problems).toEqual([
      'Row 4: Platform ID: the same agent has another zendesk ID in row 2 (111, pushed). A person has one zendesk ID in Assembled: if this row is right, delete row 2 (that changes nothing in Assembled) and push this one, which replaces their zendesk ID there; if not, delete this row.',
    ]);
    expect(await push('pushed-links-3')).toMatchObject({ state: 'done', succeeded: 0, invalid: 1 });
    expect(held(x.id).zendesk).toBe('111');
    // Row 2 deleted, the new row is the only one for the agent's zendesk ID: it replaces 111.
    rt.workbook.deleteRows(sheet, 2, 1);
    expect(await push('pushed-links-4')).toMatchObject({ state: 'done', succeeded: 1, invalid: 0 });
    expect(held(x.id).zendesk).toBe('222');
    expect(column(rt, sheet, 'Push message')[1]).toBe(
      'Platform ID associated in Assembled. It replaced 111.',
    );
  });

  it('names each row it disagrees with, pushed or to send, and its ID', async () => {
    const { rt, x, sheet } = await pushedLinks();
    rt.workbook.write(
      sheet,
      [
        [x.email, 'zendesk', '222'],
        [x.email, 'Zendesk', '333'],
      ],
      { row: 4 },
    );
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 0, errors: 2 });
    expect(check.problems[0]).toBe(
      "Row 4: Platform ID: the same agent has another zendesk ID in row 2 (111, pushed) and row 5 (333). A person has one zendesk ID in Assembled, and a second would replace the first while the sheet kept both: keep the row that is right and delete the others (deleting a pushed row changes nothing in Assembled; to send a pushed row's new ID, clear its Push status and Pushed at).",
    );
    expect(check.problems[1]).toMatch(/^Row 5: .* in row 2 \(111, pushed\) and row 4 \(222\)\. /);
  });
});
