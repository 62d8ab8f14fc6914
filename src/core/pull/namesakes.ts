// Two people who share a name are told apart by e-mail, "Ava Smith (ava.smith@example.com)",
// wherever the add-on names them (a sheet's name columns, the schedule grid, the agent picker):
// a pivot by name would add their rows together, and a push reads the pair back (push/agents.ts).
// Names are compared as a push looks them up (agentKey), and everyone listed counts, deleted people
// too: a pull of last year names them.
import type { Person } from '../assembled';
import { agentKey, fullName } from '../push/agents';

type Key = (p: Person) => string | null;

/** Only the namesakes among `people`, by `key`, each as "Name (email)". */
export function namesakes(people: readonly Person[], key: Key): Map<string, string> {
  const count = new Map<string, number>();
  for (const p of people) {
    const name = agentKey(fullName(p));
    if (name) count.set(name, (count.get(name) ?? 0) + 1);
  }
  const told = new Map<string, string>();
  for (const p of people) {
    const id = key(p);
    const name = fullName(p);
    if (id && p.email && (count.get(agentKey(name)) ?? 0) > 1) told.set(id, `${name} (${p.email})`);
  }
  return told;
}

/** Everyone by `key`: their full name, else their email; a namesake's with their email beside it. */
export function peopleNames(people: readonly Person[], key: Key): Map<string, string> {
  const told = namesakes(people, key);
  const names = new Map<string, string>();
  for (const p of people) {
    const id = key(p);
    if (id) names.set(id, told.get(id) ?? (fullName(p) || p.email || ''));
  }
  return names;
}
