import type { Store } from '../../core/ports';
import { utf8Width } from '../../core/utf8';

/**
 * Apps Script refuses a property value over 9 KB (UTF-8 bytes). A record larger than one part
 * (a pull filtered by hundreds of agents) is kept as a head naming its parts, each under it.
 */
const PART_BYTES = 8_000;
const partKey = (key: string, i: number) => `${key}~${i}`;
const isPartKey = (key: string) => /~\d+$/.test(key);

interface Head {
  $parts: number;
}

/** The text in parts of at most PART_BYTES UTF-8 bytes each; undefined when it fits in one. */
function partsOf(text: string): string[] | undefined {
  const parts: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) ?? 0;
    const width = utf8Width(code);
    if (bytes + width > PART_BYTES) {
      parts.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += width;
    i += code > 0xffff ? 2 : 1;
  }
  if (parts.length === 0) return undefined;
  parts.push(text.slice(start));
  return parts;
}

function headOf(text: string | null | undefined): Head | undefined {
  if (!text?.startsWith('{"$parts":')) return undefined;
  return JSON.parse(text) as Head;
}

/**
 * A Store over one Apps Script Properties store; values are kept as JSON text. Listing reads
 * the whole store once per execution and keeps that snapshot in step with this execution's own
 * writes; single gets always read afresh, so work done under a lock sees other executions' writes.
 */
export function propertiesStore(properties: GoogleAppsScript.Properties.Properties, prefix = ''): Store {
  let snapshot: Record<string, string> | undefined;
  const remember = (key: string, text: string | undefined) => {
    if (!snapshot) return;
    if (text === undefined) delete snapshot[key];
    else snapshot[key] = text;
  };
  const dropParts = (key: string, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      properties.deleteProperty(partKey(key, i));
      remember(partKey(key, i), undefined);
    }
  };
  const join = (text: string, read: (key: string) => string | null | undefined, key: string) => {
    const head = headOf(text);
    if (!head) return text;
    let whole = '';
    for (let i = 0; i < head.$parts; i++) whole += read(partKey(key, i)) ?? '';
    return whole;
  };
  return {
    get<T>(key: string): T | undefined {
      const full = prefix + key;
      const text = properties.getProperty(full);
      if (text === null) return undefined;
      return JSON.parse(join(text, (k) => properties.getProperty(k), full)) as T;
    },
    set(key, value) {
      const full = prefix + key;
      const text = JSON.stringify(value);
      const before = headOf(properties.getProperty(full))?.$parts ?? 0;
      const parts = partsOf(text);
      if (!parts) {
        properties.setProperty(full, text);
        remember(full, text);
        dropParts(full, 0, before);
        return;
      }
      const head = JSON.stringify({ $parts: parts.length } satisfies Head);
      const batch: Record<string, string> = { [full]: head };
      parts.forEach((part, i) => {
        batch[partKey(full, i)] = part;
      });
      properties.setProperties(batch);
      for (const [k, v] of Object.entries(batch)) remember(k, v);
      dropParts(full, parts.length, before);
    },
    delete(key) {
      const full = prefix + key;
      const before = headOf(properties.getProperty(full))?.$parts ?? 0;
      properties.deleteProperty(full);
      remember(full, undefined);
      dropParts(full, 0, before);
    },
    entries<T>(start: string) {
      snapshot ??= properties.getProperties();
      const all = snapshot;
      return Object.keys(all)
        .filter((k) => k.startsWith(prefix + start) && !isPartKey(k))
        .map((k): [string, T] => [
          k.slice(prefix.length),
          JSON.parse(join(all[k] as string, (p) => all[p], k)) as T,
        ]);
    },
  };
}

/** The current user's own store: the only place the API key may live. */
export const userStore = (): Store => propertiesStore(PropertiesService.getUserProperties(), 'assembled.');

// One per execution: Apps Script evaluates the bundle afresh for each, so this never outlives it.
let documentProperties: Store | undefined;

/** Shared by every user of this spreadsheet: jobs, refreshes, ledgers; never secrets. */
export function documentStore(): Store {
  documentProperties ??= propertiesStore(PropertiesService.getDocumentProperties(), 'assembled.');
  return documentProperties;
}
