import { describe, expect, it } from 'vitest';
import { interventionAfter } from '../../src/core/checks';
import type { CheckRecord, Health } from '../../src/core/types';
import { assess, type Case, check, result, T, weeks } from './fixtures';

const adopted = weeks([3, 3, 3, 3]);
const no = check({ date: T - 30, resultNamed: false });
const intervention = (over: Partial<CheckRecord> = {}) =>
  check({
    row: 3,
    date: T - 20,
    kind: 'Intervention',
    resultNamed: null,
    metWith: 'Bea Buyer',
    replannedResult: 'Cut reporting to 3 days by January',
    replannedDue: T + 30,
    ...over,
  });
/** A 90-day No on 2026-10-25, answered by nothing yet. */
const saidNo: Case = { account: { startDate: T - 60 }, usage: adopted, checks: [no] };

// Issue 21 item 5: after a 90-day No, an intervention on the record moves the next step, never the health.
describe('The intervention that answers a 90-day No: the latest Intervention dated on or after the No, by T', () => {
  it.each<[string, CheckRecord | null, CheckRecord[], CheckRecord | null]>([
    ['no No, nothing to answer', null, [intervention()], null],
    ['none recorded', no, [no], null],
    ['one after the No', no, [no, intervention()], intervention()],
    ['one the same day as the No', no, [intervention({ date: T - 30 })], intervention({ date: T - 30 })],
    ['one before the No answers an earlier No, not this one', no, [intervention({ date: T - 31 })], null],
    ['one dated after T is not yet', no, [intervention({ date: T + 1 })], null],
    [
      'the latest of two',
      no,
      [intervention({ date: T - 25 }), intervention({ row: 4, date: T - 10 })],
      intervention({ row: 4, date: T - 10 }),
    ],
    ['a 90-day check is not an intervention', no, [check({ row: 3, date: T - 20 })], null],
  ])('%s', (_, theNo, checks, found) => {
    expect(interventionAfter(checks, theNo, T)).toEqual(found);
  });
});

describe('After a 90-day No', () => {
  it.each<[string, Case, string, string]>([
    [
      'without an intervention: intervene',
      saidNo,
      '90-day check on 2026-10-25 said No and no validation came after it',
      'Intervene: the 90-day check on 2026-10-25 said No. Meet Bea Buyer, agree what changes and re-plan the result',
    ],
    [
      'with an intervention: prove the re-planned result by its date',
      { ...saidNo, checks: [no, intervention()] },
      '90-day check on 2026-10-25 said No; intervention on 2026-11-04; re-planned result due 2026-12-24',
      'Prove the re-planned result by 2026-12-24: Cut reporting to 3 days by January',
    ],
    [
      'with an intervention that names no re-planned result',
      { ...saidNo, checks: [no, intervention({ replannedResult: ' ' })] },
      '90-day check on 2026-10-25 said No; intervention on 2026-11-04; re-planned result due 2026-12-24',
      'Prove the re-planned result by 2026-12-24',
    ],
    [
      'on the due day it is still to prove',
      { ...saidNo, checks: [no, intervention({ replannedDue: T })] },
      're-planned result due 2026-11-24',
      'Prove the re-planned result by 2026-11-24: Cut reporting to 3 days by January',
    ],
    [
      'past the due day: escalate',
      { ...saidNo, checks: [no, intervention({ replannedDue: T - 1 })] },
      '90-day check on 2026-10-25 said No; intervention on 2026-11-04; re-planned result due 2026-11-23',
      'Escalate: the re-planned result was due 2026-11-23 and is not validated',
    ],
    [
      'an intervention without a new date',
      { ...saidNo, checks: [no, intervention({ replannedDue: null })] },
      '90-day check on 2026-10-25 said No; intervention on 2026-11-04; no due date for the re-planned result',
      'Set a due date for the re-planned result (intervention on 2026-11-04)',
    ],
    [
      'an intervention older than the No does not answer it',
      { ...saidNo, checks: [no, intervention({ date: T - 40 })] },
      '90-day check on 2026-10-25 said No and no validation came after it',
      'Intervene: the 90-day check on 2026-10-25 said No.',
    ],
  ])('%s', (_, c, reason, step) => {
    const a = assess(c);
    expect(a.health).toBe('Red');
    expect(a.reasons.join(' | ')).toContain(reason);
    expect(a.nextStep.startsWith(step)).toBe(true);
  });

  it('an intervention moves the next step but never the health', () => {
    const cases: Case[] = [
      saidNo,
      { ...saidNo, account: { startDate: T - 200 } }, // also past the result window
      { ...saidNo, results: [result({ date: T - 40 })] }, // validated before the No
    ];
    for (const c of cases) {
      for (const due of [T + 30, T - 1, null]) {
        const without = assess(c);
        const withIt = assess({ ...c, checks: [...(c.checks ?? []), intervention({ replannedDue: due })] });
        expect<[Health, number]>([withIt.health, withIt.reasons.length]).toEqual([
          without.health,
          without.reasons.length,
        ]);
        expect(withIt.nextStep).not.toBe(without.nextStep);
      }
    }
  });

  it('a validation after the No ends it, intervention or not', () => {
    const a = assess({
      ...saidNo,
      checks: [no, intervention()],
      results: [result({ date: T - 5 })],
    });
    expect(a.health).toBe('Green');
    expect(a.nextStep).toBe('Plan the next result');
  });
});
