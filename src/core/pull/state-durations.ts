// Time in state is what analysts add up from an agent-state list; Assembled gives only its ends.
import type { AgentState } from '../assembled';

/**
 * Each state with its duration (ms) right after its end, shown as [h]:mm:ss like an activity's;
 * a state still under way (no end yet) has none.
 */
export function withStateDurations(states: readonly AgentState[]): Record<string, unknown>[] {
  return states.map((s) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(s)) {
      out[key] = value;
      if (key === 'end_time') out.duration = typeof value === 'number' ? value - s.start_time : null;
    }
    return out;
  });
}
