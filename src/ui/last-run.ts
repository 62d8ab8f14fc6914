// A scheduled refresh's last run as its card says it: in short beside "Last run", and why it did
// not write (Assembled's reasons run to hundreds of characters) apart, on request.
import { rowCount } from '../core/count-text';
import type { RefreshView } from '../core/schedule/refresh-view';

type Run = NonNullable<RefreshView['lastRun']>;

function runText({ at, due, status, rows, message }: Run): string {
  // A run that wrote nothing says why (an append whose rows were all there already).
  if (status === 'done') return `${at}, ${rows === 0 && message ? message : rowCount(rows)}`;
  // Given up hours after it was due: the time it was due leads, so the schedule is not taken to slip.
  if (due) return `Due ${due}, ${status} at ${at.slice(0, 10) === due.slice(0, 10) ? at.slice(11) : at}`;
  return `${at}, ${status}`;
}

export function lastRunText(r: Pick<RefreshView, 'running' | 'lastRun' | 'retry'>): string {
  // While a run is under way (or waits to try again) the one before it is what the sheet holds.
  const before = r.lastRun ? `. Before it: ${runText(r.lastRun)}` : '';
  if (r.running && r.retry) return `Waiting to try again${before}`;
  if (r.running) return `Running now${before}`;
  return r.lastRun ? runText(r.lastRun) : 'Not run yet';
}

const DID = { failed: 'failed', stalled: 'stalled', skipped: 'was skipped', stopped: 'was stopped' } as const;

/** Why the last run failed or was skipped, when it was told: `label` asks for it, `text` says it. */
export function lastRunWhy(
  r: Pick<RefreshView, 'running' | 'lastRun'>,
): { label: string; text: string } | undefined {
  const run = r.lastRun;
  if (!run?.message || run.status === 'done') return undefined;
  // While a run is under way, "Last run" says the run before it.
  return { label: `Why ${r.running ? 'the run before' : 'it'} ${DID[run.status]}`, text: run.message };
}
