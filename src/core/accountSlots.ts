// Account positions by Account ID, for passes over rows (Usage, Results, Checks) that name an account per row.

/**
 * The position of each account by its ID, in the order given (the first of duplicate IDs wins), with a guess
 * that makes most rows cost one comparison instead of a hash lookup.
 *
 * A sheet lists accounts in a repeating order: a weekly export lists them in the same order every week, and a
 * sheet sorted by account lists each account's rows together. So the account of a row is nearly always the one
 * that followed the previous row's account the last time that account was seen. Measured on 50,000 accounts ×
 * 52 weeks (npm run bench), a hash lookup per row made these passes grow 6–16× from 10k to 50k accounts, as the
 * table and its keys stopped fitting the CPU's cache; the guess keeps them close to linear. A wrong guess costs one
 * comparison more than the lookup it falls back to, so any order stays correct.
 */
export class AccountSlots {
  private readonly slotOf = new Map<string, number>();
  private readonly ids: string[] = [];
  /** Per position: the position that followed it last time, -1 before any. */
  private readonly next: number[] = [];
  private previous = -1;
  /** How many positions the IDs given at construction hold (later ones were added by `findOrAdd`). */
  readonly known: number;

  constructor(ids: Iterable<string>) {
    for (const id of ids) if (!this.slotOf.has(id)) this.add(id);
    this.known = this.ids.length;
  }

  /** The position of `id`, or -1 when it is not one of the accounts. */
  find(id: string): number {
    const guess = this.previous >= 0 ? this.next[this.previous] : -1;
    if (guess >= 0 && this.ids[guess] === id) {
      this.previous = guess;
      return guess;
    }
    const slot = this.slotOf.get(id);
    if (slot === undefined) return -1;
    if (this.previous >= 0) this.next[this.previous] = slot;
    this.previous = slot;
    return slot;
  }

  /** The position of `id`, giving an unknown ID the next free one (at or after `known`). */
  findOrAdd(id: string): number {
    const slot = this.find(id);
    if (slot >= 0) return slot;
    const added = this.add(id);
    if (this.previous >= 0) this.next[this.previous] = added;
    this.previous = added;
    return added;
  }

  /** How many positions there are. */
  get size(): number {
    return this.ids.length;
  }

  /** The ID at a position. */
  idAt(slot: number): string {
    return this.ids[slot];
  }

  private add(id: string): number {
    const slot = this.ids.push(id) - 1;
    this.slotOf.set(id, slot);
    this.next.push(-1);
    return slot;
  }
}
