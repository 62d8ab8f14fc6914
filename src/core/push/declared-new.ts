// A name the sheet says is new to Assembled: "new: freshdesk" for a platform, "new: brek" for a
// state's name. A name Assembled does not know, near one it does, is taken for a typo and refused,
// and a platform a state is on must be known (an ingested state cannot be taken back): `new:` is
// how a row sends such a name all the same. One row's word does for the sheet where a name is
// checked against what Assembled holds: other rows may then write it plainly (a near miss of a
// dropdown's value is still refused as each row reads). Parsed, a cell is read without the prefix
// (parse-row.ts).
import type { HeaderMap } from './header';
import type { SheetRow } from './sheet-rows';

/** How a cell says its name is new to Assembled: `new: freshdesk`. */
const NEW_FORM = /^new\s*:\s*(.*)$/i;

/** The name a cell declares new, as written after `new:` ('' when nothing is); undefined if none. */
export function declaredNew(cell: string): string | undefined {
  return NEW_FORM.exec(cell.trim())?.[1]?.trim();
}

/**
 * The names the sheet's rows declare new in a column (`key`), lower case, each with the first row
 * that does: every row's cell, done ones too, so that a push's later runs read a name as its first did.
 */
export function declaredInSheet(rows: readonly SheetRow[], map: HeaderMap, key: string): Map<string, number> {
  const at = map.columns[key];
  const declared = new Map<string, number>();
  if (at === undefined) return declared;
  for (const row of rows) {
    const name = declaredNew(String(row.values[at] ?? ''))?.toLowerCase();
    if (name && !declared.has(name)) declared.set(name, row.row);
  }
  return declared;
}

/**
 * Where the sheet says a name (lower case) is new, for a row's word on it: the row itself, or the
 * row that does when this one writes it plainly.
 */
export function declaredWhere(
  row: SheetRow,
  map: HeaderMap,
  key: string,
  name: string,
  declared: ReadonlyMap<string, number>,
): string {
  const by = declared.get(name);
  return declaresNew(row, map, key) || by === undefined
    ? 'written new: in the sheet'
    : `row ${by} writes new: ${name}`;
}

/** Whether a row's cell in a column (`key`) declares its name new. */
export function declaresNew(row: SheetRow, map: HeaderMap, key: string): boolean {
  const at = map.columns[key];
  return at !== undefined && Boolean(declaredNew(String(row.values[at] ?? '')));
}

/** What a refused row types to send its name all the same: "If it is a state new to Assembled, write new: brek." */
export function newWords(noun: string, name: string): string {
  return `If it is a ${noun} new to Assembled, write new: ${name}.`;
}
