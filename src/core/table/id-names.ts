// Columns that hold ids, each with the column of names put beside it (pull/with-names.ts fills
// them; column-order.ts places each right after its ids, so "Agent ID" is followed by its name).
export const NAME_COLUMN: Readonly<Record<string, string>> = {
  agent_id: 'agent_name',
  approver_id: 'approver_name',
  queue_id: 'queue_name',
  team_id: 'team_name',
  site_id: 'site_name',
  parent_id: 'parent_name',
  requirement_type_id: 'requirement_type_name',
  // A person's own site, teams, queues and roles are ids under these names.
  site: 'site_name',
  teams: 'team_names',
  queues: 'queue_names',
  role: 'role_name',
  roles: 'role_names',
  // An activity's type (its name comes with the activity: schedule-records.ts).
  type_id: 'activity_type',
  // A requirement type's activity types.
  activity_type_ids: 'activity_type_names',
};
