// Rows a person inserts or deletes inside a pulled table, or above it, move the table: Sheets keeps
// the add-on's developer metadata on the table's rows, so the next replace, merge or append finds it
// where it is and as long as it is. A stale copy of its last row is never left under it, nothing of
// the user's under it is written over, and a merge or append is not refused for the rows that moved.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { type LocalAddon, startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `rows-inside-key-${String(++keys).padStart(6, '0')}`;
const pull = (rt: LocalRuntime, mode: string) =>
  pullToEnd(
    rt,
    {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'sheet', name: 'Teams' },
      mode,
      ...(mode === 'merge' ? { mergeKey: 'ID' } : {}),
    },
    key(),
  );

/** Teams pulled by Replace into their sheet: the table as it was written (a header and 8 teams). */
async function pulledTeams(addon: LocalAddon): Promise<unknown[][]> {
  addon.rt.workbook.addSheet('Teams');
  expect(await pull(addon.rt, 'replace')).toMatchObject({ state: 'done' });
  return addon.rt.workbook.values('Teams');
}

const firstColumn = (rt: LocalRuntime) => rt.workbook.values('Teams').map((r) => r[0]);

describe('a row inserted inside a pulled table', () => {
  it("is the table's to Pull it again: the table is then exactly the new rows, with no stale row under it, and says so", async () => {
    const addon = await startLocalAddon();
    const { rt } = addon;
    const table = await pulledTeams(addon);
    rt.workbook.insertRows('Teams', 5);
    rt.workbook.write('Teams', [['a comment of mine']], { row: 5, column: 1 });
    const again = await pull(rt, 'replace');
    expect(again.message).toBe(
      '8 rows written to Teams!A1. 1 row inserted inside the table since its last pull was written over as part of it.',
    );
    expect(rt.workbook.values('Teams')).toEqual(table);
  });

  it('is seen so by another editor pulling it again', async () => {
    const addon = await startLocalAddon();
    const table = await pulledTeams(addon);
    const sam = addon.rt.asUser('sam@example.com');
    await sam.callFromSidebar('saveSettings', {
      apiKey: addon.key,
      timeFormat: addon.backend.timeFormat,
      apiVersion: '',
    });
    sam.workbook.insertRows('Teams', 3, 2);
    expect(await pull(sam, 'replace')).toMatchObject({ state: 'done' });
    expect(sam.workbook.values('Teams')).toEqual(table);
  });

  it('does not keep a merge from running: the teams are updated where they are', async () => {
    const addon = await startLocalAddon();
    const { rt } = addon;
    const table = await pulledTeams(addon);
    rt.workbook.insertRows('Teams', 5);
    const merged = await pull(rt, 'merge');
    expect(merged.message).toBe('8 rows merged into Teams!A1: 8 updated, 0 added.');
    // The row inserted stays where it was put, inside the table; no team is there twice.
    expect(firstColumn(rt)).toEqual([...table.slice(0, 4), [''], ...table.slice(4)].map((r) => r[0]));
  });

  it('does not keep an append from running: the teams there already are left out', async () => {
    const addon = await startLocalAddon();
    const { rt } = addon;
    await pulledTeams(addon);
    rt.workbook.insertRows('Teams', 5);
    const appended = await pull(rt, 'append');
    expect(appended.message).toMatch(/^Nothing appended to Teams!A1: all 8 rows were in the sheet already/);
    expect(firstColumn(rt)).toHaveLength(10);
  });
});

describe('a row deleted inside a pulled table', () => {
  it("leaves the user's total under the table as typed when the table is replaced", async () => {
    const addon = await startLocalAddon();
    const { rt, sim } = addon;
    const table = await pulledTeams(addon);
    rt.workbook.write('Teams', [['Total', '=1+1']], { row: table.length + 1, column: 1 });
    // The user deletes a team's row; Assembled no longer has that team either.
    rt.workbook.deleteRows('Teams', 5);
    const gone = table[4]?.[0];
    sim.admin.org.teams.splice(
      sim.admin.org.teams.findIndex((t) => t.id === gone),
      1,
    );
    expect(await pull(rt, 'replace')).toMatchObject({
      state: 'done',
      message: '7 rows written to Teams!A1.',
    });
    expect(rt.workbook.values('Teams').at(-1)?.slice(0, 2)).toEqual(['Total', 2]);
    expect(rt.workbook.values('Teams')).toHaveLength(table.length);
  });

  it('refuses a replace that needs the row back over the total, naming it', async () => {
    const addon = await startLocalAddon();
    const { rt } = addon;
    const table = await pulledTeams(addon);
    rt.workbook.write('Teams', [['Total']], { row: table.length + 1, column: 1 });
    rt.workbook.deleteRows('Teams', 5);
    const again = await pull(rt, 'replace');
    expect(again.state).toBe('failed');
    expect(again.message).toMatch(/but would write over A9 there, which it did not write/);
    expect(firstColumn(rt).at(-1)).toBe('Total');
  });
});

describe('rows inserted above a pulled table', () => {
  it('move it: pulled again, it is written where it is now, and the rows above stay as typed', async () => {
    const addon = await startLocalAddon();
    const { rt } = addon;
    const table = await pulledTeams(addon);
    rt.workbook.insertRows('Teams', 1, 2);
    rt.workbook.write('Teams', [['Teams of the support org']], { row: 1, column: 1 });
    const again = await pull(rt, 'replace');
    expect(again.message).toBe('8 rows written to Teams!A3.');
    expect(rt.workbook.values('Teams')).toEqual([
      ['Teams of the support org', ...Array((table[0]?.length ?? 1) - 1).fill('')],
      Array(table[0]?.length).fill(''),
      ...table,
    ]);
  });
});

describe('every row of a pulled table deleted', () => {
  it('leaves nothing it owns: a replace does not write over what moved into its place', async () => {
    const addon = await startLocalAddon();
    const { rt } = addon;
    const table = await pulledTeams(addon);
    rt.workbook.write('Teams', [['keep me']], { row: table.length + 3, column: 1 });
    rt.workbook.deleteRows('Teams', 1, table.length);
    const again = await pull(rt, 'replace');
    expect(again.state).toBe('failed');
    expect(again.message).toMatch(/but would write over A3 there, which it did not write/);
    expect(rt.workbook.values('Teams')).toEqual([[''], [''], ['keep me']]);
  });
});

describe('a table pulled before its rows were marked', () => {
  it('is replaced as before, and followed from then on', async () => {
    const addon = await startLocalAddon();
    const { rt } = addon;
    const table = await pulledTeams(addon);
    // The record as an earlier version left it: a position and a size, no mark.
    const docs = rt.properties.document;
    const recordKey = docs.keys().find((k) => k.includes('.extent.')) as string;
    const { mark: _, ...old } = JSON.parse(docs.get(recordKey) as string);
    docs.set(recordKey, JSON.stringify(old));
    expect(await pull(rt, 'replace')).toMatchObject({
      state: 'done',
      message: '8 rows written to Teams!A1.',
    });
    expect(rt.workbook.values('Teams')).toEqual(table);
    rt.workbook.insertRows('Teams', 5);
    expect(await pull(rt, 'replace')).toMatchObject({ state: 'done' });
    expect(rt.workbook.values('Teams')).toEqual(table);
  });
});
