// A table that starts at A1 of a sheet (a new sheet's name that is already a sheet's, an Existing
// sheet, the active cell at A1) may write into it when it holds a table the add-on pulled there
// before (its header note, or the block it recorded) or nothing at all. A sheet of the user's own
// (KPIs, notes, formulas) would be written over from A1, so it is refused before anything is asked
// or written, whatever the mode.
import { InputError } from '../validation';
import type { PullSpec } from './pull-spec';
import type { TargetNow } from './target-now';

export function refuseOwnSheet(spec: PullSpec, now: TargetNow | undefined): void {
  const { target } = spec;
  const atA1 =
    target.kind === 'new_sheet' || target.kind === 'sheet' || (target.kind === 'cell' && target.a1 === 'A1');
  if (!atA1 || !now) return;
  if (now.used.rows === 0 || now.used.cols === 0 || now.held !== undefined || now.recorded) return;
  throw new InputError('Pull', [
    target.kind === 'new_sheet'
      ? `"${now.sheet}" is already a sheet, and holds data the add-on did not pull. Type another name for the new sheet`
      : `"${now.sheet}" holds data the add-on did not pull, which a pull would write over. Choose a new sheet, or clear "${now.sheet}" first if what it holds may go`,
  ]);
}
