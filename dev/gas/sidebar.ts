// google.script.run's rules for what crosses between a sidebar and the server.

import { isDate, isPlainObject } from './realm.js';

class IllegalValue extends Error {}

/**
 * A copy of v as it would arrive on the other side: primitives, arrays and plain objects only;
 * undefined inside arrays becomes null, undefined object fields are dropped. Throws IllegalValue
 * naming the property that holds a Date, function, class instance or cycle.
 */
function copyLegal(v: unknown, property: string, seen: Set<object>): unknown {
  if (v === null || v === undefined) return v;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return v;
  if (t !== 'object' || isDate(v) || seen.has(v as object)) throw new IllegalValue(property);
  seen.add(v as object);
  try {
    // A loop, not v.map: map on a script's array makes the script's Array, and a result kept in
    // rt.executions would keep that execution's whole context (about 0.5 MB) alive with it.
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (let i = 0; i < v.length; i++) out.push(copyLegal(v[i], String(i), seen) ?? null);
      return out;
    }
    if (!isPlainObject(v)) throw new IllegalValue(property);
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) {
      const copied = copyLegal(item, k, seen);
      if (copied !== undefined) out[k] = copied;
    }
    return out;
  } finally {
    seen.delete(v as object);
  }
}

/** Arguments as the server receives them; throws the client-side error for illegal ones. */
export function sidebarArguments(args: unknown[]): unknown[] {
  try {
    return args.map((a, i) => copyLegal(a, String(i), new Set()) ?? null);
  } catch (e) {
    if (e instanceof IllegalValue) throw new Error(`Failed due to illegal value in property: ${e.message}`);
    throw e;
  }
}

/** A return value the client cannot receive (it holds a Date, a function, ...) arrives as null. */
export function sidebarResult(value: unknown): unknown {
  try {
    return copyLegal(value, 'return', new Set());
  } catch (e) {
    if (e instanceof IllegalValue) return null;
    throw e;
  }
}
