// What a BigQuery table the add-on loaded holds: its description says it in the words of a pulled
// sheet's header note (source-note.ts), so an append or merge of other data there is refused as it
// is into a sheet (mixed-target.ts): two reports in one table, widened to the columns of both.
// A table with no such description (made by hand, or before this) is not known, and not refused.
import { mixesWith } from '../pull/mixed-target';
import { type PullSource, sourceLabel } from '../pull/pull-spec';
import { pulledFrom, sourceLine } from '../pull/source-note';

/** The description of a table holding rows of `source`. */
export const tableDescription = (source: PullSource): string => sourceLine(sourceLabel(source));

/** What a table holds by its description; undefined when it does not say. */
export const tableHolds = (description: string | undefined): string | undefined =>
  pulledFrom(description ?? '');

/** Why an append or merge into `label` is refused before any row is loaded: it holds other data. */
export function mixingWords(
  label: string,
  mode: 'replace' | 'append' | 'merge',
  description: string | undefined,
  source: PullSource,
): string | undefined {
  const held = tableHolds(description);
  if (mode === 'replace' || held === undefined || !mixesWith(held, source)) return undefined;
  const adding = mode === 'append' ? 'appending' : 'merging';
  return `Nothing was loaded: ${label} holds ${held} rows, not ${sourceLabel(source)}, and ${adding} would mix the two in one table. Choose another table, or Replace it.`;
}
