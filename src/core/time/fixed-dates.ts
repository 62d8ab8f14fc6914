// What is missing from a Fixed dates range, in the form's words: the form says it under the range
// as it is typed and the server's check of a pull says the same, so neither names a field path.

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
