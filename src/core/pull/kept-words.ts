// A person's own columns beside a pulled table holding a note per row (row-notes.ts: not a summary
// of the table, nor one formula all down, which follows its row) stay as typed, row by row,
// through a replace, while the table's rows may come in another order (sorted by hand since, or by
// the source): said after a replace (written-words.ts) and before one (the sheet's card in Pull
// data, and the form when Replace is chosen into that sheet), with what keeps them with their rows.
// A scheduled refresh's runs say more (runKeptWords): no one sees them come, and a range resolved
// afresh brings other dates' rows at every run, so its notes are beside the wrong rows, not maybe.
import { someOf } from '../count-text';
import type { PullSpec } from './pull-spec';

/** "The column "Notes"", "The columns "Notes" and "Coach"". */
function columnsNamed(headers: readonly string[]): string {
  const named = someOf(
    headers.map((h) => `"${h}"`),
    3,
    'and',
  );
  return `The column${headers.length === 1 ? '' : 's'} ${named}`;
}

/** `ahead`: said before the replace, of the rows it will bring. Ended by the caller's full stop. */
export function keptWords(headers: readonly string[], ahead = false): string {
  const one = headers.length === 1;
  const [where, moved] = ahead
    ? ['the table', 'the new rows may come in another order']
    : ['it', "the table's rows may have moved"];
  return `${columnsNamed(headers)} beside ${where} ${one ? 'stays' : 'stay'} as typed, row by row, though ${moved}: Merge by key keeps such a column with its rows`;
}

/**
 * Said of a refresh that replaces its table beside such columns: on its card, by each run (its log
 * row), and as the Pull form saves it. A range is resolved afresh at each run, so each run's rows
 * are another period's; a list's are its rows again. Ended by the caller's full stop.
 */
export function runKeptWords(headers: readonly string[], spec: Pick<PullSpec, 'range'>): string {
  const one = headers.length === 1;
  const moved = spec.range
    ? 'each run writes new rows, so notes there no longer match their rows'
    : 'each run writes the rows afresh, in the order Assembled lists them, so a note may end up beside another row';
  return `${columnsNamed(headers)} beside the table ${one ? 'stays' : 'stay'} by row number; ${moved}. Merge by key keeps such a column with its rows`;
}
