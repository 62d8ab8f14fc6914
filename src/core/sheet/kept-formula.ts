// A formula a person typed beside a table (=B2*60 in a column of their own). A merge rewrites the
// rows it reads, so it carries such a cell as its formula, not the value getValues gave for it,
// which would freeze it (and "#NAME?" would be written back as text). A row the merge moves up or
// down takes its formula with it as Sheets copies a cell: relative row references follow the row.

import type { CellValue } from '../table/build-table';

export class KeptFormula {
  constructor(
    /** The formula as getFormulas gives it, in A1 notation. */
    readonly text: string,
    /** The sheet row it was read from. */
    readonly row: number,
  ) {}

  /** The formula to write at `row`. */
  at(row: number): string {
    return shiftRows(this.text, row - this.row);
  }

  // A merge key or span never names a person's own column; if one did, it compares as text.
  toString(): string {
    return this.text;
  }
}

/** A cell of the rows a write puts in the sheet: a value, or a formula of the person's own. */
export type BodyCell = CellValue | KeptFormula;

// Outside quoted text: a cell reference (B2, $B$2, B$2) or a whole-row range (2:5, $2:$5); not a
// function name (LOG10, ATAN2), not part of a longer name, not a sheet name in quotes.
const PARTS =
  /("(?:[^"]|"")*")|('(?:[^']|'')*')|(?<![\w$.])(\$?[A-Za-z]{1,3})(\$?)(\d+)(?![\w(])|(?<![\w$.:])(\$?)(\d+):(\$?)(\d+)(?![\w(])/g;

/** The formula with its relative row references moved down by `by` rows (up when negative). */
export function shiftRows(formula: string, by: number): string {
  if (by === 0) return formula;
  const move = (fixed: string, row: string) => {
    if (fixed) return `$${row}`;
    const to = Number(row) + by;
    return to >= 1 ? String(to) : '#REF!';
  };
  return formula.replace(
    PARTS,
    (
      all,
      dq?: string,
      sq?: string,
      col?: string,
      rowFixed?: string,
      row?: string,
      f1?: string,
      r1?: string,
      f2?: string,
      r2?: string,
    ) => {
      if (dq !== undefined || sq !== undefined) return all;
      if (col !== undefined && row !== undefined) {
        const moved = move(rowFixed ?? '', row);
        return moved === '#REF!' ? moved : `${col}${moved}`;
      }
      const [a, b] = [move(f1 ?? '', r1 ?? ''), move(f2 ?? '', r2 ?? '')];
      return a === '#REF!' || b === '#REF!' ? '#REF!' : `${a}:${b}`;
    },
  );
}
