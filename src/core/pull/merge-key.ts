// The key columns a merge by key is typed with, checked before a pull starts: a key that names no
// column would otherwise be found wanting only after the report was generated.
import { wordsFor } from '../table/column-words';

/** A source's key as the sheet's header reads it: "agent_id,start_time" -> "Agent ID, Start". */
export const keyHeaders = (key: string): string =>
  key
    .split(',')
    .map((k) => wordsFor(k.trim()).header)
    .join(', ');

/** Why a typed key cannot be merged by (none named, or a blank between commas); `example` is the source's own. */
export function mergeKeyProblem(mergeKey: string, example: string): string | undefined {
  const names = mergeKey.split(',').map((k) => k.trim());
  if (names.every((k) => k === ''))
    return `Merge by key needs at least one key column: type its header, such as "${example}"`;
  if (names.includes(''))
    return `Merge by key: "${mergeKey.trim()}" has a blank between commas: remove the extra comma`;
  return undefined;
}
