// Ways the simulated Assembled can misbehave, chosen from the workbench page, so a person can see
// what the add-on does when Assembled is slow, failing or rate-limiting. Each one replaces the last.
import type { FaultOptions } from '../simulator/api';

export const FAULT_PRESETS = {
  none: { label: 'Answers normally', faults: {} },
  slow: { label: 'Answers slowly (3 s a request)', faults: { latencyMs: 3000 } },
  flaky: { label: 'Fails 1 request in 5 (5xx)', faults: { errorRate: 0.2 } },
  pages: { label: 'Fails every page after the first', faults: { failFromOffset: 1 } },
  limited: { label: 'Rate-limits the next 60 requests (429)', faults: { force429: 60 } },
  down: { label: 'Is down (every request a 5xx)', faults: { errorRate: 1 } },
} satisfies Record<string, { label: string; faults: FaultOptions }>;

export type FaultPreset = keyof typeof FAULT_PRESETS;

export function isFaultPreset(value: unknown): value is FaultPreset {
  return typeof value === 'string' && Object.keys(FAULT_PRESETS).includes(value);
}
