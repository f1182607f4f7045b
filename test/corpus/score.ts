// The measurability classifier scored over the labelled corpus, per split (train + the seeds' own examples, dev, and
// the held-out test split): result-or-not accuracy, class accuracy, precision and recall per class, and per link.
// The test split is never tuned on: its report carries aggregate figures only, never the statements it got wrong.
import { classifyStatement, STATEMENT_KINDS } from '../../src/core/measurable';
import type { ChainLink } from '../../src/core/types';
import { loadSplit, type Split } from './load';
import { SEED_STATEMENTS } from './seedStatements';
import type { LabelledStatement } from './statements';

export type Kind = (typeof STATEMENT_KINDS)[number];

/** The target for the held-out test split (and the gate on dev, which the rules were tuned against). */
export const GATE = { resultOrNot: 0.97, classAccuracy: 0.92, perClassPrecisionRecall: 0.9 } as const;

/**
 * The floor each split is held to: what the judge scored when the floor was last set (2026-12-04, rules + word model).
 * The held-out test split (547 statements by one blind labeller, then 260 and 260 by two more, never read while tuning)
 * is gated on its floor: a change that makes it worse fails, and the gap to GATE is printed on every run. Dev (the
 * first 194 statements, then 9,349 written fresh by thirty-six blind labellers, each batch scored before anything was
 * tuned on it) is what the word model learns from, so its figures say what it memorised, not how it generalises; its
 * floor only catches a change that breaks what it learned. Raise a floor when the score rises; never lower it to pass.
 * Set lower for a few held-out figures five times, each time said in the commit: adding the word model (feature
 * precision 93.8% → 90.6%, vague recall 80.4% → 78.6%, class 81.1% → 88.4%), then training it on two more fresh
 * batches (result-or-not 95.4% → 95.3%, measurable recall 98.1% → 97.7%, class 88.8% → 89.5%); once more when the
 * written rules on scores and usage words were made final (class 89.5% → 89.1%, activity precision 85.8% → 81.1%,
 * value recall 93.6% → 89.4%, sentiment recall 82.2% → 81.0%); when the model learned from seven more batches and
 * was trusted by what decided the rules' reading (class 89.3% → 93.9%; feature precision 95.3% → 93.9%, vague
 * precision and recall, sentiment precision); and when it learned from six more and a usage word or a sized scope
 * became never a result, whatever the model (class 93.9% → 94.4%; measurable recall 97.8% → 97.2%, vague precision
 * 88.8% → 87.4%, adoption precision 99.0% → 98.1%); and when it learned from four more batches on the edge of vague,
 * fitted with a tenth of the L2 and trusted at thresholds chosen again by cross-validation (class 94.4% → 95.3%;
 * measurable recall 97.2% → 96.9%, feature recall 90.0% → 88.4%, vague precision 87.4% → 86.8%); and when four more on
 * features, values and feelings followed, with the thresholds chosen again (class 95.3% → 95.8%; measurable precision
 * 97.2% → 96.9%, value precision 98.3% → 96.0% and recall 97.5% → 96.7%, vague recall 92.6% → 92.0%); and when four more on lines
 * easily mistaken for vague followed, with more status changes in the rules (result-or-not 98.3% → 97.9%, class 95.8%
 * → 95.6%, measurable precision 96.9% → 96.0%, sentiment precision 99.1% → 98.2% and recall 94.1% → 93.3%, vague
 * precision 88.5% → 88.4% and recall 92.0% → 91.3%, the cross-validation up); and when four more general batches
 * followed (class 95.7% → 96.4%; value precision 96.8% → 96.0%); and when a measure the rules read needed 0.9 to
 * become a value, a feature or a vague aim, so the demo book's measured pain stays one (class 96.5% → 96.4%, measurable
 * precision 96.9% → 96.6%, vague recall 94.0% → 93.3%; the cross-validation unchanged). Before issue 24 the first
 * held-out batch scored 77.3% / 57.9%.
 */
export const FLOORS = {
  test: {
    resultOrNot: 0.982,
    classAccuracy: 0.964,
    precision: {
      measurable: 0.966,
      activity: 0.956,
      adoption: 0.991,
      sentiment: 1,
      value: 0.96,
      feature: 0.982,
      vague: 0.909,
    },
    recall: {
      measurable: 0.975,
      activity: 0.981,
      adoption: 0.982,
      sentiment: 0.949,
      value: 0.991,
      feature: 0.925,
      vague: 0.933,
    },
  },
  dev: {
    resultOrNot: 0.996,
    classAccuracy: 0.996,
    precision: {
      measurable: 0.997,
      activity: 0.988,
      adoption: 0.994,
      sentiment: 0.999,
      value: 1,
      feature: 1,
      vague: 0.993,
    },
    recall: {
      measurable: 0.987,
      activity: 1,
      adoption: 1,
      sentiment: 0.998,
      value: 0.999,
      feature: 0.998,
      vague: 0.997,
    },
  },
} as const;

export interface ClassScore {
  readonly kind: Kind;
  /** Statements labelled with this class. */
  readonly labelled: number;
  /** Statements the classifier put in this class. */
  readonly predicted: number;
  readonly correct: number;
  /** correct ÷ predicted (1 when nothing was predicted and nothing was labelled). */
  readonly precision: number;
  /** correct ÷ labelled (1 when nothing was labelled). */
  readonly recall: number;
}

export interface Figures {
  readonly statements: number;
  /** Share whose measurable-or-not verdict matches the label (what IS_MEASURABLE answers). */
  readonly resultOrNot: number;
  /** Share whose class matches the label. */
  readonly classAccuracy: number;
  readonly perClass: readonly ClassScore[];
}

export interface Miss {
  readonly id: string;
  readonly text: string;
  readonly labelled: Kind;
  readonly got: string;
}

export interface SplitScore extends Figures {
  readonly split: Split;
  readonly present: boolean;
  /** Statements labelled `ambiguous`: in the file, out of the score. */
  readonly ambiguous: number;
  readonly perLink: Readonly<Record<ChainLink, Figures>>;
  /** Empty for the test split: it is reported in aggregate only. */
  readonly misses: readonly Miss[];
}

interface Judged {
  readonly id: string;
  readonly link: ChainLink;
  readonly text: string;
  readonly labelled: Kind;
  readonly got: string;
}

/** Accuracy, and precision and recall per class, of verdicts against labels (the corpus test, the bench, the CV). */
export function figures(rows: readonly Pick<Judged, 'labelled' | 'got'>[]): Figures {
  const n = rows.length;
  const perClass = STATEMENT_KINDS.map((kind): ClassScore => {
    let labelled = 0;
    let predicted = 0;
    let correct = 0;
    for (const r of rows) {
      if (r.labelled === kind) labelled++;
      if (r.got === kind) predicted++;
      if (r.got === kind && r.labelled === kind) correct++;
    }
    return {
      kind,
      labelled,
      predicted,
      correct,
      precision: predicted === 0 ? (labelled === 0 ? 1 : 0) : correct / predicted,
      recall: labelled === 0 ? 1 : correct / labelled,
    };
  });
  const share = (ok: (r: Pick<Judged, 'labelled' | 'got'>) => boolean) =>
    n === 0 ? 1 : rows.filter(ok).length / n;
  return {
    statements: n,
    resultOrNot: share((r) => (r.got === 'measurable') === (r.labelled === 'measurable')),
    classAccuracy: share((r) => r.got === r.labelled),
    perClass,
  };
}

/** The train split also holds every example statement in the two seed documents (seedStatements.ts). */
function statementsOf(split: Split): LabelledStatement[] | null {
  const rows = loadSplit(split);
  if (rows === null || split !== 'train') return rows;
  return [
    ...rows,
    ...SEED_STATEMENTS.map(
      (s, i): LabelledStatement => ({
        id: `sd${String(i + 1).padStart(4, '0')}`,
        industry: 'analytics (seed)',
        link: 'result',
        written: s.kind === 'measurable' ? 'result' : 'vague aim',
        text: s.text,
        kind: s.kind,
        reason: s.because,
      }),
    ),
  ];
}

export function scoreSplit(split: Split, statements = statementsOf(split)): SplitScore {
  const empty = figures([]);
  if (statements === null)
    return {
      split,
      present: false,
      ambiguous: 0,
      ...empty,
      perLink: { pain: empty, value: empty, result: empty },
      misses: [],
    };
  const judged: Judged[] = [];
  let ambiguous = 0;
  for (const s of statements) {
    if (s.kind === 'ambiguous') {
      ambiguous++;
      continue;
    }
    judged.push({
      id: s.id,
      link: s.link,
      text: s.text,
      labelled: s.kind,
      got: classifyStatement(s.text).kind,
    });
  }
  const byLink = (link: ChainLink) => figures(judged.filter((r) => r.link === link));
  return {
    split,
    present: true,
    ambiguous,
    ...figures(judged),
    perLink: { pain: byLink('pain'), value: byLink('value'), result: byLink('result') },
    misses: split === 'test' ? [] : judged.filter((r) => r.got !== r.labelled),
  };
}

export function scoreCorpus(): readonly SplitScore[] {
  return (['train', 'dev', 'test'] as const).map((s) => scoreSplit(s));
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The figures for a terminal: per split, the totals, one line per class and one per link; misses except for test. */
export function scoreText(scores: readonly SplitScore[], { misses = true } = {}): string {
  const lines: string[] = [];
  for (const s of scores) {
    if (!s.present) {
      lines.push(
        `measurability corpus, ${s.split}: test split not present (test/corpus/data/${s.split}.tsv)`,
      );
      continue;
    }
    lines.push(
      `measurability corpus, ${s.split}: ${s.statements} statements scored (${s.ambiguous} ambiguous left out) — ` +
        `result-or-not ${pct(s.resultOrNot)}, class ${pct(s.classAccuracy)}`,
      `  ${'class'.padEnd(12)}${'labelled'.padStart(9)}${'predicted'.padStart(10)}${'precision'.padStart(11)}${'recall'.padStart(9)}`,
      ...s.perClass.map(
        (c) =>
          `  ${c.kind.padEnd(12)}${String(c.labelled).padStart(9)}${String(c.predicted).padStart(10)}${pct(c.precision).padStart(11)}${pct(c.recall).padStart(9)}`,
      ),
      ...(['pain', 'value', 'result'] as const).map((l) => {
        const f = s.perLink[l];
        return `  link ${l.padEnd(7)}${String(f.statements).padStart(5)} statements: result-or-not ${pct(f.resultOrNot)}, class ${pct(f.classAccuracy)}`;
      }),
    );
    if (misses && s.split !== 'test')
      lines.push(
        ...s.misses.map((m) => `  miss ${m.id}: "${m.text}" labelled ${m.labelled}, read as ${m.got}`),
      );
  }
  return lines.join('\n');
}
