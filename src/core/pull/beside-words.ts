// What a write did in a person's own columns beside its table, over the rows it added: their formula
// columns filled down them, and their cells there that held something, left as they were and now
// beside data rows; or over the rows a replace took away: their formula cleared there (fill-down.ts).
import { countText, someOf } from '../count-text';
import type { Beside, ClearedBeside, LeftBeside } from '../sheet/fill-down';

/** Sentences for the done words, the last ended by the caller's full stop; '' when there is nothing to say. */
export function besideWords(beside: Beside | undefined): string {
  if (!beside) return '';
  const { filled, left, cleared } = beside;
  const fill = filled.length ? `${formulasOf(filled)} filled down the new rows` : '';
  return [fill, left ? leftWords(left) : '', cleared ? clearedWords(cleared) : ''].filter(Boolean).join('. ');
}

/** 'The formula of "Rate" was', 'The formulas of "Rate" and "Hours" were'. */
function formulasOf(headers: readonly string[]): string {
  const one = headers.length === 1;
  const named = someOf(
    headers.map((h) => `"${h}"`),
    3,
    'and',
  );
  return `The formula${one ? '' : 's'} of ${named} ${one ? 'was' : 'were'}`;
}

/**
 * "… was cleared from the rows the table no longer reaches (below row 230)"; a table left with its
 * header alone keeps it in the row under, said so that row is not taken for one missed.
 */
function clearedWords({ headers, end, kept }: ClearedBeside): string {
  const cleared = `${formulasOf(headers)} cleared from the rows the table no longer reaches`;
  if (kept === undefined) return `${cleared} (below row ${countText(end)})`;
  const them = headers.length === 1 ? 'it' : 'them';
  return `${cleared}; row ${countText(kept)} keeps ${them}, to be filled down when rows come back`;
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
