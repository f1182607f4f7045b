import { describe, expect, it } from 'vitest';
import { CorpusFileError, loadSplit, parseSplit } from '../corpus/load';
import { GATE, scoreSplit, scoreText } from '../corpus/score';

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
  // The gate is on the held-out test split once it is merged, and on dev until then; train is what the rules were
  // tuned on and is printed, not gated.
  const test = scoreSplit('test');
  const gated = test.present ? test : scoreSplit('dev');

  it(`${gated.split}: result-or-not ≥ ${GATE.resultOrNot * 100}%, class ≥ ${GATE.classAccuracy * 100}%, every class P/R ≥ ${GATE.perClassPrecisionRecall * 100}%`, () => {
    // Printed on purpose: `npm test` shows the figures (and `npm run bench` prints the same table). The test split
    // prints aggregates only.
    console.log(scoreText([scoreSplit('train'), scoreSplit('dev'), test], { misses: false }));
    expect(gated.resultOrNot, 'result-or-not').toBeGreaterThanOrEqual(GATE.resultOrNot);
    expect(gated.classAccuracy, 'class accuracy').toBeGreaterThanOrEqual(GATE.classAccuracy);
    for (const c of gated.perClass) {
      expect(c.labelled, c.kind).toBeGreaterThan(0);
      expect(c.precision, `${c.kind} precision`).toBeGreaterThanOrEqual(GATE.perClassPrecisionRecall);
      expect(c.recall, `${c.kind} recall`).toBeGreaterThanOrEqual(GATE.perClassPrecisionRecall);
    }
  });
});
