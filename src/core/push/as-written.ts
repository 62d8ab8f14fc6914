// Names a row sends as written though Assembled does not know them (a state's, a platform's): a
// word on the row's Push message, and counted for Validate's summary, where a word on one row among
// many went unseen before the push.
import { type CountedRows, countRow } from './counted-rows';
import type { SheetRow } from './sheet-rows';

/** A name sent as written, and the words the row's Push message says of it. */
export interface AsWritten {
  name: string;
  words: string;
}

/** The SheetRow fields holding such a name, by what it names. */
export const AS_WRITTEN = { unknownPlatform: 'platform', unknownState: 'state' } as const;
export type AsWrittenField = keyof typeof AS_WRITTEN;

/** The rows sending such names, and the names, by field. */
export type AsWrittenRows = Partial<Record<AsWrittenField, CountedRows & { names: string[] }>>;

const fields = Object.keys(AS_WRITTEN) as AsWrittenField[];

/** What the row's Push message adds of the names it sends as written. */
export function asWrittenText(row: SheetRow): string {
  return fields.map((f) => row[f]?.words ?? '').join('');
}

/** `counted` with `row`'s names sent as written added. */
export function countAsWritten(counted: AsWrittenRows | undefined, row: SheetRow): AsWrittenRows | undefined {
  for (const f of fields) {
    const name = row[f]?.name;
    if (name === undefined) continue;
    const was = counted?.[f];
    const names = was?.names ?? [];
    counted = {
      ...counted,
      [f]: { ...countRow(was, row.row), names: names.includes(name) ? names : [...names, name] },
    };
  }
  return counted;
}
