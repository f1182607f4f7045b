// The QBR brief's content: the account's chain, the results it delivered and has in flight, what comes next and the risks.
import { isoOfDay } from './dates';
import { progressOf, rolesInWords } from './ladder';
import { healthLabel, rungLabel } from './evaluate';
import type { Assessment, Day, HealthLabel, ResultGate, ResultRecord, RungLabel, Segment } from './types';
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
  /** Why it does not count yet, e.g. "not attributed to the product". */
  readonly pending: string;
}

/** What the QBR brief dialog shows (dates ISO 'YYYY-MM-DD'). */
export interface QbrBrief {
  readonly asOf: string;
  readonly account: {
    readonly id: string;
    readonly name: string;
    readonly segment: string | null;
    readonly owner: string;
    readonly renewalDate: string | null;
  };
  readonly pain: string;
  readonly value: string;
  readonly namedResult: string;
  readonly metric: string;
  readonly baseline: number | null;
  readonly target: number | null;
  /** The rung's name, or Churned (docs/rules.md §2). */
  readonly rungName: RungLabel;
  /** Green, Yellow, Red, or Churned (docs/rules.md §2). */
  readonly health: HealthLabel;
  /** Validated results, newest first, with the customer's words. */
  readonly delivered: readonly QbrDelivered[];
  /** Results logged but not (yet) counting, newest first. */
  readonly inFlight: readonly QbrInFlight[];
  /** What the account works toward next. */
  readonly nextResult: string;
  readonly risks: readonly string[];
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
export function qbrBriefOf(assessment: Assessment, results: readonly ResultRecord[], today: Day): QbrBrief {
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
      inFlight.push({
        date: isoOfDay(r.date),
        value: r.value,
        progressPercent: progress,
        attributed: r.attributed,
        validatedBy: r.validatedBy,
        validatorRole: r.validatorRole,
        pending,
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
      owner: account.owner,
      renewalDate: account.renewalDate === null ? null : isoOfDay(account.renewalDate),
    },
    pain: account.businessPain,
    value: account.solutionValue,
    namedResult: account.namedResult,
    metric: account.metric,
    baseline: account.baseline,
    target: account.target,
    rungName: rungLabel(assessment),
    health: healthLabel(assessment),
    delivered,
    inFlight,
    nextResult: nextResultOf(assessment, delivered.length > 0),
    risks: risksOf(assessment, today),
  };
}

function nextResultOf(assessment: Assessment, hasDelivered: boolean): string {
  const a = assessment.account;
  if (!a.namedResult.trim()) return `No result is named yet. ${assessment.nextStep}`;
  if (hasDelivered && assessment.rung === 4) return assessment.nextStep;
  const measure =
    a.metric || a.baseline !== null || a.target !== null
      ? ` (${[a.metric, a.baseline !== null || a.target !== null ? `${numberText(a.baseline) || '?'} → ${numberText(a.target) || '?'}` : ''].filter(Boolean).join(': ')})`
      : '';
  return `${a.namedResult}${measure}`;
}

/** What could stop the account from proving a result at renewal, most serious first, without repeats. */
export function risksOf(assessment: Assessment, today: Day): string[] {
  const risks: string[] = [];
  const add = (text: string) => {
    if (text && !risks.includes(text)) risks.push(text);
  };
  const reasons = assessment.health !== 'Green' ? assessment.reasons : [];
  for (const reason of reasons) add(reason);
  // The health reasons already say these when they apply; a second wording of the same risk reads as two risks.
  const said = (pattern: RegExp) => reasons.some((r) => pattern.test(r));
  if (assessment.unansweredNo && !said(/said No/)) {
    add(
      `At the ${isoOfDay(assessment.unansweredNo.date)} 90-day check the customer could not name a result, and nothing has been validated since.`,
    );
  }
  if (assessment.daysOverdue > 0 && !said(/overdue/)) {
    add(`The 90-day check is ${assessment.daysOverdue} days overdue.`);
  }
  // A missing named result is already the triage reason; the chain adds only the links it does not cover.
  const chainGaps = assessment.chain.missing.filter(
    (link) => !(link === 'result' && said(/No named result/)),
  );
  if (!assessment.chain.complete && (chainGaps.length > 0 || assessment.chain.weak.length > 0)) {
    add(`Three-Link Chain: ${assessment.chain.text}.`);
  }
  const renewal = assessment.account.renewalDate;
  if (renewal !== null && assessment.rung < 4 && renewal >= today && renewal - today <= 90) {
    add(`Renews on ${isoOfDay(renewal)} (in ${renewal - today} days) without a validated result.`);
  }
  if (assessment.movement.stalled) {
    add(`Stalled on ${assessment.rungName} for ${assessment.movement.daysOnRung ?? 0} days.`);
  } else if (assessment.movement.trend === 'slipping') {
    add(`Slipping: ${Math.abs(assessment.movement.change)} rung(s) lost recently.`);
  }
  return risks;
}
