// The columns a user types beside a pulled table are theirs: pulled again, by replace, append or
// merge in any order, the table leaves them as typed.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `own-cols-key-${String(++keys).padStart(6, '0')}`;
const pull = (rt: LocalRuntime, spec: object) => pullToEnd(rt, spec, key());

const teams = (mode: string) => ({
  source: { kind: 'resource', resource: 'teams' },
  target: { kind: 'sheet', name: 'Teams' },
  mode,
  ...(mode === 'merge' ? { mergeKey: 'ID' } : {}),
});

/**
 * A teams table pulled by Replace, with the user's own two columns typed beside it, row by row (down
 * to its fourth row: not a summary at the top, row-notes.ts).
 */
async function teamsWithOwnColumns(rt: LocalRuntime): Promise<number> {
  rt.workbook.addSheet('Teams');
  expect(await pull(rt, teams('replace'))).toMatchObject({ state: 'done' });
  const width = rt.workbook.values('Teams')[0]?.length ?? 0;
  rt.workbook.write(
    'Teams',
    [
      ['My label', 'x'],
      ['label Support', '=1+1'],
      ['label Americas', ''],
      ['', ''],
      ['label Europe', '=2+2'],
    ],
    { row: 1, column: width + 1 },
  );
  return width;
}

/** The sheet rows teamsWithOwnColumns typed, header included. */
const OWN_ROWS = 5;
const own = (rt: LocalRuntime, width: number) =>
  rt.workbook.formulas('Teams').map((r) => r.slice(width, width + 2));
const ownValues = (rt: LocalRuntime, width: number) =>
  rt.workbook.values('Teams').map((r) => r.slice(width, width + 2));

describe("the user's own columns beside a pulled table", () => {
  for (const first of ['merge', 'append'] as const) {
    it(`a replace after ${first === 'merge' ? 'a merge' : 'an append'} keeps them, headers and all, and says so`, async () => {
      const { rt } = await startLocalAddon();
      const width = await teamsWithOwnColumns(rt);
      const typed = ownValues(rt, width).slice(0, OWN_ROWS);
      const formulas = own(rt, width).slice(0, OWN_ROWS);
      expect(await pull(rt, teams(first))).toMatchObject({ state: 'done' });
      const replaced = await pull(rt, teams('replace'));
      expect(replaced.state).toBe('done');
      expect(ownValues(rt, width).slice(0, OWN_ROWS)).toEqual(typed);
      expect(own(rt, width).slice(0, OWN_ROWS)).toEqual(formulas);
      expect(replaced.message).toBe(
        `${replaced.rows} rows written to Teams!A1. The columns "My label" and "x" beside it stay as typed, row by row, though the table's rows may have moved: Merge by key keeps such a column with its rows.`,
      );
    });
  }

  it("a replace keeps them whatever block the merge's record spans: what its columns held says which are the table's", async () => {
    const { rt } = await startLocalAddon();
    const width = await teamsWithOwnColumns(rt);
    const typed = ownValues(rt, width).slice(0, OWN_ROWS);
    expect(await pull(rt, teams('merge'))).toMatchObject({ state: 'done' });
    // A record spanning the whole header the merge rewrote, the user's columns included.
    const docs = rt.properties.document;
    const key = docs.keys().find((k) => k.includes('.extent.')) as string;
    const block = JSON.parse(docs.get(key) as string);
    docs.set(
      key,
      JSON.stringify({
        ...block,
        cols: width + 2,
        held: { keys: [...block.held.keys, '', ''], header: [...block.held.header, 'My label', 'x'] },
      }),
    );
    expect(await pull(rt, teams('replace'))).toMatchObject({ state: 'done' });
    expect(ownValues(rt, width).slice(0, OWN_ROWS)).toEqual(typed);
  });
});

const acts = (range: readonly [string, string]) => ({
  source: { kind: 'resource', resource: 'activities' },
  range: { kind: 'absolute', from: range[0], to: range[1] },
  target: { kind: 'sheet', name: 'Acts' },
  mode: 'replace',
});
// A range Assembled holds no schedule for.
const NOTHING = ['2028-01-01', '2028-01-02'] as const;

describe('a replace that finds no rows', () => {
  it("leaves the user's own column beside the table as typed, and clears only the table's rows", async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.addSheet('Acts');
    const first = await pull(rt, acts(['2026-05-11', '2026-05-12']));
    expect(first.rows).toBeGreaterThan(2);
    const header = rt.workbook.values('Acts')[0] ?? [];
    const coach = header.length;
    const typed = ['Coach', 'talk to Ava', 2, '', 'call Ben'];
    rt.workbook.write('Acts', [['Coach'], ['talk to Ava'], ['=1+1'], [''], ['call Ben']], {
      row: 1,
      column: coach + 1,
    });
    const none = await pull(rt, acts(NOTHING));
    expect([none.state, none.rows]).toEqual(['done', 0]);
    const after = rt.workbook.formulas('Acts');
    expect(rt.workbook.values('Acts').map((r) => r[coach])).toEqual(typed);
    expect(after[2]?.[coach]).toBe('=1+1');
    // The table keeps its header, with no rows under it.
    expect(rt.workbook.values('Acts').map((r) => r.slice(0, header.length))).toEqual([
      header,
      ...Array.from({ length: typed.length - 1 }, () => Array(header.length).fill('')),
    ]);
    // Pulled again with rows, the column is still the user's, as typed.
    const again = await pull(rt, acts(['2026-05-11', '2026-05-12']));
    // The table it replaced had no rows for the column to be about: its cells are said to be beside
    // the new rows now, rather than to stay with rows it had.
    const c = String.fromCharCode(65 + coach);
    expect(again.message).toBe(
      `${again.rows.toLocaleString('en-US')} rows written to Acts!A1. ${c}2, ${c}3 and ${c}5, yours, were left as they were and are now beside data rows 2, 3 and 5: move them below row ${(again.rows + 1).toLocaleString('en-US')}.`,
    );
    expect(
      rt.workbook
        .values('Acts')
        .map((r) => r[coach])
        .slice(0, typed.length),
    ).toEqual(typed);
  });
});
