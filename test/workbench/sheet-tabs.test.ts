// A sheet renamed or deleted from its tab in the workbench, with Sheets' own refusals; hidden sheets
// have no tab, as in Sheets.
import { afterEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../dev/workbench/workbench';

describe('the workbench sheet tabs', () => {
  let bench: Workbench | undefined;
  afterEach(() => bench?.close());

  it('rename: a name of its own, not blank, 100 characters at most', async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const wb = bench.rt.workbook;
    bench.addSheet();
    expect(bench.renameSheet('Sheet2', '  ')).toEqual({ ok: false, message: 'A sheet needs a name.' });
    expect(bench.renameSheet('Sheet2', 'x'.repeat(101))).toEqual({
      ok: false,
      message: 'A sheet name is at most 100 characters.',
    });
    expect(bench.renameSheet('Sheet2', 'SHEET1')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already exists/),
    });
    expect(bench.renameSheet('Sheet2', ` ${'y'.repeat(100)} `)).toEqual({ ok: true });
    // Its own name in another case is its own.
    expect(bench.renameSheet('Sheet1', 'sheet1')).toEqual({ ok: true });
    expect(wb.sheetNames()).toEqual(['sheet1', 'y'.repeat(100)]);
  });

  it('delete: any sheet but the last visible one', async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const wb = bench.rt.workbook;
    bench.addSheet();
    wb.hideSheet('Sheet2');
    expect(bench.deleteSheet('Sheet1')).toEqual({
      ok: false,
      message: "You can't remove all the visible sheets in a document.",
    });
    expect(bench.deleteSheet('Sheet2')).toEqual({ ok: true });
    expect(wb.sheetNames()).toEqual(['Sheet1']);
  });

  it("hidden sheets have no tab, as in Sheets: a large pull's staging sheet among them", async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const wb = bench.rt.workbook;
    bench.addSheet();
    wb.addSheet('~assembled-staging-pages-1');
    wb.hideSheet('~assembled-staging-pages-1');
    expect(bench.state().sheets).toEqual(['Sheet1', 'Sheet2']);
    // Still in the workbook, as in Sheets.
    expect(wb.sheetNames()).toContain('~assembled-staging-pages-1');
  });
});
