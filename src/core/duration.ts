import { pad } from './time/local-date';

/**
 * A span of time as the sidebars and the log say it: "42 s", "3 min 05 s", and from an hour on
 * "2 h 01 min", its seconds left out (not "121 min 21 s", which a reader has to divide).
 */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  return min < 60 ? `${min} min ${pad(s % 60)} s` : `${Math.floor(min / 60)} h ${pad(min % 60)} min`;
}
