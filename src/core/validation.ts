// Who may validate a result, and what a result may be (issue 21, seeds): "If the customer wouldn't say it out loud,
// it doesn't count", and "confusing adoption for results" is the first of the common mistakes.
import { domainOf, FREE_MAIL_DOMAINS, isWellFormedEmail } from './addresses';
import { classifyStatement, type StatementKind } from './measurable';
import type { Account, ResultGate } from './types';

export type { ResultGate };

/** Why a validator is the team rather than the customer: the account's owner, who logged the row, or a team domain. */
export type TeamTie = 'owner' | 'logged it' | 'team domain';

const ANGLED = /<([^<>]+)>\s*$/;

/**
 * The plain address in a cell, lower-case and without a `+tag` (ana+cs@x and ana@x are one mailbox), or '' when the
 * cell holds no address. `Ana Owner <ana@acme.example>` gives `ana@acme.example`.
 */
export function addressOf(text: string): string {
  const t = String(text ?? '').trim();
  const inner = (ANGLED.exec(t)?.[1] ?? t).trim().toLowerCase();
  if (!isWellFormedEmail(inner)) return '';
  const at = inner.lastIndexOf('@');
  const local = inner.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${inner.slice(at)}`;
}

/**
 * The team's domains: the allowed domains (Settings) and the domain of every Owner email in the book, free mail
 * domains aside (core/addresses.ts). Custom functions run with no signed-in user, so the owners are what the pure
 * rules can know about who the team is.
 */
export function teamDomainsOf(owners: Iterable<string>, allowedDomains: readonly string[]): string[] {
  const domains = new Set(allowedDomains.map((d) => d.trim().toLowerCase()).filter((d) => d !== ''));
  for (const owner of owners) {
    const address = addressOf(owner);
    const domain = address === '' ? '' : domainOf(address);
    if (domain !== '' && !FREE_MAIL_DOMAINS.has(domain)) domains.add(domain);
  }
  return [...domains];
}

const sameName = (a: string, b: string) => {
  const x = a.trim().replace(/\s+/g, ' ').toLowerCase();
  return x !== '' && x === b.trim().replace(/\s+/g, ' ').toLowerCase();
};

/** The same person: the same address when both cells hold one, else the same words (case and spacing aside). */
function samePerson(validatedBy: string, other: string): boolean {
  const a = addressOf(validatedBy);
  const b = addressOf(other);
  return a !== '' && b !== '' ? a === b : sameName(validatedBy, other);
}

/**
 * Why `validatedBy` is the team, or null when it is the customer (or blank: that is another rule's business).
 * The team is the account's owner, who logged the row, and any address in a team domain or a subdomain of one.
 * A plain name (no address) that is neither the owner nor who logged it is taken as the customer.
 */
export function teamTieOf(
  validatedBy: string,
  who: { readonly owner: string; readonly loggedBy: string },
  teamDomains: readonly string[],
): TeamTie | null {
  if (validatedBy.trim() === '') return null;
  if (samePerson(validatedBy, who.owner)) return 'owner';
  if (samePerson(validatedBy, who.loggedBy)) return 'logged it';
  const address = addressOf(validatedBy);
  if (address === '') return null;
  const domain = domainOf(address);
  return teamDomains.some((d) => domain === d || domain.endsWith(`.${d}`)) ? 'team domain' : null;
}

/** "validated by ana@acme.example, who is on the team (owner): a result counts only when the customer confirms it". */
export function teamBlock(validatedBy: string, tie: TeamTie): string {
  return `validated by ${validatedBy.trim()}, who is on the team (${tie}): a result counts only when the customer confirms it`;
}

/** The kinds of named result that can never be a result however well confirmed: the seed's lower rungs. */
const NOT_A_RESULT: Partial<Record<StatementKind, string>> = {
  activity: 'a confirmed activity figure',
  adoption: 'a confirmed adoption figure',
  sentiment: 'a confirmed sentiment score',
};

/** Why a named result of this kind cannot be a result, or null when its kind does not stop it. */
export function statementBlock(kind: StatementKind): string | null {
  const what = NOT_A_RESULT[kind];
  return what
    ? `the named result reads as ${kind}: ${what} is not a result — name what changed for them`
    : null;
}

/** The gate for one account; `statement` is passed in when the caller has already classified the named result. */
export function resultGateOf(
  account: Account,
  teamDomains: readonly string[],
  statement: StatementKind = classifyStatement(account.namedResult).kind,
): ResultGate {
  return { owner: account.owner, teamDomains, statement };
}
