// Sheets interprets strings written with setValues: "=…" becomes a formula, "007" the number 7,
// "2024-03-01" a date, "+1 555" a formula error. A leading apostrophe makes Sheets keep the text
// exactly as it is (the apostrophe itself is not stored), so every string is written with one.
// A cell holds at most 50,000 characters and Sheets refuses the whole call for one longer cell,
// so longer text (a long joined list, a long comment) is cut, saying so in the cell.
import type { CellValue } from './build-table';

export const MAX_CELL_CHARS = 50_000;

/** The text as it fits in one cell with its apostrophe: whole, or cut with a visible marker. */
export function fitCell(text: string): string {
  if (text.length + 1 <= MAX_CELL_CHARS) return text;
  const marker = ` … [cut by the add-on: the full text has ${text.length} characters]`;
  let end = MAX_CELL_CHARS - 1 - marker.length;
  // Never split a surrogate pair (an emoji) in two.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + marker;
}

export function toSheetValue(value: CellValue): CellValue {
  return typeof value === 'string' && value !== '' ? `'${fitCell(value)}` : value;
}
