// Counts every service call by 'Class.method' and exposes host objects to the script as Apps Script-like services.

export class CallLog {
  /** Runs before every service call; may throw (the runtime ends a killed execution this way). */
  beforeCall: ((key: string) => void) | null = null;
  private readonly counts = new Map<string, number>();
  private readonly cellCounts = new Map<string, number>();

  /** While above 0, calls go uncounted: formula cells recalculated in their own executions (formulas.ts). */
  paused = 0;

  add(key: string): void {
    if (this.paused > 0) return;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Cells one call moved between Sheets and the script (read or written): Apps Script's cost grows with them. */
  addCells(key: string, n: number): void {
    if (n > 0 && this.paused === 0) this.cellCounts.set(key, (this.cellCounts.get(key) ?? 0) + n);
  }

  /** Cells moved by one method ('Range.getValues'), by one class ('Range'), or by everything. */
  cells(method?: string): number {
    return sumOf(this.cellCounts, method);
  }

  cellsByMethod(): Record<string, number> {
    return Object.fromEntries([...this.cellCounts].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Calls of one method ('Range.getValues'), of one class ('Range'), or of everything. */
  count(method?: string): number {
    return sumOf(this.counts, method);
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.cellCounts.clear();
  }
}

function sumOf(counts: ReadonlyMap<string, number>, method: string | undefined): number {
  if (method?.includes('.')) return counts.get(method) ?? 0;
  let total = 0;
  for (const [key, n] of counts) if (method === undefined || key.startsWith(`${method}.`)) total += n;
  return total;
}

/** How many cells a call of `method` on `target` moves, for classes whose calls move cells (Range). */
export type CellsMoved = (target: object, method: string, args: readonly unknown[]) => number;

type Method = (...args: unknown[]) => unknown;

const hasOwn = (o: object, key: string): boolean => Object.getOwnPropertyDescriptor(o, key) !== undefined;

/**
 * Wraps service objects in Proxies. The script sees only the methods on the object's class (never its fields or
 * names starting with '_'), plus named constants such as enums; each method call is counted.
 */
export class Exposer {
  private readonly targets = new WeakMap<object, object>();
  /**
   * Consulted before every call: the message of the error the call throws instead of running (e.g. a custom
   * function calling MailApp), or null to run it. Set per execution by the runtime.
   */
  refuse: ((className: string, method: string) => string | null) | null = null;

  constructor(
    private readonly log: CallLog,
    private readonly fail: (message: string) => Error = (message) => new Error(message),
  ) {}

  expose<T extends object>(
    className: string,
    target: T,
    constants: Record<string, unknown> = {},
    cellsMoved?: CellsMoved,
  ): T {
    const log = this.log;
    const exposer = this;
    const wrappers = new Map<string, Method>();
    // A plain object's own functions are its methods; a class instance's own fields are private state.
    const plain = Object.getPrototypeOf(target) === Object.prototype;
    const proxy = new Proxy(target, {
      get(t, prop) {
        if (typeof prop !== 'string') {
          return prop === Symbol.toStringTag ? className : undefined;
        }
        if (hasOwn(constants, prop)) return constants[prop];
        if (prop.startsWith('_') || prop === 'constructor') return undefined;
        const cached = wrappers.get(prop);
        if (cached) return cached;
        if (!plain && hasOwn(t, prop)) return undefined;
        const value: unknown = Reflect.get(t, prop);
        if (typeof value !== 'function') return undefined;
        const key = `${className}.${prop}`;
        const fn = value as Method;
        const wrapper: Method = (...args) => {
          log.beforeCall?.(key);
          const refusal = exposer.refuse?.(className, prop) ?? null;
          if (refusal !== null) throw exposer.fail(refusal);
          log.add(key);
          if (cellsMoved) log.addCells(key, cellsMoved(t, prop, args));
          return fn.apply(t, args);
        };
        wrappers.set(prop, wrapper);
        return wrapper;
      },
      set() {
        return false;
      },
      has(t, prop) {
        return (
          typeof prop === 'string' && (hasOwn(constants, prop) || ((plain || !hasOwn(t, prop)) && prop in t))
        );
      },
    });
    this.targets.set(proxy, target);
    return proxy;
  }

  /** The host object behind an exposed service object, when `value` is one of the given class. */
  unwrap<T extends object>(value: unknown, cls: abstract new (...args: never[]) => T): T | undefined {
    if (value === null || typeof value !== 'object') return undefined;
    const target = this.targets.get(value) ?? value;
    return target instanceof cls ? target : undefined;
  }
}

/** What every service module needs: the script's realm, the call log and the way to hand objects to the script. */
export interface ServiceKit {
  readonly realm: import('./realm').Realm;
  readonly log: CallLog;
  readonly exposer: Exposer;
}
