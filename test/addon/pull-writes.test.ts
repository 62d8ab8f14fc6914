// How a pull lands in the sheet through the built bundle: grown once, written in blocks that
// real Sheets accepts, into cells past the grid's edge, with text no longer than a cell holds.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `writes-key-${String(++keys).padStart(6, '0')}`;

/** `replacing`: the other data the sheet holds, which the person agreed to replace (other-source.ts). */
const pull = (rt: LocalRuntime, spec: object, replacing?: string) => pullToEnd(rt, spec, key(), replacing);

describe('Pull data, writing the sheet', () => {
  it('grows a new sheet once to the table and writes it in setValues calls of at most 50,000 cells', async () => {
    const { rt } = await startLocalAddon();
    rt.counters.reset();
    const job = await pull(rt, {
      source: { kind: 'report', report: 'handle_time', granularity: 'interval' },
      range: { kind: 'absolute', from: '2026-05-11', to: '2026-05-22' },
      target: { kind: 'new_sheet', name: 'AHT' },
      mode: 'replace',
    });
    expect(job.state).toBe('done');
    const { lastRow, lastColumn } = rt.workbook.size('AHT');
    const cells = lastRow * lastColumn;
    // Big enough to need growing, and more than one call of 50,000 cells.
    expect(lastRow).toBeGreaterThan(1000);
    expect(cells).toBeGreaterThan(50_000);
    const s = rt.counters.spreadsheet;
    expect(s.setValuesLargestCells).toBeLessThanOrEqual(50_000);
    // The new sheet once, and each of the pull's two hidden staging sheets (its pages, and the
    // new table before it is copied onto the sheet in one call) once.
    expect(s.gridGrowths).toBeLessThanOrEqual(3);
    // The table's blocks and header, the staged page, and the run log's own header and row.
    expect(s.setValuesCalls).toBeLessThanOrEqual(Math.ceil(cells / 50_000) + 3 + 1 + 2);
  });

  it('pulls into an active cell outside the grid (AA5 on a 1000 x 26 sheet), growing the sheet first', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.write('Sheet1', [['keep me']]);
    const job = await pull(rt, {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'cell', sheet: 'Sheet1', a1: 'AA5' },
      mode: 'replace',
    });
    expect(job.message).toMatch(/rows written to Sheet1!AA5/);
    expect(job.state).toBe('done');
    const values = rt.workbook.values('Sheet1');
    expect(values[0]?.[0]).toBe('keep me');
    expect(values[4]?.[26]).toBe('ID');
    expect(values.length).toBe(4 + job.rows + 1);
  });

  it('a replace says a column the user headed beside it stays as typed, row by row, and what keeps it with its rows', async () => {
    const { rt } = await startLocalAddon();
    const teams = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'new_sheet', name: 'Teams' },
      mode: 'replace',
    };
    const first = await pull(rt, teams);
    expect(first.message).toBe(`${first.rows} rows written to Teams!A1.`);
    const width = rt.workbook.values('Teams')[0]?.length ?? 0;
    // A comment on the first team and the fourth: row by row, not a total at the top (row-notes.ts).
    const comments = [['My comment'], ['checked with TL'], [''], [''], ['new lead']];
    rt.workbook.write('Teams', comments, { row: 1, column: width + 2 });
    const again = await pull(rt, { ...teams, target: { kind: 'sheet', name: 'Teams' } });
    expect(again.message).toBe(
      `${again.rows} rows written to Teams!A1. The column "My comment" beside it stays as typed, row by row, though the table's rows may have moved: Merge by key keeps such a column with its rows.`,
    );
    expect(rt.workbook.values('Teams')[1]?.[width + 1]).toBe('checked with TL');
    // A narrower table over a wider one: the old table's own headers are not the user's columns.
    const people = await pull(rt, {
      ...teams,
      source: { kind: 'resource', resource: 'people' },
      target: { kind: 'new_sheet', name: 'Wide' },
    });
    expect(people.state).toBe('done');
    const narrower = await pull(rt, { ...teams, target: { kind: 'sheet', name: 'Wide' } }, 'People');
    expect(narrower.message).toBe(`${narrower.rows} rows written to Wide!A1.`);
  });

  it('a merge keeps the formulas of a column the user added beside the table as formulas', async () => {
    const { rt } = await startLocalAddon();
    const teams = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'new_sheet', name: 'Teams' },
      mode: 'replace',
    };
    await pull(rt, teams);
    const width = rt.workbook.values('Teams')[0]?.length ?? 0;
    // One the runtime computes, one Sheets would (the runtime shows #NAME? for it).
    rt.workbook.write('Teams', [['Mine'], ['=1+1'], ['=LEN(B3)']], { row: 1, column: width + 1 });
    const merged = await pull(rt, { ...teams, target: { kind: 'sheet', name: 'Teams' }, mode: 'merge' });
    expect(merged.message).toMatch(/^\d+ rows merged into Teams!A1: \d+ updated, 0 added\.$/);
    expect(rt.workbook.formulas('Teams').map((r) => r[width])).toEqual([
      '',
      '=1+1',
      '=LEN(B3)',
      ...Array(merged.rows - 2).fill(''),
    ]);
    expect(rt.workbook.values('Teams')[1]?.[width]).toBe(2);
  });

  it('an append or merge at a cell right of everything the sheet holds starts its table there', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.write('Sheet1', [
      ['keep me', 'and me'],
      ['', ''],
      ['', 'me too'],
    ]);
    for (const [mode, a1] of [
      ['append', 'D1'],
      ['merge', 'H1'],
    ] as const) {
      const job = await pull(rt, {
        source: { kind: 'resource', resource: 'teams' },
        target: { kind: 'cell', sheet: 'Sheet1', a1 },
        mode,
      });
      expect([job.state, job.message]).toEqual(['done', expect.stringMatching(/^\d+ rows/)]);
    }
    expect(rt.workbook.values('Sheet1')[2]?.slice(0, 4)).toEqual(['', 'me too', '', expect.anything()]);
  });

  it('a table at a cell writes over nothing it did not write: refused in words, both tables kept; its own old block is its to replace', async () => {
    const { rt } = await startLocalAddon();
    const teams = (a1: string) => ({
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'cell', sheet: 'Sheet1', a1 },
      mode: 'replace',
    });
    const first = await pull(rt, teams('B2'));
    expect(first.state).toBe('done');
    // The user's total under the table, one row below its last.
    const under = first.rows + 4;
    rt.workbook.write('Sheet1', [['Total']], { row: under, column: 3 });
    // Pulled again, the table fills the block it filled before: its own to write over.
    expect(await pull(rt, teams('B2'))).toMatchObject({ state: 'done' });
    const before = rt.workbook.values('Sheet1');
    // Two rows higher it would reach the total and the first table's rows.
    const over = await pull(rt, teams(`B${under - first.rows}`));
    expect(over.state).toBe('failed');
    expect(over.message).toMatch(
      new RegExp(
        `The table needs B${under - first.rows}:[A-Z]+\\d+ \\(${first.rows + 1} rows, \\d+ columns\\) but would write over B${under - first.rows}, [A-Z]+\\d+, [A-Z]+\\d+ and \\d+ more cells there, which it did not write\\. Clear them, or pull to another cell or a new sheet\\. Nothing was written\\.`,
      ),
    );
    expect(rt.workbook.values('Sheet1')).toEqual(before);
    expect(before[under - 1]?.[2]).toBe('Total');
  });

  it('an append at a cell goes on under its own rows, never past a total typed under them', async () => {
    const { rt } = await startLocalAddon();
    const day = (d: string) => ({
      source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
      range: { kind: 'absolute', from: d, to: d },
      target: { kind: 'cell', sheet: 'Sheet1', a1: 'B20' },
      mode: 'append',
    });
    const first = await pull(rt, day('2026-05-11'));
    expect(first.state).toBe('done');
    const under = 20 + first.rows + 1;
    rt.workbook.write('Sheet1', [['Total']], { row: under, column: 2 });
    const before = rt.workbook.values('Sheet1');
    const next = await pull(rt, day('2026-05-12'));
    expect(next.state).toBe('failed');
    expect(next.message).toMatch(
      new RegExp(
        `^The table needs B20:[A-Z]+\\d+ .* would write over B${under} there, which it did not write`,
      ),
    );
    expect(rt.workbook.values('Sheet1')).toEqual(before);
    // The total moved out of the way, the day goes on right under the first.
    rt.workbook.write('Sheet1', [['']], { row: under, column: 2 });
    rt.workbook.write('Sheet1', [['Total']], { row: under + 40, column: 2 });
    expect(await pull(rt, day('2026-05-12'))).toMatchObject({ state: 'done' });
    expect(rt.workbook.values('Sheet1')[under - 1]?.[1]).not.toBe('');
    expect(rt.workbook.values('Sheet1')[under + 39]?.[1]).toBe('Total');
  });

  it("an append's or merge's header note says its filters are the last pull's, as its range line does", async () => {
    const { rt, sim } = await startLocalAddon();
    const [one, two] = ['Tier 1 Americas', 'Tier 1 EMEA'].map((n) =>
      sim.admin.org.teams.find((t) => t.name === n),
    );
    const spec = (mode: string, team: { id: string; name: string } | undefined) => ({
      source: { kind: 'report', report: 'handle_time', granularity: 'day' },
      range: { kind: 'absolute', from: '2026-05-11', to: '2026-05-12' },
      filters: { team_ids: [team?.id ?? ''] },
      filterNames: { team_ids: [team?.name ?? ''] },
      target: { kind: 'sheet', name: 'Sheet1' },
      mode,
    });
    const filtersLine = () =>
      rt.workbook
        .notes('Sheet1')[0]?.[0]
        ?.split('\n')
        .find((l) => l.startsWith('Filters'));
    // Into an empty sheet the append is its first write: the sheet holds just that pull.
    expect(await pull(rt, spec('append', one))).toMatchObject({ state: 'done' });
    expect(filtersLine()).toBe(`Filters: team "${one?.name}" (${one?.id})`);
    for (const mode of ['append', 'merge']) {
      expect(await pull(rt, spec(mode, two))).toMatchObject({ state: 'done' });
      expect(filtersLine()).toBe(`Filters of the last pull: team "${two?.name}" (${two?.id})`);
    }
  });

  it('appending a period again adds only its new rows, and says where they went and what was left', async () => {
    const { rt } = await startLocalAddon();
    const spec = (to: string) => ({
      source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
      range: { kind: 'absolute', from: '2026-05-11', to },
      target: { kind: 'sheet', name: 'Sheet1' },
      mode: 'append',
    });
    const rangeLine = () => rt.workbook.notes('Sheet1')[0]?.[0]?.split('\n')[1];
    // Into an empty sheet an append is its first write, and says so: the sheet holds just its range.
    const first = await pull(rt, spec('2026-05-12'));
    expect(first.message).toBe(`${first.rows} rows written to Sheet1!A1.`);
    expect(rangeLine()).toMatch(/^Range: 2026-05-11 to 2026-05-12 \(/);
    const again = await pull(rt, spec('2026-05-12'));
    expect(again.message).toBe(
      `Nothing appended to Sheet1!A1: all ${first.rows} rows were in the sheet already and left as they were (Merge updates such rows).`,
    );
    // Its note claims no append of rows it did not add.
    expect(rangeLine()).toMatch(
      /^Range of the last pull, which added nothing new \(the sheet held all its rows already\): 2026-05-11 to 2026-05-12 \(/,
    );
    expect(rt.workbook.size('Sheet1').lastRow).toBe(first.rows + 1);
    // A range one day longer adds that day alone, below the rows already there.
    const longer = await pull(rt, spec('2026-05-13'));
    const day = first.rows / 2;
    expect(longer.message).toBe(
      `${day} rows appended below the table in Sheet1, rows ${first.rows + 2} to ${first.rows + day + 1}; ${first.rows} rows were in the sheet already and left as they were (Merge updates such rows).`,
    );
    expect(rangeLine()).toMatch(/^Range of the last pull, appended: 2026-05-11 to 2026-05-13 \(/);
    const starts = rt.workbook
      .values('Sheet1')
      .slice(1)
      .map((r) => String(r[3]));
    expect(new Set(starts).size).toBe(3);
    expect(starts.length).toBe(first.rows + day);
  });

  it('a pull into a new sheet with Append or Merge chosen says its rows were written there', async () => {
    const { rt } = await startLocalAddon();
    for (const mode of ['append', 'merge']) {
      const job = await pull(rt, {
        source: { kind: 'report', report: 'handle_time', granularity: 'day' },
        range: { kind: 'absolute', from: '2026-05-11', to: '2026-05-12' },
        target: { kind: 'new_sheet', name: `HT ${mode}` },
        mode,
      });
      expect(job.rows).toBeGreaterThan(0);
      expect(job.message).toBe(`${job.rows} rows written to 'HT ${mode}'!A1.`);
      expect(rt.workbook.notes(`HT ${mode}`)[0]?.[0]).toMatch(/\nRange: 2026-05-11 to 2026-05-12 \(/);
    }
  });

  it('appends to a table as wide as its sheet, new columns and all, reading only the columns there', async () => {
    const { rt } = await startLocalAddon();
    // 26 columns: the sheet's whole width. The teams' other fields go to the right of it.
    const header = ['ID', 'Name', ...Array.from({ length: 24 }, (_, i) => `Mine ${i + 1}`)];
    rt.workbook.write('Sheet1', [header, ['t-old', 'Kept', ...Array(24).fill('x')]]);
    // A teams table the add-on pulled (its header note says so), with the user's columns beside it.
    rt.workbook.note('Sheet1!A1', 'Source: Assembled Teams');
    expect(rt.workbook.size('Sheet1').maxColumns).toBe(26);
    const job = await pull(rt, {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'sheet', name: 'Sheet1' },
      mode: 'append',
    });
    expect(job.state).toBe('done');
    expect(job.message).toMatch(/^\d+ rows appended below the table in Sheet1, rows 3 to \d+\.$/);
    expect(rt.workbook.size('Sheet1').lastColumn).toBeGreaterThan(26);
  });

  it('a merge says how many rows it updated and added', async () => {
    const { rt } = await startLocalAddon();
    const spec = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'sheet', name: 'Sheet1' },
      mode: 'merge',
    };
    // The first, into the empty sheet, is a first write.
    const first = await pull(rt, spec);
    expect(first.message).toBe(`${first.rows} rows written to Sheet1!A1.`);
    const again = await pull(rt, spec);
    expect(again.message).toBe(`${first.rows} rows merged into Sheet1!A1: ${first.rows} updated, 0 added.`);
  });

  it('cuts a text or list too long for one cell with a visible marker, and writes every row', async () => {
    const { rt, sim } = await startLocalAddon();
    const [first, second] = sim.admin.org.people;
    if (!first || !second) throw new Error('the demo organisation has people');
    first.first_name = 'A'.repeat(60_000);
    second.skills = Array.from({ length: 6000 }, (_, i) => `skill-with-a-long-name-${i}`);
    const job = await pull(rt, {
      source: { kind: 'resource', resource: 'people' },
      target: { kind: 'new_sheet', name: 'People' },
      mode: 'replace',
    });
    expect(job.message).not.toMatch(/characters in a single cell/);
    expect(job.state).toBe('done');
    const values = rt.workbook.values('People');
    expect(values.length).toBe(job.rows + 1);
    const header = values[0] as string[];
    const row = (id: string) => values.find((r) => r[0] === id) ?? [];
    const name = String(row(first.id)[header.indexOf('First name')]);
    expect(name.length).toBeLessThanOrEqual(50_000);
    expect(name).toMatch(/^A+ … \[cut by the add-on: the full text has 60000 characters\]$/);
    const skills = String(row(second.id)[header.indexOf('Skills')]);
    expect(skills.length).toBeLessThanOrEqual(50_000);
    expect(skills).toMatch(
      /^skill-with-a-long-name-0, .* … \[cut by the add-on: the full text has \d+ characters\]$/,
    );
  });
});
