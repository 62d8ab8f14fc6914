// A stable, readable column order: the record's own id, then other ids, then names, then the
// rest as first seen. Stable so that a refresh lines up with the columns it wrote last time.

const NAMES = new Set(['name', 'first_name', 'last_name', 'email']);

function rank(key: string): number {
  if (key === 'id') return 0;
  if (key.endsWith('_id') || key.endsWith('.id')) return 1;
  if (NAMES.has(key) || key.endsWith('_name') || key.endsWith('.name')) return 2;
  return 3;
}

export function orderColumns(keysInFirstSeenOrder: readonly string[]): string[] {
  return keysInFirstSeenOrder
    .map((key, seen) => ({ key, seen, rank: rank(key) }))
    .sort((a, b) => a.rank - b.rank || a.seen - b.seen)
    .map((c) => c.key);
}
