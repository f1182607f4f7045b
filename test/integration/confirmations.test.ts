// The validator's own confirmation through the two built bundles: the add-on (dist/Code.js) asks → the signed link in
// the mail → the confirmation web app (dist/webapp/Code.js, a separate project over the same spreadsheet) shows the
// page → Confirm / Not yet → the answer recorded in Results and on the ask row; every refused link writes nothing
// and says why.
import { readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Runtime, RuntimeOptions } from '../../local/runtime/index';
import { startPreviewServer } from '../../local/server';
import type { AnswerReply } from '../../src/confirmations/entry/types';
import type { AskResponse, AsksResponse } from '../../src/confirmations/entry/types';
import { base64url, type Claims, signToken, utf8 } from '../../src/confirmations/core/token';
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import type { AccountView, MyBookView, WriteResponse } from '../../src/entry/sidebarTypes';
import type { ReminderPreview } from '../../src/reminders/entry/types';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../../src/sheets/layout';
import { setConfirmationPageUrl } from '../../local/preview';
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
      [...HEADERS.accounts],
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

/** The add-on with the confirmation page's URL in Settings (null: left blank). */
function bundle(opts: RuntimeOptions & { pageUrl?: string | null } = {}): Runtime {
  const { pageUrl = WEB_APP, ...rest } = opts;
  const rt = loadBundle({ timeZone: TZ, now: NOW, user: MAYA, sheets: sheets(), ...rest });
  if (pageUrl !== null) setConfirmationPageUrl(rt, pageUrl);
  return rt;
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
const askRows = (rt: Runtime) => rt.values('Confirmation asks').slice(1);
const view = (rt: Runtime, row = 2) => rt.call<AccountView>('getAccountView', row);

/** The spreadsheet's link secret (developer metadata), read as an editor could through the Sheets API. */
function secretOf(rt: Runtime): string {
  return rt.spreadsheet.metadata().find((m) => m.key === 'resultsLadder.confirmSecret')?.value as string;
}

/** A token signed with the spreadsheet's own secret (as only the add-on could), for the mismatch cases. */
function signed(rt: Runtime, claims: Claims): string {
  const secret = secretOf(rt);
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
    // The ask is on the record in the add-on's hidden sheet, with the numbers it quoted.
    expect(rt.spreadsheet.hidden('Confirmation asks')).toBe(true);
    expect(askRows(rt)).toHaveLength(1);
    expect(askRows(rt)[0].slice(1, 9)).toEqual([
      'A-1',
      'Dana Li',
      'Executive sponsor',
      'dana@freight.example',
      'Cut month-end close from 9 to 5 days',
      askRows(rt)[0][6],
      7,
      '2026-10-01',
    ]);
    // The secret is the spreadsheet's developer metadata, visible to other projects (DOCUMENT); no script property.
    expect(rt.spreadsheet.metadata().find((m) => m.key === 'resultsLadder.confirmSecret')?.visibility).toBe(
      'DOCUMENT',
    );
    expect([...rt.properties.script.keys()]).toEqual([]);
  });

  it('asks each validator of an A + B segment at their own address', () => {
    const rt = bundle();
    expect(askOk(rt, 3, 'A-2', 0).to).toBe('tina@rail.example');
    const mo = askOk(rt, 3, 'A-2', 1);
    expect(mo.to).toBe('mo@rail.example');
    expect(mo.ask).toMatchObject({ validator: 'Mo Manager', role: 'Manager' });
  });

  it('with no confirmation page URL in Settings, the mail asks for a reply in their own words', () => {
    const rt = bundle({ pageUrl: null });
    const r = askOk(rt);
    expect(r.link).toBeNull();
    expect(r.body).toContain('Just reply to this mail saying whether this is right, in your own words.');
    expect(r.body).not.toContain('http');
    expect(secretOf(rt)).toBeUndefined();
    expect(askRows(rt)).toHaveLength(1);
  });

  it('refuses a confirmation page URL that is not a web app address, and saves one that is', () => {
    const rt = bundle({ pageUrl: null });
    rt.setUser(MAYA);
    const bad = rt.call<{ ok: boolean; field?: string }>('saveReminderSettings', {
      confirmationPageUrl: 'https://evil.example/exec',
    });
    expect(bad).toMatchObject({ ok: false, field: 'confirmationPageUrl' });
    const good = rt.call<{ ok: boolean }>('saveReminderSettings', { confirmationPageUrl: ` ${WEB_APP} ` });
    expect(good.ok).toBe(true);
    expect(askOk(rt).link?.startsWith(`${WEB_APP}?c=`)).toBe(true);
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
    expect(askRows(rt)).toEqual([]);
  });
});

describe('the link, answered', () => {
  it('Confirm writes one Results row with their words as text and marks the ask confirmed', () => {
    const rt = bundle();
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
    const rows = resultRows(rt);
    expect(rows).toHaveLength(6);
    expect(rows[5].slice(1)).toEqual([
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
    expect(rows[5][0]).toEqual(date('2026-11-24'));
    expect(rt.spreadsheet.formulas(SHEET.results)[6].filter((f) => f !== '')).toEqual([]);
    const asks = rt.call<AsksResponse>('getConfirmationAsks', 'A-1');
    expect(asks.ok && asks.asks[0]).toMatchObject({ status: 'confirmed', words: WORDS });
    expect(asks.ok && asks.asks[0].line).toBe('Asked Dana Li on 2026-11-24 (confirmed on 2026-11-24)');
    // The web app keeps nothing of its own: no script property of its project or of the add-on.
    expect([...rt.webApp.properties.keys()]).toEqual([]);
    expect([...rt.properties.script.keys()]).toEqual([]);
  });

  it('the customer’s confirmation is what turns the account Result/Green', () => {
    const base = sheets();
    // A-1 reached its target (5): only the customer's validation is missing.
    const results = base[SHEET.results].map((r, i) => (i === 1 ? [r[0], r[1], 5, ...r.slice(3)] : r));
    const rt = loadBundle({
      timeZone: TZ,
      now: NOW,
      user: MAYA,
      sheets: { ...base, [SHEET.results]: results },
    });
    setConfirmationPageUrl(rt, WEB_APP);
    const before = view(rt);
    expect([before.rungName, before.health]).not.toEqual(['Result', 'Green']);
    expect(answer(rt, tokenOf(askOk(rt).link), 'confirm', 'Yes — 5 days since October').ok).toBe(true);
    const after = view(rt);
    expect([after.rungName, after.health, after.reasons]).toEqual(['Result', 'Green', after.reasons]);
  });

  it("writes 'Confirmed via link' in Evidence on a book without the Confirmed via column", () => {
    const base = sheets();
    const via = HEADERS.results.indexOf('Confirmed via' as (typeof HEADERS.results)[number]);
    const results = base[SHEET.results].map((r) => r.filter((_, i) => i !== via));
    const rt = loadBundle({
      timeZone: TZ,
      now: NOW,
      user: MAYA,
      sheets: { ...base, [SHEET.results]: results },
    });
    setConfirmationPageUrl(rt, WEB_APP);
    expect(answer(rt, tokenOf(askOk(rt).link), 'confirm', 'Yes, 6 days now').ok).toBe(true);
    const row = resultRows(rt)[5];
    expect(row[7]).toBe('Confirmed via link');
    expect(row).toHaveLength(HEADERS.results.length - 1);
  });

  it('Not yet writes no Results row and records their words on the ask', () => {
    const rt = bundle();
    const token = tokenOf(askOk(rt).link);
    expect(answer(rt, token, 'not yet', 'Not until the audit closes')).toMatchObject({ ok: true });
    expect(resultRows(rt)).toHaveLength(5);
    const asks = rt.call<AsksResponse>('getConfirmationAsks', 'A-1');
    expect(asks.ok && asks.asks[0]).toMatchObject({ status: 'not yet', words: 'Not until the audit closes' });
  });
});

describe('refused links write nothing and say why', () => {
  function refusedBoth(rt: Runtime, token: string, title: RegExp) {
    const before = resultRows(rt);
    const asks = askRows(rt);
    expect(rt.webApp.get({ c: token }).title).toMatch(title);
    const reply = answer(rt, token, 'confirm', 'yes');
    expect(reply.ok).toBe(false);
    expect(reply.title).toMatch(title);
    expect(reply.message).toContain('Nothing was recorded.');
    expect(resultRows(rt)).toEqual(before);
    expect(askRows(rt)).toEqual(asks);
  }

  it('forged: a signature that is not the project’s', () => {
    const rt = bundle();
    const token = tokenOf(askOk(rt).link);
    const [payload] = token.split('.');
    const other = base64url([...createHmac('sha256', 'not the secret').update(payload).digest()]);
    refusedBoth(rt, `${payload}.${other}`, /not valid/);
  });

  it('tampered expiry: a later exp under the old signature', () => {
    const rt = bundle();
    const token = tokenOf(askOk(rt).link);
    const claims = claimsOf(token);
    const payload = base64url(utf8(JSON.stringify({ ...claims, exp: claims.exp + 365 * 86_400_000 })));
    refusedBoth(rt, `${payload}.${token.split('.')[1]}`, /not valid/);
  });

  it('expired: 31 days after the ask', () => {
    const rt = bundle();
    const token = tokenOf(askOk(rt).link);
    rt.setNow(new Date(NOW.getTime() + 31 * 86_400_000));
    refusedBoth(rt, token, /expired/);
    expect(rt.webApp.get({ c: token }).html).toContain('valid until 2026-12-24');
  });

  it('reused: a second answer', () => {
    const rt = bundle();
    const token = tokenOf(askOk(rt).link);
    expect(answer(rt, token, 'confirm', 'yes').ok).toBe(true);
    refusedBoth(rt, token, /Already answered/);
    expect(rt.webApp.get({ c: token }).html).toContain('already answered on 2026-11-24');
    expect(resultRows(rt)).toHaveLength(6);
  });

  it("another account's: the ask of A-1 naming A-2", () => {
    const rt = bundle();
    const claims = claimsOf(tokenOf(askOk(rt).link));
    refusedBoth(rt, signed(rt, { ...claims, acct: 'A-2' }), /does not match/);
  });

  it("another spreadsheet's: the ask naming another spreadsheet (whose secret does not sign it)", () => {
    const rt = bundle({ spreadsheets: [{ id: '1OtherSpreadsheet', sheets: sheets() }] });
    const claims = claimsOf(tokenOf(askOk(rt).link));
    refusedBoth(rt, signed(rt, { ...claims, ss: '1OtherSpreadsheet' }), /not valid/);
    refusedBoth(rt, signed(rt, { ...claims, ss: '1NoSuchSpreadsheet' }), /not valid/);
  });

  it('superseded: asking the same validator again withdraws the first link', () => {
    const rt = bundle();
    const first = tokenOf(askOk(rt).link);
    askOk(rt);
    refusedBoth(rt, first, /no longer known/);
  });

  it('result changed since the ask: saved in the sidebar', () => {
    const rt = bundle();
    const token = tokenOf(askOk(rt).link);
    const saved = rt.call<WriteResponse>(
      'saveChain',
      chainPayload(view(rt), { namedResult: 'Cut month-end close from 9 to 4 days' }),
    );
    expect(saved.ok).toBe(true);
    refusedBoth(rt, token, /changed since you were asked/);
  });

  it('result changed since the ask: typed into the sheet', () => {
    const rt = bundle();
    const token = tokenOf(askOk(rt).link);
    const accounts = rt.values(SHEET.accounts);
    accounts[1][11] = 4; // the target moved: a re-planned result
    rt.setValues(SHEET.accounts, accounts);
    const reply = answer(rt, token, 'confirm', 'yes');
    expect(reply).toMatchObject({ ok: false, title: 'The result has changed since you were asked' });
    expect(resultRows(rt)).toHaveLength(5);
    expect(rt.webApp.get({ c: token }).title).toMatch(/changed/);
  });

  it('no token, or a damaged one', () => {
    const rt = bundle();
    askOk(rt);
    expect(rt.webApp.get({}).title).toBe('No confirmation link');
    expect(rt.webApp.get({ c: 'garbage' }).title).toMatch(/not valid/);
    expect(answer(rt, 'x.y', 'confirm').ok).toBe(false);
  });
});

describe('two projects: the add-on is never the web app', () => {
  const topLevel = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/^function ([A-Za-z][A-Za-z0-9_]*)\(/gm)].map((m) => m[1]);

  it('dist/webapp/Code.js declares exactly doGet and answerConfirmation; dist/Code.js neither', () => {
    expect(topLevel('dist/webapp/Code.js').sort()).toEqual(['answerConfirmation', 'doGet']);
    const addOn = topLevel('dist/Code.js');
    expect(addOn).toContain('askToConfirm');
    expect(addOn).not.toContain('doGet');
    expect(addOn).not.toContain('answerConfirmation');
    expect(addOn).not.toContain('doPost');
  });

  it("the web app's manifest is a web app with the spreadsheets scope; the add-on's has neither", () => {
    const web = JSON.parse(readFileSync('dist/webapp/appsscript.json', 'utf8'));
    expect(web.webapp).toEqual({ access: 'ANYONE_ANONYMOUS', executeAs: 'USER_DEPLOYING' });
    expect(web.oauthScopes).toEqual(['https://www.googleapis.com/auth/spreadsheets']);
    const addOn = JSON.parse(readFileSync('dist/appsscript.json', 'utf8'));
    expect(addOn.webapp).toBeUndefined();
    expect(addOn.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    // clasp pushes subfolders unless told not to: the add-on's configs skip dist/webapp.
    for (const config of ['.clasp.json', '.clasp.prod.json']) {
      expect(JSON.parse(readFileSync(config, 'utf8'))).toMatchObject({
        rootDir: 'dist',
        skipSubdirectories: true,
      });
    }
    expect(JSON.parse(readFileSync('.clasp.webapp.json', 'utf8'))).toMatchObject({ rootDir: 'dist/webapp' });
  });

  it("the web app's page reaches none of the add-on's functions, and the add-on none of the web app's", () => {
    const rt = bundle();
    expect(rt.webApp.functions().sort()).toEqual(['answerConfirmation', 'doGet']);
    for (const name of [
      'saveChain',
      'runReminders',
      'setUpWorkbook',
      'getConfirmationAsks',
      'askToConfirm',
    ]) {
      expect(() => rt.webApp.run(name)).toThrow(/no top-level function/);
    }
    rt.webApp.get({});
    expect(() => rt.call('answerConfirmation', 'x.y', 'confirm', '')).toThrow(/no top-level function/);
    expect(() => rt.call('doGet', {})).toThrow(/no top-level function/);
  });
});

describe('the preview server serves the web app', () => {
  it('GET /exec?c= shows the page, whose google.script.run goes to /exec/rpc and records the answer', async () => {
    const rt = bundle();
    const server = await startPreviewServer({ runtime: rt });
    try {
      setConfirmationPageUrl(rt, `${server.url}exec`);
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
      expect(resultRows(rt)[5][6]).toBe(WORDS);
    } finally {
      await server.close();
    }
  });
});

describe('an ask nobody answered', () => {
  const digestOf = (rt: Runtime) =>
    rt.call<ReminderPreview>('previewReminders').digests.find((d) => d.recipient === MAYA);
  it('comes up once in its owner digest after 7 days, naming the validator and the day', () => {
    const rt = bundle();
    askOk(rt);
    rt.setNow(new Date(NOW.getTime() + 6 * 86_400_000));
    expect(digestOf(rt)?.text ?? '').not.toContain('Follow up with Dana Li');
    rt.setNow(new Date(NOW.getTime() + 8 * 86_400_000));
    expect(digestOf(rt)?.text).toContain(
      // The action first, as every digest item (issue 25), then what happened.
      'Follow up with Dana Li, or record their reply: asked to confirm the result on 2026-11-24, no answer in 8 days',
    );
  });

  it('says nothing once the validator answered', () => {
    const rt = bundle();
    const r = askOk(rt);
    answer(rt, tokenOf(r.link), 'not yet', 'next month');
    rt.setNow(new Date(NOW.getTime() + 8 * 86_400_000));
    expect(digestOf(rt)?.text ?? '').not.toContain('Follow up with Dana Li');
  });
});

describe('My book: waiting for the customer', () => {
  const book = (rt: Runtime) => rt.call<MyBookView>('getMyBook');

  it('lists the signed-in CSM’s pending asks (account, validator, asked on), not the answered ones', () => {
    const rt = bundle();
    expect(book(rt).waiting).toEqual([]);
    askOk(rt, 2, 'A-1');
    answer(rt, tokenOf(askOk(rt, 3, 'A-2', 0).link), 'not yet', 'next month');
    expect(book(rt).waiting).toEqual([
      { row: 2, accountId: 'A-1', accountName: HOSTILE, validator: 'Dana Li', askedOn: '2026-11-24' },
    ]);
    // Someone who neither owns the account nor asked sees no ask of Maya's.
    rt.setUser('sam@acme.example');
    expect(book(rt).waiting).toEqual([]);
  });

  it('reads the Confirmation asks sheet once: one more getValues than a book without asks', () => {
    const rt = bundle();
    rt.calls.reset();
    book(rt);
    const without = rt.calls.count('Range.getValues');
    askOk(rt, 2, 'A-1');
    askOk(rt, 3, 'A-2', 0);
    rt.calls.reset();
    book(rt);
    expect(rt.calls.count('Range.getValues')).toBe(without + 1);
  });
});
