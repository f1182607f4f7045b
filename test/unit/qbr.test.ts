// The QBR brief: what counts as delivered, what is in flight and why, the risks, and an HTML render that escapes user text.
import { describe, expect, it } from 'vitest';
import { dayConverter, dayFromIso } from '../../src/core/dates';
import { assessBook } from '../../src/core/evaluate';
import { qbrBriefOf } from '../../src/core/qbr';
import { qbrBriefText, renderQbrBrief } from '../../src/render/qbr';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Day } from '../../src/core/types';
import { HEADERS } from '../../src/sheets/layout';
import { defaultSegmentsTable, parseBook } from '../../src/sheets/parse';

const TODAY = dayFromIso('2026-11-24') as Day;

interface AccountInput {
  id?: string;
  name?: string;
  segment?: string;
  start?: string;
  renewal?: string;
  pain?: string;
  value?: string;
  result?: string;
  baseline?: number | string;
  target?: number | string;
}

function briefOf(account: AccountInput, results: unknown[][] = [], checks: unknown[][] = []) {
  const a = {
    id: 'A-1',
    name: 'Acme Freight',
    segment: 'Enterprise',
    start: '2026-05-01',
    renewal: '',
    pain: 'Month-end close takes 9 days',
    value: 'Automated reconciliation the controller trusts',
    result: 'Cut month-end close from 9 to 5 days',
    baseline: 9,
    target: 5,
    ...account,
  };
  const tables = {
    segments: defaultSegmentsTable(),
    accounts: [
      [...HEADERS.accounts],
      [
        a.id,
        a.name,
        a.segment,
        'csm@acme.example',
        a.start,
        a.renewal,
        a.pain,
        a.value,
        a.result,
        'Close days',
        a.baseline,
        a.target,
        'Dana Li',
        'Executive sponsor',
        'Open',
      ],
    ],
    results: [[...HEADERS.results], ...results],
    checks: [[...HEADERS.checks], ...checks],
  };
  const book = parseBook(tables, dayConverter('UTC'));
  const { assessments } = assessBook(book, DEFAULT_SETTINGS, TODAY);
  return qbrBriefOf(assessments[0], book.results, TODAY);
}

describe('qbrBriefOf', () => {
  // The brief goes to the customer: a row the team confirmed itself is never a result delivered (docs/rules.md §3).
  it.each([
    ['the owner', 'csm@acme.example', 'csm@acme.example'],
    ['who logged it', 'Sam Lee', 'Sam Lee'],
    ['a team address', 'ana@acme.example', 'csm@acme.example'],
  ])('keeps a row validated by %s out of delivered, saying why', (_, validatedBy, loggedBy) => {
    const brief = briefOf({}, [
      [
        '2026-10-01',
        'A-1',
        7,
        'Yes',
        validatedBy,
        'Executive sponsor',
        'Close is two days shorter',
        '',
        loggedBy,
      ],
    ]);
    expect(brief.delivered).toEqual([]);
    expect(brief.inFlight).toHaveLength(1);
    expect(brief.inFlight[0].pending).toMatch(/on the team/);
  });

  it('puts a validated, attributed, progressing result under delivered with the customer words', () => {
    const brief = briefOf({}, [
      [
        '2026-10-01',
        'A-1',
        7,
        'Yes',
        'Dana Li',
        'Executive sponsor',
        'Close is two days shorter',
        'Board deck p.4',
        'csm@acme.example',
      ],
    ]);
    expect(brief.delivered).toEqual([
      {
        date: '2026-10-01',
        value: 7,
        progressPercent: 50,
        customerWords: 'Close is two days shorter',
        validatedBy: 'Dana Li',
        validatorRole: 'Executive sponsor',
        evidence: 'Board deck p.4',
      },
    ]);
    expect(brief.inFlight).toEqual([]);
    expect(brief.pain).toBe('Month-end close takes 9 days');
  });

  it.each([
    [
      ['2026-10-01', 'A-1', 7, 'No', 'Dana Li', 'Executive sponsor', '', '', ''],
      'not attributed to the product',
    ],
    [['2026-10-01', 'A-1', 7, 'Yes', '', '', '', '', ''], 'not validated yet'],
    [
      ['2026-10-01', 'A-1', 7, 'Yes', 'Sam', 'User', '', '', ''],
      'validated by a User; Enterprise accepts Executive sponsor',
    ],
  ])('keeps %j in flight: %s', (row, reason) => {
    const brief = briefOf({}, [row]);
    expect(brief.delivered).toEqual([]);
    expect(brief.inFlight).toHaveLength(1);
    expect(brief.inFlight[0].pending).toContain(reason);
  });

  it('counts a value with no progress neither as delivered nor as in flight', () => {
    const brief = briefOf({}, [['2026-10-01', 'A-1', 9, 'Yes', 'Dana Li', 'Executive sponsor', '', '', '']]);
    expect(brief.delivered).toEqual([]);
    expect(brief.inFlight).toEqual([]);
  });

  it('lists newest first and leaves out rows dated after the brief', () => {
    const brief = briefOf({}, [
      ['2026-08-01', 'A-1', 8, 'No', '', '', '', '', ''],
      ['2026-10-01', 'A-1', 7, 'No', '', '', '', '', ''],
      ['2026-12-30', 'A-1', 5, 'Yes', 'Dana Li', 'Executive sponsor', '', '', ''],
    ]);
    expect(brief.inFlight.map((f) => f.date)).toEqual(['2026-10-01', '2026-08-01']);
    expect(brief.inFlight.map((f) => f.progressPercent)).toEqual([50, 25]);
    expect(brief.delivered).toEqual([]);
  });

  it('names the result as next when nothing is delivered yet', () => {
    expect(briefOf({}).nextResult).toBe('Cut month-end close from 9 to 5 days (Close days: 9 → 5)');
  });

  it('says no result is named when there is none', () => {
    expect(briefOf({ result: '' }).nextResult).toMatch(/^No result is named yet\./);
  });

  it('raises the risks: a 90-day No, a renewal soon without a result, a weak chain', () => {
    const brief = briefOf(
      { renewal: '2027-01-15', pain: 'Things are slow' },
      [],
      [['2026-08-01', 'A-1', '90-day', 'No', 'could not name one', 'csm@acme.example']],
    );
    const risks = brief.risks.join('\n');
    expect(risks).toContain('90-day check on 2026-08-01 said No');
    // Said once, not again in other words.
    expect(brief.risks.filter((r) => /said No|could not name/.test(r))).toHaveLength(1);
    expect(risks).toContain('Renews on 2027-01-15 (in 52 days) without a validated result.');
    expect(risks).toContain('Three-Link Chain: Business pain too vague to measure');
    expect(new Set(brief.risks).size).toBe(brief.risks.length);
  });
});

describe('renderQbrBrief', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const brief = briefOf({ name: hostile, pain: `</textarea><script>alert(2)</script>` }, [
    ['2026-10-01', 'A-1', 7, 'Yes', '<b>Dana</b>', 'Executive sponsor', '"Great" & <i>fast</i>', '', ''],
  ]);
  const html = renderQbrBrief(brief);

  it('escapes every piece of user text', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script>alert(2)');
    expect(html).not.toContain('</textarea><script>');
    expect(html).not.toContain('<b>Dana</b>');
    expect(html).toContain('&quot;Great&quot; &amp; &lt;i&gt;fast&lt;/i&gt;');
  });

  it('has the sections, a print button and a copy button', () => {
    for (const heading of [
      'Business pain',
      'Solution value',
      'Results delivered',
      'Results in flight',
      'Next result',
      'Risks',
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain('window.print()');
    expect(html).toContain('copyBrief()');
    expect(html).toContain('@media print');
  });

  it('copies a plain-text version with the customer words', () => {
    const text = qbrBriefText(brief);
    expect(text).toContain(`QBR brief — ${hostile} (A-1)`);
    expect(text).toContain('"Great" & <i>fast</i>');
    expect(text).toContain('Results in flight:\n  none');
  });
});
