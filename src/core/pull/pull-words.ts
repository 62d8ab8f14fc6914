// A pull in a few words: its data, range and filters ("Ticket stats report (day), last week,
// filtered: team "Tier 2""), so two refreshes of one report for different teams read apart on
// their cards, in Pull it again and in the log.
import { someOf } from '../count-text';
import { rangeWords } from '../time/date-range';
import { MAX_NAMED, MAX_NOTE_NAMED, type NamedList } from './catalogue';
import { type FilterNames, type PullFilters, type PullSpec, sourceLabel } from './pull-spec';

const LISTS: [NamedList, string, string][] = [
  ['queue_ids', 'queue', 'queues'],
  ['team_ids', 'team', 'teams'],
  ['site_ids', 'site', 'sites'],
  ['agent_ids', 'agent', 'agents'],
  ['activity_type_ids', 'activity type', 'activity types'],
];

/**
 * The filters of one value, each with the words it is said after ("status approved"), and those
 * notes said before. A channel picks the agents who work it, with all their activities (catalogue.ts
 * CHANNEL_HINT): "channel chat" read as its activities alone.
 */
const VALUES: [keyof PullFilters, string, string?][] = [
  ['status', 'status'],
  ['channel', 'agents on channel', 'channel'],
  ['schedule_id', 'schedule'],
  ['priority_order', 'platforms'],
];

/**
 * '' without filters. A short list is named when `names` has a name for each of its ids ("teams
 * "Tier 1" and "Tier 2""), else counted ("12 agents"): these words fit on a card and a log line.
 */
export function filterWords(filters: PullFilters, names: FilterNames = {}): string {
  const words = eachFilter(filters, names);
  return words.length ? `filtered: ${words.join(', ')}` : '';
}

/** Each filter in force, in those words: what the Pull form says beside Pull data. */
export function eachFilter(filters: PullFilters, names: FilterNames = {}): string[] {
  const words: string[] = [];
  for (const [key, one, many] of LISTS) {
    const n = filters[key]?.length ?? 0;
    const named = names[key];
    if (n > 0 && n <= MAX_NAMED && named?.length === n)
      words.push(
        `${n === 1 ? one : many} ${someOf(
          named.map((name) => `"${name}"`),
          n,
          'and',
        )}`,
      );
    else if (n > 0) words.push(`${n} ${n === 1 ? one : many}`);
  }
  return [...words, ...valueWords(filters)];
}

const valueWords = (filters: PullFilters) =>
  VALUES.flatMap(([key, word]) => (filters[key] ? [`${word} ${filters[key]}`] : []));

/**
 * Each filter in force as a table's header note says it: in the words above, the names a person
 * knows first, then the ids Assembled knows them by (team "Tier 1 EMEA" (2796c04c-…)), every name
 * saved (the first MAX_NOTE_NAMED) where the log counts more than a few. Where the note led with
 * the raw key and ids (team_ids=2796c04c-… ("Tier 1 EMEA")), the name was hard to find (QA).
 */
export function filtersNoted(filters: PullFilters, names: FilterNames = {}): string[] {
  const noted: string[] = [];
  for (const [key, one, many] of LISTS) {
    const ids = filters[key] ?? [];
    if (!ids.length) continue;
    const kind = ids.length === 1 ? one : many;
    const kept = Math.min(ids.length, MAX_NOTE_NAMED);
    const named = names[key];
    const more = ids.length > kept ? ` and ${ids.length - kept} more` : '';
    const who =
      named?.length === kept
        ? `${kind} ${named.map((n) => `"${n}"`).join(', ')}${more}`
        : `${ids.length} ${kind}`;
    noted.push(`${who} (${ids.join(',')})`);
  }
  return [...noted, ...valueWords(filters)];
}

/**
 * The filter a note's entry (filtersNoted) is of, or of a note written before, "key=value";
 * undefined for words of neither.
 */
export function notedFilter(entry: string): keyof PullFilters | undefined {
  const raw = /^(\w+)=/.exec(entry)?.[1];
  if (raw) return raw as keyof PullFilters;
  // Before the lists: "agents on channel chat" is no agents' names.
  const value = VALUES.find(([, ...words]) => words.some((word) => word && entry.startsWith(`${word} `)));
  if (value) return value[0];
  const kind = entry.replace(/^\d+ /, '');
  return LISTS.find(([, one, many]) => kind.startsWith(`${one} `) || kind.startsWith(`${many} `))?.[0];
}

/**
 * The filters a pull that found nothing went out with, as they may be why (one kept from the data
 * chosen before, ticked far up its list): "2 agents picked under Filters"; '' with none.
 */
export function filtersPicked(spec: Pick<PullSpec, 'filters' | 'filterNames'>, refresh: boolean): string {
  const words = eachFilter(spec.filters, spec.filterNames);
  if (!words.length) return '';
  return `${someOf(words, words.length, 'and')} ${refresh ? "(the refresh's filters)" : 'picked under Filters'}`;
}

/** How to pull without them: the button beside Pull data (showInForce in the sidebar). */
export const CLEAR_FILTERS = 'Clear filters, beside Pull data, takes them off';

/** The pull as a card and Pull it again name it; its range as saved (relative or fixed). */
export function pullWords(spec: PullSpec): string {
  return [sourceLabel(spec.source), rangeWords(spec.range), filterWords(spec.filters, spec.filterNames)]
    .filter(Boolean)
    .join(', ');
}
