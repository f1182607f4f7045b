// Bench section for the measurability classifier: per split (train, dev, held-out test) and per link, result-or-not
// and class accuracy and per-class precision and recall (the same figures `npm test` prints; the test split in
// aggregate only), and IS_MEASURABLE / RESULT_LINT / CHAIN_STATUS over a 50k-row column in the built bundle.
import { loadSplit } from '../../test/corpus/load';
import { scoreCorpus, scoreText } from '../../test/corpus/score';

/** The column is built from train + dev only: the held-out split is never printed or timed on. */
const STATEMENTS = [...(loadSplit('train') ?? []), ...(loadSplit('dev') ?? [])];
import { loadBareBundle, time } from '../benchKit';

export const COLUMN_ROWS = 50_000;

/** A column as Sheets passes it: one statement per row, the corpus repeated, with a header and blank cells. */
export function column(rows: number): unknown[][] {
  const out: unknown[][] = [['Named result']];
  for (let i = 0; out.length < rows; i++)
    out.push([i % 17 === 0 ? '' : STATEMENTS[i % STATEMENTS.length].text]);
  return out;
}

export const measurabilitySection = {
  name: 'measurability (corpus per split and link; per-cell functions over a 50k-row column)',
  run() {
    const scores = scoreCorpus();
    console.log(`\n${scoreText(scores, { misses: false })}`);
    const bundle = loadBareBundle();
    const col = column(COLUMN_ROWS);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const rows: Record<string, string | number>[] = [];
    for (const s of scores) {
      if (!s.present) {
        rows.push({ measure: `${s.split}`, value: 'split not present' });
        continue;
      }
      rows.push({
        measure: `${s.split}: result-or-not / class (${s.statements} scored)`,
        value: `${pct(s.resultOrNot)} / ${pct(s.classAccuracy)}`,
      });
      for (const link of ['pain', 'value', 'result'] as const)
        rows.push({
          measure: `${s.split} ${link} link: result-or-not / class (${s.perLink[link].statements})`,
          value: `${pct(s.perLink[link].resultOrNot)} / ${pct(s.perLink[link].classAccuracy)}`,
        });
      for (const c of s.perClass)
        rows.push({
          measure: `${s.split} ${c.kind}: precision / recall`,
          value: `${pct(c.precision)} / ${pct(c.recall)} (${c.labelled} labelled)`,
        });
    }
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
        splits: scores.map(({ misses, ...figures }) => ({ ...figures, misclassified: misses.length })),
        columnRows: COLUMN_ROWS,
        medianMs: timings,
      },
    };
  },
};
