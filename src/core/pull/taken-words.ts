// What Pull data says under a new sheet's name that a sheet has already (names are unique whatever
// their case): the pull writes into that sheet, so the form says how before anything is written.
// Where the form knows the sheet holds other data than the Data chosen, that comes first: a replace
// of it is asked about (other-source.ts), an append or merge refused (mixed-target.ts).
import { mixesWith } from './mixed-target';
import { isOtherSource } from './other-source';
import { type PullSource, type PullSpec, sourceLabel } from './pull-spec';

export interface TakenName {
  /** The sheet's name as its tab shows it. */
  sheet: string;
  /** The form's "If the target has data", and its option's words ("replace it"). */
  mode: PullSpec['mode'];
  how: string;
  /** The Data chosen. */
  source: PullSource;
  /** What the form knows the sheet holds, as its header note names it (sourceLabel); undefined if unknown. */
  held?: string;
  /** The sheet is the one the pull shown just made. */
  made: boolean;
}

export function takenWords({ sheet, mode, how, source, held, made }: TakenName): string {
  const another = made ? 'Type another name for another new sheet.' : 'Type another name for a new sheet.';
  const wanted = sourceLabel(source);
  if (held !== undefined && mode === 'replace' && isOtherSource(held, source))
    return `"${sheet}" holds ${held}: pulling ${wanted} there asks first, then replaces it. ${another}`;
  if (held !== undefined && mode !== 'replace' && mixesWith(held, source)) {
    const adding = mode === 'append' ? 'appending' : 'merging';
    return `"${sheet}" holds ${held}: ${adding} ${wanted} there is refused, as it would mix the two in one table. Choose Replace it, or type another name for a new sheet.`;
  }
  return made
    ? `"${sheet}" holds the rows this pull just wrote: Pull data writes into it again (${how}). ${another}`
    : `"${sheet}" is already a sheet: this pull writes into it (${how}) if it is empty or holds a table the add-on pulled, else it is refused. ${another}`;
}
