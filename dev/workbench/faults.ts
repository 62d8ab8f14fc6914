// Ways the simulated Assembled can misbehave, chosen from the workbench page, so a person can see
// what the add-on does when Assembled is slow, failing or rate-limiting. Each one replaces the last.
import type { FaultOptions } from '../simulator/api';

export const FAULT_PRESETS = {
  none: { label: 'Answers normally', faults: {} },
  slow: { label: 'Answers slowly (3 s a request)', faults: { latencyMs: 3000 } },
  flaky: { label: 'Fails 1 request in 5 (5xx)', faults: { errorRate: 0.2 } },
  timeouts: { label: 'Times out 1 request in 5 (no answer)', faults: { timeoutRate: 0.2 } },
  // The riskiest case: a change made, its answer lost, so a blind resend would make it twice.
  lost: {
    label: 'Fails after writing (1 change in 3 made, its answer lost)',
    faults: { lostReplyRate: 1 / 3 },
  },
  pages: { label: 'Fails every page after the first', faults: { failFromOffset: 1 } },
  limited: { label: 'Rate-limits the next 60 requests (429)', faults: { force429: 60 } },
  down: { label: 'Is down (every request a 5xx)', faults: { errorRate: 1 } },
} satisfies Record<string, { label: string; faults: FaultOptions }>;

export type FaultPreset = keyof typeof FAULT_PRESETS;

export function isFaultPreset(value: unknown): value is FaultPreset {
  return typeof value === 'string' && Object.keys(FAULT_PRESETS).includes(value);
}
