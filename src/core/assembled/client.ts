// createAssembledClient: one method per operation, wired to one transport, limiter and retry policy.
import type { Clock, Http } from '../ports';
import { DEFAULT_API_VERSION } from './api-version';
import { base64Encode } from './base64';
import { BatchSize } from './batch-size';
import * as agentStates from './endpoints/agent-states';
import * as catalogue from './endpoints/catalogue';
import type { EndpointContext, WriteOptions } from './endpoints/context';
import * as reports from './endpoints/reports';
import * as schedules from './endpoints/schedules';
import * as timeOff from './endpoints/time-off';
import type {
  AgentState,
  AgentStateEdit,
  AgentStateEditResult,
  AssistConversation,
  Person,
  Queue,
  Report,
  ReportJob,
  ReportPoll,
  ReportType,
  Requirement,
  Role,
  Site,
  Skill,
  Team,
  TimeOffRequest,
  TimeOffUpdate,
} from './model';
import { PageSizes } from './page-sizes';
import { type RateLimitOptions, TokenBucket } from './rate-limit';
import type { ReplyMemo } from './reply-memo';
import { type RetryOptions, RetryPolicy } from './retry';
import type { TimeFormat, TimeInput } from './times';
import { type Outcome, type ResponseListener, Transport } from './transport';

export interface AssembledClientOptions {
  http: Http;
  clock: Clock;
  apiKey: string;
  baseUrl?: string;
  /**
   * How times go on the wire: unix seconds (default: every time Assembled's own client sends is one)
   * or ISO 8601 (the YAML profile), for an account whose API wants it.
   */
  timeFormat?: TimeFormat;
  /** The API-Version header: DEFAULT_API_VERSION when not given, none when ''. */
  apiVersion?: string;
  retry?: RetryOptions;
  /** Limits, or a bucket shared with other clients of the same key. */
  rateLimit?: RateLimitOptions | TokenBucket;
  /** Base64 of a string's UTF-8 (Apps Script: Utilities.base64Encode); pure TS by default. */
  base64?: (text: string) => string;
}

export interface AssembledClient {
  // Reports
  startReport(type: ReportType, input: reports.StartReportInput, options?: WriteOptions): ReportJob;
  /** Several reports started at once, each outcome as it came (a pull's queues and parts). */
  startReports(type: ReportType, inputs: reports.StartReportInput[]): Outcome<ReportJob>[];
  getReport(id: string): Report;
  pollReport(id: string): ReportPoll;
  /** Pages of a report's result, one batch, each read once (paging left to the caller). */
  readReportPages(id: string, offsets: number[]): Outcome<reports.ReportPageOf>[];
  // Agent states
  getAgentStates(query: agentStates.AgentStatesQuery): AgentState[];
  getCondensedTimeline(query: agentStates.TimelineQuery): AgentState[];
  getEditHistory(query?: { start_time?: TimeInput; end_time?: TimeInput }): AgentStateEdit[];
  bulkUpdateAgentStates(states: agentStates.AgentStateInput[], options?: WriteOptions): void;
  editAgentStates(edit: agentStates.AgentStateEditInput, options?: WriteOptions): AgentStateEditResult;
  createAgentAssociations(associations: agentStates.AgentAssociation[], options?: WriteOptions): void;
  // Time off
  createTimeOff(input: timeOff.TimeOffInput, options?: WriteOptions): TimeOffRequest;
  createTimeOffMany(inputs: timeOff.TimeOffInput[], options?: WriteOptions): Outcome<TimeOffRequest>[];
  listTimeOffRequests(query?: timeOff.TimeOffRequestsQuery): TimeOffRequest[];
  cancelTimeOff(id: string, options?: WriteOptions): void;
  cancelTimeOffMany(ids: string[], options?: WriteOptions): Outcome<void>[];
  listTimeOffUpdates(since: TimeInput): TimeOffUpdate[];
  // Catalogue
  listPeople(): Person[];
  getPerson(id: string): Person;
  listRoles(): Role[];
  listTeams(): Team[];
  listSites(): Site[];
  listQueues(): Queue[];
  listSkills(): Skill[];
  listRequirements(query: catalogue.RequirementsQuery): Requirement[];
  listAssistConversations(query?: catalogue.AssistConversationsQuery): AssistConversation[];
  listActivities(query: schedules.ActivitiesQuery): schedules.ActivitiesPage;
  listActivityTypes(): schedules.ActivityType[];
  listRequirementTypes(): schedules.RequirementType[];
  bulkActivities(changes: readonly schedules.ActivityChange[], scheduleId?: string): schedules.Activity[];
  createActivities(inputs: readonly schedules.NewActivity[]): Outcome<schedules.Activity>[];
  clearActivities(window: schedules.ClearWindow): schedules.ClearResult;
  /** The client's clock, so callers (checkConnection) time calls the same way. */
  readonly clock: Clock;
  /** How this client puts times on the wire. */
  readonly timeFormat: TimeFormat;
  /** The same client (transport, key, rate limit) sending times the other way: the connection check's probe. */
  withTimeFormat(format: TimeFormat): AssembledClient;
  /** The same client answering each GET `memo` kept from there, and keeping the rest (reply-memo.ts). */
  withMemo(memo: ReplyMemo): AssembledClient;
  /** Requests in one fetchAll, halved after one is lost (batch-size.ts); shared with the clients made from this one. */
  readonly batch: BatchSize;
  /** Hears every HTTP reply (retries included); returns the way to stop listening. */
  onResponse(listener: ResponseListener): () => void;
}

export function createAssembledClient(options: AssembledClientOptions): AssembledClient {
  const { clock } = options;
  const limiter =
    options.rateLimit instanceof TokenBucket ? options.rateLimit : new TokenBucket(clock, options.rateLimit);
  const transport = new Transport({
    http: options.http,
    clock,
    apiKey: options.apiKey,
    baseUrl: options.baseUrl ?? 'https://api.assembledhq.com',
    apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
    base64: options.base64 ?? base64Encode,
    limiter,
    retry: new RetryPolicy(options.retry),
    batch: new BatchSize(20),
  });
  return clientOver(transport, clock, options.timeFormat ?? 'unix', new PageSizes());
}

/** `pageSizes`: what is learned of page sizes, shared by the clients made from this one (same server). */
function clientOver(
  transport: Transport,
  clock: Clock,
  timeFormat: TimeFormat,
  pageSizes: PageSizes,
): AssembledClient {
  const ctx: EndpointContext = { transport, timeFormat, pageSizes };
  return {
    clock,
    timeFormat,
    batch: transport.batch,
    withTimeFormat: (format) => clientOver(transport, clock, format, pageSizes),
    withMemo: (memo) => clientOver(transport.remembering(memo), clock, timeFormat, pageSizes),
    onResponse: (listener) => transport.onResponse(listener),
    startReport: (type, input, opts) => reports.startReport(ctx, type, input, opts),
    startReports: (type, inputs) => reports.startReports(ctx, type, inputs),
    getReport: (id) => reports.getReport(ctx, id),
    pollReport: (id) => reports.pollReport(ctx, id),
    readReportPages: (id, offsets) => reports.readReportPages(ctx, id, offsets),
    getAgentStates: (query) => agentStates.getAgentStates(ctx, query),
    getCondensedTimeline: (query) => agentStates.getCondensedTimeline(ctx, query),
    getEditHistory: (query) => agentStates.getEditHistory(ctx, query),
    bulkUpdateAgentStates: (states, opts) => agentStates.bulkUpdateAgentStates(ctx, states, opts),
    editAgentStates: (edit, opts) => agentStates.editAgentStates(ctx, edit, opts),
    createAgentAssociations: (list, opts) => agentStates.createAgentAssociations(ctx, list, opts),
    createTimeOff: (input, opts) => timeOff.createTimeOff(ctx, input, opts),
    createTimeOffMany: (inputs, opts) => timeOff.createTimeOffMany(ctx, inputs, opts),
    listTimeOffRequests: (query) => timeOff.listTimeOffRequests(ctx, query),
    cancelTimeOff: (id, opts) => timeOff.cancelTimeOff(ctx, id, opts),
    cancelTimeOffMany: (ids, opts) => timeOff.cancelTimeOffMany(ctx, ids, opts),
    listTimeOffUpdates: (since) => timeOff.listTimeOffUpdates(ctx, since),
    listPeople: () => catalogue.listPeople(ctx),
    getPerson: (id) => catalogue.getPerson(ctx, id),
    listRoles: () => catalogue.listRoles(ctx),
    listTeams: () => catalogue.listTeams(ctx),
    listSites: () => catalogue.listSites(ctx),
    listQueues: () => catalogue.listQueues(ctx),
    listSkills: () => catalogue.listSkills(ctx),
    listRequirements: (query) => catalogue.listRequirements(ctx, query),
    listAssistConversations: (query) => catalogue.listAssistConversations(ctx, query),
    listActivities: (query) => schedules.listActivities(ctx, query),
    listActivityTypes: () => schedules.listActivityTypes(ctx),
    listRequirementTypes: () => schedules.listRequirementTypes(ctx),
    bulkActivities: (changes, scheduleId) => schedules.bulkActivities(ctx, changes, scheduleId),
    createActivities: (inputs) => schedules.createActivities(ctx, inputs),
    clearActivities: (window) => schedules.clearActivities(ctx, window),
  };
}
