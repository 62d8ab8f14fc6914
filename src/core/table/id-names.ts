// Columns that hold ids, each with the column of names put beside it (pull/with-names.ts fills
// them; column-order.ts places each right after its ids, so "Agent ID" is followed by its name).
import { lookedUpFrom } from './column-words';

export const NAME_COLUMN: Readonly<Record<string, string>> = {
  agent_id: 'agent_name',
  approver_id: 'approver_name',
  queue_id: 'queue_name',
  team_id: 'team_name',
  site_id: 'site_name',
  parent_id: 'parent_name',
  requirement_type_id: 'requirement_type_name',
  // A person's own site, teams, queues and roles are ids under these names.
  site: 'site_name',
  teams: 'team_names',
  queues: 'queue_names',
  role: 'role_name',
  roles: 'role_names',
  // An activity's type (its name comes with the activity: schedule-records.ts).
  type_id: 'activity_type',
  // A requirement type's activity types.
  activity_type_ids: 'activity_type_names',
};

/**
 * Each id column among `keys` whose name column is there too, with that name column; a name
 * column named by two ids (a site's, site and site_id) goes with the first.
 */
export function pairedNames(keys: readonly string[]): Map<string, string> {
  const present = new Set(keys);
  const paired = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of keys) {
    const name = NAME_COLUMN[key];
    if (name && present.has(name) && !taken.has(name)) {
      paired.set(key, name);
      taken.add(name);
    }
  }
  return paired;
}

/**
 * What a header note says a name column holds: Assembled sends ids, and the add-on looks their
 * names up, so the note names no API field for it ("Team names = names of teams, looked up").
 */
export const lookedUp = (id: string, name: string): string =>
  lookedUpFrom(name.endsWith('_names') ? 'names' : 'name', id);

/** The same, of a name column a reply may carry itself (with-names.ts keeps it as it came). */
export const sentOrLookedUp = (name: string, made: string): string =>
  `${name}, as Assembled sends it (where a reply has none, the ${made})`;
