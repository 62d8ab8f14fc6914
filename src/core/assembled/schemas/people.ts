import * as z from 'zod/mini';
import type { Person } from '../model';
import { collection, flag, idList, paging, text, when } from './common';

const platformId = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((v) => String(v)),
);

export const person: z.ZodMiniType<Person> = z.object({
  id: z.string(),
  agent_id: text,
  first_name: text,
  last_name: text,
  email: text,
  timezone: text,
  imported_id: text,
  role: text,
  roles: idList,
  channels: idList,
  site: text,
  teams: idList,
  queues: idList,
  skills: idList,
  platforms: z._default(z.record(z.string(), platformId), {}),
  start_date: when,
  end_date: when,
  created_at: when,
  deleted: flag,
  staffable: flag,
});

export const peoplePage = z.object({ people: collection(person), ...paging });
