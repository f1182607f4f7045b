// The book-level custom functions' common part (docs/rules.md §4): the whole book's ranges in, every account assessed in
// one pass, and the answer aligned with the accounts range: one column (LADDER_RUNG, RESULT_HEALTH,
// LADDER_NEXT_STEP) or the Ladder table (LADDER). Pure: the thresholds and the clock come in as FormulaSources,
// so the Ladder sheet's values run (gas) and the formulas (entry) share it without importing each other.
import { dateOfDay } from '../core/dates';
import { eachAssessment, healthLabel, rungLabel } from '../core/evaluate';
import { usageWindowStart } from '../core/ladder';
import type { Settings } from '../core/settings';
import type { Assessment, Day, Problem } from '../core/types';
import { isCalendarDay, isoDay } from '../core/typedInput';
import { SHEET } from './layout';
import { columnIndex, parseBook } from './parse';
import { type DayOf, isBlank, isDate } from './schema';

export type Grid = unknown[][];

export const LADDER_COLUMNS = [
  'Account ID',
  'Account',
  'Owner',
  'Segment',
  'Rung',
  'Health',
  'Why',
  'Next step',
  'Next check due',
] as const;

/** Sheets passes a multi-cell range as an array of row arrays (checking the first row is enough: it is never ragged). */
export function isGrid(arg: unknown): arg is Grid {
  return Array.isArray(arg) && (arg.length === 0 || Array.isArray(arg[0]));
}

export function isOmitted(arg: unknown): boolean {
  return arg === undefined || arg === null || arg === '';
}

/** A range argument with its header row; Sheets passes a multi-cell range as a 2D array. */
export function rangeArg(fn: string, param: string, arg: unknown, example: string): Grid {
  if (isGrid(arg)) return arg;
  if (isOmitted(arg))
    throw new Error(
      `${fn}: '${param}' is missing; pass the whole range with its header row, e.g. ${example}`,
    );
  throw new Error(
    `${fn}: '${param}' must be a whole range with its header row, e.g. ${example}, not a single value`,
  );
}

export function optionalRangeArg(fn: string, param: string, arg: unknown, example: string): Grid | undefined {
  return isOmitted(arg) ? undefined : rangeArg(fn, param, arg, example);
}

export interface Clock {
  readonly timeZone: string;
  readonly dayOf: DayOf;
}

/**
 * What a formula run reads besides its ranges: the leader's thresholds and the spreadsheet's clock. Functions, so
 * each is read once per call and only after the ranges passed their checks.
 */
export interface FormulaSources {
  settings(): Settings;
  clock(): Clock;
}

/** `as_of`: a date cell, ISO text, or omitted for today in the spreadsheet's time zone. */
function asOfDay(fn: string, arg: unknown, { dayOf }: Clock): Day {
  const cell = isGrid(arg) && arg.length === 1 && arg[0].length === 1 ? arg[0][0] : arg;
  if (isOmitted(cell)) return dayOf(new Date()) as Day;
  const read = isDate(cell) ? dayOf(cell) : typeof cell === 'string' ? isoDay(cell) : null;
  const day = isCalendarDay(read) ? read : null;
  if (day === null)
    throw new Error(`${fn}: as_of '${String(cell)}' is not a date (use a date or YYYY-MM-DD)`);
  return day;
}

interface Assessed {
  readonly accounts: Grid;
  /**
   * How many rows the answer has: up to the last non-blank row of the accounts range. A whole-column reference
   * (Accounts!A:O) brings every blank row of the sheet; answering those too would ask Sheets for more rows than
   * the Ladder sheet has, and Sheets refuses to expand a result over missing rows.
   */
  readonly rows: number;
  /**
   * Hands each account's Assessment to `visit`, with its 0-based index in the accounts range (its row in the
   * answer), in sheet order. Each is made as it is visited and kept only if the visitor keeps it.
   */
  each(visit: (assessment: Assessment, index: number) => void): void;
  /** The Accounts data problems by 1-based row of the accounts range. */
  readonly accountProblems: Map<number, Problem[]>;
  readonly clock: Clock;
  readonly settings: Settings;
}

export const EXAMPLES = {
  accounts: 'Accounts!A:O',
  usage: 'Usage!A:D',
  results: 'Results!A:I',
  checks: 'Checks!A:F',
  segments: 'Segments!A:F',
  history: `'${SHEET.history}'!A:D`,
};

/** 1 + the index of the last row with any non-blank cell; at least 1, so the title always has its row. */
function filledLength(grid: Grid): number {
  let end = grid.length;
  while (end > 1 && (grid[end - 1] as readonly unknown[]).every(isBlank)) end--;
  return Math.max(end, 1);
}

/** Parses the ranges and assesses every account once: the whole book in one pass, indexed by Account ID. */
function assessRanges(fn: string, args: readonly unknown[], sources: FormulaSources): Assessed {
  const [accountsArg, usageArg, resultsArg, checksArg, segmentsArg, asOfArg, historyArg] = args;
  const accounts = rangeArg(fn, 'accounts', accountsArg, EXAMPLES.accounts);
  const usage = rangeArg(fn, 'usage', usageArg, EXAMPLES.usage);
  const results = rangeArg(fn, 'results', resultsArg, EXAMPLES.results);
  const checks = rangeArg(fn, 'checks', checksArg, EXAMPLES.checks);
  const segments = optionalRangeArg(fn, 'segments', segmentsArg, EXAMPLES.segments);
  const history = optionalRangeArg(fn, 'history', historyArg, EXAMPLES.history);
  // Once per call: the leader's thresholds (or the defaults when none are stored or they cannot be read).
  const settings = sources.settings();
  const time = sources.clock();
  const today = asOfDay(fn, asOfArg, time);
  const book = parseBook({ accounts, usage, results, checks, segments, history }, time.dayOf, {
    usageSince: usageWindowStart(today, settings),
  });
  const accountProblems = new Map<number, Problem[]>();
  for (const p of book.problems) {
    if (p.sheet !== SHEET.accounts) continue;
    const list = accountProblems.get(p.row);
    if (list) list.push(p);
    else accountProblems.set(p.row, [p]);
  }
  const rows = filledLength(accounts);
  return {
    accounts,
    rows,
    each: (visit) =>
      eachAssessment(book, settings, today, (a) => {
        // Every account's row is non-blank, so within the answer; the guard keeps the grid rectangular regardless.
        if (a.account.row <= rows) visit(a, a.account.row - 1);
      }),
    accountProblems,
    clock: time,
    settings,
  };
}

/** A column aligned with the accounts range: its title first, "" for rows without an assessment. */
export function accountColumn(
  fn: string,
  title: string,
  args: readonly unknown[],
  pick: (a: Assessment) => unknown,
  sources: FormulaSources,
): Grid {
  const { rows, each } = assessRanges(fn, args, sources);
  const column: Grid = new Array(rows);
  column[0] = [title];
  each((a, i) => {
    column[i] = [pick(a)];
  });
  for (let i = 1; i < rows; i++) column[i] ??= [''];
  return column;
}

/** "Start date 'Q3 2026' is not a date …": the column named once, whether or not the message already names it. */
function problemText(p: Problem): string {
  return p.column && !p.message.startsWith(p.column) ? `${p.column} ${p.message}` : p.message;
}

const rungsWord = (n: number) => `${n} rung${n === 1 ? '' : 's'}`;

/** The health reasons, the row's own data problems (a bad cell changes the answer, so it is said here), then movement. */
function why(a: Assessment, problems: readonly Problem[] | undefined, settings: Settings): string {
  const parts = [...a.reasons];
  if (problems) {
    // A problem the health reasons already state (an unknown segment is triage) is said once.
    for (const p of problems)
      if (!a.reasons.some((r) => r.includes(p.message))) parts.push(`Data problem: ${problemText(p)}`);
  }
  const m = a.movement;
  // A churned account has left the ladder: its movement on it is no longer news.
  if (a.churned) return parts.join('; ');
  if (m.trend === 'stalled' && m.daysOnRung !== null)
    parts.push(`stalled on ${a.rungName} for ${m.daysOnRung} days`);
  else if (m.trend === 'climbing')
    parts.push(`climbing: up ${rungsWord(m.change)} in the last ${settings.trendDays} days`);
  else if (m.trend === 'slipping')
    parts.push(`slipping: down ${rungsWord(-m.change)} in the last ${settings.trendDays} days`);
  return parts.join('; ');
}

/** LADDER's answer: the Ladder table, one row per row of the accounts range, its column titles first. */
export function ladderTable(args: readonly unknown[], sources: FormulaSources): Grid {
  const {
    accounts,
    rows,
    each,
    accountProblems,
    clock: time,
    settings,
  } = assessRanges('LADDER', args, sources);
  const columns = columnIndex('accounts', accounts[0] ?? []);
  const cell = (row: readonly unknown[], header: string) => {
    const i = columns[header];
    return i >= 0 && !isBlank(row[i]) ? row[i] : '';
  };
  // Due dates repeat across accounts; converting a day to the zone's midnight is the costly part, so once per day.
  const midnight = new Map<Day, number>();
  const dueDate = (day: Day): Date | '' => {
    // A due day past any calendar (a typo in Check every) shows blank; the Segments problem says why.
    if (!isCalendarDay(day)) return '';
    let ms = midnight.get(day);
    if (ms === undefined) {
      ms = dateOfDay(day, time.timeZone, Date).getTime();
      midnight.set(day, ms);
    }
    return new Date(ms);
  };
  const table: Grid = new Array(rows);
  table[0] = [...LADDER_COLUMNS];
  each((a, i) => {
    const due = a.nextCheckDue === null ? '' : dueDate(a.nextCheckDue);
    const segment = a.segment?.name ?? a.account.segment ?? '';
    table[i] = [
      a.account.id,
      a.account.name,
      a.account.owner,
      segment,
      rungLabel(a),
      healthLabel(a),
      why(a, accountProblems.get(i + 1), settings),
      a.nextStep,
      due,
    ];
  });
  for (let i = 1; i < rows; i++) {
    if (table[i] !== undefined) continue;
    // A row left out of the book (no Account ID, a duplicate) still says why, where the user looks for it.
    const problems = accountProblems.get(i + 1);
    const row = accounts[i];
    table[i] = problems
      ? [
          cell(row, 'Account ID'),
          cell(row, 'Account'),
          cell(row, 'Owner'),
          cell(row, 'Segment'),
          '',
          '',
          problems.map((p) => p.message).join('; '),
          '',
          '',
        ]
      : new Array(LADDER_COLUMNS.length).fill('');
  }
  return table;
}
