// A person's own columns beside a pulled table holding a note per row (row-notes.ts: not a summary
// of the table, nor one formula all down, which follows its row) stay as typed, row by row,
// through a replace, while the table's rows may come in another order (sorted by hand since, or by
// the source): said after a replace (written-words.ts) and before one (the sheet's card in Pull
// data, and the form when Replace is chosen into that sheet), with what keeps them with their rows.
import { someOf } from '../count-text';

/** `ahead`: said before the replace, of the rows it will bring. Ended by the caller's full stop. */
export function keptWords(headers: readonly string[], ahead = false): string {
  const one = headers.length === 1;
  const named = someOf(
    headers.map((h) => `"${h}"`),
    3,
    'and',
  );
  const [where, moved] = ahead
    ? ['the table', 'the new rows may come in another order']
    : ['it', "the table's rows may have moved"];
  return `The column${one ? '' : 's'} ${named} beside ${where} ${one ? 'stays' : 'stay'} as typed, row by row, though ${moved}: Merge by key keeps such a column with its rows`;
}
