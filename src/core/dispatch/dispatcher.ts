// One time-driven trigger per user per document does all background work: it polls pull jobs,
// runs due refreshes and resumes pushes. It exists only while there is work.

export interface WorkSource {
  name: string;
  /** Whether anything waits, due now or later. Must be cheap: it runs on every tick. */
  hasWork(): boolean;
  /** Runs what is due, returning before `deadline` (epoch ms) so the execution is not killed. */
  runDue(deadline: number): void;
}

/** The dispatcher's trigger, as ScriptApp offers it. */
export interface DispatcherTrigger {
  exists(): boolean;
  install(): void;
  remove(): void;
}

export interface TickResult {
  ran: string[];
  failed: { source: string; message: string }[];
  idle: boolean;
}

/** Runs every source with work; one failing source never stops the others. */
export function tick(sources: WorkSource[], trigger: DispatcherTrigger, deadline: number): TickResult {
  const result: TickResult = { ran: [], failed: [], idle: false };
  for (const source of sources) {
    if (!source.hasWork()) continue;
    try {
      source.runDue(deadline);
      result.ran.push(source.name);
    } catch (error) {
      result.failed.push({
        source: source.name,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  result.idle = !sources.some((s) => s.hasWork());
  if (result.idle) trigger.remove();
  else if (!trigger.exists()) trigger.install();
  return result;
}

/** Called whenever work is added, so the trigger is there to finish it. */
export function ensureTrigger(trigger: DispatcherTrigger): void {
  if (!trigger.exists()) trigger.install();
}
