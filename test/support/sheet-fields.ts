// A pulled sheet's header as API fields: the header note lists "Header = field" for each column
// whose words differ from its field, and for a name the add-on looked up, "Header = name of its id
// column, looked up by the add-on", so tests can name columns by the field they hold.
import type { LocalRuntime } from '../../dev/gas';
import { NAME_COLUMN } from '../../src/core/table/id-names';

function fieldIn(line: string): [string, string] | undefined {
  const looked =
    /^(.+) = (?:[\w.]+, as Assembled sends it \(where a reply has none, the )?names? of ([\w.]+), looked up by the add-on\)?$/.exec(
      line,
    );
  const name = looked && NAME_COLUMN[looked[2] as string];
  if (looked && name) return [looked[1] as string, name];
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
