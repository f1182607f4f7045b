// The shape of a labelled corpus statement. The statements themselves are in test/corpus/data/*.tsv (train, dev and
// the held-out test split), read by test/corpus/load.ts; the seeds' own examples are in seedStatements.ts.
import type { StatementKind } from '../../src/core/measurable';
import type { ChainLink } from '../../src/core/types';

/** What the line was written as: the corpus covers every kind of line a CSM types into the chain. */
export const WRITTEN = [
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
] as const;
export type Written = (typeof WRITTEN)[number];

/** A statement's class from the seeds, or `ambiguous` where the seeds do not settle it (kept out of the score). */
export type Label = Exclude<StatementKind, 'empty'> | 'ambiguous';

export interface LabelledStatement {
  readonly id: string;
  readonly industry: string;
  /** The chain link the statement was written for (a result column, a pain, a solution value). */
  readonly link: ChainLink;
  readonly written: Written;
  readonly text: string;
  readonly kind: Label;
  /** One line: why the seeds give it this class. */
  readonly reason: string;
}
