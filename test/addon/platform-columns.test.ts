// A People pull's platform ID columns: one per platform anyone holds an ID on, in one order pull
// after pull (as first seen, they followed whoever was listed first), and a sheet pulled before
// keeps its columns where they are when a platform is added, by Replace or Merge alike.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import { follow, template } from '../push/in-runtime';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `platform-cols-${String(++keys).padStart(6, '0')}`;

const people = (target: object, mode = 'replace') => ({
  source: { kind: 'resource', resource: 'people' },
  target,
  mode,
  ...(mode === 'merge' ? { mergeKey: 'ID' } : {}),
});

const header = (rt: LocalRuntime, sheet: string) => (rt.workbook.values(sheet)[0] ?? []).map(String);
const platformColumns = (rt: LocalRuntime, sheet: string) =>
  header(rt, sheet).filter((h) => ['Five9 ID', 'Intercom ID', 'Salesforce ID', 'Zendesk ID'].includes(h));

/** A Salesforce ID associated to the first agent, as the Push sidebar sends it. */
async function associateSalesforce(rt: LocalRuntime, email: string): Promise<void> {
  await template(rt, 'associations', [[email, 'salesforce', 'sf-1']]);
  const done = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'associations', key()));
  expect(done).toMatchObject({ state: 'done', succeeded: 1 });
}

describe("a People pull's platform ID columns", () => {
  it('come alphabetically, whoever is listed first and whatever platform was added since', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const first = sim.admin.org.people.find((p) => !p.deleted && p.staffable && p.email);
    if (!first?.email) throw new Error('no agents');
    await pullToEnd(rt, people({ kind: 'new_sheet', name: 'Before' }), key());
    expect(platformColumns(rt, 'Before')).toEqual(['Five9 ID', 'Intercom ID', 'Zendesk ID']);
    // The first person listed now holds a platform no one else does.
    await associateSalesforce(rt, first.email);
    await pullToEnd(rt, people({ kind: 'new_sheet', name: 'After' }), key());
    expect(platformColumns(rt, 'After')).toEqual(['Five9 ID', 'Intercom ID', 'Salesforce ID', 'Zendesk ID']);
    // The same people listed in another order give the same columns.
    sim.admin.org.people.reverse();
    await pullToEnd(rt, people({ kind: 'new_sheet', name: 'Reversed' }), key());
    expect(header(rt, 'Reversed')).toEqual(header(rt, 'After'));
  });

  it.each(['replace', 'merge'])(
    'pulled again into a sheet by %s, keep their places, the new platform last',
    async (mode) => {
      const { rt, sim } = await startLocalAddon({ dialect: 'live' });
      const first = sim.admin.org.people.find((p) => !p.deleted && p.staffable && p.email);
      if (!first?.email) throw new Error('no agents');
      await pullToEnd(rt, people({ kind: 'new_sheet', name: 'People' }), key());
      const before = header(rt, 'People');
      await associateSalesforce(rt, first.email);
      expect(await pullToEnd(rt, people({ kind: 'sheet', name: 'People' }, mode), key())).toMatchObject({
        state: 'done',
      });
      expect(header(rt, 'People')).toEqual([...before, 'Salesforce ID']);
      const row = rt.workbook.values('People').find((r) => r[0] === first.id);
      expect(row?.[before.length]).toBe('sf-1');
    },
  );
});
