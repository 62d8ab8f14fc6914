// Records from the API are nested; a sheet is flat. Nested objects become `parent.child`
// columns and lists become one cell. Every record is flattened into an array by column
// position, shared through one KeyIndex, so that 100,000 records cost no Map each.

export type Flat = string | number | boolean | Date | null;

export function isDate(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isDate(v);
}

/** Flattened keys in first-seen order, each with its position in the flat rows. */
export class KeyIndex {
  readonly keys: string[] = [];
  private readonly positions = new Map<string, number>();
  // Records of one source share a shape: the last top-level key order, with positions, is kept
  // so that most keys are found by a string comparison rather than a Map lookup.
  private readonly lastKeys: string[] = [];
  private readonly lastPositions: number[] = [];

  /** Position of the n-th top-level key of a record. */
  topLevel(n: number, key: string): number {
    if (this.lastKeys[n] === key) return this.lastPositions[n] as number;
    const at = this.position(key);
    this.lastKeys[n] = key;
    this.lastPositions[n] = at;
    return at;
  }

  position(key: string): number {
    let at = this.positions.get(key);
    if (at === undefined) {
      at = this.keys.length;
      this.keys.push(key);
      this.positions.set(key, at);
    }
    return at;
  }
}

/** A list item shown by its name or id when it has one (teams: [{id, name}] -> "Tier 1, Tier 2"). */
function listItem(v: unknown): string {
  if (isPlainObject(v)) {
    const label = v.name ?? v.id;
    return typeof label === 'string' || typeof label === 'number' ? String(label) : JSON.stringify(v);
  }
  return isDate(v) ? v.toISOString() : String(v);
}

/** The record's values at their KeyIndex positions; a key the record lacks is a hole. */
export function flattenRecord(
  record: Record<string, unknown>,
  keys: KeyIndex,
  into: Flat[] = [],
  prefix = '',
): Flat[] {
  // for...in walks the keys without an array per record; JSON objects have no inherited ones.
  let n = 0;
  for (const key in record) {
    const value = record[key];
    const name = prefix === '' ? key : prefix + key;
    if (typeof value === 'object' && value !== null) {
      if (Array.isArray(value)) into[keys.position(name)] = value.map(listItem).join(', ');
      else if (isDate(value)) into[keys.position(name)] = value;
      else flattenRecord(value as Record<string, unknown>, keys, into, `${name}.`);
    } else {
      const at = prefix === '' ? keys.topLevel(n, key) : keys.position(name);
      into[at] = value === undefined ? null : (value as Flat);
    }
    n++;
  }
  return into;
}
