// Measures what keeping function names costs: dist/Code.js's size under each minify mode and the time of a cold
// custom-function call (a fresh V8 context that compiles and runs the whole bundle, then calls IS_MEASURABLE once,
// as Apps Script does for every custom-function call). Medians of RUNS runs; prints a table. Writes nothing.
//   npx tsx scripts/buildSizes.ts
import { performance } from 'node:perf_hooks';
import * as vm from 'node:vm';
import { type MinifyMode, projectCode } from './build';

const RUNS = Number(process.env.RUNS ?? 25);
const MODES: readonly MinifyMode[] = ['full', 'names', 'whitespace', 'none'];

let runs = 0;
function coldCall(code: string): number {
  // A different source each time: V8 caches the compile of a source it has seen in this process.
  const source = `${code}\n// run ${++runs}`;
  const started = performance.now();
  const context = vm.createContext({});
  new vm.Script(source, { filename: 'Code.js' }).runInContext(context);
  const fn = context.IS_MEASURABLE as (text: string) => unknown;
  if (fn('Cut month-end close from 9 to 5 days') !== true)
    throw new Error('IS_MEASURABLE did not answer TRUE');
  return performance.now() - started;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const rows: Record<string, unknown>[] = [];
for (const mode of MODES) {
  const { code } = await projectCode('src/main.ts', mode);
  coldCall(code); // the first compile of a process pays for V8's own warm-up
  const times = Array.from({ length: RUNS }, () => coldCall(code));
  rows.push({
    mode,
    'Code.js KiB': Number((Buffer.byteLength(code) / 1024).toFixed(1)),
    'cold IS_MEASURABLE ms (median)': Number(median(times).toFixed(1)),
    'min ms': Number(Math.min(...times).toFixed(1)),
    'max ms': Number(Math.max(...times).toFixed(1)),
  });
}
console.table(rows);
