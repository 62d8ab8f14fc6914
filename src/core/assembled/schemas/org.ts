// Roles, teams, sites, queues and skills: id-keyed maps in the live dialect, arrays in the seed one.
import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import type { Queue, Role, Site, Skill, Team } from '../model';
import { collection, idList, paging, text, time } from './common';

export const role: z.ZodMiniType<Role> = /* @__PURE__ */ lazy(() =>
  z.object({ id: z.string(), name: text, permissions: idList }),
);
/** Present only when the reply carries it: no empty column for a field the live service never sends. */
const optionalText = /* @__PURE__ */ lazy(() => z.optional(z.nullable(z.string())));
const optionalTime = /* @__PURE__ */ lazy(() => z.optional(z.nullable(time)));

const node = {
  id: /* @__PURE__ */ lazy(() => z.string()),
  name: text,
  parent_id: text,
  created_at: optionalTime,
  updated_at: optionalTime,
};

/** zod keeps an optional key that came as undefined; drop it so absent means absent. */
function present<T extends object>(v: T): T {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as T;
}

export const team: z.ZodMiniType<Team> = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.object({ ...node, site_id: optionalText }),
    z.transform((v) => present<Team>(v)),
  ),
);
export const site: z.ZodMiniType<Site> = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.object({ ...node, timezone: optionalText }),
    z.transform((v) => present<Site>(v)),
  ),
);
export const queue: z.ZodMiniType<Queue> = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.object({ ...node, channel: optionalText }),
    z.transform((v) => present<Queue>(v)),
  ),
);
export const skill: z.ZodMiniType<Skill> = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.object(node),
    z.transform((v) => present<Skill>(v)),
  ),
);

export const rolesPage = /* @__PURE__ */ lazy(() => z.object({ roles: collection(role), ...paging }));
export const teamsPage = /* @__PURE__ */ lazy(() => z.object({ teams: collection(team), ...paging }));
export const sitesPage = /* @__PURE__ */ lazy(() => z.object({ sites: collection(site), ...paging }));
export const queuesPage = /* @__PURE__ */ lazy(() => z.object({ queues: collection(queue), ...paging }));
export const skillsPage = /* @__PURE__ */ lazy(() => z.object({ skills: collection(skill), ...paging }));
