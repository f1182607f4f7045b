import { describe, expect, it } from 'vitest';
import { chainStatus } from '../../src/core/chain';

describe('The Three-Link Chain', () => {
  const pain = 'Reporting takes 5 days a month';
  const value = 'Reports build themselves';
  const named = 'Cut reporting from 5 days to 2';
  it.each([
    [pain, value, named, 'Complete', [], []],
    ['', value, named, 'Missing business pain', ['pain'], []],
    [pain, '', '', 'Missing solution value, named result', ['value', 'result'], []],
    ['Reporting is slow', value, named, 'Weak business pain (not specific enough to measure)', [], ['pain']],
    [pain, value, 'Improve reporting', 'Weak named result (not specific enough to measure)', [], ['result']],
    [pain, value, 'the team uses the product', 'Weak named result', [], ['result']],
    ['', value, 'Improve reporting', 'Missing business pain; weak named result', ['pain'], ['result']],
    [pain, 'Saves time', named, 'Complete', [], []],
  ])('%j · %j · %j → %s', (p, v, r, text, missing, weak) => {
    const status = chainStatus(p, v, r);
    expect(status.text).toContain(text);
    expect(status.missing).toEqual(missing);
    expect(status.weak).toEqual(weak);
    expect(status.complete).toBe(text === 'Complete');
  });
});
