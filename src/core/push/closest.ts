// "Did you mean": the names nearest a misspelt one, by edit distance. Only near misses count (a
// letter or two, more in a long name), so a cell of something else altogether suggests nothing.
import { distance } from 'fastest-levenshtein';

export interface Known {
  /** What the text is compared with: folded as the lookup folds it. */
  key: string;
  /** What is shown: as Assembled holds it. */
  label: string;
}

/** How many edits still count as a near miss of a text this long. */
function allowed(length: number): number {
  return Math.min(3, Math.max(1, Math.floor(length / 4)));
}

/** The letters of a text in order: two texts with the same are the same letters shuffled. */
const letters = (text: string) => [...text].sort().join('');

/**
 * Edit distance with the same letters in another order counted as one edit when Levenshtein counts
 * two: two neighbouring letters swapped, the commonest slip of the fingers ("zendeks"), or a letter
 * typed a place or two early ("brake" for "break").
 */
function edits(a: string, b: string): number {
  const d = distance(a, b);
  return d === 2 && a.length === b.length && letters(a) === letters(b) ? 1 : d;
}

/** The labels at the least distance from `wanted`, when that is a near miss; none otherwise. */
export function closest(wanted: string, known: readonly Known[]): string[] {
  const most = allowed(wanted.length);
  // The least distance so far, and the labels at it (none until one is within `most`).
  let best = most;
  let labels: string[] = [];
  for (const { key, label } of known) {
    // Cheap first: lengths further apart than the edits allowed cannot be near.
    if (Math.abs(key.length - wanted.length) > most) continue;
    const d = edits(wanted, key);
    if (d < best) [best, labels] = [d, [label]];
    else if (d === best && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

/** The question a near miss is asked: 'did you mean "break" or "brb"?'. */
export function didYouMean(near: readonly string[]): string {
  return `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?`;
}
