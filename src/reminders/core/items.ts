// Reminder items: what a digest says about one account (owner or leader) or one data problem, each with its key.
import { addDays, isoOfDay } from '../../core/dates';
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

/** The owner's items for one account, as of `today`. */
export function ownerItems(a: Assessment, settings: Settings, today: Day, sheet = 'Accounts'): DigestItem[] {
  const { account } = a;
  if (account.renewalStatus === 'Churned') return [];
  const items: DigestItem[] = [];
  const push = (kind: OwnerItemKind, due: Day | null, text: string, severity: number) =>
    items.push(accountItem(a, sheet, kind, due, text, severity));

  if (a.triage) {
    const missing = [
      !account.namedResult.trim() && 'named result',
      !account.validator.trim() && 'validator',
      !a.segment && 'known segment',
    ].filter((m): m is string => Boolean(m));
    if (missing.length === 1 && !a.segment) {
      // Named result and validator are there: only the segment is wrong, and the subject must say so.
      const typed = (account.segment ?? '').trim();
      push(
        'unknownSegment',
        null,
        `${typed ? `Segment '${typed}' is not in the Segments sheet` : 'No segment'}: pick a known segment to take it off triage.`,
        SEVERITY.triage,
      );
    } else if (missing.length > 0) {
      push(
        'triage',
        null,
        `No ${missing.join(' and ')}: fill ${missing.length > 1 ? 'them' : 'it'} in to take it off triage.`,
        SEVERITY.triage,
      );
    } else {
      // Both are filled in but do not hold (a named result that is not measurable, a validator in a role the segment
      // does not accept): the next step says which, in the sidebar's words.
      push('triage', null, `${a.nextStep}: that takes it off triage.`, SEVERITY.triage);
    }
  }
  const start = account.startDate;
  if (!a.triage && start !== null && !a.chain.complete) {
    const kickoffDue = addDays(start, settings.kickoffDays);
    if (today > kickoffDue) {
      push(
        'chainGap',
        kickoffDue,
        `Three-Link Chain still incomplete ${daysText(today - start)} after start: ${a.chain.text}.`,
        SEVERITY.chainGap,
      );
    }
  }
  if (a.unansweredNo) {
    push(
      'unansweredNo',
      a.unansweredNo.date,
      `90-day check on ${iso(a.unansweredNo.date)} said No: plan the intervention.`,
      SEVERITY.unansweredNo,
    );
  }
  if (a.nextCheckDue !== null) {
    if (a.daysOverdue > 0) {
      const red = a.daysOverdue > settings.overdueGraceDays;
      push(
        'checkOverdue',
        a.nextCheckDue,
        `90-day check overdue by ${daysText(a.daysOverdue)} (due ${iso(a.nextCheckDue)})${red ? '; the account is Red' : ''}.`,
        red ? SEVERITY.checkOverdueRed : SEVERITY.checkOverdue,
      );
    } else {
      const until = a.nextCheckDue - today;
      if (until >= 0 && until <= settings.dueSoonDays) {
        push(
          'checkDueSoon',
          a.nextCheckDue,
          `90-day check due ${until === 0 ? 'today' : `in ${daysText(until)}`} (${iso(a.nextCheckDue)}).`,
          SEVERITY.checkDueSoon,
        );
      }
    }
  }
  if (a.resultWindowPassed) {
    const windowEnd = start !== null && a.segment ? addDays(start, a.segment.resultWindowDays) : null;
    push(
      'resultWindow',
      windowEnd,
      `Result window passed${windowEnd !== null ? ` on ${iso(windowEnd)}` : ''} and the account is on ${a.rungName}, below Result.`,
      SEVERITY.resultWindow,
    );
  }
  if (a.movement.stalled) {
    push(
      'stalled',
      a.movement.since,
      `Stalled on ${a.rungName}${a.movement.daysOnRung !== null ? ` for ${daysText(a.movement.daysOnRung)}` : ''}: ${a.nextStep}`,
      SEVERITY.stalled,
    );
  }
  return items;
}

/** The leader's items for one account: Red with reasons, and movement over the trend window. */
export function leaderItems(a: Assessment, sheet = 'Accounts'): DigestItem[] {
  const { account } = a;
  if (account.renewalStatus === 'Churned') return [];
  const items: DigestItem[] = [];
  const item = (kind: LeaderItemKind, due: Day | null, text: string, severity: number): DigestItem =>
    accountItem(a, sheet, kind, due, text, severity);
  const who = account.owner.trim() || 'no owner';
  if (a.health === 'Red') {
    items.push(item('red', null, `${who}: ${a.reasons.join('; ')}`, SEVERITY.red));
  }
  const m = a.movement;
  if (m.change > 0) {
    items.push(
      item(
        'climbed',
        m.since,
        `${who}: climbed ${plural(m.change, 'rung')} to ${RUNG_WORDS[a.rung]}.`,
        SEVERITY.climbed,
      ),
    );
  } else if (m.change < 0) {
    items.push(
      item(
        'slipped',
        m.since,
        `${who}: slipped ${plural(-m.change, 'rung')} to ${RUNG_WORDS[a.rung]}.`,
        SEVERITY.slipped,
      ),
    );
  }
  if (m.stalled) {
    items.push(
      item(
        'stalled',
        m.since,
        `${who}: on ${a.rungName}${m.daysOnRung !== null ? ` for ${daysText(m.daysOnRung)}` : ''}.`,
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
    text: p.column ? `${p.column}: ${p.message}` : p.message,
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
      `Asked ${ask.validator || 'the validator'} to confirm the result on ${iso(ask.askedOn)}, no answer in ${daysText(age)}: follow up, or record their reply`,
      SEVERITY.unansweredAsk,
    );
    items.push({ ...item, key: `${item.key}/${ask.askId}` });
  }
  return items;
}

export function itemKey(accountId: string, kind: ItemKind, due: Day | null): string {
  return `${accountId}/${kind}${due === null ? '' : `/${iso(due)}`}`;
}
