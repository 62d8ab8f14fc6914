// Dates from one day to another in words, as every sidebar, e-mail, note and log row says them.
// Free of the range schema (zod), so the Pull form's preview says a range the same way.

/** "2026-11-01 to 2026-11-30"; a range of one day is that day: "2026-12-07". */
export function datesWords({ from, to }: { from: string; to: string }): string {
  return from === to ? from : `${from} to ${to}`;
}
