// A formula moved with its row keeps pointing at that row, as Sheets does when it copies a cell.
import { describe, expect, it } from 'vitest';
import { shiftRows } from '../../src/core/sheet/kept-formula';

describe('shiftRows', () => {
  it('moves relative row references and keeps fixed ones', () => {
    expect(shiftRows('=B7*60', -2)).toBe('=B5*60');
    expect(shiftRows('=$B7+B$7+$B$7', 3)).toBe('=$B10+B$7+$B$7');
    expect(shiftRows('=SUM(C2:D9)/COUNT(2:4)', 1)).toBe('=SUM(C3:D10)/COUNT(3:5)');
    expect(shiftRows("='Q4 plan'!B2-Other!AB12", 1)).toBe("='Q4 plan'!B3-Other!AB13");
    expect(shiftRows('=B7', 0)).toBe('=B7');
  });

  it('leaves text, function names, numbers and longer names alone', () => {
    expect(shiftRows('=IF(B2="A1 x",LOG10(B2),1E5)', 1)).toBe('=IF(B3="A1 x",LOG10(B3),1E5)');
    expect(shiftRows('=Q1_total+ABCD1*B2', 1)).toBe('=Q1_total+ABCD1*B3');
    expect(shiftRows("='Sheet B2'!A1", 4)).toBe("='Sheet B2'!A5");
  });

  it('a reference moved above row 1 is #REF!, as in Sheets', () => {
    expect(shiftRows('=B2+1', -2)).toBe('=#REF!+1');
    expect(shiftRows('=SUM(1:3)', -1)).toBe('=SUM(#REF!)');
  });
});
