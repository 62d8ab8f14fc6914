// A Zone for Node, from the platform's IANA database through Intl.
import type { Zone } from '../src/core/ports';

export function intlZone(name: string): Zone {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return {
    name,
    offsetMinutes(epochMs) {
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(new Date(epochMs))) parts[p.type] = Number(p.value);
      const asUtc = Date.UTC(
        parts.year ?? 0,
        (parts.month ?? 1) - 1,
        parts.day,
        parts.hour,
        parts.minute,
        parts.second,
      );
      return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
    },
  };
}
