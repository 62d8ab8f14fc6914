// Rows pushed before that are no longer in the sheet. Deleting a row withdraws nothing from
// Assembled, yet once it is gone nothing in the sheet shows it was there: the Push status header's
// note keeps how many rows had reached Assembled when the sheet was last pushed (kind-note.ts), and
// Validate and Push say in one line when fewer are there now, and what undoes them in Assembled.
// A count, not the rows: it lives in the sheet (it goes with it through copies) and stays a line.
import { countText } from '../count-text';
import { ERROR_STATUS, INGESTED_NO_ID, KINDS, type PushKind } from './kinds';
import { tookInNote } from './sent-print';
import type { SheetRow, SheetSnapshot } from './sheet-rows';

/**
 * Rows Assembled took: done, or holding the print of what it took (their status cleared by hand),
 * once each: a row copied from one, with its note, is not another (copied-rows.ts).
 */
export function pushedRows(rows: readonly SheetRow[]): number {
  const done = rows.filter((r) => r.done);
  const counted = new Set(done.map((r) => r.note));
  let took = 0;
  for (const r of rows) {
    const { note } = r;
    if (r.done || r.copyOf || note === undefined || !tookInNote(note) || r.status === ERROR_STATUS) continue;
    if (counted.has(note)) continue;
    counted.add(note);
    took++;
  }
  return done.length + took;
}

/** How many rows that had reached Assembled at the sheet's last push are no longer in it. */
export function goneRows(sheet: SheetSnapshot): number {
  return Math.max(0, (sheet.pushedBefore ?? 0) - pushedRows(sheet.rows));
}

/** What deleting a row does not do, and what does it instead ("it" or "them"). */
const UNDO: Record<PushKind, [string, (it: string) => string]> = {
  time_off: [
    'cancels nothing in Assembled',
    (it) =>
      ` To cancel ${it}, use "${KINDS.time_off_cancel.label}", with the request's ID from a Time-off requests pull.`,
  ],
  time_off_cancel: ['brings back no request it cancelled: a cancel cannot be undone', () => ''],
  agent_states: ['removes nothing from Assembled', () => ` ${INGESTED_NO_ID}`],
  state_edits: [
    'undoes no edit in Assembled',
    (it) =>
      ` To undo ${it}, push another edit in "${KINDS.state_edits.label}", or change the state in Assembled.`,
  ],
  associations: [
    'removes no platform ID from Assembled',
    () => " To change an agent's ID, push their right one, or change it in Assembled.",
  ],
  activities: [
    'undoes nothing in Assembled',
    (it) => ` To undo ${it}, push the change back in "${KINDS.activities.label}", or change it in Assembled.`,
  ],
  activities_clear: ['brings back nothing it cleared: a clear cannot be undone', () => ''],
};

/** Validate's and Push's one line on rows pushed before and deleted since; '' when none. */
export function goneWords(kind: PushKind, gone: number): string {
  if (gone <= 0) return '';
  const [deleting, how] = UNDO[kind];
  const rows = gone === 1 ? '1 row pushed before is' : `${countText(gone)} rows pushed before are`;
  return `${rows} no longer in the sheet: deleting a row ${deleting}.${how(gone === 1 ? 'it' : 'them')}`;
}
