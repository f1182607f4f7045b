// The custom functions of docs/rules.md §4: whole ranges in, one aligned column (or a table) out, in one execution.
import { chainStatus } from '../core/chain';
import { nextCheckDue } from '../core/checks';
import { dateOfDay } from '../core/dates';
import { healthLabel, rungLabel } from '../core/evaluate';
import { isMeasurable, lintResult } from '../core/measurable';
import { renewalLift, renewalLiftRows } from '../core/renewal';
import type { Day } from '../core/types';
import { isCalendarDay, isoDay } from '../core/typedInput';
import { settingsForFormulas } from '../gas/formulaSettings';
import { columnIndex, parseBook } from '../sheets/parse';
import { type DayOf, isBlank, isDate } from '../sheets/schema';
import { clock, FORMULA_SOURCES } from '../gas/formulaSources';
import {
  accountColumn,
  EXAMPLES,
  type Grid,
  isGrid,
  isOmitted,
  ladderTable,
  rangeArg,
} from '../sheets/ladderTable';
import type { CustomFunctionDoc, Registry } from './entryPoint';

/** NEXT_CHECK_DUE's longest interval, the same most a Segments row may hold. */
const MAX_CHECK_EVERY_DAYS = 3_650;

/** The spec's check interval, for NEXT_CHECK_DUE without a third argument (every default segment uses it). */
const DEFAULT_CHECK_EVERY_DAYS = 90;

/** A single value or a range, as a grid, so every elementwise function has one shape to walk. */
function cellsOf(arg: unknown): { grid: Grid; single: boolean } {
  return isGrid(arg) ? { grid: arg, single: false } : { grid: [[isOmitted(arg) ? '' : arg]], single: true };
}

/** Applies `each` cell by cell; single values broadcast over ranges, ranges must have the same shape. */
function elementwise(
  fn: string,
  params: readonly string[],
  args: readonly unknown[],
  each: (cells: unknown[], row: number) => unknown,
): unknown {
  const inputs = args.map(cellsOf);
  const ranges = inputs.filter((x) => !x.single);
  if (ranges.length === 0)
    return each(
      inputs.map((x) => x.grid[0][0]),
      0,
    );
  const rows = ranges[0].grid.length;
  const cols = ranges[0].grid[0]?.length ?? 0;
  inputs.forEach((x, k) => {
    if (!x.single && (x.grid.length !== rows || (x.grid[0]?.length ?? 0) !== cols)) {
      throw new Error(
        `${fn}: '${params[k]}' is ${x.grid.length}×${x.grid[0]?.length ?? 0} but the first range is ${rows}×${cols}; use ranges of the same size`,
      );
    }
  });
  const out: Grid = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const line = new Array(cols);
    for (let c = 0; c < cols; c++)
      line[c] = each(
        inputs.map((x) => (x.single ? x.grid[0][0] : x.grid[r][c])),
        r,
      );
    out[r] = line;
  }
  return out;
}

function textOf(cell: unknown): string {
  return isBlank(cell) ? '' : String(cell).trim();
}

function nextCheckDueCells(args: readonly unknown[]): unknown {
  const time = clock();
  const params = ['start_date', 'last_check', 'every_days'];
  // Only a column (several rows) can carry a header row; a single cell is always a value, right or wrong.
  const [startArg] = args;
  const column = isGrid(startArg) && startArg.length > 1;
  return elementwise('NEXT_CHECK_DUE', params, args, ([start, last, every], row) => {
    if (isBlank(start)) return '';
    const startDay = dayOfCellValue(start, time.dayOf);
    const lastDay = isBlank(last) ? null : dayOfCellValue(last, time.dayOf);
    // A header row over a column of dates gets the column's title, so the result lines up with its input.
    if (
      column &&
      row === 0 &&
      (startDay === null || (lastDay === null && !isBlank(last))) &&
      typeof start === 'string'
    ) {
      return 'Next check due';
    }
    // A bad cell answers in words, in its own cell, like any other cell of a column: one bad row never hides the rest.
    if (startDay === null) return `start_date '${textOf(start)}' is not a date (use a date or YYYY-MM-DD)`;
    if (lastDay === null && !isBlank(last))
      return `last_check '${textOf(last)}' is not a date (use a date or YYYY-MM-DD)`;
    const days = isBlank(every)
      ? DEFAULT_CHECK_EVERY_DAYS
      : typeof every === 'number'
        ? every
        : Number(textOf(every));
    // A check interval past ten years is a typo, and its due date would be past any calendar ("Invalid time value").
    if (!Number.isFinite(days) || days < 0 || days > MAX_CHECK_EVERY_DAYS)
      return `every_days '${textOf(every)}' is not a number of days from 0 to ${MAX_CHECK_EVERY_DAYS}`;
    const due = nextCheckDue(startDay, lastDay, null, Math.round(days)) as Day;
    if (!isCalendarDay(due)) return `the check would fall after 9999-12-31`;
    return dateOfDay(due, time.timeZone, Date);
  });
}

function dayOfCellValue(cell: unknown, dayOf: DayOf): Day | null {
  const day = isDate(cell) ? dayOf(cell) : typeof cell === 'string' ? isoDay(cell) : null;
  return isCalendarDay(day) ? day : null;
}

function renewalLiftTable(accountsArg: unknown, resultsArg: unknown, checksArg: unknown): Grid {
  const fn = 'RENEWAL_LIFT';
  const accounts = rangeArg(fn, 'accounts', accountsArg, EXAMPLES.accounts);
  // `results` stays in the signature (docs/rules.md §4) and must be a range, but the lift no longer reads it: a blank answer
  // at the first 90-day check is counted as unanswered, never guessed from values logged before it.
  rangeArg(fn, 'results', resultsArg, EXAMPLES.results);
  const checks = rangeArg(fn, 'checks', checksArg, EXAMPLES.checks);
  if (columnIndex('accounts', accounts[0] ?? [])['Renewal status'] < 0) {
    throw new Error("Accounts: no column 'Renewal status'");
  }
  const book = parseBook({ accounts, checks }, clock().dayOf);
  return renewalLiftRows(renewalLift(book.accounts, book.checks, settingsForFormulas()));
}

const BOOK_PARAMS = ['accounts', 'usage', 'results', 'checks', 'segments', 'as_of', 'history'] as const;

type ParamDoc = CustomFunctionDoc['params'][number];

/** One description per range parameter, shared by every function that takes it. */
const BOOK_PARAM_DOCS: Readonly<Record<(typeof BOOK_PARAMS)[number], ParamDoc>> = {
  accounts: {
    name: 'accounts',
    type: 'Range',
    description: 'The whole Accounts range with its header row, e.g. Accounts!A:O.',
  },
  usage: {
    name: 'usage',
    type: 'Range',
    description: 'The whole Usage range with its header row, e.g. Usage!A:D.',
  },
  results: {
    name: 'results',
    type: 'Range',
    description: 'The whole Results range with its header row, e.g. Results!A:I.',
  },
  checks: {
    name: 'checks',
    type: 'Range',
    description: 'The whole Checks range with its header row, e.g. Checks!A:F.',
  },
  segments: {
    name: 'segments',
    type: 'Range',
    description: 'Optional. The Segments range with its header row; the built-in segments when omitted.',
  },
  as_of: {
    name: 'as_of',
    type: 'Date',
    description: 'Optional. The date to assess as of; today when omitted.',
  },
  history: {
    name: 'history',
    type: 'Range',
    description: `Optional. ${EXAMPLES.history}, with its header row: adds climbing/slipping/stalled to Why.`,
  },
};

const bookParamDocs = BOOK_PARAMS.map((name) => BOOK_PARAM_DOCS[name]);

const bookFunction = (summary: string, returns: string, run: (...args: unknown[]) => unknown) => ({
  kind: 'custom' as const,
  params: BOOK_PARAMS,
  run: run as (...args: never[]) => unknown,
  doc: { summary, params: bookParamDocs, returns },
});

export const customFunctionEntries: Registry = {
  LADDER: bookFunction(
    'The Results Ladder diagnostic for every account: rung, health and why, next step and next check due.',
    'A table aligned with the accounts range: Account ID, Account, Owner, Segment, Rung, Health, Why, Next step, Next check due.',
    (...args) => ladderTable(args, FORMULA_SOURCES),
  ),
  LADDER_RUNG: bookFunction(
    'The rung each account sits on: None, Activity, Adoption, Outcome or Result.',
    'A column aligned with the accounts range, its title first.',
    (...args) => accountColumn('LADDER_RUNG', 'Rung', args, rungLabel, FORMULA_SOURCES),
  ),
  RESULT_HEALTH: bookFunction(
    'Results-based health per account: Green, Yellow or Red.',
    'A column aligned with the accounts range, its title first.',
    (...args) => accountColumn('RESULT_HEALTH', 'Health', args, healthLabel, FORMULA_SOURCES),
  ),
  LADDER_NEXT_STEP: bookFunction(
    'The one most useful next step per account.',
    'A column aligned with the accounts range, its title first.',
    (...args) => accountColumn('LADDER_NEXT_STEP', 'Next step', args, (a) => a.nextStep, FORMULA_SOURCES),
  ),
  NEXT_CHECK_DUE: {
    kind: 'custom',
    params: ['start_date', 'last_check', 'every_days'],
    run: ((start: unknown, last: unknown, every: unknown) => nextCheckDueCells([start, last, every])) as (
      ...args: never[]
    ) => unknown,
    doc: {
      summary:
        'When the next 90-day result check is due: the later of start and last check, plus the interval.',
      params: [
        { name: 'start_date', type: 'Date', description: 'The start date, a cell or a column.' },
        {
          name: 'last_check',
          type: 'Date',
          description: 'Optional. The latest 90-day check or validation date.',
        },
        {
          name: 'every_days',
          type: 'Number',
          description: 'Optional. Days between checks; 90 when omitted.',
        },
      ],
      returns: 'A date, or a column of dates aligned with start_date.',
    },
  },
  IS_MEASURABLE: {
    kind: 'custom',
    params: ['text'],
    run: ((text: unknown) =>
      elementwise('IS_MEASURABLE', ['text'], [text], ([t]) =>
        isBlank(t) ? '' : isMeasurable(textOf(t)),
      )) as (...args: never[]) => unknown,
    doc: {
      summary:
        "TRUE when a statement is measurable in the customer's world: a number, a status change or a before-and-after; activity, adoption and sentiment are not.",
      params: [{ name: 'text', type: 'String', description: 'A result statement, a cell or a column.' }],
      returns: 'TRUE or FALSE per cell ("" for blank cells).',
    },
  },
  RESULT_LINT: {
    kind: 'custom',
    params: ['text'],
    run: ((text: unknown) =>
      elementwise('RESULT_LINT', ['text'], [text], ([t]) => (isBlank(t) ? '' : lintResult(textOf(t))))) as (
      ...args: never[]
    ) => unknown,
    doc: {
      summary:
        'What is wrong with a result statement (reads as activity, adoption, sentiment, a feature, or too vague), with an example; empty when nothing is.',
      params: [{ name: 'text', type: 'String', description: 'A result statement, a cell or a column.' }],
      returns: 'Text per cell ("" when the statement is fine or blank).',
    },
  },
  CHAIN_STATUS: {
    kind: 'custom',
    params: ['pain', 'value', 'named_result'],
    run: ((pain: unknown, value: unknown, result: unknown) =>
      elementwise('CHAIN_STATUS', ['pain', 'value', 'named_result'], [pain, value, result], ([p, v, r]) =>
        isBlank(p) && isBlank(v) && isBlank(r) ? '' : chainStatus(textOf(p), textOf(v), textOf(r)).text,
      )) as (...args: never[]) => unknown,
    doc: {
      summary:
        'The Three-Link Chain: Complete, or which of pain, value and named result is missing, and what a weak one reads as.',
      params: [
        { name: 'pain', type: 'String', description: 'The business pain, a cell or a column.' },
        { name: 'value', type: 'String', description: 'The solution value, a cell or a column.' },
        { name: 'named_result', type: 'String', description: 'The named result, a cell or a column.' },
      ],
      returns: 'Complete, or what is missing or weak, per row.',
    },
  },
  RENEWAL_LIFT: {
    kind: 'custom',
    params: ['accounts', 'results', 'checks'],
    run: ((accounts: unknown, results: unknown, checks: unknown) =>
      renewalLiftTable(accounts, results, checks)) as (...args: never[]) => unknown,
    doc: {
      summary:
        'Renewal rate of accounts that could name a result at their first 90-day check vs those that could not.',
      params: [BOOK_PARAM_DOCS.accounts, BOOK_PARAM_DOCS.results, BOOK_PARAM_DOCS.checks],
      returns:
        'A table: per answer at the first 90-day check (Yes, No, blank) the accounts, renewed, churned and renewal rate with its counts; then the lift, e.g. "82% vs 27%: +55 pts, 3.0×".',
    },
  },
};
