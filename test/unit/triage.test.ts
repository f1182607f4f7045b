import { describe, expect, it } from 'vitest';
import { triageReasons } from '../../src/core/health';
import type { Account } from '../../src/core/types';
import { account, assess, ENTERPRISE, MID_MARKET, SMB, T } from './fixtures';

const EXAMPLE = "'cut month-end close from 10 days to 6'";

// Issue 21 item 4: triage clears only with a measurable named result and a validator in a role the segment accepts.
describe('Triage: a named result that reads as a measurable result, and a validator the segment accepts', () => {
  it.each<[string, Partial<Account>, typeof SMB, string[]]>([
    ['a measurable result and a Buyer (SMB)', {}, SMB, []],
    [
      'sentiment',
      { namedResult: 'Improve client satisfaction' },
      SMB,
      ['Named result reads as sentiment (triage)'],
    ],
    ['vague', { namedResult: 'Improve conversion' }, SMB, ['Named result is too vague to measure (triage)']],
    [
      'a value statement',
      { namedResult: 'Reports build themselves' },
      SMB,
      ['Named result reads as a value statement, with no measure (triage)'],
    ],
    [
      'a feature',
      { namedResult: 'Automated report builder' },
      SMB,
      ['Named result reads as a feature (triage)'],
    ],
    ['adoption', { namedResult: 'Seat activation to 90%' }, SMB, ['Named result reads as adoption (triage)']],
    ['activity', { namedResult: 'Roll out to 300 users' }, SMB, ['Named result reads as activity (triage)']],
    [
      'a role SMB does not accept',
      { validatorRole: 'User' },
      SMB,
      ['Validator Bea Buyer is a User; SMB accepts Buyer (triage)'],
    ],
    [
      'no role',
      { validatorRole: null },
      SMB,
      ['Validator Bea Buyer has no role; SMB accepts Buyer (triage)'],
    ],
    [
      'Enterprise with a Buyer',
      {},
      ENTERPRISE,
      ['Validator Bea Buyer is a Buyer; Enterprise accepts Executive sponsor (triage)'],
    ],
    [
      'Mid-Market with a Buyer',
      {},
      MID_MARKET,
      ['Validator Bea Buyer is a Buyer; Mid-Market accepts Team lead and Manager (triage)'],
    ],
    [
      'Mid-Market naming only the Team lead',
      { validatorRole: 'Team lead' },
      MID_MARKET,
      ['No validator named as Manager; Mid-Market needs Team lead and Manager (triage)'],
    ],
    [
      'Mid-Market naming both roles',
      { validator: 'Tina Lead (Team lead); Mo Manager (Manager)', validatorRole: 'Team lead' },
      MID_MARKET,
      [],
    ],
    [
      'the issue’s case: sentiment, no solution value, a role the segment does not accept',
      { namedResult: 'Improve client satisfaction', solutionValue: '', validatorRole: 'User' },
      SMB,
      [
        'Named result reads as sentiment (triage)',
        'Validator Bea Buyer is a User; SMB accepts Buyer (triage)',
      ],
    ],
    ['no named result', { namedResult: '' }, SMB, ['No named result (triage)']],
    ['no validator', { validator: '' }, SMB, ['No validator named (triage)']],
  ])('%s', (_, acc, segment, reasons) => {
    expect(triageReasons(account(acc), segment)).toEqual(reasons);
    const a = assess({ account: { ...acc, segment: segment.name }, segment });
    expect(a.triage).toBe(reasons.length > 0);
    if (reasons.length > 0) {
      expect(a.health).toBe('Red');
      for (const r of reasons) expect(a.reasons).toContain(r);
    }
  });
});

describe('The next step for triage names the fix', () => {
  it.each<[string, Partial<Account>, typeof SMB, string]>([
    [
      'sentiment',
      { namedResult: 'Improve client satisfaction', validatorRole: 'User' },
      SMB,
      `Name a measurable result — sentiment: say what changed for them (“satisfaction” is how they feel), e.g. ${EXAMPLE}`,
    ],
    [
      'vague',
      { namedResult: 'Improve conversion' },
      SMB,
      `Name a measurable result — too vague to measure (“improve”). Add a number, a status change or a before-and-after, e.g. ${EXAMPLE}`,
    ],
    [
      'adoption',
      { namedResult: 'Seat activation to 90%' },
      SMB,
      `Name a measurable result — reads as adoption (usage repeating — “seat activation”), not a change for the customer. E.g. ${EXAMPLE}`,
    ],
    [
      'Mid-Market with a role it does not accept',
      { validatorRole: 'User' },
      MID_MARKET,
      'Name a validator Mid-Market accepts (Team lead and Manager); Bea Buyer is a User',
    ],
    [
      'Mid-Market naming only the Team lead',
      { validatorRole: 'Team lead' },
      MID_MARKET,
      'Name a validator for each role Mid-Market needs: Manager',
    ],
  ])('%s → %s', (_, acc, segment, step) => {
    const a = assess({ account: { startDate: T - 200, ...acc, segment: segment.name }, segment });
    expect(a.health).toBe('Red');
    expect(a.nextStep).toBe(step);
  });

  it('triage comes before a 90-day No or an overdue check', () => {
    const a = assess({ account: { startDate: T - 200, namedResult: 'Users love the reports' } });
    expect(a.reasons[0]).toBe('Named result reads as sentiment (triage)');
    expect(a.nextStep).toMatch(/^Name a measurable result — sentiment/);
  });
});

// "If the customer wouldn't say it out loud, it doesn't count": a Validator who is on the team can never confirm the
// result, so naming one leaves the account as far from Green as naming nobody.
describe('Triage: a Validator on the team is no validator', () => {
  it.each<[string, Partial<Account>, string]>([
    [
      'the owner, by address',
      { validator: 'ana@acme.example' },
      "Validator 'ana@acme.example' is on the team (owner)",
    ],
    [
      'a colleague in the team domain, in Validator email',
      { validator: 'Sam Ortiz', validatorEmail: 'sam.ortiz@acme.example' },
      "Validator 'sam.ortiz@acme.example' is on the team (team domain)",
    ],
    [
      'one of two validators',
      { validator: 'Bea Buyer; jo@cs.acme.example (Manager)' },
      "Validator 'jo@cs.acme.example' is on the team (team domain)",
    ],
  ])('%s goes to triage, and stays Red with the reason', (_, over, said) => {
    const a = assess({ account: over });
    expect(a.health).toBe('Red');
    expect(a.triage).toBe(true);
    expect(a.reasons.join(' | ')).toContain(`${said}: name someone at the customer (triage)`);
    expect(a.nextStep).toMatch(/^Name a validator at the customer \(Buyer\): .+ is on the team$/);
  });

  it.each<[string, Partial<Account>]>([
    ['a customer name', { validator: 'Bea Buyer' }],
    ['a customer address', { validator: 'Bea Buyer', validatorEmail: 'bea@customer.example' }],
    ['a free-mail address, which says nothing about the team', { validatorEmail: 'bea.buyer@gmail.com' }],
  ])('%s stays off triage', (_, over) => {
    const a = assess({ account: over });
    expect(a.reasons.join(' | ')).not.toMatch(/on the team/);
  });
});
