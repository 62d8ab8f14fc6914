// A pulled sheet's header as API fields: the header note lists "Header = field" for each column
// whose words differ from its field, for a name the add-on looked up, "Header = name of its id
// column, looked up by the add-on", and for a column it works out, how (its `made`), so tests can
// name columns by the field they hold.
import type { LocalRuntime } from '../../dev/gas';
import { MADE_COLUMNS } from '../../src/core/pull/fetch-records';
import { DURATION_MADE } from '../../src/core/pull/schedule-records';
import { NAME_COLUMN } from '../../src/core/table/id-names';

/** Each made column's key by what the note says of it (the same words, whichever source). */
const MADE = new Map<string, string>([
  [DURATION_MADE, 'duration'],
  ...Object.values(MADE_COLUMNS).flatMap((made) => Object.entries(made).map(([k, how]) => [how, k] as const)),
]);

function fieldIn(line: string): [string, string] | undefined {
  const looked =
    /^(.+) = (?:[\w.]+, as Assembled sends it \(where a reply has none, the )?names? of ([\w.]+), looked up by the add-on\)?$/.exec(
      line,
    );
  const name = looked && NAME_COLUMN[looked[2] as string];
  if (looked && name) return [looked[1] as string, name];
  const eq = line.lastIndexOf(' = ');
  const made = MADE.get(line.slice(eq + 3));
  if (eq > 0 && made) return [line.slice(0, eq), made];
  const m = /^(.+) = ([\w.]+)$/.exec(line);
  return m ? [m[1] as string, m[2] as string] : undefined;
}

export function sheetFields(rt: LocalRuntime, sheet: string): string[] {
  const header = (rt.workbook.values(sheet)[0] ?? []) as string[];
  const note = rt.workbook.notes(sheet)[0]?.[0] ?? '';
  const fieldOf = new Map(
    note.split('\n').flatMap((line) => {
      const pair = fieldIn(line);
      return pair ? [pair] : [];
    }),
  );
  return header.map((h) => fieldOf.get(h) ?? h);
}
