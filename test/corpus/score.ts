// Precision and recall per class of the measurability classifier over the labelled corpus and the seed statements.
import { classifyStatement, STATEMENT_KINDS } from '../../src/core/measurable';
import { SEED_STATEMENTS } from './seedStatements';
import { STATEMENTS } from './statements';

export type Kind = (typeof STATEMENT_KINDS)[number];

export interface ClassScore {
  readonly kind: Kind;
  /** Statements labelled with this class. */
  readonly labelled: number;
  /** Statements the classifier put in this class. */
  readonly predicted: number;
  readonly correct: number;
  /** correct ÷ predicted (1 when nothing was predicted and nothing was labelled). */
  readonly precision: number;
  /** correct ÷ labelled. */
  readonly recall: number;
}

export interface CorpusScore {
  readonly statements: number;
  readonly perClass: readonly ClassScore[];
  readonly misses: readonly { readonly text: string; readonly labelled: Kind; readonly got: string }[];
}

/** Scores every corpus statement and every seed statement: the seeds are part of what must be right. */
export function scoreCorpus(): CorpusScore {
  const rows = [...STATEMENTS, ...SEED_STATEMENTS].map((s) => ({
    text: s.text,
    labelled: s.kind,
    got: classifyStatement(s.text).kind,
  }));
  const perClass = STATEMENT_KINDS.map((kind): ClassScore => {
    const labelled = rows.filter((r) => r.labelled === kind).length;
    const predicted = rows.filter((r) => r.got === kind).length;
    const correct = rows.filter((r) => r.got === kind && r.labelled === kind).length;
    return {
      kind,
      labelled,
      predicted,
      correct,
      precision: predicted === 0 ? (labelled === 0 ? 1 : 0) : correct / predicted,
      recall: labelled === 0 ? 1 : correct / labelled,
    };
  });
  return { statements: rows.length, perClass, misses: rows.filter((r) => r.got !== r.labelled) };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The figures as a small table for a terminal: one line per class. */
export function scoreText(score: CorpusScore): string {
  const lines = [
    `measurability corpus: ${score.statements} statements (corpus + seeds), ${score.misses.length} misclassified`,
    `${'class'.padEnd(12)}${'labelled'.padStart(9)}${'predicted'.padStart(10)}${'precision'.padStart(11)}${'recall'.padStart(9)}`,
    ...score.perClass.map(
      (c) =>
        `${c.kind.padEnd(12)}${String(c.labelled).padStart(9)}${String(c.predicted).padStart(10)}${pct(c.precision).padStart(11)}${pct(c.recall).padStart(9)}`,
    ),
    ...score.misses.map((m) => `  miss: "${m.text}" labelled ${m.labelled}, read as ${m.got}`),
  ];
  return lines.join('\n');
}
