// A sheet longer than the page shows: the view carries its first MAX_ROWS rows, read alone, and
// says the rest is cut off; the count and the .xlsx download keep every row.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { sheetView } from '../../dev/workbench/sheet-view';
import { MAX_ROWS } from '../../dev/workbench/wire';

const rows = (n: number) => Array.from({ length: n }, (_, r) => [`row ${r + 1}`, r + 1]);

describe('the workbench view of a large sheet', () => {
  it('sends exactly MAX_ROWS rows without a cut-off note, and one more row brings the note', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.write('Big', rows(MAX_ROWS));
    const full = sheetView(rt, 'Big');
    expect(full).toMatchObject({ lastRow: MAX_ROWS, truncated: false });
    expect(full.rows).toHaveLength(MAX_ROWS);
    expect(full.rows[MAX_ROWS - 1]?.[0]?.text).toBe(`row ${MAX_ROWS}`);

    rt.workbook.write('Big', [[`row ${MAX_ROWS + 1}`, MAX_ROWS + 1]], { row: MAX_ROWS + 1 });
    const cut = sheetView(rt, 'Big');
    expect(cut).toMatchObject({ lastRow: MAX_ROWS + 1, truncated: true });
    expect(cut.rows).toHaveLength(MAX_ROWS);
    expect(cut.rows[MAX_ROWS - 1]?.[1]).toMatchObject({ text: String(MAX_ROWS), numeric: true });
  });

  it('reads only the rows asked for', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.write('Big', rows(50));
    expect(rt.workbook.values('Big', 3)).toEqual([
      ['row 1', 1],
      ['row 2', 2],
      ['row 3', 3],
    ]);
    expect(rt.workbook.displayValues('Big', 2)).toEqual([
      ['row 1', '1'],
      ['row 2', '2'],
    ]);
    expect(rt.workbook.values('Big')).toHaveLength(50);
  });
});
