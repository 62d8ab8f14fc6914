// What one cell may hold. Sheets refuses the whole call when any cell of it is too long, so the
// check runs before a single cell is written. The input is measured as given (a leading
// apostrophe included): Google does not say whether it counts, and the stricter reading does.

export const MAX_CELL_CHARS = 50_000;

export function checkCellText(values: readonly unknown[]): void {
  for (const v of values) {
    if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
      throw new Error(
        `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
      );
    }
  }
}
