// Times: what callers pass in, how they go on the wire, and the one form the model uses.

/** Epoch milliseconds: the model's one time type (see index.ts for why). */
export type EpochMs = number;

/** A time given to the client: epoch ms, a Date, or an ISO 8601 string. */
export type TimeInput = EpochMs | Date | string;

export type TimeFormat = 'iso' | 'unix';

export function toEpochMs(input: TimeInput): EpochMs | undefined {
  const ms =
    typeof input === 'number' ? input : typeof input === 'string' ? Date.parse(input) : input.getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/** On the wire: ISO 8601 (the YAML) or unix seconds (the live dialect). */
export function formatTime(ms: EpochMs, format: TimeFormat): string | number {
  return format === 'unix' ? Math.floor(ms / 1000) : new Date(ms).toISOString();
}

// Unix seconds reach 1e11 only in the year 5138, so a larger number is already milliseconds.
const MS_THRESHOLD = 1e11;

/** A time as the service sent it (ISO string or unix seconds) in epoch ms; undefined if unreadable. */
export function wireTimeToMs(value: unknown): EpochMs | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value >= MS_THRESHOLD ? value : Math.round(value * 1000);
  }
  if (typeof value === 'string' && value.trim() !== '') {
    if (/^-?\d+(\.\d+)?$/.test(value.trim())) return wireTimeToMs(Number(value));
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}
