// CacheService: script, document and user caches whose entries expire on the runtime's clock.
import type { ServiceKit } from './calls';

interface Entry {
  value: string;
  expires: number;
}

/** Apps Script's default and maximum expiration, in seconds. */
const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21_600;

export class CacheApi {
  constructor(
    private readonly kit: ServiceKit,
    private readonly entries: Map<string, Entry>,
  ) {}

  _live(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && e.expires <= this.kit.realm.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  _put(key: unknown, value: unknown, seconds: unknown): void {
    const ttl = Math.min(MAX_TTL_S, typeof seconds === 'number' ? seconds : DEFAULT_TTL_S);
    if (String(value).length > 100 * 1024) throw this.kit.realm.error('Argument too large: value');
    this.entries.set(String(key), { value: String(value), expires: this.kit.realm.now() + ttl * 1000 });
  }

  get(key: unknown): string | null {
    return this._live(String(key))?.value ?? null;
  }

  getAll(keys: unknown): unknown {
    const out: Record<string, string> = {};
    for (const k of Array.isArray(keys) ? keys : []) {
      const e = this._live(String(k));
      if (e) out[String(k)] = e.value;
    }
    return this.kit.realm.toRealm(out);
  }

  put(key: unknown, value: unknown, expirationInSeconds?: unknown): void {
    this._put(key, value, expirationInSeconds);
  }

  putAll(values: unknown, expirationInSeconds?: unknown): void {
    for (const [k, v] of Object.entries((values ?? {}) as Record<string, unknown>))
      this._put(k, v, expirationInSeconds);
  }

  remove(key: unknown): void {
    this.entries.delete(String(key));
  }

  removeAll(keys: unknown): void {
    for (const k of Array.isArray(keys) ? keys : []) this.entries.delete(String(k));
  }
}

export class CacheServiceApi {
  private readonly caches = {
    script: new Map<string, Entry>(),
    document: new Map<string, Entry>(),
    user: new Map<string, Entry>(),
  };

  constructor(private readonly kit: ServiceKit) {}

  getScriptCache(): unknown {
    return this.kit.exposer.expose('Cache', new CacheApi(this.kit, this.caches.script));
  }

  getDocumentCache(): unknown {
    return this.kit.exposer.expose('Cache', new CacheApi(this.kit, this.caches.document));
  }

  getUserCache(): unknown {
    return this.kit.exposer.expose('Cache', new CacheApi(this.kit, this.caches.user));
  }
}
