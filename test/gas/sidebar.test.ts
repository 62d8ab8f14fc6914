import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function echo(x) { return x; }
function describeArgs() {
  return Array.prototype.map.call(arguments, function (a) { return a === null ? 'null' : Array.isArray(a) ? 'array' : typeof a; });
}
function nested() { return { rows: [[1, 'a'], [2, 'b']], more: [{ list: [] }] }; }
function withDate() { return { when: new Date(), n: 1 }; }
function withUndefined() { return { a: undefined, b: [1, undefined, 3] }; }
function boom() { throw new Error('Assembled said no'); }
function secret_() { return 'private'; }
`;

describe('google.script.run rules', () => {
  it('refuses private functions whose names end in _', async () => {
    const rt = runtimeFor(CODE);
    await expect(rt.callFromSidebar('secret_')).rejects.toThrow(
      'google.script.run.secret_ is not a function',
    );
    expect(rt.executions).toHaveLength(0);
  });

  it('refuses Date and function arguments, even nested, before running anything', async () => {
    const rt = runtimeFor(CODE);
    await expect(rt.callFromSidebar('echo', new Date())).rejects.toThrow(
      'Failed due to illegal value in property: 0',
    );
    await expect(rt.callFromSidebar('echo', { spec: { from: new Date() } })).rejects.toThrow(
      'Failed due to illegal value in property: from',
    );
    await expect(rt.callFromSidebar('echo', () => 1)).rejects.toThrow(/illegal value/);
    expect(rt.executions).toHaveLength(0);
  });

  it('copies plain data both ways; undefined in arrays becomes null', async () => {
    const rt = runtimeFor(CODE);
    await expect(rt.callFromSidebar('echo', { a: [1, 'two', true, null], b: { c: 3 } })).resolves.toEqual({
      a: [1, 'two', true, null],
      b: { c: 3 },
    });
    await expect(rt.callFromSidebar('describeArgs', [1], undefined, 'x')).resolves.toEqual([
      'array',
      'null',
      'string',
    ]);
    await expect(rt.callFromSidebar('withUndefined')).resolves.toEqual({ b: [1, null, 3] });
  });

  it("hands back Node's own arrays and objects: nothing in a result holds on to the execution", async () => {
    const rt = runtimeFor(CODE);
    // Every result stays in rt.executions; one of the script's arrays in it kept that execution's
    // whole context alive (about 0.5 MB each for the add-on: a sidebar open for an hour, hundreds).
    const foreign: string[] = [];
    const walk = (v: unknown, at: string): void => {
      if (v === null || typeof v !== 'object') return;
      const proto = Object.getPrototypeOf(v);
      if (proto !== Array.prototype && proto !== Object.prototype) foreign.push(at);
      for (const [k, item] of Object.entries(v)) walk(item, `${at}.${k}`);
    };
    const value = await rt.callFromSidebar('nested');
    expect(value).toEqual({
      rows: [
        [1, 'a'],
        [2, 'b'],
      ],
      more: [{ list: [] }],
    });
    walk(value, 'result');
    walk(rt.lastExecution?.value, 'kept');
    expect(foreign).toEqual([]);
  });

  it('delivers null when the result holds a Date', async () => {
    const rt = runtimeFor(CODE);
    await expect(rt.callFromSidebar('withDate')).resolves.toBeNull();
  });

  it('rejects with an Error carrying the server message', async () => {
    const rt = runtimeFor(CODE);
    const err = await rt.callFromSidebar('boom').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('Assembled said no');
    expect(rt.lastExecution).toMatchObject({ kind: 'sidebar', error: { message: 'Assembled said no' } });
  });
});
