// Append and merge add to the table a sheet holds: rows of another source, or of the same report
// at another granularity (days among weeks), would sit in one table and a total over it would
// count the same time twice. Such a pull is refused before Assembled is asked for anything.
import { InputError } from '../validation';
import { type PullSpec, sourceLabel } from './pull-spec';
import { targetSheet } from './pull-target';
import type { TargetNow } from './target-now';

export function refuseMixing(spec: PullSpec, now: TargetNow | undefined): void {
  if (spec.mode === 'replace' || !now) return;
  const wanted = sourceLabel(spec.source);
  if (now.held === undefined || now.held === wanted) return;
  const verb = spec.mode === 'append' ? 'Appending' : 'Merging';
  throw new InputError('Pull', [
    `"${targetSheet(spec.target)}" holds ${now.held}, not ${wanted}. ${verb} would mix the two in one table: pull into another sheet, or choose Replace it`,
  ]);
}
