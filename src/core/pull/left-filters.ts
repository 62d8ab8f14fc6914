// The filters the Pull form took from the pull that filled the sheet in front (put in it from the
// sheet's card) are that sheet's, not the person's: chosen for its data, they are left behind
// when other Data is chosen (an adherence sheet's 4 agents cut a Ticket stats pull to their
// tickets alone, said only beside Pull data), and come back with its data, the form as it was on
// it. What the person ticked or typed in the form is theirs and stays, on the data it was chosen for.
import { NAMED_LISTS } from './catalogue';
import type { FilterNames, PullFilters } from './pull-spec';

type Loose = Record<string, string | string[] | undefined>;

/**
 * The form's filters `now`, split: `left` what is as the sheet's pull had it (each of its ids still
 * ticked, a value it had), `own` the rest. One list may hold both: its ids are split.
 */
export function splitFilters(now: PullFilters, pulled: PullFilters): { own: PullFilters; left: PullFilters } {
  const own: Loose = {};
  const left: Loose = {};
  const had = pulled as Loose;
  for (const [key, value] of Object.entries(now as Loose)) {
    if (Array.isArray(value)) {
      const theirs = new Set(had[key] ?? []);
      const mine = value.filter((id) => !theirs.has(id));
      const kept = value.filter((id) => theirs.has(id));
      if (mine.length) own[key] = mine;
      if (kept.length) left[key] = kept;
    } else if (value) (value === had[key] ? left : own)[key] = value;
  }
  return { own: own as PullFilters, left: left as PullFilters };
}

/**
 * Back on the sheet's data, the form is as it was there (`had`): of what it holds `now`, those
 * ticked for the other data meanwhile that the sheet's data `takes` (others go at any change of
 * Data), to say they are not kept.
 */
export function tickedAway(now: PullFilters, had: PullFilters, takes: readonly string[]): PullFilters {
  const { own } = splitFilters(now, had);
  return Object.fromEntries(Object.entries(own).filter(([key]) => takes.includes(key))) as PullFilters;
}

/**
 * The names of `filters`' ids from those known (each list's names in the order of its ids); a list
 * with an id of no known name gets none, and is counted rather than named (pull-words.ts).
 */
export function namesOf(
  filters: PullFilters,
  known: readonly { filters: PullFilters; names?: FilterNames | undefined }[],
): FilterNames {
  const out: FilterNames = {};
  for (const list of NAMED_LISTS) {
    const ids = filters[list];
    if (!ids?.length) continue;
    const byId = new Map<string, string>();
    for (const k of known)
      (k.filters[list] ?? []).forEach((id, i) => {
        const name = k.names?.[list]?.[i];
        if (name !== undefined) byId.set(id, name);
      });
    const names = ids.map((id) => byId.get(id));
    if (names.every((n) => n !== undefined)) out[list] = names as string[];
  }
  return out;
}
