// Bench section for Ladder history: LADDER_TREND over a year of history for 10k accounts, and a refresh that changes nothing.
import { generateBook } from '../../local/generateBook';
import { createRuntime } from '../../local/runtime/index';
import { SHEET } from '../../src/sheets/layout';
import { inRealm, loadBareBundle, time as timeRuns } from '../benchKit';
import { simulateHistory } from './historySimulation';

const TODAY = '2026-11-24';
const TIME_ZONE = 'America/New_York';
/** Mid-afternoon in New York: the same calendar day in the spreadsheet's zone and in UTC. */
const NOW = new Date(`${TODAY}T15:00:00Z`);
const ACCOUNTS = 10_000;
const WEEKS = 52;

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Numbers for `npm run bench`: sizes and milliseconds (median of runs), and how many history rows a
 * refresh that changes nothing writes (must be 0).
 */
export async function benchHistory(): Promise<Record<string, number>> {
  const sim = simulateHistory({ accounts: ACCOUNTS, weeks: WEEKS, today: TODAY, timeZone: TIME_ZONE });
  // As Sheets calls a custom function: a bare bundle, arguments already holding the script realm's Dates.
  const bundle = loadBareBundle({ timeZone: TIME_ZONE });
  const history = inRealm(sim.rows, bundle.RealmDate);
  const answers = bundle.call<unknown[][]>('LADDER_TREND', history, sim.accountIds).length - 1;
  const trend = timeRuns(() => bundle.call('LADDER_TREND', history, sim.accountIds), 5);

  const book = generateBook({ accounts: ACCOUNTS, weeks: WEEKS, today: TODAY, timeZone: TIME_ZONE });
  const rt = createRuntime({ timeZone: TIME_ZONE, now: NOW, sheets: book });
  rt.load();
  const first = time(() => rt.call<{ historyRowsWritten: number }>('refreshDashboard'));
  const historyRowsAfterFirst = rt.values(SHEET.history).length;
  rt.calls.reset();
  const second = time(() => rt.call<{ historyRowsWritten: number }>('refreshDashboard'));
  const reads = rt.calls.count('Range.getValues');
  const writes = rt.calls.count('Range.setValues');
  const historyRowsAfterSecond = rt.values(SHEET.history).length;

  return {
    'history rows (10k accounts, 52 weeks simulated)': sim.rows.length - 1,
    'history cells': (sim.rows.length - 1) * 4,
    'LADDER_TREND answers': answers,
    'LADDER_TREND ms (median of 5, built bundle)': round(trend.medianMs),
    'refreshDashboard first run ms (10k book)': round(first.ms),
    'refreshDashboard history rows written, first run': first.value.historyRowsWritten,
    'refreshDashboard no-change run ms': round(second.ms),
    'refreshDashboard no-change history rows written': second.value.historyRowsWritten,
    'refreshDashboard no-change history sheet growth': historyRowsAfterSecond - historyRowsAfterFirst,
    'refreshDashboard no-change getValues calls': reads,
    'refreshDashboard no-change setValues calls (dashboard only)': writes,
  };
}

if (process.argv[1]?.endsWith('bench/history.ts')) {
  benchHistory().then(
    (r) => {
      for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(64)} ${v}`);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
