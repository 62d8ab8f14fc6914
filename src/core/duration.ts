import { pad } from './time/local-date';

/** A span of time as the sidebars and the log say it: "42 s", "3 min 05 s". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
}
