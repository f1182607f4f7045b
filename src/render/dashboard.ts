// The dashboard's layout: its numbers as plain tables stacked in one grid, with where each chart reads from and its colours.
import { type DashboardNumbers, RED_FIRST, type Share, type Tally } from '../core/dashboard';
import { ownerDisplayName } from '../core/ownerName';
import { type RenewalLift, renewalLiftRows } from '../core/renewal';
import type { Day } from '../core/types';
import { HEALTHS, RUNG_NAMES } from '../core/types';
import { HEALTH_SERIES, RUNG_SERIES } from './palette';

export type DashboardCell = string | number;

export type ChartKind = 'stackedBar' | 'stackedColumn' | 'line';

export interface DashboardBlock {
  readonly key: string;
  readonly title: string;
  /** Header row first. */
  readonly rows: readonly (readonly DashboardCell[])[];
  /** A chart over the header and body rows, first `columns` columns (labels + series). */
  readonly chart?: {
    readonly kind: ChartKind;
    readonly title: string;
    readonly columns: number;
    /** One colour per series, in column order (health series in health colours, rungs in the rung palette). */
    readonly colours: readonly string[];
  };
  /** A 1-based column of long text that spills over the empty cells to its right instead of wrapping. */
  readonly overflowColumn?: number;
}

export interface PlacedBlock {
  readonly key: string;
  /** 1-based sheet row of the block's header row (its title is on the row above). */
  readonly headerRow: number;
  readonly rows: number;
  readonly columns: number;
  readonly chart?: DashboardBlock['chart'];
  readonly overflowColumn?: number;
}

/** "83% (5 of 6)", or "—" when nothing was due. */
export function shareText(s: Share): string {
  if (s.of === 0) return '—';
  return `${Math.round((100 * s.count) / s.of)}% (${s.count} of ${s.of})`;
}

const MAX_PROBLEM_ROWS = 100;

function tallyRows(
  label: string,
  names: readonly string[],
  list: readonly Tally[],
  keyText: (key: string) => string = (k) => k,
): DashboardCell[][] {
  return [[label, ...names, 'Total'], ...list.map((t) => [keyText(t.key), ...t.counts, t.total])];
}

/** Owners by name ("Sam Ortiz"), never by email: the Dashboard is read by people (core/ownerName.ts). */
const nameOf = (owner: string): string => ownerDisplayName(owner);

/** A table of counts per owner (by name) with its stacked-bar chart, one series per name in `names`' order. */
function perOwner<N extends string>(
  key: string,
  title: string,
  names: readonly N[],
  list: readonly Tally[],
  colour: (name: N) => string,
): DashboardBlock {
  return {
    key,
    title,
    rows: tallyRows('Owner', names, list, nameOf),
    chart: { kind: 'stackedBar', title, columns: 1 + names.length, colours: names.map(colour) },
  };
}

const MAX_RED_ROWS = 200;
const MAX_CHANGE_ROWS = 100;
const ARROW = ' → ';

/** The renewal lift as RENEWAL_LIFT shows it: rates with their counts, unanswered apart, then "+N pts, N.N×". */
export function renewalRows(r: RenewalLift): DashboardCell[][] {
  return renewalLiftRows(r);
}

/** The dashboard's tables, in the order they appear on the sheet. */
export function dashboardBlocks(n: DashboardNumbers, isoOf: (day: Day) => string): DashboardBlock[] {
  const redRows = n.red
    .slice(0, MAX_RED_ROWS)
    .map((r): DashboardCell[] => [
      r.account,
      nameOf(r.owner),
      r.sinceHistoryBegan ? `${r.daysRed}+` : r.daysRed,
      r.reason,
    ]);
  if (n.red.length > MAX_RED_ROWS) redRows.push([`… and ${n.red.length - MAX_RED_ROWS} more`, '', '', '']);
  if (n.red.length === 0) redRows.push(['No account is Red', '', '', '']);
  const changeRows = n.changes
    .slice(0, MAX_CHANGE_ROWS)
    .map((c): DashboardCell[] => [
      c.account,
      nameOf(c.owner),
      c.healthThen === c.health ? '' : `${c.healthThen}${ARROW}${c.health}`,
      c.rungThen === c.rung ? '' : `${RUNG_NAMES[c.rungThen]}${ARROW}${RUNG_NAMES[c.rung]}`,
    ]);
  if (n.changes.length > MAX_CHANGE_ROWS)
    changeRows.push([`… and ${n.changes.length - MAX_CHANGE_ROWS} more`, '', '', '']);
  if (n.changes.length === 0) changeRows.push(['No account changed rung or health', '', '', '']);
  const firstRecorded =
    n.firstRecordedSince > 0
      ? `; ${n.firstRecordedSince} ${n.firstRecordedSince === 1 ? 'account' : 'accounts'} first recorded since`
      : '';
  const blocks: DashboardBlock[] = [
    {
      // Who is at risk, first: every Red account, its owner, how long (Ladder history) and why.
      key: 'red',
      title: `Red accounts (${n.red.length}) — who is at risk, as of ${isoOf(n.asOf)}`,
      rows: [['Account', 'Owner', 'Days Red', 'Why it is Red'], ...redRows],
      overflowColumn: 4,
    },
    perOwner('healthByOwner', 'Health per owner', RED_FIRST, n.healthByOwner, (h) => HEALTH_SERIES[h]),
    {
      key: 'changes',
      title: `What changed since ${isoOf(n.changesSince)} (from Ladder history${firstRecorded})`,
      rows: [['Account', 'Owner', 'Health', 'Rung'], ...changeRows],
    },
    {
      key: 'summary',
      title: `The book at a glance — as of ${isoOf(n.asOf)}`,
      rows: [
        ['Measure', 'Count'],
        ...RED_FIRST.map((h): DashboardCell[] => [h, n.health[h]]),
        ['Accounts', n.accounts],
        ['On the triage list (no measurable named result or no accepted validator)', n.triage],
        ['90-day checks due soon', n.checksDueSoon],
        ['90-day checks overdue', n.checksOverdue],
        ['Data problems', n.problems.length],
        ['Churned (left the ladder)', n.churned],
        ...RUNG_NAMES.map((r, i): DashboardCell[] => [`On ${r}`, n.rungs[i]]),
      ],
    },
    perOwner('rungsByOwner', 'Rungs per owner', RUNG_NAMES, n.rungsByOwner, (r) => RUNG_SERIES[r]),
    {
      key: 'healthBySegment',
      title: 'Health per segment',
      rows: tallyRows('Segment', HEALTHS, n.healthBySegment),
    },
    {
      key: 'rungsBySegment',
      title: 'Rungs per segment',
      rows: tallyRows('Segment', RUNG_NAMES, n.rungsBySegment),
    },
    {
      key: 'scorecard',
      title: 'CSM scorecard',
      rows: [
        [
          'Owner',
          'Accounts',
          'Named result and validator',
          `Chain complete ${n.kickoffDays} days after start`,
          '90-day checks on time',
          `QBR in the last ${n.qbrEveryDays} days`,
          'Green',
        ],
        ...n.scorecard.map((s) => [
          nameOf(s.owner),
          s.accounts,
          shareText(s.named),
          shareText(s.chainAfterKickoff),
          shareText(s.checksOnTime),
          shareText(s.recentQbr),
          shareText(s.green),
        ]),
      ],
    },
    {
      key: 'movement',
      title: 'Movement per owner',
      rows: [
        ['Owner', 'Climbing', 'Slipping', 'Stalled', 'Steady'],
        ...n.movement.map((m) => [nameOf(m.owner), m.climbing, m.slipping, m.stalled, m.steady]),
      ],
    },
    { key: 'renewalLift', title: 'Renewal lift', rows: renewalRows(n.renewal) },
    {
      key: 'rungsOverTime',
      title: 'Rung counts over time (every account from its start date)',
      rows: [['Week', ...RUNG_NAMES], ...n.rungsOverTime.map((w) => [isoOf(w.day), ...w.counts])],
      chart: {
        kind: 'line',
        title: 'Rung counts over time',
        columns: 1 + RUNG_NAMES.length,
        colours: RUNG_NAMES.map((r) => RUNG_SERIES[r]),
      },
    },
    {
      key: 'problems',
      title: `Data problems (${n.problems.length})`,
      rows: [
        ['Sheet', 'Row', 'Column', 'Problem'],
        ...n.problems.slice(0, MAX_PROBLEM_ROWS).map((p) => [p.sheet, p.row, p.column, p.message]),
        ...(n.problems.length > MAX_PROBLEM_ROWS
          ? [['', '', '', `… and ${n.problems.length - MAX_PROBLEM_ROWS} more`]]
          : []),
      ],
      overflowColumn: 4,
    },
  ];
  return blocks;
}

/** Column widths of the Dashboard (px): names and labels in A, owners in B, counts and shares after. */
export const DASHBOARD_COLUMN_WIDTHS = { first: 240, second: 150, rest: 110 } as const;

export function dashboardColumnWidth(column: number): number {
  const w = DASHBOARD_COLUMN_WIDTHS;
  return column === 1 ? w.first : column === 2 ? w.second : w.rest;
}

/** Chart size and the gap between charts, side by side in one band. */
export const CHART_WIDTH = 440;
export const CHART_HEIGHT = 300;
const CHART_GAP = 16;

/**
 * Where chart `index` goes in the band: x = index × (width + gap) from the sheet's left edge, as the column it
 * falls in and the offset inside it (EmbeddedChartBuilder.setPosition takes an anchor cell and pixel offsets).
 */
export function chartAnchor(
  index: number,
  widthOf: (column: number) => number = dashboardColumnWidth,
): {
  column: number;
  offsetX: number;
} {
  let x = index * (CHART_WIDTH + CHART_GAP);
  let column = 1;
  while (x >= widthOf(column)) {
    x -= widthOf(column);
    column++;
  }
  return { column, offsetX: x };
}

/** Blank rows the Dashboard keeps after the summary for its band of charts (300 px over 21 px rows, and a margin). */
export const CHART_ROWS_EACH = 16;

/**
 * Stacks the blocks into one rectangle (title row, table, blank row) so the sheet takes one write, and says
 * where each block landed so charts can point at it. Right after the `summary` block it leaves blank rows for
 * one band of charts side by side (`chartRow` is its row), so a leader reads who is at risk, what changed and the
 * counts, then the charts, before the detail tables.
 */
export function dashboardGrid(blocks: readonly DashboardBlock[]): {
  values: DashboardCell[][];
  placed: PlacedBlock[];
  chartRow: number;
} {
  const width = Math.max(1, ...blocks.flatMap((b) => b.rows.map((r) => r.length)));
  const values: DashboardCell[][] = [];
  const placed: PlacedBlock[] = [];
  const charts = blocks.filter((b) => b.chart).length;
  let chartRow = 0;
  const pad = (cells: readonly DashboardCell[]): DashboardCell[] => {
    const row = [...cells];
    while (row.length < width) row.push('');
    return row;
  };
  for (const b of blocks) {
    values.push(pad([b.title]));
    const headerRow = values.length + 1;
    for (const r of b.rows) values.push(pad(r));
    placed.push({
      key: b.key,
      headerRow,
      rows: b.rows.length,
      columns: Math.max(0, ...b.rows.map((r) => r.length)),
      chart: b.chart,
      overflowColumn: b.overflowColumn,
    });
    values.push(pad([]));
    if (b.key === 'summary' || (chartRow === 0 && b === blocks[blocks.length - 1])) {
      chartRow = values.length + 1;
      if (charts > 0) for (let i = 0; i < CHART_ROWS_EACH; i++) values.push(pad([]));
    }
  }
  return { values, placed, chartRow };
}
