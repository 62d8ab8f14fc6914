// A formula pasted elsewhere in the workbench grid moves its relative references as Sheets does.
import { describe, expect, it } from 'vitest';
import { shiftFormula } from '../../dev/workbench/page/formula-shift';

describe('shiftFormula', () => {
  it('moves relative cells, whole columns and whole rows; holds what $ fixes', () => {
    expect(shiftFormula('=SUM($B$2:B9)+$C2+C$2', 2, 1)).toBe('=SUM($B$2:C11)+$C4+D$2');
    expect(shiftFormula('=COUNTA(A:A)+SUM(1:1)+SUM($A:B)', 3, 2)).toBe('=COUNTA(C:C)+SUM(4:4)+SUM($A:D)');
    expect(shiftFormula('=z9+az1', 1, 1)).toBe('=AA10+BA2');
  });

  it('leaves function names, sheet names and quoted text alone, and moves references on other sheets', () => {
    expect(shiftFormula(`=LOG10(A1)+Sheet1!A1+'AHT Nov'!B2&"A1"`, 1, 0)).toBe(
      `=LOG10(A2)+Sheet1!A2+'AHT Nov'!B3&"A1"`,
    );
  });

  it('makes a reference moved off the sheet #REF!', () => {
    expect(shiftFormula('=A1+B2', -1, 0)).toBe('=#REF!+B1');
    expect(shiftFormula('=A:A', 0, -1)).toBe('=#REF!');
  });
});
