// Data ▸ Create a filter and Remove filter in the workbench: the editor's change, no execution, as
// in Sheets; the view marks the filter's first row with its buttons.
import { afterEach, describe, expect, it } from 'vitest';
import { sheetView } from '../../dev/workbench/sheet-view';
import { Workbench } from '../../dev/workbench/workbench';

describe('Data ▸ Create a filter', () => {
  let bench: Workbench | undefined;
  afterEach(() => bench?.close());

  it("filters the sheet's table from one cell, or the range selected; Remove filter takes it off", async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const wb = bench.rt.workbook;
    const runs = bench.rt.executions.length;
    wb.write('Sheet1', [
      ['Agent', 'Start', 'End'],
      ['ada@example.com', '2026-12-22 09:00', '2026-12-22 17:00'],
      ['bo@example.com', '2026-12-23 09:00', '2026-12-23 17:00'],
    ]);
    expect(bench.filter('Sheet1', 'B2', 'create')).toEqual({ ok: true });
    expect(wb.filter('Sheet1')).toBe('A1:C3');
    expect(sheetView(bench.rt, 'Sheet1').filter).toEqual({ a1: 'A1:C3', row: 1, col: 1, lastCol: 3 });
    expect(bench.filter('Sheet1', 'A1:B2', 'create')).toEqual({
      ok: false,
      message: 'You can’t create a filter in a sheet that already has a filter.',
    });
    expect(bench.filter('Sheet1', 'A1', 'remove')).toEqual({ ok: true });
    expect(wb.filter('Sheet1')).toBeNull();
    expect(bench.filter('Sheet1', 'A1:B2', 'create')).toEqual({ ok: true });
    expect(wb.filter('Sheet1')).toBe('A1:B2');
    expect(bench.rt.executions.length).toBe(runs);
  });
});
