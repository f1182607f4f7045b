import { describe, expect, it } from 'vitest';
import { renewalLift } from '../../src/core/renewal';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { RenewalStatus } from '../../src/core/types';
import { account, check, result, T } from './fixtures';

function book(groups: { named: boolean | null; status: RenewalStatus; valued?: boolean }[]) {
  const accounts = groups.map((g, i) => account({ id: `A${i}`, row: i + 2, renewalStatus: g.status }));
  const checks = groups.map((g, i) =>
    check({ accountId: `A${i}`, row: i + 2, date: T - 100, resultNamed: g.named }),
  );
  const results = groups.flatMap((g, i) => (g.valued ? [result({ accountId: `A${i}`, date: T - 120 })] : []));
  return { accounts, checks, results };
}

describe('Renewal lift', () => {
  const many = (named: boolean, renewed: number, churned: number) => [
    ...Array.from({ length: renewed }, () => ({ named, status: 'Renewed' as const })),
    ...Array.from({ length: churned }, () => ({ named, status: 'Churned' as const })),
  ];

  it('compares renewal rates of the two groups', () => {
    const b = book([...many(true, 8, 2), ...many(false, 3, 3), { named: false, status: 'Open' }]);
    const lift = renewalLift(b.accounts, b.checks, b.results, DEFAULT_SETTINGS);
    expect(lift.named).toEqual({ accounts: 10, renewed: 8, churned: 2, rate: 0.8 });
    expect(lift.notNamed).toEqual({ accounts: 7, renewed: 3, churned: 3, rate: 0.5 });
    expect(lift.lift).toBeCloseTo(0.3);
  });

  it('says nothing below the minimum of decided renewals in either group', () => {
    const b = book([...many(true, 8, 2), ...many(false, 2, 2)]);
    expect(renewalLift(b.accounts, b.checks, b.results, DEFAULT_SETTINGS).lift).toBeNull();
    expect(
      renewalLift(b.accounts, b.checks, b.results, { ...DEFAULT_SETTINGS, renewalLiftMinimum: 4 }).lift,
    ).toBeCloseTo(0.3);
  });

  it('uses the first 90-day check; a blank answer is read from Results logged by then', () => {
    const b = book([
      { named: null, status: 'Renewed', valued: true },
      { named: null, status: 'Churned' },
    ]);
    b.checks.push(check({ accountId: 'A1', row: 9, date: T - 10, resultNamed: true })); // later: not the first
    const lift = renewalLift(b.accounts, b.checks, b.results, DEFAULT_SETTINGS);
    expect(lift.named.accounts).toBe(1);
    expect(lift.notNamed.accounts).toBe(1);
    expect(lift.notNamed.churned).toBe(1);
  });
});
