// The agents a picker offers: by full name, and where two people share a name, each with their
// email beside it so that the right one can be chosen, as a pull names them (namesakes.ts). People
// deleted in Assembled are still offered (a pull of last year names them, and a filter saved with
// one shows its name), marked "(deleted)" and listed after the current ones (sortChoices).
import type { Person } from '../assembled';
import { peopleNames } from './namesakes';
import type { Choice } from './pull-view';

export function agentChoices(people: readonly Person[]): Choice[] {
  const names = peopleNames(people, (p) => p.agent_id);
  return people.flatMap((p) => {
    if (!p.agent_id) return [];
    const label = names.get(p.agent_id) || p.agent_id;
    return [
      p.deleted
        ? { id: p.agent_id, name: `${label} (deleted)`, deleted: true as const }
        : { id: p.agent_id, name: label },
    ];
  });
}

/** By name, as a picker lists them, with deleted people after the current ones. */
export const sortChoices = (choices: Choice[]): Choice[] =>
  choices.sort((a, b) => Number(!!a.deleted) - Number(!!b.deleted) || a.name.localeCompare(b.name));
