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
  trustNeeded,
  WORD_TRUST,
  withSpellingRead,
} from '../src/core/measurable';
import { compact, fitModel, KEEP, probabilities, STEP, trainedWeightsText, trainingRows } from './judgeModel';
import { ROOT } from './typecheck';

const WEIGHTS_FILE = join(ROOT, 'src/core/statementWeights.json');

/** Leave one fresh batch (one labeller) out: the model learns from everything else and is judged on that batch. */
function crossValidate(): void {
  const rows = trainingRows();
  const batches = [...new Set(rows.map((r) => r.id.slice(0, 2)).filter((p) => /^w[a-z]$/.test(p)))].sort();
  const classes = STATEMENT_KINDS;
  type Rule = { kind: string; need: number };
  const policies: Record<string, (rule: Rule, p: number[]) => string> = {
    rules: (rule) => rule.kind,
    'word model': (_rule, p) => classes[p.indexOf(Math.max(...p))],
  };
  const pick = (weak: number, decided: number) => (rule: Rule, p: number[]) => {
    const need =
      rule.need === WORD_TRUST.weak ? weak : rule.need === WORD_TRUST.decided ? decided : rule.need;
    return Math.max(...p) >= need ? classes[p.indexOf(Math.max(...p))] : rule.kind;
  };
  for (const [weak, decided] of [
    [0.4, 0.4],
    [0.4, 0.7],
    [0.4, 0.8],
    [0.5, 0.7],
    [0.4, 1.01],
  ])
    policies[
      `judge, trust ${weak} / ${decided}${weak === WORD_TRUST.weak && decided === WORD_TRUST.decided ? ' (shipped)' : ''}`
    ] = pick(weak, decided);
  const right = Object.fromEntries(Object.keys(policies).map((k) => [k, [0, 0]]));
  let n = 0;
  for (const batch of batches) {
    const model = compact(fitModel(rows.filter((r) => !r.id.startsWith(batch))), KEEP, STEP);
    for (const r of rows.filter((x) => x.id.startsWith(batch))) {
      n++;
      const read = readByRules(r.text);
      const rule = {
        kind: read.kind,
        need: trustNeeded(read, withSpellingRead(r.text.trim().toLowerCase())),
      };
      const p = probabilities(model, r.text);
      for (const [name, pick] of Object.entries(policies)) {
        const got = pick(rule, p);
        if ((got === 'measurable') === (r.kind === 'measurable')) right[name][0]++;
        if (got === r.kind) right[name][1]++;
      }
    }
  }
  console.log(
    `leave-one-labeller-out over ${batches.join(', ')} (${n} statements; the rules were tuned on the first five):`,
  );
  for (const [name, [ron, cls]] of Object.entries(right))
    console.log(
      `  ${name.padEnd(28)} result-or-not ${((100 * ron) / n).toFixed(1)}%  class ${((100 * cls) / n).toFixed(1)}%`,
    );
}

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
