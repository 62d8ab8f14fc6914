// A column a person adds beside a pulled table with one formula on every row (a rate, =F2/E2 down
// column I) goes on down the rows a merge, append or replace adds, each pointing at its own row,
// as a Sheets table's calculated column does. A column that is not one formula all down (values,
// blanks, differing formulas) is left as it is. A cell that holds something in the rows added (a
// total typed under the table) is left as it is, the column filled around it, and the words say so.
import { describe, expect, it } from 'vitest';
import { stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { PullOptions } from '../../src/core/pull/pull-view';
import { HOUR } from './hourly-teams';
import { pullToEnd } from './pull-to-end';
import { editor } from './second-editor';

let keys = 0;
const key = () => `fill-down-${String(++keys).padStart(6, '0')}`;

/** Ticket stats by day and queue (7 queues): Created in E, Solved in F, eight columns in all. */
const stats = (mode: string, from: string, to: string) => ({
  source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
  range: { kind: 'absolute', from, to },
  target: { kind: 'sheet', name: 'Stats' },
  mode,
});
const WIDTH = 8;
const [I, J] = [WIDTH, WIDTH + 1];

/** Three days of ticket stats, pulled by Replace; its data rows. */
async function threeDays(rt: LocalRuntime): Promise<number> {
  rt.workbook.addSheet('Stats');
  const first = await pullToEnd(rt, stats('replace', '2026-05-11', '2026-05-13'), key());
  expect(first).toMatchObject({ state: 'done', rows: 21 });
  expect(rt.workbook.values('Stats')[0]).toHaveLength(WIDTH);
  return 21;
}

/** Column `at` (0-based) headed `header`, each data row r holding `formula(r)`. */
function typeColumn(
  rt: LocalRuntime,
  at: number,
  header: string,
  rows: number,
  cell: (r: number) => unknown,
) {
  const cells = Array.from({ length: rows }, (_, i) => [cell(i + 2)]);
  rt.workbook.write('Stats', [[header], ...cells], { row: 1, column: at + 1 });
}

const rate = (r: number) => `=F${r}/E${r}`;
const columnFormulas = (rt: LocalRuntime, at: number) =>
  rt.workbook.formulas('Stats').map((r) => r[at] ?? '');
const columnValues = (rt: LocalRuntime, at: number) => rt.workbook.values('Stats').map((r) => r[at] ?? '');
const rowsOf = (rt: LocalRuntime) => rt.workbook.values('Stats').length - 1;
/** Every data row r's formula, as made by `formula`. */
const down = (rows: number, formula: (r: number) => string) =>
  Array.from({ length: rows }, (_, i) => formula(i + 2));

describe('a formula column beside a pulled table', () => {
  it('a merge that adds rows fills it down them, each row pointing at its own row', async () => {
    const { rt } = await startLocalAddon();
    const rows = await threeDays(rt);
    typeColumn(rt, I, 'Rate', rows, rate);
    const merged = await pullToEnd(rt, stats('merge', '2026-05-11', '2026-05-16'), key());
    expect(merged.message).toBe(
      '42 rows merged into Stats!A1: 21 updated, 21 added. The formula of "Rate" was filled down the new rows.',
    );
    expect(rowsOf(rt)).toBe(42);
    expect(columnFormulas(rt, I)).toEqual(['', ...down(42, rate)]);
    expect(columnValues(rt, I)[0]).toBe('Rate');
  });

  it('an append that adds rows fills it down them', async () => {
    const { rt } = await startLocalAddon();
    const rows = await threeDays(rt);
    typeColumn(rt, I, 'Rate', rows, rate);
    const appended = await pullToEnd(rt, stats('append', '2026-05-14', '2026-05-17'), key());
    expect(appended).toMatchObject({ state: 'done', rows: 28 });
    expect(rowsOf(rt)).toBe(49);
    expect(columnFormulas(rt, I)).toEqual(['', ...down(49, rate)]);
  });

  it('a replace that adds rows fills it down them, and says so: no "stays as typed, row by row", before or after', async () => {
    const { rt } = await startLocalAddon();
    const rows = await threeDays(rt);
    typeColumn(rt, I, 'Rate', rows, rate);
    // The sheet's card, before the replace: a column that follows its row is not said to stay as typed.
    rt.workbook.select('Stats!B3');
    const card = await rt.callFromSidebar<PullOptions>('getPullOptions');
    expect(card.again).toMatchObject({ how: 'Replaces its table with the new one.' });
    expect(card.again?.kept).toBeUndefined();
    const replaced = await pullToEnd(rt, stats('replace', '2026-05-11', '2026-05-15'), key());
    expect(replaced).toMatchObject({ state: 'done', rows: 35 });
    expect(replaced.message).toBe(
      '35 rows written to Stats!A1. The formula of "Rate" was filled down the new rows.',
    );
    expect(columnFormulas(rt, I)).toEqual(['', ...down(35, rate)]);
    // Pulled again as long, nothing more to fill or clear, nothing said.
    const same = await pullToEnd(rt, stats('replace', '2026-05-11', '2026-05-15'), key());
    expect(same.message).toBe('35 rows written to Stats!A1.');
    expect(columnFormulas(rt, I)).toEqual(['', ...down(35, rate)]);
  });

  it('a replace that shrinks the table clears the formula from the rows it no longer reaches, and only that', async () => {
    const { rt } = await startLocalAddon();
    const rows = await threeDays(rt);
    const twice = (r: number) => `=F${r}*2`;
    typeColumn(rt, I, 'Sched x2', rows, twice);
    // Not a formula column: a note per row.
    typeColumn(rt, J, 'Notes', rows, (r) => `note ${r}`);
    // Under the table, in the person's columns: a total of theirs and a value.
    const below = rows + 3;
    const sum = `=SUM(I2:I${rows + 1})`;
    rt.workbook.write('Stats', [[sum, 'checked']], { row: below, column: I + 1 });
    const shorter = await pullToEnd(rt, stats('replace', '2026-05-11', '2026-05-12'), key());
    expect(shorter).toMatchObject({ state: 'done', rows: 14 });
    expect(shorter.message).toBe(
      '14 rows written to Stats!A1. The column "Notes" beside it stays as typed, row by row, though the table\'s rows may have moved: Merge by key keeps such a column with its rows. The formula of "Sched x2" was cleared from the rows the table no longer reaches (below row 15).',
    );
    const formulas = columnFormulas(rt, I);
    expect(formulas.slice(0, rows + 1)).toEqual(['', ...down(14, twice), ...Array(rows - 14).fill('')]);
    expect(formulas[below - 1]).toBe(sum);
    // The table's own cells there are cleared as well; the notes and the value stay.
    expect(rt.workbook.values('Stats')[15]?.slice(0, WIDTH)).toEqual(Array(WIDTH).fill(''));
    expect(columnValues(rt, J).slice(1, rows + 1)).toEqual(
      Array.from({ length: rows }, (_, i) => `note ${i + 2}`),
    );
    expect(columnValues(rt, J)[below - 1]).toBe('checked');
  });

  it("a replace that shrinks the table past a total of the person's among its rows clears around the total", async () => {
    const { rt } = await startLocalAddon();
    const before = await threeDays(rt);
    typeColumn(rt, I, 'Rate', before, rate);
    // A total under the table, which a longer replace then passes (left as it was, said).
    const total = before + 3;
    const sum = `=SUM(I2:I${before + 1})`;
    rt.workbook.write('Stats', [[sum]], { row: total, column: I + 1 });
    const longer = await pullToEnd(rt, stats('replace', '2026-05-11', '2026-05-16'), key());
    expect(longer.message).toContain(`I${total}, yours, was left as it was`);
    const shorter = await pullToEnd(rt, stats('replace', '2026-05-11', '2026-05-12'), key());
    expect(shorter.message).toBe(
      '14 rows written to Stats!A1. The formula of "Rate" was cleared from the rows the table no longer reaches (below row 15).',
    );
    expect(columnFormulas(rt, I)).toEqual(['', ...down(14, rate), ...Array(total - 16).fill(''), sum]);
  });

  it('a replace that finds no rows keeps the formula in the row under the header alone, and one that brings rows back fills it down again', async () => {
    const { rt } = await startLocalAddon();
    const acts = (range: object) => ({
      source: { kind: 'resource', resource: 'activities' },
      range,
      target: { kind: 'sheet', name: 'Acts' },
      mode: 'replace',
    });
    rt.workbook.addSheet('Acts');
    const lastWeek = { kind: 'relative', preset: 'last_week' };
    const first = await pullToEnd(rt, acts(lastWeek), key());
    expect(first.state).toBe('done');
    const table = rt.workbook.values('Acts');
    const [rows, width] = [table.length - 1, table[0]?.length ?? 0];
    expect(rows).toBeGreaterThan(2);
    const twice = (r: number) => `=LEN(A${r})*2`;
    rt.workbook.write('Acts', [['Twice'], ...down(rows, twice).map((f) => [f])], {
      row: 1,
      column: width + 1,
    });
    const none = await pullToEnd(rt, acts({ kind: 'absolute', from: '2028-01-01', to: '2028-01-02' }), key());
    expect(none.message).toBe(
      'No rows: Assembled holds nothing yet for 2028-01-01 to 2028-01-02, which lies ahead: schedules may not be planned yet, so Acts!A1 keeps the table\'s header, with no rows under it. The formula of "Twice" was cleared from the rows the table no longer reaches; row 2 keeps it, to be filled down when rows come back.',
    );
    const column = () => rt.workbook.formulas('Acts').map((r) => r[width] ?? '');
    expect(column()).toEqual(['', twice(2)]);
    const back = await pullToEnd(rt, acts(lastWeek), key());
    expect(back.message).toBe(
      `${rows.toLocaleString('en-US')} rows written to Acts!A1. The formula of "Twice" was filled down the new rows.`,
    );
    expect(column()).toEqual(['', ...down(rows, twice)]);
  });

  it('a formula of mixed references goes on as Sheets fills it: relative rows follow the row, $ rows stay', async () => {
    const { rt } = await startLocalAddon();
    const rows = await threeDays(rt);
    const running = (r: number) => `=SUM($F$2:F${r})/E$2+COUNTIF(A:A, A${r})`;
    typeColumn(rt, I, 'Running', rows, running);
    await pullToEnd(rt, stats('merge', '2026-05-11', '2026-05-14'), key());
    expect(columnFormulas(rt, I)).toEqual(['', ...down(28, running)]);
  });

  it('one that is not one formula all down is left alone: a value among them, blanks, or other formulas', async () => {
    const { rt } = await startLocalAddon();
    const rows = await threeDays(rt);
    // A value in one row of formulas; a formula on some rows only; a formula that differs on one row.
    typeColumn(rt, I, 'Mixed', rows, (r) => (r === 5 ? 0.5 : rate(r)));
    typeColumn(rt, J, 'Some', rows, (r) => (r % 2 ? rate(r) : ''));
    typeColumn(rt, J + 1, 'Other', rows, (r) => (r === 9 ? `=E${r}*2` : rate(r)));
    const before = rt.workbook.formulas('Stats').map((r) => r.slice(I));
    for (const [mode, from, to] of [
      ['merge', '2026-05-11', '2026-05-14'],
      ['append', '2026-05-15', '2026-05-15'],
      ['replace', '2026-05-11', '2026-05-16'],
    ] as const) {
      await pullToEnd(rt, stats(mode, from, to), key());
    }
    expect(rowsOf(rt)).toBe(42);
    const after = rt.workbook.formulas('Stats').map((r) => r.slice(I, I + 3));
    expect(after.slice(0, rows + 1)).toEqual(before.map((r) => r.slice(0, 3)));
    expect(after.slice(rows + 1)).toEqual(Array(42 - rows).fill(['', '', '']));
    expect(columnValues(rt, I)[4]).toBe(0.5);
  });

  // The same three days, then six by each mode: the table grows from row 22 to row 43.
  for (const [mode, from, rows] of [
    ['replace', '2026-05-11', 42],
    ['merge', '2026-05-11', 42],
    ['append', '2026-05-14', 21],
  ] as const)
    it(`${mode === 'append' ? 'an' : 'a'} ${mode} fills it down around a total typed under the table, leaves the total, and says where it is now`, async () => {
      const { rt } = await startLocalAddon();
      const before = await threeDays(rt);
      const hours = (r: number) => `=F${r}*24`;
      typeColumn(rt, I, 'Rate', before, rate);
      typeColumn(rt, J, 'Hours', before, hours);
      // A total two rows below the table, in the person's columns only.
      const total = before + 3;
      const sum = `=SUM(J2:J${before + 1})`;
      rt.workbook.write('Stats', [['Total', sum]], { row: total, column: I + 1 });
      const pulled = await pullToEnd(rt, stats(mode, from, '2026-05-16'), key());
      expect(pulled).toMatchObject({ state: 'done', rows });
      const around = (formula: (r: number) => string, kept: string) =>
        ['', ...down(42, formula)].map((f, i) => (i === total - 1 ? kept : f));
      expect(columnFormulas(rt, I)).toEqual(around(rate, ''));
      expect(columnValues(rt, I)[total - 1]).toBe('Total');
      expect(columnFormulas(rt, J)).toEqual(around(hours, sum));
      expect(pulled.message).not.toContain('as typed');
      expect(pulled.message).toContain(
        `The formulas of "Rate" and "Hours" were filled down the new rows. I${total} and J${total}, yours, were left as they were and are now beside data row ${total}: move them below row 43, then fill I${total} and J${total} down from the row above, or the next pull will not fill their columns.`,
      );
    });

  it("a merge into cells typed under the table's own columns is refused, naming the columns that are the person's", async () => {
    const { rt } = await startLocalAddon();
    const rows = await threeDays(rt);
    typeColumn(rt, I, 'Rate', rows, rate);
    typeColumn(rt, J, 'Notes', rows, () => '');
    rt.workbook.write('Stats', [['Total', '=SUM(F2:F22)']], { row: rows + 3, column: 5 });
    const merged = await pullToEnd(rt, stats('merge', '2026-05-11', '2026-05-16'), key());
    expect(merged.state).toBe('failed');
    expect(merged.message).toBe(
      `The table needs A1:J43 (43 rows, 10 columns: the table's 8 and your I and J) but would write over E${rows + 3} and F${rows + 3} there, which it did not write: row ${rows + 3} holds a formula (F${rows + 3}), as a total does, so it is not taken in as a row of the table (rows typed right under it join it when they hold values alone). Move the total below row 43, leaving room for the table to grow, or pull to another cell or a new sheet. Nothing was written.`,
    );
  });

  it("a replace by an editor who may not edit the person's protected column leaves it, and the pull is done", async () => {
    const addon = await startLocalAddon();
    const { rt } = addon;
    const rows = await threeDays(rt);
    typeColumn(rt, I, 'Rate', rows, rate);
    typeColumn(rt, J, 'Rate too', rows, rate);
    rt.workbook.protect('Stats!I1:I1000');
    const ops = await editor(addon, 'ops@example.com');
    const replaced = await pullToEnd(ops, stats('replace', '2026-05-11', '2026-05-14'), key());
    expect(replaced).toMatchObject({ state: 'done', rows: 28 });
    // Only the column it filled is said to be.
    expect(replaced.message).toBe(
      '28 rows written to Stats!A1. The formula of "Rate too" was filled down the new rows.',
    );
    expect(columnFormulas(rt, I)).toEqual(['', ...down(rows, rate), ...Array(28 - rows).fill('')]);
    expect(columnFormulas(rt, J)).toEqual(['', ...down(28, rate)]);
    // Shorter again: the same column is left, the other cleared below the table.
    const shorter = await pullToEnd(ops, stats('replace', '2026-05-11', '2026-05-12'), key());
    expect(shorter.message).toBe(
      '14 rows written to Stats!A1. The formula of "Rate too" was cleared from the rows the table no longer reaches (below row 15).',
    );
    expect(columnFormulas(rt, I)).toEqual(['', ...down(rows, rate)]);
    expect(columnFormulas(rt, J)).toEqual(['', ...down(14, rate), ...Array(rows - 14).fill('')]);
  });

  it('one formula on the only row the table had is no column of formulas: it is not filled down', async () => {
    const { rt } = await startLocalAddon();
    const rows = await threeDays(rt);
    rt.workbook.deleteRows('Stats', 3, rows - 1);
    expect(rowsOf(rt)).toBe(1);
    typeColumn(rt, I, 'Rate', 1, rate);
    await pullToEnd(rt, stats('merge', '2026-05-11', '2026-05-13'), key());
    expect(rowsOf(rt)).toBe(21);
    expect(columnFormulas(rt, I)).toEqual(['', rate(2), ...Array(20).fill('')]);
  });

  it('a scheduled append refresh fills it down the rows each day adds', async () => {
    const { rt } = await startLocalAddon({ now: '2026-05-20T10:00:00Z' });
    rt.workbook.addSheet('Stats');
    const spec = {
      ...stats('append', '', ''),
      range: { kind: 'relative', preset: 'yesterday' },
      mergeKey: 'Queue ID, Start',
    };
    await rt.callFromSidebar(
      'saveRefresh',
      { spec, frequency: { kind: 'hourly' }, notifyByEmail: false },
      key(),
    );
    await stepUntil(rt, () => rowsOf(rt) >= 7, 2 * HOUR);
    expect(rowsOf(rt)).toBe(7);
    typeColumn(rt, I, 'Rate', 7, rate);
    await stepUntil(rt, () => rowsOf(rt) >= 21, 50 * HOUR);
    expect(rowsOf(rt)).toBe(21);
    expect(columnFormulas(rt, I)).toEqual(['', ...down(21, rate)]);
  });
});
