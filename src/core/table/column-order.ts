// A stable, readable column order: the record's own id and name, then other ids, each followed
// by its names, then names, then the rest as first seen, a nested object's fields together (a
// person's platforms alphabetically). Stable so that a refresh lines up with the columns it wrote
// last time.
import { pairedNames } from './id-names';

const NAMES = new Set(['name', 'first_name', 'last_name', 'email']);

/**
 * Nested objects keyed by data rather than by field (a person's platforms): their order as first
 * seen is whoever is listed first, so it moves from pull to pull; their columns go alphabetically.
 */
const KEYED_BY_DATA = new Set(['platforms']);

/** By name in any case, then by case, so one set of names always comes out in one order. */
const alphabetical = (a: string, b: string) => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** Whether the key is a field of a nested object keyed by data (platforms.zendesk). */
const keyedByData = (key: string) => {
  const dot = key.indexOf('.');
  return dot > 0 && KEYED_BY_DATA.has(key.slice(0, dot));
};

function rank(key: string): number {
  // A platform named like an id ("x_id") is a platform still, with the others.
  if (keyedByData(key)) return 4;
  if (key === 'id') return 0;
  if (key === 'name') return 1;
  if (key.endsWith('_id') || key.endsWith('.id')) return 2;
  if (NAMES.has(key) || key.endsWith('_name') || key.endsWith('.name')) return 3;
  return 4;
}

export function orderColumns(keysInFirstSeenOrder: readonly string[]): string[] {
  // A name column goes right after the first id column it names.
  const paired = pairedNames(keysInFirstSeenOrder);
  const follows = new Set(paired.values());
  // Fields of one nested object stay together (platforms.zendesk, platforms.five9), though a
  // later record brought one first: each of like rank takes the place of the first seen.
  const firsts = new Map<string, number>();
  return keysInFirstSeenOrder
    .filter((key) => !follows.has(key))
    .map((key, seen) => {
      const r = rank(key);
      const dot = key.lastIndexOf('.');
      const group = dot < 0 ? undefined : `${r}:${key.slice(0, dot)}`;
      const first = group === undefined ? seen : (firsts.get(group) ?? seen);
      if (group !== undefined && !firsts.has(group)) firsts.set(group, seen);
      const byName = keyedByData(key);
      return { key, seen, first, rank: r, byName };
    })
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.first - b.first ||
        (a.byName && b.byName ? alphabetical(a.key, b.key) : 0) ||
        a.seen - b.seen,
    )
    .flatMap((c) => {
      const name = paired.get(c.key);
      return name ? [c.key, name] : [c.key];
    });
}
