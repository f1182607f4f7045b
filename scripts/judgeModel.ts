// The judge's word model, trained (docs/rules.md §3, "The word model"): multinomial logistic regression over
// statementFeatures (src/core/statementFeatures.ts), fitted by full-batch gradient descent (Adam) in a fixed order, so
// the same corpus always gives the same weights. Used by scripts/trainJudge.ts, which writes src/core/statementWeights.ts.
import { STATEMENT_KINDS, withSpellingRead } from '../src/core/measurable';
import { statementFeatures } from '../src/core/statementFeatures';
import { loadSplit } from '../test/corpus/load';
import { SEED_STATEMENTS } from '../test/corpus/seedStatements';

export type Kind = (typeof STATEMENT_KINDS)[number];
export interface TrainingRow {
  readonly text: string;
  readonly kind: Kind;
  /** How much the statement counts in the fit (1 unless said): the seeds' own examples define the classes. */
  readonly weight?: number;
}

/** The seeds are the authority on what each class is (docs/rules.md §1): each of their examples counts this much. */
export const SEED_WEIGHT = 4;

export interface FitOptions {
  /** L2 penalty per weight, per statement. */
  readonly l2: number;
  readonly epochs: number;
  /** A feature is kept when at least this many training statements have it. */
  readonly minCount: number;
}

/**
 * Chosen by leave-one-labeller-out cross-validation on the dev split's fresh batches (npm run train:judge -- --cv),
 * never on the held-out split.
 */
export const FIT_DEFAULTS: FitOptions = { l2: 0.00001, epochs: 300, minCount: 3 };

/** What is shipped: features with a class weight at least KEEP from the centre, weights in steps of STEP. */
export const KEEP = 0.3;
export const STEP = 0.05;

export interface Model {
  readonly classes: readonly Kind[];
  readonly bias: number[];
  readonly weights: Map<string, number[]>;
}

export const featuresOf = (text: string): string[] =>
  statementFeatures(withSpellingRead(String(text).trim().toLowerCase()));

export function fitModel(rows: readonly TrainingRow[], options: FitOptions = FIT_DEFAULTS): Model {
  const classes = STATEMENT_KINDS;
  const K = classes.length;
  const docs = rows.map((r) => featuresOf(r.text));
  const count = new Map<string, number>();
  for (const d of docs) for (const f of new Set(d)) count.set(f, (count.get(f) ?? 0) + 1);
  const vocab = [...count.keys()].filter((f) => (count.get(f) ?? 0) >= options.minCount).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const X = docs.map((d) => d.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const y = rows.map((r) => classes.indexOf(r.kind));
  const share = rows.map((r) => r.weight ?? 1);
  const V = vocab.length;
  const W = new Float64Array(V * K);
  const b = new Float64Array(K);
  const mW = new Float64Array(V * K);
  const vW = new Float64Array(V * K);
  const mb = new Float64Array(K);
  const vb = new Float64Array(K);
  const lr = 0.05;
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  const n = rows.length;
  const z = new Float64Array(K);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const gW = new Float64Array(V * K);
    const gb = new Float64Array(K);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) z[k] = b[k];
      for (const j of X[i]) for (let k = 0; k < K; k++) z[k] += W[j * K + k];
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, z[k]);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp(z[k] - max);
        sum += z[k];
      }
      for (let k = 0; k < K; k++) {
        const g = ((z[k] / sum - (k === y[i] ? 1 : 0)) * share[i]) / n;
        gb[k] += g;
        for (const j of X[i]) gW[j * K + k] += g;
      }
    }
    for (let j = 0; j < V * K; j++) gW[j] += options.l2 * W[j];
    const c1 = 1 - b1 ** epoch;
    const c2 = 1 - b2 ** epoch;
    for (let j = 0; j < V * K; j++) {
      mW[j] = b1 * mW[j] + (1 - b1) * gW[j];
      vW[j] = b2 * vW[j] + (1 - b2) * gW[j] * gW[j];
      W[j] -= (lr * (mW[j] / c1)) / (Math.sqrt(vW[j] / c2) + eps);
    }
    for (let k = 0; k < K; k++) {
      mb[k] = b1 * mb[k] + (1 - b1) * gb[k];
      vb[k] = b2 * vb[k] + (1 - b2) * gb[k] * gb[k];
      b[k] -= (lr * (mb[k] / c1)) / (Math.sqrt(vb[k] / c2) + eps);
    }
  }
  const weights = new Map<string, number[]>();
  for (let j = 0; j < V; j++) weights.set(vocab[j], Array.from(W.subarray(j * K, j * K + K)));
  return { classes, bias: Array.from(b), weights };
}

/** The model's probability per class for a statement. */
export function probabilities(model: Model, text: string): number[] {
  const z = [...model.bias];
  for (const f of featuresOf(text)) {
    const w = model.weights.get(f);
    if (w) for (let k = 0; k < z.length; k++) z[k] += w[k];
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const s = e.reduce((a, v) => a + v, 0);
  return e.map((v) => v / s);
}

/**
 * The model as shipped: each feature's weights centred (softmax is unchanged by a constant added to every class), kept
 * when some class weight is at least `keep` away from zero, and rounded to `step`.
 */
export function compact(model: Model, keep: number, step: number): Model {
  const weights = new Map<string, number[]>();
  for (const [f, w] of model.weights) {
    const mean = w.reduce((a, v) => a + v, 0) / w.length;
    const c = w.map((v) => Math.round((v - mean) / step) * step);
    if (c.some((v) => Math.abs(v) >= keep)) weights.set(f, c);
  }
  const mb = model.bias.reduce((a, v) => a + v, 0) / model.bias.length;
  return { classes: model.classes, bias: model.bias.map((v) => Math.round((v - mb) / step) * step), weights };
}

export interface Labelled extends TrainingRow {
  readonly id: string;
}

/** Every statement the model may learn from: train, dev and the seeds' examples, ambiguous ones left out. */
export function trainingRows(): Labelled[] {
  const corpus: Labelled[] = [];
  for (const r of [...(loadSplit('train') ?? []), ...(loadSplit('dev') ?? [])])
    if (r.kind !== 'ambiguous') corpus.push({ id: r.id, text: r.text, kind: r.kind });
  const seeds = SEED_STATEMENTS.map((s, i) => ({
    id: `sd${i}`,
    text: s.text,
    kind: s.kind,
    weight: SEED_WEIGHT,
  }));
  return [...corpus, ...seeds];
}

/** The weights file: sorted keys, one feature a line, weights in whole steps, so a retrain diffs line by line. */
export function weightsText(model: Model): string {
  const ints = (w: readonly number[]) => `[${w.map((v) => Math.round(v / STEP)).join(',')}]`;
  const groups: Record<'u' | 'f' | 'n', string[]> = { u: [], f: [], n: [] };
  const pairs = new Map<string, string[]>();
  for (const key of [...model.weights.keys()].sort()) {
    const w = model.weights.get(key)!;
    const [kind, rest] = [key.slice(0, 1), key.slice(2)];
    if (kind === 'b') {
      const [first, second] = rest.split(' ');
      const list = pairs.get(first) ?? [];
      list.push(`${JSON.stringify(second)}:${ints(w)}`);
      pairs.set(first, list);
    } else groups[kind as 'u' | 'f' | 'n'].push(`  ${JSON.stringify(rest)}: ${ints(w)}`);
  }
  const object = (lines: string[]) => `{\n${lines.join(',\n')}\n}`;
  const b = [...pairs.keys()].sort().map((k) => `  ${JSON.stringify(k)}: {${pairs.get(k)!.join(',')}}`);
  return (
    `{\n"step": ${STEP},\n"classes": ${JSON.stringify(model.classes)},\n"bias": ${ints(model.bias)},\n` +
    `"u": ${object(groups.u)},\n"b": ${object(b)},\n"f": ${object(groups.f)},\n"n": ${object(groups.n)}\n}\n`
  );
}

/** The weights file the corpus trains now. */
export function trainedWeightsText(): string {
  return weightsText(compact(fitModel(trainingRows()), KEEP, STEP));
}
