import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import type { Person } from '../model';
import { collection, flag, idList, jsonObject, paging, text, when } from './common';

/** Platform name to the person's id there; an id given as a number becomes text. */
const platforms = /* @__PURE__ */ lazy(() =>
  z.pipe(
    jsonObject,
    z.transform((map, ctx) => {
      const ids: Record<string, string> = {};
      for (const [platform, id] of Object.entries(map)) {
        if (typeof id === 'string' || typeof id === 'number') ids[platform] = String(id);
        else
          ctx.issues.push({
            code: 'custom',
            message: 'expected a string or a number',
            input: id,
            path: [platform],
          });
      }
      return ids;
    }),
  ),
);

export const person: z.ZodMiniType<Person> = /* @__PURE__ */ lazy(() =>
  z.object({
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
    platforms: z._default(platforms, {}),
    start_date: when,
    end_date: when,
    created_at: when,
    deleted: flag,
    staffable: flag,
  }),
);

export const peoplePage = /* @__PURE__ */ lazy(() => z.object({ people: collection(person), ...paging }));
