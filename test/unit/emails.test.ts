// Digest email templates: the work then the date in the subject, the leader's sections, items grouped by account, escaped HTML, row links, footer, and the 60 KB cap.
import { describe, expect, it } from 'vitest';
import {
  type EmailContext,
  MAX_HTML_BYTES,
  MAX_OWNER_ROWS,
  moreText,
  renderDigest,
  rowLink,
  shorten,
  utf8Bytes,
} from '../../src/reminders/render/emails';
import type { Digest, DigestItem } from '../../src/reminders/core/types';

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
  const email = renderDigest(owner, { ...ctx, day: '2026-11-24', bookUrl: URL });

  it('puts the day in the subject after the work, so a phone shows the work and Gmail does not thread days together', () => {
    expect(email.subject).toBe('2 accounts need a named result · 2026-11-24');
    expect(renderDigest(owner, ctx).subject).toBe('2 accounts need a named result');
  });

  it('groups items by account: one account appears once, with all its items', () => {
    const two = [
      item({}),
      item({
        key: 'A-1/checkOverdue/2026-11-01',
        kind: 'checkOverdue',
        text: '90-day check overdue by 23 days.',
      }),
      item({ key: 'A-2/triage', accountId: 'A-2', accountName: 'Beta', row: 40 }),
    ];
    const text = renderDigest({ ...owner, items: two }, ctx).text;
    expect(text.match(/Acme \(A-1\)/g)).toHaveLength(1);
    expect(text).toMatch(/Acme \(A-1\) — .*\n {2}- No named result.*\n {2}- 90-day check overdue/);
  });

  it('plain text lists each account with its link, what was left out and the footer', () => {
    expect(email.text).toContain(`Acme (A-1) — ${URL}#gid=123&range=A12`);
    expect(email.text).toContain('  - No named result');
    expect(email.text).toContain(`${URL}#gid=123&range=A40`);
    expect(email.text).toContain('…and 3 more: 3 held for a later email');
    expect(email.text).toContain('Owner of 5 accounts in "CS <team> book"');
  });

  it('"and N more" says what was left out and links to My book', () => {
    expect(email.html).toContain('…and 3 more: 3 held for a later email.');
    expect(email.html).toContain(`<a style="color:#0b57d0" href="${URL}">Open My book</a>`);
    expect(
      moreText(
        [item({ kind: 'checkDueSoon' }), item({ kind: 'checkDueSoon' }), item({ kind: 'chainGap' })],
        0,
      ),
    ).toBe('and 3 more: 2 checks due soon, 1 chain gap');
  });

  it('HTML escapes every user string and links to the rows', () => {
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Co');
    expect(email.html).toContain('CS &lt;team&gt; book');
    expect(email.html).toContain(`href="${URL}#gid=123&amp;range=A40"`);
  });

  it('the footer says why, when (with the time zone) and how to stop them', () => {
    const withZone = renderDigest(owner, { ...ctx, schedule: 'daily at 08:00 (America/New_York)' }).text;
    expect(withZone).toMatch(/Owner of 5 accounts/);
    expect(withZone).toMatch(/daily at 08:00 \(America\/New_York\).*every 7 days/);
    expect(withZone).toMatch(
      /To stop these emails: ask lead@acme.example, who turned reminders on, to turn them off/,
    );
    const leader = renderDigest({ ...owner, kind: 'leader' }, ctx).text;
    expect(leader).toMatch(/you are the leader email/);
    expect(leader).toMatch(/To stop these emails: clear the leader email/);
  });

  it('the leader digest carries per-owner counts in a table narrow enough for a phone, escaped', () => {
    const leader: Digest = {
      ...owner,
      kind: 'leader',
      subject: 'Escalation: 1 Red account · 1 data problem',
      items: [
        item({ kind: 'red', key: 'A-1/red', owner: 'kim@acme.example', text: '<b>no validator</b>' }),
        item({
          kind: 'problem',
          key: 'problem/Usage/#x/Week',
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
    // Owners by name, never by email; a blank owner is no valid owner.
    expect(out.text).toContain('- Kim: 4 · 1 · 2 · 0');
    expect(out.text).toContain('- No valid owner: 1 · 0 · 1 · 0');
    expect(out.text).not.toContain('kim@acme.example');
    // Sections: Red first (grouped by what to do, with per-owner counts), then data problems.
    expect(out.text).toMatch(
      /^Escalation\n\nRed: 1 account\nLook into it \(1\): Kim 1\n {2}- Acme · Kim — <b>no validator<\/b>/,
    );
    expect(out.text).toContain(`Data problems: 1\n  - Usage row 9: Week: not a date — ${URL}#gid=7&range=A9`);
    expect(out.text.indexOf('Red: 1 account')).toBeLessThan(out.text.indexOf('Data problems: 1'));
    expect(out.html).toMatch(/<h3 style="[^"]*border-left:4px solid #d93025[^"]*">Red: 1 account<\/h3>/);
    expect(out.html).toContain('&lt;b&gt;no validator&lt;/b&gt;');
    expect(out.html).toContain('width:100%;max-width:560px');
    expect(out.html).toMatch(/<td [^>]*overflow-wrap:anywhere[^>]*>No valid owner<\/td>/);
    // Nothing was cut: no "and N more" anywhere.
    expect(out.text).not.toContain('more');
    expect(out.html).not.toContain('more');
  });
});

describe('size: every digest stays under 60 KB of HTML, whatever the data', () => {
  const many = (n: number, text: string): DigestItem[] =>
    Array.from({ length: n }, (_, i) =>
      item({
        key: `A-${i}/red`,
        accountId: `A-${i}`,
        accountName: `Account ${i}`,
        kind: 'red',
        row: i + 2,
        text,
        severity: 60,
      }),
    );

  it.each([
    ['5,000 short items and 5,000 owners', many(5_000, 'kim@acme.example: past the result window'), 5_000],
    ['40 items each with a 50,000-character cell', many(40, 'x'.repeat(50_000)), 10],
    ['multi-byte text', many(2_000, '結果を検証してください。'.repeat(30)), 10],
  ])('%s', (_, items, owners) => {
    const digest: Digest = {
      ...owner,
      kind: 'leader',
      items,
      moreItems: 0,
      ownerCounts: Array.from({ length: owners }, (_, i) => ({
        owner: `csm${i}@acme.example`,
        accounts: 2,
        red: 1,
        triage: 0,
        overdue: 0,
      })),
    };
    const out = renderDigest(digest, { ...ctx, bookUrl: URL });
    expect(utf8Bytes(out.html)).toBeLessThanOrEqual(MAX_HTML_BYTES);
    expect(Buffer.byteLength(out.html)).toBe(utf8Bytes(out.html));
    // The most urgent come first and are shown; the rest are named, and only the shown count as sent.
    expect(out.shown.length).toBeGreaterThan(0);
    expect(out.shown[0].key).toBe(items[0].key);
    if (out.shown.length < items.length)
      expect(out.html).toContain(`and ${items.length - out.shown.length} more`);
    expect(out.html.match(/<tr>/g)?.length ?? 0).toBeLessThanOrEqual(MAX_OWNER_ROWS + 1);
  });

  it('shortens long cell text at a word', () => {
    expect(shorten('word '.repeat(100), 20)).toBe('word word word word…');
    expect(shorten('short')).toBe('short');
  });
});
