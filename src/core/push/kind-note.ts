// The kind a sheet's rows were last validated or pushed as, kept in the note of its Push status
// header cell: the sidebar proposes it when the sheet is in front again, even where the header
// alone would not say (a team's own columns beside the kind's). It lives in the sheet, so it goes
// with the sheet through renames and copies, and is the same for every editor. So does the count
// of rows that had reached Assembled at the last push, kept there too.
import type { CellValue } from '../table/build-table';
import { detectKind, findStatus, matchHeader, normaliseHeader } from './header';
import { KINDS, PUSH_KINDS, type PushKind, STATUS_COLUMNS } from './kinds';

const AS = 'Rows here go to Assembled as: ';
/** The rows that had reached Assembled at the last push, so that a row deleted since is told of (gone-rows.ts). */
const PUSHED = /^Rows here that had reached Assembled at the last push: (\d+)\.$/m;
const pushedLine = (pushed: number) => `Rows here that had reached Assembled at the last push: ${pushed}.`;

/** The header's note: what the column holds, the kind, and, once pushed, how many rows had reached Assembled. */
export function kindNote(kind: PushKind, pushed?: number): string {
  const count = pushed === undefined ? '' : `\n${pushedLine(pushed)}`;
  return `${STATUS_COLUMNS[0].help}\n${AS}${KINDS[kind].label}.${count}`;
}

/** The count of rows pushed the note keeps, if any. */
export function pushedInNote(note: string): number | undefined {
  const n = PUSHED.exec(note)?.[1];
  return n === undefined ? undefined : Number(n);
}

/** The note with the count of rows pushed it keeps made `pushed`; as it was when it keeps none. */
export function withPushed(note: string, pushed: number): string {
  return note.replace(PUSHED, pushedLine(pushed));
}

/** The kind the note says the rows last went as. */
export function kindInNote(note: string): PushKind | undefined {
  const line = note.split('\n').find((l) => l.startsWith(AS));
  return PUSH_KINDS.find((k) => line === `${AS}${KINDS[k].label}.`);
}

/** The 0-based index of a header's Push status column; -1 without one. */
export function statusColumnOf(header: readonly CellValue[]): number {
  return findStatus(header.map(normaliseHeader)).status ?? -1;
}

/** A table a pull wrote (`pulled`, its source) is taken only for the kind made to be filled in on it. */
export function fitsPulled(kind: PushKind, pulled: string | undefined): boolean {
  return pulled === undefined || KINDS[kind].fillsIn?.source === pulled;
}

/**
 * The kind the sidebar proposes for a sheet: the one its rows last went as while the header still
 * has that kind's columns, else the one the header reads as.
 */
export function proposeKind(
  header: readonly CellValue[],
  statusNote: string,
  pulled?: string,
): PushKind | undefined {
  const last = kindInNote(statusNote);
  if (last && fitsPulled(last, pulled) && matchHeader(last, header).ok) return last;
  const read = detectKind(header);
  return read && fitsPulled(read, pulled) ? read : undefined;
}
