// Rules across a sheet's rows: time spans of one group (an agent's activities in a schedule, an
// agent's states from one platform, an agent's time off) that overlap, and refusing a row that
// parsed but breaks one.
import type { SheetRow } from './sheet-rows';

export interface Span {
  row: SheetRow;
  start: number;
  end: number;
  /** Two spans that both allow it may overlap. */
  allow?: boolean;
}

/** Each row whose span overlaps another in its group, with the sheet rows it overlaps, in order. */
export function overlapsWithin(groups: Iterable<Span[]>): Map<SheetRow, number[]> {
  const clashes = new Map<SheetRow, number[]>();
  const note = (a: SheetRow, b: SheetRow) => clashes.set(a, [...(clashes.get(a) ?? []), b.row]);
  for (const list of groups) {
    list.sort((a, b) => a.start - b.start);
    list.forEach((a, i) => {
      for (let j = i + 1; j < list.length && (list[j] as Span).start < a.end; j++) {
        const b = list[j] as Span;
        if (a.allow && b.allow) continue;
        note(a.row, b.row);
        note(b.row, a.row);
      }
    });
  }
  for (const others of clashes.values()) others.sort((a, b) => a - b);
  return clashes;
}

/** "row 4" or "rows 4, 9". */
export const rowsText = (rows: readonly number[]): string =>
  `row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}`;

/**
 * A row that parsed on its own but breaks a rule across rows: it is not sent. A row breaking two
 * such rules (a platform ID clashing both ways) says both.
 */
export function refuseRow(row: SheetRow, problem: string): void {
  const before = row.parse?.ok === false ? row.parse.problems : [];
  row.parse = { ok: false, problems: [...before, problem] };
  delete row.fp;
}
