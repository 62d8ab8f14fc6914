// What is said of merge key columns that name no column: the same words in the form, at a pull's
// start (the sheet's header is known) and at its write (the data's columns are known too); a
// refused pull adds that nothing was written.

export function missingKeyText(missing: readonly string[]): string {
  const named = missing.map((k) => `"${k}"`).join(' and ');
  const many = missing.length > 1;
  return `The merge key column${many ? 's' : ''} ${named} ${many ? 'are' : 'is'} not in the data or in the sheet's header. Type the key columns as the sheet's header names them, comma-separated.`;
}

/** A header or key column as a merge matches them: case, spaces and marks aside. */
export const looseHeader = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');
