// PropertiesService: document, script and user stores of string values.
import type { ServiceKit } from './calls';

export interface PropertyStores {
  /** The document properties of the spreadsheet the user has open (each spreadsheet has its own). */
  document: Map<string, string>;
  script: Map<string, string>;
  user: Map<string, string>;
}

/** Apps Script refuses a single value over 9 kB. */
const MAX_VALUE_BYTES = 9 * 1024;

export class PropertiesApi {
  constructor(
    private readonly kit: ServiceKit,
    private readonly store: Map<string, string>,
  ) {}

  _self(): unknown {
    return this.kit.exposer.expose('Properties', this);
  }

  _put(key: unknown, value: unknown): void {
    const text = String(value);
    if (Buffer.byteLength(text) > MAX_VALUE_BYTES) throw this.kit.realm.error('Argument too large: value');
    this.store.set(String(key), text);
  }

  getProperty(key: unknown): string | null {
    return this.store.get(String(key)) ?? null;
  }

  setProperty(key: unknown, value: unknown): unknown {
    this._put(key, value);
    return this._self();
  }

  setProperties(properties: unknown, deleteAllOthers?: unknown): unknown {
    if (deleteAllOthers === true) this.store.clear();
    for (const [k, v] of Object.entries((properties ?? {}) as Record<string, unknown>)) this._put(k, v);
    return this._self();
  }

  getProperties(): unknown {
    return this.kit.realm.toRealm(Object.fromEntries(this.store));
  }

  getKeys(): unknown {
    return this.kit.realm.toRealm([...this.store.keys()]);
  }

  deleteProperty(key: unknown): unknown {
    this.store.delete(String(key));
    return this._self();
  }

  deleteAllProperties(): unknown {
    this.store.clear();
    return this._self();
  }
}

export class PropertiesServiceApi {
  /**
   * `documentStore` gives this execution's document store, or null outside a containing document: Google
   * documents getDocumentProperties() as returning null then
   * (https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()),
   * which is what a time-driven add-on run may get (see RuntimeOptions.triggerContext).
   */
  constructor(
    private readonly kit: ServiceKit,
    private readonly stores: PropertyStores,
    private readonly documentStore: () => Map<string, string> | null = () => stores.document,
  ) {}

  getDocumentProperties(): unknown {
    const store = this.documentStore();
    return store ? this.kit.exposer.expose('Properties', new PropertiesApi(this.kit, store)) : null;
  }

  getScriptProperties(): unknown {
    return this.kit.exposer.expose('Properties', new PropertiesApi(this.kit, this.stores.script));
  }

  getUserProperties(): unknown {
    return this.kit.exposer.expose('Properties', new PropertiesApi(this.kit, this.stores.user));
  }
}
