// Bench tools: load the built bundle into a bare V8 context, time calls, read peak memory, print a table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export interface BareBundle {
  readonly context: vm.Context;
  /** The bundle realm's Date, so arguments look exactly like the Dates Sheets hands a custom function. */
  readonly RealmDate: DateConstructor;
  call<T = unknown>(name: string, ...args: unknown[]): T;
}

/**
 * dist/Code.js in a fresh context with only what a custom function may touch: the spreadsheet's time zone
 * (SpreadsheetApp, Session). Anything else the bundle reached for would throw, as it would without authorization.
 */
export function loadBareBundle(
  options: { timeZone?: string; file?: string; context?: vm.Context } = {},
): BareBundle {
  const timeZone = options.timeZone ?? 'Etc/UTC';
  const file = options.file ?? join(process.cwd(), 'dist/Code.js');
  // DONT_CONTEXTIFY: a plain global object, as in Apps Script's V8. A default vm context intercepts every global
  // lookup (Date, Number, Math…), which costs ~100 ns each and would make the bench measure Node, not the bundle.
  // A context handed in is a fresh one whose Date already made the arguments (a cold run loads the bundle into it).
  const context = (options.context ?? vm.createContext(vm.constants.DONT_CONTEXTIFY)) as vm.Context &
    Record<string, unknown>;
  context.SpreadsheetApp = { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => timeZone }) };
  context.Session = { getScriptTimeZone: () => timeZone };
  // Custom functions may read document properties (formulaSettings.ts); a fresh book has none.
  context.PropertiesService = { getDocumentProperties: () => ({ getProperty: () => null }) };
  vm.runInContext(source(file), context, { filename: 'Code.js' });
  const RealmDate = vm.runInContext('Date', context) as DateConstructor;
  return {
    context,
    RealmDate,
    call<T>(name: string, ...args: unknown[]): T {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`dist/Code.js has no top-level function ${name}`);
      return fn(...args) as T;
    },
  };
}

/** A fresh, empty realm (no bundle yet) and its Date, for building a cold call's arguments. */
export function freshRealm(): { context: vm.Context; RealmDate: DateConstructor } {
  const context = vm.createContext(vm.constants.DONT_CONTEXTIFY);
  return { context, RealmDate: vm.runInContext('Date', context) as DateConstructor };
}

const sources = new Map<string, string>();
/** The bundle's text, read from disk once (Apps Script keeps the script too; a cold run still parses it). */
function source(file: string): string {
  let text = sources.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    sources.set(file, text);
  }
  return text;
}

/** A deep copy of a grid whose host Dates become Dates of the bundle's realm. */
export function inRealm<T>(value: T, RealmDate: DateConstructor): T {
  // Any realm's Date (a copy may start from another realm's arguments).
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]')
    return new RealmDate((value as unknown as Date).getTime()) as T;
  if (Array.isArray(value)) return value.map((v) => inRealm(v, RealmDate)) as T;
  return value;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
}

/**
 * A full garbage collection, so one measurement does not pay for the previous one's garbage (the bench script
 * runs under plain `tsx`, so the flag is set at run time).
 */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
}

/** Warm-up calls (V8 compiles and optimises), a full GC, then the median of `runs` calls. */
export function time(run: () => unknown, runs = 5): Timing {
  run();
  run();
  collectGarbage();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return { medianMs: median(samples), minMs: Math.min(...samples), runs };
}

/** Peak resident memory of this process so far, in MiB. */
export function peakMemoryMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export interface BenchRow {
  readonly section: string;
  readonly name: string;
  readonly [column: string]: string | number;
}

/** A plain-text table of the rows, columns in first-seen order. */
export function renderTable(rows: readonly Record<string, string | number>[]): string {
  const columns: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  const cell = (v: string | number | undefined) =>
    v === undefined ? '' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : v;
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ');
  return [
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(columns.map((c) => cell(r[c])))),
  ].join('\n');
}
