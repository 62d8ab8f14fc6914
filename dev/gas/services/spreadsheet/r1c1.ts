// Formulas in R1C1 notation (Range.getFormulasR1C1 / setFormulasR1C1): a relative reference is
// an offset from the formula's own cell, so =G2/F2 in I2 and =G3/F3 in I3 both read
// =R[0]C[-2]/R[0]C[-3]. Cells keep their formula in A1 notation; these convert at the call.
// Offsets are written in brackets, a zero one too (R[0]C[-2]), as Google's examples write them;
// both that and the short form (RC[-2]) are read. A reference moved off the grid is #REF!.
import { columnLetters } from './a1.js';
import { type Bound, mapMatches, mapReferences, type Reference } from './references.js';

/** One end of an R1C1 reference: R and C each absolute (R2), an offset (R[-1], R) or absent. */
const END = String.raw`(?:R(?:\[-?\d+\]|\d+)?C(?:\[-?\d+\]|\d+)?|R(?:\[-?\d+\]|\d+)?|C(?:\[-?\d+\]|\d+)?)`;
/** An optional sheet, then one end or two, not followed by what would make it a name (ROUND(). */
const REFERENCE = new RegExp(
  String.raw`(?:'(?:[^']|'')+'!|[\p{L}_][\p{L}\p{N}_.]*!)?(${END})(?::(${END}))?(?![\p{L}\p{N}_.(!'\[])`,
  'uy',
);
const PARTS = /^(?:R(?:\[(-?\d+)\]|(\d+))?)?(?:C(?:\[(-?\d+)\]|(\d+))?)?$/;

/** An A1 formula at (row, col) in R1C1 notation. */
export function toR1C1(formula: string, row: number, col: number): string {
  const side = (b: Bound) =>
    (b.row === undefined ? '' : b.rowFixed ? `R${b.row}` : `R[${b.row - row}]`) +
    (b.col === undefined ? '' : b.colFixed ? `C${b.col}` : `C[${b.col - col}]`);
  return mapReferences(
    formula,
    (ref: Reference) => `${ref.prefix}${side(ref.start)}${ref.end ? `:${side(ref.end)}` : ''}`,
  );
}

/** An end's A1 text at (row, col), or undefined when it falls off the grid. */
function a1End(
  text: string,
  row: number,
  col: number,
): { text: string; row: boolean; col: boolean } | undefined {
  const [, rowOff, rowAbs, colOff, colAbs] = PARTS.exec(text) ?? [];
  const hasRow = text.startsWith('R');
  const hasCol = text.includes('C');
  const r = rowAbs !== undefined ? Number(rowAbs) : row + Number(rowOff ?? 0);
  const c = colAbs !== undefined ? Number(colAbs) : col + Number(colOff ?? 0);
  if ((hasRow && r < 1) || (hasCol && c < 1)) return undefined;
  return {
    text:
      (hasCol ? `${colAbs !== undefined ? '$' : ''}${columnLetters(c)}` : '') +
      (hasRow ? `${rowAbs !== undefined ? '$' : ''}${r}` : ''),
    row: hasRow,
    col: hasCol,
  };
}

/** An R1C1 formula written at (row, col), in A1 notation. */
export function fromR1C1(formula: string, row: number, col: number): string {
  return mapMatches(formula, REFERENCE, (m) => {
    const [all, first = '', second] = m;
    const prefix = all.slice(0, all.length - first.length - (second === undefined ? 0 : second.length + 1));
    const a = a1End(first, row, col);
    const b = second === undefined ? undefined : a1End(second, row, col);
    if (!a || (second !== undefined && !b)) return '#REF!';
    // A whole row or column alone (R[0], C[-2]) is a range of one in A1 (2:2, G:G).
    if (second === undefined && a.row !== a.col) return `${prefix}${a.text}:${a.text}`;
    return `${prefix}${a.text}${b ? `:${b.text}` : ''}`;
  });
}
