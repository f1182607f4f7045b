// Ladder history through the built bundle: LADDER_TREND answers, transition-only appends, and the 10k-account budget.
import { describe, expect, it } from 'vitest';
import { simulateHistory } from '../../scripts/bench/historySimulation';
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import { HEADERS, SHEET } from '../../src/sheets/layout';
import { loadBundle } from './harness';

const TZ = 'America/New_York';
const TODAY_ISO = '2026-11-24';
const TODAY = dayFromIso(TODAY_ISO) as number;
const NOW = new Date(`${TODAY_ISO}T15:00:00Z`);
const ago = (days: number): Date => dateOfDay(TODAY - days, TZ);

const HISTORY: unknown[][] = [
  [...HEADERS.history],
  [ago(200), 'CLIMB', 'Activity', 'Red'],
  [ago(10), 'CLIMB', 'Outcome', 'Yellow'],
  [ago(120), 'SLIP', 'Result', 'Green'],
  [ago(5), 'SLIP', 'Outcome', 'Yellow'],
  [ago(61), 'STALL61', 'Adoption', 'Yellow'],
  [ago(60), 'STALL60', 'Adoption', 'Yellow'],
  [ago(90), 'RESULT', 'Result', 'Green'],
  [ago(90), 'HEALTHONLY', 2, 'Yellow'],
  [ago(20), 'HEALTHONLY', 2, 'Red'],
  // A whole-column range passes trailing blank rows.
  ['', '', '', ''],
  ['', '', '', ''],
];

describe('LADDER_TREND through the bundle', () => {
  it('answers per account, aligned with its input, with a title for the header cell', () => {
    const rt = loadBundle({ timeZone: TZ, now: NOW });
    const ids = [
      ['Account ID'],
      ['CLIMB'],
      ['SLIP'],
      ['STALL61'],
      ['STALL60'],
      ['RESULT'],
      [''],
      ['NEW'],
      ['HEALTHONLY'],
    ];
    const out = rt.call<unknown[][]>('LADDER_TREND', HISTORY, ids);
    expect(out).toEqual([
      ['Trend'],
      ['climbing'],
      ['slipping'],
      ['stalled 61 days'],
      ['steady'], // exactly 60 days is not stalled
      ['steady'], // Result is never stalled
      [''],
      ['no history'],
      ['stalled 90 days'], // a health change does not restart the time on the rung
    ]);
  });

  it('takes a single cell and a window in days', () => {
    const rt = loadBundle({ timeZone: TZ, now: NOW });
    expect(rt.call('LADDER_TREND', HISTORY, 'CLIMB')).toBe('climbing');
    // Over 7 days CLIMB moved 10 days ago, so it is steady; over 365 days SLIP started on Result.
    expect(rt.call('LADDER_TREND', HISTORY, 'CLIMB', 7)).toBe('steady');
    expect(rt.call('LADDER_TREND', HISTORY, 'SLIP', 365)).toBe('slipping');
  });

  it('throws messages a user can act on', () => {
    const rt = loadBundle({ timeZone: TZ, now: NOW });
    expect(() => rt.call('LADDER_TREND', HISTORY, 'CLIMB', 'soon')).toThrow(/days must be a whole number/);
    expect(() => rt.call('LADDER_TREND', [['Date', 'Account ID', 'Health']], 'CLIMB')).toThrow(/Rung/);
    expect(() => rt.call('LADDER_TREND', 'x', 'CLIMB')).toThrow(/Ladder history/);
  });

  it('answers all 10,000 accounts over 52 weeks of history (timed by npm run bench)', () => {
    const sim = simulateHistory({ accounts: 10_000, weeks: 52, today: TODAY_ISO, timeZone: TZ });
    const rt = loadBundle({ timeZone: TZ, now: NOW });
    const out = rt.call<unknown[][]>('LADDER_TREND', sim.rows, sim.accountIds);
    expect(out).toHaveLength(10_001);
    expect(out.slice(1).every(([a]) => /^(climbing|slipping|steady|stalled \d+ days)$/.test(String(a)))).toBe(
      true,
    );
  });
});

/** A small book: one SMB account adopted (2 weekly users over the last 4 weeks) with a named result. */
function smallBook(): Record<string, unknown[][]> {
  const account = HEADERS.accounts.map((h) => {
    const cells: Record<string, unknown> = {
      'Account ID': 'A-1',
      Account: 'Acme',
      Segment: 'SMB',
      Owner: 'maya@acme.example',
      'Start date': ago(40),
      'Business pain': 'Month-end close takes 9 days',
      'Solution value': 'Reconciliations run nightly',
      'Named result': 'Cut the close from 9 days to 5',
      Metric: 'Close days',
      Baseline: 9,
      Target: 5,
      Validator: 'Dana',
      'Validator role': 'Buyer',
      'Renewal status': 'Open',
    };
    return cells[h] ?? '';
  });
  const usage: unknown[][] = [[...HEADERS.usage]];
  for (const w of [2, 9, 16, 23]) usage.push([ago(w), 'A-1', 3, 10]);
  return { [SHEET.accounts]: [[...HEADERS.accounts], account], [SHEET.usage]: usage };
}

describe('Ladder history appends through refreshDashboard', () => {
  it("writes an account's starting state, then nothing when nothing changed, then only the change", () => {
    const rt = loadBundle({ timeZone: TZ, now: NOW, sheets: smallBook() });
    const first = rt.call<{ historyRowsWritten: number }>('refreshDashboard');
    expect(first.historyRowsWritten).toBe(1);
    const history = rt.values(SHEET.history);
    expect(history[0]).toEqual([...HEADERS.history]);
    expect(history.slice(1).map((r) => r.slice(1))).toEqual([['A-1', 'Adoption', 'Yellow']]);
    expect(history[1][0]).toBeInstanceOf(Date);
    expect((history[1][0] as Date).getTime()).toBe(dateOfDay(TODAY, TZ).getTime());

    // Two runs the same day add nothing.
    const second = rt.call<{ historyRowsWritten: number }>('refreshDashboard');
    expect(second.historyRowsWritten).toBe(0);
    expect(rt.values(SHEET.history)).toHaveLength(2);

    // A measured value moves the account to Outcome: one row, dated today, below the last.
    rt.setValues(SHEET.results, [[...HEADERS.results], [ago(1), 'A-1', 7, 'No', '', '', '', '', '']]);
    const third = rt.call<{ historyRowsWritten: number }>('refreshDashboard');
    expect(third.historyRowsWritten).toBe(1);
    expect(rt.values(SHEET.history).map((r) => r.slice(1, 3))).toEqual([
      ['Account ID', 'Rung'],
      ['A-1', 'Adoption'],
      ['A-1', 'Outcome'],
    ]);
  });

  it('appends in the sheet’s own column order', () => {
    const book = smallBook();
    book[SHEET.history] = [['Health', 'Rung', 'Account ID', 'Date', 'Note']];
    const rt = loadBundle({ timeZone: TZ, now: NOW, sheets: book });
    rt.call('refreshDashboard');
    const rows = rt.values(SHEET.history);
    expect(rows[1].slice(0, 3)).toEqual(['Yellow', 'Adoption', 'A-1']);
    expect(rows[1][3]).toBeInstanceOf(Date);
    expect(rows[1][4]).toBe('');
  });
});

describe('movement reaches the leader', () => {
  it('an account slipping from Result to Outcome is a slipped item in the leader digest, and LADDER_TREND agrees', () => {
    const book = smallBook();
    book[SHEET.results] = [[...HEADERS.results], [ago(1), 'A-1', 7, 'No', '', '', '', '', '']];
    book[SHEET.history] = [[...HEADERS.history], [ago(100), 'A-1', 'Result', 'Green']];
    const rt = loadBundle({ timeZone: TZ, now: NOW, sheets: book });
    rt.properties.document.set(
      'resultsLadder.settings',
      JSON.stringify({ leaderEmail: 'lead@acme.example' }),
    );
    const preview = rt.call<{
      digests: { kind: string; itemList: { kind: string; accountId: string; text: string }[] }[];
    }>('previewReminders');
    const leader = preview.digests.find((d) => d.kind === 'leader');
    const slipped = leader?.itemList.filter((i) => i.kind === 'slipped') ?? [];
    expect(slipped.map((i) => i.accountId)).toEqual(['A-1']);
    expect(slipped[0].text).toMatch(/slipped 1 rung to Outcome/);

    // Once the run records today's state, the formula reads the same movement from the sheet.
    rt.call('refreshDashboard');
    const history = rt.values(SHEET.history);
    expect(history.map((r) => r[2])).toEqual(['Rung', 'Result', 'Outcome']);
    expect(rt.call('LADDER_TREND', history, 'A-1')).toBe('slipping');
  });
});

describe('LADDER_TREND follows the stored settings', () => {
  it('uses the trend and stalled days the leader set, and days still overrides the window', () => {
    const rt = loadBundle({ timeZone: TZ, now: NOW });
    rt.properties.document.set('resultsLadder.settings', JSON.stringify({ trendDays: 7, stalledDays: 90 }));
    // CLIMB climbed 10 days ago: outside a 7-day window. STALL61 is not stalled under a 90-day limit.
    expect(rt.call('LADDER_TREND', HISTORY, 'CLIMB')).toBe('steady');
    expect(rt.call('LADDER_TREND', HISTORY, 'STALL61')).toBe('steady');
    expect(rt.call('LADDER_TREND', HISTORY, 'CLIMB', 30)).toBe('climbing');
    rt.properties.document.set('resultsLadder.settings', '{damaged');
    expect(rt.call('LADDER_TREND', HISTORY, 'STALL61')).toBe('stalled 61 days');
  });
});

describe('Ladder history keeps Account IDs as typed', () => {
  it('writes IDs that look like numbers or start with an apostrophe as text', () => {
    const ids = ['-7', '00123', "'A-9"];
    const rt = loadBundle({
      timeZone: TZ,
      now: NOW,
      sheets: {
        [SHEET.accounts]: [
          [...HEADERS.accounts],
          ...ids.map((id) => HEADERS.accounts.map((h, i) => (i === 0 ? id : h === 'Segment' ? 'SMB' : ''))),
        ],
      },
    });
    rt.call('refreshDashboard');
    const written = rt
      .values(SHEET.history)
      .slice(1)
      .map((r) => r[1]);
    expect(written).toEqual(ids);
    // Read back as the same IDs, a second refresh finds nothing new to record.
    expect(rt.call<{ historyRowsWritten: number }>('refreshDashboard').historyRowsWritten).toBe(0);
  });
});
