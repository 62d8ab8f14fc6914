// A pull in a few words: its data, range and filters ("Ticket stats report (day), last week,
// filtered: 1 team"), so two refreshes of one report for different teams read apart on their
// cards, in Pull it again and in the log.
import { rangeWords } from '../time/date-range';
import { type PullFilters, type PullSpec, sourceLabel } from './pull-spec';

const LISTS: [keyof PullFilters, string, string][] = [
  ['queue_ids', 'queue', 'queues'],
  ['team_ids', 'team', 'teams'],
  ['site_ids', 'site', 'sites'],
  ['agent_ids', 'agent', 'agents'],
  ['activity_type_ids', 'activity type', 'activity types'],
];

/** '' without filters. */
export function filterWords(filters: PullFilters): string {
  const words: string[] = [];
  for (const [key, one, many] of LISTS) {
    const n = (filters[key] as string[] | undefined)?.length ?? 0;
    if (n > 0) words.push(`${n} ${n === 1 ? one : many}`);
  }
  if (filters.status) words.push(`status ${filters.status}`);
  if (filters.channel) words.push(`channel ${filters.channel}`);
  if (filters.schedule_id) words.push(`schedule ${filters.schedule_id}`);
  if (filters.priority_order) words.push(`platforms ${filters.priority_order}`);
  return words.length ? `filtered: ${words.join(', ')}` : '';
}

/** The pull as a card and Pull it again name it; its range as saved (relative or fixed). */
export function pullWords(spec: PullSpec): string {
  return [sourceLabel(spec.source), rangeWords(spec.range), filterWords(spec.filters)]
    .filter(Boolean)
    .join(', ');
}
