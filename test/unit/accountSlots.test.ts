import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountSlots } from '../../src/core/accountSlots';

/** The plain answer: each ID's first position, -1 when absent. */
function firstPositions(ids: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const id of ids) if (!map.has(id)) map.set(id, map.size);
  return map;
}

const id = fc.constantFrom('A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'B1', 'B2', 'GONE');

describe('AccountSlots', () => {
  it('finds the first position of every ID, in any order of look-ups, and -1 for an unknown one', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 12 }), fc.array(id, { maxLength: 200 }), (accounts, rows) => {
        const slots = new AccountSlots(accounts);
        const plain = firstPositions(accounts);
        expect(slots.size).toBe(plain.size);
        expect(slots.known).toBe(plain.size);
        for (const row of rows) expect(slots.find(row)).toBe(plain.get(row) ?? -1);
      }),
      { numRuns: 300 },
    );
  });

  it('gives unknown IDs fresh positions from `known` on, the same one each time', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 6 }), fc.array(id, { maxLength: 100 }), (accounts, rows) => {
        const slots = new AccountSlots(accounts);
        const plain = firstPositions(accounts);
        for (const row of rows) {
          if (!plain.has(row)) plain.set(row, plain.size);
          const slot = slots.findOrAdd(row);
          expect(slot).toBe(plain.get(row));
          expect(slots.idAt(slot)).toBe(row);
          expect(slot >= slots.known).toBe(!accounts.includes(row));
        }
        expect(slots.size).toBe(plain.size);
      }),
      { numRuns: 300 },
    );
  });

  it('stays right when a repeating order breaks: week-major, account-major, then a reordered week', () => {
    const accounts = ['A1', 'A2', 'A3', 'A4'];
    const slots = new AccountSlots(accounts);
    const weekMajor = [0, 1, 2].flatMap(() => accounts);
    const accountMajor = accounts.flatMap((a) => [a, a, a]);
    const reordered = ['A3', 'A1', 'A4', 'A2', 'GONE', 'A3'];
    for (const row of [...weekMajor, ...accountMajor, ...reordered])
      expect(slots.find(row)).toBe(accounts.indexOf(row));
  });
});
