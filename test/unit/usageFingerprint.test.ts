// The Usage sheet's fingerprint (src/core/usageSummary.ts): what a pasted-over, trimmed or appended Usage sheet does
// to it, and the limit it has on a big sheet (an edit between its blocks goes unseen until the next full run).
import { describe, expect, it } from 'vitest';
import {
  FINGERPRINT_WHOLE_ROWS,
  fingerprintBlocks,
  fingerprintOf,
  usageUnchanged,
} from '../../src/core/usageSummary';

const HEADER = ['Week', 'Account ID', 'Active users', 'Key actions'];
const week = (i: number) => new Date(Date.UTC(2026, 0, 5 + 7 * i));

function usage(rows: number, users = (i: number) => i % 11): unknown[][] {
  const out: unknown[][] = [HEADER];
  for (let i = 0; i < rows; i++) out.push([week(Math.floor(i / 3)), `A-${i % 3}`, users(i), 2 * users(i)]);
  return out;
}

const reader = (values: readonly (readonly unknown[])[]) => (first: number, n: number, columns: number) =>
  values.slice(first - 1, first - 1 + n).map((r) => r.slice(0, columns));
const unchanged = (before: unknown[][], after: unknown[][]) =>
  usageUnchanged(fingerprintOf(before, new Date(0)), after.length, reader(after));

describe('the Usage fingerprint', () => {
  for (const size of [12, 5_000]) {
    describe(`${size} rows`, () => {
      const base = usage(size);
      it('matches the sheet it was taken from', () => expect(unchanged(base, base)).toBe(true));
      it('rows appended below are not a change', () =>
        expect(unchanged(base, [...base, [week(900), 'A-1', 3, 6]])).toBe(true));
      it('a new export pasted over (same row count) is a change', () =>
        expect(
          unchanged(
            base,
            usage(size, (i) => (i + 1) % 11),
          ),
        ).toBe(false));
      it('the oldest rows deleted and as many appended (same last row) is a change', () =>
        expect(unchanged(base, [HEADER, ...base.slice(4), ...base.slice(1, 4)])).toBe(false));
      it('fewer rows is a change', () => expect(unchanged(base, base.slice(0, -1))).toBe(false));
      it('columns reordered is a change', () =>
        expect(
          unchanged(
            base,
            base.map((r) => [r[1], r[0], r[2], r[3]]),
          ),
        ).toBe(false));
      it('an edited last row is a change', () => {
        const after = base.map((r) => [...r]);
        after[after.length - 1][2] = 99;
        expect(unchanged(base, after)).toBe(false);
      });
    });
  }

  it('a small sheet is hashed whole: an edit anywhere is a change', () => {
    const base = usage(FINGERPRINT_WHOLE_ROWS - 1);
    for (const row of [5, 77, 150]) {
      const after = base.map((r) => [...r]);
      after[row][2] = 42;
      expect(unchanged(base, after), `row ${row + 1}`).toBe(false);
    }
  });

  it('on a big sheet an edit between the blocks goes unseen (the documented limit)', () => {
    const base = usage(5_000);
    const blocks = fingerprintBlocks(base.length);
    const inBlock = (row: number) => blocks.some(([first, n]) => row >= first && row < first + n);
    const outside =
      Array.from({ length: base.length }, (_, i) => i + 1).find((r) => r > 20 && !inBlock(r)) ?? 0;
    const after = base.map((r) => [...r]);
    after[outside - 1][2] = 4242;
    expect(unchanged(base, after)).toBe(true);
    expect(blocks.length).toBe(4);
  });

  it('blocks are in order, inside the sheet and never overlap', () => {
    for (const last of [1, 2, 200, 201, 1_000, 520_001]) {
      const blocks = fingerprintBlocks(last);
      let end = 0;
      for (const [first, n] of blocks) {
        expect(first).toBeGreaterThan(end);
        end = first + n - 1;
      }
      expect(end).toBe(last);
    }
  });
});
