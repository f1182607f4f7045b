// Entry points of the dashboard and Ladder history: Refresh dashboard (menu) and the LADDER_TREND formula.
import { dashboardNumbers } from '../core/dashboard';
import { dayConverter, isoOfDay } from '../core/dates';
import { assessBook } from '../core/evaluate';
import { groupHistory, historyChanges, movementFromHistory, trendText } from '../core/history';
import type { Settings } from '../core/settings';
import type { HistoryRecord } from '../core/types';
import { loadBook } from '../gas/book';
import { keepFullReadOutputs } from '../gas/fullReadOutputs';
import { writeDashboard } from '../gas/dashboardSheet';
import { settingsForFormulas } from '../gas/formulaSettings';
import { writeHistoryRows } from '../gas/history';
import { LOCK_WAIT_MS } from '../gas/lockWait';
import { loadSettings } from '../gas/settingsStore';
import { spreadsheetTimeZone } from '../gas/timeZone';
import { dashboardBlocks, dashboardGrid } from '../render/dashboard';
import { normalizeHeader, SHEET } from '../sheets/layout';
import { parseBook } from '../sheets/parse';
import type { Registry } from './entryPoint';

export interface DashboardRefresh {
  readonly accounts: number;
  readonly historyRowsWritten: number;
  readonly charts: number;
}

/**
 * Recomputes the book with the same core as LADDER, appends today's history changes, and rewrites the
 * Dashboard sheet. Reads each data sheet once; writes history once (if anything changed) and the
 * dashboard once. Under the document lock — the same lock runReminders takes (not the script lock, which
 * an editor add-on shares across every document that installed it) — so two refreshes, or a refresh and a
 * reminder run, never append the same history twice.
 */
export function refreshDashboard(): DashboardRefresh {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = loadSettings();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new Error(
      'Another Results Ladder run is updating this workbook. Try Refresh dashboard again in a minute.',
    );
  }
  try {
    const loaded = loadBook(undefined, ss);
    const today = loaded.today;
    const { assessments, problems } = assessBook(loaded.book, settings, today);
    const changes = historyChanges(loaded.book.history, assessments, today);
    const historyRowsWritten = writeHistoryRows(loaded, changes, ss);
    keepFullReadOutputs(ss, loaded, settings);
    // Movement and stalled read Ladder history including what this run just recorded.
    const lastRow = loaded.tables.history?.values.length ?? 1;
    const appended: HistoryRecord[] = changes.map((c, i) => ({ ...c, row: lastRow + 1 + i }));
    const book =
      appended.length > 0 ? { ...loaded.book, history: [...loaded.book.history, ...appended] } : loaded.book;
    const numbers = dashboardNumbers(book, assessments, problems, settings, today);
    const { values, placed, chartRow } = dashboardGrid(dashboardBlocks(numbers, isoOfDay));
    const sheet = writeDashboard(ss, values, placed, chartRow);
    const charts = sheet.getCharts().length;
    ss.toast(
      `${numbers.accounts} accounts; ${historyRowsWritten} Ladder history change${historyRowsWritten === 1 ? '' : 's'} recorded.`,
      'Dashboard refreshed',
    );
    return { accounts: numbers.accounts, historyRowsWritten, charts };
  } finally {
    lock.releaseLock();
  }
}

/** The leader's stored windows (trend and stalled days, read-only), with `days` overriding the trend window. */
function trendSettings(days: unknown): Settings {
  const stored = settingsForFormulas();
  if (days === undefined || days === null || days === '') return stored;
  const n = typeof days === 'number' ? days : Number(String(days).trim());
  if (!Number.isInteger(n) || n < 1 || n > 3650) {
    throw new Error(
      `days must be a whole number of days between 1 and 3650, e.g. 30 (got '${String(days)}').`,
    );
  }
  return { ...stored, trendDays: n };
}

/**
 * LADDER_TREND(history, account_ids, [days]): per account `climbing`, `slipping`, `stalled N days` or
 * `steady`, read from the Ladder history range (with its header). A column of IDs gets a column back,
 * aligned row for row; a header cell 'Account ID' gets the title 'Trend'; a blank ID gets a blank.
 */
export function ladderTrend(history: unknown, accountIds: unknown, days?: unknown): string | string[][] {
  if (!Array.isArray(history) || !Array.isArray(history[0])) {
    throw new Error(
      `history: pass the whole ${SHEET.history} range with its header, e.g. '${SHEET.history}'!A:D.`,
    );
  }
  const settings = trendSettings(days);
  const dayOf = dayConverter(spreadsheetTimeZone());
  const today = dayOf(new Date());
  if (today === null) throw new Error('The spreadsheet clock gave no date; try again.');
  const book = parseBook({ history: history as unknown[][] }, dayOf);
  const byAccount = groupHistory(book.history);
  const answer = (cell: unknown): string => {
    const id = String(cell ?? '').trim();
    if (id === '') return '';
    const rows = byAccount.get(id);
    const movement = rows ? movementFromHistory(rows, today, settings) : null;
    return movement ? trendText(movement) : 'no history';
  };
  if (!Array.isArray(accountIds)) return answer(accountIds);
  return (accountIds as unknown[]).map((row, i) => {
    const cell = Array.isArray(row) ? row[0] : row;
    if (i === 0 && normalizeHeader(cell) === 'account id') return ['Trend'];
    return [answer(cell)];
  });
}

export const dashboardEntries: Registry = {
  refreshDashboard: { kind: 'menu', params: [], run: refreshDashboard },
  LADDER_TREND: {
    kind: 'custom',
    params: ['history', 'account_ids', 'days'],
    run: ladderTrend,
    doc: {
      summary:
        "How each account moved on the Results Ladder: climbing, slipping, 'stalled N days' (same rung below Result for longer than the stalled-days setting, 60 by default) or steady, read from Ladder history.",
      params: [
        {
          name: 'history',
          type: 'Array<Array<*>>',
          description: "The Ladder history range including its header row, e.g. 'Ladder history'!A:D.",
        },
        {
          name: 'account_ids',
          type: 'Array<Array<string>>|string',
          description: 'Account IDs: one cell or a column (its header cell Account ID gets the title Trend).',
        },
        {
          name: 'days',
          type: 'number',
          description:
            'Optional. The window in days to compare the rung with (default: the trend-days setting, 30 unless changed).',
        },
      ],
      returns: 'One answer per account ID, aligned with account_ids.',
    },
  },
};
