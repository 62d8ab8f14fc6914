// A formula copied to another cell has its relative references moved by as many rows and columns
// as the cell moved, as Sheets does on paste; `$` holds a column or row in place. A reference moved
// off the sheet becomes #REF!. Text in quotes and quoted sheet names are left as they are.
import { columnLetters, columnNumber } from './dom';

/** A cell (A1), a whole column pair (A:C) or a whole row pair (1:3), not inside a longer name. */
const REFERENCE =
  /(^|[^A-Za-z0-9_.$])(?:(\$?)([A-Z]{1,3})(\$?)(\d+)|(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})|(\$?)(\d+):(\$?)(\d+))(?![A-Za-z0-9_(!.])/gi;

const REF_ERROR = '#REF!';

export function shiftFormula(formula: string, rows: number, cols: number): string {
  const column = (fixed: string, letters: string) => {
    const n = fixed ? columnNumber(letters) : columnNumber(letters) + cols;
    return n < 1 ? undefined : `${fixed}${columnLetters(n)}`;
  };
  const row = (fixed: string, digits: string) => {
    const n = fixed ? Number(digits) : Number(digits) + rows;
    return n < 1 ? undefined : `${fixed}${n}`;
  };
  const moved = (part: string) =>
    part.replace(REFERENCE, (...m: string[]) => {
      const [, lead, c$, c, r$, r, a$, a, b$, b, x$, x, y$, y] = m as string[];
      const parts =
        c !== undefined
          ? [column(c$ ?? '', c), row(r$ ?? '', r ?? '')]
          : a !== undefined
            ? [column(a$ ?? '', a), ':', column(b$ ?? '', b ?? '')]
            : [row(x$ ?? '', x ?? ''), ':', row(y$ ?? '', y ?? '')];
      return `${lead}${parts.includes(undefined) ? REF_ERROR : parts.join('')}`;
    });
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 ? part : moved(part)))
    .join('');
}
