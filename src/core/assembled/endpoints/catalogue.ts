// The catalogue resources (no published YAML): people, roles, teams, sites, queues, skills,
// requirements, assist conversations.
import type * as z from 'zod/mini';
import type { AssistConversation, Person, Queue, Requirement, Role, Site, Skill, Team } from '../model';
import { PAGE_SIZE, type Page, readAllPages } from '../paging';
import { parseReply, replyOf } from '../parse';
import { assistConversationsPage, requirementsPage } from '../schemas/misc';
import { queuesPage, rolesPage, sitesPage, skillsPage, teamsPage } from '../schemas/org';
import { peoplePage, person } from '../schemas/people';
import type { TimeInput } from '../times';
import {
  commaList,
  type EndpointContext,
  encodePath,
  getWith,
  optionalWireTime,
  wireWindow,
} from './context';

/** A paged list whose records sit under `key`. */
function pagedList<K extends string, T>(
  ctx: EndpointContext,
  path: string,
  key: K,
  schema: z.ZodMiniType<{ [P in K]: T[] } & { total?: number | undefined; limit?: number | undefined }>,
): T[] {
  return readAllPages(
    ctx.transport,
    (offset) => ({
      method: 'GET',
      path,
      query: { limit: PAGE_SIZE, offset },
      parse: (json, endpoint, status): Page<T> => {
        const page = parseReply(schema, json, endpoint, status);
        return { items: page[key], total: page.total, limit: page.limit };
      },
    }),
    PAGE_SIZE,
    { sizes: ctx.pageSizes },
  );
}

export function listPeople(ctx: EndpointContext): Person[] {
  return pagedList(ctx, '/v0/people', 'people', peoplePage);
}

export function getPerson(ctx: EndpointContext, id: string): Person {
  return ctx.transport.send({
    method: 'GET',
    path: `/v0/people/${encodePath(id)}`,
    parse: replyOf(person),
  });
}

export function listRoles(ctx: EndpointContext): Role[] {
  return pagedList(ctx, '/v0/roles', 'roles', rolesPage);
}

export function listTeams(ctx: EndpointContext): Team[] {
  return pagedList(ctx, '/v0/teams', 'teams', teamsPage);
}

export function listSites(ctx: EndpointContext): Site[] {
  return pagedList(ctx, '/v0/sites', 'sites', sitesPage);
}

export function listQueues(ctx: EndpointContext): Queue[] {
  return pagedList(ctx, '/v0/queues', 'queues', queuesPage);
}

export function listSkills(ctx: EndpointContext): Skill[] {
  return pagedList(ctx, '/v0/skills', 'skills', skillsPage);
}

/** The range is required: what Assembled answers without one is not documented (API-FACTS lists both). */
export interface RequirementsQuery {
  start_time: TimeInput;
  end_time: TimeInput;
  queue_ids?: string[];
}

export function listRequirements(ctx: EndpointContext, query: RequirementsQuery): Requirement[] {
  return getWith(
    ctx,
    '/v0/requirements',
    (endpoint) => ({ ...wireWindow(ctx, query, endpoint), queue_ids: commaList(query.queue_ids) }),
    replyOf(requirementsPage, (r) => r.requirements),
  );
}

export interface AssistConversationsQuery {
  start_time?: TimeInput;
  end_time?: TimeInput;
  agent_id?: string;
}

export function listAssistConversations(
  ctx: EndpointContext,
  query: AssistConversationsQuery = {},
): AssistConversation[] {
  const path = '/v0/assist/conversations';
  const endpoint = `GET ${path}`;
  const start_time = optionalWireTime(ctx, query.start_time, 'start_time', endpoint);
  const end_time = optionalWireTime(ctx, query.end_time, 'end_time', endpoint);
  return readAllPages(
    ctx.transport,
    (offset) => ({
      method: 'GET',
      path,
      query: { start_time, end_time, agent_id: query.agent_id, limit: PAGE_SIZE, offset },
      parse: replyOf(assistConversationsPage),
    }),
    PAGE_SIZE,
    { sizes: ctx.pageSizes },
  );
}
