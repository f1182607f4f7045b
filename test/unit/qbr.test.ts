// The QBR brief: what counts as delivered, what is in flight, a proposed next result that is not the current one, and a
// customer-facing text (no internal health, no owner email).
import { describe, expect, it } from 'vitest';
import { dayConverter, dayFromIso } from '../../src/core/dates';
import { assessBook } from '../../src/core/evaluate';
import { proposedNextOf, qbrBriefOf } from '../../src/core/qbr';
import { qbrBriefText } from '../../src/render/qbr';
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
  const { assessment, book } = assessedOf(account, results, checks);
  return qbrBriefOf(assessment, book.results, TODAY, book.checks);
}

function assessedOf(account: AccountInput, results: unknown[][] = [], checks: unknown[][] = []) {
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
  return { assessment: assessments[0], book };
}

describe('qbrBriefOf', () => {
  // The brief goes to the customer: a row the team confirmed itself is never a result delivered (docs/rules.md §3).
  it.each([
    ['the owner', 'csm@acme.example', 'csm@acme.example'],
    ['who logged it', 'Sam Lee', 'Sam Lee'],
    ['a team address', 'ana@acme.example', 'csm@acme.example'],
  ])('keeps a row validated by %s out of delivered, awaiting the customer', (_, validatedBy, loggedBy) => {
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
    // In the customer's terms: whose confirmation it awaits, never who on the team confirmed it.
    expect(brief.inFlight[0].pending).toBe('Awaiting confirmation by your Executive sponsor');
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
      'Awaiting agreement that the product drove it',
    ],
    [['2026-10-01', 'A-1', 7, 'Yes', '', '', '', '', ''], 'Awaiting confirmation by your Executive sponsor'],
    [
      ['2026-10-01', 'A-1', 7, 'Yes', 'Sam', 'User', '', '', ''],
      'Awaiting confirmation by your Executive sponsor',
    ],
    [
      ['2026-10-01', 'A-1', 7, 'No', '', '', '', '', ''],
      'Awaiting agreement that the product drove it and confirmation by your Executive sponsor',
    ],
  ])('keeps %j in flight, saying what it awaits in the customer’s terms: %s', (row, awaiting) => {
    const brief = briefOf({}, [row]);
    expect(brief.delivered).toEqual([]);
    expect(brief.inFlight).toHaveLength(1);
    expect(brief.inFlight[0].pending).toBe(awaiting);
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

  it('proposes the next rung, never the current named result, when nothing is delivered yet', () => {
    const brief = briefOf({});
    expect(brief.proposedNext.text).not.toContain(brief.namedResult);
    expect(brief.proposedNext.text).toBe('Your team using it again every week');
    expect(brief.proposedNext.basis).toBe('Next stage: Activity');
  });

  it('after a validated result, proposes taking the metric past its target, never the result just delivered', () => {
    const { assessment } = assessedOf({});
    const next = proposedNextOf({ ...assessment, rung: 4 }, [], TODAY);
    expect(next).toEqual({
      text: 'Take Close days past 5, or agree a new result together',
      basis: 'Builds on the confirmed result: Cut month-end close from 9 to 5 days',
    });
  });

  it('leaves out of "in flight" a row older than a delivered result', () => {
    const brief = briefOf({}, [
      ['2026-09-01', 'A-1', 8, 'No', '', '', '', '', ''],
      ['2026-10-01', 'A-1', 7, 'Yes', 'Dana Li', 'Executive sponsor', 'Two days shorter', '', ''],
    ]);
    expect(brief.delivered.map((d) => d.date)).toEqual(['2026-10-01']);
    expect(brief.inFlight).toEqual([]);
  });

  it('proposes agreeing a result when none is named, in the segment’s words', () => {
    expect(briefOf({ result: '' }).proposedNext.text).toMatch(
      /^Agree one measurable result for this work, e\.g\. /,
    );
  });

  it('proposes the result re-planned with the customer after a 90-day No', () => {
    const brief = briefOf(
      {},
      [],
      [
        ['2026-08-01', 'A-1', '90-day', 'No', 'could not name one', 'csm@acme.example'],
        [
          '2026-08-20',
          'A-1',
          'Intervention',
          '',
          'new owner on their side',
          'csm@acme.example',
          'Dana Li',
          'Close in 7 days by January',
          '2027-01-31',
        ],
      ],
    );
    expect(brief.proposedNext).toEqual({
      text: 'Close in 7 days by January by 2027-01-31',
      basis: 'The result re-planned together on 2026-08-20',
    });
  });
});

describe('qbrBriefText', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const brief = briefOf({ name: hostile, renewal: '2027-01-15' }, [
    ['2026-10-01', 'A-1', 7, 'Yes', 'Dana', 'Executive sponsor', '"Great" & <i>fast</i>', '', ''],
  ]);
  const text = qbrBriefText(brief);

  it('is customer-facing: no owner email, no health, no internal risks', () => {
    expect(text).not.toContain('csm@acme.example');
    expect(text).not.toMatch(/\b(Red|Yellow|Green)\b/);
    expect(text).not.toMatch(/overdue|triage|Risks/i);
  });

  it('has the sections with the customer words and the proposed next result', () => {
    expect(text).toContain(`QBR brief — ${hostile}`);
    expect(text).toContain('"Great" & <i>fast</i>');
    expect(text).toContain('The result we are working toward: Cut month-end close from 9 to 5 days');
    expect(text).toContain(`Proposed next result: ${brief.proposedNext.text}`);
  });
});
