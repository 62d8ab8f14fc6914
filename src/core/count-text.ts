/** A count as the sidebars and messages write it: 20,999 (the same in every locale). */
export const countText = (n: number): string => n.toLocaleString('en-US');

/** A count of things whose plural adds an s: counted('more row')(2) is "2 more rows". */
export const counted =
  (word: string) =>
  (n: number): string =>
    `${countText(n)} ${word}${n === 1 ? '' : 's'}`;

/** A count of rows: "1 row", "20,999 rows". */
export const rowCount = counted('row');

/** A count of agents: "1 agent", "12 agents". */
export const agentCount = counted('agent');

/** A count of activities: "1 activity", "35 activities". */
export const activityCount = (n: number): string => `${countText(n)} ${n === 1 ? 'activity' : 'activities'}`;

/**
 * The first `max` items, then a count of the rest: "a, b, c and 2 more". `last` joins the last of a
 * list shown whole: "a, b or c", "a, b and c".
 */
export function someOf(items: readonly string[], max: number, last?: 'or' | 'and'): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (!last || shown.length < 2) return shown.join(', ');
  return `${shown.slice(0, -1).join(', ')} ${last} ${shown[shown.length - 1]}`;
}
