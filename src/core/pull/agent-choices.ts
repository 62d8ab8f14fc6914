// The agents a picker offers: by full name, and where two people share a name, each with their
// email beside it so that the right one can be chosen. People deleted in Assembled are still
// offered (a pull of last year names them, and a filter saved with one shows its name), marked
// "(deleted)" and listed after the current ones (sortChoices).
import type { Person } from '../assembled';
import type { Choice } from './pull-view';

export function agentChoices(people: readonly Person[]): Choice[] {
  const agents = people.filter((p) => p.agent_id);
  const nameOf = (p: Person) => [p.first_name, p.last_name].filter(Boolean).join(' ');
  const count = new Map<string, number>();
  for (const p of agents) {
    const key = nameOf(p).toLowerCase();
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return agents.map((p) => {
    const name = nameOf(p);
    const shared = (count.get(name.toLowerCase()) ?? 0) > 1;
    const label = !name
      ? p.email || (p.agent_id as string)
      : shared && p.email
        ? `${name} (${p.email})`
        : name;
    return p.deleted
      ? { id: p.agent_id as string, name: `${label} (deleted)`, deleted: true as const }
      : { id: p.agent_id as string, name: label };
  });
}

/** By name, as a picker lists them, with deleted people after the current ones. */
export const sortChoices = (choices: Choice[]): Choice[] =>
  choices.sort((a, b) => Number(!!a.deleted) - Number(!!b.deleted) || a.name.localeCompare(b.name));
