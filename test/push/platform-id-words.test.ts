// A Platform ID typed into the template's Plain text column, through the built bundle: advice that
// fits a Plain text column, and a leading ' (which Plain text keeps as part of the id) never sent.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('a Platform ID typed into the template (a Plain text column)', () => {
  it('in scientific notation, is refused with advice that fits the column', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const agent = sim.admin.org.people.find((p) => !p.deleted && p.staffable && p.email);
    await template(rt, 'associations', [[agent?.email, 'zendesk', '1.5E+3']]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check.problems).toEqual([
      'Row 2: Platform ID: "1.5E+3" is an id in scientific notation (as Excel shows long numbers), which may have lost digits: type the id digit for digit as the platform shows it (1.5E+3 is 1500).',
    ]);
  });

  it("led by ', which the column keeps, is refused and never sent", async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const agent = sim.admin.org.people.find((p) => !p.deleted && p.staffable && p.email);
    const held = () => sim.admin.org.people.find((p) => p.id === agent?.id)?.platforms.zendesk;
    const before = held();
    const sheet = await template(rt, 'associations', [[agent?.email, 'zendesk', "'1500"]]);
    // As in Sheets, Plain text keeps the apostrophe as part of what was typed.
    expect(rt.workbook.values(sheet)[1]?.[2]).toBe("'1500");
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 0, errors: 1 });
    expect(check.problems).toEqual([
      `Row 2: Platform ID: "'1500" starts with ', which a Plain text column keeps as part of the id: delete the ' (type 1500).`,
    ]);
    const done = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'associations', 'apostrophe-1'),
    );
    expect(done).toMatchObject({ state: 'done', succeeded: 0, invalid: 1 });
    expect(held()).toBe(before);
  });

  it('that is a formula the column kept as text (=A1, =NOW()) is refused and never sent', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b) throw new Error('no agents');
    const before = [a.platforms.intercom, b.platforms.intercom];
    const sheet = await template(rt, 'associations', [
      [a.email, 'intercom', '=A1'],
      [b.email, 'intercom', ' =NOW()'],
    ]);
    // As in Sheets, Plain text keeps a pasted formula as its text.
    expect(column(rt, sheet, 'Platform ID')).toEqual(['=A1', ' =NOW()']);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 0, errors: 2 });
    expect(check.problems).toEqual([
      'Row 2: Platform ID: "=A1" looks like a formula the cell kept as text (as a Plain text column does), so it would be sent as the id, = and all: type the id itself.',
      'Row 3: Platform ID: "=NOW()" looks like a formula the cell kept as text (as a Plain text column does), so it would be sent as the id, = and all: type the id itself.',
    ]);
    const done = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'associations', 'formula-1'),
    );
    expect(done).toMatchObject({ state: 'done', succeeded: 0, invalid: 2 });
    expect([a.platforms.intercom, b.platforms.intercom]).toEqual(before);
  });

  it('that is a formula kept as text in any ID column (Request ID) is said to be one', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    await template(rt, 'time_off_cancel', [['=B7']]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off_cancel');
    expect(check.problems).toEqual([
      'Row 2: Request ID: "=B7" looks like a formula the cell kept as text (as a Plain text column does), so it would be sent as the id, = and all: type the id itself.',
    ]);
  });
});

describe.skipIf(!built)('a platform Assembled knows of no one', () => {
  it('is a row to fix in Platform-ID associations, never sent, with the platforms Assembled knows', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const agent = sim.admin.org.people.find((p) => !p.deleted && p.staffable && p.email);
    const platforms = () => new Set(sim.admin.org.people.flatMap((p) => Object.keys(p.platforms)));
    expect(platforms().has('fivenine')).toBe(false);
    // Those its people hold IDs on first, then the names Assembled uses most.
    const examples = 'five9, intercom, zendesk or salesforce';
    await template(rt, 'associations', [[agent?.email, 'fivenine', 'agent777']]);
    const links = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(links).toMatchObject({ ok: 0, errors: 1 });
    expect(links.problems).toEqual([
      `Row 2: Platform: "fivenine" is not a platform Assembled names, and no one there has an ID on it, so it is taken for a typo: write the platform as Assembled names it, such as ${examples}. If it is a platform new to Assembled, write new: fivenine. Sent, it adds the platform, and every People pull gets an ID column for it.`,
    ]);
    const done = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'associations', 'unknown-platform-1'),
    );
    expect(done).toMatchObject({ state: 'done', succeeded: 0, invalid: 1 });
    expect(platforms().has('fivenine')).toBe(false);
  });

  it("near a name another row writes new:, is asked after it, as an agent state's Source is", async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    await template(rt, 'associations', [
      [a?.email, 'new: freshdesk', 'fd-1'],
      [b?.email, 'freshdsk', 'fd-2'],
    ]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 1, errors: 1 });
    expect(check.problems).toEqual([
      'Row 3: Platform: "freshdsk" is not a platform Assembled names; did you mean "freshdesk"? If it is a platform new to Assembled, write new: freshdsk.',
    ]);
  });

  it('is pushed when the row says it is new (new: freshdesk), and other rows may then name it plainly', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b) throw new Error('no agents');
    await template(rt, 'associations', [
      [a.email, 'New: Freshdesk', 'fd-1'],
      [b.email, 'Freshdesk', 'fd-2'],
      [b.email, 'new:', 'fd-3'],
    ]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 2, errors: 1 });
    expect(check.problems).toEqual(['Row 4: Platform: write the new platform after new: (new: freshdesk).']);
    const done = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'associations', 'new-platform-1'),
    );
    expect(done).toMatchObject({ state: 'done', succeeded: 2, invalid: 1 });
    // One spelling, lower case as Assembled names platforms.
    expect([a.platforms.freshdesk, b.platforms.freshdesk]).toEqual(['fd-1', 'fd-2']);
    expect(sim.admin.org.people.some((p) => 'Freshdesk' in p.platforms)).toBe(false);
  });

  it('is a warning in Validate when new: names one new to Assembled, so a misspelt name is seen before it is added', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b, c] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b || !c) throw new Error('no agents');
    const sheet = await template(rt, 'associations', [
      [a.email, 'new: Freshdeks', 'fd-1'],
      [b.email, 'freshdeks', 'fd-2'],
      // Said new, but one Assembled names: nothing is added.
      [c.email, 'new: five9', 'f9-77'],
    ]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 3, errors: 0 });
    const adds =
      'Ready to push. No one in Assembled has an ID on freshdeks: sent, this adds it to Assembled as a new platform, and every People pull gets an ID column for it. Check it is spelled as the platform is.';
    expect(column(rt, sheet, 'Push status')).toEqual(['OK', 'OK', 'OK']);
    expect(column(rt, sheet, 'Push message')).toEqual([adds, adds, 'Ready to push.']);
  });

  it("is refused, and the template's header note says which platforms pass and how to add a new one", async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const sheet = await template(rt, 'associations', []);
    const note = rt.workbook.notes(sheet)[0]?.[1];
    expect(note).toContain('one the dropdown offers, or one someone in Assembled has an ID on');
    expect(note).toContain('Any other name is a row to fix, taken for a typo');
    expect(note).toContain('new: freshdesk');
  });

  it('is known in any case, and sent as Assembled spells it: one differing by case is another platform', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [agent, holder] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!agent || !holder) throw new Error('no agents');
    holder.platforms.aircall = 'ac-1';
    const spellings = () => new Set(sim.admin.org.people.flatMap((p) => Object.keys(p.platforms)));
    await template(rt, 'associations', [[agent.email, 'Aircall', 'ac-77']]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 1, errors: 0 });
    const done = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'associations', 'platform-case-1'),
    );
    expect(done).toMatchObject({ state: 'done', succeeded: 1 });
    expect(agent.platforms.aircall).toBe('ac-77');
    expect(spellings().has('Aircall')).toBe(false);
  });
});
