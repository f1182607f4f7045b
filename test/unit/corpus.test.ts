import { describe, expect, it } from 'vitest';
import { CorpusFileError, loadSplit, parseSplit } from '../corpus/load';
import { GATE, HELD_OUT_FLOOR, scoreSplit, scoreText } from '../corpus/score';

const HEADER = 'id\tindustry\tlink\twritten\ttext\tkind\treason';

describe('Measurability corpus files', () => {
  it('train and dev are present, cover ≥ 15 industries and all three links, with no text twice', () => {
    const rows = [...(loadSplit('train') ?? []), ...(loadSplit('dev') ?? [])];
    expect(rows.length).toBeGreaterThanOrEqual(600);
    expect(new Set(rows.map((r) => r.industry)).size).toBeGreaterThanOrEqual(15);
    for (const link of ['pain', 'value', 'result'])
      expect(
        rows.some((r) => r.link === link),
        link,
      ).toBe(true);
    expect(new Set(rows.map((r) => r.text.toLowerCase())).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('a bad row names the file, the line and the column', () => {
    expect(() =>
      parseSplit(`${HEADER}\ntr0001\tretail\tresult\tresult\tSales up 4%\tmeasurable\tok`, 'x.tsv'),
    ).not.toThrow();
    expect(() =>
      parseSplit(`${HEADER}\ntr0001\tretail\tresults\tresult\tSales up 4%\tmeasurable\tok`, 'x.tsv'),
    ).toThrow(/^x\.tsv:2: column link "results"/);
    expect(() =>
      parseSplit(`${HEADER}\ntr0001\tretail\tresult\tresult\tSales up 4%\tgreat\tok`, 'x.tsv'),
    ).toThrow(/x\.tsv:2: column kind/);
    expect(() => parseSplit(`${HEADER}\n\ntr0001\tretail\tresult\tresult\tSales up 4%`, 'x.tsv')).toThrow(
      /x\.tsv:3: 5 columns, expected 7/,
    );
    expect(() => parseSplit('id\ttext\n', 'x.tsv')).toThrow(CorpusFileError);
  });

  it('a missing split reads as not present, not as an error', () => {
    expect(loadSplit('test', '/nonexistent')).toBeNull();
    const s = scoreSplit('test', null);
    expect(s.present).toBe(false);
    expect(scoreText([s])).toMatch(/test split not present/);
  });
});

describe('Measurability corpus score', () => {
  // Dev must meet the target (the rules were tuned against it, so this only guards against regressions the
  // tuner already saw). The held-out test split, never read while tuning, is gated on the floor it first scored and
  // its gap to the target is printed: docs/rules.md §3 reports both.
  const test = scoreSplit('test');
  const dev = scoreSplit('dev');

  it('prints every split (the test split as aggregates only)', () => {
    console.log(scoreText([scoreSplit('train'), dev, test], { misses: false }));
    expect(test.present, 'test.tsv is part of the repository').toBe(true);
  });

  it(`dev: result-or-not ≥ ${GATE.resultOrNot * 100}%, class ≥ ${GATE.classAccuracy * 100}%, every class P/R ≥ ${GATE.perClassPrecisionRecall * 100}%`, () => {
    expect(dev.resultOrNot, 'result-or-not').toBeGreaterThanOrEqual(GATE.resultOrNot);
    expect(dev.classAccuracy, 'class accuracy').toBeGreaterThanOrEqual(GATE.classAccuracy);
    for (const c of dev.perClass) {
      expect(c.labelled, c.kind).toBeGreaterThan(0);
      expect(c.precision, `${c.kind} precision`).toBeGreaterThanOrEqual(GATE.perClassPrecisionRecall);
      expect(c.recall, `${c.kind} recall`).toBeGreaterThanOrEqual(GATE.perClassPrecisionRecall);
    }
  });

  it('held-out test: never below the floor it first scored (the target is printed beside it)', () => {
    const gap = [
      `held-out result-or-not ${(test.resultOrNot * 100).toFixed(1)}% (target ${GATE.resultOrNot * 100}%)`,
      `class ${(test.classAccuracy * 100).toFixed(1)}% (target ${GATE.classAccuracy * 100}%)`,
    ];
    console.log(gap.join(' · '));
    expect(test.resultOrNot, 'result-or-not').toBeGreaterThanOrEqual(HELD_OUT_FLOOR.resultOrNot);
    expect(test.classAccuracy, 'class accuracy').toBeGreaterThanOrEqual(HELD_OUT_FLOOR.classAccuracy);
    for (const c of test.perClass) {
      expect(c.labelled, c.kind).toBeGreaterThan(0);
      expect(c.precision, `${c.kind} precision`).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.precision[c.kind]);
      expect(c.recall, `${c.kind} recall`).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.recall[c.kind]);
    }
  });
});
