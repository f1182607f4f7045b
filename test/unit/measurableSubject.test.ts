// Issue 24: the judge reads the SUBJECT of the number (the customer's business, the product's use, feelings), never
// the context clause around it; vendor work is activity; a scope-sizing number does not make a wish measurable;
// common misspellings are tolerated; a value names a change, a capability noun phrase is a feature. Each example of
// the issue, with the seed sentence that decides it.
import { describe, expect, it } from 'vitest';
import { CHAIN_EXAMPLES, chainStatus, judgeLink } from '../../src/core/chain';
import { classifyStatement, lintResult, RESULT_EXAMPLE, withSpellingRead } from '../../src/core/measurable';

const LADDER = '000_91cdf6c3e14fe07e.txt';
const CHAIN = '004_f20b13b218ea5c99.txt';
const RESULT_SEED = `${LADDER}: "We grew pipeline conversion 18% after rolling out the workflow."`;
const MEASURABLE_SEED = `${LADDER}: "Measurable means there's a number, a status change, or a before-and-after"`;
const ACTIVITY_SEED = `${LADDER}: Activity — "Something happened in the product. A click, a login, a configuration."`;
const QBR_SEED = `${LADDER}: relationship-based QBR — "Recap of activity, training delivered, support tickets closed."`;
const ADOPTION_SEED = `${LADDER}: Adoption — "Five users on the team are running reports weekly."`;
const VAGUE_SEED = `${CHAIN}: "“Improve conversion” is not a pain."`;
const FEATURE_SEED = `${CHAIN}: "Not the feature list. Not the capability overview from the sales deck."`;
const SENTIMENT_SEED = `${LADDER}: "Satisfaction is what the customer feels. A result is what the customer can prove."`;
const RELATIONSHIP_SEED = `${LADDER}: relationship-based motion — "sentiment, engagement, responsiveness"`;
const VALUE_SEED = `${CHAIN}: "your developers stop context-switching … That’s a value statement."`;

describe('the subject of the number decides, not the words around it (issue 24, item 1)', () => {
  it.each([
    // Real results rejected for saying how they happened.
    ['Pipeline conversion +18% after rollout of the workflow', 'measurable', RESULT_SEED],
    ['After adoption in finance, invoice errors fell from 3% to 0.4%', 'measurable', MEASURABLE_SEED],
    ['Because of adoption across AP, late fees fell from $9k to $1k', 'measurable', MEASURABLE_SEED],
    ['Since go-live, duplicate payments are down 80%', 'measurable', MEASURABLE_SEED],
    ['Using this tool, audit prep takes 3 days instead of 3 weeks', 'measurable', MEASURABLE_SEED],
    // Usage with a number passes as a result.
    ['Closed 14 support tickets for them this quarter', 'activity', QBR_SEED],
    ['Our team delivered 3 admin trainings', 'activity', QBR_SEED],
    ['12 of 15 managers open the weekly digest', 'adoption', ADOPTION_SEED],
    ['loging went up 20%', 'activity', ACTIVITY_SEED],
    ['dashbaord views doubled', 'activity', ACTIVITY_SEED],
    // Vague wishes pass when they carry any number or scope.
    ['Optimise picking in the 2 warehouses', 'vague', VAGUE_SEED],
    ['Support our 24/7 customers better', 'vague', VAGUE_SEED],
    // Sentiment without the usual words.
    ["They said it's a game changer", 'sentiment', SENTIMENT_SEED],
    ['Relationship is strong and the sponsor is engaged', 'sentiment', RELATIONSHIP_SEED],
  ])('%j → %s (%s)', (text, kind) => {
    expect(classifyStatement(text).kind).toBe(kind);
  });
});

describe('a value names a change; a capability noun phrase is a feature (issue 24, item 2)', () => {
  it.each([
    ['SSO and role-based access', 'feature', FEATURE_SEED],
    ['Mobile app for field technicians', 'feature', FEATURE_SEED],
    ['Workflow automation', 'feature', FEATURE_SEED],
    [
      'Findings land in the pull request, so developers fix them while the code is fresh',
      'value',
      VALUE_SEED,
    ],
    ['Approvers sign off from their phone without waiting for a desk', 'value', VALUE_SEED],
  ])('%j → %s (%s)', (text, kind) => {
    expect(classifyStatement(text).kind).toBe(kind);
  });

  it('a feature name as the solution value leaves the chain weak', () => {
    const pain = 'Month-end close takes 10 days; the CFO wants 5';
    const result = 'Close takes 6 days, down from 10';
    for (const value of [
      'SSO and role-based access',
      'Mobile app for field technicians',
      'Workflow automation',
    ])
      expect(chainStatus(pain, value, result).text, value).toBe('Solution value reads as a feature');
    expect(chainStatus(pain, 'Managers approve on their phone instead of at a desk', result).complete).toBe(
      true,
    );
  });
});

describe('every verdict names the class, the words that decided it, and a rewrite shaped like the link (item 4)', () => {
  it.each([
    [
      'Closed 14 support tickets for them this quarter',
      /^Reads as activity .*“closed 14 support tickets for them”/i,
    ],
    ['12 of 15 managers open the weekly digest', /^Reads as adoption .*“12 of 15”/i],
    [
      'Optimise picking in the 2 warehouses',
      /^Too vague to measure .*“optimise”.*“2 warehouses” only sizes the scope/i,
    ],
    [
      "They said it's a game changer",
      /^Sentiment: say what changed for them \(“game changer” is how they feel\)/,
    ],
    [
      'Mobile app for field technicians',
      /^Reads as a feature: say what it changes for them \(“app” names a capability\)/,
    ],
  ])('lint %j', (text, shape) => {
    const lint = lintResult(text);
    expect(lint).toMatch(shape);
    expect(lint).toContain(RESULT_EXAMPLE);
  });

  it('the rewrite is shaped like the link being judged', () => {
    const asValue = judgeLink('value', 'SSO and role-based access');
    expect(asValue.hint).toMatch(
      /^Reads as a feature: say what it changes for them \(“sso” names a capability\)/,
    );
    expect(asValue.hint).toContain(CHAIN_EXAMPLES.value);
    const asPain = judgeLink('pain', 'Optimise picking in the 2 warehouses');
    expect(asPain.hint).toContain(CHAIN_EXAMPLES.pain);
    expect(asPain.hint).toMatch(/“2 warehouses” only sizes the scope/);
  });
});

describe('misspellings of the deciding words are read as meant, and only those (issue 24, item 1)', () => {
  it.each([
    ['loging went up 20%', 'login went up 20%'],
    ['custmer is very satisifed', 'custmer is very satisfied'],
    ['dashbaord views doubled', 'dashboard views doubled'],
    ['adoptoin at 85% of seats', 'adoption at 85% of seats'],
  ])('%j → %j', (text, read) => {
    expect(withSpellingRead(text)).toBe(read);
  });

  it('leaves real words alone: no substitutions, and business words need no correction', () => {
    for (const text of ['adapted the logic for the report', 'reduced invocie errors by 30%', 'usage is up'])
      expect(withSpellingRead(text)).toBe(text);
    expect(
      classifyStatement('Adapted the approval rules, so invoices clear in 2 days instead of 5').kind,
    ).toBe('measurable');
  });
});
