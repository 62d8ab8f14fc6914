// The condensed timeline's priority_order when the user names none: the live service requires one
// (API-FACTS), and no source says what else it would take.
import type { Person } from './model';

/**
 * Every platform the people are on, those most of them are on first (ties by name), then `more`
 * (platforms seen on their states, where the caller read them): with those given, the list leaves
 * out no state of theirs; without, a state on a platform no one holds an ID on is not in it.
 */
export function platformsOf(people: readonly Person[], more: readonly string[] = []): string[] {
  const count = new Map<string, number>();
  for (const p of people)
    for (const platform of Object.keys(p.platforms)) count.set(platform, (count.get(platform) ?? 0) + 1);
  const ranked = [...count]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([platform]) => platform);
  return [...new Set([...ranked, ...more])];
}
