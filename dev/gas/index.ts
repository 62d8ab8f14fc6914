// The local Apps Script runtime: createRuntime() and its types.

export { COSTS, LIMITS } from './costs.js';
export type { Counters, CounterValues } from './counters.js';
export { MAX_BACK_TO_BACK_EXECUTIONS } from './execute.js';
export { KILL_MESSAGE } from './execution.js';
export { createRuntime, LocalRuntime, type RuntimeClock, type TriggerRunOptions } from './runtime.js';
export type { LockScope } from './services/lock.js';
export type * from './types.js';
export type { LogsView, StoreView, UiView } from './views.js';
export type { CopiedCells, WorkbookView } from './workbook-view.js';
