// The judge's per-cell functions over the bench's 50,000-row column (scripts/bench/measurability.ts), in this build
// and in the build of an earlier commit, side by side: alternating runs, a full garbage collection before each, so the
// machine's drift (±30% and more on a shared VM) falls on both alike. The default base is the judge before issue 24.
//
//   npx tsx scripts/judgeSideBySide.ts [--base <commit>] [--rounds 11] [--functions IS_MEASURABLE,RESULT_LINT]
//
// Builds this checkout, then the base in a temporary git worktree sharing this node_modules; prints each function's
// medians and minima and the ratio of this build to the base. README, "Measurability" cites its figures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COLUMN_ROWS, column } from './bench/measurability';
import { collectGarbage, loadBareBundle, median } from './benchKit';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'da83ac5' },
    rounds: { type: 'string', default: '11' },
    functions: { type: 'string', default: 'IS_MEASURABLE,RESULT_LINT,CHAIN_STATUS' },
  },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1)
  throw new Error(`--rounds must be a whole number, not '${values.rounds}'`);

const here = process.cwd();
const run = (cwd: string, command: string, args: string[]) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });

run(here, 'npm', ['run', 'build']);
const baseDir = mkdtempSync(join(tmpdir(), 'judge-base-'));
try {
  run(here, 'git', ['worktree', 'add', '--detach', '--force', baseDir, values.base]);
  symlinkSync(join(here, 'node_modules'), join(baseDir, 'node_modules'));
  run(baseDir, 'npm', ['run', 'build']);
  const bundles = {
    base: loadBareBundle({ file: join(baseDir, 'dist', 'Code.js') }),
    this: loadBareBundle({ file: join(here, 'dist', 'Code.js') }),
  };
  const col = column(COLUMN_ROWS);
  console.log(
    `${COLUMN_ROWS.toLocaleString('en')}-row column, ${rounds} alternating runs each; base ${values.base}`,
  );
  for (const fn of values.functions.split(',')) {
    const args = fn === 'CHAIN_STATUS' ? [col, col, col] : [col];
    const ms = { base: [] as number[], this: [] as number[] };
    // Warm-up: V8 compiles and optimises both bundles' paths before anything is timed.
    for (const b of Object.values(bundles)) for (let i = 0; i < 2; i++) b.call(fn, ...args);
    for (let r = 0; r < rounds; r++)
      for (const which of r % 2 === 0 ? (['base', 'this'] as const) : (['this', 'base'] as const)) {
        collectGarbage();
        const start = performance.now();
        bundles[which].call(fn, ...args);
        ms[which].push(performance.now() - start);
      }
    const [b, t] = [median(ms.base), median(ms.this)];
    const [bMin, tMin] = [Math.min(...ms.base), Math.min(...ms.this)];
    console.log(
      `${fn.padEnd(14)} this ${t.toFixed(0)} ms · base ${b.toFixed(0)} ms · ${(t / b).toFixed(2)}× (minima ${tMin.toFixed(0)} / ${bMin.toFixed(0)} ms, ${(tMin / bMin).toFixed(2)}×)`,
    );
  }
} finally {
  run(here, 'git', ['worktree', 'remove', '--force', baseDir]);
  rmSync(baseDir, { recursive: true, force: true });
}
