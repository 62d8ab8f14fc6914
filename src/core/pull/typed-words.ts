// What a write says of the rows typed under its table that it took in as the table's own
// (typed-rows.ts): a replace wrote over them, the person's columns beside them staying as typed
// row by row (so beside whichever rows are there now); a merge or append kept them, and a row
// pushed from there is the row Assembled lists for its Assembled ID, not listed again.
import { countText, someOf } from '../count-text';
import type { WriteMode } from '../sheet/write-table';
import type { Written } from './staged-write';

/** A sentence without its full stop; '' when no row was typed under the table. */
export function typedWords(mode: WriteMode, w: Pick<Written, 'typed' | 'listed'>): string {
  const { typed, listed = 0 } = w;
  if (!typed?.rows) return '';
  const one = typed.rows === 1;
  const rows = one
    ? `Row ${countText(typed.from)}`
    : `Rows ${countText(typed.from)} to ${countText(typed.from + typed.rows - 1)}`;
  const taken = `${rows}, typed under the table since its last pull, ${one ? 'was' : 'were'} taken in as ${one ? 'one of its rows' : 'its rows'}`;
  if (mode === 'replace') {
    const them = one ? 'it' : 'them';
    const named = someOf(
      (typed.beside ?? []).map((h) => `"${h}"`),
      3,
      'and',
    );
    const beside = named
      ? `; what you typed beside ${them} (${named}) stays in ${one ? 'that row' : 'those rows'}, now beside whichever row${one ? ' is' : 's are'} there`
      : '';
    return `${taken} and written over: what of ${them} Assembled holds is listed with the rest${beside}`;
  }
  if (!listed) return taken;
  const [its, is] = listed === 1 ? ['its', 'is'] : ['their', 'are'];
  const done =
    mode === 'merge'
      ? `updated in place from the row Assembled lists for ${its} Assembled ID, what you typed beside ${listed === 1 ? 'it' : 'them'} kept`
      : `left as ${listed === 1 ? 'it was' : 'they were'}: the row Assembled lists for ${its} Assembled ID is not appended again`;
  return `${taken}; ${countText(listed)} pushed from there ${is} ${done}`;
}
