// The validator's own confirmation through the built bundle: ask → the signed link in the mail → the web app's page →
// Confirm / Not yet → the answer recorded in Results (straight away when openById works, at the next read when not);
// every refused link writes nothing and says why.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Runtime, RuntimeOptions } from '../../local/runtime/index';
import { startPreviewServer } from '../../local/server';
import type { AnswerReply } from '../../src/confirmations/entry/types';
import type { AskResponse, AsksResponse } from '../../src/confirmations/entry/types';
import { base64url, type Claims, signToken, utf8 } from '../../src/confirmations/core/token';
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import type { AccountView, WriteResponse } from '../../src/entry/sidebarTypes';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../../src/sheets/layout';
import { chainPayload, loadBundle } from './harness';

const TZ = 'America/New_York';
const NOW = new Date('2026-11-24T15:00:00Z');
const MAYA = 'maya@acme.example';
const WEB_APP = 'https://script.google.com/macros/s/AKfyTEST/exec';
const HOSTILE = '<img src=x onerror=alert(1)>';
const WORDS = '=HYPERLINK("https://evil.example") <b>we close in 6 days</b>';
const date = (iso: string) => dateOfDay(dayFromIso(iso) as number, TZ);

function account(id: string, name: string, segment: string, validator: string, role: string, email: string) {
  return [
    id,
    name,
    segment,
    MAYA,
    date('2026-06-01'),
    date('2027-01-15'),
    'Month-end close takes 9 days',
    'Reconciliation the controller trusts',
    'Cut month-end close from 9 to 5 days',
    'Close days',
    9,
    5,
    validator,
    role,
    'Open',
    email,
  ];
}

function sheets(): Record<string, unknown[][]> {
  return {
    [SHEET.segments]: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
    [SHEET.accounts]: [
      [...HEADERS.accounts, 'Validator email'],
      account('A-1', HOSTILE, 'Enterprise', 'Dana Li', 'Executive sponsor', 'dana@freight.example'),
      account(
        'A-2',
        'Blue Rail',
        'Mid-Market',
        'Tina Lead (Team lead); Mo Manager (Manager)',
        'Team lead',
        'tina@rail.example; mo@rail.example',
      ),
      account('A-3', 'Self Co', 'SMB', 'Maya', 'Buyer', 'someone@acme.example'),
      account('A-4', 'No Mail', 'SMB', 'Ola', 'Buyer', ''),
      account('A-5', 'Typo Inc', 'SMB', 'Tom', 'Buyer', 'tom at typo'),
    ],
    [SHEET.usage]: [[...HEADERS.usage]],
    [SHEET.results]: [
      [...HEADERS.results],
      [date('2026-10-01'), 'A-1', 7, 'No', '', '', '', 'Close report', MAYA],
      [date('2026-10-01'), 'A-2', 6, 'No', '', '', '', '', MAYA],
      [date('2026-10-01'), 'A-3', 6, 'No', '', '', '', '', MAYA],
      [date('2026-10-01'), 'A-4', 6, 'No', '', '', '', '', MAYA],
      [date('2026-10-01'), 'A-5', 6, 'No', '', '', '', '', MAYA],
    ],
    [SHEET.checks]: [[...HEADERS.checks]],
  };
}

function bundle(opts: RuntimeOptions = {}): Runtime {
  return loadBundle({ timeZone: TZ, now: NOW, user: MAYA, sheets: sheets(), webAppUrl: WEB_APP, ...opts });
}

function ask(rt: Runtime, row: number, accountId: string, validatorIndex = 0): AskResponse {
  return rt.call<AskResponse>('askToConfirm', { row, accountId, validatorIndex });
}

function askOk(rt: Runtime, row = 2, accountId = 'A-1', validatorIndex = 0) {
  const r = ask(rt, row, accountId, validatorIndex);
  if (!r.ok) throw new Error(r.message);
  return r;
}

const tokenOf = (link: string | null) => new URL(link as string).searchParams.get('c') as string;
const answer = (rt: Runtime, token: string, verdict: string, words = '') =>
  rt.webApp.run<AnswerReply>('answerConfirmation', token, verdict, words);
const resultRows = (rt: Runtime) => rt.values(SHEET.results).slice(1);
const answerKeys = (rt: Runtime) =>
  [...rt.properties.script.keys()].filter((k) => k.startsWith('rl.answer.'));
const view = (rt: Runtime, row = 2) => rt.call<AccountView>('getAccountView', row);

/** A token signed with the project's own secret (as only the add-on could), for the mismatch cases. */
function signed(rt: Runtime, claims: Claims): string {
  const secret = rt.properties.script.get('rl.confirm.secret') as string;
  return signToken(claims, (m) => [
    ...createHmac('sha256', Buffer.from(secret, 'utf8')).update(m, 'utf8').digest(),
  ]);
}

function claimsOf(token: string): Claims {
  return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as Claims;
}

describe('asking the validator', () => {
  it('prepares the mail to the validator with the result, its numbers and a signed link, and records the ask', () => {
    const rt = bundle();
    const r = askOk(rt);
    expect(r.to).toBe('dana@freight.example');
    expect(r.mailto.startsWith('mailto:dana@freight.example?subject=')).toBe(true);
    expect(r.mailto).not.toContain(' ');
    expect(r.link?.startsWith(`${WEB_APP}?c=`)).toBe(true);
    const body = decodeURIComponent(r.mailto.split('&body=')[1]);
    expect(body).toContain('Result: Cut month-end close from 9 to 5 days');
    expect(body).toContain('Close days: 9 (2026-06-01) → 7 (2026-10-01) → 5 (by 2026-08-30)');
    expect(body).toContain(r.link as string);
    expect(r.ask).toMatchObject({ validator: 'Dana Li', email: 'dana@freight.example', status: 'pending' });
    const asks = rt.call<AsksResponse>('getConfirmationAsks', 'A-1');
    expect(asks.ok && asks.asks.map((a) => a.line)).toEqual(['Asked Dana Li on 2026-11-24 (pending)']);
    // Asking writes no Results row: the value is not validated by asking.
    expect(resultRows(rt)).toHaveLength(5);
  });

  it('asks each validator of an A + B segment at their own address', () => {
    const rt = bundle();
    expect(askOk(rt, 3, 'A-2', 0).to).toBe('tina@rail.example');
    const mo = askOk(rt, 3, 'A-2', 1);
    expect(mo.to).toBe('mo@rail.example');
    expect(mo.ask).toMatchObject({ validator: 'Mo Manager', role: 'Manager' });
  });

  it('without a web app, the mail asks for a reply in their own words', () => {
    const rt = bundle({ webAppUrl: null });
    const r = askOk(rt);
    expect(r.link).toBeNull();
    expect(r.body).toContain('Just reply to this mail saying whether this is right, in your own words.');
    expect(rt.properties.script.has('rl.confirm.secret')).toBe(false);
  });

  it.each([
    [4, 'A-3', /team's domain/],
    [5, 'A-4', /No email address for Ola/],
    [6, 'A-5', /'tom at typo' is not a valid email address/],
    [2, 'A-2', /no longer holds A-2/],
  ])('refuses row %i (%s) and records nothing', (row, id, message) => {
    const rt = bundle();
    const r = ask(rt, row, id);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
    expect([...rt.properties.document.keys()].filter((k) => k.startsWith('rl.ask.'))).toEqual([]);
  });
});

describe('the link, answered', () => {
  it.each(['refused', 'allowed'] as const)(
    'Confirm ends with a Results row holding their words as text (openById %s)',
    (openById) => {
      const rt = bundle({ openById });
      const token = tokenOf(askOk(rt).link);
      const page = rt.webApp.get({ c: token });
      expect(page.title).toBe(`Confirm a result — ${HOSTILE}`);
      expect(page.html).toContain('Cut month-end close from 9 to 5 days');
      expect(page.html).toContain('9 (2026-06-01) → 7 (2026-10-01) → 5 (by 2026-08-30)');
      expect(page.html).toContain('In your words (optional)');
      expect(page.html).not.toContain('<img src=x');
      expect(page.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      // The page's own script is valid JavaScript (compiled, not run).
      const script = /<script>([\s\S]*?)<\/script>/.exec(page.html)?.[1] ?? '';
      expect(script).toContain('.answerConfirmation(');
      expect(() => new Function(script)).not.toThrow();

      const reply = answer(rt, token, 'confirm', WORDS);
      expect(reply).toMatchObject({ ok: true, title: 'Thank you — confirmed' });
      expect(resultRows(rt)).toHaveLength(openById === 'allowed' ? 6 : 5);

      view(rt); // the add-on's next read drains the answer
      view(rt); // and a second read writes nothing more
      const rows = resultRows(rt);
      expect(rows).toHaveLength(6);
      const row = rows[5];
      expect(row.slice(1)).toEqual([
        'A-1',
        7,
        'Yes',
        'Dana Li',
        'Executive sponsor',
        WORDS,
        '',
        'confirmation link',
        'link',
      ]);
      expect(row[0]).toEqual(date('2026-11-24'));
      expect(rt.spreadsheet.formulas(SHEET.results)[6].filter((f) => f !== '')).toEqual([]);
      const asks = rt.call<AsksResponse>('getConfirmationAsks', 'A-1');
      expect(asks.ok && asks.asks[0]).toMatchObject({ status: 'confirmed', words: WORDS });
      expect(asks.ok && asks.asks[0].line).toBe('Asked Dana Li on 2026-11-24 (confirmed on 2026-11-24)');
      // The words no longer sit in script properties once the add-on has them.
      expect(rt.properties.script.get(answerKeys(rt)[0])).not.toContain('HYPERLINK');
    },
  );

  it('writes "link" in a Confirmed via column when Results has one', () => {
    const base = sheets();
    const results = base[SHEET.results].map((r, i) => [...r, i === 0 ? 'Confirmed via' : '']);
    const rt = loadBundle({
      timeZone: TZ,
      now: NOW,
      user: MAYA,
      webAppUrl: WEB_APP,
      sheets: { ...base, [SHEET.results]: results },
    });
    answer(rt, tokenOf(askOk(rt).link), 'confirm', 'Yes, 6 days now');
    view(rt);
    const row = resultRows(rt)[5];
    expect(row[7]).toBe('');
    expect(row[9]).toBe('link');
  });

  it('Not yet writes no Results row and records their words on the ask', () => {
    const rt = bundle({ openById: 'allowed' });
    const token = tokenOf(askOk(rt).link);
    expect(answer(rt, token, 'not yet', 'Not until the audit closes')).toMatchObject({ ok: true });
    view(rt);
    expect(resultRows(rt)).toHaveLength(5);
    const asks = rt.call<AsksResponse>('getConfirmationAsks', 'A-1');
    expect(asks.ok && asks.asks[0]).toMatchObject({ status: 'not yet', words: 'Not until the audit closes' });
  });
});

describe('refused links write nothing and say why', () => {
  function refusedBoth(rt: Runtime, token: string, title: RegExp) {
    const before = resultRows(rt).length;
    const keys = answerKeys(rt).length;
    expect(rt.webApp.get({ c: token }).title).toMatch(title);
    const reply = answer(rt, token, 'confirm', 'yes');
    expect(reply.ok).toBe(false);
    expect(reply.title).toMatch(title);
    expect(reply.message).toContain('Nothing was recorded.');
    view(rt);
    expect(resultRows(rt)).toHaveLength(before);
    expect(answerKeys(rt)).toHaveLength(keys);
  }

  it('forged: a signature that is not the project’s', () => {
    const rt = bundle({ openById: 'allowed' });
    const token = tokenOf(askOk(rt).link);
    const [payload] = token.split('.');
    const other = base64url([...createHmac('sha256', 'not the secret').update(payload).digest()]);
    refusedBoth(rt, `${payload}.${other}`, /not valid/);
  });

  it('tampered expiry: a later exp under the old signature', () => {
    const rt = bundle({ openById: 'allowed' });
    const token = tokenOf(askOk(rt).link);
    const claims = claimsOf(token);
    const payload = base64url(utf8(JSON.stringify({ ...claims, exp: claims.exp + 365 * 86_400_000 })));
    refusedBoth(rt, `${payload}.${token.split('.')[1]}`, /not valid/);
  });

  it('expired: 31 days after the ask', () => {
    const rt = bundle({ openById: 'allowed' });
    const token = tokenOf(askOk(rt).link);
    rt.setNow(new Date(NOW.getTime() + 31 * 86_400_000));
    refusedBoth(rt, token, /expired/);
    expect(rt.webApp.get({ c: token }).html).toContain('valid until 2026-12-24');
  });

  it('reused: a second answer', () => {
    const rt = bundle({ openById: 'allowed' });
    const token = tokenOf(askOk(rt).link);
    expect(answer(rt, token, 'confirm', 'yes').ok).toBe(true);
    refusedBoth(rt, token, /Already answered/);
    expect(rt.webApp.get({ c: token }).html).toContain('already answered on 2026-11-24');
    expect(resultRows(rt)).toHaveLength(6);
  });

  it("another account's: the ask of A-1 naming A-2", () => {
    const rt = bundle({ openById: 'allowed' });
    const claims = claimsOf(tokenOf(askOk(rt).link));
    refusedBoth(rt, signed(rt, { ...claims, acct: 'A-2' }), /does not match/);
  });

  it("another spreadsheet's: the ask naming another spreadsheet", () => {
    const rt = bundle({ openById: 'allowed' });
    const claims = claimsOf(tokenOf(askOk(rt).link));
    refusedBoth(rt, signed(rt, { ...claims, ss: '1OtherSpreadsheet' }), /does not match/);
  });

  it('superseded: asking the same validator again withdraws the first link', () => {
    const rt = bundle({ openById: 'allowed' });
    const first = tokenOf(askOk(rt).link);
    askOk(rt);
    refusedBoth(rt, first, /no longer known/);
  });

  it('result changed since the ask: saved in the sidebar (openById refused)', () => {
    const rt = bundle({ openById: 'refused' });
    const token = tokenOf(askOk(rt).link);
    const saved = rt.call<WriteResponse>(
      'saveChain',
      chainPayload(view(rt), { namedResult: 'Cut month-end close from 9 to 4 days' }),
    );
    expect(saved.ok).toBe(true);
    refusedBoth(rt, token, /changed since you were asked/);
    const asks = rt.call<AsksResponse>('getConfirmationAsks', 'A-1');
    expect(asks.ok && asks.asks[0].status).toBe('superseded');
  });

  it('result changed since the ask: typed into the sheet (openById allowed reads it live)', () => {
    const rt = bundle({ openById: 'allowed' });
    const token = tokenOf(askOk(rt).link);
    const accounts = rt.values(SHEET.accounts);
    accounts[1][11] = 4; // the target moved: a re-planned result
    rt.setValues(SHEET.accounts, accounts);
    const reply = answer(rt, token, 'confirm', 'yes');
    expect(reply).toMatchObject({ ok: false, title: 'The result has changed since you were asked' });
    expect(resultRows(rt)).toHaveLength(5);
    expect(rt.webApp.get({ c: token }).title).toMatch(/changed/);
  });

  it('a queued confirmation of a result changed before the drain is kept off Results', () => {
    const rt = bundle({ openById: 'refused' });
    const token = tokenOf(askOk(rt).link);
    expect(answer(rt, token, 'confirm', 'yes').ok).toBe(true);
    const accounts = rt.values(SHEET.accounts);
    accounts[1][8] = 'Cut month-end close from 9 to 3 days';
    rt.setValues(SHEET.accounts, accounts);
    view(rt);
    expect(resultRows(rt)).toHaveLength(5);
    const asks = rt.call<AsksResponse>('getConfirmationAsks', 'A-1');
    expect(asks.ok && asks.asks[0].status).toBe('superseded');
  });

  it('no token, or a damaged one', () => {
    const rt = bundle();
    askOk(rt);
    expect(rt.webApp.get({}).title).toBe('No confirmation link');
    expect(rt.webApp.get({ c: 'garbage' }).title).toMatch(/not valid/);
    expect(answer(rt, 'x.y', 'confirm').ok).toBe(false);
  });
});

describe('the runtime as a web app', () => {
  it('runs doGet and the page calls as the deployer, with no active spreadsheet', () => {
    const rt = bundle();
    expect(rt.call('askToConfirm', { row: 2, accountId: 'A-1', validatorIndex: 0 })).toMatchObject({
      ok: true,
    });
    // The sidebar's endpoints need the open spreadsheet; from the web app page they find none.
    expect(rt.webApp.run<AsksResponse>('getConfirmationAsks', 'A-1')).toEqual({ ok: true, asks: [] });
  });
});

describe('the preview server serves the web app', () => {
  it('GET /exec?c= shows the page, whose google.script.run goes to /exec/rpc and records the answer', async () => {
    const rt = bundle({ openById: 'refused' });
    const server = await startPreviewServer({ runtime: rt });
    try {
      rt.webApp.url = `${server.url}exec`;
      const link = askOk(rt).link as string;
      expect(link.startsWith(`${server.url}exec?c=`)).toBe(true);
      const page = await fetch(link).then((r) => r.text());
      expect(page).toContain('Is this result right?');
      expect(page).toContain("fetch('/exec/rpc'");
      const reply = await fetch(`${server.url}exec/rpc`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fn: 'answerConfirmation', args: [tokenOf(link), 'confirm', WORDS] }),
      }).then((r) => r.json() as Promise<{ ok: boolean; value: AnswerReply }>);
      expect(reply).toMatchObject({ ok: true, value: { ok: true } });
      view(rt);
      expect(resultRows(rt)[5][6]).toBe(WORDS);
    } finally {
      await server.close();
    }
  });
});
