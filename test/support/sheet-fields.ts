// A pulled sheet's header as API fields: the header note lists "Header = field" for each column
// whose words differ from its field, so tests can name columns by the field they hold.
import type { LocalRuntime } from '../../dev/gas';

export function sheetFields(rt: LocalRuntime, sheet: string): string[] {
  const header = (rt.workbook.values(sheet)[0] ?? []) as string[];
  const note = rt.workbook.notes(sheet)[0]?.[0] ?? '';
  const fieldOf = new Map(
    note.split('\n').flatMap((line) => {
      const m = /^(.+) = ([\w.]+)$/.exec(line);
      return m ? [[m[1], m[2]] as const] : [];
    }),
  );
  return header.map((h) => fieldOf.get(h) ?? h);
}
