// What to do today about a Red account: one group per cause, in the order the next step takes them (docs/rules.md §3).
import type { Assessment } from './types';

export type RedAction = 'intervene' | 'runCheck' | 'escalate' | 'triage' | 'other';

/** Groups in the order a CSM should work them: a 90-day No first, as the digest ranks it. */
export const RED_ACTIONS: readonly RedAction[] = ['intervene', 'runCheck', 'escalate', 'triage', 'other'];

export const RED_ACTION_TITLES: Readonly<Record<RedAction, string>> = {
  intervene: 'Intervene: the 90-day check said No',
  runCheck: 'Run the overdue 90-day check',
  escalate: 'Escalate with a recovery plan: the result window has passed',
  triage: 'Triage: name the result and the validator',
  other: 'Look into it',
};

/** The group of a Red account (null when the account is not Red). */
export function redActionOf(a: Assessment): RedAction | null {
  if (a.health !== 'Red') return null;
  if (a.unansweredNo) return 'intervene';
  if (a.daysOverdue > 0) return 'runCheck';
  if (a.resultWindowPassed && !a.triage) return 'escalate';
  if (a.triage) return 'triage';
  return 'other';
}

/** Red accounts grouped by what to do today, groups in RED_ACTIONS order, accounts in the order given. */
export function redGroups<T>(
  assessments: readonly Assessment[],
  item: (a: Assessment) => T,
): { action: RedAction; title: string; accounts: T[] }[] {
  const groups = new Map<RedAction, T[]>();
  for (const a of assessments) {
    const action = redActionOf(a);
    if (action === null) continue;
    const list = groups.get(action);
    if (list) list.push(item(a));
    else groups.set(action, [item(a)]);
  }
  return RED_ACTIONS.filter((k) => groups.has(k)).map((action) => ({
    action,
    title: RED_ACTION_TITLES[action],
    accounts: groups.get(action) ?? [],
  }));
}
