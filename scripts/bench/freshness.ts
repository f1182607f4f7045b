// Bench: the Usage summary's freshness check (issue 22) on the 10,000-account / 520,000-row book — what the Account
// view and My book cost with Usage unchanged (the check passes) and after one Usage row was pasted over (same row
// count: the check fails and the view says so), from the runtime's counters (docs/cost-model.md).
import { generateBook } from '../../local/generateBook';
import { createRuntime } from '../../local/runtime/index';
import { SHEET } from '../../src/sheets/layout';
import { costOf } from './costModel';

const TODAY = '2026-11-24';
const NOW = new Date(`${TODAY}T14:00:00Z`);
const TIME_ZONE = 'America/New_York';

export interface FreshnessFigures {
  readonly state: string;
  readonly action: string;
  readonly cellsRead: number;
  readonly cellsSearched: number;
  readonly calls: number;
  readonly getValuesCalls: number;
  readonly metadataReads: number;
  readonly estimatedAppsScriptMs: number;
  readonly said: string;
}

export function benchFreshness(
  accounts = 10_000,
  weeks = 52,
): {
  usageRows: number;
  figures: FreshnessFigures[];
} {
  const sheets = generateBook({ accounts, weeks, today: TODAY, timeZone: TIME_ZONE });
  const usageRows = (sheets[SHEET.usage]?.length ?? 1) - 1;
  const leader = 'lead@acme.example';
  const rt = createRuntime({ now: NOW, sheets, user: leader, timeZone: TIME_ZONE });
  rt.load();
  rt.properties.document.set('resultsLadder.settings', JSON.stringify({ leaderEmail: leader }));
  rt.call('setUpWorkbook');
  const row = Math.floor(accounts / 2) + 1;
  rt.call('getAccountView', row - 1); // warm-up, as in the big-book section
  const figures: FreshnessFigures[] = [];
  const measure = (state: string) => {
    type Said = { usageFreshness?: string; usageStale?: boolean };
    for (const [action, run] of [
      ['open an account (getAccountView)', () => rt.call<Said>('getAccountView', row)],
      ['My book, the leader (getMyBook)', () => rt.call<Said>('getMyBook')],
    ] as const) {
      rt.calls.reset();
      const out = run();
      const cost = costOf(rt.calls);
      figures.push({
        state,
        action,
        cellsRead: cost.cellsRead,
        cellsSearched: cost.cellsSearched,
        calls: cost.calls,
        getValuesCalls: rt.calls.count('Range.getValues'),
        metadataReads: rt.calls.count('Sheet.getDeveloperMetadata'),
        estimatedAppsScriptMs: cost.estimatedAppsScriptMs,
        said: `${out.usageStale ? 'stale: ' : ''}${(out.usageFreshness ?? '').slice(0, 60)}`,
      });
    }
  };
  measure('Usage unchanged');
  // One row near the top pasted over: the same row count and last row.
  const usage = rt.values(SHEET.usage);
  usage[2] = [usage[2][0], usage[2][1], Number(usage[2][2]) + 5, usage[2][3]];
  rt.setValues(SHEET.usage, usage);
  measure('one Usage row pasted over');
  return { usageRows, figures };
}
