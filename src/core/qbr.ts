// The QBR brief's content: the account's chain, the results it delivered and has in flight, what comes next and the risks.
import { isoOfDay } from './dates';
import { progressOf, rolesInWords } from './ladder';
import { interventionAfter, replanOf } from './checks';
import { rungLabel } from './evaluate';
import type {
  Assessment,
  CheckRecord,
  Day,
  ResultGate,
  ResultRecord,
  RungLabel,
  Segment,
  ValidatorRole,
} from './types';
import { statementBlock, teamBlock, teamTieOf } from './validation';

/** A validated Results row, as the brief shows it. */
export interface QbrDelivered
  extends Pick<ResultRecord, 'value' | 'customerWords' | 'validatedBy' | 'validatorRole' | 'evidence'> {
  readonly date: string;
  readonly progressPercent: number | null;
}

/** A Results row that does not count yet, as the brief shows it. */
export interface QbrInFlight
  extends Pick<ResultRecord, 'value' | 'attributed' | 'validatedBy' | 'validatorRole'> {
  readonly date: string;
  readonly progressPercent: number | null;
  /** What it waits for, in the customer's terms, e.g. "Awaiting confirmation by your Buyer". */
  readonly pending: string;
}

/**
 * What the QBR brief shows: customer-facing (issue 25), so no internal health, no risks and no owner email; dates ISO
 * 'YYYY-MM-DD'.
 */
export interface QbrBrief {
  readonly asOf: string;
  readonly account: {
    readonly id: string;
    readonly name: string;
    readonly segment: string | null;
    readonly renewalDate: string | null;
  };
  readonly pain: string;
  readonly value: string;
  readonly namedResult: string;
  readonly metric: string;
  readonly baseline: number | null;
  readonly target: number | null;
  /** The stage on the ladder, or Churned (docs/rules.md §2). */
  readonly rungName: RungLabel;
  /** Validated results, newest first, with the customer's words. */
  readonly delivered: readonly QbrDelivered[];
  /** Results logged but not (yet) counting, newest first. */
  readonly inFlight: readonly QbrInFlight[];
  /** The next result to propose: never the current one, never a claim the customer has not validated. */
  readonly proposedNext: QbrProposal;
}

/** A proposed next result and what it is derived from (the re-planned result, or the next rung's shape). */
export interface QbrProposal {
  readonly text: string;
  readonly basis: string;
}

/** (Value − Baseline) / (Target − Baseline) in whole percent, or null when any part is missing. */
export function progressPercent(
  value: number | null,
  baseline: number | null,
  target: number | null,
): number | null {
  const progress = progressOf(value, baseline, target);
  return progress === null ? null : Math.round(progress * 100);
}

/**
 * Why a Results row does not count as a validated result ('' when it counts). The same test as the Result
 * rung (core/ladder.ts): progress from baseline toward target, attributed, validated by a named person in a
 * role the segment accepts.
 */
export function pendingReason(
  result: ResultRecord,
  segment: Segment | null,
  progress: number | null,
  gate: ResultGate | undefined,
): string {
  const reasons: string[] = [];
  if (result.value === null) reasons.push('no value recorded');
  else if (progress === null) reasons.push('no numeric baseline and target to measure it against');
  else if (progress <= 0) reasons.push('no move from the baseline toward the target yet');
  if (!result.attributed) reasons.push('not attributed to the product');
  if (!result.validatedBy.trim()) reasons.push('not validated yet');
  else if (!result.validatorRole) reasons.push(`no validator role for ${result.validatedBy}`);
  else if (!segment) reasons.push('no segment, so no accepted validator role');
  else if (!segment.validatorRule.roles.includes(result.validatorRole)) {
    reasons.push(
      `validated by a ${result.validatorRole}; ${segment.name} accepts ${rolesInWords(segment.validatorRule)}`,
    );
  }
  // The rung's own gate (core/ladder.ts): confirmed by the team, or a named result that is no result, never counts.
  if (gate && result.validatedBy.trim()) {
    const tie = teamTieOf(
      result.validatedBy,
      { owner: gate.owner, loggedBy: result.loggedBy },
      gate.teamDomains,
    );
    if (tie) reasons.push(teamBlock(result.validatedBy, tie));
  }
  const notAResult = gate ? statementBlock(gate.statement) : null;
  if (notAResult) reasons.push(notAResult);
  return reasons.join('; ');
}

function newestFirst(a: ResultRecord, b: ResultRecord): number {
  return b.date - a.date || b.row - a.row;
}

/** A measure as the brief writes it: whole numbers as they are, others to two decimals, '' for none. */
export function numberText(n: number | null): string {
  if (n === null) return '';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** The brief for one assessed account, from its own Results rows (any order). */
export function qbrBriefOf(
  assessment: Assessment,
  results: readonly ResultRecord[],
  today: Day,
  checks: readonly CheckRecord[] = [],
): QbrBrief {
  const { account, segment } = assessment;
  const delivered: QbrDelivered[] = [];
  const inFlight: QbrInFlight[] = [];
  // Rows dated after the brief's day are left out, as the ladder leaves them out.
  const rows = results.filter((x) => x.date <= today).sort(newestFirst);
  // An `A + B` segment delivers only when every role has validated: until then, a row validated by one role
  // is honestly still in flight, waiting for the others.
  const rule = segment?.validatorRule;
  const validatedRoles = new Set(
    rows
      .filter(
        (r) =>
          pendingReason(
            r,
            segment,
            progressOf(r.value, account.baseline, account.target),
            assessment.gate,
          ) === '',
      )
      .map((r) => r.validatorRole),
  );
  const rolesStillNeeded = rule?.mode === 'all' ? rule.roles.filter((role) => !validatedRoles.has(role)) : [];
  for (const r of rows) {
    const progress = progressPercent(r.value, account.baseline, account.target);
    const pending =
      pendingReason(r, segment, progressOf(r.value, account.baseline, account.target), assessment.gate) ||
      (rolesStillNeeded.length > 0
        ? `needs validation by the ${rolesStillNeeded.join(' and the ')} too`
        : '');
    if (pending) {
      // In flight means moving toward the target: a value with no progress is not a result in flight.
      if (progress === null || progress <= 0) continue;
      // Newest first: a row older than a delivered result is history the delivered one answers, not in flight.
      if (delivered.length > 0) continue;
      inFlight.push({
        date: isoOfDay(r.date),
        value: r.value,
        progressPercent: progress,
        attributed: r.attributed,
        validatedBy: r.validatedBy,
        validatorRole: r.validatorRole,
        pending: awaitingText(r, assessment, rolesStillNeeded),
      });
    } else {
      delivered.push({
        date: isoOfDay(r.date),
        value: r.value,
        progressPercent: progress,
        customerWords: r.customerWords,
        validatedBy: r.validatedBy,
        validatorRole: r.validatorRole,
        evidence: r.evidence,
      });
    }
  }
  return {
    asOf: isoOfDay(today),
    account: {
      id: account.id,
      name: account.name,
      segment: account.segment,
      renewalDate: account.renewalDate === null ? null : isoOfDay(account.renewalDate),
    },
    pain: account.businessPain,
    value: account.solutionValue,
    namedResult: account.namedResult,
    metric: account.metric,
    baseline: account.baseline,
    target: account.target,
    rungName: rungLabel(assessment),
    delivered,
    inFlight,
    proposedNext: proposedNextOf(assessment, checks, today),
  };
}

/**
 * What an in-flight result waits for, in the customer's terms: their word that the product drove it, and confirmation by
 * the roles their segment needs. Never the internal reason (who on the team confirmed it, the segment's rule).
 */
function awaitingText(
  result: ResultRecord,
  assessment: Assessment,
  rolesStillNeeded: readonly ValidatorRole[],
): string {
  const { account, segment, gate } = assessment;
  const rule = segment?.validatorRule;
  // Attributed or not, does the row still need the customer's confirmation? (The same test, attribution set aside.)
  const unconfirmed =
    rolesStillNeeded.length > 0 ||
    pendingReason(
      { ...result, attributed: true },
      segment,
      progressOf(result.value, account.baseline, account.target),
      gate,
    ) !== '';
  const roles = rule ? rolesInWords(rule, rolesStillNeeded.length > 0 ? rolesStillNeeded : rule.roles) : '';
  const parts: string[] = [];
  if (!result.attributed) parts.push('agreement that the product drove it');
  if (unconfirmed) parts.push(roles ? `confirmation by your ${roles}` : 'confirmation');
  return `Awaiting ${parts.join(' and ') || 'confirmation'}`;
}

/** "Close days: 9 → 5", or '' when nothing is measured. */
function measureText(metric: string, baseline: number | null, target: number | null): string {
  const range =
    baseline !== null || target !== null
      ? `${numberText(baseline) || '?'} → ${numberText(target) || '?'}`
      : '';
  return [metric.trim(), range].filter(Boolean).join(': ');
}

/**
 * The next result to propose at the QBR, never the current one: the result re-planned with the customer after a 90-day
 * No when there is one, else the next rung's shape (docs/rules.md §1): Activity → Adoption → Outcome → Result, and after
 * a validated result a new one of the segment's kind. A proposal, never a claim the customer validated.
 */
export function proposedNextOf(
  assessment: Assessment,
  checks: readonly CheckRecord[],
  today: Day,
): QbrProposal {
  const { account, segment } = assessment;
  const own = checks.filter((c) => c.accountId === account.id);
  const intervention = interventionAfter(own, assessment.unansweredNo, today);
  const replan = intervention ? replanOf(intervention, today) : null;
  if (replan?.result) {
    return {
      text: `${replan.result}${replan.due !== null ? ` by ${isoOfDay(replan.due)}` : ''}`,
      basis: `The result re-planned together on ${isoOfDay(replan.date)}`,
    };
  }
  const kind = segment?.resultLooksLike.trim() ?? '';
  if (!account.namedResult.trim()) {
    return {
      text: `Agree one measurable result for this work${kind ? `, e.g. ${lcFirst(kind)}` : ''}`,
      basis: 'No result is agreed yet',
    };
  }
  const measure = measureText(account.metric, account.baseline, account.target);
  const roles = segment ? rolesInWords(segment.validatorRule) : 'sponsor';
  switch (assessment.rung) {
    case 0:
      return { text: 'Your team using it again every week', basis: 'Next stage: Activity' };
    case 1:
      return {
        text: segment
          ? `${segment.weeklyUsersForAdoption} people using it every week`
          : 'Regular weekly use across the team',
        basis: 'Next stage: Adoption',
      };
    case 2:
      return {
        text: measure ? `A first measured move on ${measure}` : 'A first measured move on the agreed metric',
        basis: 'Next stage: Outcome',
      };
    case 3:
      return {
        text: `Confirm the result with your ${roles}: ${account.namedResult.trim()}`,
        basis: 'Next stage: Result, once you confirm it',
      };
    default: {
      // After a validated result: the chain's own metric past its target, or a new result of the segment's kind.
      const metric = account.metric.trim();
      const text =
        metric && account.target !== null
          ? `Take ${metric} past ${numberText(account.target)}, or agree a new result together`
          : kind
            ? `A new result to agree together, e.g. ${lcFirst(kind).replace(/\.$/, '')}`
            : 'A new result to agree together';
      return { text, basis: `Builds on the confirmed result: ${account.namedResult.trim()}` };
    }
  }
}

function lcFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
