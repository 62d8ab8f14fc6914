// "New sheet" with the name of a sheet already there names that sheet (names are unique). Writing
// into it is right for a table the add-on pulled there before, or an empty sheet; a sheet of the
// user's own (notes, a total, a template) is refused rather than written over without a word.
import { InputError } from '../validation';
import type { PullSpec } from './pull-spec';
import type { TargetNow } from './target-now';

export function refuseTakenName(spec: PullSpec, now: TargetNow | undefined): void {
  if (spec.target.kind !== 'new_sheet' || !now) return;
  if (now.used.rows === 0 || now.used.cols === 0 || now.held !== undefined) return;
  throw new InputError('Pull', [
    `"${now.sheet}" is already a sheet, and holds data the add-on did not pull. Type another name for the new sheet`,
  ]);
}
