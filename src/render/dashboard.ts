// The dashboard's layout: its numbers as plain tables stacked in one grid, with where each chart reads from and its colours.
import type { DashboardNumbers, Share, Tally } from '../core/dashboard';
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
}

export interface PlacedBlock {
  readonly key: string;
  /** 1-based sheet row of the block's header row (its title is on the row above). */
  readonly headerRow: number;
  readonly rows: number;
  readonly columns: number;
  readonly chart?: DashboardBlock['chart'];
}

/** "83% (5 of 6)", or "—" when nothing was due. */
export function shareText(s: Share): string {
  if (s.of === 0) return '—';
  return `${Math.round((100 * s.count) / s.of)}% (${s.count} of ${s.of})`;
}

const MAX_PROBLEM_ROWS = 100;

function tallyRows(label: string, names: readonly string[], list: readonly Tally[]): DashboardCell[][] {
  return [[label, ...names, 'Total'], ...list.map((t) => [t.key, ...t.counts, t.total])];
}

/** The renewal lift as RENEWAL_LIFT shows it: rates with their counts, unanswered apart, then "+N pts, N.N×". */
export function renewalRows(r: RenewalLift): DashboardCell[][] {
  return renewalLiftRows(r);
}

/** The dashboard's tables, in the order they appear on the sheet. */
export function dashboardBlocks(n: DashboardNumbers, isoOf: (day: Day) => string): DashboardBlock[] {
  const blocks: DashboardBlock[] = [
    {
      key: 'summary',
      title: `The book at a glance — as of ${isoOf(n.asOf)}`,
      rows: [
        ['Measure', 'Count'],
        ['Accounts', n.accounts],
        ['On the triage list (no measurable named result or no accepted validator)', n.triage],
        ['90-day checks due soon', n.checksDueSoon],
        ['90-day checks overdue', n.checksOverdue],
        ['Data problems', n.problems.length],
        ['Churned (left the ladder)', n.churned],
        ...HEALTHS.map((h): DashboardCell[] => [h, n.health[h]]),
        ...RUNG_NAMES.map((r, i): DashboardCell[] => [`On ${r}`, n.rungs[i]]),
      ],
    },
    {
      key: 'rungsByOwner',
      title: 'Rungs per owner',
      rows: tallyRows('Owner', RUNG_NAMES, n.rungsByOwner),
      chart: {
        kind: 'stackedBar',
        title: 'Rungs per owner',
        columns: 1 + RUNG_NAMES.length,
        colours: RUNG_NAMES.map((r) => RUNG_SERIES[r]),
      },
    },
    {
      key: 'rungsBySegment',
      title: 'Rungs per segment',
      rows: tallyRows('Segment', RUNG_NAMES, n.rungsBySegment),
    },
    {
      key: 'healthBySegment',
      title: 'Health per segment',
      rows: tallyRows('Segment', HEALTHS, n.healthBySegment),
      chart: {
        kind: 'stackedColumn',
        title: 'Health per segment',
        columns: 1 + HEALTHS.length,
        colours: HEALTHS.map((h) => HEALTH_SERIES[h]),
      },
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
          s.owner,
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
        ...n.movement.map((m) => [m.owner, m.climbing, m.slipping, m.stalled, m.steady]),
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
    },
  ];
  return blocks;
}

/** Blank rows the Dashboard keeps after the summary for its charts, stacked one under the other. */
export const CHART_ROWS_EACH = 17;

/**
 * Stacks the blocks into one rectangle (title row, table, blank row) so the sheet takes one write, and says
 * where each block landed so charts can point at it. Right after the `summary` block it leaves blank rows for
 * the charts (`chartRow` is the first), so a leader sees the counts and then the charts at the left of the
 * sheet — in view beside the sidebar — before the detail tables.
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
    });
    values.push(pad([]));
    if (b.key === 'summary' || (chartRow === 0 && b === blocks[blocks.length - 1])) {
      chartRow = values.length + 1;
      for (let i = 0; i < charts * CHART_ROWS_EACH; i++) values.push(pad([]));
    }
  }
  return { values, placed, chartRow };
}
