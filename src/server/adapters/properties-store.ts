import type { Store } from '../../core/ports';

/**
 * A Store over one Apps Script Properties store; values are kept as JSON text. Listing reads
 * the whole store once per execution and keeps that snapshot in step with this execution's own
 * writes; single gets always read afresh, so work done under a lock sees other executions' writes.
 */
export function propertiesStore(properties: GoogleAppsScript.Properties.Properties, prefix = ''): Store {
  let snapshot: Record<string, string> | undefined;
  return {
    get<T>(key: string): T | undefined {
      const text = properties.getProperty(prefix + key);
      return text === null ? undefined : (JSON.parse(text) as T);
    },
    set(key, value) {
      const text = JSON.stringify(value);
      properties.setProperty(prefix + key, text);
      if (snapshot) snapshot[prefix + key] = text;
    },
    delete(key) {
      properties.deleteProperty(prefix + key);
      if (snapshot) delete snapshot[prefix + key];
    },
    entries<T>(start: string) {
      snapshot ??= properties.getProperties();
      const all = snapshot;
      return Object.keys(all)
        .filter((k) => k.startsWith(prefix + start))
        .map((k): [string, T] => [k.slice(prefix.length), JSON.parse(all[k] as string) as T]);
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
