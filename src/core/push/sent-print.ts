// What a row held when Assembled took it, kept as a short print in the note of its Push status
// cell. A done row is never sent again; when someone changes it afterwards (new times typed over
// a pushed state, a pushed row copied and edited), its print no longer matches, and Validate and
// Push say so rather than skip the change without a word. In Sheets the note goes with the row
// when the sheet is sorted or the row copied.
// The print reads dates as the sheet shows them (day and time in the spreadsheet's zone): a change
// of the spreadsheet's time zone keeps each cell's day and time, as Sheets does, and is no edit.
// Notes written before say no zone; their prints were of instants, and are read so.

import { countText } from '../count-text';
import type { Zone } from '../ports';
import type { CellValue } from '../table/build-table';
import { formatLocalDateTime } from '../time/zone-math';
import type { HeaderMap } from './header';
import { INGESTED_NO_ID, KINDS, type PushKind } from './kinds';
import { hash } from './request';

const PRINT = /^What the add-on sent, kept as ([0-9a-f]{8})\b/;
const ZONE = / Sent while the spreadsheet's time zone was (\S+)\.$/;

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

/** A print of the row's input cells as the sheet shows them: a date by its day and time in `zone`. */
function shownPrint(values: readonly CellValue[], map: HeaderMap, zone: Zone): string {
  return printOf(values, map, (d) => formatLocalDateTime(d.getTime(), zone, true).replace(/ 00:00:00$/, ''));
}

export function sentNote(values: readonly CellValue[], map: HeaderMap, zone: Zone): string {
  return `What the add-on sent, kept as ${shownPrint(values, map, zone)}: if the row is changed after it was sent, Validate and Push say so. Sent while the spreadsheet's time zone was ${zone.name}.`;
}

/** Whether a Push status note holds the add-on's print of what it sent. */
export function holdsPrint(note: string): boolean {
  return PRINT.test(note);
}

/**
 * Whether the row is as its Push status note's print says it was sent; undefined when the add-on
 * wrote no print there.
 */
export function sameAsSent(
  note: string,
  values: readonly CellValue[],
  map: HeaderMap,
  zone: Zone,
): boolean | undefined {
  const sent = PRINT.exec(note)?.[1];
  if (sent === undefined) return undefined;
  return sent === (ZONE.test(note) ? shownPrint(values, map, zone) : inputPrint(values, map));
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
  const was = ZONE.exec(note)?.[1];
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
  return `To send the change, put update in Action (and the Assembled ID in Activity ID if it is empty), then clear ${allow ? `${allow}, ` : ''}Push status and Assembled ID.`;
}

const HOW: Partial<Record<PushKind, string>> = {
  // An agent holds one ID per platform: sent again, the row sets it again, nothing doubles.
  associations: 'An association is safe to send again: to send the change, clear its Push status.',
  time_off:
    'To change it, cancel the request (Time off to cancel, with its Assembled ID), then clear Push status and Assembled ID here and push the row as new.',
  // Sent again, the row would be ingested as a second state beside the first, not in its place;
  // and no edit can name it (kinds.ts).
  agent_states: `Pushed again, it would add a second state. ${INGESTED_NO_ID}`,
};

/** An inserted state record sent again would be a second record: an update changes the first. */
const EDIT_HOW =
  'To send the change, put update in Action (and the Assembled ID in State ID if it is empty), then clear Push status and Assembled ID.';

/** A request cancelled or denied in Assembled has nothing left to cancel. */
export const ENDED_TIME_OFF = ['cancelled', 'denied'];

const CHANGED = 'Changed since it was pushed:';
/**
 * Assembled's last word on the row (its answer to the push, or what Sync time off learned since)
 * follows this, so putting the row back restores it. Said once: a message read back never nests.
 */
const LAST_WORD = " Assembled's last word on it: ";

/**
 * The Push message of a done row changed since it was sent; `action` is its Action cell, if any,
 * `status` its Push status (a synced time-off row's is the request's own), `was` its message, and
 * `allow` its Allow conflicts column's header when that cell is TRUE.
 */
export function changedMessage(kind: PushKind, action = '', status = '', was = '', allow = ''): string {
  const edit = kind === 'state_edits' && action.trim().toLowerCase() !== 'delete';
  const ended = kind === 'time_off' && ENDED_TIME_OFF.includes(status.trim().toLowerCase());
  const how =
    (edit ? EDIT_HOW : ended ? undefined : kind === 'activities' ? activityHow(allow) : HOW[kind]) ??
    `To send it as a new row, clear its Push status${KINDS[kind].noIds ? '' : ' and Assembled ID'}.`;
  const sent = was ? `${LAST_WORD}${sentMessage(was)}` : '';
  return `${CHANGED} not sent again, so Assembled still has it as it was. ${how}${sent}`;
}

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
  return `${CHANGED} its cells were emptied, but Assembled still holds what the row sent, and emptying a row withdraws nothing.${how}${sent}`;
}

/** Validate's word on a row sent as it stands before, whose Push status and Assembled ID were cleared. */
export const SENT_BEFORE =
  ' It was pushed as it stands before, and its Push status and Assembled ID were cleared since: pushed again, it is made a second time in Assembled, unless the first was cancelled or deleted there.';

/** Whether a done row's message says it was changed (changedMessage). */
export function saysChanged(message: string): boolean {
  return message.startsWith(CHANGED);
}

/** A done row's message when Assembled's last word on it is not known. */
export const AS_SENT = 'Done: the row is as it was sent.';

/** The message a done row had when it was sent, from what it says now. */
export function sentMessage(message: string): string {
  if (!saysChanged(message)) return message;
  const at = message.lastIndexOf(LAST_WORD);
  return at < 0 ? AS_SENT : message.slice(at + LAST_WORD.length);
}
