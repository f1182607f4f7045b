// Bench section for the measurability classifier: per-class precision and recall over the labelled corpus (the same
// figures `npm test` prints), and IS_MEASURABLE / RESULT_LINT / CHAIN_STATUS over a 50k-row column in the built bundle.
import { STATEMENTS } from '../../test/corpus/statements';
import { scoreCorpus, scoreText } from '../../test/corpus/score';
import { loadBareBundle, time } from '../benchKit';

const COLUMN_ROWS = 50_000;

/** A column as Sheets passes it: one statement per row, the corpus repeated, with a header and blank cells. */
function column(rows: number): unknown[][] {
  const out: unknown[][] = [['Named result']];
  for (let i = 0; out.length < rows; i++)
    out.push([i % 17 === 0 ? '' : STATEMENTS[i % STATEMENTS.length].text]);
  return out;
}

export const measurabilitySection = {
  name: 'measurability (corpus precision/recall; per-cell functions over a 50k-row column)',
  run() {
    const score = scoreCorpus();
    console.log(`\n${scoreText(score)}`);
    const bundle = loadBareBundle();
    const col = column(COLUMN_ROWS);
    const rows: Record<string, string | number>[] = score.perClass.map((c) => ({
      measure: `${c.kind}: precision / recall`,
      value: `${(c.precision * 100).toFixed(1)}% / ${(c.recall * 100).toFixed(1)}% (${c.labelled} labelled)`,
    }));
    const timings: Record<string, number> = {};
    for (const [fn, args] of [
      ['IS_MEASURABLE', [col]],
      ['RESULT_LINT', [col]],
      ['CHAIN_STATUS', [col, col, col]],
    ] as const) {
      const t = time(() => bundle.call(fn, ...args), 5);
      timings[fn] = Math.round(t.medianMs);
      rows.push({
        measure: `${fn} over ${COLUMN_ROWS.toLocaleString('en')} rows, median ms`,
        value: t.medianMs,
      });
    }
    return {
      rows,
      summary: {
        statements: score.statements,
        misclassified: score.misses.length,
        perClass: score.perClass,
        columnRows: COLUMN_ROWS,
        medianMs: timings,
      },
    };
  },
};
