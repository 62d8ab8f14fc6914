// A1 notation without asking the sheet: getRange("AA5") throws on a 26-column sheet, and a pull
// into such a cell must know where it lands before it grows the sheet to fit.

export interface CellPosition {
  row: number;
  col: number;
}

/** Row and column (1-based) of a single cell such as "B2" or "AA5". */
export function cellPosition(a1: string): CellPosition {
  const m = /^([A-Z]{1,3})([1-9][0-9]*)$/.exec(a1);
  if (!m) throw new Error(`"${a1}" is not a cell like B2.`);
  let col = 0;
  for (const letter of m[1] as string) col = col * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/** The A1 name of a cell from its row and column (1-based): row 5, column 28 is "AB5". */
export function cellName(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}

/** The letters of a column (1-based): 28 is "AB". */
export function columnName(col: number): string {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

/** A sheet name Sheets writes bare in a formula: a plain word that no cell's name could be read as. */
const BARE_SHEET = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|R\d*C\d*)$/i;

/**
 * A cell of a sheet as a formula names it, so one copied from the add-on's words works: Sheets
 * quotes a name that is not a plain word ('Handle time'!A1, a ' inside doubled: 'Ana''s'!A1).
 */
export function sheetCell(sheet: string, a1: string): string {
  const bare = BARE_SHEET.test(sheet) && !CELL_LIKE.test(sheet);
  return `${bare ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${a1}`;
}
