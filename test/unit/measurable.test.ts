import { describe, expect, it } from 'vitest';
import { describesActivity, isMeasurable, lintResult, statesQuantity } from '../../src/core/measurable';

describe('Measurable statement', () => {
  it.each([
    ['cut reporting time 40%', true],
    ['zero exceptions in the audit', true],
    ['Reduce open tickets from 400 to 150', true],
    ['save $20k a quarter on invoice errors', true],
    ['close the books twice as fast', true],
    ['halve onboarding time', true],
    ['3x qualified pipeline', true],
    ['Improve conversion', false],
    ['Better reporting', false],
    ['the team uses the product', false],
    ['100 users log in every week', false],
    ['80% adoption across the sales team', false],
    ['weekly active users up 50%', false],
    ['40%', false],
    ['', false],
  ])('%j → %s', (text, measurable) => {
    expect(isMeasurable(text)).toBe(measurable);
  });

  describe('dates, periods, names and ordinals are not quantities', () => {
    it.each([
      ['Improve conversion this quarter', false],
      ['Improve conversion in Q3', false],
      ['Improve conversion by 2027', false],
      ['Improve conversion by Q3 2026', false],
      ['Improve conversion in FY26', false],
      ['Improve conversion by March 2027', false],
      ['Improve conversion by 2027-03-31', false],
      ['Improve conversion by 3/31/2027', false],
      ['grow pipeline in H1', false],
      ['win the second half of the year', false],
      ['Become the one tool the team trusts', false],
      ['third-party integrations', false],
      ['Improve B2B conversion', false],
      ['40% by Q3', false],
      ['Cut reporting time 40%', true],
      ['zero exceptions in the audit', true],
      ['a third of the tickets', true],
      ['cut churn by a quarter', true],
      ['from 5 days to 2', true],
      ['twice as many renewals', true],
      ['$40k saved', true],
      ['one day instead of five', true],
      ['one approval step instead of three', true],
      ['save $2000 a month on invoice errors', true],
      ['2000 fewer tickets', true],
      ['Reduce tickets from 2000 to 1500', true],
      ['Cut reporting time 40% by Q3 2026', true],
      ['close deals in half the time', true],
      ['3x qualified pipeline in FY26', true],
    ])('%j → %s', (text, measurable) => {
      expect(isMeasurable(text)).toBe(measurable);
    });

    it('says a date is when, not how much', () => {
      expect(lintResult('Improve conversion by 2027')).toContain('says when, not how much');
      expect(lintResult('third-party integrations')).toContain('States no quantity');
      expect(lintResult('40% by Q3 2026')).toContain('not what it measures');
    });
  });

  it.each([
    ['cut reporting time 40%', ''],
    ['Improve conversion', 'States no quantity'],
    ['the team uses the product', 'Describes activity or adoption'],
    ['80% adoption', 'Describes activity or adoption'],
    ['40%', 'States a number but not what it measures'],
    ['  ', 'No result named'],
  ])('lint %j → %j', (text, lint) => {
    const found = lintResult(text);
    if (lint === '') expect(found).toBe('');
    else expect(found).toContain(lint);
  });

  it('finds each kind of quantity', () => {
    for (const t of [
      '7 days',
      '12%',
      '$5,000',
      '€30k',
      '2×',
      'tenfold',
      'a dozen errors',
      'one approval step',
      'twice',
      'half',
    ])
      expect(statesQuantity(t), t).toBe(true);
    for (const t of ['faster', 'someone', 'phone', 'often']) expect(statesQuantity(t), t).toBe(false);
  });

  it('flags activity language, not outcomes that mention people', () => {
    expect(describesActivity('logins doubled')).toBe(true);
    expect(describesActivity('usage grew')).toBe(true);
    expect(describesActivity('Onboard clients in 10 days instead of 30')).toBe(false);
    expect(describesActivity('users wait 2 minutes less for reports')).toBe(false);
  });
});
