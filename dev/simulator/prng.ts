// Small seeded PRNG (mulberry32): the same seed always yields the same demo org and fault sequence.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** A random (v4-shaped) UUID, deterministic from the seed. */
  uuid(): string;
  /** Where the sequence stands: createRng(state) goes on from here. */
  state(): number;
}

// Byte -> two hex digits, for fast id formatting (~130k ids per org).
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const word = (): number => Math.floor(next() * 4294967296);
  const byte = (n: number): string => HEX[n & 255] as string;
  const hex8 = (n: number): string => byte(n >>> 24) + byte(n >>> 16) + byte(n >>> 8) + byte(n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (p) => next() < p,
    uuid: () => {
      const a = hex8(word());
      const b = hex8(word());
      const c = hex8(word());
      const d = hex8(word());
      return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${'89ab'[c.charCodeAt(0) & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
    },
    state: () => a,
  };
}

/** A seed from text (FNV-1a): a stream of its own for each name, the same on every run. */
export function seedFrom(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
