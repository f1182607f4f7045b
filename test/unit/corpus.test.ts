import { describe, expect, it } from 'vitest';
import { scoreCorpus, scoreText } from '../corpus/score';
import { STATEMENTS } from '../corpus/statements';

describe('Measurability corpus', () => {
  it('has at least 200 statements of every kind, across the three segments', () => {
    expect(STATEMENTS.length).toBeGreaterThanOrEqual(200);
    for (const segment of ['SMB', 'Mid-Market', 'Enterprise'])
      expect(STATEMENTS.filter((s) => s.segment === segment).length, segment).toBeGreaterThan(40);
    const written = new Set(STATEMENTS.map((s) => s.written));
    for (const w of [
      'result',
      'outcome',
      'status change',
      'vague aim',
      'activity',
      'adoption',
      'sentiment',
      'pain',
      'value',
      'feature',
    ])
      expect(written.has(w as never), w).toBe(true);
    expect(new Set(STATEMENTS.map((s) => s.text.toLowerCase())).size).toBe(STATEMENTS.length);
  });

  it('precision and recall are at least 95% for every class', () => {
    const score = scoreCorpus();
    // Printed on purpose: `npm test` shows the figures (and `npm run bench` prints the same table).
    console.log(scoreText(score));
    for (const c of score.perClass) {
      expect(c.labelled, c.kind).toBeGreaterThan(0);
      expect(c.precision, `${c.kind} precision`).toBeGreaterThanOrEqual(0.95);
      expect(c.recall, `${c.kind} recall`).toBeGreaterThanOrEqual(0.95);
    }
  });
});
