// The OAuth scope each faked service method needs, as Apps Script's reference lists them. A
// method passes when the manifest lists any one of its scopes.

const AUTH = 'https://www.googleapis.com/auth/';

export const SCOPES = {
  /** getActiveSpreadsheet() and everything reached from it. */
  activeSpreadsheet: [`${AUTH}spreadsheets.currentonly`, `${AUTH}spreadsheets`],
  /** openById / openByUrl: any spreadsheet the user can open. */
  anySpreadsheet: [`${AUTH}spreadsheets`],
  /** Sidebars, dialogs, alerts and prompts. */
  containerUi: [`${AUTH}script.container.ui`],
  externalRequest: [`${AUTH}script.external_request`],
  /** Installable triggers: newTrigger, getProjectTriggers, getUserTriggers, deleteTrigger. */
  triggers: [`${AUTH}script.scriptapp`],
  sendMail: [`${AUTH}script.send_mail`],
  /** The BigQuery advanced service (cloud-platform covers it too). */
  bigquery: [`${AUTH}bigquery`, `${AUTH}cloud-platform`],
  /**
   * Connected Sheets (data source sheets): Google's guide says enableBigQueryExecution() adds
   * bigquery.readonly; the stricter reading takes no other BigQuery scope in its place.
   */
  connectedSheets: [`${AUTH}bigquery.readonly`],
  /** Session.getActiveUser / getEffectiveUser (their e-mail addresses). */
  userEmail: [`${AUTH}userinfo.email`],
} as const;
