// A cell's text as the push reads it: trimmed, and none for an empty cell or a date (a date is read
// by its column, never as text).

export function cellText(v: unknown): string {
  return v === undefined || v === null || v instanceof Date ? '' : String(v).trim();
}
