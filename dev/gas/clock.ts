// The virtual clock every execution and every fake reads; it moves only when told to.

export class VirtualClock {
  constructor(private ms: number) {}

  now(): number {
    return this.ms;
  }

  set(ms: number): void {
    this.ms = ms;
  }

  advanceBy(ms: number): void {
    this.ms += ms;
  }
}

export function toEpochMs(t: Date | number | string): number {
  const ms = typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();
  if (!Number.isFinite(ms)) throw new Error(`Not a time: ${String(t)}`);
  return ms;
}
