// The cell references in a formula's text, read as Sheets reads them, so that a change to the
// workbook can rewrite them as Sheets does (a sheet renamed, rows or columns in or out). Text in
// double quotes is never a reference: INDIRECT("Data!B2") is left as typed, as in Sheets.
import { columnLetters, columnNumber } from './a1.js';

/** One end of a reference: a column, a row or both, each held in place by `$` or not. */
export interface Bound {
  col?: number;
  colFixed: boolean;
  row?: number;
  rowFixed: boolean;
}

/** B2, $B$2:C9, A:C, 2:5 or A2:C (open below), with the sheet named before it if any. */
export interface Reference {
  /** The sheet's name as it reads unquoted ('' doubled back to '), or undefined for the formula's own. */
  sheet?: string;
  /** The sheet as written, `'Ticket stats'!` or `Data!`, or '' for none. */
  prefix: string;
  /** The whole reference as written, its sheet included. */
  text: string;
  start: Bound;
  end?: Bound;
}

const CELL = String.raw`(\$?)([A-Za-z]{1,3})(\$?)(\d+)`;
const COL = String.raw`(\$?)([A-Za-z]{1,3})`;
const ROW = String.raw`(\$?)(\d+)`;
/**
 * At a position that does not continue a name or number: an optional sheet ('quoted, '' inside'! or
 * Plain_name!), then the longest of cell:cell, cell:column (open below), column:column, row:row or
 * a cell, not followed by what would make it a name (LOG10(, A1B) or another sheet's prefix.
 */
const REFERENCE = new RegExp(
  String.raw`(?:'((?:[^']|'')+)'!|([\p{L}_][\p{L}\p{N}_.]*)!)?` +
    `(?:${CELL}:${CELL}|${CELL}:${COL}|${COL}:${COL}|${ROW}:${ROW}|${CELL})` +
    String.raw`(?![\p{L}\p{N}_.(!'])`,
  'uy',
);
/** What a reference may not follow: a name, a number, `$`, an error's `#`, a closing quote. */
const CONTINUES = /[\p{L}\p{N}_.$#']/u;

/** Passed over whole where no reference starts: a string, quoted text, a name or number. */
const SKIPPED = /"(?:[^"]|"")*"?|'(?:[^']|'')*'?|[\p{L}\p{N}_.$#]+/uy;

const bound = (colFixed = '', col = '', rowFixed = '', row = ''): Bound => ({
  ...(col ? { col: columnNumber(col) } : {}),
  colFixed: colFixed === '$',
  ...(row ? { row: Number(row) } : {}),
  rowFixed: rowFixed === '$',
});

function referenceOf(m: RegExpExecArray): Reference {
  const [, quoted, plain, ...g] = m as unknown as (string | undefined)[];
  const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : plain;
  const prefix = quoted !== undefined ? `'${quoted}'!` : plain !== undefined ? `${plain}!` : '';
  const at = (i: number) => g[i] ?? '';
  const ref = (start: Bound, end?: Bound): Reference => ({
    ...(sheet !== undefined ? { sheet } : {}),
    prefix,
    text: m[0],
    start,
    ...(end ? { end } : {}),
  });
  // The groups of each alternative of REFERENCE, in order: 8, 6, 4, 4 and 4 of them.
  if (g[1] !== undefined) return ref(bound(at(0), at(1), at(2), at(3)), bound(at(4), at(5), at(6), at(7)));
  if (g[9] !== undefined) return ref(bound(at(8), at(9), at(10), at(11)), bound(at(12), at(13)));
  if (g[15] !== undefined) return ref(bound(at(14), at(15)), bound(at(16), at(17)));
  if (g[19] !== undefined) return ref(bound('', '', at(18), at(19)), bound('', '', at(20), at(21)));
  return ref(bound(at(22), at(23), at(24), at(25)));
}

/** A reference written back: its sheet as it was written, columns in capitals, `$` kept. */
export function referenceText(ref: Reference): string {
  const side = (b: Bound) =>
    (b.col !== undefined ? `${b.colFixed ? '$' : ''}${columnLetters(b.col)}` : '') +
    (b.row !== undefined ? `${b.rowFixed ? '$' : ''}${b.row}` : '');
  return `${ref.prefix}${side(ref.start)}${ref.end ? `:${side(ref.end)}` : ''}`;
}

/**
 * The formula with each reference replaced by what `map` makes of it: new text, or undefined to keep
 * it exactly as written. Strings in double quotes ("" inside) are passed over.
 */
export function mapReferences(formula: string, map: (ref: Reference) => string | undefined): string {
  return mapMatches(formula, REFERENCE, (m) => map(referenceOf(m)));
}

/**
 * The formula with each match of `reference` (a sticky pattern) replaced by what `map` makes of
 * it, or kept as written (undefined). A match is looked for only where a reference may begin: not
 * inside a string in double quotes ("" inside), a quoted name, or a name (the 10 of LOG10).
 */
export function mapMatches(
  formula: string,
  reference: RegExp,
  map: (m: RegExpExecArray) => string | undefined,
): string {
  let out = '';
  for (let i = 0; i < formula.length; ) {
    reference.lastIndex = i;
    const m = formula[i] === '"' || CONTINUES.test(formula[i - 1] ?? '') ? null : reference.exec(formula);
    if (m) {
      out += map(m) ?? m[0];
      i += m[0].length;
      continue;
    }
    SKIPPED.lastIndex = i;
    const skipped = SKIPPED.exec(formula)?.[0] || formula.charAt(i);
    out += skipped;
    i += skipped.length;
  }
  return out;
}

/** A sheet's name as a formula writes it: quoted, with quotes inside doubled. */
const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'!`;

/** Sheets compares sheet names without regard to case, in formulas as when it keeps them unique. */
export const sameSheetName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Rewrites a formula's references to sheet `from` to name sheet `to`. */
export function referenceRenamer(from: string, to: string): (formula: string) => string {
  return (formula) =>
    mapReferences(formula, (ref) =>
      ref.sheet !== undefined && sameSheetName(ref.sheet, from)
        ? quotedSheet(to) + ref.text.slice(ref.prefix.length)
        : undefined,
    );
}

/** Rewrites a formula's references to deleted sheet `name` as #REF!, its sheet name and all. */
export function referenceBreaker(name: string): (formula: string) => string {
  return (formula) =>
    mapReferences(formula, (ref) =>
      ref.sheet !== undefined && sameSheetName(ref.sheet, name) ? '#REF!' : undefined,
    );
}

/** Where lines [start, start + size) are after rows or columns moved, or null when all were deleted. */
export type SpanMove = (start: number, size: number) => [number, number] | null;

/**
 * A reference's text after its sheet's rows (or columns) moved as `move` says, or undefined when it
 * is unchanged: each end follows its cell, `$` or not, so a range takes in lines inserted inside it
 * (not those just after its last line: the stricter reading) and loses lines deleted from it, and
 * one that lost every line is #REF!, its sheet and all (the stricter reading too). Whole columns
 * stay as they are when rows move, and whole rows when columns do. `lines`: the sheet's rows (or
 * columns) before the change, where an open end (A2:C) reaches: one whose every row went is #REF!.
 */
export function movedReference(
  ref: Reference,
  axis: 'row' | 'col',
  move: SpanMove,
  lines: number,
): string | undefined {
  const a = ref.start[axis];
  if (a === undefined) return undefined;
  const b = ref.end ? ref.end[axis] : a;
  const [lo, hi] = b === undefined ? [a, Math.max(a, lines)] : [Math.min(a, b), Math.max(a, b)];
  const span = move(lo, hi - lo + 1);
  if (!span) return '#REF!';
  const [first, last] = [span[0], span[0] + span[1] - 1];
  if (first === lo && (last === hi || b === undefined)) return undefined;
  const start = { ...ref.start, [axis]: b === undefined || a <= b ? first : last };
  const end = ref.end && b !== undefined ? { ...ref.end, [axis]: a <= b ? last : first } : ref.end;
  return referenceText({ ...ref, start, ...(end ? { end } : {}) });
}
