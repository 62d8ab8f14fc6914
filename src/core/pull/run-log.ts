// One row per run in the "Assembled log" sheet: when, who, what, where, how it ended.
export const RUN_LOG_SHEET = 'Assembled log';

/** Sheets keeps names unique whatever their case, so "assembled log" is the log too. */
export function isRunLogSheet(name: string): boolean {
  return name.trim().toLowerCase() === RUN_LOG_SHEET.toLowerCase();
}
export const RUN_LOG_HEADER = ['When', 'Who', 'What', 'Target', 'Status', 'Rows', 'Duration (s)', 'Message'];
/** The last column's header in logs written before it held every run's message, not only errors. */
export const OLD_MESSAGE_HEADER = 'Error';

export interface RunLogEntry {
  when: Date;
  who: string;
  what: string;
  target: string;
  status: string;
  rows: number;
  durationMs: number;
  /** How the run ended, in the words the sidebar showed: what was written, or what went wrong. */
  message: string;
}

export interface RunLog {
  append(entry: RunLogEntry): void;
}

export function runLogRow(e: RunLogEntry): (string | number | Date)[] {
  return [e.when, e.who, e.what, e.target, e.status, e.rows, Math.round(e.durationMs / 100) / 10, e.message];
}
