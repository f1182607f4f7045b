import { describe, expect, it } from 'vitest';
import { redActionOf, redGroups } from '../../src/core/redActions';
import type { Assessment } from '../../src/core/types';
import { assessmentOf, blankAccount, check } from './fixtures';

const a = (id: string, over: Partial<Assessment>) => assessmentOf(blankAccount({ id }), over);
const no = check({ resultNamed: false });

describe('what to do today about a Red account', () => {
  it.each([
    [
      'a 90-day No comes first',
      { health: 'Red', unansweredNo: no, daysOverdue: 30, triage: true },
      'intervene',
    ],
    ['then an overdue check', { health: 'Red', daysOverdue: 20, resultWindowPassed: true }, 'runCheck'],
    ['then a passed result window', { health: 'Red', resultWindowPassed: true }, 'escalate'],
    ['triage, even past its window', { health: 'Red', resultWindowPassed: true, triage: true }, 'triage'],
    ['not Red: no group', { health: 'Yellow', daysOverdue: 3 }, null],
  ] as const)('%s', (_, over, action) => {
    expect(redActionOf(a('X', over as Partial<Assessment>))).toBe(action);
  });

  it('lists every Red account once, groups in order of urgency', () => {
    const book = [
      a('E', { health: 'Red', resultWindowPassed: true }),
      a('G', { health: 'Green' }),
      a('N', { health: 'Red', unansweredNo: no }),
      a('T', { health: 'Red', triage: true }),
    ];
    const groups = redGroups(book, (x) => x.account.id);
    expect(groups.map((g) => [g.action, g.accounts])).toEqual([
      ['intervene', ['N']],
      ['escalate', ['E']],
      ['triage', ['T']],
    ]);
  });
});
