// A Zone for Node, from the platform's IANA database through Intl (the local runtime's own
// timezone arithmetic, so the two never disagree).
import type { Zone } from '../src/core/ports';
import { offsetMs } from './gas/time/timezone';

export function intlZone(name: string): Zone {
  return { name, offsetMinutes: (epochMs) => Math.round(offsetMs(epochMs, name) / 60_000) };
}
