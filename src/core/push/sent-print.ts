// What a row held when Assembled took it, kept in words in the note of its Push status cell: each
// filled column's header and value, as the sheet showed them. A done row is never sent again; when
// someone changes it afterwards (new times typed over a pushed state, a pushed row copied and
// edited), it no longer matches, and Validate and Push say so, naming what was pushed, rather than
// skip the change without a word. In Sheets the note goes with the row when the sheet is sorted or
// the row copied.
// Dates are read as the sheet shows them (day and time in the spreadsheet's zone): a change of the
// spreadsheet's time zone keeps each cell's day and time, as Sheets does, and is no edit.
// Notes written before kept a short print (a hash) of the cells instead; they are still read, and
// those that say no zone printed instants.

import { counted, countText, someOf } from '../count-text';
import type { Zone } from '../ports';
import type { CellValue } from '../table/build-table';
import { formatLocalDateTime } from '../time/zone-math';
import { toClearAsNew } from './clear-to-send';
import { type EditFacts, editHow } from './edit-how';
import type { HeaderMap } from './header';
import { INGESTED_NO_ID, KINDS, type PushKind } from './kinds';
import { readsTrue, readsWholeDays } from './parse-row';
import { hash } from './request';
import {
  ASK_AGAIN,
  CANCEL_AND_PUSH_AGAIN,
  ENDED_TIME_OFF,
  endedSince,
  saysChangedThere,
  saysWhatToDo,
} from './time-off-words';

const PRINT = /^What the add-on sent, kept as ([0-9a-f]{8})\b/;
const ZONE = / Sent while the spreadsheet's time zone was (\S+)\.$/;
/**
 * The line Sync time off adds to the note of a row whose request ended in Assembled (cancelled,
 * denied, deleted), and what to do to ask for it again, in the words of the row's Push message:
 * the row's cells as pushed then ask for time off Assembled no longer books, so pushed again (its
 * status and ID cleared) they make no second request. Kept in the note, which Validate never
 * rewrites and which goes with the row in a sort; a push of the row writes a note without it.
 */
const ENDED = /\nSync time off found the request (cancelled|denied|deleted) in Assembled\b[^\n]*$/;
/**
 * The line a push adds to the note of a row Assembled refused: what was sent is kept (Validate
 * tells an edit since), but Assembled holds nothing of it, so the row is not one it took
 * (tookInNote) whatever its status reads later.
 */
const REFUSED_LINE = '\nAssembled refused the row as it stood then, so it holds nothing of it.';
/**
 * The line naming who pushed the row, after the zone's: on a sheet several editors push, whose key
 * sent it. Notes written before have none, and read as they always did.
 */
const BY = /\nPushed by (.+)\.$/;
/** The first line of a note that holds the row's cells in words. */
const AS_PUSHED = 'The row as it was pushed:';
/** A line of it: a column's header, then its value. */
const FIELD = /^([^:]+): (.*)$/;

function printOf(values: readonly CellValue[], map: HeaderMap, date: (d: Date) => string | number): string {
  const cells = Object.values(map.columns)
    .sort((a, b) => a - b)
    .map((at) => {
      const v = values[at];
      return v instanceof Date ? date(v) : typeof v === 'string' ? v.trim() : (v ?? '');
    });
  return hash(JSON.stringify(cells));
}

/**
 * A print of the row's input cells (the status columns aside), dates as instants: what Push was
 * pressed on (accepted.ts), where a zone changed since means other instants, so rows not to send.
 */
export function inputPrint(values: readonly CellValue[], map: HeaderMap): string {
  return printOf(values, map, (d) => d.getTime());
}

/** A date as the sheet shows it in `zone`: its day alone at midnight, seconds only when not 0. */
export const shownDate = (d: Date, zone: Zone): string =>
  formatLocalDateTime(d.getTime(), zone, true)
    .replace(/ 00:00:00$/, '')
    .replace(/(\d\d:\d\d):00$/, '$1');

/** A print of the row's input cells as the sheet shows them (notes of the older form). */
function shownPrint(values: readonly CellValue[], map: HeaderMap, zone: Zone): string {
  return printOf(values, map, (d) => formatLocalDateTime(d.getTime(), zone, true).replace(/ 00:00:00$/, ''));
}

/** A cell in the words of the note: on one line, so each column keeps its own. */
function shownCell(v: CellValue | undefined, zone: Zone): string {
  if (v instanceof Date) return shownDate(v, zone);
  return String(v ?? '')
    .trim()
    .replace(/\s*\n\s*/g, ' ');
}

/** The kind's header for each input column of the row, with its value as shown, in sheet order. */
function shownCells(values: readonly CellValue[], map: HeaderMap, zone: Zone): [string, string][] {
  return Object.entries(map.columns)
    .sort((a, b) => a[1] - b[1])
    .map(([key, at]) => [headerOf(map, key), shownCell(values[at], zone)]);
}

/** The row's input cells as the sheet shows them, in sheet order: cells of two rows compared column by column. */
export function shownColumns(values: readonly CellValue[], map: HeaderMap, zone: Zone): string[] {
  return shownCells(values, map, zone).map(([, v]) => v);
}

const headerOf = (map: HeaderMap, key: string): string =>
  KINDS[map.kind].columns.find((c) => c.key === key)?.header ?? key;

/** `refused`: Assembled refused the row (REFUSED_LINE); `by`: who pushed it (BY), when known. */
export function sentNote(
  values: readonly CellValue[],
  map: HeaderMap,
  zone: Zone,
  { refused = false, by }: { refused?: boolean; by?: string | undefined } = {},
): string {
  const lines = shownCells(values, map, zone).flatMap(([header, v]) => (v ? [`${header}: ${v}`] : []));
  return `${AS_PUSHED}\n${lines.join('\n')}\nIf the row is changed after it was pushed, Validate and Push say so. Sent while the spreadsheet's time zone was ${zone.name}.${by ? `\nPushed by ${by}.` : ''}${refused ? REFUSED_LINE : ''}`;
}

/** The note as the push wrote it, without the line Sync time off may have added (ENDED) or a refusal's. */
const asPushed = (note: string): string => note.replace(ENDED, '').replace(REFUSED_LINE, '');

/** What the note says was sent, without who sent it (BY). */
const asSent = (note: string): string => asPushed(note).replace(BY, '');

/** Who pushed the row, where its note says (BY). */
export function pushedBy(note: string): string | undefined {
  return BY.exec(asPushed(note))?.[1];
}

/** Whether the note says Assembled refused the row when it was sent (sentNote). */
export function refusedInNote(note: string): boolean {
  return note.endsWith(REFUSED_LINE);
}

/**
 * Whether the note keeps what Assembled took of the row: what was sent, not refused. Notes written
 * before refusals were marked count as taken, as they always did (their status then tells).
 */
export function tookInNote(note: string): boolean {
  return holdsPrint(note) && !refusedInNote(note);
}

/**
 * The note with Sync time off's word on the request the row made: `ended` its status when it books
 * no time any more, undefined when it stands. A note without what was sent is left as it is.
 */
export function withEnded(note: string, ended: string | undefined): string {
  if (!holdsPrint(note)) return note;
  const was = asPushed(note);
  return ended ? `${was}\nSync time off found the request ${ended} in Assembled. ${ASK_AGAIN}` : was;
}

/** Whether Sync time off found the request the row was pushed as ended in Assembled (withEnded). */
export function endedInNote(note: string): boolean {
  return ENDED.test(note);
}

/**
 * Whether the add-on pushed the row, by what it writes with a push's outcome: a time in Pushed at
 * (`when`), or the print of what it sent in the status note, but not a note saying Assembled refused
 * the row. Only then do its Assembled ID and a done Push status make it done: typed there, or pasted
 * without them, they prove nothing (typed-status.ts).
 */
export function recordedPush(when: CellValue | undefined, note: string): boolean {
  return !refusedInNote(note) && (when instanceof Date || holdsPrint(note));
}

/** Whether a Push status note holds what the add-on sent (in words, or as a print). */
export function holdsPrint(note: string): boolean {
  return note.startsWith(`${AS_PUSHED}\n`) || PRINT.test(note);
}

/** The header and value of each filled column a note in words holds; undefined for any other note. */
function pushedCells(note: string): Map<string, string> | undefined {
  if (!note.startsWith(`${AS_PUSHED}\n`)) return undefined;
  const fields = asSent(note)
    .split('\n')
    .slice(1, -1)
    .map((line) => FIELD.exec(line));
  return new Map(fields.flatMap((f) => (f ? [[f[1] ?? '', f[2] ?? '']] : [])));
}

/**
 * The row's input cells as a note in words says it was pushed, as text by column (an empty column
 * was not written down); undefined for any other note.
 */
export function pushedValues(note: string, map: HeaderMap): CellValue[] | undefined {
  const pushed = pushedCells(note);
  if (!pushed) return undefined;
  const values: CellValue[] = Array(map.headers.length).fill('');
  for (const [key, at] of Object.entries(map.columns)) values[at] = pushed.get(headerOf(map, key)) ?? '';
  return values;
}

/** The name of the spreadsheet's time zone when the row was pushed, where its note says. */
export function sentZoneName(note: string): string | undefined {
  return ZONE.exec(asSent(note))?.[1];
}

/** A pushed value for the changed message: long text cut short. */
const quoted = (v: string): string => (v === '' ? 'empty' : v.length > 40 ? `${v.slice(0, 39)}…` : v);

/** Column `header`'s pushed value in words: All day's box as it looked, ticked or not (FALSE and empty alike). */
function wasShown(map: HeaderMap, header: string, was: string): string {
  if (map.kind !== 'time_off' || header !== headerOf(map, 'all_day')) return quoted(was);
  return readsTrue(was) ? 'ticked' : 'unticked';
}

/**
 * Each column whose value differs from what the note says was pushed: the kind's header, and the
 * value pushed ('' when empty). None when the note holds only a print.
 */
function changedCells(
  note: string,
  values: readonly CellValue[],
  map: HeaderMap,
  zone: Zone,
): [string, string][] {
  const pushed = pushedCells(note);
  if (!pushed) return [];
  const now = new Map(shownCells(values, map, zone));
  const headers = new Set([...now.keys(), ...pushed.keys()]);
  const allDay = map.kind === 'time_off' ? headerOf(map, 'all_day') : undefined;
  return [...headers]
    .filter((h) => (now.get(h) ?? '') !== (pushed.get(h) ?? ''))
    .filter((h) => h !== allDay || !sameDays(note, values, map, zone))
    .map((h) => [h, pushed.get(h) ?? '']);
}

/**
 * Whether the row reads as whole days, or not, as it did when pushed: a box ticked over dates alone
 * (which go as whole days unticked too), or FALSE cleared, changes nothing it asks for.
 */
function sameDays(note: string, values: readonly CellValue[], map: HeaderMap, zone: Zone): boolean {
  const was = pushedValues(note, map);
  return !!was && readsWholeDays(was, map, { zone }) === readsWholeDays(values, map, { zone });
}

/**
 * What column `key` held when the row was pushed, where it is the one column changed since; ''
 * when others changed too, or the note holds only a print.
 */
export function aloneChangedWas(
  note: string,
  values: readonly CellValue[],
  map: HeaderMap,
  zone: Zone,
  key: string,
): string {
  const changed = changedCells(note, values, map, zone);
  const [header, was] = changed[0] ?? [];
  return changed.length === 1 && header === headerOf(map, key) ? (was ?? '') : '';
}

/**
 * What changed since the row was pushed, in words ("End was 2026-05-24 10:00 when pushed"): each
 * column whose value differs, with the value pushed; '' when nothing did, or the note holds only a
 * print.
 */
export function changesSinceSent(
  note: string,
  values: readonly CellValue[],
  map: HeaderMap,
  zone: Zone,
): string {
  // Named by the sheet's own header where the column is still there.
  const named = (h: string) => {
    const key = KINDS[map.kind].columns.find((c) => c.header === h)?.key;
    const at = key === undefined ? undefined : map.columns[key];
    return (at !== undefined && map.headers[at]) || h;
  };
  const words = changedCells(note, values, map, zone).map(
    ([h, was]) => `${named(h)} was ${wasShown(map, h, was)}`,
  );
  if (words.length === 0) return '';
  const more = words.length - 3;
  const others = more > 0 ? `, and ${counted('more column')(more)} changed` : '';
  return `${someOf(words.slice(0, 3), 3, 'and')} when pushed${others}`;
}

/** Cells in words, in any order: one key whichever column comes first. */
const cellsKey = (cells: Iterable<[string, string]>): string =>
  JSON.stringify([...cells].map(([h, v]) => `${h}: ${v}`).sort());

/** The forms a note keeps what was sent in: words, or a print of the cells as shown or as instants. */
export type SentForm = 'words' | 'shown' | 'input';

/**
 * What a Push status note says was sent, as a key the cells of any row can be looked up by
 * (rowKey, in its form); undefined when the add-on wrote nothing of it there.
 */
export function sentKey(note: string): { form: SentForm; key: string } | undefined {
  const pushed = pushedCells(note);
  if (pushed) return { form: 'words', key: cellsKey(pushed) };
  const print = PRINT.exec(note)?.[1];
  return print === undefined ? undefined : { form: sentZoneName(note) ? 'shown' : 'input', key: print };
}

/** The key of the row's cells in a note of that form: sentKey of its own note when it is as sent. */
export function rowKey(values: readonly CellValue[], map: HeaderMap, zone: Zone, form: SentForm): string {
  if (form === 'shown') return shownPrint(values, map, zone);
  if (form === 'input') return inputPrint(values, map);
  return cellsKey(shownCells(values, map, zone).filter(([, v]) => v !== ''));
}

/**
 * Whether the row is as its Push status note says it was sent; undefined when the add-on wrote
 * nothing of it there.
 */
export function sameAsSent(
  note: string,
  values: readonly CellValue[],
  map: HeaderMap,
  zone: Zone,
): boolean | undefined {
  if (pushedCells(note)) return changesSinceSent(note, values, map, zone) === '';
  const sent = PRINT.exec(note)?.[1];
  if (sent === undefined) return undefined;
  return sent === (sentZoneName(note) ? shownPrint(values, map, zone) : inputPrint(values, map));
}

/** Whether a row whose Push status note holds a print was changed since it was sent. */
export function changedSinceSent(
  note: string,
  values: readonly CellValue[],
  map: HeaderMap,
  zone: Zone,
): boolean {
  return sameAsSent(note, values, map, zone) === false;
}

/** The time zone the spreadsheet had when the row was sent, when the note says and it is not `zone`. */
export function sentInOtherZone(note: string, zone: Zone): string | undefined {
  const was = sentZoneName(note);
  return was === zone.name ? undefined : was;
}

/**
 * Validate's one line on done rows sent with the spreadsheet in another zone: the sheet shows their
 * days and times as typed, but Assembled took them as they were in that zone.
 */
export function otherZoneWords(rows: number, zones: readonly string[], zone: Zone): string {
  const these = rows === 1 ? 'one done row' : `${countText(rows)} done rows`;
  return `Assembled holds the times of ${these} as they were in ${zones.join(' or ')}, the spreadsheet's time zone when ${rows === 1 ? 'it was' : 'they were'} pushed; the sheet now reads them in ${zone.name}.`;
}

/**
 * An activity's change goes as an update; `allow` names its Allow conflicts column when that is
 * TRUE, which an update refuses (Assembled keeps overlaps for a create only): it is cleared too.
 */
function activityHow(allow: string): string {
  return `To send the change, put update in Action (and the Assembled ID in Activity ID if it is empty), then clear ${allow ? `${allow}, ` : ''}${toClearAsNew('activities')}.`;
}

const HOW: Partial<Record<PushKind, string>> = {
  // An agent holds one ID per platform: sent again, the row sets it again, nothing doubles.
  associations: `An association is safe to send again: to send the change, clear its ${toClearAsNew('associations')}.`,
  time_off: `To change it, ${CANCEL_AND_PUSH_AGAIN}`,
  // Sent again, the row would be ingested as a second state beside the first, not in its place;
  // and no edit can name it (kinds.ts).
  agent_states: `Pushed again, it would add a second state. ${INGESTED_NO_ID}`,
};

const CHANGED = 'Changed since it was pushed:';
/**
 * Assembled's last word on the row (its answer to the push, or what Sync time off learned since)
 * follows this, so putting the row back restores it. Said once: a message read back never nests.
 */
const LAST_WORD = " Assembled's last word on it: ";

/**
 * The Push message of a done row changed since it was sent; `action` is its Action cell, if any,
 * `status` its Push status (a synced time-off row's is the request's own), `was` its message,
 * `allow` its Allow conflicts column's header when that cell is TRUE, `what` what changed
 * (changesSinceSent), where the note says, `clash` what other rows say against it, `unsendable`
 * what would stop the row being sent as it stands (said before the how, which it comes before), and
 * `edit` an Agent-state edits row's ids (edit-how.ts).
 */
export function changedMessage(
  kind: PushKind,
  action = '',
  status = '',
  was = '',
  allow = '',
  what = '',
  clash = '',
  unsendable = '',
  edit: EditFacts = {},
): string {
  const edited = kind === 'state_edits' ? editHow(action, edit) : undefined;
  // Words that say how to fill the empty State ID say what is wrong already.
  const bad =
    unsendable && !edited?.fillsId
      ? `, and as it stands it could not be sent: ${unsendable} Put that right first.`
      : '.';
  const said = was ? sentMessage(was) : '';
  const sent = said ? `${LAST_WORD}${said}` : '';
  const changed = `${CHANGED}${what ? ` ${what};` : ''} not sent again`;
  if (kind === 'time_off') {
    // Assembled may not have it as it was: cancelled, denied or deleted there, or changed there too.
    const ended = ENDED_TIME_OFF.includes(status.trim().toLowerCase());
    const since = ended
      ? `, and ${endedSince(status.trim().toLowerCase())}`
      : saysChangedThere(said)
        ? ', and Assembled has since changed it too'
        : ', so Assembled still has it as it was';
    // Sync's words say what to do where they can: said once.
    const how = saysWhatToDo(said) ? '' : ` ${ended ? ASK_AGAIN : HOW.time_off}`;
    return `${changed}${since}${bad}${how}${sent}`;
  }
  const how =
    edited?.how ??
    (kind === 'activities' ? activityHow(allow) : HOW[kind]) ??
    `To send it as a new row, clear its ${toClearAsNew(kind)}.`;
  // Before Assembled's last word, which is read back as what the row said when it was sent.
  return `${changed}, so Assembled still has it as it was${bad} ${how}${clash}${sent}`;
}

/**
 * The Push message of a done row changed since it was pushed to what row `by`, pushed later, sent
 * (association-rows.ts markSentSince): Assembled has it as it reads, so nothing is left to send.
 */
export function sentSinceMessage(by: number, what = '', was = '', clash = ''): string {
  const sent = was ? `${LAST_WORD}${sentMessage(was)}` : '';
  return `${CHANGED}${what ? ` ${what};` : ''} row ${by}, pushed since, sent the same, so Assembled has it as this row now reads: nothing is left to send.${clash}${sent}`;
}

/** The start of a moved row's message (movedMessage), its row number after it. */
const MOVED = "This row's cells are what row ";

/** The start of the message of a row whose pushed cells were moved off it (movedAwayMessage). */
const MOVED_AWAY = 'What this row was pushed with is now in row ';

/** What a sort that left out the status columns did, said after the row it moved. */
const SORTED =
  ': the rows look sorted without their Push status columns, which stayed where they were. Nothing was sent';

/** How to put such a sort right. */
const UNDO_SORT =
  'Undo the sort (Edit ▸ Undo, or File ▸ Version history if it is too late for that), and sort with every column selected, the Push status columns too';

/**
 * The Push message of a done row whose cells are what row `from` was pushed with, that row changed
 * too: the rows were sorted with the status columns left out (moved-rows.ts). Nothing is wrong in
 * Assembled, so nothing is to cancel or send; undone, the row says again what it said (`was`).
 * `what` what changed since row `from` was pushed (changesSinceSent), when the row was edited too:
 * back beside its own status, it says what to do about that.
 */
export function movedMessage(from: number, was = '', clash = '', what = ''): string {
  const sent = was ? `${LAST_WORD}${sentMessage(was)}` : '';
  const edited = what ? `, changed since (${what})` : '';
  const cancel = what ? '' : ', and nothing needs cancelling';
  const then = what ? '; the row then says what to do about its change' : '';
  return `${MOVED}${from} was pushed with${edited}${SORTED}${cancel}. ${UNDO_SORT}${then}.${clash}${sent}`;
}

/**
 * Why a row not pushed is held back: its cells are what row `from` was pushed with, moved beside
 * its status by such a sort. Sent, they would be made a second time in Assembled.
 */
export function movedUnpushedWords(from: number): string {
  return `${MOVED}${from} was pushed with${SORTED}, as Assembled has them already. ${UNDO_SORT}; then push again to send what is still to send.`;
}

/**
 * The Push message of a done row changed since it was sent whose cells as sent are in row `to`,
 * moved there by such a sort (moved-rows.ts movedAway): its own cells are another row's, so
 * nothing is to cancel or send; undone, it says again what it said (`was`).
 */
export function movedAwayMessage(to: number, was = '', clash = ''): string {
  const sent = was ? `${LAST_WORD}${sentMessage(was)}` : '';
  return `${MOVED_AWAY}${to}${SORTED}, and nothing needs cancelling. ${UNDO_SORT}.${clash}${sent}`;
}

/** Why a pushed row emptied still counts: said on it (emptiedMessage) and on rows over its time. */
export const EMPTYING_WITHDRAWS = 'emptying a row withdraws nothing';

/**
 * A done row whose cells were all emptied: emptying withdraws nothing, which the message says with
 * the way to withdraw it where there is one. Said like a change, so typed back it says again what
 * it said.
 */
export function emptiedMessage(kind: PushKind, was = ''): string {
  const how =
    kind === 'time_off'
      ? ' To withdraw the request, cancel it: Time off to cancel, with its Assembled ID.'
      : ' To undo it, change it in Assembled.';
  const sent = was ? `${LAST_WORD}${sentMessage(was)}` : '';
  return `${CHANGED} its cells were emptied, but Assembled still holds what the row sent, and ${EMPTYING_WITHDRAWS}.${how}${sent}`;
}

/** Validate's word on a row sent as it stands before, whose Push status and Assembled ID were cleared. */
export const SENT_BEFORE =
  ' It was pushed as it stands before, and its Push status and Assembled ID were cleared since: pushed again, it is made a second time in Assembled, unless the first was cancelled or deleted there.';

/**
 * Validate's word on a row to send whose Pushed at still holds the time it was last sent (its
 * status cleared since): kept, as it is true of that push, and replaced when the row is sent.
 */
export const PUSHED_BEFORE =
  ' Its Pushed at is the time of an earlier push: Push puts the new time there when it sends the row.';

/** The start of the message of an ingested state row whose cleared status was put back (cleared-states.ts). */
const PUT_BACK = 'Its Push status was cleared, but Assembled holds this state as the row reads';

/**
 * The message of an ingested state row whose cleared status was put back, the row as it was sent;
 * `was` its message as it reads (Assembled's last word on it, kept after these words).
 */
export function putBackMessage(was = ''): string {
  const said = was ? sentMessage(was) : '';
  return `${PUT_BACK} (its Push status note keeps what was ingested), so the status is put back rather than the state sent a second time, beside the first. ${INGESTED_NO_ID}${said ? `${LAST_WORD}${said}` : ''}`;
}

/** Said of such a row changed since it was sent, after its changed message's how. */
export const PUT_BACK_CHANGED =
  ' Its Push status was cleared since, and is put back: its note keeps what was ingested, so clearing it cannot send the change.';

/** Whether a done row's message says it was changed (changedMessage) or moved (movedMessage, movedAwayMessage). */
export function saysChanged(message: string): boolean {
  return message.startsWith(CHANGED) || message.startsWith(MOVED) || message.startsWith(MOVED_AWAY);
}

/** A done row's message when Assembled's last word on it is not known. */
export const AS_SENT = 'Done: the row is as it was sent.';

/** The message a done row had when it was sent, from what it says now. */
export function sentMessage(message: string): string {
  if (!saysChanged(message) && !message.startsWith(PUT_BACK)) return message;
  const at = message.lastIndexOf(LAST_WORD);
  return at < 0 ? AS_SENT : message.slice(at + LAST_WORD.length);
}
