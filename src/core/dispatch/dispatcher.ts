// One time-driven trigger per user per document does all background work: it polls pull jobs,
// resumes pushes and runs due refreshes. It exists only while there is work, and ticks often
// only while a job is under way: scheduled refreshes alone need no more than an hourly tick,
// which keeps the user's daily trigger-time quota for real work.

import { triggerProblem } from './background';

/** How often the dispatcher must tick: `frequent` while a job is being polled or resumed. */
export type Cadence = 'frequent' | 'hourly';

export interface WorkSource {
  name: string;
  /** Whether anything waits, due now or later. Must be cheap: it runs on every tick. */
  hasWork(): boolean;
  /** The tick this source's work needs; frequent unless it says otherwise. */
  cadence?: Cadence;
  /** Runs what is due, returning before `deadline` (epoch ms) so the execution is not killed. */
  runDue(deadline: number): void;
}

/** The dispatcher's trigger, as ScriptApp offers it. */
export interface DispatcherTrigger {
  /** The cadence of the installed trigger, if there is one. */
  current(): Cadence | undefined;
  install(cadence: Cadence): void;
  remove(): void;
  /** The most often a trigger may tick here: a published Editor add-on's, hourly. */
  fastest(): Cadence;
}

/**
 * The cadence to install for work that needs `cadence`: no faster than the trigger may tick. A
 * trigger deleted and made again starts its period afresh, so swapping an hourly trigger for
 * another hourly one under the other name would move the tick later by each run's length.
 */
function attainable(trigger: DispatcherTrigger, cadence: Cadence | undefined): Cadence | undefined {
  return cadence === 'frequent' && trigger.fastest() === 'hourly' ? 'hourly' : cadence;
}

export interface TickResult {
  ran: string[];
  failed: { source: string; message: string }[];
  cadence: Cadence | undefined;
}

/** Runs every source with work; one failing source never stops the others. */
export function tick(sources: WorkSource[], trigger: DispatcherTrigger, deadline: number): TickResult {
  const result: TickResult = { ran: [], failed: [], cadence: undefined };
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
  const waiting = sources.filter((s) => s.hasWork());
  result.cadence =
    waiting.length === 0 ? undefined : waiting.some((s) => s.cadence !== 'hourly') ? 'frequent' : 'hourly';
  const installed = trigger.current();
  if (installed !== result.cadence && installed !== attainable(trigger, result.cadence)) {
    if (installed) trigger.remove();
    if (result.cadence) trigger.install(result.cadence);
  }
  return result;
}

/**
 * Called whenever work is added, so a trigger at least as frequent as it needs is there.
 * Google may refuse to create one: the work is kept, and the answer says why in words.
 */
export function ensureTrigger(trigger: DispatcherTrigger, cadence: Cadence): string | undefined {
  try {
    const installed = trigger.current();
    if (installed === cadence || installed === 'frequent') return undefined;
    if (installed && installed === attainable(trigger, cadence)) return undefined;
    if (installed) trigger.remove();
    trigger.install(cadence);
    return undefined;
  } catch (error) {
    return triggerProblem(error);
  }
}
