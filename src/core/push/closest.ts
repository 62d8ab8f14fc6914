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

/**
 * Edit distance with two neighbouring letters swapped counted as one edit, the commonest slip of
 * the fingers ("zendeks"), which Levenshtein counts as two.
 */
function edits(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  // Two edits between texts of one length: a swap when the first two letters that differ are.
  const at = [...a].findIndex((ch, i) => ch !== b[i]);
  return a[at] === b[at + 1] && a[at + 1] === b[at] ? 1 : d;
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
