import { describe, expect, it } from 'vitest';
import { resultWindowPassed, unansweredNo } from '../../src/core/health';
import type { Health } from '../../src/core/types';
import { assess, type Case, check, result, T, weeks } from './fixtures';

const adopted = weeks([3, 3, 3, 3]);
/** On Result, validated 10 days ago, started 200 days ago: Green unless a case changes something. */
const validated: Case = {
  account: { startDate: T - 200 },
  usage: adopted,
  results: [result({ date: T - 10 })],
  checks: [check({ date: T - 100 })],
};

describe('Health', () => {
  it.each<[string, Case, Health, string]>([
    [
      'a fresh validated result',
      validated,
      'Green',
      'Validated result on 2026-11-14, within the 90-day check interval',
    ],
    [
      'validated exactly 90 days ago is still fresh',
      { ...validated, results: [result({ date: T - 90 })], checks: [], account: { startDate: T - 100 } },
      'Green',
      'within the 90-day',
    ],
    [
      'validated 91 days ago has gone stale',
      { ...validated, results: [result({ date: T - 91 })], checks: [check({ date: T - 20 })] },
      'Yellow',
      'Validated result from 2026-08-25 is older than the 90-day check interval',
    ],
    [
      'no named result is triage',
      { ...validated, account: { namedResult: '', startDate: T - 200 } },
      'Red',
      'No named result (triage)',
    ],
    [
      'no validator is triage',
      { ...validated, account: { validator: '', startDate: T - 200 } },
      'Red',
      'No validator named (triage)',
    ],
    [
      'an unknown segment is triage',
      { ...validated, segment: null, account: { segment: 'Startups' } },
      'Red',
      "Segment 'Startups' is not in Segments (triage)",
    ],
    [
      'past the result window below Result',
      { account: { startDate: T - 91 }, usage: adopted, checks: [check({ date: T - 1 })] },
      'Red',
      'Result window ended 2026-11-23 (90 days from start) and the account is on Adoption',
    ],
    [
      'exactly at the end of the result window is not past it',
      { account: { startDate: T - 90 }, usage: adopted, checks: [check({ date: T - 1 })] },
      'Yellow',
      'On Adoption; no Reporting days value logged yet',
    ],
    [
      'the latest 90-day check said No, no validation since',
      {
        account: { startDate: T - 60 },
        usage: adopted,
        checks: [check({ date: T - 5, resultNamed: false })],
      },
      'Red',
      '90-day check on 2026-11-19 said No and no validation came after it',
    ],
    [
      'a No followed by a validation is answered',
      { ...validated, checks: [check({ date: T - 20, resultNamed: false })] },
      'Green',
      'Validated result',
    ],
    [
      'a later Yes replaces an earlier No',
      {
        account: { startDate: T - 60 },
        usage: adopted,
        checks: [check({ date: T - 30, resultNamed: false }), check({ row: 3, date: T - 5 })],
      },
      'Yellow',
      'no Reporting days value logged yet',
    ],
    [
      'the 90-day check overdue by 15 days (more than 14)',
      { account: { startDate: T - 105 }, usage: adopted, results: [result({ date: T - 105 })] },
      'Red',
      '90-day check overdue by 15 days (due 2026-11-09)',
    ],
    [
      'overdue by 14 days is within the grace',
      { account: { startDate: T - 104 }, usage: adopted, results: [result({ date: T - 104 })] },
      'Yellow',
      '90-day check overdue by 14 days (due 2026-11-10); Red after 14 days',
    ],
  ])('%s → %s', (_, c, health, reason) => {
    const a = assess(c);
    expect(a.health).toBe(health);
    expect(a.reasons.join(' | ')).toContain(reason);
  });

  it('every health comes with reasons', () => {
    for (const c of [validated, {}, { usage: adopted }]) expect(assess(c).reasons.length).toBeGreaterThan(0);
  });

  it('reads the grace days from settings', () => {
    const c: Case = { account: { startDate: T - 105 }, usage: adopted, results: [result({ date: T - 105 })] };
    expect(assess({ ...c, settings: { overdueGraceDays: 20 } }).health).toBe('Yellow');
  });

  it('rule helpers', () => {
    expect(resultWindowPassed(T - 91, 90, 3, T)).toBe(true);
    expect(resultWindowPassed(T - 91, 90, 4, T)).toBe(false);
    expect(resultWindowPassed(null, 90, 1, T)).toBe(false);
    const no = check({ date: T - 10, resultNamed: false });
    expect(unansweredNo(no, T - 10)).toBe(no); // a same-day validation is not "after"
    expect(unansweredNo(no, T - 9)).toBeNull();
    expect(unansweredNo(check({ resultNamed: null }), null)).toBeNull();
  });
});
