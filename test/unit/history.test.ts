// Ladder history rules: time on rung, movement over the trend window, Stalled, and which rows to append.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  groupHistory,
  historyChanges,
  movementFromHistory,
  movementOf,
  trendText,
} from '../../src/core/history';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Assessment, Health, HistoryRecord, Rung } from '../../src/core/types';
import { assessmentOf, blankAccount, day, T } from './fixtures';

const TODAY = T;

let nextRow = 2;
function rec(iso: string, rung: Rung, health: Health = 'Yellow', accountId = 'A1'): HistoryRecord {
  return { row: nextRow++, date: day(iso), accountId, rung, health };
}

function assessment(id: string, rung: Rung, health: Health): Assessment {
  return assessmentOf(blankAccount({ id }), { rung, health });
}

describe('movementOf', () => {
  it('says nothing without history', () => {
    expect(movementOf([], { rung: 2, health: 'Yellow' }, TODAY, DEFAULT_SETTINGS)).toEqual({
      since: null,
      daysOnRung: null,
      stalled: false,
      change: 0,
      trend: 'steady',
    });
  });

  it.each([
    // [days on the rung, stalled?]
    [59, false],
    [60, false], // exactly 60 days is not stalled: the spec says "more than 60"
    [61, true],
  ])('Adoption for %i days → stalled %s', (days, stalled) => {
    const h = [rec('2026-01-01', 1), { ...rec('2026-01-01', 2), date: TODAY - days }];
    const m = movementOf(h, { rung: 2, health: 'Yellow' }, TODAY, DEFAULT_SETTINGS);
    expect(m.daysOnRung).toBe(days);
    expect(m.stalled).toBe(stalled);
    expect(m.trend).toBe(stalled ? 'stalled' : 'steady');
  });

  it('is never stalled on Result', () => {
    const m = movementOf(
      [rec('2026-01-01', 4, 'Green')],
      { rung: 4, health: 'Green' },
      TODAY,
      DEFAULT_SETTINGS,
    );
    expect(m).toMatchObject({ stalled: false, daysOnRung: TODAY - day('2026-01-01'), trend: 'steady' });
  });

  it('reads the stalled threshold from settings', () => {
    const h = [rec('2026-10-01', 2)];
    const settings = { ...DEFAULT_SETTINGS, stalledDays: 30 };
    expect(movementOf(h, { rung: 2, health: 'Yellow' }, TODAY, settings).stalled).toBe(true);
  });

  it('dates the current rung from the first row of its unbroken run, across health changes', () => {
    const h = [
      rec('2026-05-01', 2),
      rec('2026-06-01', 3),
      rec('2026-08-09', 2, 'Yellow'),
      rec('2026-09-15', 2, 'Red'),
      rec('2026-10-01', 2, 'Yellow'),
    ];
    const m = movementOf(h, { rung: 2, health: 'Yellow' }, TODAY, DEFAULT_SETTINGS);
    expect(m.since).toBe(day('2026-08-09'));
    expect(m.daysOnRung).toBe(107);
    expect(m.stalled).toBe(true);
  });

  it('counts a rung the history has not recorded yet as reached today', () => {
    const h = [rec('2026-03-01', 2)];
    const m = movementOf(h, { rung: 3, health: 'Yellow' }, TODAY, DEFAULT_SETTINGS);
    expect(m).toEqual({ since: TODAY, daysOnRung: 0, stalled: false, change: 1, trend: 'climbing' });
  });

  it.each<[string, HistoryRecord[], Rung, number, string]>([
    ['climbed two rungs in the window', [rec('2026-09-01', 1), rec('2026-11-10', 3)], 3, 2, 'climbing'],
    [
      'slipped from Result to Outcome',
      [rec('2026-06-01', 4, 'Green'), rec('2026-11-20', 3)],
      3,
      -1,
      'slipping',
    ],
    ['moved before the window only', [rec('2026-06-01', 1), rec('2026-10-01', 2)], 2, 0, 'steady'],
    [
      'moved out and back inside the window',
      [rec('2026-10-01', 2), rec('2026-11-05', 1), rec('2026-11-20', 2)],
      2,
      0,
      'steady',
    ],
    ['first recorded inside the window', [rec('2026-11-01', 1), rec('2026-11-15', 2)], 2, 1, 'climbing'],
  ])('%s', (_name, h, rung, change, trend) => {
    const m = movementOf(h, { rung, health: 'Yellow' }, TODAY, DEFAULT_SETTINGS);
    expect(m.change).toBe(change);
    expect(m.trend).toBe(trend);
  });

  it('takes the rung in force on the first day of the window (a row dated that day counts)', () => {
    const h = [rec('2026-01-01', 1), { ...rec('2026-01-01', 2), date: TODAY - 30 }];
    expect(movementOf(h, { rung: 2, health: 'Yellow' }, TODAY, DEFAULT_SETTINGS).change).toBe(0);
    const h2 = [rec('2026-01-01', 1), { ...rec('2026-01-01', 2), date: TODAY - 29 }];
    expect(movementOf(h2, { rung: 2, health: 'Yellow' }, TODAY, DEFAULT_SETTINGS).change).toBe(1);
  });

  it('ignores rows dated after the as-of day', () => {
    const h = [rec('2026-05-01', 2), rec('2026-12-01', 3)];
    const m = movementOf(h, { rung: 2, health: 'Yellow' }, TODAY, DEFAULT_SETTINGS);
    expect(m.since).toBe(day('2026-05-01'));
  });

  it('gives the same answer whatever the order of the rows', () => {
    const arb = fc.array(
      fc.record({ offset: fc.integer({ min: 0, max: 400 }), rung: fc.constantFrom<Rung>(0, 1, 2, 3, 4) }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom<Rung>(0, 1, 2, 3, 4), (items, rung) => {
        const rows = items.map((it, i) => ({
          row: i + 2,
          date: TODAY - 400 + it.offset,
          accountId: 'A',
          rung: it.rung,
          health: 'Yellow' as Health,
        }));
        const sorted = groupHistory(rows).get('A') ?? [];
        const a = movementOf(rows, { rung, health: 'Yellow' }, TODAY, DEFAULT_SETTINGS);
        const b = movementOf([...rows].reverse(), { rung, health: 'Yellow' }, TODAY, DEFAULT_SETTINGS);
        const c = movementOf(sorted, { rung, health: 'Yellow' }, TODAY, DEFAULT_SETTINGS);
        expect(b).toEqual(a);
        expect(c).toEqual(a);
        if (a.daysOnRung !== null) expect(a.daysOnRung).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('groupHistory', () => {
  it('groups by account in chronological order, same-day rows in sheet order', () => {
    const rows: HistoryRecord[] = [
      { row: 5, date: 20, accountId: 'B', rung: 2, health: 'Red' },
      { row: 2, date: 10, accountId: 'A', rung: 1, health: 'Red' },
      { row: 4, date: 10, accountId: 'B', rung: 1, health: 'Red' },
      { row: 3, date: 20, accountId: 'A', rung: 3, health: 'Red' },
      { row: 6, date: 5, accountId: 'A', rung: 0, health: 'Red' },
      { row: 7, date: 20, accountId: 'A', rung: 2, health: 'Red' },
    ];
    const g = groupHistory(rows);
    expect(g.get('A')?.map((r) => r.row)).toEqual([6, 2, 3, 7]);
    expect(g.get('B')?.map((r) => r.row)).toEqual([4, 5]);
  });
});

describe('historyChanges', () => {
  it("writes an account's starting state on its first appearance", () => {
    expect(historyChanges([], [assessment('A1', 2, 'Yellow')], TODAY)).toEqual([
      { date: TODAY, accountId: 'A1', rung: 2, health: 'Yellow' },
    ]);
  });

  it('writes only transitions: nothing when rung and health are unchanged', () => {
    const prev = [rec('2026-10-01', 2, 'Yellow', 'A1'), rec('2026-10-01', 3, 'Red', 'A2')];
    const out = historyChanges(
      prev,
      [assessment('A1', 2, 'Yellow'), assessment('A2', 3, 'Yellow'), assessment('A3', 0, 'Red')],
      TODAY,
    );
    expect(out.map((c) => c.accountId)).toEqual(['A2', 'A3']);
  });

  it('compares with the latest row by date, then by row order', () => {
    const prev: HistoryRecord[] = [
      { row: 4, date: TODAY - 1, accountId: 'A1', rung: 3, health: 'Yellow' },
      { row: 2, date: TODAY - 10, accountId: 'A1', rung: 1, health: 'Red' },
      { row: 3, date: TODAY - 1, accountId: 'A1', rung: 2, health: 'Yellow' },
    ];
    expect(historyChanges(prev, [assessment('A1', 3, 'Yellow')], TODAY)).toEqual([]);
    expect(historyChanges(prev, [assessment('A1', 2, 'Yellow')], TODAY)).toHaveLength(1);
  });

  it('adds nothing when run twice on the same day', () => {
    const book = [assessment('A1', 2, 'Yellow'), assessment('A2', 4, 'Green')];
    const first = historyChanges([rec('2026-09-01', 1, 'Red', 'A1')], book, TODAY);
    expect(first).toHaveLength(2);
    const written: HistoryRecord[] = [
      rec('2026-09-01', 1, 'Red', 'A1'),
      ...first.map((c, i) => ({ ...c, row: 100 + i })),
    ];
    expect(historyChanges(written, book, TODAY)).toEqual([]);
  });

  it('writes one row per account even when an Account ID is duplicated, and skips blank IDs', () => {
    const out = historyChanges(
      [],
      [assessment('A1', 1, 'Red'), assessment('A1', 2, 'Red'), assessment('', 0, 'Red')],
      TODAY,
    );
    expect(out).toEqual([{ date: TODAY, accountId: 'A1', rung: 1, health: 'Red' }]);
  });

  it('is idempotent for any book (property)', () => {
    const arb = fc.array(
      fc.record({
        id: fc.constantFrom('A', 'B', 'C', 'D'),
        rung: fc.constantFrom<Rung>(0, 1, 2, 3, 4),
        health: fc.constantFrom<Health>('Green', 'Yellow', 'Red'),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(arb, arb, (before, now) => {
        const prev = historyChanges(
          [],
          before.map((b) => assessment(b.id, b.rung, b.health)),
          TODAY - 7,
        ).map((c, i) => ({ ...c, row: i + 2 }));
        const book = now.map((b) => assessment(b.id, b.rung, b.health));
        const first = historyChanges(prev, book, TODAY);
        const after = [...prev, ...first.map((c, i) => ({ ...c, row: prev.length + i + 2 }))];
        expect(historyChanges(after, book, TODAY)).toEqual([]);
      }),
    );
  });
});

describe('movementFromHistory and trendText', () => {
  it('reads the current state from the latest recorded row', () => {
    const h = [rec('2026-06-01', 1), rec('2026-08-09', 2), rec('2026-12-01', 3)];
    const m = movementFromHistory(h, TODAY, DEFAULT_SETTINGS);
    expect(m).toMatchObject({ since: day('2026-08-09'), daysOnRung: 107, stalled: true });
    expect(m && trendText(m)).toBe('stalled 107 days');
  });

  it('says nothing before the first row', () => {
    expect(movementFromHistory([rec('2026-12-01', 3)], TODAY, DEFAULT_SETTINGS)).toBeNull();
  });

  it.each([
    [[rec('2026-11-01', 1), rec('2026-11-20', 2)], 'climbing'],
    [[rec('2026-09-01', 4, 'Green'), rec('2026-11-20', 3, 'Yellow')], 'slipping'],
    [[rec('2026-11-01', 2)], 'steady'],
  ])('%#: %s', (h, text) => {
    const m = movementFromHistory(h, TODAY, DEFAULT_SETTINGS);
    expect(m && trendText(m)).toBe(text);
  });
});
