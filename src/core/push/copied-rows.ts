// Rows copied from a pushed row to start a new one, as people do: the whole row, its Push status,
// Assembled ID and Pushed at with it (in Sheets its note of what was sent too), then a cell or two
// changed. The copy reads as pushed: counted done twice, or changed since it was pushed, whose words
// say to cancel the request the original row made, which is right. Told apart by the record it
// shares with another row: an Assembled ID the row does not name in its own cells (an update names
// the record it changes, and two rows may); for kinds with no ids, the note of what was sent beside
// a push's marks, the copy's cells then differ from it (a note lists the columns read first only,
// so two rows pushed may have one note); copied without the note (copy values only), the time in
// Pushed at with a done word: a push notes every row it writes a time beside, so a row without a
// note beside a time another row has with its note is a copy. That time is matched to the minute,
// a date or text that reads as one: pasted from what the cells show, or typed back, Pushed at holds
// the time shown, not the instant written, and in a plain-text column it is text (read to the
// minute, as times to push are). Of the rows sharing one, the original is the one as it was sent,
// then one with a done word, then the first; the copies are held back, saying so, and nothing is
// sent or cancelled for them. A pushed row whose note was deleted reads as such a copy too (held
// back, so nothing is made twice); a copy without its note whose original lost its note as well,
// was deleted, or is in another sheet is not told: it stays done.

import type { Zone } from '../ports';
import type { CellValue } from '../table/build-table';
import { cellText } from './cell-text';
import { readCellTime } from './cell-time';
import { toClearAsNew } from './clear-to-send';
import type { HeaderMap } from './header';
import { ERROR_STATUS, isDoneWord, KINDS, type PushKind } from './kinds';
import { holdsPrint, pushedValues, recordedPush, sameAsSent, shownColumns, tookInNote } from './sent-print';

/** What a row copied from another is told apart by, and what it holds of it. */
export type CopiedBy = 'id' | 'note' | 'when';

export interface Copy {
  /** The row it was copied from. */
  of: number;
  by: CopiedBy;
}

/** A row as read, for what it holds of a push. */
export interface RowRecord {
  row: number;
  values: readonly CellValue[];
  /** Its Push status, lowercased. */
  status: string;
  id: string;
  note?: string;
  blank: boolean;
}

const MINUTE_MS = 60_000;

/**
 * The minute a Pushed at cell names: a date cell's, or with `zone`, that of text (or a number) that
 * reads as a date and time.
 */
function pushedMinute(when: CellValue | undefined, zone?: Zone): number | undefined {
  const time = when instanceof Date || !zone || when === undefined ? undefined : readCellTime(when, zone);
  const ms = when instanceof Date ? when.getTime() : time?.hasTime ? time.ms : Number.NaN;
  return Number.isNaN(ms) ? undefined : Math.floor(ms / MINUTE_MS);
}

/**
 * The keys of the push a row holds a record of: an Assembled ID of its own, or a note of what was
 * sent; with no ids, the time in Pushed at too, beside a note of what was sent or a done word.
 */
function keysOf(r: RowRecord, map: HeaderMap, zone?: Zone): [CopiedBy, string][] {
  if (r.blank) return [];
  const note = r.note ?? '';
  const when = r.values[map.status.when];
  if (KINDS[map.kind].noIds) {
    // Once told so, a copy's done word reads error: its words keep it a copy until cleared.
    const told = r.status === ERROR_STATUS && saysCopied('when', cellText(r.values[map.status.message]));
    const marked = holdsPrint(note) || isDoneWord(r.status) || told;
    const minute = marked ? pushedMinute(when, zone) : undefined;
    const at: [CopiedBy, string][] = minute === undefined ? [] : [['when', String(minute)]];
    // A note alone, its row's status and time cleared, is a row made new again.
    return tookInNote(note) && (when instanceof Date || isDoneWord(r.status)) ? [['note', note], ...at] : at;
  }
  const named = Object.values(map.columns).some((at) => cellText(r.values[at]) === r.id);
  return r.id && !named && recordedPush(when, note) ? [['id', r.id]] : [];
}

export interface Copies {
  /** The rows copied from another, each with the row it was copied from. */
  copies: Map<number, Copy>;
  /**
   * Each note of what was sent that a row with a push's marks holds (kinds with no ids), and the
   * original of the rows holding it: another row holding it whose cells differ, its status and
   * time cleared, is a copy made new again, not a row Assembled took (cleared-states.ts).
   */
  noteOwners: Map<string, number>;
}

/**
 * The rows copied from another. `zone`, the spreadsheet's, tells which of them is as it was sent;
 * without it the first with a done word is taken for the original.
 */
export function copiedRows(rows: readonly RowRecord[], map: HeaderMap, zone?: Zone): Copies {
  const groups = new Map<string, { by: CopiedBy; key: string; rows: RowRecord[] }>();
  for (const r of rows)
    for (const [by, key] of keysOf(r, map, zone)) {
      const group = groups.get(`${by}:${key}`) ?? { by, key, rows: [] };
      group.rows.push(r);
      groups.set(`${by}:${key}`, group);
    }
  const same = (r: RowRecord) => (zone ? sameAsSent(r.note ?? '', r.values, map, zone) : undefined);
  const rank = (r: RowRecord) => {
    const as = same(r);
    return (as === true ? 0 : as === undefined ? 2 : 4) + (isDoneWord(r.status) ? 0 : 1);
  };
  const copies = new Map<number, Copy>();
  const noteOwners = new Map<string, number>();
  for (const { by, key, rows: list } of groups.values()) {
    if (by === 'when') {
      // The push that wrote the time noted each row it wrote it beside.
      const noted = list.filter((r) => holdsPrint(r.note ?? ''));
      for (const r of list)
        if (noted.length > 0 && !noted.includes(r))
          copies.set(r.row, { of: likest(r, noted, map, zone).row, by });
      continue;
    }
    const first = [...list].sort((a, b) => rank(a) - rank(b) || a.row - b.row)[0];
    if (!first) continue;
    if (by === 'note') noteOwners.set(key, first.row);
    for (const r of list)
      if (r !== first && (by === 'id' || same(r) === false)) copies.set(r.row, { of: first.row, by });
  }
  return { copies, noteOwners };
}

/**
 * Of `noted`, the row whose cells as its note says they were sent `r` shares most of, by column;
 * the first without `zone` or a note in words.
 */
function likest(r: RowRecord, noted: RowRecord[], map: HeaderMap, zone?: Zone): RowRecord {
  if (!zone) return noted[0] as RowRecord;
  const cells = shownColumns(r.values, map, zone);
  const shared = (o: RowRecord) => {
    const sent = pushedValues(o.note ?? '', map);
    return sent ? shownColumns(sent, map, zone).filter((v, i) => v === cells[i]).length : 0;
  };
  return noted.reduce((best, o) => (shared(o) > shared(best) ? o : best));
}

/** What a copy carries of the row it was copied from, as its words say, by what it is told apart by. */
const CARRIES: Record<CopiedBy, string> = {
  id: 'the Assembled ID',
  note: 'the Push status, Pushed at and note',
  when: 'the Push status and Pushed at',
};
const carries = (by: CopiedBy) => `This row carries ${CARRIES[by]} of row `;

/** The words beside a row copied from another: what to clear to send it as new. */
export function copiedWords(kind: PushKind, { of, by }: Copy): string {
  const as = kind === 'time_off' ? 'a new request' : 'a new row';
  return `${carries(by)}${of} (copied from it?): clear its ${toClearAsNew(kind)} to send it as ${as}.`;
}

/** Whether a Push message is copiedWords of a copy told apart `by` that. */
function saysCopied(by: CopiedBy, message: string): boolean {
  return message.startsWith(carries(by));
}
