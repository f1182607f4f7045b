// The confirmations' pure core: the signed token (codecs, sign/verify, every refusal), the link judgement, the ask
// record schema, who may be asked, the mail, and the pending asks the digest lists.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { judgeLink, type LinkState } from '../../src/confirmations/core/answer';
import {
  type AskRecord,
  askMail,
  emailRefusal,
  parseAsk,
  readAsk,
  statementKey,
  statusAt,
} from '../../src/confirmations/core/asks';
import {
  base64url,
  type Claims,
  fromBase64url,
  fromUtf8,
  hex,
  sameBytes,
  signToken,
  utf8,
  verifyToken,
} from '../../src/confirmations/core/token';

const SECRET = 'k'.repeat(43);
const hmacOf =
  (secret: string, signed = false) =>
  (m: string) => {
    const bytes = [...createHmac('sha256', secret).update(m, 'utf8').digest()];
    // Apps Script hands back Java's signed bytes.
    return signed ? bytes.map((b) => (b > 127 ? b - 256 : b)) : bytes;
  };
const hmac = hmacOf(SECRET);
const NOW = Date.parse('2026-11-24T15:00:00Z');
const DAY = 86_400_000;
const ST = 'a'.repeat(64);
const CLAIMS: Claims = {
  v: 1,
  ask: 'abc123',
  ss: '1Sheet',
  acct: 'A-1',
  who: 'Dana Li',
  st: ST,
  exp: NOW + 30 * DAY,
};

describe('codecs', () => {
  it('base64url matches Node for every length, and decodes back', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(base64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64url(base64url(bytes))).toEqual(bytes);
    }
    expect(base64url([-1, -128])).toBe(Buffer.from([255, 128]).toString('base64url'));
    expect(fromBase64url('a+b/')).toBeNull();
    expect(fromBase64url('abcde')).toBeNull();
  });

  it('UTF-8 matches Node, including astral characters, and rejects broken bytes', () => {
    const text = 'Zoë — 5 → 4 days 👍 <b>&</b>';
    expect(utf8(text)).toEqual([...Buffer.from(text, 'utf8')]);
    expect(fromUtf8(utf8(text))).toBe(text);
    expect(fromUtf8([0xc3])).toBeNull();
    expect(fromUtf8([0xff])).toBeNull();
    expect(fromUtf8([0xe2, 0x28, 0xa1])).toBeNull();
  });

  it('hex and constant-time equality', () => {
    expect(hex([0, 15, -1, 171])).toBe('000fffab');
    expect(sameBytes([1, 2, 3], [1, 2, 3])).toBe(true);
    expect(sameBytes([1, 2, 3], [1, 2, 4])).toBe(false);
    expect(sameBytes([1, 2], [1, 2, 0])).toBe(false);
    expect(sameBytes([-1], [255])).toBe(true);
  });
});

describe('signToken / verifyToken', () => {
  const token = signToken(CLAIMS, hmac);
  const [payload, signature] = token.split('.');
  const withClaims = (c: Partial<Claims>) =>
    `${base64url(utf8(JSON.stringify({ ...CLAIMS, ...c })))}.${signature}`;

  it('accepts its own token, also when the HMAC comes back as signed bytes', () => {
    expect(verifyToken(token, hmac, NOW)).toEqual({ ok: true, claims: CLAIMS });
    expect(signToken(CLAIMS, hmacOf(SECRET, true))).toBe(token);
    expect(verifyToken(token, hmacOf(SECRET, true), NOW).ok).toBe(true);
  });

  it.each([
    ['another secret', signToken(CLAIMS, hmacOf('another secret')), 'forged'],
    ['a changed signature', `${payload}.${signature.slice(0, -2)}AA`, 'forged'],
    ['a tampered expiry', withClaims({ exp: CLAIMS.exp + 365 * DAY }), 'forged'],
    ['another account', withClaims({ acct: 'A-2' }), 'forged'],
    ['another spreadsheet', withClaims({ ss: '1Other' }), 'forged'],
    ['another validator', withClaims({ who: 'Eve' }), 'forged'],
    ['another statement', withClaims({ st: 'b'.repeat(64) }), 'forged'],
    ['no signature', payload, 'malformed'],
    ['not base64url', `${payload}.%%%`, 'malformed'],
    ['three parts', `${token}.x`, 'malformed'],
    ['not a string', 42, 'malformed'],
    ['too long', 'a'.repeat(3000), 'malformed'],
  ])('refuses %s', (_name, bad, reason) => {
    expect(verifyToken(bad, hmac, NOW)).toMatchObject({ ok: false, reason });
  });

  it('refuses a signed payload that is not the claims', () => {
    const sign = (body: string) => {
      const p = base64url(utf8(body));
      return `${p}.${base64url(hmac(p))}`;
    };
    expect(verifyToken(sign('not json'), hmac, NOW)).toMatchObject({ reason: 'malformed' });
    expect(verifyToken(sign(JSON.stringify({ ...CLAIMS, v: 2 })), hmac, NOW)).toMatchObject({
      reason: 'malformed',
    });
  });

  it('refuses an expired token but still names its claims', () => {
    expect(verifyToken(token, hmac, CLAIMS.exp + 1)).toEqual({
      ok: false,
      reason: 'expired',
      claims: CLAIMS,
    });
    expect(verifyToken(token, hmac, CLAIMS.exp).ok).toBe(true);
  });
});

describe('judgeLink', () => {
  const asked: AskRecord = {
    askId: 'abc123',
    accountId: CLAIMS.acct,
    validator: CLAIMS.who,
    role: 'Executive sponsor',
    email: 'dana@freight.example',
    statement: 'Cut close to 5 days',
    statementHash: ST,
    value: 7,
    valueOn: '2026-10-01',
    askedOn: '2026-11-24T15:00:00.000Z',
    expires: new Date(CLAIMS.exp).toISOString(),
    askedBy: 'maya@acme.example',
    status: 'pending',
  };
  const answered: AskRecord = { ...asked, status: 'confirmed', answeredOn: '2026-11-25T10:00:00.000Z' };
  const ok: LinkState = {
    check: { ok: true, claims: CLAIMS },
    spreadsheetId: CLAIMS.ss,
    ask: asked,
    currentHash: ST,
  };
  const kind = (s: Partial<LinkState>) => {
    const j = judgeLink({ ...ok, ...s });
    return 'refused' in j ? j.refused.kind : 'ok';
  };

  it.each([
    ['a good link', {}, 'ok'],
    ['the account is gone', { currentHash: null }, 'changed'],
    ['forged', { check: { ok: false, reason: 'forged' } }, 'forged'],
    ['malformed', { check: { ok: false, reason: 'malformed' } }, 'forged'],
    ['unknown ask', { ask: null }, 'unknown'],
    ['superseded ask', { ask: { ...asked, status: 'superseded' } }, 'unknown'],
    ['another spreadsheet', { spreadsheetId: '1Other' }, 'other-spreadsheet'],
    ['another account', { ask: { ...asked, accountId: 'A-2' } }, 'other-account'],
    ['another validator', { ask: { ...asked, validator: 'Eve' } }, 'other-account'],
    ['another expiry', { ask: { ...asked, expires: '2027-01-01T00:00:00.000Z' } }, 'other-account'],
    ['reused', { ask: answered }, 'reused'],
    ['not yet, then again', { ask: { ...answered, status: 'not yet' } }, 'reused'],
    ['expired', { check: { ok: false, reason: 'expired', claims: CLAIMS } }, 'expired'],
    ['result changed', { currentHash: 'c'.repeat(64) }, 'changed'],
    ['link of another statement', { ask: { ...asked, statementHash: 'c'.repeat(64) } }, 'changed'],
  ] as [string, Partial<LinkState>, string][])('%s → %s', (_name, state, expected) => {
    expect(kind(state)).toBe(expected);
  });

  it('says when it was answered, and until when it was valid', () => {
    const reused = judgeLink({ ...ok, ask: answered });
    expect('refused' in reused && reused.refused.message).toContain('already answered on 2026-11-25');
    const expired = judgeLink({ ...ok, check: { ok: false, reason: 'expired', claims: CLAIMS } });
    expect('refused' in expired && expired.refused.message).toContain('valid until 2026-12-24');
  });
});

describe('the ask record', () => {
  const ask: AskRecord = {
    askId: 'abc123',
    accountId: 'A-1',
    validator: 'Dana Li',
    role: 'Executive sponsor',
    email: 'dana@freight.example',
    statement: 'Cut close to 5 days',
    statementHash: ST,
    value: 7,
    valueOn: '2026-10-01',
    askedBy: 'maya@acme.example',
    askedOn: '2026-11-10T15:00:00.000Z',
    expires: '2026-12-10T15:00:00.000Z',
    status: 'pending',
  };

  it('reads back what was written, and nothing else', () => {
    expect(readAsk(JSON.stringify(ask))).toEqual(ask);
    expect(readAsk(JSON.stringify({ ...ask, status: 'approved' }))).toBeNull();
    expect(readAsk(JSON.stringify({ ...ask, statementHash: 'xyz' }))).toBeNull();
    expect(readAsk(JSON.stringify({ ...ask, askedOn: '2026-11-10' }))).toBeNull();
    expect(readAsk('{"askId":')).toBeNull();
    expect(readAsk(null)).toBeNull();
    expect(parseAsk(ask)).toEqual(ask);
    expect(parseAsk({ ...ask, value: Number.NaN })).toBeNull();
    expect(parseAsk({ ...ask, askId: '=HYPERLINK("x")' })).toBeNull();
  });

  it('expires after 30 days', () => {
    expect(statusAt(ask, Date.parse(ask.expires) + 1)).toBe('expired');
    expect(statusAt({ ...ask, status: 'confirmed' }, Date.parse(ask.expires) + 1)).toBe('confirmed');
  });

  it('hashes the result with its numbers', () => {
    const a = { namedResult: ' Cut close ', metric: 'Close days', baseline: 9, target: 5 };
    expect(statementKey(a)).toBe(statementKey({ ...a, namedResult: 'Cut close' }));
    expect(statementKey(a)).not.toBe(statementKey({ ...a, target: 4 }));
  });
});

describe('who may be asked', () => {
  const team = {
    owner: 'maya@acme.example',
    user: 'lead@acme.example',
    allowedDomains: ['acme-partners.com'],
  };
  it.each([
    ['dana@freight.example', null],
    ['', /No email address/],
    ['dana at freight', /not a valid email address/],
    ['dana@freight.example; mo@x.example', /not a valid/],
    ['Maya@Acme.example', /team's own address/],
    ['someone@acme.example', /team's domain \(acme\.example\)/],
    ['x@eu.acme-partners.com', /team's domain \(acme-partners\.com\)/],
  ])('%s', (email, expected) => {
    const r = emailRefusal(email, 'Dana Li', team);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toMatch(expected);
  });

  it('a CSM on a free mail domain does not make that domain the team', () => {
    const gmail = { owner: 'maya@gmail.com', user: 'maya@gmail.com', allowedDomains: [] };
    expect(emailRefusal('dana@gmail.com', 'Dana', gmail)).toBeNull();
    expect(emailRefusal('maya@gmail.com', 'Dana', gmail)).toMatch(/own address/);
  });
});

describe('the mail', () => {
  const result = {
    accountName: 'Acme & Sons',
    metric: 'Close days',
    baseline: 9,
    baselineOn: '2026-06-01',
    latest: 6.5,
    latestOn: '2026-10-01',
    target: 5,
    targetBy: '2026-08-30',
  };
  const base = {
    email: 'dana@freight.example',
    validator: 'Dana Li',
    statement: 'Cut close to 5 days? #1',
    result,
    expires: '2026-12-24T15:00:00.000Z',
  };

  it('fills To, subject and body, encoded as RFC 6068 asks', () => {
    const m = askMail({ ...base, link: 'https://script.google.com/macros/s/X/exec?c=abc.def' });
    expect(m.mailto).toMatch(/^mailto:dana@freight\.example\?subject=[^ &#?]*&body=[^ &#?]*$/);
    expect(decodeURIComponent(m.mailto.split('?subject=')[1].split('&body=')[0])).toBe(
      'Please confirm: Cut close to 5 days? #1 (Acme & Sons)',
    );
    expect(m.body).toContain('Close days: 9 (2026-06-01) → 6.5 (2026-10-01) → 5 (by 2026-08-30)');
    expect(m.body).toContain('https://script.google.com/macros/s/X/exec?c=abc.def');
    expect(m.body).toContain('until 2026-12-24');
    expect(m.mailto).toContain('%0D%0A');
  });

  it('asks for a reply when there is no link', () => {
    const m = askMail({ ...base, link: null });
    expect(m.body).toContain('Just reply to this mail saying whether this is right, in your own words.');
    expect(m.body).not.toContain('http');
  });
});
