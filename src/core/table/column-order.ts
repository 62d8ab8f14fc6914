// A stable, readable column order: the record's own id and name, then other ids, each followed
// by its names, then names, then the rest as first seen, a nested object's fields together. Stable so that a refresh lines up with the
// columns it wrote last time.
import { NAME_COLUMN } from './id-names';

const NAMES = new Set(['name', 'first_name', 'last_name', 'email']);

function rank(key: string): number {
  if (key === 'id') return 0;
  if (key === 'name') return 1;
  if (key.endsWith('_id') || key.endsWith('.id')) return 2;
  if (NAMES.has(key) || key.endsWith('_name') || key.endsWith('.name')) return 3;
  return 4;
}

export function orderColumns(keysInFirstSeenOrder: readonly string[]): string[] {
  const present = new Set(keysInFirstSeenOrder);
  // A name column goes right after the first id column it names.
  const paired = new Map<string, string>();
  for (const key of keysInFirstSeenOrder) {
    const name = NAME_COLUMN[key];
    if (name && present.has(name) && ![...paired.values()].includes(name)) paired.set(key, name);
  }
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
      return { key, seen, first, rank: r };
    })
    .sort((a, b) => a.rank - b.rank || a.first - b.first || a.seen - b.seen)
    .flatMap((c) => {
      const name = paired.get(c.key);
      return name ? [c.key, name] : [c.key];
    });
}
