// A refresh that failed turns its sheet's tab red, so whoever opens the spreadsheet sees which
// sheet holds old rows without hovering over a note; the next good run gives the tab back its
// own colour. A colour someone chose meanwhile is theirs and left alone.
import type { Grid } from '../sheet/grid';

/** Sheets' own red, as its error text is drawn. */
export const FAILED_TAB = '#d93025';

const isRed = (color: string | null | undefined) => color?.toLowerCase() === FAILED_TAB;

/** Turns the tab red; returns the colour it had, or undefined when it was red already. */
export function redTab(grid: Grid): string | null | undefined {
  if (!grid.tabColor || !grid.setTabColor) return undefined;
  const was = grid.tabColor();
  if (isRed(was)) return undefined;
  grid.setTabColor(FAILED_TAB);
  return was;
}

/** Gives the tab back the colour it had, when it is still the red a failed run gave it. */
export function restoreTab(grid: Grid, was: string | null): void {
  if (isRed(grid.tabColor?.())) grid.setTabColor?.(was);
}
