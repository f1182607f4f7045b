import { describe, expect, it } from 'vitest';
import { assessBook } from '../../src/core/evaluate';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Account, Book, RungName } from '../../src/core/types';
import { account, assess, type Case, MID_MARKET, result, SMB, T, weeks } from './fixtures';

const adopted = weeks([3, 3, 3, 3]);
// Issue 21 item 4: the fake results of the issue stay on Outcome, with the reason in plain words everywhere.
describe('A named result that reads as activity, adoption or sentiment never reaches Result', () => {
  it.each<[string, Partial<Account>, number, string]>([
    [
      'adoption (seat activation)',
      { namedResult: 'Seat activation to 90%', metric: 'Seats active %', baseline: 40, target: 90 },
      92,
      'The named result reads as adoption: a confirmed adoption figure is not a result — name what changed for them',
    ],
    [
      'sentiment (CSAT 3 → 4.5)',
      { namedResult: 'Raise CSAT from 3 to 4.5', metric: 'CSAT', baseline: 3, target: 4.5 },
      4.5,
      'The named result reads as sentiment: a confirmed sentiment score is not a result — name what changed for them',
    ],
    [
      'sentiment (users love the reports)',
      { namedResult: 'Users love the reports', metric: 'CSAT', baseline: 3, target: 4.5 },
      4.5,
      'The named result reads as sentiment',
    ],
    [
      'adoption (weekly logins)',
      { namedResult: 'Weekly logins up 50%', metric: 'Logins', baseline: 100, target: 150 },
      160,
      'The named result reads as adoption',
    ],
    [
      'activity (a rollout)',
      { namedResult: 'Roll out to 300 users', metric: 'Users', baseline: 0, target: 300 },
      300,
      'The named result reads as activity: a confirmed activity figure is not a result — name what changed for them',
    ],
  ])('%s: stays on Outcome, says why in the rung, the health and the next step', (_, acc, value, why) => {
    const c: Case = { account: { startDate: T - 30, ...acc }, usage: adopted, results: [result({ value })] };
    const a = assess(c);
    expect(a.rungName).toBe('Outcome');
    expect(a.health).not.toBe('Green');
    expect(a.validationDate).toBeNull();
    expect(a.evidence[3].holds).toBe(false);
    expect(a.evidence[3].evidence).toContain(why);
    expect(a.reasons.join(' | ')).toContain(why);
    expect(a.nextStep).toMatch(/^Name a measurable result — /);
  });

  it('a measurable named result with the same rows is a Result', () => {
    expect(assess({ usage: adopted, results: [result()] }).rungName).toBe('Result');
  });
});

describe('A result validated by the team is not a result', () => {
  const owner = 'ana@acme.example'; // the fixture account's Owner
  it.each<[string, Parameters<typeof result>[0], Case['settings'], RungName, string]>([
    [
      'validated by the owner',
      { validatedBy: owner },
      {},
      'Outcome',
      'Validated by ana@acme.example, who is on the team (owner): a result counts only when the customer confirms it',
    ],
    ['validated by the owner, other case', { validatedBy: 'Ana@ACME.example' }, {}, 'Outcome', '(owner)'],
    [
      'validated by who logged it',
      { validatedBy: 'Bea Buyer', loggedBy: 'Bea Buyer' },
      {},
      'Outcome',
      'Validated by Bea Buyer, who is on the team (logged it)',
    ],
    [
      'validated by a colleague in the owner’s domain',
      { validatedBy: 'cy@acme.example' },
      {},
      'Outcome',
      'who is on the team (team domain)',
    ],
    [
      'validated by an address in an allowed domain',
      { validatedBy: 'cy@acme.io' },
      { allowedDomains: ['acme.io'] },
      'Outcome',
      'who is on the team (team domain)',
    ],
    [
      'validated by a customer address',
      { validatedBy: 'bea@customer.example' },
      { allowedDomains: ['acme.io'] },
      'Result',
      'Attributed and validated by Buyer',
    ],
    ['validated by a customer named in plain words', {}, {}, 'Result', 'Attributed and validated by Buyer'],
  ])('%s → %s', (_, row, settings, rung, why) => {
    const c: Case = { account: { startDate: T - 30 }, usage: adopted, results: [result(row)], settings };
    const a = assess(c);
    expect(a.rungName).toBe(rung);
    expect(a.evidence[3].evidence).toContain(why);
    if (rung === 'Outcome') {
      expect(a.health).toBe('Yellow');
      expect(a.reasons.join(' | ')).toContain(why.replace(/^Validated/, 'Validated'));
      expect(a.nextStep).toMatch(
        /^Get it confirmed by the customer's Buyer: validated by .*, who is on the team \(/,
      );
    } else expect(a.health).toBe('Green');
  });

  it('the exact words of the reason and the next step', () => {
    const a = assess({
      account: { startDate: T - 30 },
      usage: adopted,
      results: [result({ validatedBy: owner })],
    });
    expect(a.reasons).toEqual([
      'Reporting days at 3 on 2026-11-14, 67% of the way from 5 to 2; not validated by the Buyer yet',
      'Validated by ana@acme.example, who is on the team (owner): a result counts only when the customer confirms it',
    ]);
    expect(a.nextStep).toBe(
      "Get it confirmed by the customer's Buyer: validated by ana@acme.example, who is on the team (owner)",
    );
  });

  it('a later customer confirmation makes it a Result, dated by the customer’s row', () => {
    const a = assess({
      account: { startDate: T - 30 },
      usage: adopted,
      results: [result({ date: T - 5, validatedBy: owner }), result({ row: 3, date: T - 12 })],
    });
    expect(a.rungName).toBe('Result');
    expect(a.validationDate).toBe(T - 12);
  });

  it('an A + B segment needs every role confirmed by the customer', () => {
    const a = assess({
      segment: MID_MARKET,
      account: {
        startDate: T - 30,
        validator: 'Tina Lead (Team lead); Mo Manager (Manager)',
        validatorRole: 'Team lead',
      },
      usage: weeks([5, 5, 5, 5]),
      results: [
        result({ validatedBy: 'Tina Lead', validatorRole: 'Team lead' }),
        result({ row: 3, validatedBy: 'ana@acme.example', validatorRole: 'Manager' }),
      ],
    });
    expect(a.rungName).toBe('Outcome');
    expect(a.reasons.join(' | ')).toContain('Validated by ana@acme.example, who is on the team (owner)');
    expect(a.nextStep).toBe(
      "Get it confirmed by the customer's Manager: validated by ana@acme.example, who is on the team (owner)",
    );
  });
});

describe('Team domains are the owners’ domains across the whole book', () => {
  const book = (accounts: Account[], results: Book['results']): Book => ({
    segments: [SMB],
    accounts,
    usage: accounts.flatMap((a) => weeks([3, 3, 3, 3], { accountId: a.id })),
    results,
    checks: [],
    history: [],
    problems: [],
  });

  it('a validator in another owner’s domain is the team, not the customer', () => {
    const a1 = account({ id: 'A1', owner: 'ana@acme.example' });
    const a2 = account({ id: 'A2', row: 3, owner: 'zed@acme-partners.example' });
    const rows = [
      result({ accountId: 'A1', validatedBy: 'zed@acme-partners.example' }),
      result({ accountId: 'A2', row: 3, validatedBy: 'bea@customer.example' }),
    ];
    const { assessments } = assessBook(book([a1, a2], rows), DEFAULT_SETTINGS, T);
    expect(assessments.map((x) => x.rungName)).toEqual(['Outcome', 'Result']);
    expect(assessments[0].evidence[3].evidence).toContain(
      'Validated by zed@acme-partners.example, who is on the team (team domain)',
    );
  });
});
