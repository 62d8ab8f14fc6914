// Assembled names agents, queues, teams, sites, roles, types and parents by id; an analyst reads names. The
// names are looked up once per pull (only the lists a pull's rows need) and put beside the ids; an
// id with no match keeps an empty name. A name the reply already carries is left as it came.
import type { AssembledClient } from '../assembled/client';
import { NAME_COLUMN } from '../table/id-names';

type Row = Record<string, unknown>;

function fullName(p: { first_name: string | null; last_name: string | null; email: string | null }): string {
  return [p.first_name, p.last_name].filter(Boolean).join(' ') || p.email || '';
}

type Names = Map<string, string>;
type Person = ReturnType<AssembledClient['listPeople']>[number];

/**
 * People by `key`, named; two people of one name are told apart by email, as the push's "did you
 * mean" tells them ("Ava Smith (ava.smith@…)"): a pivot by name would add their rows together.
 */
function peopleNames(people: readonly Person[], key: (p: Person) => string | null): Names {
  const named = people.map((p) => ({ p, name: fullName(p) }));
  const count = new Map<string, number>();
  for (const { name } of named) count.set(name, (count.get(name) ?? 0) + 1);
  const names: Names = new Map();
  for (const { p, name } of named) {
    const id = key(p);
    if (id)
      names.set(
        id,
        (count.get(name) ?? 0) > 1 && p.email && p.email !== name ? `${name} (${p.email})` : name,
      );
  }
  return names;
}
const byId = (list: readonly { id: string; name: string | null }[]): Names =>
  new Map(list.map((x) => [x.id, x.name ?? ''] as const));

/** Where the names of each id column come from (the name columns themselves: table/id-names.ts). */
function lookups(client: AssembledClient, parents: Names | undefined): Record<string, () => Names> {
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
  return {
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
  const all = lookups(client, parents);
  const names = new Map<string, { column: string; names: Names }>();
  for (const [key, read] of Object.entries(all)) {
    const column = NAME_COLUMN[key] as string;
    const carried = rows.some((r) => r[key] !== undefined && r[key] !== null && r[key] !== '');
    // A reply that names them already (the live condensed timeline's agent_name) is kept as it came.
    const named = rows.some((r) => r[column] !== undefined);
    if (carried && !named) names.set(key, { column, names: read() });
  }
  if (names.size === 0) return [...rows];
  return rows.map((row) => {
    const out: Row = {};
    for (const [key, value] of Object.entries(row)) {
      out[key] = value;
      const lookup = names.get(key);
      if (lookup && value !== undefined && value !== null) out[lookup.column] = nameOf(value, lookup.names);
    }
    return out;
  });
}
