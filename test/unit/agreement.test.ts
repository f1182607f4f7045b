import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreementOf, cohensKappa } from '../corpus/agreement';

describe("Cohen's kappa", () => {
  it('is 1 for identical labels, 0 for agreement no better than chance, negative below it', () => {
    expect(
      cohensKappa([
        ['a', 'a'],
        ['b', 'b'],
      ]).kappa,
    ).toBe(1);
    expect(
      cohensKappa([
        ['a', 'a'],
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'b'],
      ]).kappa,
    ).toBeCloseTo(0);
    expect(
      cohensKappa([
        ['a', 'b'],
        ['b', 'a'],
      ]).kappa,
    ).toBeLessThan(0);
  });
});

describe('Second, independent labelling of the corpus (docs/rules.md §3 reports these figures)', () => {
  const rules = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
  it.each(['train', 'test'] as const)('%s: 200 statements, and docs/rules.md states its kappa', (split) => {
    const a = agreementOf(split);
    expect(a.statements).toBe(200);
    expect(rules).toContain(`${split} split: κ = ${a.kappa.toFixed(2)}`);
    expect(a.kappa).toBeGreaterThan(0.8);
  });
});
