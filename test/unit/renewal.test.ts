import { describe, expect, it } from 'vitest';
import { liftText, renewalLift, renewalLiftRows } from '../../src/core/renewal';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { RenewalStatus } from '../../src/core/types';
import { account, check, T } from './fixtures';

function book(groups: { named: boolean | null; status: RenewalStatus }[]) {
  const accounts = groups.map((g, i) => account({ id: `A${i}`, row: i + 2, renewalStatus: g.status }));
  const checks = groups.map((g, i) =>
    check({ accountId: `A${i}`, row: i + 2, date: T - 100, resultNamed: g.named }),
  );
  return { accounts, checks };
}

describe('Renewal lift', () => {
  const many = (named: boolean | null, renewed: number, churned: number) => [
    ...Array.from({ length: renewed }, () => ({ named, status: 'Renewed' as const })),
    ...Array.from({ length: churned }, () => ({ named, status: 'Churned' as const })),
  ];

  it('compares renewal rates of the two groups', () => {
    const b = book([...many(true, 8, 2), ...many(false, 3, 3), { named: false, status: 'Open' }]);
    const lift = renewalLift(b.accounts, b.checks, DEFAULT_SETTINGS);
    expect(lift.named).toEqual({ accounts: 10, renewed: 8, churned: 2, rate: 0.8 });
    expect(lift.notNamed).toEqual({ accounts: 7, renewed: 3, churned: 3, rate: 0.5 });
    expect(lift.lift).toBeCloseTo(0.3);
    expect(lift.multiple).toBeCloseTo(1.6);
  });

  it('says nothing below the minimum of decided renewals in either group', () => {
    const b = book([...many(true, 8, 2), ...many(false, 2, 2)]);
    const lift = renewalLift(b.accounts, b.checks, DEFAULT_SETTINGS);
    expect(lift.lift).toBeNull();
    expect(liftText(lift)).toBe(
      'not enough data (each group needs 5 renewed or churned accounts; Yes has 10, No has 4)',
    );
    expect(
      renewalLift(b.accounts, b.checks, { ...DEFAULT_SETTINGS, renewalLiftMinimum: 4 }).lift,
    ).toBeCloseTo(0.3);
  });

  // Issue 15: RENEWAL_LIFT printed 0.4047 (a difference of rates, no unit) in a "Renewal rate" column.
  it('states both rates with counts, +N pts and N.N× as the spec writes it', () => {
    const b = book([...many(true, 41, 9), ...many(false, 6, 16)]);
    const lift = renewalLift(b.accounts, b.checks, DEFAULT_SETTINGS);
    expect(liftText(lift)).toBe('82% vs 27%: +55 pts, 3.0×');
    const rows = renewalLiftRows(lift);
    expect(rows[1]).toEqual(['Could name a result', 50, 41, 9, '82% (41 of 50)']);
    expect(rows[2]).toEqual(['Could not', 22, 6, 16, '27% (6 of 22)']);
    expect(rows[4]).toEqual(['Lift', '82% vs 27%: +55 pts, 3.0×', '', '', '']);
  });

  // Issue 15: a blank `Result named` was counted as "named" whenever a value had been logged before it.
  it('uses the first 90-day check; a blank answer is unanswered, counted apart, never named', () => {
    const b = book([
      { named: null, status: 'Renewed' },
      { named: null, status: 'Churned' },
      { named: false, status: 'Churned' },
    ]);
    b.checks.push(check({ accountId: 'A1', row: 9, date: T - 10, resultNamed: true })); // later: not the first
    const lift = renewalLift(b.accounts, b.checks, DEFAULT_SETTINGS);
    expect(lift.named.accounts).toBe(0);
    expect(lift.unanswered).toEqual({ accounts: 2, renewed: 1, churned: 1, rate: 0.5 });
    expect(lift.notNamed.accounts).toBe(1);
    expect(renewalLiftRows(lift)[3]).toEqual(['Unanswered (left blank)', 2, 1, 1, '50% (1 of 2)']);
  });

  it('no multiple when the other group never renewed', () => {
    const b = book([...many(true, 5, 0), ...many(false, 0, 5)]);
    expect(liftText(renewalLift(b.accounts, b.checks, DEFAULT_SETTINGS))).toBe('100% vs 0%: +100 pts');
  });
});
