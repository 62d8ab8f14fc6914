// Sheets interprets strings written with setValues: "=…" becomes a formula, "007" the number 7,
// "2024-03-01" a date, "+1 555" a formula error. A leading apostrophe makes Sheets keep the text
// exactly as it is (the apostrophe itself is not stored), so every string is written with one.
import type { CellValue } from './build-table';

export function toSheetValue(value: CellValue): CellValue {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}
