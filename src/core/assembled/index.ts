// The Assembled API client: the only place in the add-on that builds a URL or reads a reply.
//
// Times in the model are epoch milliseconds (number). Chosen over ISO strings because the two
// dialects send ISO strings with assorted offsets or unix seconds, and one number compares,
// sorts, does arithmetic and round-trips through JSON stores without parsing; it is what
// Clock.now() and Date use, and the sheet layer can turn it into a Date cell in one step.
export { DEFAULT_API_VERSION } from './api-version';
export { base64Encode } from './base64';
export {
  CHECK_GROUPS,
  type CheckGroup,
  type CheckOptions,
  type CheckResult,
  checkConnection,
  checkSaving,
  keyRefused,
} from './check';
export { type AssembledClient, type AssembledClientOptions, createAssembledClient } from './client';
export type {
  AgentAssociation,
  AgentStateEditInput,
  AgentStateInput,
  AgentStatesQuery,
  TimelineQuery,
} from './endpoints/agent-states';
export type { AssistConversationsQuery, RequirementsQuery } from './endpoints/catalogue';
export type { WriteOptions } from './endpoints/context';
export { REPORT_POLL_INTERVAL_MS, type StartReportInput } from './endpoints/reports';
export type {
  ActivitiesPage,
  ActivitiesQuery,
  Activity,
  ActivityChange,
  ActivityType,
  ClearResult,
  ClearWindow,
  NewActivity,
  RequirementType,
  ScheduleAgent,
} from './endpoints/schedules';
export type { TimeOffInput, TimeOffRequestsQuery } from './endpoints/time-off';
export { AssembledError, type AssembledErrorKind, causeOf, isAssembledError } from './errors';
export type * from './model';
export { type RateLimitOptions, TokenBucket } from './rate-limit';
export type { RetryOptions } from './retry';
export type { EpochMs, TimeFormat, TimeInput } from './times';
export type { Outcome, ResponseEvent, ResponseListener } from './transport';
