// The client as one pull or sync uses it: the people list read once, however many lookups need it
// (the names beside ids, the agents' time zones), whichever comes first.
import type { AssembledClient } from './client';

export function peopleOnce(client: AssembledClient): AssembledClient {
  let people: ReturnType<AssembledClient['listPeople']> | undefined;
  return {
    ...client,
    listPeople: () => {
      people ??= client.listPeople();
      return people;
    },
  };
}
