import { describe, expect, it } from 'vitest';
import { daysOverdue, latestCheck, nextCheckDue } from '../../src/core/checks';
import { assess, check, result, T } from './fixtures';

describe('Next 90-day check due = latest of (start, latest 90-day check, validation) + check every', () => {
  it.each<[string, number | null, number | null, number | null, number | null, number | null]>([
    ['start only', T - 30, null, null, 90, T + 60],
    ['a later 90-day check', T - 200, T - 20, null, 90, T + 70],
    ['a later validation', T - 200, T - 100, T - 5, 90, T + 85],
    ['a different interval', T - 30, null, null, 60, T + 30],
    ['nothing known', null, null, null, 90, null],
    ['no interval (no segment)', T - 30, null, null, null, null],
  ])('%s', (_, start, last, validation, every, due) => {
    expect(nextCheckDue(start, last, validation, every)).toBe(due);
  });

  it('is overdue only when T is past it', () => {
    expect(daysOverdue(T, T)).toBe(0);
    expect(daysOverdue(T - 1, T)).toBe(1);
    expect(daysOverdue(null, T)).toBe(0);
  });

  it('reads only 90-day checks dated on or before T', () => {
    const checks = [
      check({ row: 2, date: T - 50 }),
      check({ row: 3, date: T - 10, kind: 'QBR' }),
      check({ row: 4, date: T + 3 }),
    ];
    expect(latestCheck(checks, '90-day', T)?.row).toBe(2);
  });

  it('assessments carry the due date and the days overdue', () => {
    const a = assess({
      account: { startDate: T - 120 },
      checks: [check({ date: T - 100, kind: 'Kickoff' })],
    });
    expect(a.nextCheckDue).toBe(T - 30);
    expect(a.daysOverdue).toBe(30);
    const v = assess({ account: { startDate: T - 120 }, results: [result({ date: T - 10 })] });
    expect(v.nextCheckDue).toBe(T + 80);
  });
});
