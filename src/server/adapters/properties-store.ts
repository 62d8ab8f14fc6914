import type { Store } from '../../core/ports';

/** A Store over one Apps Script Properties store; values are kept as JSON text. */
export function propertiesStore(properties: GoogleAppsScript.Properties.Properties, prefix = ''): Store {
  return {
    get<T>(key: string): T | undefined {
      const text = properties.getProperty(prefix + key);
      return text === null ? undefined : (JSON.parse(text) as T);
    },
    set(key, value) {
      properties.setProperty(prefix + key, JSON.stringify(value));
    },
    delete(key) {
      properties.deleteProperty(prefix + key);
    },
    entries<T>(start: string) {
      const all = properties.getProperties();
      return Object.keys(all)
        .filter((k) => k.startsWith(prefix + start))
        .map((k): [string, T] => [k.slice(prefix.length), JSON.parse(all[k] as string) as T]);
    },
  };
}

/** The current user's own store: the only place the API key may live. */
export const userStore = (): Store => propertiesStore(PropertiesService.getUserProperties(), 'assembled.');

/** Shared by every user of this spreadsheet: jobs, refreshes, ledgers; never secrets. */
export const documentStore = (): Store =>
  propertiesStore(PropertiesService.getDocumentProperties(), 'assembled.');
