// LockService: script, document and user locks that another (simulated) run can hold.
import type { ServiceKit } from './calls';

/** A document lock is per spreadsheet: `document:<spreadsheet id>`. */
export type LockKind = 'script' | 'user' | `document:${string}`;

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/** Who holds each lock: nobody, this execution, or another run a test started. */
export class LockTable {
  private readonly holders = new Map<LockKind, 'this' | 'other'>();

  holder(kind: LockKind): 'this' | 'other' | null {
    return this.holders.get(kind) ?? null;
  }

  take(kind: LockKind, by: 'this' | 'other'): void {
    this.holders.set(kind, by);
  }

  release(kind: LockKind, by: 'this' | 'other'): void {
    if (this.holders.get(kind) === by) this.holders.delete(kind);
  }

  /** Another run holds the lock until the returned function is called. */
  holdForOtherRun(kind: LockKind): () => void {
    if (this.holder(kind) !== null) throw new Error(`The ${kind} lock is already held`);
    this.take(kind, 'other');
    return () => this.release(kind, 'other');
  }

  /** An execution's locks end with it. */
  endExecution(): void {
    for (const kind of [...this.holders.keys()]) this.release(kind, 'this');
  }
}

export class LockApi {
  constructor(
    private readonly kit: ServiceKit,
    private readonly table: LockTable,
    private readonly kind: LockKind,
  ) {}

  tryLock(timeoutInMillis: unknown): boolean {
    if (typeof timeoutInMillis !== 'number') throw this.kit.realm.error('Invalid argument: timeoutInMillis');
    if (this.table.holder(this.kind) === 'other') return false;
    this.table.take(this.kind, 'this');
    return true;
  }

  waitLock(timeoutInMillis: unknown): void {
    if (!this.tryLock(timeoutInMillis)) throw this.kit.realm.error(LOCK_TIMEOUT);
  }

  releaseLock(): void {
    this.table.release(this.kind, 'this');
  }

  hasLock(): boolean {
    return this.table.holder(this.kind) === 'this';
  }
}

export class LockServiceApi {
  /**
   * `documentId` is this execution's containing document, null when it has none. Without one getDocumentLock() returns
   * null, as Google documents ("If this method is called outside of the context of a containing document
   * (such as from a standalone script or web app), null is returned."
   * https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()).
   */
  constructor(
    private readonly kit: ServiceKit,
    private readonly table: LockTable,
    private readonly documentId: () => string | null = () => '',
  ) {}

  getScriptLock(): unknown {
    return this.kit.exposer.expose('Lock', new LockApi(this.kit, this.table, 'script'));
  }

  getDocumentLock(): unknown {
    const id = this.documentId();
    if (id === null) return null;
    return this.kit.exposer.expose('Lock', new LockApi(this.kit, this.table, `document:${id}`));
  }

  getUserLock(): unknown {
    return this.kit.exposer.expose('Lock', new LockApi(this.kit, this.table, 'user'));
  }
}
