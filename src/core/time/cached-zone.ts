import type { Zone } from '../ports';

const BUCKET_MS = 15 * 60_000;

/**
 * Remembers offsets per quarter hour: every real DST transition falls on a quarter hour, and
 * asking Apps Script (Utilities.formatDate) once per value would be slow for large tables.
 */
export function cachedZone(zone: Zone): Zone {
  const cache = new Map<number, number>();
  return {
    name: zone.name,
    offsetMinutes(epochMs) {
      const bucket = Math.floor(epochMs / BUCKET_MS);
      let offset = cache.get(bucket);
      if (offset === undefined) {
        offset = zone.offsetMinutes(bucket * BUCKET_MS);
        cache.set(bucket, offset);
      }
      return offset;
    },
  };
}
