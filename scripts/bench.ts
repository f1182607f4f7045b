// npm run bench: times the custom functions in the built bundle over generated books of 1k, 10k and 50k accounts.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchHistory } from './bench/history';
import { measurabilitySection } from './bench/measurability';
import { benchReminders } from './bench/reminders';
import { benchBigBook } from './bench/bigBook';
import { benchFreshness } from './bench/freshness';
import { BOOK_FUNCTIONS, benchFunctionsAt, ZONES } from './bench/customFunctions';
import { peakMemoryMiB, renderTable } from './benchKit';

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

const ELEMENTWISE = [
  'NEXT_CHECK_DUE',
  'IS_MEASURABLE',
  'RESULT_LINT',
  'CHAIN_STATUS',
  'RENEWAL_LIFT',
  'LADDER_TREND',
];

/**
 * Every custom function cold (a fresh realm per call, as Apps Script runs them) and warm, in America/New_York and
 * Asia/Kolkata; the book functions at 1k, 10k and 50k accounts, the column functions at 10k.
 */
export const customFunctionSection: BenchSection = {
  name: 'custom functions (cold = fresh realm per call; warm = same realm again)',
  run() {
    const rows: Record<string, string | number>[] = [];
    const perSize: Record<string, unknown> = {};
    const at: Record<string, Record<number, { cold: number; warm: number }>> = {};
    for (const size of SIZES) {
      // Medians of 3 cold and 5 warm calls at every size: this VM's timings vary by ±30% from call to call, and the
      // 50k/10k ratio divides two of them.
      const runs = { cold: 3, warm: 5 };
      const ny = benchFunctionsAt(size, BOOK_FUNCTIONS, ['America/New_York'], runs);
      const kolkata = benchFunctionsAt(size, ['LADDER_RUNG', 'LADDER'], ['Asia/Kolkata'], runs);
      const columns = size === 10_000 ? benchFunctionsAt(size, ELEMENTWISE, ZONES, runs) : null;
      const timings = [...ny.timings, ...kolkata.timings, ...(columns?.timings ?? [])];
      const peak = Math.max(ny.peakHeapMiB, kolkata.peakHeapMiB, columns?.peakHeapMiB ?? 0);
      for (const t of timings) {
        if (t.zone === 'America/New_York') {
          const bySize = at[t.fn] ?? {};
          bySize[size] = { cold: t.coldMs, warm: t.warmMs };
          at[t.fn] = bySize;
        }
        rows.push({
          function: t.fn,
          accounts: size,
          zone: t.zone,
          'cold ms': t.coldMs,
          'warm ms': t.warmMs,
          'peak heap MiB': peak,
        });
      }
      perSize[size] = { accounts: size, usageRows: ny.usageRows, peakHeapMiB: peak, timings };
    }
    const ratios: Record<string, { cold: number; warm: number }> = {};
    for (const fn of ['LADDER_RUNG', 'LADDER']) {
      const r = {
        cold: round(at[fn][50_000].cold / at[fn][10_000].cold),
        warm: round(at[fn][50_000].warm / at[fn][10_000].warm),
      };
      ratios[fn] = r;
      rows.push({
        function: fn,
        accounts: '50k/10k',
        zone: 'America/New_York',
        'cold ms': r.cold,
        'warm ms': r.warm,
      });
    }
    return { rows, summary: { today: TODAY, weeks: WEEKS, sizes: perSize, ratio50kTo10k: ratios } };
  },
};

/** The sidebar's actions and the full-read runs on the 10k/520k book: cells, calls, Node and estimated Apps Script ms. */
export const bigBookSection: BenchSection = {
  name: 'actions on the 10,000-account / 520,000-usage-row book (cells from the runtime counters)',
  run() {
    const r = benchBigBook(10_000, WEEKS);
    const rows = r.actions.map((a) => ({
      action: a.action,
      'cells read': a.cellsRead,
      'cells searched': a.cellsSearched,
      'read+searched': a.cellsRead + a.cellsSearched,
      'cells written': a.cellsWritten,
      'priced calls': a.calls,
      'Node ms': a.nodeMs,
      'est. Apps Script ms': a.estimatedAppsScriptMs,
    }));
    return { rows, summary: r as unknown as Record<string, unknown> };
  },
};

/** The Usage summary's freshness check on the 10k/520k book: the sidebar's reads with Usage unchanged and changed. */
export const freshnessSection: BenchSection = {
  name: 'Usage summary freshness check (10,000 accounts / 520,000 usage rows)',
  run() {
    const r = benchFreshness(10_000, WEEKS);
    const rows = r.figures.map((f) => ({
      usage: f.state,
      action: f.action,
      'cells read': f.cellsRead,
      'cells searched': f.cellsSearched,
      'priced calls': f.calls,
      getValues: f.getValuesCalls,
      'metadata reads': f.metadataReads,
      'est. Apps Script ms': f.estimatedAppsScriptMs,
      'the view said': f.said,
    }));
    return { rows, summary: r as unknown as Record<string, unknown> };
  },
};

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

runBench([
  customFunctionSection,
  bigBookSection,
  freshnessSection,
  historySection,
  remindersSection,
  measurabilitySection,
]).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
