// What a write did in a person's own columns beside its table, over the rows it added: their formula
// columns filled down them, and their cells there that held something, left as they were and now
// beside data rows (fill-down.ts).
import { countText, someOf } from '../count-text';
import type { Beside, LeftBeside } from '../sheet/fill-down';

/** Sentences for the done words, the last ended by the caller's full stop; '' when there is nothing to say. */
export function besideWords(beside: Beside | undefined): string {
  if (!beside) return '';
  const { filled, left } = beside;
  const one = filled.length === 1;
  const named = someOf(
    filled.map((h) => `"${h}"`),
    3,
    'and',
  );
  const fill = filled.length
    ? `The formula${one ? '' : 's'} of ${named} ${one ? 'was' : 'were'} filled down the new rows`
    : '';
  return [fill, left ? leftWords(left) : ''].filter(Boolean).join('. ');
}

/**
 * "I490 and J490, yours, were left as they were and are now beside data row 490: move them below
 * row 973, then fill …": a cell in a formula column lacks its formula once moved, and a column
 * with a gap is no longer filled down.
 */
function leftWords({ cells, end }: LeftBeside): string {
  const one = cells.length === 1;
  const rows = [...new Set(cells.map((c) => countText(c.row)))];
  const refill = cells.filter((c) => c.refill).map((c) => c.name);
  const then = refill.length
    ? `, then fill ${someOf(refill, 3, 'and')} down from the row above, or the next pull will not fill ${refill.length === 1 ? 'its column' : 'their columns'}`
    : '';
  const [was, is] = one ? ['was left as it was', 'is'] : ['were left as they were', 'are'];
  return `${someOf(
    cells.map((c) => c.name),
    3,
    'and',
  )}, yours, ${was} and ${is} now beside data row${rows.length === 1 ? '' : 's'} ${someOf(rows, 3, 'and')}: move ${one ? 'it' : 'them'} below row ${countText(end)}${then}`;
}
