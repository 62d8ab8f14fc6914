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
    keys() {
      return properties
        .getKeys()
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length));
    },
  };
}

/** The current user's own store: the only place the API key may live. */
export const userStore = (): Store => propertiesStore(PropertiesService.getUserProperties(), 'assembled.');
