import { describe, expect, it } from 'vitest';
import { CorpusFileError, loadSplit, parseSplit } from '../corpus/load';
import { FLOORS, GATE, scoreSplit, scoreText } from '../corpus/score';

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

  it('no held-out statement is also in train or dev (ignoring case and punctuation): the model never learns one', () => {
    const norm = (t: string) =>
      t
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    const learned = new Set(
      [...(loadSplit('train') ?? []), ...(loadSplit('dev') ?? [])].map((r) => norm(r.text)),
    );
    const both = (loadSplit('test') ?? []).filter((r) => learned.has(norm(r.text)));
    expect(both.length, 'held-out statements also learned from').toBe(0);
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
  // The train split (the first statements and the seeds' own examples) was tuned on until it scored every statement
  // right, so it is held to the target. Dev and the held-out test split are gated on the floor they last scored, with
  // the gap to the target printed: docs/rules.md §3 reports all three.
  const train = scoreSplit('train');
  const dev = scoreSplit('dev');
  const test = scoreSplit('test');

  it('prints every split (the test split as aggregates only)', () => {
    console.log(scoreText([train, dev, test], { misses: false }));
    expect(test.present, 'test.tsv is part of the repository').toBe(true);
  });

  it(`train: result-or-not ≥ ${GATE.resultOrNot * 100}%, class ≥ ${GATE.classAccuracy * 100}%, every class P/R ≥ ${GATE.perClassPrecisionRecall * 100}%`, () => {
    expect(train.resultOrNot, 'result-or-not').toBeGreaterThanOrEqual(GATE.resultOrNot);
    expect(train.classAccuracy, 'class accuracy').toBeGreaterThanOrEqual(GATE.classAccuracy);
    for (const c of train.perClass) {
      expect(c.labelled, c.kind).toBeGreaterThan(0);
      expect(c.precision, `${c.kind} precision`).toBeGreaterThanOrEqual(GATE.perClassPrecisionRecall);
      expect(c.recall, `${c.kind} recall`).toBeGreaterThanOrEqual(GATE.perClassPrecisionRecall);
    }
  });

  for (const [name, split] of [
    ['dev', dev],
    ['held-out test', test],
  ] as const)
    it(`${name}: never below the floor it last scored (the target is printed beside it)`, () => {
      const floor = FLOORS[split.split as keyof typeof FLOORS];
      console.log(
        `${name} result-or-not ${(split.resultOrNot * 100).toFixed(1)}% (target ${GATE.resultOrNot * 100}%) · ` +
          `class ${(split.classAccuracy * 100).toFixed(1)}% (target ${GATE.classAccuracy * 100}%)`,
      );
      expect(split.resultOrNot, 'result-or-not').toBeGreaterThanOrEqual(floor.resultOrNot);
      expect(split.classAccuracy, 'class accuracy').toBeGreaterThanOrEqual(floor.classAccuracy);
      for (const c of split.perClass) {
        expect(c.labelled, c.kind).toBeGreaterThan(0);
        expect(c.precision, `${c.kind} precision`).toBeGreaterThanOrEqual(floor.precision[c.kind]);
        expect(c.recall, `${c.kind} recall`).toBeGreaterThanOrEqual(floor.recall[c.kind]);
      }
    });
});
