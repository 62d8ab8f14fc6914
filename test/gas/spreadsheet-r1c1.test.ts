// Formulas in R1C1 notation: getFormulasR1C1 gives a relative reference as an offset from the
// formula's cell, so one formula filled down a column reads the same on every row, and
// setFormulasR1C1 writes one R1C1 formula as each cell's own A1 one, in one write call.
import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
function setFormulas(a1, formulas) { sheet().getRange(a1).setFormulas(formulas); }
function formulas(a1) { return sheet().getRange(a1).getFormulas(); }
function r1c1(a1) { return sheet().getRange(a1).getFormulasR1C1(); }
function oneR1C1(a1) { return sheet().getRange(a1).getFormulaR1C1(); }
function setR1C1(a1, formulas) { sheet().getRange(a1).setFormulasR1C1(formulas); }
function setOneR1C1(a1, formula) { sheet().getRange(a1).setFormulaR1C1(formula); }
`;

const column = (v: unknown) => (v as string[][]).map((r) => r[0]);

describe('formulas in R1C1 notation', () => {
  it('read the same down a column filled with one relative formula, and absolute parts as numbers', () => {
    const rt = runtimeFor(CODE);
    rt.run('setFormulas', 'I2:I4', [['=G2/F2'], ['=G3/F3'], ['=G4/F4']]);
    expect(column(rt.run('r1c1', 'I2:I4').value)).toEqual(Array(3).fill('=R[0]C[-2]/R[0]C[-3]'));
    rt.run('setFormulas', 'B5:B9', [
      ['=SUM($A$1:A4)*B$2'],
      ["='Bob''s data'!C9+Data!$D7"],
      ['=COUNTA(A:A)+SUM(2:3)+SUM(A2:A)'],
      ['=CONCAT("A1", ROUND(LOG10(A8), 2))'],
      ['=1+1'],
    ]);
    expect(column(rt.run('r1c1', 'B5:B9').value)).toEqual([
      '=SUM(R1C1:R[-1]C[-1])*R2C[0]',
      "='Bob''s data'!R[3]C[1]+Data!R[1]C4",
      '=COUNTA(C[-1]:C[-1])+SUM(R[-5]:R[-4])+SUM(R[-5]C[-1]:C[-1])',
      '=CONCAT("A1", ROUND(LOG10(R[0]C[-1]), 2))',
      '=1+1',
    ]);
    // A value or an empty cell has no formula.
    expect(rt.run('r1c1', 'A1:A1').value).toEqual([['']]);
    expect(rt.run('oneR1C1', 'I3').value).toBe('=R[0]C[-2]/R[0]C[-3]');
  });

  it('written, are each cell’s own A1 formula; the short form reads too; off the grid is #REF!', () => {
    const rt = runtimeFor(CODE);
    rt.run('setR1C1', 'I2:J4', [
      ['=R[0]C[-2]/R[0]C[-3]', '=SUM(R1C1:R[-1]C[-1])'],
      ['=RC[-2]/RC[-3]', '=R[-3]C+R[-2]C'],
      ['=CONCAT("R[0]C[0]", ROUND(RC[-1], 2))', 'text'],
    ]);
    expect(rt.run('formulas', 'I2:J4').value).toEqual([
      ['=G2/F2', '=SUM($A$1:I1)'],
      ['=G3/F3', '=#REF!+J1'],
      ['=CONCAT("R[0]C[0]", ROUND(H4, 2))', ''],
    ]);
    rt.run('setOneR1C1', 'K2:K3', '=R[0]C[-1]*2');
    expect(rt.run('formulas', 'K2:K3').value).toEqual([['=J2*2'], ['=J3*2']]);
    // Whole rows and columns, alone or as ranges.
    rt.run('setR1C1', 'C5:C5', [['=SUM(C[-1])+SUM(R[-3]:R[-2])+SUM(R2C[-2]:C[-2])']]);
    expect(rt.run('formulas', 'C5:C5').value).toEqual([['=SUM(B:B)+SUM(2:3)+SUM(A$2:A)']]);
  });

  it('round trip through R1C1 leaves a formula as it was, and one write is one call, no setValues', () => {
    const rt = runtimeFor(CODE);
    const typed = ['=SUM($A$1:A4)*B$2', "='Bob''s data'!C9+Data!$D7", '=COUNTA(A:A)+SUM(A2:A)'];
    rt.run(
      'setFormulas',
      'B5:B7',
      typed.map((f) => [f]),
    );
    const r1c1 = rt.run('r1c1', 'B5:B7').value as string[][];
    rt.counters.reset();
    rt.run('setR1C1', 'B5:B7', r1c1);
    expect(column(rt.run('formulas', 'B5:B7').value)).toEqual(typed);
    expect(rt.counters.spreadsheet).toMatchObject({ writes: 1, setValuesCalls: 0 });
  });
});
