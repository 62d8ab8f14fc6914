// What is missing from a Fixed dates range, or out of its years, in the form's words: the form says
// it under the range as it is typed and the server's check of a pull says the same, so neither names a
// field path.

export type FixedDateField = 'from' | 'to';

/** Which date is missing and what to type; undefined when both are there. */
export function fixedDatesMissing(
  from: string,
  to: string,
): { field: FixedDateField; problem: string } | undefined {
  if (!from && !to)
    return { field: 'from', problem: 'Type the dates the range starts (From) and ends (To).' };
  if (!from) return { field: 'from', problem: 'Type the date the range starts (From).' };
  if (!to) return { field: 'to', problem: 'Type the date the range ends (To).' };
  return undefined;
}

/**
 * The years a Fixed dates range may name. A date field gives its year as it is typed (0002, 0020,
 * 0202, then 2026): taken as it stood, the range ran back centuries, thousands of reports, and
 * working out their parts held the sidebar's calls for minutes (QA: a pull sat on "Starting").
 */
export const FIXED_YEARS = { first: 2000, last: 2099 } as const;

/**
 * Whether a date field's year may still be being typed: fewer than four digits so far, which the
 * field holds with leading zeros (0002, 0020, 0202 on the way to 2026).
 */
export const yearUnfinished = (date: string): boolean => /^0\d{3}-/.test(date);

/** A date of the range whose year is outside FIXED_YEARS, and what to type; undefined when both are in. */
export function fixedDatesOutside(
  from: string,
  to: string,
): { field: FixedDateField; problem: string } | undefined {
  const dates: [FixedDateField, string, string][] = [
    ['from', from, 'From'],
    ['to', to, 'To'],
  ];
  for (const [field, date, label] of dates) {
    const year = Number(/^\d+/.exec(date)?.[0]);
    if (year < FIXED_YEARS.first || year > FIXED_YEARS.last)
      return {
        field,
        problem: `Check the year in ${label} (${date}): a range can be from ${FIXED_YEARS.first} to ${FIXED_YEARS.last}.`,
      };
  }
  return undefined;
}
