// Agreement between the corpus labels and a second, independent labelling (test/corpus/data/second/<split>.tsv):
// Cohen's kappa over the same statements. The second labeller saw only the seeds and the statements' text (and, for
// the test split, the link), never the first labels or the judge.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { STATEMENT_KINDS } from '../../src/core/measurable';
import { CorpusFileError, loadSplit, type Split } from './load';

const DATA_DIR =
  typeof __dirname === 'string' ? join(__dirname, 'data') : join(process.cwd(), 'test/corpus/data');

const KIND = z.enum([...STATEMENT_KINDS, 'ambiguous']);
type Label = z.infer<typeof KIND>;

export interface Agreement {
  readonly split: Split;
  /** Statements labelled twice. */
  readonly statements: number;
  /** Share with the same class. */
  readonly observed: number;
  readonly kappa: number;
  /** Kappa over the statements neither labeller called ambiguous (the ones that are scored). */
  readonly kappaScored: number;
}

/** Cohen's kappa of two labellings of the same items: (observed − chance) ÷ (1 − chance). */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): {
  observed: number;
  kappa: number;
} {
  const n = pairs.length;
  if (n === 0) throw new Error('no pairs to compare');
  const observed = pairs.filter(([a, b]) => a === b).length / n;
  const classes = new Set(pairs.flat());
  let chance = 0;
  for (const c of classes) {
    chance += (pairs.filter(([a]) => a === c).length / n) * (pairs.filter(([, b]) => b === c).length / n);
  }
  return { observed, kappa: chance === 1 ? 1 : (observed - chance) / (1 - chance) };
}

/** The second labels of a split, by statement id; every id must be a statement of that split. */
export function secondLabels(split: Split, dir = DATA_DIR): Map<string, Label> {
  const file = join(dir, 'second', `${split}.tsv`);
  const first = new Set((loadSplit(split, dir) ?? []).map((s) => s.id));
  const labels = new Map<string, Label>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (i === 0 || line.trim() === '') return;
      const [id = '', kind = ''] = line.split('\t');
      const parsed = z.safeParse(KIND, kind.trim());
      if (!parsed.success) throw new CorpusFileError(`${file}:${i + 1}: column kind ${JSON.stringify(kind)}`);
      if (!first.has(id))
        throw new CorpusFileError(`${file}:${i + 1}: column id ${id} is not in ${split}.tsv`);
      labels.set(id, parsed.data);
    });
  return labels;
}

export function agreementOf(split: Split, dir = DATA_DIR): Agreement {
  const second = secondLabels(split, dir);
  const pairs = (loadSplit(split, dir) ?? [])
    .filter((s) => second.has(s.id))
    .map((s) => [s.kind, second.get(s.id) as Label] as const);
  const all = cohensKappa(pairs);
  const scored = cohensKappa(pairs.filter(([a, b]) => a !== 'ambiguous' && b !== 'ambiguous'));
  return {
    split,
    statements: pairs.length,
    observed: all.observed,
    kappa: all.kappa,
    kappaScored: scored.kappa,
  };
}
