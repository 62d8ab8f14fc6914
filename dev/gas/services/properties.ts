// PropertiesService: string stores per user, per document and per script, with Google's size limits.

import { COSTS, LIMITS } from '../costs.js';
import type { Env } from './env.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';

function storeBytes(store: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of store) n += bytes(k) + bytes(v);
  return n;
}

export class Properties {
  constructor(
    private readonly env: Env,
    private readonly store: Map<string, string>,
  ) {}

  private read<T>(body: () => T): T {
    return this.env.exec.call('properties', COSTS.propertiesMs, () => {
      this.env.world.counters.properties.reads++;
      return body();
    });
  }

  /** Applies the change to a copy first so that a write over the limits leaves the store as it was. */
  private write(change: (draft: Map<string, string>) => void): Properties {
    return this.env.exec.call('properties', COSTS.propertiesMs, () => {
      this.env.world.counters.properties.writes++;
      const draft = new Map(this.store);
      change(draft);
      for (const [k, v] of draft) {
        if (this.store.get(k) !== v && bytes(v) > LIMITS.propertyValueBytes)
          throw new Error('Argument too large: value');
      }
      if (storeBytes(draft) > LIMITS.propertyStoreBytes) throw new Error(QUOTA);
      this.store.clear();
      for (const [k, v] of draft) this.store.set(k, v);
      return this;
    });
  }

  getProperty(key: string): string | null {
    return this.read(() => this.store.get(String(key)) ?? null);
  }

  getProperties(): Record<string, string> {
    return this.read(
      () => this.env.exec.realm.object(Object.fromEntries(this.store)) as Record<string, string>,
    );
  }

  getKeys(): string[] {
    return this.read(() => this.env.exec.realm.array([...this.store.keys()]));
  }

  setProperty(key: string, value: unknown): Properties {
    return this.write((draft) => {
      if (key === undefined || key === null) throw new Error('Invalid argument: key');
      draft.set(String(key), String(value));
    });
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    return this.write((draft) => {
      if (deleteAllOthers) draft.clear();
      for (const [k, v] of Object.entries(properties)) draft.set(k, String(v));
    });
  }

  deleteProperty(key: string): Properties {
    return this.write((draft) => {
      draft.delete(String(key));
    });
  }

  deleteAllProperties(): Properties {
    return this.write((draft) => {
      draft.clear();
    });
  }
}

export class PropertiesServiceFake {
  constructor(private readonly env: Env) {}

  private open(method: string, store: () => Map<string, string>): Properties {
    return this.env.exec.call('properties', 0, () => {
      this.env.exec.requireAuth('properties', `PropertiesService.${method}`);
      return new Properties(this.env, store());
    });
  }

  getUserProperties(): Properties {
    return this.open('getUserProperties', () => this.env.world.userStore(this.env.exec.user));
  }

  getDocumentProperties(): Properties {
    return this.open(
      'getDocumentProperties',
      () => this.env.world.document(this.env.exec.documentId).properties,
    );
  }

  getScriptProperties(): Properties {
    return this.open('getScriptProperties', () => this.env.world.scriptProperties);
  }
}
