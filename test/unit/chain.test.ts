import { describe, expect, it } from 'vitest';
import { CHAIN_EXAMPLES, chainStatus, judgeLink } from '../../src/core/chain';
import { chainHints } from '../../sidebar/chainHints';

describe('The Three-Link Chain', () => {
  const pain = 'Reporting takes 5 days a month';
  const value = 'Reports build themselves from the ledger, so finance stops copying numbers';
  const named = 'Cut reporting from 5 days to 2';
  it.each([
    [pain, value, named, 'Complete', [], []],
    ['', value, named, 'Missing business pain', ['pain'], []],
    [pain, '', '', 'Missing solution value, named result', ['value', 'result'], []],
    ['Reporting is slow', value, named, 'Business pain too vague to measure', [], ['pain']],
    [pain, value, 'Improve reporting', 'Named result too vague to measure', [], ['result']],
    [pain, value, 'the team uses the product', 'Named result reads as activity', [], ['result']],
    [
      '',
      value,
      'Improve reporting',
      'Missing business pain; named result too vague to measure',
      ['pain'],
      ['result'],
    ],
    [pain, 'Reports build themselves', named, 'Complete', [], []],
  ])('%j · %j · %j → %s', (p, v, r, text, missing, weak) => {
    const status = chainStatus(p, v, r);
    expect(status.text).toBe(text);
    expect(status.missing).toEqual(missing);
    expect(status.weak).toEqual(weak);
    expect(status.complete).toBe(text === 'Complete');
  });

  // Issue 15: the solution value was never judged; the seed calls "faster remediation" a feature description.
  describe('solution value is judged', () => {
    it.each([
      ['Faster remediation', 'Solution value reads as a feature'],
      ['checkout flow tests', 'Solution value reads as a feature'],
      ['automated report builder', 'Solution value reads as a feature'],
      ['Saves time', 'Solution value too vague'],
      ['Users love it', 'Solution value reads as sentiment'],
    ])('%j → %s', (v, text) => {
      const status = chainStatus(pain, v, named);
      expect(status.complete).toBe(false);
      expect(status.weak).toEqual(['value']);
      expect(status.text).toBe(text);
    });
    it.each([
      'Findings reach developers in their pull requests, so fixes land in days',
      'Your mean time to remediate drops from 60 days to under two weeks',
    ])('a value statement holds: %j', (v) => {
      expect(chainStatus(pain, v, named).complete).toBe(true);
    });
  });

  it('names what a weak result reads as', () => {
    expect(chainStatus(pain, value, 'Five users on the team are running reports weekly').text).toBe(
      'Named result reads as adoption',
    );
    expect(chainStatus(pain, value, 'Users love the dashboard').text).toBe('Named result reads as sentiment');
  });

  it('gives an example shaped like the link being judged', () => {
    const painHint = judgeLink('pain', 'Improve conversion').hint;
    expect(painHint).toContain(CHAIN_EXAMPLES.pain);
    expect(painHint).not.toContain(CHAIN_EXAMPLES.result);
    expect(judgeLink('value', 'Faster remediation').hint).toBe(
      `Reads as a feature: say what it changes for them (“remediation” names a capability), e.g. ${CHAIN_EXAMPLES.value}`,
    );
    expect(judgeLink('result', 'Users love it').hint).toMatch(/^Sentiment: say what changed/);
    for (const link of ['pain', 'value', 'result'] as const)
      expect(judgeLink(link, 'The team ran a report this week').hint.split(':').length).toBeLessThanOrEqual(
        2,
      );
  });

  it('the sidebar hints judge all three links', () => {
    const input = {
      pain: 'Improve conversion',
      value: 'Faster remediation',
      result: 'Ran 40 reports last month',
      baseline: '',
      target: '',
      validator: '',
      role: '',
    };
    const hints = chainHints(input, null);
    expect(hints.pain.text).toContain(CHAIN_EXAMPLES.pain);
    expect(hints.value.text).toMatch(/^Reads as a feature: say what it changes for them/);
    expect(hints.result.text).toMatch(/^Reads as activity/);
    expect([hints.pain.warn, hints.value.warn, hints.result.warn]).toEqual([true, true, true]);
  });
});
