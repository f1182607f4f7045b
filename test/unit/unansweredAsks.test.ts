// An ask the validator has not answered for `askFollowUpDays` appears once in the owner's digest (issue 21, item 3).
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/core/dates';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Day } from '../../src/core/types';
import { planReminders } from '../../src/reminders/core/planning';
import type { PendingAsk, SentKeys } from '../../src/reminders/core/types';
import { assessmentOf, account } from './fixtures';

const d = (iso: string) => dayFromIso(iso) as Day;
const OWNER = 'ana@acme.example';
const a1 = assessmentOf(account({ id: 'A1', owner: OWNER }));
const ask = (askedOn: string, over: Partial<PendingAsk> = {}): PendingAsk => ({
  askId: 'ask-1',
  accountId: 'A1',
  validator: 'Bea Buyer',
  askedOn: d(askedOn),
  ...over,
});

function itemsOn(today: string, asks: PendingAsk[], sent: SentKeys = new Map()) {
  const digests = planReminders({
    assessments: [a1],
    problems: [],
    settings: DEFAULT_SETTINGS,
    today: d(today),
    sent,
    asks,
  });
  return digests.find((g) => g.recipient === OWNER)?.items.filter((i) => i.kind === 'unansweredAsk') ?? [];
}

describe('unanswered asks in the owner digest', () => {
  it('waits askFollowUpDays (7) before it says anything', () => {
    expect(itemsOn('2026-11-23', [ask('2026-11-17')])).toEqual([]);
  });

  it('then names the validator, the day and what to do', () => {
    const items = itemsOn('2026-11-24', [ask('2026-11-17')]);
    expect(items).toHaveLength(1);
    expect(items[0].text).toBe(
      'Follow up with Bea Buyer, or record their reply: asked to confirm the result on 2026-11-17, no answer in 7 days',
    );
    expect(items[0].accountId).toBe('A1');
  });

  it('appears once: not again the next days once sent, and not after its window', () => {
    const first = itemsOn('2026-11-24', [ask('2026-11-17')]);
    const sent: SentKeys = new Map([[OWNER, new Map([[first[0].key, d('2026-11-24')]])]]);
    for (const day of ['2026-11-25', '2026-11-28', '2026-12-01', '2026-12-20']) {
      expect(itemsOn(day, [ask('2026-11-17')], sent)).toEqual([]);
    }
    // Never sent (the owner had no run that week): past its window it stays quiet rather than nag late.
    expect(itemsOn('2026-12-20', [ask('2026-11-17')])).toEqual([]);
  });

  it('keeps two asks apart (an A + B account asks two validators the same day)', () => {
    const items = itemsOn('2026-11-24', [
      ask('2026-11-17'),
      ask('2026-11-17', { askId: 'ask-2', validator: 'Mo Manager' }),
    ]);
    expect(items.map((i) => i.text.split(', or')[0])).toEqual([
      'Follow up with Bea Buyer',
      'Follow up with Mo Manager',
    ]);
    expect(new Set(items.map((i) => i.key)).size).toBe(2);
  });

  it('says nothing for an account that left the ladder', () => {
    const churned = assessmentOf(account({ id: 'A1', owner: OWNER, renewalStatus: 'Churned' }));
    const digests = planReminders({
      assessments: [churned],
      problems: [],
      settings: DEFAULT_SETTINGS,
      today: d('2026-11-24'),
      sent: new Map(),
      asks: [ask('2026-11-17')],
    });
    expect(digests.flatMap((g) => g.items).filter((i) => i.kind === 'unansweredAsk')).toEqual([]);
  });
});
