// A column a person heads beside a pulled table is said to stay as typed, row by row, before and
// after a replace, only when it holds notes row by row: a summary of the table (an average of the
// table under "Avg adherence") is about no row, and a warning of it sent people to Merge by key for
// nothing. The rule (row-notes.ts): a block of adjacent columns within a dozen rows holding a formula
// over much of the table (a SUM of its column) is a summary; typed words with none are notes.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { PullOptions } from '../../src/core/pull/pull-view';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `summary-beside-${String(++keys).padStart(6, '0')}`;

const adherence = (target: object) => ({
  source: { kind: 'report', report: 'adherence', granularity: 'day' },
  range: { kind: 'absolute', from: '2026-05-11', to: '2026-05-17' },
  target,
  mode: 'replace',
});

/** An adherence table pulled into "Adherence" by Replace: its data rows and width. */
async function pulled(rt: LocalRuntime): Promise<{ rows: number; width: number }> {
  const first = await pullToEnd(rt, adherence({ kind: 'new_sheet', name: 'Adherence' }), key());
  expect(first.state).toBe('done');
  const width = rt.workbook.values('Adherence')[0]?.length ?? 0;
  return { rows: first.rows, width };
}

/** The card's words before a replace, and the replace's words after. */
async function wordsAround(rt: LocalRuntime): Promise<{ before?: string; after: string }> {
  rt.workbook.select('Adherence!B3');
  const card = (await rt.callFromSidebar<PullOptions>('getPullOptions')).again;
  const done = await pullToEnd(rt, card?.spec ?? {}, key());
  expect(done.state).toBe('done');
  return { ...(card?.kept ? { before: card.kept } : {}), after: done.message };
}

describe('a column beside a replaced table', () => {
  it('with a summary formula under its header alone ("Avg adherence" in L1, K empty): nothing said, before or after', async () => {
    const { rt } = await startLocalAddon();
    const { rows, width } = await pulled(rt);
    expect(rows).toBeGreaterThan(20);
    const avg = `=SUM(G2:G${rows + 1})/SUM(F2:F${rows + 1})`;
    rt.workbook.write('Adherence', [['Avg adherence'], [avg]], { row: 1, column: width + 4 });
    const { before, after } = await wordsAround(rt);
    expect(before).toBeUndefined();
    expect(after).toBe(`${rows.toLocaleString('en-US')} rows written to Adherence!A1.`);
    // Left as typed, as ever.
    expect(rt.workbook.values('Adherence')[0]?.[width + 3]).toBe('Avg adherence');
    expect(rt.workbook.formulas('Adherence')[1]?.[width + 3]).toBe(avg);
  });

  it('with a note on several rows, differing: said before and after', async () => {
    const { rt } = await startLocalAddon();
    const { width } = await pulled(rt);
    const notes = [['Coach note'], ['late twice'], [''], ['on leave Fri'], [''], [''], ['new hire'], ['ok']];
    rt.workbook.write('Adherence', notes, { row: 1, column: width + 2 });
    const { before, after } = await wordsAround(rt);
    expect(before).toBe(
      'The column "Coach note" beside the table stays as typed, row by row, though the new rows may come in another order: Merge by key keeps such a column with its rows.',
    );
    expect(after).toMatch(
      / The column "Coach note" beside it stays as typed, row by row, though the table's rows may have moved: Merge by key keeps such a column with its rows\.$/,
    );
  });

  it('with blocks of totals, labels beside their SUMs, one starting a row down: nothing said, before or after', async () => {
    const { rt } = await startLocalAddon();
    const { rows, width } = await pulled(rt);
    const last = rows + 1;
    // QA's totals block: "Summary" over four labels, their formulas in the unheaded column beside.
    rt.workbook.write(
      'Adherence',
      [
        ['Summary', ''],
        ['Total sched', `=SUM(F2:F${last})`],
        ['Total adherent', `=SUM(G2:G${last})`],
        ['Adherence', '=U3/U2'],
        ['Agents', `=COUNTA(A2:A${last})`],
      ],
      { row: 1, column: width + 2 },
    );
    // And a three-row block a column on, starting a row under the table's first.
    rt.workbook.write('Adherence', [['Summary 2']], { row: 1, column: width + 5 });
    rt.workbook.write(
      'Adherence',
      [
        ['Avg sched', `=AVERAGE(F2:F${last})`],
        ['Max sched', '=MAX(F:F)'],
        ['Spread', '=X4-X3'],
      ],
      { row: 3, column: width + 5 },
    );
    expect(await wordsAround(rt)).toEqual({
      after: `${rows.toLocaleString('en-US')} rows written to Adherence!A1.`,
    });
  });

  it('with typed notes on the first three data rows, no total beside them: said before and after', async () => {
    const { rt } = await startLocalAddon();
    const { width } = await pulled(rt);
    const notes = [['Coach notes'], ['coached Mon'], ['coached Tue'], ['late twice']];
    rt.workbook.write('Adherence', notes, { row: 1, column: width + 2 });
    const { before, after } = await wordsAround(rt);
    expect(before).toBe(
      'The column "Coach notes" beside the table stays as typed, row by row, though the new rows may come in another order: Merge by key keeps such a column with its rows.',
    );
    expect(after).toMatch(/ The column "Coach notes" beside it stays as typed, row by row, /);
  });
});
