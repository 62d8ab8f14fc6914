// Where a pull lands. The adapter behind it finds or creates the sheet; core only sees a Grid.
import type { Extent, Grid } from '../sheet/grid';
import type { PullTarget } from './pull-spec';

export interface OpenTarget {
  grid: Grid;
  row: number;
  col: number;
  /** A name for the log and the sidebar, e.g. "People!A1". */
  label: string;
  /** The block the previous pull into this target filled, when one was recorded. */
  previous?: Extent;
  remember(extent: Extent): void;
}

export interface Targets {
  /** Opens (creating a new sheet when asked) the target; throws with a clear message when it is gone. */
  open(target: PullTarget): OpenTarget;
}

export function describeTarget(target: PullTarget): string {
  return target.kind === 'cell' ? `${target.sheet}!${target.a1}` : target.name;
}
