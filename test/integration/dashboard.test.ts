// Refresh dashboard through the built bundle: agrees with LADDER, replaces its charts, and reads each sheet once.
import { beforeAll, describe, expect, it } from 'vitest';
import { demoBook } from '../../local/demoBook';
import { generateBook } from '../../local/generateBook';
import { ladderOfBook } from '../../local/ladderOfBook';
import { ownerDisplayName, ownerKeyOf } from '../../src/core/ownerName';
import { HEALTHS, RUNG_NAMES } from '../../src/core/types';
import * as vm from 'node:vm';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../../src/sheets/layout';
import { loadBundle } from './harness';

const TZ = 'America/New_York';
const TODAY = '2026-11-24';
const NOW = new Date(`${TODAY}T15:00:00Z`);

/** A block of the Dashboard sheet: the rows under its title, header first, up to the blank row. */
function block(values: unknown[][], title: string | RegExp): unknown[][] {
  const at = values.findIndex((r) => (typeof title === 'string' ? r[0] === title : title.test(String(r[0]))));
  if (at < 0) throw new Error(`No block '${title}' on the Dashboard`);
  const rows: unknown[][] = [];
  for (let i = at + 1; i < values.length && values[i].some((c) => c !== ''); i++) rows.push(values[i]);
  return rows;
}

function tableOf(rows: unknown[][], width: number): Map<string, number[]> {
  return new Map(rows.slice(1).map((r) => [String(r[0]), r.slice(1, 1 + width).map(Number)]));
}

/** Counts per key from LADDER's table, in the dashboard's terms (blank owner or segment named). */
function countsFromLadder(
  ladder: unknown[][],
  keyColumn: string,
  valueColumn: string,
  values: readonly string[],
  blank: string,
): Map<string, number[]> {
  const header = ladder[0].map(String);
  const k = header.indexOf(keyColumn);
  const v = header.indexOf(valueColumn);
  const out = new Map<string, number[]>();
  for (const r of assessedRows(ladder)) {
    const key = String(r[k]).trim() || blank;
    const counts = out.get(key) ?? values.map(() => 0);
    counts[values.indexOf(String(r[v]))]++;
    out.set(key, counts);
  }
  return out;
}

/**
 * LADDER's rows that carry an assessment on the ladder. A duplicate Account ID keeps its aligned row in LADDER with
 * a blank rung (it is a data problem), while the book assesses each account once; a churned account has left the
 * ladder and is in no count but the renewal lift (SPEC §2).
 */
function assessedRows(ladder: unknown[][]): unknown[][] {
  const rung = ladder[0].map(String).indexOf('Rung');
  return ladder.slice(1).filter((r) => String(r[0]).trim() !== '' && r[rung] !== '' && r[rung] !== 'Churned');
}

function lowerKeys(m: Map<string, number[]>): Record<string, number[]> {
  return Object.fromEntries([...m].map(([k, v]) => [k.toLowerCase(), v]));
}

describe('Refresh dashboard on the demo book', () => {
  const sheets = demoBook({ today: TODAY, timeZone: TZ });
  const rt = loadBundle({ timeZone: TZ, now: NOW, sheets });
  let dashboard: unknown[][] = [];
  let ladder: unknown[][] = [];

  beforeAll(() => {
    rt.call('refreshDashboard');
    dashboard = rt.values(SHEET.dashboard);
    ladder = ladderOfBook(rt);
  });

  it('counts the same rungs per owner as LADDER, owners by name', () => {
    const fromDashboard = tableOf(block(dashboard, 'Rungs per owner'), RUNG_NAMES.length);
    const named = ladder.map((r, i) => {
      if (i === 0) return r;
      const copy = [...r];
      const o = ladder[0].map(String).indexOf('Owner');
      copy[o] = ownerDisplayName(ownerKeyOf(String(r[o])));
      return copy;
    });
    const fromLadder = countsFromLadder(named, 'Owner', 'Rung', RUNG_NAMES, 'No valid owner');
    expect(fromDashboard.size).toBeGreaterThan(1);
    expect(Object.fromEntries(fromDashboard)).toEqual(Object.fromEntries(fromLadder));
  });

  it('counts the same rungs and health per segment as LADDER', () => {
    const rungs = tableOf(block(dashboard, 'Rungs per segment'), RUNG_NAMES.length);
    const health = tableOf(block(dashboard, 'Health per segment'), HEALTHS.length);
    expect(lowerKeys(rungs)).toEqual(
      lowerKeys(countsFromLadder(ladder, 'Segment', 'Rung', RUNG_NAMES, '(no segment)')),
    );
    expect(lowerKeys(health)).toEqual(
      lowerKeys(countsFromLadder(ladder, 'Segment', 'Health', HEALTHS, '(no segment)')),
    );
  });

  it('sums the book at a glance to LADDER’s rows', () => {
    const summary = new Map(block(dashboard, /^The book at a glance/).map((r) => [String(r[0]), r[1]]));
    expect(ladder[0][0]).toBe('Account ID');
    const accounts = assessedRows(ladder);
    const rung = ladder[0].map(String).indexOf('Rung');
    const churned = ladder.slice(1).filter((r) => r[rung] === 'Churned').length;
    expect(churned).toBeGreaterThan(0);
    expect(summary.get('Churned (left the ladder)')).toBe(churned);
    expect(summary.get('Accounts')).toBe(accounts.length + churned);
    const h = ladder[0].map(String).indexOf('Health');
    for (const health of HEALTHS) {
      expect(summary.get(health)).toBe(accounts.filter((r) => r[h] === health).length);
    }
    // The demo book plants data problems; the dashboard lists them.
    expect(Number(summary.get('Data problems'))).toBeGreaterThan(0);
    expect(block(dashboard, /^Data problems \(/).length).toBe(Number(summary.get('Data problems')) + 1);
  });

  it('shows the scorecard, movement, renewal lift and rung counts over time', () => {
    const scorecard = block(dashboard, 'CSM scorecard');
    expect(scorecard[0][0]).toBe('Owner');
    expect(scorecard.slice(1).every((r) => /^(\d+% \(\d+ of \d+\)|—)$/.test(String(r[2])))).toBe(true);
    const movement = block(dashboard, 'Movement per owner');
    const moved = movement
      .slice(1)
      .reduce((s, r) => s + Number(r[1]) + Number(r[2]) + Number(r[3]) + Number(r[4]), 0);
    expect(moved).toBe(assessedRows(ladder).length);
    const lift = block(dashboard, 'Renewal lift');
    expect(lift.map((r) => r[0])).toEqual([
      'At the first 90-day check',
      'Could name a result',
      'Could not',
      'Unanswered (left blank)',
      'Lift',
    ]);
    const overTime = block(dashboard, /^Rung counts over time/);
    expect(overTime[0]).toEqual(['Week', ...RUNG_NAMES, '']);
    expect(overTime).toHaveLength(13);
  });

  it('points each chart at its table, and refreshing again leaves one set of charts', () => {
    const firstCharts = rt.spreadsheet.charts(SHEET.dashboard) as { type: string; ranges: string[] }[];
    expect(firstCharts.map((c) => c.type)).toEqual(['BAR', 'BAR', 'LINE']);
    const headerOf = (range: string): unknown[] => {
      const m = /([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
      if (!m) throw new Error(`unreadable range ${range}`);
      const width = m[3].charCodeAt(0) - m[1].charCodeAt(0) + 1;
      return rt.values(SHEET.dashboard)[Number(m[2]) - 1].slice(0, width);
    };
    expect(headerOf(firstCharts[0].ranges[0])).toEqual(['Owner', 'Red', 'Yellow', 'Green']);
    expect(headerOf(firstCharts[1].ranges[0])).toEqual(['Owner', ...RUNG_NAMES]);
    expect(headerOf(firstCharts[2].ranges[0])).toEqual(['Week', ...RUNG_NAMES]);

    rt.calls.reset();
    const again = rt.call<{ historyRowsWritten: number; charts: number }>('refreshDashboard');
    expect(again.historyRowsWritten).toBe(0);
    expect(again.charts).toBe(3);
    expect(rt.spreadsheet.charts(SHEET.dashboard)).toHaveLength(3);
    // Nothing changed, so the only write is the dashboard's one setValues.
    expect(rt.calls.count('Range.setValues')).toBe(1);
    expect(rt.values(SHEET.dashboard)).toEqual(dashboard);
  });
});

describe('Refresh dashboard on a 10,000-account book', () => {
  it('reads each sheet at most once and writes history in one batch', () => {
    const sheets = generateBook({ accounts: 10_000, weeks: 12, today: TODAY, timeZone: TZ });
    const rt = loadBundle({ timeZone: TZ, now: NOW, sheets });
    const sheetCount = Object.keys(sheets).length;
    rt.calls.reset();
    const first = rt.call<{ accounts: number; historyRowsWritten: number }>('refreshDashboard');
    expect(first.accounts).toBeGreaterThan(9_000);
    expect(rt.calls.count('Range.getValues')).toBeLessThanOrEqual(sheetCount + 1);
    expect(rt.calls.count('Sheet.getDataRange')).toBeLessThanOrEqual(sheetCount);
    // One write each for history (everything new is a first appearance), the dashboard and the Usage summary (the
    // book was never set up, so there is no Ladder sheet to write).
    expect(rt.calls.count('Range.setValues')).toBe(3);
    expect(first.historyRowsWritten).toBeGreaterThan(0);
    expect(rt.values(SHEET.history).length).toBeGreaterThan(first.historyRowsWritten);

    rt.calls.reset();
    const second = rt.call<{ historyRowsWritten: number }>('refreshDashboard');
    expect(second.historyRowsWritten).toBe(0);
    expect(rt.calls.count('Range.setValues')).toBe(1);
    expect(rt.values(SHEET.history)[0]).toEqual([...HEADERS.history]);
  });
});

describe('Refresh dashboard with hostile or awkward text', () => {
  it("shows owners, segments and problem texts as typed: '=…' never runs and a leading apostrophe stays", () => {
    const account = (id: string, owner: string, segment = 'SMB'): unknown[] => {
      const row: unknown[] = HEADERS.accounts.map(() => '');
      row[0] = id;
      row[1] = `Account ${id}`;
      row[2] = segment;
      row[3] = owner;
      return row;
    };
    const rt = loadBundle({
      timeZone: TZ,
      now: NOW,
      sheets: {
        [SHEET.segments]: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((r) => [...r])],
        [SHEET.accounts]: [
          [...HEADERS.accounts],
          account('A-1', 'Jonas Weber'),
          account('A-2', 'placeholder'),
          account('A-3', 'maya@acme.example', '-Enterprise'),
        ],
      },
    });
    // Typed with an apostrophe, the way a person gets '=…' into a cell as text.
    vm.runInContext(
      `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('${SHEET.accounts}').getRange(3, 4).setValue("'=HYPERLINK(\\"x\\")")`,
      rt.context,
    );
    expect(rt.values(SHEET.accounts)[2][3]).toBe('=HYPERLINK("x")');
    rt.call('refreshDashboard');
    const dashboard = rt.values(SHEET.dashboard);
    const cells = dashboard.flat();
    expect(
      rt.spreadsheet
        .formulas(SHEET.dashboard)
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    expect(cells).not.toContain('#ERROR!');
    // An Owner cell that is not an email is no owner: counted under "No valid owner", its text shown as typed in
    // the data problem that names it.
    const owners = block(dashboard, 'Rungs per owner').map((r) => r[0]);
    expect(owners).toEqual(['Owner', 'Maya', 'No valid owner']);
    const problems = block(dashboard, /^Data problems \(/).map((r) => r[3]);
    expect(problems).toContain("'Jonas Weber' is not an email address");
    expect(problems).toContain(`'=HYPERLINK("x")' is not an email address`);
    expect(cells.some((c) => String(c).includes('-Enterprise'))).toBe(true);
  });
});
