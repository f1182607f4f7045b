import { describe, expect, it } from 'vitest';
import { confirmMailto } from '../../sidebar/askValidator';
import type { AccountView, ResultView } from '../../src/entry/sidebarTypes';

const view = {
  account: {
    id: 'A-1',
    name: 'Globex & Sons',
    namedResult: 'Approve invoices in 3 days',
    metric: 'Days to approve',
    baseline: 9,
    target: 3,
  },
} as unknown as AccountView;
const result = {
  date: '2026-11-20',
  value: 5,
  progressPercent: 67,
  customerWords: 'We approve in 5 days now? Great #win',
} as unknown as ResultView;

describe('the prepared email asking the validator to confirm', () => {
  it('quotes the result, its numbers and the customer words, fully encoded', () => {
    const url = confirmMailto(view, 'Ann Buyer', result);
    expect(url.startsWith('mailto:?subject=')).toBe(true);
    // One subject and one body: nothing in the account's text breaks the query apart.
    const query = new URLSearchParams(url.slice('mailto:?'.length).replace(/\+/g, '%2B'));
    expect([...query.keys()]).toEqual(['subject', 'body']);
    expect(query.get('subject')).toBe('Please confirm: Approve invoices in 3 days (Globex & Sons)');
    const body = query.get('body') ?? '';
    expect(body).toContain('Hi Ann Buyer,');
    expect(body).toContain(
      'Days to approve: 5 on 2026-11-20, from a baseline of 9 toward a target of 3 (67%',
    );
    expect(body).toContain('"We approve in 5 days now? Great #win"');
    expect(url).not.toMatch(/[ \n#]/);
    expect(url).toContain('%0D%0A');
  });
});
