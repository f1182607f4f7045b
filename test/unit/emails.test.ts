// Digest email templates: subject, plain text, HTML with every user string escaped, row links, footer.
import { describe, expect, it } from 'vitest';
import { type EmailContext, footerLines, renderDigest, rowLink } from '../../src/core/emails';
import type { Digest, DigestItem } from '../../src/core/reminders';

const URL = 'https://docs.google.com/spreadsheets/d/abc/edit';
const ctx: EmailContext = {
  bookName: 'CS <team> book',
  linkOf: (sheet, row) => rowLink(URL, sheet === 'Accounts' ? 123 : 7, row),
  remindersOwner: 'lead@acme.example',
  schedule: 'daily at 08:00',
  remindEveryDays: 7,
};

const item = (over: Partial<DigestItem>): DigestItem => ({
  key: 'A-1/triage',
  accountId: 'A-1',
  accountName: 'Acme',
  sheet: 'Accounts',
  row: 12,
  kind: 'triage',
  text: 'No named result: name them to take it off triage.',
  severity: 70,
  ...over,
});

const owner: Digest = {
  recipient: 'csm@acme.example',
  kind: 'owner',
  urgency: 1,
  subject: '2 accounts need a named result',
  items: [
    item({}),
    item({ key: 'A-2/triage', accountId: 'A-2', accountName: '<img src=x onerror=alert(1)> & Co', row: 40 }),
  ],
  moreItems: 3,
  ownerCounts: [],
  accountCount: 5,
};

describe('rowLink', () => {
  it('points at the row on the right sheet', () => {
    expect(rowLink(URL, 123, 12)).toBe(`${URL}#gid=123&range=A12`);
    expect(rowLink(`${URL}#gid=0`, 5, 2)).toBe(`${URL}#gid=5&range=A2`);
  });
});

describe('renderDigest', () => {
  const email = renderDigest(owner, ctx);

  it('keeps the planned subject', () => {
    expect(email.subject).toBe('2 accounts need a named result');
  });

  it('accounts with an unknown segment get their own section, not the named-result one', () => {
    const segment = item({
      key: 'A-3/unknownSegment',
      kind: 'unknownSegment',
      text: 'No segment: pick one.',
    });
    const text = renderDigest({ ...owner, items: [item({}), segment] }, ctx).text;
    expect(text).toContain('Triage: no named result or validator (1)');
    expect(text).toContain('Triage: unknown segment (1)');
  });

  it('plain text lists each item with its link, the remainder and the footer', () => {
    expect(email.text).toContain('Triage: no named result or validator (2)');
    expect(email.text).toContain('- Acme (A-1): No named result');
    expect(email.text).toContain(`${URL}#gid=123&range=A12`);
    expect(email.text).toContain(`${URL}#gid=123&range=A40`);
    expect(email.text).toContain('…and 3 more');
    expect(email.text).toContain('Owner of 5 accounts in "CS <team> book"');
  });

  it('HTML escapes every user string and links to the rows', () => {
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Co');
    expect(email.html).toContain('CS &lt;team&gt; book');
    expect(email.html).toContain(`href="${URL}#gid=123&amp;range=A40"`);
  });

  it('the footer says why and how to change it', () => {
    const lines = footerLines(owner, ctx);
    expect(lines[0]).toMatch(/Owner of 5 accounts/);
    expect(lines[1]).toMatch(/daily at 08:00.*every 7 days/);
    expect(lines[2]).toMatch(/only lead@acme.example can change/);
    const leaderWhy = footerLines({ ...owner, kind: 'leader' }, ctx)[0];
    expect(leaderWhy).toMatch(/leader email/);
  });

  it('the leader digest carries per-owner counts, escaped', () => {
    const leader: Digest = {
      ...owner,
      kind: 'leader',
      subject: 'Escalations: 1 Red account',
      items: [
        item({ kind: 'red', key: 'A-1/red', text: 'kim@acme.example: <b>no validator</b>' }),
        item({
          kind: 'problem',
          key: 'problem/Usage/9/Week',
          accountId: '',
          accountName: '',
          sheet: 'Usage',
          row: 9,
          text: 'Week: not a date',
        }),
      ],
      moreItems: 0,
      ownerCounts: [
        { owner: 'kim@acme.example', accounts: 4, red: 1, triage: 2, overdue: 0 },
        { owner: '', accounts: 1, red: 0, triage: 1, overdue: 0 },
      ],
    };
    const out = renderDigest(leader, ctx);
    expect(out.text).toContain('- kim@acme.example: 4 · 1 · 2 · 0');
    expect(out.text).toContain('- (no owner): 1 · 0 · 1 · 0');
    expect(out.text).toContain('- Usage row 9: Week: not a date');
    expect(out.text).toContain(`${URL}#gid=7&range=A9`);
    expect(out.html).toContain('&lt;b&gt;no validator&lt;/b&gt;');
    expect(out.html).toContain(
      '<td style="padding:2px 8px;border-bottom:1px solid #eee;text-align:left">(no owner)</td>',
    );
    expect(out.text).not.toContain('…and');
  });
});
