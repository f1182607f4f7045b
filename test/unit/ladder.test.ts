import { describe, expect, it } from 'vitest';
import { activityOf, adoptionOf, outcomeOf, progressOf, resultOf, rungOf } from '../../src/core/ladder';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { RungName } from '../../src/core/types';
import { account, assess, type Case, ENTERPRISE, MID_MARKET, result, SMB, T, weeks } from './fixtures';

const S = DEFAULT_SETTINGS;
const adopted = weeks([3, 3, 3, 0]);

describe('Activity: usage with Week in (T − 28, T] and Active users > 0 or Key actions > 0', () => {
  it.each([
    ['a week dated T', [{ week: T, users: 1, actions: 0 }], true],
    ['a week dated T − 27', [{ week: T - 27, users: 1, actions: 0 }], true],
    ['a week dated T − 28 (outside)', [{ week: T - 28, users: 5, actions: 5 }], false],
    ['a week after T', [{ week: T + 1, users: 5, actions: 5 }], false],
    ['only key actions', [{ week: T - 3, users: 0, actions: 4 }], true],
    ['zero users and zero actions', [{ week: T - 3, users: 0, actions: 0 }], false],
    ['no usage at all', [], false],
  ])('%s → %s', (_, rows, holds) => {
    const usage = rows.map((r, i) => ({
      row: i + 2,
      week: r.week,
      accountId: 'A1',
      activeUsers: r.users,
      keyActions: r.actions,
    }));
    expect(activityOf(usage, T, S).holds).toBe(holds);
  });

  it('reads the window from settings', () => {
    const usage = weeks([0, 0, 0, 0, 0, 4]); // only T − 35 has use
    expect(activityOf(usage, T, S).holds).toBe(false);
    expect(activityOf(usage, T, { ...S, activityWindowDays: 36 }).holds).toBe(true);
  });
});

describe('Adoption: the weekly-user bar met in 3 of the 4 most recent weeks', () => {
  it.each([
    ['3 of 4 weeks at the bar', [2, 2, 2, 0], 2, true],
    ['4 of 4 weeks', [5, 5, 5, 5], 5, true],
    ['2 of 4 weeks', [2, 0, 2, 0], 2, false],
    ['one user short in one week', [2, 2, 1, 0], 2, false],
    ['the 5th week back does not count', [2, 2, 0, 0, 2], 2, false],
    ['Mid-Market needs 5', [4, 4, 4, 4], 5, false],
  ])('%s → %s', (_, users, bar, holds) => {
    expect(adoptionOf(weeks(users), bar, T, S).holds).toBe(holds);
  });

  it('takes the highest row of a week rather than summing re-entered rows', () => {
    const usage = [...weeks([1, 1, 1, 1]), ...weeks([1, 1, 1, 1])];
    expect(adoptionOf(usage, 2, T, S).holds).toBe(false);
  });

  it('cannot hold without a segment', () => {
    expect(adoptionOf(weeks([50, 50, 50, 50]), null, T, S).holds).toBe(false);
  });

  it('reads 3-of-4 from settings', () => {
    expect(adoptionOf(weeks([2, 2, 0, 0]), 2, T, { ...S, adoptionWeeksNeeded: 2 }).holds).toBe(true);
  });
});

describe('Outcome: a named result, baseline ≠ target, and a Results value dated ≤ T that moved toward target', () => {
  it.each<[string, Parameters<typeof account>[0], Parameters<typeof result>[0], boolean]>([
    ['a falling metric moved down (5 → 3, target 2)', {}, { value: 3 }, true],
    ['a falling metric moved up', {}, { value: 6 }, false],
    ['a value at baseline has no progress', {}, { value: 5 }, false],
    ['a rising metric moved up', { baseline: 92, target: 99 }, { value: 95 }, true],
    ['a rising metric moved down', { baseline: 92, target: 99 }, { value: 90 }, false],
    ['baseline equals target', { baseline: 5, target: 5 }, { value: 3 }, false],
    ['no baseline', { baseline: null }, { value: 3 }, false],
    ['no named result', { namedResult: '' }, { value: 3 }, false],
    ['a row dated after T', {}, { value: 3, date: T + 1 }, false],
    ['a row without a value', {}, { value: null }, false],
  ])('%s → %s', (_, acc, row, holds) => {
    expect(outcomeOf(account(acc), [result(row)], T).holds).toBe(holds);
  });

  it('progress = (Value − Baseline)/(Target − Baseline) of the latest valued row', () => {
    expect(progressOf(3.5, 5, 2)).toBeCloseTo(0.5);
    expect(progressOf(120, 100, 200)).toBeCloseTo(0.2);
    const rows = [result({ date: T - 20, value: 2 }), result({ row: 3, date: T - 5, value: 4 })];
    expect(outcomeOf(account(), rows, T).progress).toBeCloseTo(1 / 3);
  });
});

describe('Result: progressing rows, attributed, validated by a role the segment accepts', () => {
  const read = (acc: Parameters<typeof account>[0], rows: Parameters<typeof result>[0][], segment = SMB) =>
    resultOf(
      outcomeOf(
        account(acc),
        rows.map((r, i) => result({ row: i + 2, ...r })),
        T,
      ),
      segment,
    );

  it.each<[string, Parameters<typeof result>[0][], typeof SMB, boolean]>([
    ['SMB validated by the Buyer', [{}], SMB, true],
    ['not attributed', [{ attributed: false }], SMB, false],
    ['Validated by blank', [{ validatedBy: '' }], SMB, false],
    ['the wrong validator role (User)', [{ validatorRole: 'User' }], SMB, false],
    ['Enterprise validated by a Manager', [{ validatorRole: 'Manager' }], ENTERPRISE, false],
    [
      'Enterprise validated by the Executive sponsor',
      [{ validatorRole: 'Executive sponsor' }],
      ENTERPRISE,
      true,
    ],
    [
      'Mid-Market (Team lead + Manager) with only the Team lead',
      [{ validatorRole: 'Team lead' }],
      MID_MARKET,
      false,
    ],
    [
      'Mid-Market with the Team lead and the Manager',
      [{ validatorRole: 'Team lead' }, { validatorRole: 'Manager' }],
      MID_MARKET,
      true,
    ],
    ['validated but no progress', [{ value: 5 }], SMB, false],
  ])('%s → %s', (_, rows, segment, holds) => {
    expect(read({}, rows, segment).holds).toBe(holds);
  });

  it('the validation date is the latest qualifying row, for A + B too once every role has validated', () => {
    expect(read({}, [{ date: T - 40 }, { date: T - 3 }]).validationDate).toBe(T - 3);
    const both = [
      { validatorRole: 'Team lead' as const, date: T - 5 },
      { validatorRole: 'Manager' as const, date: T - 50 },
      { validatorRole: 'Team lead' as const, date: T - 80 },
    ];
    expect(read({}, both, MID_MARKET).validationDate).toBe(T - 5);
    // Until the Manager signs off there is no validation date at all, however recent the Team lead's.
    expect(read({}, both.slice(0, 1), MID_MARKET).validationDate).toBeNull();
  });

  it('lists the roles still needed', () => {
    expect(read({}, [{ validatorRole: 'Team lead' }], MID_MARKET).missingRoles).toEqual(['Manager']);
  });
});

describe('Rung = the highest rung whose own evidence holds', () => {
  const full = [result()];
  it.each<[string, Case, RungName]>([
    ['nothing', {}, 'None'],
    ['activity only', { usage: weeks([1]) }, 'Activity'],
    ['adoption', { usage: adopted }, 'Adoption'],
    ['outcome, not attributed', { usage: adopted, results: [result({ attributed: false })] }, 'Outcome'],
    ['result', { usage: adopted, results: full }, 'Result'],
    ['a validated result without recent usage is still a Result', { results: full }, 'Result'],
    ['outcome without usage', { results: [result({ attributed: false })] }, 'Outcome'],
    [
      'a validator of the wrong role stops at Outcome',
      { usage: adopted, results: [result({ validatorRole: 'User' })] },
      'Outcome',
    ],
    [
      'an unknown segment cannot adopt or validate',
      { segment: null, usage: adopted, results: full },
      'Outcome',
    ],
  ])('%s → %s', (_, c, rung) => {
    expect(assess(c).rungName).toBe(rung);
  });

  it('rungOf picks the highest holding rung', () => {
    expect(
      rungOf([
        { rung: 1, holds: true, evidence: '' },
        { rung: 3, holds: true, evidence: '' },
        { rung: 2, holds: false, evidence: '' },
      ]),
    ).toBe(3);
    expect(rungOf([])).toBe(0);
  });

  it('gives evidence for every rung', () => {
    const a = assess({ usage: adopted, results: full });
    expect(a.evidence.map((e) => [e.rung, e.holds])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, true],
    ]);
    expect(a.evidence[1].evidence).toContain('2+ weekly users in 3 of the last 4 weeks');
  });
});
