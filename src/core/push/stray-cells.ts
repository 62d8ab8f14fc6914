// Cells under the add-on's own columns that it did not write: most often a row pasted a column or
// two too far right, its last cells landing under Push status and Assembled ID. Written over, they
// would be lost (Undo refuses once the add-on has written there), so such a row is not sent and its
// status cells are kept as they are; its words say what to fix. The add-on's own are its status
// words, and an Assembled ID beside its record of a push (recordedPush).

import { countText } from '../count-text';
import type { CellValue } from '../table/build-table';
import { cellText } from './cell-text';
import type { HeaderMap } from './header';
import { DONE_STATUSES, ERROR_STATUS, STATUS_COLUMNS } from './kinds';
import { IN_ASSEMBLED } from './progress-words';
import { NOT_SENT, WAITING } from './unsent-words';

/** Every word the add-on writes in Push status, lowercased: Validate's, Push's and Sync time off's. */
const OWN_STATUSES: ReadonlySet<string> = new Set(
  ['OK', ERROR_STATUS, NOT_SENT, WAITING, IN_ASSEMBLED, ...DONE_STATUSES].map((w) => w.toLowerCase()),
);

const header = (key: 'status' | 'id'): string => STATUS_COLUMNS.find((s) => s.key === key)?.header ?? key;

const filled = (v: CellValue | undefined): boolean => v instanceof Date || cellText(v) !== '';

/** How a row shifted as one told before begins its words (strayTeller), pointing at that row. */
const SHIFTED_AS = 'Cells look shifted';
// Such a row's words, told in full or pointing at a row told so.
const WORDS = new RegExp(
  `^(${header('status')}|${header('id')}) holds .*, which the add-on did not write: |^${SHIFTED_AS} .*, as in row \\d+: `,
  's',
);
/** Whether a Push message cell holds such a row's words (strayTeller's). */
const ownWords = (v: CellValue | undefined): boolean => WORDS.test(cellText(v));

/** A cell as the words name it: its text quoted, or what it is when it is no text. */
function said(v: CellValue | undefined): string {
  if (v instanceof Date) return 'a date';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return `"${cellText(v)}"`;
}

/** A row's Push status and Assembled ID cells the add-on did not write, each as the words name it. */
export interface Stray {
  status?: string;
  id?: string;
}

/**
 * The row's Push status and Assembled ID cells the add-on did not write; undefined for a row whose
 * status cells are its own. `pushed`: the add-on's record of a push is beside the row, so an
 * Assembled ID there is its own.
 */
export function strayCells(values: readonly CellValue[], map: HeaderMap, pushed: boolean): Stray | undefined {
  const status = values[map.status.status];
  const id = values[map.status.id];
  const stray: Stray = {};
  if (filled(status) && (status instanceof Date || !OWN_STATUSES.has(cellText(status).toLowerCase())))
    stray.status = `${header('status')} holds ${said(status)}`;
  if (filled(id) && !pushed) stray.id = `${header('id')} holds ${said(id)}`;
  return stray.status || stray.id ? stray : undefined;
}

/** The headers of the cells `stray` names, Push status before Assembled ID. */
export function strayHeaders(stray: Stray): string[] {
  return (['status', 'id'] as const).filter((key) => stray[key]).map(header);
}

/**
 * How many columns right of its headers the row's cells sit, when they look shifted: its first
 * columns empty, and its cells all left of the status columns once moved back; 0 when not.
 */
function shiftOf(values: readonly CellValue[], map: HeaderMap): number {
  const inputs = [...Object.values(map.columns), ...Object.values(map.more).flat()];
  const own = Object.values(map.status);
  const first = values.findIndex(filled);
  const shift = first - Math.min(...inputs);
  if (first < 0 || shift <= 0) return 0;
  // Its words from a Validate before, and a time of a push before, are no cells of the row's.
  const mine = (at: number) =>
    (at === map.status.message && ownWords(values[at])) ||
    (at === map.status.when && values[at] instanceof Date);
  const theirs = (at: number) => filled(values[at]) && !mine(at);
  const last = Math.max(...own.filter(theirs));
  return last - shift < Math.min(...own) ? shift : 0;
}

/**
 * The words beside rows with such cells (`stray`, strayCells'), saying what to fix, asked in row
 * order. A shifted row is told in full; later rows shifted as far point at it rather than repeat
 * it, once its words are in its own Push message (messageFree), where the later rows send people.
 */
export function strayTeller(
  map: HeaderMap,
): (stray: Stray, values: readonly CellValue[], row: number) => string {
  // The row told in full of each shift, in columns.
  const told = new Map<number, number>();
  return (stray, values, row) => {
    const cells = [stray.status, stray.id].filter((c) => c !== undefined);
    const what = `${cells.join(' and ')}, which the add-on did not write`;
    const shift = shiftOf(values, map);
    if (shift > 0) {
      const columns = shift === 1 ? 'one column' : `${countText(shift)} columns`;
      const first = told.get(shift);
      if (first !== undefined)
        return `${SHIFTED_AS} ${columns} to the right, as in row ${first}: ${what}. Fix them as row ${first}'s Push message says; the row is not sent until then.`;
      if (messageFree(values[map.status.message])) told.set(shift, row);
      const headers = Object.values(map.columns)
        .sort((a, b) => a - b)
        .map((at) => map.headers[at]);
      return `${what}: the row's cells look shifted ${columns} to the right. Move them back under their headers (${headers.join(', ')}), or, if they were pasted there just now, take the paste back with Ctrl+Z (Edit ▸ Undo) in the sheet; then Validate again. The row is not sent until then.`;
    }
    const it = cells.length === 1 ? 'it' : 'them';
    // An id typed in is often of a request made in Assembled by hand: cleared and pushed, it is made twice.
    const made = stray.id
      ? ' If the row was made in Assembled already, by hand, delete the row instead: pushed, it would be made a second time.'
      : '';
    return `${what}; a push writes its outcome there, so the row is held back. Move ${it} to a column of your own or clear ${it}, then Validate again.${made}`;
  };
}

/**
 * Whether a Push message cell may take the words of a row with such cells: it is empty, or holds
 * such words already (its cells are the user's otherwise, the row's shifted too far).
 */
export function messageFree(message: CellValue | undefined): boolean {
  return !filled(message) || ownWords(message);
}
