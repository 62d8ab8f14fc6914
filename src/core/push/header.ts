// Finding a kind's columns in a sheet's header: case, spaces and punctuation do not matter, extra
// columns are kept and ignored, and the status columns are found (or placed) by their own names.
import type { CellValue } from '../table/build-table';
import type { DoubledColumn } from './doubled-columns';
import { KINDS, PUSH_KINDS, type PushKind, STATUS_COLUMNS, type StatusKey } from './kinds';

export interface HeaderMap {
  kind: PushKind;
  /** Column key -> 0-based index in the sheet. */
  columns: Record<string, number>;
  /**
   * Other columns that name a key too (a pulled schedule's Agent name and Agent email beside its
   * Agent ID), read in turn when the first is empty: a row typed into such a sheet may fill any.
   */
  more: Record<string, number[]>;
  /** Other columns that fit a key too and are not read (doubledColumns): Validate and Push name them. */
  doubled: Record<string, number[]>;
  /** Status key -> 0-based index; columns missing from the sheet go right of every used column. */
  status: Record<StatusKey, number>;
  /** Status headers to add, with their 0-based index, when the sheet lacks them. */
  added: { index: number; header: string }[];
  /** The header row as the sheet has it (trailing blanks dropped). */
  headers: string[];
}

export function normaliseHeader(text: unknown): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function headerTexts(row: readonly CellValue[]): string[] {
  const headers = row.map((c) => (c instanceof Date ? '' : String(c).trim()));
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  return headers;
}

/** Index of each status column present in the (normalised) header. */
export function findStatus(normal: string[]): Partial<Record<StatusKey, number>> {
  const out: Partial<Record<StatusKey, number>> = {};
  for (const s of STATUS_COLUMNS) {
    const at = normal.indexOf(normaliseHeader(s.header));
    if (at >= 0) out[s.key] = at;
  }
  return out;
}

function findColumns(
  kind: PushKind,
  normal: string[],
  taken: Set<number>,
): Pick<HeaderMap, 'columns' | 'more' | 'doubled'> {
  const columns: Record<string, number> = {};
  const more: Record<string, number[]> = {};
  const doubled: Record<string, number[]> = {};
  // The template's own header wins over an alias, so "State ID" beats a stray "id".
  for (const pass of ['header', 'alias'] as const) {
    for (const spec of KINDS[kind].columns) {
      if (columns[spec.key] !== undefined) continue;
      const names = pass === 'header' ? [spec.header] : spec.aliases;
      for (const name of names) {
        const at = normal.findIndex((h, i) => h === normaliseHeader(name) && !taken.has(i));
        if (at >= 0) {
          columns[spec.key] = at;
          taken.add(at);
          break;
        }
      }
    }
  }
  // A pulled table's own columns name one thing several ways on every row it wrote (Agent ID,
  // name, email): a row typed into it may fill any. Other columns that fit one field hold different
  // things (Reason and Notes, From beside Start): only the first is read, on every row.
  const own = new Set((KINDS[kind].fillsIn?.headers ?? []).map(normaliseHeader));
  for (const spec of KINDS[kind].columns) {
    const at = columns[spec.key];
    if (at === undefined) continue;
    const also = spec.aliases.flatMap((name) =>
      normal.flatMap((h, i) => (h === normaliseHeader(name) && !taken.has(i) ? [i] : [])),
    );
    for (const i of also) taken.add(i);
    const same = also.filter((i) => own.has(normal[at] ?? '') && own.has(normal[i] ?? ''));
    const other = also.filter((i) => !same.includes(i));
    if (same.length) more[spec.key] = same;
    if (other.length) doubled[spec.key] = other;
  }
  return { columns, more, doubled };
}

export type HeaderResult = { ok: true; map: HeaderMap } | { ok: false; problem: string };

/**
 * `width`: the sheet's used width. Status columns the sheet lacks go right of it, not of the last
 * header: a cell typed in an unheaded column below would otherwise be written over.
 */
export function matchHeader(kind: PushKind, row: readonly CellValue[], width = 0): HeaderResult {
  const headers = headerTexts(row);
  const spec = KINDS[kind];
  if (headers.length === 0) {
    return {
      ok: false,
      problem: `The sheet has no header in row 1. Use Insert template for "${spec.label}", or name the columns ${spec.columns.map((c) => c.header).join(', ')}.`,
    };
  }
  const normal = headers.map(normaliseHeader);
  const found = findStatus(normal);
  const taken = new Set(Object.values(found));
  const { columns, more, doubled } = findColumns(kind, normal, taken);
  const missing = spec.columns.filter((c) => c.required && columns[c.key] === undefined);
  if (missing.length > 0) {
    const names = missing.map((c) => `"${c.header}"`).join(', ');
    return {
      ok: false,
      problem: `Row 1 needs a column named ${names} for "${spec.label}" (case and spacing do not matter). Add it, or use Insert template.`,
    };
  }
  const added: { index: number; header: string }[] = [];
  const status = {} as Record<StatusKey, number>;
  let next = Math.max(headers.length, width);
  for (const s of STATUS_COLUMNS) {
    const at = found[s.key];
    if (at === undefined) {
      status[s.key] = next;
      added.push({ index: next, header: s.header });
      next++;
    } else status[s.key] = at;
  }
  return { ok: true, map: { kind, columns, more, doubled, status, added, headers } };
}

/** A column a person keeps notes in ("Comment", "Ops notes"): theirs whatever the rows are, so no sign. */
const OWN_NOTES = /(comments?|notes?|remarks?)$/;

/**
 * The sheet's own columns (named, not status columns) that the kind does not read. Many of them
 * say the sheet is something else, e.g. a pulled schedule whose Agent ID, Start and End would
 * otherwise pass for time off; for Activities those are its own sheet's, and not counted.
 */
export function unreadColumns(map: HeaderMap): string[] {
  // Columns that fit a field already read are named apart (doubledColumns).
  const used = new Set([
    ...Object.values(map.columns),
    ...Object.values(map.more).flat(),
    ...Object.values(map.doubled).flat(),
    ...Object.values(map.status),
  ]);
  const known = new Set((KINDS[map.kind].fillsIn?.headers ?? []).map(normaliseHeader));
  return map.headers.filter(
    (h, i) =>
      h !== '' && !used.has(i) && !known.has(normaliseHeader(h)) && !OWN_NOTES.test(normaliseHeader(h)),
  );
}

/** Each field two columns or more fit, the one read and the others, as the sheet heads them. */
export function doubledColumns(map: HeaderMap): DoubledColumn[] {
  return KINDS[map.kind].columns.flatMap(({ key, header }) => {
    const others = map.doubled[key];
    const at = map.columns[key];
    return others && at !== undefined
      ? [{ field: header, read: map.headers[at] ?? '', others: others.map((i) => map.headers[i] ?? '') }]
      : [];
  });
}

/**
 * The kind whose required columns a header has, preferring the one that matches most columns;
 * none when the best reads fewer of the sheet's columns than it leaves unread.
 */
export function detectKind(row: readonly CellValue[]): PushKind | undefined {
  let best: { kind: PushKind; score: number } | undefined;
  for (const kind of PUSH_KINDS) {
    const result = matchHeader(kind, row);
    if (!result.ok) continue;
    const read = Object.keys(result.map.columns).length;
    if (read < unreadColumns(result.map).length) continue;
    const score = read / KINDS[kind].columns.length;
    if (!best || score > best.score) best = { kind, score };
  }
  return best?.kind;
}
