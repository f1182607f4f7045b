// Asking the validator to confirm a result: the ask on the record, the mail the CSM sends, who may be asked, and the
// answers that come back through the confirmation link. Pure: no Apps Script here.
import * as z from 'zod/mini';
import { domainOf, FREE_MAIL_DOMAINS, isWellFormedEmail } from '../../core/addresses';
import { storedJson } from '../../core/storedJson';
import { addDays, isoOfDay } from '../../core/dates';

export const ASK_STATUSES = ['pending', 'confirmed', 'not yet', 'superseded', 'expired'] as const;
export type AskStatus = (typeof ASK_STATUSES)[number];
export const VERDICTS = ['confirm', 'not yet'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A link (and the ask it carries) lives this long. */
export const ASK_LIFETIME_DAYS = 30;
const DAY_MS = 86_400_000;
/** Their words are kept to what a confirmation needs. */
export const MAX_WORDS = 2000;

const Text = (max: number) => z.string().check(z.maxLength(max));
const Iso = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/));

/** What the validator is shown: baseline → latest → target, with their days. */
export const AskedResultSchema = z.object({
  accountName: Text(500),
  metric: Text(500),
  baseline: z.nullable(z.number()),
  /** The account's start date (the baseline's day), YYYY-MM-DD, or ''. */
  baselineOn: Text(10),
  latest: z.number(),
  latestOn: Text(10),
  target: z.nullable(z.number()),
  /** Start date + the segment's result window (or the renewal date), or ''. */
  targetBy: Text(10),
});
export type AskedResult = z.infer<typeof AskedResultSchema>;

/**
 * One ask, one row of the add-on's hidden `Confirmation asks` sheet (gas/askSheet.ts): written by the add-on when the
 * CSM asks, answered by the confirmation web app (a separate Apps Script project that shares nothing with the add-on
 * but the spreadsheet).
 */
export const AskRecordSchema = z.object({
  askId: z.string().check(z.regex(/^[A-Za-z0-9]{1,64}$/)),
  accountId: Text(200),
  validator: Text(200),
  /** The validator's role as the Validator role cell named it; '' when none. */
  role: Text(200),
  email: Text(254),
  /** The named result text the validator is asked to confirm. */
  statement: Text(2000),
  /** sha256 (hex) of statementKey(): what the link signs. */
  statementHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** The latest value the ask quoted (what a confirmation writes to Results), and its day (YYYY-MM-DD). */
  value: z.number(),
  valueOn: Text(10),
  askedOn: Iso,
  expires: Iso,
  askedBy: Text(254),
  status: z.enum(ASK_STATUSES),
  answeredOn: z.optional(Iso),
  words: z.optional(Text(MAX_WORDS)),
});
export type AskRecord = z.infer<typeof AskRecordSchema>;

/** A stored ask (JSON), or null when it is not one. */
export const readAsk = (raw: string | null): AskRecord | null => storedJson(raw, AskRecordSchema);
/** An ask from its fields (a sheet row read by header), or null when they are not one. */
export function parseAsk(fields: unknown): AskRecord | null {
  const parsed = AskRecordSchema.safeParse(fields);
  return parsed.success ? parsed.data : null;
}

/**
 * What the validator is shown and the mail quotes: the account's current numbers (its row still hashes to the ask's
 * statement, or the link is refused) with the value the ask quoted.
 */
export function askedResultOf(
  account: {
    readonly id: string;
    readonly name: string;
    readonly metric: string;
    readonly baseline: number | null;
    readonly target: number | null;
    readonly startDate: number | null;
    readonly renewalDate: number | null;
  },
  resultWindowDays: number | null,
  latest: number,
  latestOn: string,
): AskedResult {
  const targetBy =
    account.startDate !== null && resultWindowDays !== null
      ? isoOfDay(addDays(account.startDate, resultWindowDays))
      : account.renewalDate !== null
        ? isoOfDay(account.renewalDate)
        : '';
  return {
    accountName: account.name || account.id,
    metric: account.metric,
    baseline: account.baseline,
    baselineOn: account.startDate === null ? '' : isoOfDay(account.startDate),
    latest,
    latestOn,
    target: account.target,
    targetBy,
  };
}

/**
 * What the link's hash covers: the named result and the numbers it is measured by. A changed target or metric is a
 * re-planned result, and a confirmation of the old numbers must not count for it.
 */
export function statementKey(a: {
  readonly namedResult: string;
  readonly metric: string;
  readonly baseline: number | null;
  readonly target: number | null;
}): string {
  return JSON.stringify([a.namedResult.trim(), a.metric.trim(), a.baseline, a.target]);
}

export function expiresAt(askedMs: number): number {
  return askedMs + ASK_LIFETIME_DAYS * DAY_MS;
}

/** The ask's status as of `nowMs`: a pending ask past its expiry has expired. */
export function statusAt(ask: AskRecord, nowMs: number): AskStatus {
  return ask.status === 'pending' && Date.parse(ask.expires) < nowMs ? 'expired' : ask.status;
}

/** "Asked Dana Li on 2026-11-24 (pending)" — the Account view's line for an ask. */
export function askLine(ask: AskRecord, nowMs: number): string {
  const status = statusAt(ask, nowMs);
  const when = ask.answeredOn && status !== 'pending' ? ` on ${ask.answeredOn.slice(0, 10)}` : '';
  return `Asked ${ask.validator || ask.email} on ${ask.askedOn.slice(0, 10)} (${status}${when})`;
}

// ---------- who may be asked ----------

/** The validators' addresses in the Validator email cell, in the order of the Validator cell (';' between). */
export function validatorEmails(cell: unknown): string[] {
  return String(cell ?? '')
    .split(';')
    .map((s) => s.trim());
}

/**
 * Why `email` cannot be asked to confirm a customer's result, or null. The team is: the account's owner and the CSM
 * asking (by address, and by domain unless it is a free mail domain), and every allowed domain (and its subdomains).
 */
export function emailRefusal(
  email: string,
  validator: string,
  team: { readonly owner: string; readonly user: string; readonly allowedDomains: readonly string[] },
): string | null {
  const address = email.trim();
  if (address === '') {
    return `No email address for ${validator || 'the validator'}: add it to the Validator email column of Accounts (one per validator, separated by ';').`;
  }
  if (!isWellFormedEmail(address)) {
    return `'${address}' is not a valid email address for ${validator || 'the validator'}: fix it in the Validator email column of Accounts.`;
  }
  const lower = address.toLowerCase();
  const own = [team.owner, team.user].map((a) => a.trim().toLowerCase()).filter((a) => a !== '');
  if (own.includes(lower)) {
    return `${address} is the team's own address: a result is confirmed by the customer, never by the team.`;
  }
  const domain = domainOf(lower);
  const teamDomains = new Set(team.allowedDomains.map((d) => d.trim().toLowerCase()).filter((d) => d !== ''));
  for (const a of own) {
    const d = domainOf(a);
    if (d && !FREE_MAIL_DOMAINS.has(d)) teamDomains.add(d);
  }
  for (const d of teamDomains) {
    if (domain === d || domain.endsWith(`.${d}`)) {
      return `${address} is in the team's domain (${d}): a result is confirmed by someone at the customer, not by the team.`;
    }
  }
  return null;
}

// ---------- the mail ----------

export interface AskMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** RFC 6068: every part through encodeURIComponent (spaces %20, line breaks %0D%0A). */
  readonly mailto: string;
}

function numberText(n: number | null): string {
  if (n === null) return '—';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

const on = (day: string) => (day ? ` (${day})` : '');

/** "5 (2026-06-01) → 7 (2026-10-01) → 4 (by 2026-08-30)". */
export function numbersLine(r: AskedResult): string {
  const target = r.target === null ? '—' : numberText(r.target);
  return `${numberText(r.baseline)}${on(r.baselineOn)} → ${numberText(r.latest)}${on(r.latestOn)} → ${target}${r.targetBy ? ` (by ${r.targetBy})` : ''}`;
}

/**
 * The mail the CSM sends from their own account. With a link, one click answers; without a web app, a reply in
 * their own words (the CSM then records it).
 */
export function askMail(ask: {
  readonly email: string;
  readonly validator: string;
  readonly statement: string;
  readonly result: AskedResult;
  readonly link: string | null;
  readonly expires: string;
}): AskMail {
  const r = ask.result;
  const name = r.accountName || 'your team';
  const lines = [
    `Hi ${ask.validator || 'there'},`,
    '',
    `Could you confirm the result ${name} got from working with us?`,
    '',
    `Result: ${ask.statement}`,
    `${r.metric.trim() || 'Measure'}: ${numbersLine(r)}`,
    '(baseline → latest → target)',
    '',
  ];
  if (ask.link) {
    lines.push(
      'Is this right? Say so in one click, and add a few words if you like:',
      ask.link,
      `(The link is for you only and works once, until ${ask.expires.slice(0, 10)}.)`,
    );
  } else {
    lines.push('Just reply to this mail saying whether this is right, in your own words.');
  }
  lines.push('', 'Thank you!');
  const subject = `Please confirm: ${ask.statement} (${name})`;
  const body = lines.join('\r\n');
  const mailto = `mailto:${encodeURIComponent(ask.email).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return { to: ask.email, subject, body, mailto };
}
