// Dashboard numbers: counts per owner and segment, the scorecard's shares, movement, rung counts over time, layout.
import { describe, expect, it } from 'vitest';
import { dashboardNumbers, NO_OWNER, rungsOverTime } from '../../src/core/dashboard';
import {
  dashboardBlocks,
  dashboardGrid,
  renewalRows,
  shareText,
  chartAnchor,
  CHART_WIDTH,
} from '../../src/render/dashboard';
import { isoOfDay } from '../../src/core/dates';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type {
  Account,
  Assessment,
  Book,
  CheckRecord,
  Health,
  HistoryRecord,
  Movement,
  Rung,
  Segment,
} from '../../src/core/types';
import { RUNG_NAMES } from '../../src/core/types';
import { assessmentOf, blankAccount, check as checkRecord, SMB, T } from './fixtures';

const TODAY = T;

interface Spec {
  id: string;
  owner?: string;
  rung?: Rung;
  health?: Health;
  triage?: boolean;
  chain?: boolean;
  startAgo?: number | null;
  nextCheckIn?: number | null;
  overdue?: number;
  trend?: Movement['trend'];
  segment?: Segment | null;
}

function account(s: Spec, row: number): Account {
  return blankAccount({
    row,
    id: s.id,
    segment: s.segment === null ? 'Nowhere' : 'SMB',
    owner: s.owner ?? 'maya@acme.example',
    startDate: s.startAgo === null ? null : TODAY - (s.startAgo ?? 200),
  });
}

function assess(s: Spec, row: number): Assessment {
  const trend = s.trend ?? 'steady';
  return assessmentOf(account(s, row), {
    segment: s.segment === undefined ? SMB : s.segment,
    rung: s.rung ?? 2,
    health: s.health ?? 'Yellow',
    reasons: ['x'],
    nextCheckDue: s.nextCheckIn === null ? null : TODAY + (s.nextCheckIn ?? 60),
    daysOverdue: s.overdue ?? 0,
    triage: s.triage ?? false,
    chain: { complete: s.chain ?? true, missing: [], weak: [], text: '' },
    movement: {
      since: null,
      daysOnRung: null,
      stalled: trend === 'stalled',
      change: trend === 'climbing' ? 1 : trend === 'slipping' ? -1 : 0,
      trend,
    },
  });
}

function bookOf(specs: Spec[], checks: CheckRecord[] = [], history: HistoryRecord[] = []): Book {
  return {
    segments: [SMB],
    accounts: specs.map((s, i) => account(s, i + 2)),
    usage: [],
    results: [],
    checks,
    history,
    problems: [],
  };
}

let checkRow = 2;
function check(id: string, daysAgo: number, kind: CheckRecord['kind']): CheckRecord {
  return checkRecord({ row: checkRow++, date: TODAY - daysAgo, accountId: id, kind, resultNamed: true });
}

describe('dashboardNumbers', () => {
  const specs: Spec[] = [
    { id: 'A', owner: 'maya@acme.example', rung: 4, health: 'Green', trend: 'climbing' },
    {
      id: 'B',
      owner: 'maya@acme.example',
      rung: 2,
      health: 'Red',
      triage: true,
      chain: false,
      trend: 'stalled',
    },
    { id: 'C', owner: 'jonas@acme.example', rung: 3, health: 'Yellow', nextCheckIn: 3, trend: 'slipping' },
    { id: 'D', owner: 'jonas@acme.example', rung: 1, health: 'Red', overdue: 20, nextCheckIn: -20 },
    { id: 'E', owner: '', rung: 0, health: 'Red', triage: true, segment: null, startAgo: 10, chain: false },
  ];
  const assessments = specs.map((s, i) => assess(s, i + 2));
  const n = dashboardNumbers(bookOf(specs), assessments, [], DEFAULT_SETTINGS, TODAY);

  it('counts the book at a glance', () => {
    expect(n.accounts).toBe(5);
    expect(n.triage).toBe(2);
    expect(n.checksDueSoon).toBe(1);
    expect(n.checksOverdue).toBe(1);
    expect(n.health).toEqual({ Green: 1, Yellow: 1, Red: 3 });
    expect(n.rungs).toEqual([1, 1, 1, 1, 1]);
  });

  it('tallies rungs per owner (sorted, no valid owner last) and per segment', () => {
    expect(n.rungsByOwner).toEqual([
      { key: 'jonas@acme.example', counts: [0, 1, 0, 1, 0], total: 2 },
      { key: 'maya@acme.example', counts: [0, 0, 1, 0, 1], total: 2 },
      { key: NO_OWNER, counts: [1, 0, 0, 0, 0], total: 1 },
    ]);
    expect(n.rungsBySegment.map((t) => [t.key, t.total])).toEqual([
      ['Nowhere', 1],
      ['SMB', 4],
    ]);
    expect(n.healthBySegment.find((t) => t.key === 'SMB')?.counts).toEqual([1, 1, 2]);
  });

  it('counts movement per owner', () => {
    expect(n.movement.find((m) => m.owner === 'maya@acme.example')).toEqual({
      owner: 'maya@acme.example',
      climbing: 1,
      slipping: 0,
      stalled: 1,
      steady: 0,
    });
  });

  it('scores each CSM with counts behind every share', () => {
    const maya = n.scorecard.find((s) => s.owner === 'maya@acme.example');
    expect(maya?.named).toEqual({ count: 1, of: 2 });
    expect(maya?.chainAfterKickoff).toEqual({ count: 1, of: 2 });
    expect(maya?.green).toEqual({ count: 1, of: 2 });
    // An account still inside its kickoff window is not yet judged on its chain.
    const none = n.scorecard.find((s) => s.owner === NO_OWNER);
    expect(none?.chainAfterKickoff).toEqual({ count: 0, of: 0 });
  });
});

describe('scorecard: 90-day checks on time and recent QBRs', () => {
  it('counts a check by its due date, chaining from the previous check, and a missing due check as late', () => {
    // Start 300 days ago: the first check was due 210 days ago and came 5 days late (205 days ago); the
    // next was due 115 days ago and came early (130 days ago); the one due now is 40 days overdue.
    const specs: Spec[] = [{ id: 'A', startAgo: 300, overdue: 40 }];
    const checks = [check('A', 205, '90-day'), check('A', 130, '90-day'), check('A', 30, 'QBR')];
    const n = dashboardNumbers(
      bookOf(specs, checks),
      specs.map((s, i) => assess(s, i + 2)),
      [],
      DEFAULT_SETTINGS,
      TODAY,
    );
    const row = n.scorecard[0];
    expect(row.checksOnTime).toEqual({ count: 1, of: 3 });
    expect(row.recentQbr).toEqual({ count: 1, of: 1 });
  });

  it('does not hold a young account to the QBR cadence, and ignores a QBR outside the window', () => {
    const specs: Spec[] = [
      { id: 'Y', startAgo: 50 },
      { id: 'O', startAgo: 400 },
    ];
    const checks = [check('O', 200, 'QBR')];
    const n = dashboardNumbers(
      bookOf(specs, checks),
      specs.map((s, i) => assess(s, i + 2)),
      [],
      DEFAULT_SETTINGS,
      TODAY,
    );
    expect(n.scorecard[0].recentQbr).toEqual({ count: 0, of: 1 });
  });
});

describe('rungsOverTime', () => {
  it('counts every account from its start date, on the rung its evidence gave on each day', () => {
    // A started 20 days ago and has been used weekly since; B started 10 days ago with no use yet; C starts
    // in a week; nothing is in Ladder history, so history must not be what makes an account count.
    const specs: Spec[] = [
      { id: 'A', startAgo: 20 },
      { id: 'B', startAgo: 10 },
      { id: 'C', startAgo: -7 },
    ];
    const book: Book = {
      ...bookOf(specs),
      usage: [TODAY - 14, TODAY - 7, TODAY].map((week, i) => ({
        row: i + 2,
        week,
        accountId: 'A',
        activeUsers: 1,
        keyActions: 3,
      })),
    };
    const points = rungsOverTime(book, TODAY, DEFAULT_SETTINGS, 4);
    expect(points.map((p) => p.day)).toEqual([TODAY - 21, TODAY - 14, TODAY - 7, TODAY]);
    expect(points.map((p) => p.counts)).toEqual([
      [0, 0, 0, 0, 0],
      [0, 1, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [1, 1, 0, 0, 0],
    ]);
  });
});

describe('layout', () => {
  it('writes shares as percent with counts, and a dash when nothing was due', () => {
    expect(shareText({ count: 5, of: 6 })).toBe('83% (5 of 6)');
    expect(shareText({ count: 0, of: 0 })).toBe('—');
  });

  it('stacks blocks into one rectangle and places each chart over its table', () => {
    const specs: Spec[] = [{ id: 'A' }, { id: 'B', owner: 'jonas@acme.example' }];
    const n = dashboardNumbers(
      bookOf(specs),
      specs.map((s, i) => assess(s, i + 2)),
      [],
      DEFAULT_SETTINGS,
      TODAY,
    );
    const blocks = dashboardBlocks(n, isoOfDay);
    const { values, placed } = dashboardGrid(blocks);
    const width = values[0].length;
    expect(values.every((r) => r.length === width)).toBe(true);
    const owners = placed.find((p) => p.key === 'rungsByOwner');
    expect(owners?.chart?.kind).toBe('stackedBar');
    expect(owners?.rows).toBe(3);
    const header = values[(owners?.headerRow ?? 0) - 1];
    expect(header.slice(0, 7)).toEqual(['Owner', ...RUNG_NAMES, 'Total']);
    expect(values[(owners?.headerRow ?? 0) - 2][0]).toBe('Rungs per owner');
    const charts = placed.filter((p) => p.chart).map((p) => p.chart?.kind);
    expect(charts).toEqual(['stackedBar', 'stackedBar', 'line']);
    // Owners by name; the first block is who is at risk.
    expect(values[owners?.headerRow ?? 0].map(String)).toContain('Jonas');
    expect(placed[0].key).toBe('red');
  });

  it('anchors the charts side by side: each starts where the one before ends, plus a gap', () => {
    const widthOf = (c: number) => (c === 1 ? 240 : c === 2 ? 150 : 110);
    const x = (i: number) => {
      const a = chartAnchor(i, widthOf);
      let px = a.offsetX;
      for (let c = 1; c < a.column; c++) px += widthOf(c);
      return px;
    };
    expect(chartAnchor(0, widthOf)).toEqual({ column: 1, offsetX: 0 });
    expect(x(1)).toBe(CHART_WIDTH + 16);
    expect(x(2)).toBe(2 * (CHART_WIDTH + 16));
    for (const i of [1, 2])
      expect(chartAnchor(i, widthOf).offsetX).toBeLessThan(widthOf(chartAnchor(i, widthOf).column));
  });
});

describe('renewalRows', () => {
  const group = (accounts: number, renewed: number, churned: number) => ({
    accounts,
    renewed,
    churned,
    rate: renewed + churned === 0 ? null : renewed / (renewed + churned),
  });

  const none = group(0, 0, 0);

  it('states both rates with their counts, the lift in points and the multiple', () => {
    const rows = renewalRows({
      named: group(10, 8, 2),
      notNamed: group(6, 3, 3),
      unanswered: none,
      lift: 0.3,
      multiple: 1.6,
      minimum: 5,
    });
    expect(rows[1]).toEqual(['Could name a result', 10, 8, 2, '80% (8 of 10)']);
    expect(rows[2]).toEqual(['Could not', 6, 3, 3, '50% (3 of 6)']);
    expect(rows[4][1]).toBe('80% vs 50%: +30 pts, 1.6×');
  });

  it('says "not enough data" below the minimum', () => {
    const rows = renewalRows({
      named: group(3, 2, 0),
      notNamed: none,
      unanswered: none,
      lift: null,
      multiple: null,
      minimum: 5,
    });
    expect(rows[4][1]).toMatch(/^not enough data/);
    expect(rows[2][4]).toBe('—');
  });
});
