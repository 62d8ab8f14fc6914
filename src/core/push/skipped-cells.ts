// A date cell holds the wall-clock time it shows. Apps Script gives the instant, and one the clocks
// skip (02:30 on a spring-forward night) comes as the instant it is read forward to (03:30), just
// as a 03:30 typed would: only the cell's shown text tells them apart. It is read for the rare
// cell whose instant may be such a time, so the row can say how it was read (parse-row.ts).
import type { Grid } from '../sheet/grid';
import type { CellValue } from '../table/build-table';
import { mayBeSkipped } from '../time/wall-reading';
import { readCellTime } from './cell-time';
import type { HeaderMap } from './header';
import { KINDS } from './kinds';
import type { ParseContext } from './parse-row';

/**
 * A row's cells with each date cell that shows a skipped time (`row`: its sheet row) as the text
 * it shows, which reads as the same instant and says so; the same cells when none does.
 */
export function shownIfSkipped(
  grid: Pick<Grid, 'shown'>,
  map: HeaderMap,
  values: readonly CellValue[],
  row: number,
  ctx: Pick<ParseContext, 'zone' | 'locale'>,
): readonly CellValue[] {
  let shown: CellValue[] | undefined;
  for (const spec of KINDS[map.kind].columns) {
    if (spec.type !== 'datetime') continue;
    for (const at of [map.columns[spec.key], ...(map.more[spec.key] ?? [])]) {
      const v = at === undefined ? undefined : values[at];
      if (at === undefined || !(v instanceof Date) || !mayBeSkipped(v.getTime(), ctx.zone)) continue;
      const text = grid.shown?.(row, at + 1, 1, 1)[0]?.[0] ?? '';
      const read = readCellTime(text, ctx.zone, ctx.locale);
      if (read?.reading?.kind !== 'skipped' || read.ms !== v.getTime()) continue;
      shown ??= [...values];
      shown[at] = text;
    }
  }
  return shown ?? values;
}
