// A column of a pulled table whose header a person typed over ("Handled" -> "Handled tickets")
// still takes its field when an append or merge writes again: headers alone would add the field
// again at the end, and new rows would land there with nothing said. Each write records, with its
// block, what each column held; a field whose header is gone was renamed where its column now has
// words no write put there, every other column being where it was; one deleted comes back at the
// end. Where that cannot be told, the write is refused, naming the header to type back.
import { notedFields } from '../table/column-words';
import { columnName } from './a1';
import type { Extent } from './grid';

/** What each column of the header held at a write, left to right: a table column's key ('' for one of the user's), and its header. */
export interface HeldColumns {
  keys: string[];
  header: string[];
}

/** The block a target's last write filled, and (since they were recorded) what its columns held. */
export type LastBlock = Extent & { held?: HeldColumns };

/**
 * A recorded block up to the table's last column. An append or merge records the whole header it
 * rewrote, the user's columns at the table's right included, which the next replace would clear
 * as the table's; what the columns held tells them apart.
 */
export function tableBlock(block: LastBlock): LastBlock {
  const keys = block.held?.keys ?? [];
  let last = keys.length - 1;
  while (last >= 0 && !keys[last]) last--;
  return last >= 0 && last + 1 < block.cols ? { ...block, cols: last + 1 } : block;
}

/** A table column the sheet's header no longer names. */
export interface LostColumn {
  key: string;
  header: string;
  field?: string;
}

/** A field written under the header a person gave its column: `index` in the header. */
export interface Renamed {
  index: number;
  header: string;
  /** The table's own header for it. */
  takes: string;
}

/** The same, by its column in the sheet, as the outcome names it. */
export type RenamedColumn = Omit<Renamed, 'index'> & { col: number };

export interface RenameContext {
  found: readonly string[];
  /** Header indexes other table columns take. */
  taken: ReadonlySet<number>;
  held: HeldColumns | undefined;
  /** The fields and headers the header note lists: a sheet written before columns were recorded. */
  noted: ReadonlySet<string>;
  /** Whether a header index's column holds anything under the header, in the last write's rows. */
  holdsRows: (index: number) => boolean;
  /** Sheet column of header index 0. */
  col: number;
}

/**
 * Where each lost column went: the column it was renamed to (by its kept header, wherever it has
 * moved, or, renamed since the last write, by its place). Columns the sheet never held are not in
 * `at` (they go at the end); a held one not found gives `refused`, the reason to put in words.
 */
export function findLost(
  lost: readonly LostColumn[],
  c: RenameContext,
): { at: Map<string, number>; renamed: Renamed[]; refused?: { headers: string[]; why: string } } {
  const at = new Map<string, number>();
  const renamed: Renamed[] = [];
  const taken = new Set(c.taken);
  const held = c.held;
  const was = (k: LostColumn) => held?.keys.indexOf(k.key) ?? -1;
  const gone: LostColumn[] = [];
  for (const k of lost) {
    const p = was(k);
    // Renamed at an earlier write: its header then is its header now, wherever it was moved.
    const kept = p >= 0 ? c.found.indexOf(held?.header[p] ?? '') : -1;
    if (kept >= 0 && !taken.has(kept)) {
      at.set(k.key, kept);
      taken.add(kept);
    } else if (p >= 0 || c.noted.has(k.header) || (k.field !== undefined && c.noted.has(k.field)))
      gone.push(k);
  }
  if (gone.length === 0) return { at, renamed };
  const refuse = (why: string) => ({ at, renamed, refused: { headers: gone.map((k) => k.header), why } });
  if (!held) return refuse(`no record says which column held ${gone.length === 1 ? 'it' : 'them'}`);
  // A header the last write put somewhere else now: columns were moved, inserted or deleted.
  const moved = held.header.some((h, q) => h !== '' && c.found[q] !== h && c.found.includes(h));
  const unsure =
    'columns were moved, inserted or deleted since the last pull, so which one was renamed cannot be told';
  // No header the add-on did not write: a column was deleted, not renamed. It comes back at the
  // end, as a field the sheet never held does.
  const unknown = c.found.some((h) => h !== '' && !held.header.includes(h));
  if (moved && !unknown) return { at, renamed };
  if (moved) return refuse(unsure);
  for (const k of gone) {
    const p = was(k);
    const now = c.found[p] ?? '';
    const where = `column ${columnName(c.col + p)}, where it was,`;
    // The table's last column deleted: nothing there now, header or rows.
    if (now === '' && !c.holdsRows(p)) continue;
    if (now === '') return refuse(`${where} has no header`);
    // Words the table puts elsewhere are no name a person gave this column.
    if (taken.has(p) || held.header.includes(now)) return refuse(unsure);
    // A column inserted there and headed is empty; a renamed one keeps its rows.
    if (!c.holdsRows(p)) return refuse(`${where} is empty, as a column inserted there would be`);
    at.set(k.key, p);
    taken.add(p);
    renamed.push({ index: p, header: now, takes: k.header });
  }
  return { at, renamed };
}

/** Why a write that would add a column the sheet held again at its end is refused, and what to do. */
export function lostText(headers: readonly string[], why: string, headerRow: number, mode: string): string {
  const named = headers.map((h) => `"${h}"`).join(' and ');
  const many = headers.length > 1;
  const verb = mode === 'merge' ? 'A merge' : 'An append';
  const [its, it] = many ? ['their columns', 'they were'] : ['its column', 'it was'];
  return `${verb} would add ${named} again as ${many ? 'new columns' : 'a new column'} at the end: ${many ? 'they are' : 'it is'} gone from the table's header (row ${headerRow}), and ${why}. Type ${named} back as the header of ${its} (of an empty column at the table's end if ${it} deleted), or choose Replace it to write the whole table again. Nothing was written.`;
}

/** The fields and headers a header note lists ("Handled = handled"), as written before columns were recorded. */
export function notedColumns(note: string): Set<string> {
  const noted = new Set<string>();
  for (const line of notedFields(note)) {
    const eq = line.lastIndexOf(' = ');
    noted.add(line.slice(0, eq));
    noted.add(line.slice(eq + 3));
  }
  return noted;
}

/** "Column F, "Handled tickets", still takes Handled": said after the write's own words. */
export function renamedWords(renamed: readonly RenamedColumn[]): string {
  return renamed
    .map((r, i) => `${i ? 'column' : 'Column'} ${columnName(r.col)}, "${r.header}", still takes ${r.takes}`)
    .join('; ');
}
