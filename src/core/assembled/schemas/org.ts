// Roles, teams, sites and queues: id-keyed maps in the live dialect, arrays in the seed one.
import * as z from 'zod/mini';
import type { Queue, Role, Site, Team } from '../model';
import { collection, idList, paging, text } from './common';

export const role: z.ZodMiniType<Role> = z.object({ id: z.string(), name: text, permissions: idList });
export const team: z.ZodMiniType<Team> = z.object({
  id: z.string(),
  name: text,
  parent_id: text,
  site_id: text,
});
export const site: z.ZodMiniType<Site> = z.object({
  id: z.string(),
  name: text,
  parent_id: text,
  timezone: text,
});
export const queue: z.ZodMiniType<Queue> = z.object({
  id: z.string(),
  name: text,
  parent_id: text,
  channel: text,
});

export const rolesPage = z.object({ roles: collection(role), ...paging });
export const teamsPage = z.object({ teams: collection(team), ...paging });
export const sitesPage = z.object({ sites: collection(site), ...paging });
export const queuesPage = z.object({ queues: collection(queue), ...paging });
