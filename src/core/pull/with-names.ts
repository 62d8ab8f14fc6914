// Assembled names agents, queues, teams, sites, roles, types and parents by id; an analyst reads names. The
// names are looked up once per pull (only the lists a pull's rows need) and put beside the ids; an
// id with no match keeps an empty name. A name the reply already carries is left as it came, save a
// namesake's, which is told apart by email as everywhere else (namesakes.ts).
import type { AssembledClient } from '../assembled/client';
import { NAME_COLUMN } from '../table/id-names';
import { namesakes, peopleNames } from './namesakes';

type Row = Record<string, unknown>;

type Names = Map<string, string>;

const byId = (list: readonly { id: string; name: string | null }[]): Names =>
  new Map(list.map((x) => [x.id, x.name ?? ''] as const));

/** Where the names of each id column come from (the name columns themselves: table/id-names.ts). */
function lookups(
  client: AssembledClient,
  parents: Names | undefined,
): { all: Record<string, () => Names>; told: Record<string, () => Names> } {
  // Each list is read at most once per pull, and only if some column needs it.
  const once = (read: () => Names) => {
    let names: Names | undefined;
    return () => {
      names ??= read();
      return names;
    };
  };
  let people: ReturnType<AssembledClient['listPeople']> | undefined;
  const everyone = () => {
    people ??= client.listPeople();
    return people;
  };
  const agents = once(() => peopleNames(everyone(), (p) => p.agent_id));
  const queues = once(() => byId(client.listQueues()));
  const teams = once(() => byId(client.listTeams()));
  const sites = once(() => byId(client.listSites()));
  const roles = once(() => byId(client.listRoles()));
  const all = {
    agent_id: agents,
    approver_id: once(() => peopleNames(everyone(), (p) => p.id)),
    queue_id: queues,
    team_id: teams,
    site_id: sites,
    requirement_type_id: once(() => byId(client.listRequirementTypes())),
    site: sites,
    teams,
    queues,
    role: roles,
    roles,
    activity_type_ids: once(() => byId(client.listActivityTypes())),
    ...(parents ? { parent_id: () => parents } : {}),
  };
  // Where a reply names people itself: only the namesakes, to tell apart.
  const told = {
    agent_id: once(() => namesakes(everyone(), (p) => p.agent_id)),
    approver_id: once(() => namesakes(everyone(), (p) => p.id)),
  };
  return { all, told };
}

function nameOf(value: unknown, names: Names): string {
  if (Array.isArray(value)) return value.map((v) => names.get(String(v)) ?? '').join(', ');
  return typeof value === 'string' || typeof value === 'number' ? (names.get(String(value)) ?? '') : '';
}

/**
 * Puts a name column after each id column the rows carry: agent_name after agent_id, queue_name
 * after queue_id, parent_name after parent_id (teams, sites, queues and skills: their parents are
 * among the rows themselves), and so on.
 */
export function withNames(client: AssembledClient, rows: readonly Row[]): Row[] {
  const isTree = rows.length > 0 && rows.every((r) => typeof r.id === 'string' && 'parent_id' in r);
  const parents = isTree
    ? new Map(rows.map((r) => [String(r.id), String(r.name ?? '')] as const))
    : undefined;
  const { all, told } = lookups(client, parents);
  const names = new Map<string, { column: string; names: Names }>();
  const namesakeNames = new Map<string, { column: string; names: Names }>();
  for (const [key, read] of Object.entries(all)) {
    const column = NAME_COLUMN[key] as string;
    const carried = rows.some((r) => r[key] !== undefined && r[key] !== null && r[key] !== '');
    // A reply that names them already (the live condensed timeline's agent_name, an activity's
    // agent) is kept as it came, but for namesakes.
    const named = rows.some((r) => r[column] !== undefined);
    const tell = told[key];
    if (carried && !named) names.set(key, { column, names: read() });
    else if (carried && tell) namesakeNames.set(key, { column, names: tell() });
  }
  if (names.size === 0 && namesakeNames.size === 0) return [...rows];
  return rows.map((row) => {
    const out: Row = {};
    for (const [key, value] of Object.entries(row)) {
      out[key] = value;
      const lookup = names.get(key);
      if (lookup && value !== undefined && value !== null) out[lookup.column] = nameOf(value, lookup.names);
    }
    for (const [key, lookup] of namesakeNames) {
      const name = lookup.names.get(String(row[key]));
      if (name) out[lookup.column] = name;
    }
    return out;
  });
}
