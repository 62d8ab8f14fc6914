// Staffing coverage: per interval, required vs scheduled staff and the gap (scheduled - required:
// below zero is short, above is over), in total (with the types' shortfalls added up apart: Short)
// and per requirement type, as a table a line chart
// can plot directly (time down the first column, totals beside it).
import type { Requirement, RequirementType } from '../assembled';
import { type CellValue, type Column, DATETIME_FORMAT, type Table } from '../table/build-table';

export interface CoverageTable {
  table: Table;
  /** 0-based columns holding a gap. */
  gapColumns: number[];
  /** 0-based columns the chart plots: time, required, scheduled (totals). */
  chartColumns: [number, number, number];
  /** Notes for headers whose numbers need their sign explained, by 0-based column. */
  headerNotes: { col: number; note: string }[];
}

// Short keeps Gap's sign (below zero: short) so that it reads, and is coloured, as a gap; which
// the notes say, since "Short: -3" beside a positive Gap looks wrong until it is explained.
const GAP_NOTE =
  'Gap = Scheduled - Required, in staff. Below zero (red) is short of staff, above zero (blue) is over; ' +
  "each type's Gap reads the same. This total nets types over against types short: Short (all types) counts the shortfalls alone.";
const SHORT_NOTE =
  'Short = the Gaps of the types short of staff, added up: 0 when no type is short, else below zero (red), ' +
  'as a Gap is (-3 is 3 people short). It can be below zero while Gap (all types) is 0 or above: other types are over by as much or more.';

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const round = (n: number) => Math.round(n * 100) / 100;

export function coverageTable(
  requirements: readonly Requirement[],
  types: readonly RequirementType[],
): CoverageTable {
  const used = types.filter((t) => requirements.some((r) => r.requirement_type_id === t.id));
  const index = new Map(used.map((t, i) => [t.id, i]));
  const byStart = new Map<number, { end: number; required: number[]; scheduled: number[] }>();
  for (const r of requirements) {
    const at = index.get(String(r.requirement_type_id));
    const start = num(r.start_time);
    if (at === undefined || !start) continue;
    let slot = byStart.get(start);
    if (!slot) {
      slot = { end: num(r.end_time), required: used.map(() => 0), scheduled: used.map(() => 0) };
      byStart.set(start, slot);
    }
    slot.required[at] = (slot.required[at] ?? 0) + num(r.required);
    slot.scheduled[at] = (slot.scheduled[at] ?? 0) + num(r.scheduled);
  }
  const time = (key: string, header: string): Column => ({
    key,
    header,
    kind: 'datetime',
    numberFormat: DATETIME_FORMAT,
  });
  const columns: Column[] = [time('start', 'Start'), time('end', 'End')];
  // Headers in words, as other pulls have them (coverage is always replaced whole).
  const MEASURES = [
    ['required', 'Required'],
    ['scheduled', 'Scheduled'],
    ['gap', 'Gap'],
  ] as const;
  for (const [key, word] of MEASURES) columns.push({ key, header: `${word} (all types)`, kind: 'number' });
  // The types' shortfalls added up: the total gap nets a queue over against one short, and a lead
  // reading it would miss the shortage (a type with no one scheduled all day behind a total of 0).
  columns.push({ key: 'short', header: 'Short (all types)', kind: 'number' });
  for (const t of used) {
    const name = t.name ?? t.id;
    for (const [what, word] of MEASURES)
      columns.push({ key: `${t.id}.${what}`, header: `${name}: ${word}`, kind: 'number' });
  }
  const rows: CellValue[][] = [...byStart.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, s]) => {
      const required = s.required.reduce((a, b) => a + b, 0);
      const scheduled = s.scheduled.reduce((a, b) => a + b, 0);
      const row: CellValue[] = [
        new Date(start),
        new Date(s.end),
        round(required),
        round(scheduled),
        round(scheduled - required),
        round(
          used.reduce((short, _, i) => short + Math.min(0, (s.scheduled[i] ?? 0) - (s.required[i] ?? 0)), 0),
        ),
      ];
      used.forEach((_, i) => {
        const req = s.required[i] ?? 0;
        const sch = s.scheduled[i] ?? 0;
        row.push(round(req), round(sch), round(sch - req));
      });
      return row;
    });
  // Short is a gap that is never over: coloured as one.
  const gapColumns = columns.flatMap((c, i) =>
    c.key === 'gap' || c.key === 'short' || c.key.endsWith('.gap') ? [i] : [],
  );
  const headerNotes = [
    { col: columns.findIndex((c) => c.key === 'gap'), note: GAP_NOTE },
    { col: columns.findIndex((c) => c.key === 'short'), note: SHORT_NOTE },
  ];
  return { table: { columns, rows }, gapColumns, chartColumns: [0, 2, 3], headerNotes };
}
