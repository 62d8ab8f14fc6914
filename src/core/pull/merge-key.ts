// The key columns a merge by key is typed with, checked before a pull starts: a key that names no
// column would otherwise be found wanting only after the report was generated.
import { looseHeader, missingKeyText } from '../sheet/key-words';
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

/** As a merge matches columns; a header written before words said "<field> (seconds)". */
const loose = (h: string) => looseHeader(h.replace(/ \(seconds\)$/, ''));

/**
 * The key columns a table's `header` has no column for, by header or API field (as write-table.ts
 * finds them), nor the source's own `sourceKey`, which its data always holds. Known before the
 * data is fetched, so a mistyped key is said before Assembled is asked; an empty header (a new
 * sheet) knows of nothing, and the write checks against the data.
 */
function keyNotHeaded(mergeKey: string, header: readonly string[], sourceKey: string): string[] {
  if (header.length === 0) return [];
  const known = new Set(
    [...header, ...sourceKey.split(','), ...keyHeaders(sourceKey).split(', ')].map(loose),
  );
  const names = mergeKey
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  return names.filter((k) => !known.has(loose(k)) && !known.has(loose(wordsFor(k).header)));
}

/** Why a typed key cannot be merged by into a table headed `header`, in words; undefined if it can. */
export function keyNotHeadedText(mergeKey: string, header: readonly string[], sourceKey: string) {
  const missing = keyNotHeaded(mergeKey, header, sourceKey);
  return missing.length ? missingKeyText(missing) : undefined;
}
