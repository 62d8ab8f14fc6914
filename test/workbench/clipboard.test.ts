// Blocks on the clipboard as Sheets and Excel write them, read back cell for cell.
import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../dev/workbench/page/clipboard';

describe('tab-separated clipboard blocks', () => {
  it('splits rows on line breaks (LF or CRLF) and cells on tabs; a final line break is optional', () => {
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\t\t\n\tb')).toEqual([
      ['a', '', ''],
      ['', 'b'],
    ]);
    expect(parseTsv('')).toEqual([]);
  });

  it('reads quoted cells holding tabs, line breaks and doubled quotes; a stray quote is text', () => {
    expect(parseTsv('"two\nlines"\t"say ""hi"""\tx')).toEqual([['two\nlines', 'say "hi"', 'x']]);
    expect(parseTsv('5" screen\t"open')).toEqual([['5" screen', '"open']]);
    expect(parseTsv('"a"b\tc')).toEqual([['"a"b', 'c']]);
  });

  it('writes what it reads back', () => {
    const rows = [
      ['plain', 'tab\there', 'say "hi"'],
      ['two\nlines', '', '=1+1'],
    ];
    expect(toTsv(rows)).toBe('plain\t"tab\there"\t"say ""hi"""\n"two\nlines"\t\t=1+1');
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});
