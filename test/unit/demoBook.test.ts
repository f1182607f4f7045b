// The demo book shows what it promises, judged by the real parser and rules rather than by its own labels.
import { describe, expect, it } from 'vitest';
import { demoBook } from '../../local/demoBook';
import { dayConverter, dayFromIso } from '../../src/core/dates';
import { assessBook, healthLabel, onLadder } from '../../src/core/evaluate';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Assessment, Book } from '../../src/core/types';
import { parseBook } from '../../src/sheets/parse';
import { HEADERS, SHEET } from '../../src/sheets/layout';

const TODAY = '2026-11-24';
const TZ = 'America/New_York';

function parsed(todayIso = TODAY): {
  sheets: Record<string, unknown[][]>;
  book: Book;
  assessments: Assessment[];
  problems: Book['problems'];
} {
  const sheets = demoBook({ today: todayIso, timeZone: TZ });
  const book = parseBook(
    {
      segments: sheets[SHEET.segments],
      accounts: sheets[SHEET.accounts],
      usage: sheets[SHEET.usage],
      results: sheets[SHEET.results],
      checks: sheets[SHEET.checks],
      history: sheets[SHEET.history],
    },
    dayConverter(TZ),
  );
  const today = dayFromIso(todayIso);
  if (today === null) throw new Error('bad test date');
  const { assessments, problems } = assessBook(book, DEFAULT_SETTINGS, today);
  return { sheets, book, assessments, problems };
}

const { sheets, book, assessments, problems } = parsed();

describe('demoBook: shape', () => {
  it('is the same book on every call', () => {
    expect(demoBook({ today: TODAY, timeZone: TZ })).toEqual(sheets);
  });

  it('has every data sheet with its spec header', () => {
    expect(sheets[SHEET.segments][0]).toEqual([...HEADERS.segments]);
    expect(sheets[SHEET.accounts][0]).toEqual([...HEADERS.accounts]);
    expect(sheets[SHEET.usage][0]).toEqual([...HEADERS.usage]);
    expect(sheets[SHEET.results][0]).toEqual([...HEADERS.results]);
    expect(sheets[SHEET.checks][0]).toEqual([...HEADERS.checks]);
    expect(sheets[SHEET.history][0]).toEqual([...HEADERS.history]);
    for (const rows of Object.values(sheets)) {
      for (const row of rows) expect(row).toHaveLength(rows[0].length);
    }
  });

  it('has about 40 accounts across the three segments, owned by CSMs on one domain', () => {
    const rows = sheets[SHEET.accounts].length - 1;
    expect(rows).toBeGreaterThanOrEqual(36);
    expect(rows).toBeLessThanOrEqual(44);
    const bySegment = new Map<string, number>();
    for (const a of assessments)
      if (a.segment) bySegment.set(a.segment.name, (bySegment.get(a.segment.name) ?? 0) + 1);
    expect([...bySegment.keys()].sort()).toEqual(['Enterprise', 'Mid-Market', 'SMB']);
    for (const n of bySegment.values()) expect(n).toBeGreaterThanOrEqual(8);
    const owners = new Set(book.accounts.map((a) => a.owner).filter((o) => o.includes('@')));
    expect(owners.size).toBeGreaterThanOrEqual(3);
    for (const o of owners) expect(o).toMatch(/^[a-z.]+@acme\.example$/);
  });

  it('holds 12+ weeks of usage, with every date at midnight in the book’s zone', () => {
    const weeks = new Set(book.usage.map((u) => u.week));
    expect(weeks.size).toBeGreaterThanOrEqual(12);
    const clock = new Intl.DateTimeFormat('en-GB', {
      timeZone: TZ,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const name of [SHEET.usage, SHEET.results, SHEET.checks, SHEET.history, SHEET.accounts]) {
      for (const row of sheets[name].slice(1)) {
        for (const cell of row) if (cell instanceof Date) expect(clock.format(cell)).toBe('00:00');
      }
    }
  });
});

describe('demoBook: the rules find every rung, health and reason in it', () => {
  it('puts accounts on every rung and in every health, and one that churned off the ladder', () => {
    const ladder = onLadder(assessments);
    expect(new Set(ladder.map((a) => a.rungName))).toEqual(
      new Set(['None', 'Activity', 'Adoption', 'Outcome', 'Result']),
    );
    expect(new Set(ladder.map((a) => a.health))).toEqual(new Set(['Green', 'Yellow', 'Red']));
    expect(assessments.filter((a) => a.churned).map(healthLabel)).toContain('Churned');
  });

  it.each([
    ['a Monday', '2027-03-01'],
    ['a Sunday', '2026-12-06'],
  ])('keeps every rung and health when written for another day (%s)', (_day, iso) => {
    const other = onLadder(parsed(iso).assessments);
    expect(new Set(other.map((a) => a.rung)).size).toBe(5);
    expect(new Set(other.map((a) => a.health)).size).toBe(3);
  });

  const red = onLadder(assessments).filter((a) => a.health === 'Red');
  const overdue = (a: Assessment) => a.daysOverdue > DEFAULT_SETTINGS.overdueGraceDays;

  it.each([
    ['triage', (a: Assessment) => a.triage && !a.resultWindowPassed && !a.unansweredNo && !overdue(a)],
    [
      'result window passed',
      (a: Assessment) => a.resultWindowPassed && !a.triage && !a.unansweredNo && !overdue(a),
    ],
    [
      '90-day No unanswered',
      (a: Assessment) => a.unansweredNo !== null && !a.triage && !a.resultWindowPassed && !overdue(a),
    ],
    [
      'check overdue > 14 days',
      (a: Assessment) => overdue(a) && !a.triage && !a.resultWindowPassed && !a.unansweredNo,
    ],
  ])('has a Red account whose only reason is: %s', (_reason, only) => {
    expect(red.filter(only).length).toBeGreaterThanOrEqual(1);
  });

  it('has validated results both fresh (Green) and stale (Yellow)', () => {
    const interval = (a: Assessment) => a.segment?.checkEveryDays ?? 90;
    const today = dayFromIso(TODAY) as number;
    const fresh = assessments.filter((a) => a.rung === 4 && a.health === 'Green');
    const stale = assessments.filter(
      (a) =>
        a.rung === 4 &&
        a.health === 'Yellow' &&
        a.validationDate !== null &&
        today - a.validationDate > interval(a),
    );
    expect(fresh.length).toBeGreaterThanOrEqual(3);
    expect(stale.length).toBeGreaterThanOrEqual(1);
  });

  it('has Yellow accounts with a result named and in flight', () => {
    expect(
      assessments.filter((a) => a.health === 'Yellow' && a.rung < 4 && !a.triage).length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('has a metric that moved toward target and is falling back', () => {
    const falling = book.accounts.filter((account) => {
      if (account.baseline === null || account.target === null || account.baseline === account.target)
        return false;
      const span = account.target - account.baseline;
      const progress = book.results
        .filter((r) => r.accountId === account.id && r.value !== null)
        .sort((a, b) => a.date - b.date)
        .map((r) => ((r.value as number) - (account.baseline as number)) / span);
      return (
        progress.length >= 3 && progress.every((p, i) => i === 0 || p < progress[i - 1]) && progress[0] > 0
      );
    });
    expect(falling.length).toBeGreaterThanOrEqual(1);
  });

  it('has an A + B segment where both roles validated (Result) and one where only one did (not Result)', () => {
    const both = assessments.filter((a) => a.segment?.validatorRule.mode === 'all' && a.rung === 4);
    const half = assessments.filter((a) => {
      if (a.segment?.validatorRule.mode !== 'all' || a.rung === 4) return false;
      return book.results.some((r) => r.accountId === a.account.id && r.attributed && r.validatedBy !== '');
    });
    expect(both.length).toBeGreaterThanOrEqual(1);
    expect(half.length).toBeGreaterThanOrEqual(1);
  });

  it('has a result validated by a role its segment does not accept, which does not count', () => {
    const wrong = assessments.filter((a) => {
      if (a.segment?.validatorRule.mode !== 'any' || a.rung === 4) return false;
      return book.results.some(
        (r) =>
          r.accountId === a.account.id &&
          r.attributed &&
          r.validatedBy !== '' &&
          r.validatorRole !== null &&
          !a.segment?.validatorRule.roles.includes(r.validatorRole),
      );
    });
    expect(wrong.length).toBeGreaterThanOrEqual(1);
  });

  it('has climbing, slipping and stalled accounts in its Ladder history', () => {
    const trends = new Set(assessments.map((a) => a.movement.trend));
    expect(trends).toContain('climbing');
    expect(trends).toContain('slipping');
    expect(assessments.some((a) => a.movement.stalled)).toBe(true);
  });
});

describe('demoBook: data problems a real team makes', () => {
  it.each([
    ['a duplicate Account ID', SHEET.accounts, 'Account ID', /duplicate/i],
    ['an unknown segment', SHEET.accounts, 'Segment', /./],
    ['a date that is not a date', SHEET.accounts, 'Start date', /./],
    ['an owner that is not an email', SHEET.accounts, 'Owner', /./],
    ['a baseline that is not a number', SHEET.accounts, 'Baseline', /./],
    ['usage for an account that is not in Accounts', SHEET.usage, 'Account ID', /./],
  ])('reports %s', (_what, sheet, column, message) => {
    expect(problems.some((p) => p.sheet === sheet && p.column === column && message.test(p.message))).toBe(
      true,
    );
  });

  it('keeps the problems to a handful, so the book still reads as a healthy team’s', () => {
    expect(problems.length).toBeLessThanOrEqual(10);
  });
});
