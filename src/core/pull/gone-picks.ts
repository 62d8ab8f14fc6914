// Ids picked under Filters that Assembled no longer lists: a queue deleted since a refresh was saved
// with it, or since it was ticked in the form. Sent, such an id fails the whole report (or is
// refused as unknown), or narrows it to nothing without a word; left out, the other picks' rows
// land, and the pull says which picks had none.
import type { AssembledClient } from '../assembled/client';
import { someOf } from '../count-text';
import { MAX_NAMED, MAX_NOTE_NAMED, NAMED_LISTS, type NamedList } from './catalogue';
import type { FilterNames, PullFilters, PullSpec } from './pull-spec';

/** The picks of each list that Assembled's own list did not hold when the job began. */
export type GonePicks = Partial<Record<NamedList, string[]>>;

/** The ids Assembled lists now, for each list a pull picks from. */
const LISTED: Record<NamedList, (client: AssembledClient) => string[]> = {
  queue_ids: (c) => c.listQueues().map((q) => q.id),
  team_ids: (c) => c.listTeams().map((t) => t.id),
  site_ids: (c) => c.listSites().map((s) => s.id),
  // A person deleted in Assembled is still listed (marked deleted): only one no longer there is gone.
  agent_ids: (c) => c.listPeople().flatMap((p) => (p.agent_id ? [p.agent_id] : [])),
  activity_type_ids: (c) => c.listActivityTypes().map((t) => t.id),
};

/** The picks no longer listed; only the lists something is picked from are read. */
export function findGone(client: AssembledClient, filters: PullFilters): GonePicks {
  const gone: GonePicks = {};
  for (const list of NAMED_LISTS) {
    const picked = filters[list];
    if (!picked?.length) continue;
    const listed = new Set(LISTED[list](client));
    const missing = picked.filter((id) => !listed.has(id));
    if (missing.length) gone[list] = missing;
  }
  return gone;
}

/**
 * The filters and their names without the picks gone; undefined when a list lost every pick, so
 * that nothing can match (left empty, the list would filter nothing and the pull take in everyone).
 */
export function inForce(
  spec: Pick<PullSpec, 'filters' | 'filterNames'>,
  gone: GonePicks = {},
): Pick<PullSpec, 'filters' | 'filterNames'> | undefined {
  const filters: PullFilters = { ...spec.filters };
  const names: FilterNames = { ...spec.filterNames };
  for (const list of NAMED_LISTS) {
    const lost = new Set(gone[list] ?? []);
    const picked = spec.filters[list];
    if (!lost.size || !picked) continue;
    const kept = picked.filter((id) => !lost.has(id));
    if (!kept.length) return undefined;
    filters[list] = kept;
    const named = namesOf(picked, spec.filterNames?.[list]);
    if (named) names[list] = kept.map((id) => named.get(id) as string).slice(0, MAX_NOTE_NAMED);
    else delete names[list];
  }
  return { filters, filterNames: names };
}

/** Each id's saved name, when the names were kept for the whole list (pull-spec.ts FilterNames). */
function namesOf(ids: string[], names: string[] | undefined): Map<string, string> | undefined {
  if (!names || ids.length > MAX_NOTE_NAMED || names.length !== ids.length) return undefined;
  return new Map(ids.map((id, i) => [id, names[i] as string]));
}

const WORDS: Record<NamedList, [string, string, string]> = {
  queue_ids: ['queue', 'queues', 'it'],
  team_ids: ['team', 'teams', 'it'],
  site_ids: ['site', 'sites', 'it'],
  agent_ids: ['agent', 'agents', 'them'],
  activity_type_ids: ['activity type', 'activity types', 'it'],
};

/**
 * 'The queue "VIP" picked under Filters is no longer in Assembled: no rows for it.', a sentence for
 * each list with picks gone; '' with none. A pick is named as the pull saved its name, else by its id.
 */
export function goneWords(
  spec: Pick<PullSpec, 'filters' | 'filterNames'>,
  gone: GonePicks = {},
  refresh = false,
): string {
  const where = refresh ? "in the refresh's filters" : 'picked under Filters';
  const sentences: string[] = [];
  for (const list of NAMED_LISTS) {
    const ids = gone[list];
    if (!ids?.length) continue;
    const named = namesOf(spec.filters[list] ?? [], spec.filterNames?.[list]);
    const called = ids.map((id) => (named?.has(id) ? `"${named.get(id)}"` : `ID ${id}`));
    const [one, many, it] = WORDS[list];
    const several = ids.length > 1;
    sentences.push(
      `The ${several ? many : one} ${someOf(called, MAX_NAMED, 'and')} ${where} ${several ? 'are' : 'is'} no longer in Assembled: no rows for ${several ? 'them' : it}.`,
    );
  }
  return sentences.join(' ');
}
