// A churned account through the built bundle: the sidebar, My book, the Dashboard and LADDER all show it the same way.
import { describe, expect, it } from 'vitest';
import { demoBook } from '../../local/demoBook';
import type { AccountViewResponse, MyBookView } from '../../src/entry/sidebarTypes';
import { SHEET } from '../../src/sheets/layout';
import { loadBundle } from './harness';

const TZ = 'America/New_York';
const TODAY = '2026-11-24';
const NOW = new Date(`${TODAY}T15:00:00Z`);
const LEAD = 'lead@demo.example';

// Issue 15: churned accounts were Red with "Re-engage" in the sidebar and My book and counted among Red on the
// Dashboard, while the leader's email left them out.
describe('A churned account in every view', () => {
  const sheets = demoBook({ today: TODAY, timeZone: TZ });
  const rt = loadBundle({ timeZone: TZ, now: NOW, user: LEAD, sheets });
  rt.properties.document.set('resultsLadder.settings', JSON.stringify({ leaderEmail: LEAD }));
  const accounts = rt.values(SHEET.accounts);
  const status = accounts[0].indexOf('Renewal status');
  const churnedRow = accounts.findIndex((r) => r[status] === 'Churned') + 1;

  it('the Account tab shows Churned with no next step', () => {
    expect(churnedRow).toBeGreaterThan(1);
    const v = rt.call<AccountViewResponse>('getAccountView', churnedRow);
    if (v.empty) throw new Error(v.message);
    expect([v.rungName, v.health, v.nextStep, v.triage, v.nextCheckDue]).toEqual([
      'Churned',
      'Churned',
      '',
      false,
      null,
    ]);
    expect(v.reasons[0]).toMatch(/^Churned: left the ladder/);
  });

  it('My book, the Dashboard and LADDER count the same Red accounts, none of them churned', () => {
    const book = rt.call<MyBookView>('getMyBook');
    expect(book.scope).toBe('all');
    const churned = book.accounts.filter((a) => a.health === 'Churned');
    expect(churned.length).toBeGreaterThan(0);
    expect(churned.every((a) => a.nextStep === '' && a.rungName === 'Churned')).toBe(true);
    const listed = [...book.triage, ...book.checksDue, ...book.overdue].map((a) => a.health);
    expect(listed).not.toContain('Churned');
    expect(Object.values(book.rungCounts).reduce((s, n) => s + n, 0)).toBe(
      book.accounts.length - churned.length,
    );

    rt.call('refreshDashboard');
    const dashboard = rt.values(SHEET.dashboard);
    const count = (label: string) => dashboard.find((r) => r[0] === label)?.[1];
    expect(count('Red')).toBe(book.accounts.filter((a) => a.health === 'Red').length);
    expect(count('Churned (left the ladder)')).toBe(churned.length);
  });
});
