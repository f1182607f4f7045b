// A Ladder history row dated after today (2027 typed for 2026) is ignored and reported, never appended to forever.
import { describe, expect, it } from 'vitest';
import { isoOfDay } from '../../src/core/dates';
import { futureHistoryProblems, historyChanges } from '../../src/core/history';
import type { Assessment, HistoryRecord } from '../../src/core/types';
import { assessmentOf, blankAccount, day, T } from './fixtures';

const future: HistoryRecord = { row: 5, date: day('2027-11-20'), accountId: 'A1', rung: 1, health: 'Red' };
const past: HistoryRecord = { row: 2, date: day('2026-10-01'), accountId: 'A1', rung: 2, health: 'Yellow' };

function yellowOnAdoption(): Assessment {
  return assessmentOf(blankAccount({ id: 'A1' }), { rung: 2, health: 'Yellow' });
}

describe('history rows dated after the run', () => {
  it('are ignored when deciding what to append: an unchanged account gets no row, run after run', () => {
    expect(historyChanges([past, future], [yellowOnAdoption()], T)).toEqual([]);
    expect(historyChanges([future], [yellowOnAdoption()], T)).toHaveLength(1);
    const written = { row: 6, date: T, accountId: 'A1', rung: 2 as const, health: 'Yellow' as const };
    expect(historyChanges([future, written], [yellowOnAdoption()], T)).toEqual([]);
  });

  it('are reported as data problems naming the row and the date', () => {
    expect(futureHistoryProblems([past, future], T, 'Ladder history')).toEqual([
      {
        sheet: 'Ladder history',
        row: 5,
        column: 'Date',
        message: `2027-11-20 is after today (${isoOfDay(T)}); the row is ignored until its date is corrected.`,
      },
    ]);
  });
});
