// "Existing sheet" names a sheet the pull's table starts at A1 of. Writing into it is right for a
// table the add-on pulled there before (its header note, or the block it recorded) or an empty
// sheet; a sheet of the user's own (KPIs, notes, formulas) would be written over from A1, so it is
// refused before anything is asked or written, whatever the mode.
import { InputError } from '../validation';
import type { PullSpec } from './pull-spec';
import type { TargetNow } from './target-now';

export function refuseOwnSheet(spec: PullSpec, now: TargetNow | undefined): void {
  if (spec.target.kind !== 'sheet' || !now) return;
  if (now.used.rows === 0 || now.used.cols === 0 || now.held !== undefined || now.recorded) return;
  throw new InputError('Pull', [
    `"${now.sheet}" holds data the add-on did not pull, which a pull would write over. Choose a new sheet, or clear "${now.sheet}" first if what it holds may go`,
  ]);
}
