// The script's own JavaScript realm: a node:vm context with its own Date, Array and Error, a settable clock, and
// the conversions between host values and realm values (Apps Script hands the script objects made in its realm).
import * as vm from 'node:vm';

interface RealmIntrinsics {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

export class Realm {
  readonly context: vm.Context;
  /** The realm's original Date: sheet cells hold instances of it; `instanceof Date` holds in the script. */
  readonly Date: DateConstructor;
  readonly Array: ArrayConstructor;
  readonly Error: ErrorConstructor;
  private readonly objectProto: object;
  private nowMs: number | null;

  constructor(now?: Date) {
    this.context = vm.createContext({});
    const intrinsics = vm.runInContext('({ Date, Array, Object, Error })', this.context) as RealmIntrinsics;
    this.Date = intrinsics.Date;
    this.Array = intrinsics.Array;
    this.Error = intrinsics.Error;
    this.objectProto = intrinsics.Object.prototype;
    this.nowMs = now ? now.getTime() : null;
    this.installClock();
  }

  setNow(d: Date | null): void {
    this.nowMs = d ? d.getTime() : null;
  }

  now(): number {
    return this.nowMs ?? Date.now();
  }

  /**
   * `new Date()` and `Date.now()` in the script read the runtime's clock; every other use of Date is untouched.
   * A Proxy (not a subclass) keeps `cell instanceof Date` true for dates made with the original constructor.
   */
  private installClock(): void {
    const RealDate = this.Date;
    const realm = this;
    const now = () => realm.now();
    const ClockDate = new Proxy(RealDate, {
      construct(target, args, newTarget) {
        return Reflect.construct(target, args.length === 0 ? [realm.now()] : args, newTarget);
      },
      apply(target, thisArg, args) {
        return realm.nowMs === null
          ? Reflect.apply(target, thisArg, args)
          : new RealDate(realm.nowMs).toString();
      },
      get(target, prop, receiver) {
        if (prop === 'now') return now;
        return Reflect.get(target, prop, receiver);
      },
    });
    Object.defineProperty(RealDate.prototype, 'constructor', {
      value: ClockDate,
      writable: true,
      configurable: true,
      enumerable: false,
    });
    this.context.Date = ClockDate;
  }

  /** An Error the script can catch as its own (`e instanceof Error`), as Apps Script's exceptions are. */
  error(message: string): Error {
    return new this.Error(message);
  }

  date(ms: number): Date {
    return new this.Date(ms);
  }

  newArray(length = 0): unknown[] {
    return new this.Array(length);
  }

  newObject(): Record<string, unknown> {
    return Object.create(this.objectProto) as Record<string, unknown>;
  }

  /** Host values → realm values, deeply through arrays and plain objects; Dates are copied. */
  toRealm(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (isDate(value)) return new this.Date(value.getTime());
    if (Array.isArray(value)) {
      const out = new this.Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.toRealm(value[i]);
      return out;
    }
    if (isPlainObject(value)) {
      const out = this.newObject();
      for (const [k, v] of Object.entries(value)) out[k] = this.toRealm(v);
      return out;
    }
    return value;
  }

  /** Realm values → host values (Dates, arrays, plain objects), so tests compare them with ordinary equality. */
  toHost(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (isDate(value)) return new Date(value.getTime());
    if (Array.isArray(value)) {
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.toHost(value[i]);
      return out;
    }
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.toHost(v);
      return out;
    }
    if (value instanceof this.Error) {
      const e = new Error((value as Error).message);
      Object.defineProperty(e, 'cause', { value, enumerable: false });
      e.stack = (value as Error).stack;
      return e;
    }
    return value;
  }
}

/** A Date from either realm. */
export function isDate(value: unknown): value is Date {
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}
