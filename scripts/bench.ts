// npm run bench: times the custom functions in the built bundle over generated books of 1k, 10k and 50k accounts.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBook } from '../local/generateBook';
import { SHEET } from '../src/sheets/layout';
import { benchHistory } from './bench/history';
import { measurabilitySection } from './bench/measurability';
import { benchReminders } from './bench/reminders';
import { inRealm, loadBareBundle, peakMemoryMiB, renderTable, time } from './benchKit';

const TODAY = '2026-11-24';
const WEEKS = 52;
const SIZES = [1_000, 10_000, 50_000] as const;

/** One part of the bench: its rows for the table, and a summary stored in bench/results.json. */
export interface BenchSection {
  readonly name: string;
  run(): SectionResult | Promise<SectionResult>;
}

export interface SectionResult {
  readonly rows: Record<string, string | number>[];
  readonly summary: Record<string, unknown>;
}

const BOOK_FUNCTIONS = ['LADDER_RUNG', 'LADDER'] as const;

export const ladderSection: BenchSection = {
  name: 'ladder',
  run() {
    const bundle = loadBareBundle({ timeZone: 'Etc/UTC' });
    const rows: Record<string, string | number>[] = [];
    const perSize: Record<string, Record<string, unknown>> = {};
    const ms: Record<string, Record<number, number>> = { LADDER_RUNG: {}, LADDER: {} };
    for (const size of SIZES) {
      const args = bookArguments(size, bundle.RealmDate);
      const usageRows = args[1].length - 1;
      perSize[size] = {
        accounts: size,
        usageRows,
        resultRows: args[2].length - 1,
        checkRows: args[3].length - 1,
      };
      for (const fn of BOOK_FUNCTIONS) {
        const out = bundle.call<unknown[][]>(fn, ...args, TODAY);
        if (out.length !== args[0].length)
          throw new Error(`${fn} returned ${out.length} rows for ${args[0].length}`);
        const t = time(() => bundle.call(fn, ...args, TODAY), size >= 50_000 ? 5 : 7);
        ms[fn][size] = t.medianMs;
        perSize[size][fn] = { medianMs: round(t.medianMs), minMs: round(t.minMs), runs: t.runs };
        rows.push({
          function: fn,
          accounts: size,
          'usage rows': usageRows,
          'median ms': t.medianMs,
          'min ms': t.minMs,
          'ms per 1k accounts': t.medianMs / (size / 1000),
          'peak RSS MiB': peakMemoryMiB(),
        });
      }
    }
    const ratios = Object.fromEntries(
      BOOK_FUNCTIONS.map((fn) => [fn, round(ms[fn][50_000] / ms[fn][10_000])]),
    );
    for (const fn of BOOK_FUNCTIONS)
      rows.push({ function: fn, accounts: '50k/10k', 'median ms': ratios[fn] });
    return { rows, summary: { today: TODAY, weeks: WEEKS, sizes: perSize, ratio50kTo10k: ratios } };
  },
};

/**
 * The arguments Sheets would pass: 2D arrays holding the script realm's Dates. Built in a function of its own so
 * the generator's copy is garbage before anything is timed.
 */
function bookArguments(size: number, RealmDate: DateConstructor): unknown[][][] {
  const sheets = generateBook({ accounts: size, weeks: WEEKS, today: TODAY });
  return [SHEET.accounts, SHEET.usage, SHEET.results, SHEET.checks, SHEET.segments].map((name) =>
    inRealm(sheets[name], RealmDate),
  );
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export async function runBench(sections: readonly BenchSection[]): Promise<void> {
  const bundleBytes = statSync(join(process.cwd(), 'dist/Code.js')).size;
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    bundleBytes,
    sections: {},
  };
  for (const section of sections) {
    const { rows, summary } = await section.run();
    console.log(`\n${section.name}\n${renderTable(rows)}`);
    (results.sections as Record<string, unknown>)[section.name] = summary;
  }
  results.peakMemoryMiB = round(peakMemoryMiB());
  console.log(
    `\ndist/Code.js ${(bundleBytes / 1024).toFixed(1)} KiB · peak RSS ${peakMemoryMiB().toFixed(0)} MiB`,
  );
  mkdirSync(join(process.cwd(), 'bench'), { recursive: true });
  writeFileSync(join(process.cwd(), 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('wrote bench/results.json');
}

/** Reminders: one run over the 10k book in the in-memory runtime, with its service calls by method. */
export const remindersSection: BenchSection = {
  name: 'reminders (runReminders, 10k accounts)',
  async run() {
    const r = await benchReminders();
    const calls = r.calls as Record<string, number>;
    const rows: Record<string, string | number>[] = [
      { measure: 'whole run ms', value: r.ms as number },
      { measure: 'same-day rerun ms', value: (r.rerun as { ms: number }).ms },
      { measure: 'emails sent (owners + leader)', value: `${r.emails} (${r.owners} owners + 1)` },
      { measure: 'emails on same-day rerun', value: (r.rerun as { emails: number }).emails },
      { measure: 'largest digest HTML bytes', value: r.maxHtmlBytes as number },
      ...Object.entries(r.cells as Record<string, number>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([method, n]) => ({ measure: `cells: ${method}`, value: n })),
      ...Object.entries(calls)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([method, n]) => ({ measure: `calls: ${method}`, value: n })),
    ];
    return { rows, summary: r };
  },
};

/** Ladder history: LADDER_TREND over a year of simulated history, and a refresh that changes nothing. */
export const historySection: BenchSection = {
  name: 'ladder history (10k accounts, 52 weeks)',
  async run() {
    const r = await benchHistory();
    return { rows: Object.entries(r).map(([measure, value]) => ({ measure, value })), summary: r };
  },
};

runBench([ladderSection, historySection, remindersSection, measurabilitySection]).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
