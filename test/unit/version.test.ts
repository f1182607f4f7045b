// Row version tokens: equal exactly when the row's cells are, whatever width the row was read at.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowVersion } from '../../src/core/version';

describe('rowVersion', () => {
  it.each([
    ['same cells', ['A-1', 'Acme', 5], ['A-1', 'Acme', 5], true],
    ['trailing blanks ignored', ['A-1', 'Acme'], ['A-1', 'Acme', '', ''], true],
    ['one cell edited', ['A-1', 'Acme', 'cut close 40%'], ['A-1', 'Acme', 'cut close 50%'], false],
    ['number vs text', ['A-1', 5], ['A-1', '5'], false],
    ['blank moved', ['A-1', '', 'x'], ['A-1', 'x', ''], false],
    ['true vs "TRUE"', [true], ['TRUE'], false],
    ['dates by instant', [new Date(Date.UTC(2026, 0, 2))], [new Date(Date.UTC(2026, 0, 2))], true],
    ['different dates', [new Date(Date.UTC(2026, 0, 2))], [new Date(Date.UTC(2026, 0, 3))], false],
  ])('%s', (_name, a, b, same) => {
    expect(rowVersion(a) === rowVersion(b)).toBe(same);
  });

  it('is a short string', () => {
    expect(rowVersion(['A-1', 'Acme', 'x'.repeat(10_000)])).toMatch(/^[0-9a-z]+-[0-9a-z]+$/);
  });

  it('changes when any one cell changes (property)', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 15 }), fc.nat(), cell, (row, at, replacement) => {
        const i = at % row.length;
        fc.pre(replacement !== row[i] && !(replacement === '' && row[i] === ''));
        const edited = [...row];
        edited[i] = replacement;
        // Only trailing blanks are meant to be invisible.
        const trim = (r: unknown[]) => {
          const c = [...r];
          while (c.length && c[c.length - 1] === '') c.pop();
          return JSON.stringify(c.map((v) => [typeof v, v]));
        };
        fc.pre(trim(row) !== trim(edited));
        expect(rowVersion(edited)).not.toBe(rowVersion(row));
      }),
    );
  });
});
