import { describe, expect, it } from 'vitest';
import { COSTS } from '../../dev/gas/index.js';
import { runtimeFor } from './fixture.js';

const CODE = `
function perCell(n) {
  var sheet = SpreadsheetApp.getActiveSheet();
  for (var i = 1; i <= n; i++) sheet.getRange(i, 1).setValue(i);
}
function oneBlock(n) {
  var rows = [];
  for (var i = 1; i <= n; i++) rows.push([i, 'row ' + i]);
  SpreadsheetApp.getActiveSheet().getRange(1, 1, n, 2).setValues(rows);
  return SpreadsheetApp.getActiveSheet().getDataRange().getValues().length;
}
function blocksAndGrowth() {
  var sheet = SpreadsheetApp.getActiveSheet();
  sheet.getRange(1, 1, 3, 2).setValues([[1, 2], [3, 4], [5, 6]]);
  sheet.getRange(4, 1, 5, 2).setValues([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]);
  sheet.insertRowsAfter(sheet.getMaxRows(), 10);
  sheet.insertColumnsBefore(1, 2);
}
function props() {
  var p = PropertiesService.getUserProperties();
  p.setProperty('a', '1');
  p.getProperty('a');
  p.getProperties();
}
`;

describe('counters', () => {
  it('counts spreadsheet calls and cells, so per-cell loops show up', () => {
    const rt = runtimeFor(CODE);
    rt.run('perCell', 50);
    expect(rt.counters.spreadsheet).toMatchObject({ writes: 50, cellsWritten: 50, setValuesCalls: 0 });

    rt.counters.reset();
    expect(rt.run('oneBlock', 500).value).toBe(500);
    expect(rt.counters.spreadsheet).toMatchObject({
      writes: 1,
      setValuesCalls: 1,
      setValuesCells: 1000,
      getValuesCalls: 1,
      getValuesCells: 1000,
      reads: 1,
    });
  });

  it('counts the largest single setValues and each time a sheet grows', () => {
    const rt = runtimeFor(CODE);
    rt.run('blocksAndGrowth');
    expect(rt.counters.spreadsheet).toMatchObject({
      setValuesCalls: 2,
      setValuesLargestCells: 10,
      gridGrowths: 2,
    });
  });

  it('charges spreadsheet writes per call and per cell on the virtual clock', () => {
    const rt = runtimeFor(CODE);
    const loop = rt.run('perCell', 100).durationMs;
    const block = rt.run('oneBlock', 100).durationMs;
    expect(loop).toBeGreaterThanOrEqual(100 * COSTS.sheetWriteMs);
    expect(block).toBeLessThan(loop / 10);
  });

  it('counts properties reads and writes, and snapshots do not move', () => {
    const rt = runtimeFor(CODE);
    const before = rt.counters.snapshot();
    rt.run('props');
    expect(rt.counters.properties).toMatchObject({ reads: 2, writes: 1 });
    expect(before.properties.reads).toBe(0);
    expect(rt.counters.executions.runs).toBe(1);
  });
});
