// npm run train:judge: trains the judge's word model on the corpus's train and dev splits (and the seeds' own examples)
// and writes src/core/statementWeights.json. The held-out test split is never read here.
//   --check  exit 1 when the weights file is not what the corpus trains (test/unit/statementModel.test.ts runs this)
//   --cv     leave-one-labeller-out cross-validation over dev's fresh batches: rules, word model and the judge as
//            shipped, at several trust thresholds (how FIT_DEFAULTS and WORD_TRUST were chosen)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  readByRules,
  STATEMENT_KINDS,
  type Trust,
  trustOf,
  WORD_TRUST,
  withSpellingRead,
} from '../src/core/measurable';
import { compact, fitModel, KEEP, probabilities, STEP, trainedWeightsText, trainingRows } from './judgeModel';
import { figures, type Kind } from '../test/corpus/score';
import { ROOT } from './typecheck';

const WEIGHTS_FILE = join(ROOT, 'src/core/statementWeights.json');

/** Leave one fresh batch (one labeller) out: the model learns from everything else and is judged on that batch. */
function crossValidate(): void {
  const rows = trainingRows();
  const batches = [...new Set(rows.map((r) => r.id.slice(0, 2)).filter((p) => /^[wx][a-z]$/.test(p)))].sort();
  const classes = STATEMENT_KINDS;
  type Read = { label: Kind; rule: string; trust: Trust; p: number[] };
  const reads: Read[] = [];
  for (const batch of batches) {
    const model = compact(fitModel(rows.filter((r) => !r.id.startsWith(batch))), KEEP, STEP);
    for (const r of rows.filter((x) => x.id.startsWith(batch))) {
      const rule = readByRules(r.text);
      const p = probabilities(model, r.text);
      const into = classes[p.indexOf(Math.max(...p))];
      const trust = trustOf(rule, withSpellingRead(r.text.trim().toLowerCase()), into);
      reads.push({ label: r.kind, rule: rule.kind, trust, p });
    }
  }
  const modelKind = (p: number[]) => classes[p.indexOf(Math.max(...p))];
  const judged = (t: Record<Trust, number>) => (x: Read) =>
    Math.max(...x.p) >= t[x.trust] ? modelKind(x.p) : x.rule;
  const policies: [string, (x: Read) => string][] = [
    ['rules', (x) => x.rule],
    ['word model', (x) => modelKind(x.p)],
  ];
  for (const [weak, decided, firm, measured] of [
    [0.4, 0.7, 1.01, 1.01],
    [0.3, 0.5, 0.5, 0.5],
    [0.3, 0.5, 0.6, 0.6],
    [0.35, 0.7, 0.75, 0.75],
    [0.3, 0.6, 0.75, 0.75],
    [0.3, 0.6, 0.8, 0.8],
    [0.3, 0.7, 0.8, 0.8],
    [0.3, 0.6, 0.85, 0.85],
    [0.3, 0.7, 0.85, 0.85],
    [0.3, 0.7, 0.85, 0.9],
    [0.3, 0.7, 0.9, 0.9],
  ]) {
    const shipped =
      weak === WORD_TRUST.weak &&
      decided === WORD_TRUST.decided &&
      firm === WORD_TRUST.firm &&
      measured === WORD_TRUST.measured
        ? ' (shipped)'
        : '';
    policies.push([
      `judge, trust ${weak} / ${decided} / ${firm} / ${measured}${shipped}`,
      judged({ weak, decided, firm, measured, never: Number.POSITIVE_INFINITY }),
    ]);
  }
  console.log(
    `leave-one-labeller-out over ${batches.join(', ')} (${reads.length} statements; the rules were tuned on the first five):`,
  );
  for (const [name, pick] of policies) {
    const f = figures(reads.map((x) => ({ labelled: x.label, got: pick(x) })));
    const worst = Math.min(...f.perClass.flatMap((c) => [c.precision, c.recall]));
    console.log(
      `  ${name.padEnd(40)} result-or-not ${pct(f.resultOrNot)}  class ${pct(f.classAccuracy)}  lowest P/R ${(100 * worst).toFixed(0)}%`,
    );
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

const { values } = parseArgs({ options: { check: { type: 'boolean' }, cv: { type: 'boolean' } } });
if (values.cv) crossValidate();
else if (values.check) {
  const same = readFileSync(WEIGHTS_FILE, 'utf8') === trainedWeightsText();
  console.log(
    same
      ? 'statementWeights.json is what the corpus trains'
      : 'statementWeights.json is stale: npm run train:judge',
  );
  process.exitCode = same ? 0 : 1;
} else {
  const text = trainedWeightsText();
  writeFileSync(WEIGHTS_FILE, text);
  console.log(`wrote ${WEIGHTS_FILE} (${(text.length / 1024).toFixed(1)} KiB)`);
}
