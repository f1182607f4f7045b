// Bench: every custom function timed cold (a fresh realm per call: load dist/Code.js, then call — as Apps Script
// runs each custom-function execution) and warm (the same realm again), in America/New_York and Asia/Kolkata.
import * as v8 from 'node:v8';
import type * as vm from 'node:vm';
import { generateBook } from '../../local/generateBook';
import { SHEET } from '../../src/sheets/layout';
import { collectGarbage, freshRealm, inRealm, loadBareBundle, median } from '../benchKit';

const TODAY = '2026-11-24';
const WEEKS = 52;
export const ZONES = ['America/New_York', 'Asia/Kolkata'] as const;
export const BOOK_FUNCTIONS = ['LADDER_RUNG', 'LADDER', 'RESULT_HEALTH', 'LADDER_NEXT_STEP'] as const;

type Sheets = Record<string, unknown[][]>;

/** The arguments each custom function gets from a sheet, as the Ladder or a user's column formula would pass them. */
function argumentsOf(fn: string, sheets: Sheets): unknown[] {
  const col = (sheet: string, header: string): unknown[][] => {
    const rows = sheets[sheet];
    const at = rows[0].findIndex((h) => String(h).trim().toLowerCase() === header.toLowerCase());
    return rows.map((r) => [r[at]]);
  };
  const book = [SHEET.accounts, SHEET.usage, SHEET.results, SHEET.checks, SHEET.segments].map(
    (s) => sheets[s],
  );
  switch (fn) {
    case 'NEXT_CHECK_DUE':
      return [col(SHEET.accounts, 'Start date')];
    case 'IS_MEASURABLE':
    case 'RESULT_LINT':
      return [col(SHEET.accounts, 'Named result')];
    case 'CHAIN_STATUS':
      return [
        col(SHEET.accounts, 'Business pain'),
        col(SHEET.accounts, 'Solution value'),
        col(SHEET.accounts, 'Named result'),
      ];
    case 'RENEWAL_LIFT':
      return [sheets[SHEET.accounts], sheets[SHEET.results], sheets[SHEET.checks]];
    case 'LADDER_TREND':
      return [
        sheets[SHEET.history] ?? [['Date', 'Account ID', 'Rung', 'Health']],
        col(SHEET.accounts, 'Account ID'),
      ];
    default:
      return [...book, TODAY];
  }
}

export interface FunctionTiming {
  readonly fn: string;
  readonly accounts: number;
  readonly zone: string;
  readonly coldMs: number;
  readonly warmMs: number;
}

export interface SizeFigures {
  readonly accounts: number;
  readonly usageRows: number;
  readonly timings: FunctionTiming[];
  /** Highest V8 heap in use seen right after a call at this size (MiB). */
  readonly peakHeapMiB: number;
}

function heapMiB(): number {
  return v8.getHeapStatistics().used_heap_size / 1024 / 1024;
}

/**
 * Puts the arguments of every function, in a first realm, into `args`; returns the Usage row count. Built in a
 * function of its own so the generated book (and its host copy) is garbage before anything is timed, and filling
 * the caller's map (not returning a record the caller keeps) leaves no binding to this first copy once the cold
 * runs have moved on: the heap then holds one copy of the book, as in Apps Script.
 */
function firstArguments(
  accounts: number,
  functions: readonly string[],
  args: Map<string, unknown[]>,
): number {
  const sheets = generateBook({ accounts, weeks: WEEKS, today: TODAY }) as Sheets;
  const realm = freshRealm();
  // Functions that take the whole book share one copy of it, as one formula's ranges would.
  let book: unknown[] | null = null;
  for (const fn of functions) {
    if ((BOOK_FUNCTIONS as readonly string[]).includes(fn)) {
      book ??= inRealm(argumentsOf(fn, sheets), realm.RealmDate);
      args.set(fn, book);
    } else args.set(fn, inRealm(argumentsOf(fn, sheets), realm.RealmDate));
  }
  return sheets[SHEET.usage].length - 1;
}

/**
 * `fn`'s arguments copied into a fresh realm, and every function sharing the old copy moved to the new one. A
 * function of its own so no frame of the caller still holds the old copy when it collects garbage: the timed call
 * then runs with one copy of the book on the heap, not two.
 */
function intoFreshRealm(
  current: ReadonlyMap<string, unknown[]>,
  fn: string,
): { args: unknown[]; current: Map<string, unknown[]>; context: vm.Context } {
  const realm = freshRealm();
  const old = current.get(fn) ?? [];
  const args = inRealm(old, realm.RealmDate);
  const next = new Map<string, unknown[]>();
  for (const [name, value] of current) next.set(name, value === old ? args : value);
  return { args, current: next, context: realm.context };
}

/** Cold: `cold` fresh realms (load + one call each); warm: `warm` further calls in the last realm. */
export function benchFunctionsAt(
  accounts: number,
  functions: readonly string[],
  zones: readonly string[] = ZONES,
  runs: { cold: number; warm: number } = { cold: 3, warm: 5 },
): SizeFigures {
  let current = new Map<string, unknown[]>();
  const usageRows = firstArguments(accounts, functions, current);
  const timings: FunctionTiming[] = [];
  let peak = 0;
  for (const zone of zones) {
    for (const fn of functions) {
      const colds: number[] = [];
      let bundle = loadBareBundle({ timeZone: zone });
      let args: unknown[] = [];
      for (let i = 0; i < runs.cold; i++) {
        // Arguments arrive in the new realm before the script runs: copied outside the timing, from the previous
        // realm's copy, which is garbage once copied.
        bundle = loadBareBundle({ timeZone: zone }); // drops the previous realm before the copy is made
        const moved = intoFreshRealm(current, fn);
        current = moved.current;
        args = moved.args;
        collectGarbage();
        const t0 = performance.now();
        bundle = loadBareBundle({ timeZone: zone, context: moved.context });
        bundle.call(fn, ...args);
        colds.push(performance.now() - t0);
        peak = Math.max(peak, heapMiB());
      }
      const warms: number[] = [];
      for (let i = 0; i < runs.warm; i++) {
        // The previous call's garbage is collected first, as for a cold run: each warm figure is one call's work.
        collectGarbage();
        const t0 = performance.now();
        bundle.call(fn, ...args);
        warms.push(performance.now() - t0);
        peak = Math.max(peak, heapMiB());
      }
      timings.push({ fn, accounts, zone, coldMs: median(colds), warmMs: median(warms) });
    }
  }
  return { accounts, usageRows, timings, peakHeapMiB: Math.round(peak) };
}
