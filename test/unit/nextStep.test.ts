import { describe, expect, it } from 'vitest';
import { assess, type Case, MID_MARKET, result, T, weeks } from './fixtures';

const adopted = weeks([3, 3, 3, 3]);

describe('Next step: the first gap in the spec’s order', () => {
  it.each<[string, Case, string]>([
    [
      'unknown segment',
      { segment: null, account: { segment: 'Startups' } },
      "Set a segment that is in Segments ('Startups' is not one)",
    ],
    [
      'no result and no validator',
      { account: { namedResult: '', validator: '' } },
      'Name the result and the validator (SMB: Buyer)',
    ],
    ['no result', { account: { namedResult: '' } }, 'Name the result this account will measure'],
    [
      'no validator',
      { segment: MID_MARKET, account: { validator: '' } },
      'Name the validator (Mid-Market: Team lead and Manager)',
    ],
    [
      'a validator of a role the segment does not accept',
      { account: { validatorRole: 'User' } },
      'Name a validator SMB accepts (Buyer); Bea Buyer is a User',
    ],
    [
      'a missing link of the chain',
      { account: { solutionValue: '' } },
      'Fill the missing link of the chain: solution value',
    ],
    [
      'a weak pain',
      { account: { businessPain: 'Reporting is slow' } },
      "Sharpen the business pain — too vague to measure (“is slow”). Say how big the pain is, e.g. 'Month-end close takes 10 days; the CFO wants 5'",
    ],
    ['no baseline', { account: { baseline: null } }, 'Set a numeric baseline and target for Reporting days'],
    ['baseline equals target', { account: { target: 5 } }, 'Set a target that differs from the baseline'],
    [
      'no activity',
      { usage: weeks([0, 0, 0, 0, 0, 3]) },
      'Re-engage: no usage in the last 28 days (last used 2026-10-20)',
    ],
    [
      'activity below the bar',
      { usage: weeks([1, 2, 1, 1]) },
      'Grow to 2 weekly active users in 3 of the last 4 weeks (1 so far)',
    ],
    [
      'adopted, nothing measured',
      { usage: adopted },
      'Measure Reporting days: log a value that moves from 5 toward 2',
    ],
    [
      'moved, not attributed',
      { usage: adopted, results: [result({ attributed: false })] },
      'Get the result attributed to the product',
    ],
    [
      'attributed, wrong validator',
      { usage: adopted, results: [result({ validatorRole: 'User' })] },
      'Get it validated by the Buyer',
    ],
    [
      'Mid-Market naming only the team lead',
      {
        segment: MID_MARKET,
        account: { validatorRole: 'Team lead' },
        usage: weeks([5, 5, 5, 5]),
        results: [result({ validatorRole: 'Team lead' })],
      },
      'Name a validator for each role Mid-Market needs: Manager',
    ],
    [
      'Mid-Market validated by the team lead only',
      {
        segment: MID_MARKET,
        account: { validator: 'Tina Lead (Team lead); Mo Manager (Manager)', validatorRole: 'Team lead' },
        usage: weeks([5, 5, 5, 5]),
        results: [result({ validatorRole: 'Team lead' })],
      },
      'Get it validated by the Manager',
    ],
    ['a validated result', { usage: adopted, results: [result()] }, 'Plan the next result'],
  ])('%s → %s', (_, c, step) => {
    expect(assess(c).nextStep).toContain(step);
  });

  it('re-engagement comes before measuring even on a higher rung', () => {
    expect(assess({ results: [result({ attributed: false })] }).nextStep).toMatch(/^Re-engage/);
    expect(assess({ results: [result({ attributed: false })] }).rungName).toBe('Outcome');
  });

  it('uses the day T for the re-engage date', () => {
    expect(assess({ today: T + 7, usage: weeks([0, 0, 0, 0, 0, 3]) }).nextStep).toContain('2026-10-20');
  });
});
