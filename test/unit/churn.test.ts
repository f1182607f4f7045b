import { describe, expect, it } from 'vitest';
import { dashboardNumbers } from '../../src/core/dashboard';
import { dashboardBlocks } from '../../src/render/dashboard';
import { isoOfDay } from '../../src/core/dates';
import { assessBook, CHURN_REASON, healthLabel, onLadder, rungLabel } from '../../src/core/evaluate';
import { qbrBriefOf } from '../../src/core/qbr';
import { qbrBriefText } from '../../src/render/qbr';
import { planReminders } from '../../src/reminders/core/planning';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Book } from '../../src/core/types';
import { account, check, SMB, T } from './fixtures';

/** Two accounts past their result window with a 90-day No: Red both, but one has churned. */
function book(): Book {
  const red = { startDate: T - 200, owner: 'ana@acme.example' };
  return {
    segments: [SMB],
    accounts: [
      account({ id: 'A1', row: 2, ...red, renewalStatus: 'Open' }),
      account({ id: 'A2', row: 3, ...red, renewalStatus: 'Churned' }),
    ],
    usage: [],
    results: [],
    checks: [
      check({ accountId: 'A1', row: 2, date: T - 100, resultNamed: false }),
      check({ accountId: 'A2', row: 3, date: T - 100, resultNamed: false }),
    ],
    history: [],
    problems: [],
  };
}

// Issue 15: churned accounts were Red with "Re-engage" in the sidebar and My book, counted among Red on the
// Dashboard, yet left out of the leader's email ("10 Red" vs 11).
describe('Churned accounts have left the ladder, in every view and count', () => {
  const settings = { ...DEFAULT_SETTINGS, leaderEmail: 'lead@acme.example' };
  const { assessments, problems } = assessBook(book(), settings, T);
  const [open, churned] = assessments;

  it('shows as Churned: no rung, no health, no next step, no check due, never triage', () => {
    expect(open.health).toBe('Red');
    expect([rungLabel(churned), healthLabel(churned)]).toEqual(['Churned', 'Churned']);
    expect(churned.reasons).toEqual([CHURN_REASON]);
    expect(churned.nextStep).toBe('');
    expect([churned.triage, churned.nextCheckDue, churned.daysOverdue]).toEqual([false, null, 0]);
    expect(onLadder(assessments)).toEqual([open]);
  });

  it('the QBR brief shows it as Churned too', () => {
    const brief = qbrBriefOf(churned, [], T);
    expect(brief.rungName).toBe('Churned');
    // Customer-facing (issue 25): no internal health at all.
    expect('health' in brief).toBe(false);
    expect(qbrBriefText(brief)).not.toContain('Red');
  });

  it('the Dashboard and the leader’s email count the same Red accounts; the renewal lift still counts it', () => {
    const n = dashboardNumbers(book(), assessments, problems, settings, T);
    expect(n.health).toEqual({ Green: 0, Yellow: 0, Red: 1 });
    expect(n.rungs.reduce((s, x) => s + x, 0)).toBe(1);
    expect([n.accounts, n.churned, n.triage, n.checksOverdue]).toEqual([2, 1, 0, 1]);
    expect(n.renewal.notNamed.churned).toBe(1);
    const summary = dashboardBlocks(n, isoOfDay).find((b) => b.key === 'summary');
    expect(summary?.rows).toContainEqual(['Churned (left the ladder)', 1]);

    const digests = planReminders({ assessments, problems, settings, today: T, sent: new Map() });
    const leader = digests.find((d) => d.kind === 'leader');
    const redInEmail = leader?.ownerCounts.reduce((s, c) => s + c.red, 0);
    expect(redInEmail).toBe(n.health.Red);
    const mentioned = digests.flatMap((d) => d.items.map((i) => i.accountId));
    expect(mentioned).not.toContain('A2');
  });
});
