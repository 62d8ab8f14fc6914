/** When this execution started: Apps Script evaluates the bundle afresh at the start of each. */
export const EXECUTION_STARTED_AT = Date.now();
