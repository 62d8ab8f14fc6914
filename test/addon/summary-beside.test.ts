// A column a person heads beside a pulled table is said to stay as typed, row by row, before and
// after a replace, only when it holds notes row by row: a summary at its top (an average of the
// table under "Avg adherence") is about no row, and a warning of it sent people to Merge by key for
// nothing. The rule (row-notes.ts): filled cells all in the first three data rows, and fewer than
// half of them, are a summary.
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

  it("at the rule's edge: cells in the first three data rows are a summary; one in the fourth makes it notes", async () => {
    const { rt } = await startLocalAddon();
    const { rows, width } = await pulled(rt);
    const total = `=SUM(G2:G${rows + 1})`;
    // A block of totals in K2:K4, and its labels headed beside it in J.
    rt.workbook.write(
      'Adherence',
      [
        ['Metric', 'Value'],
        ['Scheduled', total],
        ['Adhered', `=SUM(F2:F${rows + 1})`],
        ['Average', '=K3/K2'],
      ],
      { row: 1, column: width + 2 },
    );
    expect(await wordsAround(rt)).toEqual({
      after: `${rows.toLocaleString('en-US')} rows written to Adherence!A1.`,
    });
    // One cell more, in the fourth data row: the column reads as a note per row.
    rt.workbook.write('Adherence', [['checked']], { row: 5, column: width + 3 });
    const { before, after } = await wordsAround(rt);
    expect(before).toMatch(/^The column "Value" beside the table stays as typed, row by row, /);
    expect(after).toMatch(/ The column "Value" beside it stays as typed, row by row, /);
  });
});
