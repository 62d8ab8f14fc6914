// Association rows that replace the ID their agent holds on a platform in Assembled are counted in
// Validate's summary, the push's Finished summary and its log row, which said only "4 OK" and
// "4 associated" while each row's Push message alone named the ID written over. A sheet replacing
// none says nothing of it. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { replaceAskWords, validatedWords } from '../../src/core/push/progress-words';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

/** Validate, then Push, of an associations template holding `rows` (each [agent row, platform, ID]). */
async function validateAndPush(rows: (agents: string[]) => string[][], key: string) {
  const { rt, sim } = await startLocalAddon({ dialect: 'live' });
  // Agents who hold a zendesk ID, as all in the simulated org do, and no intercom one.
  const people = sim.admin.org.people.filter(
    (p) => !p.deleted && p.staffable && p.email && p.platforms.zendesk && !p.platforms.intercom,
  );
  if (people.length < 4) throw new Error('the org lacks four agents with a zendesk ID and no intercom one');
  const was = people.map((p) => p.platforms.zendesk);
  const sheet = await template(rt, 'associations', rows(people.map((p) => p.email)));
  const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
  const ready = column(rt, sheet, 'Push message');
  const view = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'associations', key));
  const [, ...log] = rt.workbook.values('Assembled log');
  return { people, was, check, ready, view, pushed: column(rt, sheet, 'Push message'), log };
}

describe.skipIf(!built)('association rows replacing an ID their agent holds', () => {
  it('are counted and named in Validate, in the finished push and in its log row', async () => {
    const { people, was, check, ready, view, pushed, log } = await validateAndPush(
      ([a = '', b = '', c = '', d = '']) => [
        [a, 'intercom', 'ic-1'],
        [b, 'zendesk', '1234'],
        [c, 'intercom', 'ic-3'],
        [d, 'zendesk', '5678'],
      ],
      'replaced-count-1',
    );
    const [, was3, , was5] = was;
    expect(ready).toEqual([
      'Ready to push.',
      `Ready to push. It replaces ${was3}.`,
      'Ready to push.',
      `Ready to push. It replaces ${was5}.`,
    ]);
    expect(check).toMatchObject({ ok: 4, errors: 0, replacing: { count: 2, rows: [3, 5] } });
    expect(validatedWords(check)).toBe(
      `4 OK, 2 of them replace the ID their agents have on that platform in Assembled (rows 3 and 5: each row's Push message names the ID it replaces), 0 to fix, 0 already done, in "${view.sheet}". Nothing was sent.`,
    );
    const finished =
      "Finished: 4 associated, 2 of them replaced the ID their agents had on that platform in Assembled (rows 3 and 5: each row's Push message names the ID replaced). See the Push status column.";
    expect(view).toMatchObject({ state: 'done', succeeded: 4, message: finished });
    expect(pushed[1]).toBe(`Platform ID associated in Assembled. It replaced ${was3}.`);
    expect(people.slice(0, 4).map((p) => p.platforms.zendesk)).toEqual([was[0], '1234', was[2], '5678']);
    expect(log.map((r) => r[7])).toEqual([finished]);
  });

  it('are not spoken of when no row replaces one', async () => {
    const { check, view, log } = await validateAndPush(
      (agents) => agents.slice(0, 4).map((a, i) => [a, 'intercom', `ic-${i}`]),
      'replaced-count-2',
    );
    expect(check.replacing).toBeUndefined();
    expect(validatedWords(check)).toBe(
      `4 OK, 0 to fix, 0 already done, in "${view.sheet}". Nothing was sent.`,
    );
    const finished = 'Finished: 4 associated. See the Push status column.';
    expect(view).toMatchObject({ state: 'done', succeeded: 4, message: finished });
    expect(log.map((r) => r[7])).toEqual([finished]);
  });

  it("are counted in Push's question when many, each named with the ID it replaces; a few are said one by one", () => {
    const one =
      'A person has one ID per platform in Assembled: once pushed, the ID replaced is no longer theirs.';
    const named = [
      { row: 5, agent: 'jose.kim@example.com', platform: 'intercom', was: '7001003', id: '7003003' },
      { row: 8, agent: 'Ava Okafor', platform: 'zendesk', was: '11', id: '12' },
      { row: 9, agent: 'Mei Reyes', platform: 'zendesk', was: '21', id: '22' },
      { row: 11, agent: 'Ines Novak', platform: 'zendesk', was: '31', id: '32' },
    ];
    expect(replaceAskWords({ count: 4, rows: [5, 8, 9, 11], named })).toBe(
      `4 rows replace the ID their agents have on that platform in Assembled (row 5: jose.kim@example.com's intercom ID 7001003, row 8: Ava Okafor's zendesk ID 11, row 9: Mei Reyes's zendesk ID 21 and row 11: Ines Novak's zendesk ID 31). ${one}`,
    );
    expect(replaceAskWords({ count: 2, rows: [5, 8], named: named.slice(0, 2) })).toBe(
      `Row 5 replaces jose.kim@example.com's intercom ID 7001003 with 7003003 and row 8 replaces Ava Okafor's zendesk ID 11 with 12. ${one}`,
    );
  });
});
