// Assesses every account of a book as of a day: indexes the book once, then applies each rule per account.
import { AccountSlots } from './accountSlots';
import { chainStatus } from './chain';
import { daysOverdue, interventionAfter, latestCheck, nextCheckDue, replanOf } from './checks';
import { healthOf, resultWindowPassed, unansweredNo } from './health';
import { groupHistory, movementOf } from './history';
import { ladderOf } from './ladder';
import { classifyStatement } from './measurable';
import { nextStepOf } from './nextStep';
import type { Settings } from './settings';
import {
  type Account,
  type Assessment,
  CHURNED,
  type HealthLabel,
  type RungLabel,
  type Book,
  type CheckRecord,
  type Day,
  type HistoryRecord,
  type Problem,
  type ResultRecord,
  RUNG_NAMES,
  type Segment,
  type UsageRecord,
} from './types';
import { resultGateOf, teamDomainsOf } from './validation';

const NONE: readonly never[] = [];

/**
 * Rows grouped by account position (`accounts`), in sheet order; rows of unknown accounts are dropped.
 * Two passes with exact-size arrays: Usage runs to millions of rows, and growing arrays by push would churn the
 * garbage collector; the account of each row is found once (mostly by a comparison: see AccountSlots).
 */
function groupByAccount<T extends { readonly accountId: string }>(
  rows: readonly T[],
  accounts: AccountSlots,
): T[][] {
  const owner = new Int32Array(rows.length);
  const counts = new Int32Array(accounts.size);
  for (let i = 0; i < rows.length; i++) {
    const k = accounts.find(rows[i].accountId);
    owner[i] = k;
    if (k >= 0) counts[k]++;
  }
  const groups: T[][] = new Array(accounts.size);
  for (let k = 0; k < groups.length; k++) groups[k] = new Array<T>(counts[k]);
  counts.fill(0);
  for (let i = 0; i < rows.length; i++) {
    const k = owner[i];
    if (k >= 0) groups[k][counts[k]++] = rows[i];
  }
  return groups;
}

/** The account's segment by case-insensitive name, or null when blank or unknown. */
export function segmentIndex(segments: readonly Segment[]): (account: Account) => Segment | null {
  const map = new Map(segments.map((s) => [s.name.toLowerCase(), s]));
  return (account) => (account.segment === null ? null : (map.get(account.segment.toLowerCase()) ?? null));
}

/**
 * Everything the rules say about one account, from its own rows. `teamDomains` are the domains of the whole team
 * (eachAssessment reads every owner of the book once); alone, an account knows only its own owner's domain.
 */
export function assessAccount(
  account: Account,
  segment: Segment | null,
  rows: {
    readonly usage: readonly UsageRecord[];
    readonly results: readonly ResultRecord[];
    readonly checks: readonly CheckRecord[];
    readonly history: readonly HistoryRecord[];
  },
  today: Day,
  settings: Settings,
  teamDomains: readonly string[] = teamDomainsOf([account.owner], settings.allowedDomains),
): Assessment {
  const statement = classifyStatement(account.namedResult);
  const gate = resultGateOf(account, teamDomains, statement.kind);
  const ladder = ladderOf(account, segment, rows.usage, rows.results, today, settings, gate);
  const { rung } = ladder;
  const validationDate = ladder.result.validationDate;
  const latest90 = latestCheck(rows.checks, '90-day', today);
  const due = nextCheckDue(
    account.startDate,
    latest90?.date ?? null,
    validationDate,
    segment?.checkEveryDays ?? null,
  );
  const overdue = daysOverdue(due, today);
  const no = unansweredNo(latest90, validationDate);
  const intervention = interventionAfter(rows.checks, no, today);
  const replan = intervention === null ? null : replanOf(intervention, today);
  const progress = ladder.outcome.progress;
  const healthReading = healthOf(
    {
      account,
      segment,
      rung,
      validationDate,
      nextCheckDue: due,
      daysOverdue: overdue,
      unansweredNo: no,
      replan,
      progress,
      ladder,
      statement: statement.kind,
      teamDomains,
    },
    today,
    settings,
  );
  const { health, reasons } = healthReading;
  const chain = chainStatus(account.businessPain, account.solutionValue, account.namedResult);
  const churned = account.renewalStatus === 'Churned';
  const assessment: Assessment = {
    account,
    segment,
    rung,
    rungName: RUNG_NAMES[rung],
    gate,
    evidence: [ladder.activity, ladder.adoption, ladder.outcome, ladder.result].map(
      ({ rung, holds, evidence }) => ({
        rung,
        holds,
        evidence,
      }),
    ),
    health,
    reasons,
    nextStep: nextStepOf(
      {
        account,
        segment,
        chain,
        ladder,
        health: healthReading,
        unansweredNo: no,
        replan,
        nextCheckDue: due,
        daysOverdue: overdue,
        validationDate,
        statement,
        teamDomains,
      },
      settings,
    ),
    nextCheckDue: due,
    daysOverdue: overdue,
    validationDate,
    progress,
    triage: healthReading.causes.includes('triage'),
    chain,
    resultWindowPassed: resultWindowPassed(account.startDate, segment?.resultWindowDays ?? null, rung, today),
    unansweredNo: no,
    movement: movementOf(rows.history, { rung, health }, today, settings),
    churned,
  };
  return churned ? leftTheLadder(assessment) : assessment;
}

/**
 * A churned account keeps its rung and health readings (Ladder history still records them), but says nothing a
 * CSM would act on: no reasons but the churn, no next step, no check due, never triage.
 */
function leftTheLadder(a: Assessment): Assessment {
  return {
    ...a,
    reasons: [CHURN_REASON],
    nextStep: '',
    nextCheckDue: null,
    daysOverdue: 0,
    triage: false,
    resultWindowPassed: false,
    unansweredNo: null,
  };
}

export const CHURN_REASON = 'Churned: left the ladder (still counted in the renewal lift)';

/** What a view shows for the rung: its name, or Churned. */
export function rungLabel(a: Assessment): RungLabel {
  return a.churned ? CHURNED : a.rungName;
}

/** What a view shows for health: Green, Yellow, Red, or Churned. */
export function healthLabel(a: Assessment): HealthLabel {
  return a.churned ? CHURNED : a.health;
}

/** The accounts on the ladder: every health count, triage list, reminder and next step reads only these. */
export function onLadder<T extends Pick<Assessment, 'churned'>>(assessments: readonly T[]): T[] {
  return assessments.filter((a) => !a.churned);
}

/** One Assessment per Accounts record, in sheet order; problems are the book's data problems. */
export function assessBook(
  book: Book,
  settings: Settings,
  today: Day,
): { assessments: Assessment[]; problems: Problem[] } {
  const assessments: Assessment[] = [];
  eachAssessment(book, settings, today, (a) => {
    assessments.push(a);
  });
  return { assessments, problems: [...book.problems] };
}

/**
 * Assesses every Accounts record in sheet order, handing each Assessment to `visit` as it is made. A caller that
 * keeps only a cell of each (the custom functions) lets the rest die young: on 50,000 accounts, holding every
 * Assessment until the end kept tens of MB alive through each young-generation collection, and the collector's
 * copying grew faster than the book (npm run bench, 50k/10k).
 */
export function eachAssessment(
  book: Book,
  settings: Settings,
  today: Day,
  visit: (assessment: Assessment) => void,
): void {
  // Parsing keeps the first of duplicate IDs; so do the positions (a later duplicate's rows are its first's).
  const accounts = new AccountSlots(book.accounts.map((a) => a.id));
  const usage = groupByAccount(book.usage, accounts);
  const results = groupByAccount(book.results, accounts);
  const checks = groupByAccount(book.checks, accounts);
  const history = groupHistory(book.history);
  const segmentOf = segmentIndex(book.segments);
  const teamDomains = teamDomainsOf(
    book.accounts.map((a) => a.owner),
    settings.allowedDomains,
  );
  // Positions are in Accounts order, so an account is at its own index unless an earlier row has its ID.
  let slot = 0;
  book.accounts.forEach((account) => {
    const own = accounts.idAt(slot) === account.id;
    const k = own ? slot++ : -1;
    visit(
      assessAccount(
        account,
        segmentOf(account),
        {
          usage: own ? usage[k] : NONE,
          results: own ? results[k] : NONE,
          checks: own ? checks[k] : NONE,
          history: history.get(account.id) ?? NONE,
        },
        today,
        settings,
        teamDomains,
      ),
    );
  });
}
