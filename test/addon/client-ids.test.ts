// Ids and keys a sidebar sends back name records in the document store, so each entry point
// refuses one the add-on could not have made, before it touches the store.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';

const spec = {
  source: { kind: 'resource', resource: 'people' },
  target: { kind: 'new_sheet', name: 'People' },
  mode: 'replace',
};
const RULE = /must be 8 to 64 letters, digits, - or _/;

describe('ids and keys from the sidebars', () => {
  it.each([
    ['startPull', [spec, 'short'], /^Request key: /],
    ['pollPull', ['job.x/../../y'], /^Job id: /],
    ['pollPush', [''], /^Push id: /],
    ['runRefreshNow', ['a'.repeat(65)], /^Refresh id: /],
    ['deleteRefresh', [42], /^Refresh id: /],
  ] as const)('%s refuses a malformed one, naming it', async (fn, args, what) => {
    const { rt } = await startLocalAddon();
    const before = JSON.stringify(rt.properties.document.all());
    const error = await rt.callFromSidebar(fn, ...args).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(what);
    expect((error as Error).message).toMatch(fn === 'deleteRefresh' ? /expected a string/ : RULE);
    expect(JSON.stringify(rt.properties.document.all())).toBe(before);
  });

  it('takes the 8-character and 64-character edges', async () => {
    const { rt } = await startLocalAddon();
    for (const key of ['abcd-_12', 'k'.repeat(64)]) {
      await expect(rt.callFromSidebar('startPull', spec, key)).resolves.toMatchObject({
        state: expect.any(String),
      });
    }
  });
});
