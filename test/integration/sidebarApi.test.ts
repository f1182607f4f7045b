// The sidebar endpoints through the built bundle: one-call account view, guarded writes, formula-safe text, my book, QBR brief.
import { beforeEach, describe, expect, it } from 'vitest';
import { generateBook } from '../../local/generateBook';
import type { Runtime } from '../../local/runtime/index';
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import type {
  AccountView,
  AccountViewResponse,
  MyBookView,
  QbrBriefResponse,
  SelectionView,
  SimpleResponse,
  WriteResponse,
} from '../../src/entry/sidebarTypes';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../../src/sheets/layout';
import { chainPayload, loadBundle } from './harness';

const TZ = 'America/New_York';
const NOW = new Date('2026-11-24T15:00:00Z');
const date = (iso: string) => dateOfDay(dayFromIso(iso) as number, TZ);

const MAYA = 'maya@acme.example';
const JONAS = 'jonas@acme.example';
const LEAD = 'lead@acme.example';
const HOSTILE = '<img src=x onerror=alert(1)>';

function accountRow(id: string, name: string, owner: string, segment = 'Enterprise'): unknown[] {
  return [
    id,
    name,
    segment,
    owner,
    date('2026-06-01'),
    date('2027-01-15'),
    'Month-end close takes 9 days',
    'Reconciliation the controller trusts',
    'Cut month-end close from 9 to 5 days',
    'Close days',
    9,
    5,
    'Dana Li',
    'Executive sponsor',
    'Open',
  ];
}

function book(): Record<string, unknown[][]> {
  return {
    [SHEET.segments]: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
    [SHEET.accounts]: [
      [...HEADERS.accounts],
      accountRow('A-1', 'Acme Freight', MAYA),
      accountRow('A-2', HOSTILE, MAYA),
      ['A-3', 'Blue Rail', 'SMB', JONAS, date('2026-10-01'), '', '', '', '', '', '', '', '', '', 'Open'],
    ],
    [SHEET.usage]: [
      [...HEADERS.usage],
      [date('2026-11-02'), 'A-1', 12, 40],
      [date('2026-11-09'), 'A-1', 12, 40],
      [date('2026-11-16'), 'A-1', 11, 35],
      [date('2026-11-23'), 'A-1', 12, 41],
    ],
    [SHEET.results]: [
      [...HEADERS.results],
      [
        date('2026-10-01'),
        'A-1',
        7,
        'Yes',
        'Dana Li',
        'Executive sponsor',
        'Close is two days shorter',
        'Deck',
        MAYA,
      ],
      [date('2026-11-01'), 'A-2', 8, 'No', '', '', '', '', MAYA],
    ],
    [SHEET.checks]: [[...HEADERS.checks], [date('2026-09-01'), 'A-1', '90-day', 'Yes', 'named it', MAYA]],
    [SHEET.history]: [[...HEADERS.history], [date('2026-08-09'), 'A-1', 2, 'Yellow']],
  };
}

let rt: Runtime;
beforeEach(() => {
  rt = loadBundle({ now: NOW, timeZone: TZ, user: MAYA, sheets: book() });
});

function view(row?: number): AccountView {
  const v =
    row === undefined
      ? rt.call<AccountViewResponse>('getAccountView')
      : rt.call<AccountViewResponse>('getAccountView', row);
  if (v.empty) throw new Error(`empty view: ${v.message}`);
  return v;
}

describe('getAccountView', () => {
  it('follows the selected Accounts row, with one server call and a bounded number of reads', () => {
    rt.setActiveCell(SHEET.accounts, 2, 3);
    rt.calls.reset();
    const v = view();
    const calls = rt.calls.byMethod();
    // Segments whole; a header and the account's own rows in Accounts, Results, Checks, Ladder history and Usage
    // (found by TextFinder): a fixed number of reads, never one per row of the book.
    expect(calls['Range.getValues']).toBeLessThanOrEqual(14);
    expect(calls['Sheet.getDataRange'] ?? 0).toBeLessThanOrEqual(1);
    expect(rt.calls.count('Range.getValue')).toBe(0);
    expect(rt.calls.count('Range.getFormulas')).toBe(0);
    expect(v.row).toBe(2);
    expect(v.account).toMatchObject({
      id: 'A-1',
      name: 'Acme Freight',
      startDate: '2026-06-01',
      baseline: 9,
    });
    expect(v.rungName).toBe('Result');
    expect(v.evidence.map((e) => [e.name, e.holds])).toEqual([
      ['Activity', true],
      ['Adoption', true],
      ['Outcome', true],
      ['Result', true],
    ]);
    expect(v.results[0]).toMatchObject({ date: '2026-10-01', progressPercent: 50, counts: true });
    expect(v.checks[0]).toMatchObject({ date: '2026-09-01', kind: '90-day', resultNamed: true });
    expect(v.movement.text).toMatch(/^on Result/);
    expect(v.sheetGid).toBe(rt.spreadsheet.sheetId(SHEET.accounts));
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it("reads the same few ranges however large the book is, and only the account's rows", () => {
    const large = loadBundle({
      now: NOW,
      timeZone: TZ,
      user: MAYA,
      sheets: generateBook({ accounts: 600, weeks: 52, seed: 7, today: '2026-11-24' }),
    });
    // Refresh builds the Usage summary the sidebar reads (so does setup and every reminder run).
    large.call('refreshDashboard');
    large.setActiveCell(SHEET.accounts, 300);
    large.calls.reset();
    const v = large.call<AccountViewResponse>('getAccountView');
    expect(v.empty).toBe(false);
    expect(large.calls.count('Range.getValues')).toBeLessThanOrEqual(14);
    expect(large.calls.count('Range.getValue')).toBe(0);
    // 600 accounts × 52 weeks is 124,800 Usage cells: the view reads the account's 52 rows, not the sheet.
    expect(large.calls.cells('Range.getValues')).toBeLessThan(1000);
  });

  it('follows a row of any sheet that names an Account ID', () => {
    const usage = rt.values(SHEET.usage);
    const idAt = usage[0].map(String).indexOf('Account ID');
    rt.setActiveCell(SHEET.usage, 3);
    const view = rt.call<AccountViewResponse>('getAccountView');
    expect(view).toMatchObject({ empty: false, account: { id: String(usage[2][idAt]) } });
  });

  it('says what to do when the selection is not an account', () => {
    rt.setActiveCell(SHEET.usage, 1);
    expect(rt.call<AccountViewResponse>('getAccountView')).toMatchObject({ empty: true });
    rt.setActiveCell(SHEET.accounts, 1);
    expect(rt.call<AccountViewResponse>('getAccountView')).toMatchObject({ empty: true });
    expect(rt.call<AccountViewResponse>('getAccountView', 40)).toMatchObject({
      empty: true,
      message: expect.stringContaining('no account'),
    });
  });

  it('names a missing required column instead of failing', () => {
    const accounts = rt.values(SHEET.accounts).map((r) => [r[0], r[1], r[3]]);
    rt.setValues(SHEET.accounts, accounts);
    expect(rt.call<AccountViewResponse>('getAccountView', 2)).toEqual({
      empty: true,
      message: "Accounts: no column 'Segment'",
    });
  });

  it('gives the movement in words from Ladder history', () => {
    const v = view(4);
    expect(v.account.id).toBe('A-3');
    expect(v.triage).toBe(true);
    expect(v.movement.text).toContain('no Ladder history yet');
  });

  it('returns the name as data, and the QBR brief as data for the sidebar (no dialog, no owner, no health)', () => {
    expect(view(3).account.name).toBe(HOSTILE);
    const brief = rt.call<QbrBriefResponse>('getQbrBrief', 3);
    if ('empty' in brief) throw new Error(brief.message);
    expect(brief.account.name).toBe(HOSTILE);
    expect(JSON.stringify(brief)).not.toContain(view(3).account.owner);
    expect('health' in brief).toBe(false);
    expect(rt.ui.dialogs).toEqual([]);
  });
});

describe('saveChain', () => {
  it('writes the chain in one setValues and answers with the new view', () => {
    const v = view(2);
    rt.calls.reset();
    const res = rt.call<WriteResponse>(
      'saveChain',
      chainPayload(v, { namedResult: 'Close in 4 days', baseline: '10', target: 4 }),
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const row = rt.values(SHEET.accounts)[1];
    expect(row[8]).toBe('Close in 4 days');
    expect(row[10]).toBe(10);
    expect(row[11]).toBe(4);
    expect(row[0]).toBe('A-1');
    expect(res.view.account.namedResult).toBe('Close in 4 days');
    expect(res.view.version).not.toBe(v.version);
  });

  it('stores text starting with = + - @ as text, never as a formula', () => {
    const v = view(2);
    const res = rt.call<WriteResponse>(
      'saveChain',
      chainPayload(v, {
        businessPain: '=IMPORTXML("https://evil.example","//a")',
        solutionValue: '+15% throughput',
        namedResult: '-3 days to close',
        validator: '@dana',
      }),
    );
    expect(res.ok).toBe(true);
    const formulas = rt.spreadsheet.formulas(SHEET.accounts)[1];
    expect(formulas.filter((f) => f !== '')).toEqual([]);
    const row = rt.values(SHEET.accounts)[1];
    expect(row[6]).toBe('=IMPORTXML("https://evil.example","//a")');
    expect(row[7]).toBe('+15% throughput');
    expect(row[8]).toBe('-3 days to close');
    expect(row[12]).toBe('@dana');
    // Saving again with the fresh token works: the token matches what the sheet now holds.
    if (!res.ok) return;
    expect(rt.call<WriteResponse>('saveChain', chainPayload(res.view)).ok).toBe(true);
  });

  it('keeps a leading apostrophe the user typed, in plain-text (@) columns as in the others', () => {
    rt.call('setUpWorkbook');
    const v = view(2);
    const res = rt.call<WriteResponse>(
      'saveChain',
      chainPayload(v, {
        businessPain: "'Tis the season: close takes 9 days",
        solutionValue: "'=not a formula",
        metric: "'Days' to close",
      }),
    );
    expect(res.ok).toBe(true);
    const row = rt.values(SHEET.accounts)[1];
    // Business pain and Solution value are plain-text columns after setup; Metric is not.
    expect(row[6]).toBe("'Tis the season: close takes 9 days");
    expect(row[7]).toBe("'=not a formula");
    expect(row[9]).toBe("'Days' to close");
    expect(rt.spreadsheet.formulas(SHEET.accounts)[1].filter((f) => f !== '')).toEqual([]);
  });

  it('refuses a save when the row changed since it was read, and loses nothing', () => {
    const v = view(2);
    const edited = rt.values(SHEET.accounts);
    edited[1][6] = 'Someone else rewrote the pain: close takes 11 days';
    rt.setValues(SHEET.accounts, edited);
    rt.calls.reset();
    const res = rt.call<WriteResponse>('saveChain', chainPayload(v, { businessPain: 'My version' }));
    expect(res).toMatchObject({ ok: false, stale: true });
    if (res.ok) return;
    expect(res.message).toContain('changed since you opened it');
    expect(res.message).toContain('Your input is kept');
    expect(rt.calls.count('Range.setValues')).toBe(0);
    expect(rt.values(SHEET.accounts)[1][6]).toBe('Someone else rewrote the pain: close takes 11 days');
  });

  it('refuses while another save holds the document lock', () => {
    const v = view(2);
    const release = rt.locks.holdDocumentLock();
    const res = rt.call<WriteResponse>('saveChain', chainPayload(v, { businessPain: 'x 5%' }));
    release();
    expect(res).toMatchObject({ ok: false });
    expect(rt.values(SHEET.accounts)[1][6]).toBe('Month-end close takes 9 days');
  });

  it.each([
    [{ baseline: 'nine' }, 'fields.baseline'],
    [{ validatorRole: 'CEO' }, 'fields.validatorRole'],
    [{ businessPain: 42 }, 'fields.businessPain'],
  ])('refuses an invalid field %j', (fields, field) => {
    const v = view(2);
    const res = rt.call<WriteResponse>('saveChain', chainPayload(v, fields));
    expect(res).toMatchObject({ ok: false, field });
    // Setup appended the optional Validator email column, so the row reads one blank cell longer.
    expect(rt.values(SHEET.accounts)[1]).toEqual([...book()[SHEET.accounts][1], '']);
  });
});

describe('logResult and recordCheck', () => {
  it('appends one Results row with one setValues, naming no validator', () => {
    const v = view(3);
    rt.calls.reset();
    const res = rt.call<WriteResponse>('logResult', {
      row: v.row,
      version: v.version,
      date: '2026-11-20',
      value: '6',
      attributed: true,
      evidence: '=HYPERLINK("x") Controller email',
    });
    expect(res.ok).toBe(true);
    expect(rt.calls.count('Range.setValues')).toBe(1);
    const results = rt.values(SHEET.results);
    expect(results).toHaveLength(4);
    const last = results[3];
    expect((last[0] as Date).getTime()).toBe(date('2026-11-20').getTime());
    expect(last.slice(1)).toEqual([
      'A-2',
      6,
      'Yes',
      '',
      '',
      '',
      '=HYPERLINK("x") Controller email',
      MAYA,
      '',
    ]);
    expect(rt.spreadsheet.formulas(SHEET.results)[3].filter((f) => f !== '')).toEqual([]);
    // Logging a value is not a confirmation: the row does not count until the validator confirms it.
    if (res.ok) expect(res.view.results[0]).toMatchObject({ date: '2026-11-20', value: 6, counts: false });
  });

  it('appends one Checks row with one setValues', () => {
    const v = view(4);
    rt.calls.reset();
    const res = rt.call<WriteResponse>('recordCheck', {
      row: v.row,
      version: v.version,
      date: '2026-11-24',
      kind: 'Kickoff',
      resultNamed: null,
      notes: '- agreed to name the result next week',
    });
    expect(res.ok).toBe(true);
    expect(rt.calls.count('Range.setValues')).toBe(1);
    const last = rt.values(SHEET.checks)[2];
    expect(last.slice(1)).toEqual([
      'A-3',
      'Kickoff',
      '',
      '- agreed to name the result next week',
      MAYA,
      '',
      '',
      '',
    ]);
  });

  it.each([
    [{ value: 'forty' }, 'value'],
    [{ value: null }, 'value'],
    [{ date: '2026-02-30' }, 'date'],
    [{ date: '2026-12-01' }, 'date'],
    [{ date: '24/11/2026' }, 'date'],
    [{ row: 1 }, 'row'],
  ])('refuses %j and writes nothing', (patch, field) => {
    const v = view(2);
    const res = rt.call<WriteResponse>('logResult', {
      row: v.row,
      version: v.version,
      date: '2026-11-20',
      value: 6,
      attributed: true,
      evidence: '',
      ...patch,
    });
    expect(res).toMatchObject({ ok: false, field });
    expect(rt.values(SHEET.results)).toHaveLength(3);
  });

  it('refuses a check for a row that now holds another account', () => {
    const v = view(2);
    const rows = rt.values(SHEET.accounts);
    rt.setValues(SHEET.accounts, [rows[0], rows[2], rows[1], rows[3]]);
    const res = rt.call<WriteResponse>('recordCheck', {
      row: 2,
      version: v.version,
      date: '2026-11-24',
      kind: 'QBR',
      resultNamed: true,
      notes: '',
    });
    expect(res).toMatchObject({ ok: false, stale: true });
    expect(rt.values(SHEET.checks)).toHaveLength(2);
  });
});

describe('recordConfirmation', () => {
  const confirmation = (v: AccountView, patch: Record<string, unknown> = {}) => ({
    row: v.row,
    version: v.version,
    date: '2026-11-23',
    resultRow: 3,
    validatedBy: ' Dana Li ',
    validatorRole: 'Executive sponsor',
    confirmedVia: 'meeting',
    customerWords: '=SUM(1) close takes 8 days now, thanks to it',
    ...patch,
  });

  it("appends one Results row: the confirmed row's value and attribution, who confirmed it, how, their words", () => {
    const v = view(3);
    rt.calls.reset();
    const res = rt.call<WriteResponse>('recordConfirmation', confirmation(v));
    expect(res.ok).toBe(true);
    expect(rt.calls.count('Range.setValues')).toBe(1);
    const results = rt.values(SHEET.results);
    expect(results).toHaveLength(4);
    const last = results[3];
    expect((last[0] as Date).getTime()).toBe(date('2026-11-23').getTime());
    expect(last.slice(1)).toEqual([
      'A-2',
      8,
      'No',
      'Dana Li',
      'Executive sponsor',
      '=SUM(1) close takes 8 days now, thanks to it',
      '',
      MAYA,
      'meeting',
    ]);
    // The customer's words are stored as text, never run as a formula.
    expect(rt.spreadsheet.formulas(SHEET.results)[3].filter((f) => f !== '')).toEqual([]);
    if (res.ok) expect(res.view.results[0]).toMatchObject({ date: '2026-11-23', validatedBy: 'Dana Li' });
  });

  it.each([
    [{ customerWords: '   ' }, 'customerWords'],
    [{ validatedBy: '' }, 'validatedBy'],
    [{ validatorRole: '' }, 'validatorRole'],
    [{ confirmedVia: 'link' }, 'confirmedVia'],
    [{ date: '2026-12-01' }, 'date'],
    // Row 2 of Results is A-1's: it does not belong to the account shown.
    [{ resultRow: 2 }, 'resultRow'],
    [{ resultRow: 40 }, 'resultRow'],
  ])('refuses %j and writes nothing', (patch, field) => {
    const res = rt.call<WriteResponse>('recordConfirmation', confirmation(view(3), patch));
    expect(res).toMatchObject({ ok: false, field });
    expect(rt.values(SHEET.results)).toHaveLength(3);
  });

  it('refuses when the Accounts row changed since the view was read', () => {
    const v = view(3);
    const rows = rt.values(SHEET.accounts);
    rt.setValues(SHEET.accounts, [
      rows[0],
      rows[1],
      [...rows[2].slice(0, 8), 'Another result', ...rows[2].slice(9)],
      rows[3],
    ]);
    const res = rt.call<WriteResponse>('recordConfirmation', confirmation(v));
    expect(res).toMatchObject({ ok: false, stale: true });
    expect(rt.values(SHEET.results)).toHaveLength(3);
  });
});

describe('getMyBook', () => {
  it("lists the CSM's own accounts with counts, triage and problems", () => {
    const mine = rt.call<MyBookView>('getMyBook');
    expect(mine.scope).toBe('mine');
    expect(mine.accounts.map((a) => a.id)).toEqual(['A-1', 'A-2']);
    expect(mine.rungCounts.Result).toBe(1);
    expect(Object.values(mine.rungCounts).reduce((s, n) => s + n, 0)).toBe(2);
  });

  it('shows the leader every account', () => {
    rt = loadBundle({ now: NOW, timeZone: TZ, user: LEAD, sheets: book() });
    rt.properties.document.set('resultsLadder.settings', JSON.stringify({ leaderEmail: LEAD }));
    const all = rt.call<MyBookView>('getMyBook');
    expect(all.isLeader).toBe(true);
    expect(all.accounts.map((a) => a.id)).toEqual(['A-1', 'A-2', 'A-3']);
    expect(all.triage.map((a) => a.id)).toEqual(['A-3']);
  });
});

describe('selectRow / getSelection', () => {
  it('selects the row so the Account tab follows it', () => {
    expect(rt.call<SimpleResponse>('selectRow', SHEET.accounts, 4)).toEqual({ ok: true });
    expect(rt.call<SelectionView>('getSelection')).toEqual({
      sheet: SHEET.accounts,
      row: 4,
      isAccounts: true,
    });
    expect(view().account.id).toBe('A-3');
    expect(rt.call<SimpleResponse>('selectRow', 'Nope', 2)).toMatchObject({ ok: false });
  });
});

describe('getQbrBrief', () => {
  it('gives the chain, delivered results with the customer words, and what an in-flight one awaits', () => {
    const brief = rt.call<QbrBriefResponse>('getQbrBrief', 2);
    if ('empty' in brief) throw new Error(brief.message);
    expect(brief.pain).toBe('Month-end close takes 9 days');
    expect(brief.delivered).toEqual([
      {
        date: '2026-10-01',
        value: 7,
        progressPercent: 50,
        customerWords: 'Close is two days shorter',
        validatedBy: 'Dana Li',
        validatorRole: 'Executive sponsor',
        evidence: 'Deck',
      },
    ]);
    const inFlight = rt.call<QbrBriefResponse>('getQbrBrief', 3);
    if ('empty' in inFlight) throw new Error(inFlight.message);
    expect(inFlight.inFlight[0]).toMatchObject({
      progressPercent: 25,
      pending: expect.stringContaining('agreement that the product drove it'),
    });
  });
});
