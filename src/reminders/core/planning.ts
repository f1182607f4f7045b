// Reminder planning: turns the assessed book and what was already sent into one digest per owner and one for the leader.
import { domainOf, isWellFormedEmail } from '../../core/addresses';
import { ownerKeyOf } from '../../core/ownerName';
import type { Settings } from '../../core/settings';
import { askItems, askWindowDays, leaderItems, ownerItems, plural, problemItem } from './items';
import type { Assessment, Day, Problem } from '../../core/types';
import type {
  Digest,
  DigestItem,
  LeaderItemKind,
  OwnerItemKind,
  PendingAsk,
  ProblemIdentity,
  SentKeys,
} from './types';

/** The fields only the reminders owner may change (docs/rules.md §6): the schedule, recipients and who owns them. */
export const REMINDER_FIELDS = [
  'reminderHour',
  'cadence',
  'weeklyDay',
  'remindEveryDays',
  'dueSoonDays',
  'leaderEmail',
  'allowedDomains',
  'remindersOwner',
] as const satisfies readonly (keyof Settings)[];

export interface ReminderInput {
  readonly assessments: readonly Assessment[];
  readonly problems: readonly Problem[];
  readonly settings: Settings;
  readonly today: Day;
  readonly sent: SentKeys;
  /** The Accounts sheet's name, for item links. */
  readonly accountsSheet?: string;
  /**
   * Who a data problem is about, read from its row at the edge (see problemIdentity): its key then survives
   * sorting and inserted rows. Without it the key falls back to the row number.
   */
  readonly problemIdentity?: (p: Problem) => ProblemIdentity;
  /** Confirmation asks still pending (any account): one unanswered past `askFollowUpDays` is said once. */
  readonly asks?: readonly PendingAsk[];
}

// Email size, not a rule: an owner can act on a few dozen items a day; Gmail clips bodies past ~100 KB.
export const MAX_OWNER_ITEMS = 50;
const LEADER_ITEM_CAPS: Readonly<Record<LeaderItemKind, number>> = {
  red: 40,
  slipped: 15,
  problem: 20,
  stalled: 15,
  climbed: 15,
};

/** Owner items in the order their kinds are named in a subject. */
const OWNER_KIND_ORDER: readonly OwnerItemKind[] = [
  'unansweredNo',
  'checkOverdue',
  'triage',
  'unknownSegment',
  'resultWindow',
  'chainGap',
  'stalled',
  'checkDueSoon',
  'unansweredAsk',
];
/** The escalation's sections, in the order the email shows them: Red first (render/emails.ts). */
export const LEADER_KIND_ORDER: readonly LeaderItemKind[] = [
  'red',
  'slipped',
  'stalled',
  'problem',
  'climbed',
];

/** Sent within the window: the last send was fewer than remind-every days ago (so always on the same day). */
export function sentRecently(
  sent: SentKeys,
  recipient: string,
  key: string,
  today: Day,
  everyDays: number,
): boolean {
  const last = sent.get(recipient)?.get(key);
  return last !== undefined && today - last < Math.max(1, everyDays) && today >= last;
}

/** Whether the recipient already got a digest today: then they get no second one until tomorrow. */
export function sentToday(sent: SentKeys, recipient: string, today: Day): boolean {
  const keys = sent.get(recipient);
  if (!keys) return false;
  for (const day of keys.values()) if (day === today) return true;
  return false;
}

function byUrgency(a: DigestItem, b: DigestItem): number {
  return b.severity - a.severity || a.row - b.row || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Most urgent first: the worst item decides, then how many there are. */
function urgencyOf(items: readonly DigestItem[]): number {
  let max = 0;
  for (const i of items) if (i.severity > max) max = i.severity;
  return max * 100_000 + Math.min(items.length, 99_999);
}

function countKinds<K extends string>(items: readonly DigestItem[]): Map<K, number> {
  const counts = new Map<K, number>();
  for (const i of items) counts.set(i.kind as K, (counts.get(i.kind as K) ?? 0) + 1);
  return counts;
}

// Phrases after "N accounts need you today:", so they do not say "account" again.
const OWNER_PHRASES: Readonly<Record<OwnerItemKind, (n: number) => string>> = {
  unansweredNo: (n) => `${n} said No at the 90-day check`,
  checkOverdue: (n) => `${n} overdue 90-day ${n === 1 ? 'check' : 'checks'}`,
  triage: (n) => `${n} ${n === 1 ? 'needs' : 'need'} a named result`,
  unknownSegment: (n) => `${n} with an unknown segment`,
  resultWindow: (n) => `${n} past the result window`,
  chainGap: (n) => `${plural(n, 'chain')} to complete`,
  stalled: (n) => `${n} stalled`,
  checkDueSoon: (n) => `${n} 90-day ${n === 1 ? 'check' : 'checks'} due soon`,
  unansweredAsk: (n) => `${plural(n, 'confirmation')} to follow up`,
};
const LEADER_PHRASES: Readonly<Record<LeaderItemKind, (n: number) => string>> = {
  red: (n) => `${plural(n, 'Red account')}`,
  slipped: (n) => `${n} slipped`,
  problem: (n) => `${plural(n, 'data problem')}`,
  stalled: (n) => `${n} stalled`,
  climbed: (n) => `${n} climbed`,
};

function phraseFor(kind: 'owner' | 'leader', k: string, n: number): string {
  return kind === 'owner' ? OWNER_PHRASES[k as OwnerItemKind](n) : LEADER_PHRASES[k as LeaderItemKind](n);
}

/** What the email is for, before any detail: "3 accounts need you today", or "Escalation". */
export function headlineOf(kind: 'owner' | 'leader', items: readonly DigestItem[]): string {
  if (kind === 'leader') return 'Escalation';
  const accounts = new Set(items.map((i) => i.accountId || `${i.sheet}/${i.row}`)).size;
  return `${plural(accounts, 'account')} ${accounts === 1 ? 'needs' : 'need'} you today`;
}

/**
 * A subject that leads with the work, so a phone's inbox shows it: "3 accounts need you today: 1 said No at the
 * 90-day check · 1 overdue 90-day check · …", "Escalation: 10 Red accounts · 1 slipped · …". The email adds the date
 * after it (render/emails.ts).
 */
export function subjectOf(kind: 'owner' | 'leader', items: readonly DigestItem[]): string {
  const counts = countKinds<string>(items);
  const order: readonly string[] = kind === 'owner' ? OWNER_KIND_ORDER : LEADER_KIND_ORDER;
  const phrases: string[] = [];
  let rest = 0;
  for (const k of order) {
    const n = counts.get(k);
    if (!n) continue;
    // Three phrases fit a phone's subject line; the rest is counted, and the email lists it.
    if (phrases.length < 3) phrases.push(phraseFor(kind, k, n));
    else rest += n;
  }
  return `${headlineOf(kind, items)}: ${phrases.join(' · ')}${rest > 0 ? ` · +${rest} more` : ''}`;
}

function leaderCap(items: readonly DigestItem[]): { shown: DigestItem[]; more: number } {
  const taken = new Map<string, number>();
  const shown: DigestItem[] = [];
  let more = 0;
  for (const i of items) {
    const n = taken.get(i.kind) ?? 0;
    if (n < LEADER_ITEM_CAPS[i.kind as LeaderItemKind]) {
      shown.push(i);
      taken.set(i.kind, n + 1);
    } else {
      more++;
    }
  }
  return { shown, more };
}

/**
 * Plans the digests of one run: one per owner with open items, one for the leader when a leader email is
 * set and there is something to escalate. Items sent to the same person within remind-every days are
 * left out, and nobody gets a second digest on a day they already got one, so a second run on the same
 * day plans nothing. Digests come most urgent first.
 */
export function planReminders(input: ReminderInput): Digest[] {
  const { assessments, problems, settings, today, sent } = input;
  const sheet = input.accountsSheet ?? 'Accounts';
  const every = settings.remindEveryDays;
  const perOwner = new Map<string, { items: DigestItem[]; accounts: number }>();
  const leader: DigestItem[] = [];
  const counts = new Map<string, { accounts: number; red: number; triage: number; overdue: number }>();
  const asksByAccount = new Map<string, PendingAsk[]>();
  for (const ask of input.asks ?? []) {
    const list = asksByAccount.get(ask.accountId);
    if (list) list.push(ask);
    else asksByAccount.set(ask.accountId, [ask]);
  }

  for (const a of assessments) {
    if (a.account.renewalStatus === 'Churned') continue;
    const owner = a.account.owner.trim().toLowerCase();
    let mine = perOwner.get(owner);
    if (!mine) {
      mine = { items: [], accounts: 0 };
      perOwner.set(owner, mine);
    }
    mine.accounts++;
    for (const item of ownerItems(a, settings, today, sheet)) {
      if (!sentRecently(sent, owner, item.key, today, every)) mine.items.push(item);
    }
    const asks = asksByAccount.get(a.account.id);
    if (asks) {
      for (const item of askItems(a, asks, settings, today, sheet)) {
        if (!sentRecently(sent, owner, item.key, today, askWindowDays(settings))) mine.items.push(item);
      }
    }
    // The leader's per-owner counts: an Owner cell that is not an email is a data problem, not an owner.
    const countedAs = ownerKeyOf(owner);
    let c = counts.get(countedAs);
    if (!c) {
      c = { accounts: 0, red: 0, triage: 0, overdue: 0 };
      counts.set(countedAs, c);
    }
    c.accounts++;
    if (a.health === 'Red') c.red++;
    if (a.triage) c.triage++;
    if (a.daysOverdue > 0) c.overdue++;
    leader.push(...leaderItems(a, sheet));
  }
  for (const p of problems) leader.push(problemItem(p, input.problemIdentity?.(p)));

  const digests: Digest[] = [];
  for (const [owner, { items, accounts }] of perOwner) {
    // Items held back by the size cap or new since this morning wait for tomorrow: one digest a day.
    if (items.length === 0 || sentToday(sent, owner, today)) continue;
    items.sort(byUrgency);
    digests.push({
      recipient: owner,
      kind: 'owner',
      urgency: urgencyOf(items),
      subject: subjectOf('owner', items),
      items: items.slice(0, MAX_OWNER_ITEMS),
      moreItems: Math.max(0, items.length - MAX_OWNER_ITEMS),
      ownerCounts: [],
      accountCount: accounts,
    });
  }

  const leaderEmail = settings.leaderEmail.trim().toLowerCase();
  if (leaderEmail && !sentToday(sent, leaderEmail, today)) {
    const fresh = leader.filter((i) => !sentRecently(sent, leaderEmail, i.key, today, every)).sort(byUrgency);
    if (fresh.length > 0) {
      const { shown, more } = leaderCap(fresh);
      const ownerCounts = [...counts]
        .map(([owner, c]) => ({ owner, ...c }))
        .sort((x, y) => y.red - x.red || y.accounts - x.accounts || (x.owner < y.owner ? -1 : 1));
      digests.push({
        recipient: leaderEmail,
        kind: 'leader',
        urgency: urgencyOf(fresh),
        subject: subjectOf('leader', fresh),
        items: shown,
        moreItems: more,
        ownerCounts,
        accountCount: 0,
      });
    }
  }
  return digests.sort(
    (x, y) => y.urgency - x.urgency || (x.recipient < y.recipient ? -1 : x.recipient > y.recipient ? 1 : 0),
  );
}

// --- recipients and quota ---------------------------------------------------------------------------

/** The allowed domains, or the reminder owner's (else the running user's) domain when none are set. */
export function allowedDomainsOf(settings: Settings, runningUser: string): string[] {
  if (settings.allowedDomains.length > 0) return settings.allowedDomains.map((d) => d.toLowerCase());
  const fallback = domainOf(settings.remindersOwner || runningUser);
  return fallback ? [fallback] : [];
}

/** Why mail may not go to `address`, or null when it may. A subdomain of an allowed domain is allowed. */
export function refusalOf(address: string, allowed: readonly string[]): string | null {
  if (address.trim() === '') return 'no owner on these accounts';
  if (!isWellFormedEmail(address.trim())) return `malformed address '${address}'`;
  const domain = domainOf(address.trim());
  const ok = allowed.some((d) => domain === d || domain.endsWith(`.${d}`));
  return ok ? null : `domain ${domain} is not in the allowed domains (${allowed.join(', ') || 'none set'})`;
}

export type Decision =
  | { readonly status: 'send' }
  | { readonly status: 'defer' }
  | { readonly status: 'skip'; readonly reason: string };

/**
 * What happens to each digest (already in urgency order): refused addresses are skipped without using
 * quota; the rest are sent while quota lasts and deferred after.
 */
export function decideDelivery(
  digests: readonly Digest[],
  quota: number,
  allowed: readonly string[],
): { digest: Digest; decision: Decision }[] {
  let left = Math.max(0, Math.floor(quota));
  return digests.map((digest) => {
    const reason = refusalOf(digest.recipient, allowed);
    if (reason) return { digest, decision: { status: 'skip', reason } };
    if (left <= 0) return { digest, decision: { status: 'defer' } };
    left--;
    return { digest, decision: { status: 'send' } };
  });
}

/**
 * The trigger's schedule in words, e.g. "daily at 08:00" or "weekly on Monday at 08:00 (Europe/Paris)": the
 * hour is the spreadsheet's, so the zone goes with it wherever people read it.
 */
export function scheduleText(settings: Settings, timeZone = ''): string {
  const hour = `${String(settings.reminderHour).padStart(2, '0')}:00${timeZone ? ` (${timeZone})` : ''}`;
  return settings.cadence === 'weekly' ? `weekly on ${settings.weeklyDay} at ${hour}` : `daily at ${hour}`;
}
