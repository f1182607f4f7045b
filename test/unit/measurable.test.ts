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
