// Records from the API are nested; a sheet is flat. Nested objects become `parent.child`
// columns and lists become one cell.

export type Flat = string | number | boolean | Date | null;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isDate(v);
}

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A list item shown by its name or id when it has one (teams: [{id, name}] -> "Tier 1, Tier 2"). */
function listItem(v: unknown): string {
  if (isPlainObject(v)) {
    const label = v.name ?? v.id;
    return typeof label === 'string' || typeof label === 'number' ? String(label) : JSON.stringify(v);
  }
  return isDate(v) ? v.toISOString() : String(v);
}

export function flattenRecord(
  record: Record<string, unknown>,
  into: Map<string, Flat> = new Map(),
  prefix = '',
) {
  for (const [key, value] of Object.entries(record)) {
    const name = prefix + key;
    if (isPlainObject(value)) flattenRecord(value, into, `${name}.`);
    else if (Array.isArray(value)) into.set(name, value.map(listItem).join(', '));
    else if (value === undefined) into.set(name, null);
    else into.set(name, value as Flat);
  }
  return into;
}
