// operationId (from the YAML) -> handler. index.ts refuses to start if an operation has none.

import * as activities from './activities';
import * as agentState from './agent-state';
import type { Handler } from './context';
import * as reports from './reports';
import * as resources from './resources';
import * as timeOff from './time-off';

export const HANDLERS: Record<string, Handler> = {
  startReport: reports.startReport,
  getReport: reports.getReport,
  getAgentStates: agentState.getAgentStates,
  postAgentState: agentState.postAgentState,
  bulkUpdateAgentStates: agentState.bulkUpdateAgentStates,
  getCondensedTimeline: agentState.getCondensedTimeline,
  editAgentState: agentState.editAgentState,
  getEditHistory: agentState.getEditHistory,
  createAgentAssociations: agentState.createAgentAssociations,
  createTimeOff: timeOff.createTimeOff,
  listTimeOffRequests: timeOff.listTimeOffRequests,
  cancelTimeOffRequest: timeOff.cancelTimeOffRequest,
  listTimeOffUpdates: timeOff.listTimeOffUpdates,
  listPeople: resources.listPeople,
  getPerson: resources.getPerson,
  listRoles: resources.listRoles,
  listTeams: resources.listTeams,
  listSites: resources.listSites,
  listQueues: resources.listQueues,
  listSkills: resources.listSkills,
  listRequirements: activities.listRequirements,
  listActivities: activities.listActivities,
  createActivity: activities.createActivity,
  bulkActivities: activities.bulkActivities,
  deleteActivities: activities.deleteActivities,
  listActivityTypes: activities.listActivityTypes,
  listRequirementTypes: activities.listRequirementTypes,
  listAssistConversations: resources.listAssistConversations,
};
