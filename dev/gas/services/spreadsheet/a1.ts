// A1 notation: 'B2', 'A1:C3', 'A:C', '2:5', 'A2:C', "'My sheet'!A1:B2".

export interface A1Parts {
  sheetName?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

export interface GridRange {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function columnLetters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]*)\$?(\d*)$/;

function parseCell(text: string): { row?: number; col?: number } | null {
  const m = CELL.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return { col: m[1] ? columnNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/** Returns null when the text is not A1 notation. */
export function parseA1(notation: string): A1Parts | null {
  let rest = notation.trim();
  let sheetName: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    const raw = rest.slice(0, bang);
    sheetName = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    rest = rest.slice(bang + 1);
  }
  const [a, b, extra] = rest.split(':');
  if (a === undefined || extra !== undefined) return null;
  const start = parseCell(a);
  if (!start) return null;
  if (b === undefined) {
    if (start.row === undefined || start.col === undefined) return null;
    return { sheetName, startRow: start.row, startCol: start.col, endRow: start.row, endCol: start.col };
  }
  const end = parseCell(b);
  if (!end) return null;
  return { sheetName, startRow: start.row, startCol: start.col, endRow: end.row, endCol: end.col };
}

/** Open ends ('A:C', 'A2:C') reach the sheet's edges. */
export function resolveA1(parts: A1Parts, maxRows: number, maxCols: number): GridRange {
  const r1 = parts.startRow ?? 1;
  const c1 = parts.startCol ?? 1;
  const r2 = parts.endRow ?? maxRows;
  const c2 = parts.endCol ?? maxCols;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numCols: Math.abs(c2 - c1) + 1,
  };
}

export function a1Notation(g: GridRange): string {
  const start = `${columnLetters(g.col)}${g.row}`;
  if (g.numRows === 1 && g.numCols === 1) return start;
  return `${start}:${columnLetters(g.col + g.numCols - 1)}${g.row + g.numRows - 1}`;
}
