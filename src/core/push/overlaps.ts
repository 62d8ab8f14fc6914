// Rules across a sheet's rows: time spans of one group (an agent's activities in a schedule, an
// agent's states from one platform, an agent's time off) that overlap, and refusing a row that
// parsed but breaks one.
import { someOf } from '../count-text';
import type { Zone } from '../ports';
import { formatLocalDateTime } from '../time/zone-math';
import type { AsWrittenField } from './as-written';
import type { HeaderMap } from './header';
import { fingerprint, type PushRequest } from './request';
import type { SheetRow } from './sheet-rows';

const MINUTE_MS = 60_000;

export interface Span {
  row: SheetRow;
  start: number;
  end: number;
  /** Two spans that both allow it may overlap. */
  allow?: boolean;
}

/**
 * Another sheet row a row overlaps, and which of the row's times makes it: its start, inside the
 * other or with it, or its end, run on past the other's start.
 */
export interface Overlap {
  row: number;
  by: 'start' | 'end';
  /**
   * A clash of under a minute, which cells shown to the minute hide: the other row's time that
   * makes it (its end, or its start) and the ms between it and this row's.
   */
  hidden?: { at: number; ms: number };
}

/** Each row whose span overlaps another in its group, with what it overlaps, in row order. */
export function overlapsWithin(groups: Iterable<Span[]>): Map<SheetRow, Overlap[]> {
  const clashes = new Map<SheetRow, Overlap[]>();
  const note = (a: SheetRow, b: SheetRow, by: Overlap['by'], hidden?: Overlap['hidden']) =>
    clashes.set(a, [...(clashes.get(a) ?? []), { row: b.row, by, ...(hidden ? { hidden } : {}) }]);
  for (const list of groups) {
    list.sort((a, b) => a.start - b.start);
    list.forEach((a, i) => {
      for (let j = i + 1; j < list.length && (list[j] as Span).start < a.end; j++) {
        const b = list[j] as Span;
        if (a.allow && b.allow) continue;
        // b starts within a (or with it); a, unless both start together, runs on into b. Rows
        // starting together show it in their cells; one starting less than a minute before the
        // other ends does not (23:30:42 reads 23:30).
        const ms = a.end - b.start;
        const hidden = a.start < b.start && ms < MINUTE_MS;
        note(a.row, b.row, a.start < b.start ? 'end' : 'start', hidden ? { at: b.start, ms } : undefined);
        note(b.row, a.row, 'start', hidden ? { at: a.end, ms } : undefined);
      }
    });
  }
  for (const others of clashes.values()) others.sort((a, b) => a.row - b.row);
  return clashes;
}

/** "row 4" or "rows 4, 9"; with `last`, "rows 4 and 9", as a sentence lists them. */
export const rowsText = (rows: readonly (number | string)[], last?: 'and'): string =>
  `row${rows.length > 1 ? 's' : ''} ${someOf(rows.map(String), rows.length, last)}`;

/**
 * "End: overlaps row 79": the column of `row` that makes the overlap as the sheet heads it (Start
 * and End when it reaches into one row and another reaches into it), then the rows. A clash the
 * cells hide is said to the second, in the spreadsheet's `zone`: "overlaps row 2 (which ends
 * 2026-12-07 23:30:42, 42 s after this row starts)".
 */
export function overlapsText(
  map: HeaderMap,
  row: SheetRow,
  overlaps: readonly Overlap[],
  zone: Zone,
): string {
  const column = (key: Overlap['by']) =>
    map.headers[map.columns[key] ?? -1] || (key === 'start' ? 'Start' : 'End');
  // An empty End (time off for the one day Start names) cannot be what to change.
  const noEnd = String(row.values[map.columns.end ?? -1] ?? '').trim() === '';
  const by = (['start', 'end'] as const).filter((k) => overlaps.some((o) => (noEnd ? 'start' : o.by) === k));
  const rows = overlaps.map(({ row: other, by: mine, hidden }) => {
    if (!hidden) return other;
    const s = Math.max(1, Math.round(hidden.ms / 1000));
    const at = formatLocalDateTime(hidden.at, zone, true);
    return mine === 'start'
      ? `${other} (which ends ${at}, ${s} s after this row starts)`
      : `${other} (which starts ${at}, ${s} s before this row ends)`;
  });
  return `${by.map(column).join(' and ')}: overlaps ${rowsText(rows, 'and')}`;
}

/**
 * A row that parsed on its own but breaks a rule across rows: it is not sent. A row breaking two
 * such rules (a platform ID clashing both ways) says both.
 */
export function refuseRow(row: SheetRow, problem: string): void {
  const was = row.parse;
  const before = was?.ok === false ? was.problems : [];
  const asWritten = was?.ok === false ? was.asWritten : undefined;
  row.parse = {
    ok: false,
    problems: [...before, problem],
    ...(was?.request ? { request: was.request } : {}),
    ...(asWritten ? { asWritten } : {}),
  };
  delete row.fp;
}

/** Whether the row's `key` cell was refused as a near miss, read as written (parse-row.ts): its problem is said. */
export function saidAsWritten(row: SheetRow, key: string): boolean {
  return row.parse?.ok === false && (row.parse.asWritten?.includes(key) ?? false);
}

/**
 * What a row would send: one that read well, refused or not by a check across rows, so that each
 * check says its problem beside the others' (none for a row that did not read well).
 */
export function requestOf(row: SheetRow): PushRequest | undefined {
  return row.parse?.request;
}

/**
 * A word about what a row sends, on its Ready message (`field`); on a row to fix, one of its
 * problems, said with the others so that fixing them is not followed by another.
 */
export function wordOnRow(
  row: SheetRow,
  field: AsWrittenField,
  name: string,
  words: (sent: string) => string,
): void {
  if (row.parse?.ok) row[field] = { name, words: ` ${words('sent as written')}` };
  else refuseRow(row, words('once fixed, it is sent as written'));
}

/** The first copy of a row typed twice: its row, and whether it was pushed already. */
export interface FirstCopy {
  at: number;
  pushed: boolean;
}

/**
 * Rows typed twice (the same request as an earlier row not yet done, or as one of `pushed`, rows
 * pushed already with what they sent), each with its first copy: the first copy goes (or went), the
 * later ones are pointed at it (no clash to judge).
 */
export function typedTwice(
  rows: SheetRow[],
  pushed: { row: SheetRow; request: PushRequest }[] = [],
): Map<SheetRow, FirstCopy> {
  const first = new Map<string, FirstCopy>();
  for (const { row, request } of pushed) {
    const fp = fingerprint(request);
    if (!first.has(fp)) first.set(fp, { at: row.row, pushed: true });
  }
  const copies = new Map<SheetRow, FirstCopy>();
  for (const row of rows) {
    if (row.done || !row.fp) continue;
    const at = first.get(row.fp);
    if (at === undefined) first.set(row.fp, { at: row.row, pushed: false });
    else copies.set(row, at);
  }
  return copies;
}

/**
 * What a row typed twice says: the same as its first copy, even once that is pushed, where an
 * overlap's words would have a person cancel or correct the first.
 */
export const copyWords = (what: string, { at, pushed }: FirstCopy): string =>
  `The same ${what} as row ${at}, ${pushed ? 'pushed already' : 'typed twice'}: delete this row.`;
