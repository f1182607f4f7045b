// Reminder items: what a digest says about one account (owner or leader) or one data problem, each with its key.
import { addDays, isoOfDay } from '../../core/dates';
import {
  bookCheckStep,
  chainStep,
  escalateWindowStep,
  interveneStep,
  runCheckStep,
  validatorNameOf,
} from '../../core/nextStep';
import { type RedAction, redActionOf } from '../../core/redActions';
import type { Settings } from '../../core/settings';
import type { Assessment, Day, Problem } from '../../core/types';
import type {
  DigestItem,
  ItemKind,
  LeaderItemKind,
  OwnerItemKind,
  PendingAsk,
  ProblemIdentity,
} from './types';

const SEVERITY = {
  unansweredNo: 90,
  checkOverdueRed: 80,
  triage: 70,
  checkOverdue: 60,
  resultWindow: 50,
  chainGap: 30,
  stalled: 20,
  unansweredAsk: 25,
  checkDueSoon: 10,
  red: 60,
  slipped: 40,
  problem: 30,
  leaderStalled: 20,
  climbed: 5,
} as const;

const RUNG_WORDS = ['None', 'Activity', 'Adoption', 'Outcome', 'Result'];

// A book repeats a few hundred due dates over thousands of items; formatting each once keeps planning linear and cheap.
const isoMemo = new Map<Day, string>();
function iso(day: Day): string {
  let text = isoMemo.get(day);
  if (text === undefined) {
    text = isoOfDay(day);
    isoMemo.set(day, text);
  }
  return text;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function daysText(n: number): string {
  return plural(n, 'day');
}

/** An item about one account, linking to its Accounts row. */
function accountItem(
  a: Assessment,
  sheet: string,
  kind: ItemKind,
  due: Day | null,
  text: string,
  severity: number,
): DigestItem {
  const { account } = a;
  return {
    key: itemKey(account.id, kind, due),
    accountId: account.id,
    accountName: account.name,
    sheet,
    row: account.row,
    kind,
    text,
    severity,
  };
}

/**
 * The owner's items for one account, as of `today`, each worded as the action the sidebar gives (core/nextStep.ts):
 * the item that answers why the account is Red carries the account's next step word for word, the others the same
 * steps' words for their own cause. What happened (how late, since when) follows the action, never replaces it.
 */
export function ownerItems(a: Assessment, settings: Settings, today: Day, sheet = 'Accounts'): DigestItem[] {
  const { account } = a;
  if (account.renewalStatus === 'Churned') return [];
  const items: DigestItem[] = [];
  const push = (kind: OwnerItemKind, due: Day | null, text: string, severity: number) =>
    items.push(accountItem(a, sheet, kind, due, text, severity));
  const who = validatorNameOf(account, a.segment);
  // For a Red account off triage, the next step answers its first Red cause (docs/rules.md §3): the item for that
  // cause says it in the sidebar's own words, including a re-planned result after an intervention.
  const cause = a.triage ? null : redActionOf(a);
  const stepFor = (action: RedAction, own: string): string => (cause === action ? a.nextStep : own);

  if (a.triage) {
    // The next step of an account on triage is the triage fix (segment, result, validator, in that order).
    const onlySegment = !a.segment && account.namedResult.trim() !== '' && account.validator.trim() !== '';
    push(
      onlySegment ? 'unknownSegment' : 'triage',
      null,
      `${a.nextStep}: that takes it off triage.`,
      SEVERITY.triage,
    );
  }
  const start = account.startDate;
  if (!a.triage && start !== null && !a.chain.complete) {
    const kickoffDue = addDays(start, settings.kickoffDays);
    if (today > kickoffDue) {
      const step = chainStep(a.chain, account) ?? `Complete the Three-Link Chain: ${a.chain.text}`;
      push('chainGap', kickoffDue, `${step} (${daysText(today - start)} after start).`, SEVERITY.chainGap);
    }
  }
  if (a.unansweredNo) {
    push(
      'unansweredNo',
      a.unansweredNo.date,
      stepFor('intervene', interveneStep(a.unansweredNo.date, who)),
      SEVERITY.unansweredNo,
    );
  }
  if (a.nextCheckDue !== null) {
    if (a.daysOverdue > 0) {
      const red = a.daysOverdue > settings.overdueGraceDays;
      push(
        'checkOverdue',
        a.nextCheckDue,
        stepFor('runCheck', runCheckStep(who, a.daysOverdue, a.nextCheckDue)),
        red ? SEVERITY.checkOverdueRed : SEVERITY.checkOverdue,
      );
    } else {
      const until = a.nextCheckDue - today;
      if (until >= 0 && until <= settings.dueSoonDays) {
        push(
          'checkDueSoon',
          a.nextCheckDue,
          bookCheckStep(who, until, a.nextCheckDue),
          SEVERITY.checkDueSoon,
        );
      }
    }
  }
  if (a.resultWindowPassed) {
    const windowEnd = start !== null && a.segment ? addDays(start, a.segment.resultWindowDays) : null;
    const own =
      windowEnd !== null
        ? escalateWindowStep(windowEnd, a.rung)
        : `Escalate with a recovery plan: the result window has passed and the account is on ${a.rungName}`;
    push('resultWindow', windowEnd, stepFor('escalate', own), SEVERITY.resultWindow);
  }
  if (a.movement.stalled) {
    const days = a.movement.daysOnRung !== null ? ` ${daysText(a.movement.daysOnRung)}` : '';
    // Said once per email: when another item already carries the next step, this one points at it.
    const said = items.some((i) => i.text === a.nextStep);
    push(
      'stalled',
      a.movement.since,
      said
        ? `Move it off ${a.rungName} with the step above (stalled${days}).`
        : `${a.nextStep} (stalled${days} on ${a.rungName}).`,
      SEVERITY.stalled,
    );
  }
  return items;
}

/**
 * The leader's items for one account: Red with its reasons and what to do about it, and movement over the trend
 * window. The owner goes with the item, not in its text: the escalation names owners by name, in its own place.
 */
export function leaderItems(a: Assessment, sheet = 'Accounts'): DigestItem[] {
  const { account } = a;
  if (account.renewalStatus === 'Churned') return [];
  const items: DigestItem[] = [];
  const owner = account.owner.trim();
  const item = (kind: LeaderItemKind, due: Day | null, text: string, severity: number): DigestItem => ({
    ...accountItem(a, sheet, kind, due, text, severity),
    owner,
  });
  const action = redActionOf(a);
  if (action !== null) {
    items.push({ ...item('red', null, a.reasons.join('; '), SEVERITY.red), redAction: action });
  }
  const m = a.movement;
  if (m.change > 0) {
    items.push(
      item(
        'climbed',
        m.since,
        `climbed ${plural(m.change, 'rung')} to ${RUNG_WORDS[a.rung]}`,
        SEVERITY.climbed,
      ),
    );
  } else if (m.change < 0) {
    items.push(
      item(
        'slipped',
        m.since,
        `slipped ${plural(-m.change, 'rung')} to ${RUNG_WORDS[a.rung]}`,
        SEVERITY.slipped,
      ),
    );
  }
  if (m.stalled) {
    items.push(
      item(
        'stalled',
        m.since,
        m.daysOnRung !== null
          ? `stalled ${daysText(m.daysOnRung)} on ${a.rungName}`
          : `stalled on ${a.rungName}`,
        SEVERITY.leaderStalled,
      ),
    );
  }
  return items;
}

/**
 * A data problem keyed by sheet + account ID + field (+ the row's Week or Date on sheets with many rows per
 * account), never by row number: sorting or inserting rows neither re-sends a problem already reported nor
 * hides a new one that took an old row number.
 */
export function problemItem(p: Problem, identity?: ProblemIdentity): DigestItem {
  const who = identity ? identity.accountId || `#${identity.on}` : `row ${p.row}`;
  const on = identity?.accountId && identity.on ? `/${identity.on}` : '';
  return {
    key: `problem/${p.sheet}/${who}${on}/${p.column}`,
    accountId: identity?.accountId ?? '',
    accountName: '',
    sheet: p.sheet,
    row: p.row,
    kind: 'problem',
    // The email labels the item "Sheet row N", so the text says only what is wrong.
    // "Segment: Segment 'X' is not in Segments" says the column once.
    text: p.column && !p.message.includes(p.column) ? `${p.column}: ${p.message}` : p.message,
    severity: SEVERITY.problem,
  };
}

/** `account/kind/due`: readable in `Reminder log`, exact-matched when deciding what was sent. */
/**
 * The window in which an unanswered ask is said: from `askFollowUpDays` after the ask, for as long as the same item
 * would be held back after a send (at least a week, so a weekly cadence has one run in it). Said once: the send
 * holds it back for the rest of the window, and after the window it stays quiet rather than nag late.
 */
export function askWindowDays(settings: Settings): number {
  return Math.max(7, settings.remindEveryDays);
}

/** The owner's items for an account's pending asks that are due a follow-up today. */
export function askItems(
  a: Assessment,
  asks: readonly PendingAsk[],
  settings: Settings,
  today: Day,
  sheet = 'Accounts',
): DigestItem[] {
  if (a.account.renewalStatus === 'Churned') return [];
  const after = settings.askFollowUpDays;
  const window = askWindowDays(settings);
  const items: DigestItem[] = [];
  for (const ask of asks) {
    const age = today - ask.askedOn;
    if (age < after || age >= after + window) continue;
    const item = accountItem(
      a,
      sheet,
      'unansweredAsk',
      null,
      `Follow up with ${ask.validator || 'the validator'}, or record their reply: asked to confirm the result on ${iso(ask.askedOn)}, no answer in ${daysText(age)}`,
      SEVERITY.unansweredAsk,
    );
    items.push({ ...item, key: `${item.key}/${ask.askId}` });
  }
  return items;
}

export function itemKey(accountId: string, kind: ItemKind, due: Day | null): string {
  return `${accountId}/${kind}${due === null ? '' : `/${iso(due)}`}`;
}
