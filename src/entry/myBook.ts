// My book: the signed-in CSM's accounts (every account for the leader) with the lists a CSM acts on today.
import { assessedBook, problemView, problemsOfAccounts } from './accountView';
import { isoOfDay } from '../core/dates';
import { healthLabel, onLadder, rungLabel } from '../core/evaluate';
import { redGroups } from '../core/redActions';
import { type Assessment, type Health, HEALTHS, RUNG_NAMES, type RungName } from '../core/types';
import { pendingAsksOf } from '../confirmations/gas/askSheet';
import { currentUserEmail } from '../gas/settingsStore';
import { SHEET } from '../sheets/layout';
import {
  type BookAccountView,
  type BookTallyView,
  type MyBookView,
  PROBLEMS_SHOWN,
  type ProblemView,
  type WaitingAskView,
} from './sidebarTypes';

// ---------- my book ----------

function bookAccountOf(a: Assessment): BookAccountView {
  return {
    row: a.account.row,
    id: a.account.id,
    name: a.account.name,
    owner: a.account.owner,
    segment: a.account.segment,
    rungName: rungLabel(a),
    health: healthLabel(a),
    nextStep: a.nextStep,
    nextCheckDue: a.nextCheckDue === null ? null : isoOfDay(a.nextCheckDue),
    daysOverdue: a.daysOverdue,
    triage: a.triage,
    reasons: [...a.reasons],
    stalled: a.movement.stalled,
    chainGap: chainGapOf(a),
  };
}

/** A leader's lists stop here, each with its full count: 10,000 accounts would be a 100 KB reply and an unreadable tab. */
export const LEADER_LIST_CAP = 100;

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The pending asks on the accounts shown that the signed-in CSM made or owns, oldest first: one read of the hidden
 * Confirmation asks sheet (one row per ask), none when it does not exist yet.
 */
function waitingAsks(shown: readonly Assessment[], user: string, isLeader: boolean): WaitingAskView[] {
  const byId = new Map(shown.map((a) => [a.account.id, a.account]));
  return pendingAsksOf(SpreadsheetApp.getActiveSpreadsheet(), Date.now())
    .flatMap((ask) => {
      const account = byId.get(ask.accountId);
      if (!account) return [];
      const theirs =
        isLeader || (user !== '' && (sameEmail(ask.askedBy, user) || sameEmail(account.owner, user)));
      if (!theirs) return [];
      return [
        {
          row: account.row,
          accountId: account.id,
          accountName: account.name,
          validator: ask.validator || ask.email,
          askedOn: ask.askedOn.slice(0, 10),
        },
      ];
    })
    .sort((x, y) => x.askedOn.localeCompare(y.askedOn));
}

/** getMyBook: the signed-in CSM's accounts (every account for the leader), from one read of each sheet. */
export function getMyBook(): MyBookView {
  const book = assessedBook();
  const { loaded, settings } = book;
  const user = currentUserEmail();
  const isLeader = user !== '' && settings.leaderEmail !== '' && sameEmail(user, settings.leaderEmail);
  const mine = book.assessments.filter((a) => user !== '' && sameEmail(a.account.owner, user));
  const scope = isLeader || mine.length === 0 ? 'all' : 'mine';
  const shown = scope === 'all' ? book.assessments : mine;
  const rungCounts = Object.fromEntries(RUNG_NAMES.map((n) => [n, 0])) as Record<RungName, number>;
  const healthCounts = Object.fromEntries(HEALTHS.map((h) => [h, 0])) as Record<Health, number>;
  // Churned accounts have left the ladder (docs/rules.md §2): in the list, but in no count and no to-do list.
  const active = onLadder(shown);
  for (const a of active) {
    rungCounts[a.rungName]++;
    healthCounts[a.health]++;
  }
  const today = loaded.today;
  const dueBy = today + settings.dueSoonDays;
  const checksDue = active
    .filter((a) => a.daysOverdue === 0 && a.nextCheckDue !== null && a.nextCheckDue <= dueBy)
    .sort((x, y) => (x.nextCheckDue ?? 0) - (y.nextCheckDue ?? 0));
  const overdue = active.filter((a) => a.daysOverdue > 0).sort((x, y) => y.daysOverdue - x.daysOverdue);
  const stalled = active
    .filter((a) => a.movement.stalled)
    .sort((x, y) => (y.movement.daysOnRung ?? 0) - (x.movement.daysOnRung ?? 0));
  // Red accounts that are most overdue come first inside their group.
  const redOrder = [...active].sort((x, y) => y.daysOverdue - x.daysOverdue || x.account.row - y.account.row);
  const allProblems =
    scope === 'all'
      ? book.problems.map(problemView)
      : problemsOfAccounts(
          book.problems,
          loaded,
          shown.map((a) => a.account),
        );
  const accountsTable = loaded.tables.accounts;
  const triage = shown.filter((a) => a.triage);
  const cap = scope === 'all' ? LEADER_LIST_CAP : Number.POSITIVE_INFINITY;
  const first = <T>(list: readonly T[]): T[] => (list.length > cap ? list.slice(0, cap) : [...list]);
  return {
    user,
    isLeader,
    scope,
    asOf: isoOfDay(today),
    sheetGid: accountsTable ? accountsTable.sheet.getSheetId() : null,
    accounts: first(shown).map(bookAccountOf),
    rungCounts,
    healthCounts,
    red: redGroups(first(redOrder), bookAccountOf),
    triage: first(triage).map(bookAccountOf),
    checksDue: first(checksDue).map(bookAccountOf),
    overdue: first(overdue).map(bookAccountOf),
    stalled: first(stalled).map(bookAccountOf),
    // A leader's whole-book list could run to thousands: the first ones, and the count.
    problems: scope === 'all' ? allProblems.slice(0, PROBLEMS_SHOWN) : allProblems,
    problemsTotal: allProblems.length,
    totals: {
      accounts: shown.length,
      triage: triage.length,
      checksDue: checksDue.length,
      overdue: overdue.length,
      problems: allProblems.length,
    },
    usageFreshness: book.usageFreshness,
    ...(book.usageStale ? { usageStale: true } : {}),
    stalledKnown: book.movementKnown,
    waiting: first(waitingAsks(shown, user, isLeader)),
    ...worklists(active, first),
    tally: tallyOf(shown, active, allProblems),
  };
}

// ---------- issue 25: counts that add up, chain gaps and results to validate ----------

/** The chain's gap in words ('' when the chain is complete and measured): what the chain form fixes. */
function chainGapOf(a: Assessment): string {
  if (a.churned) return '';
  if (!a.chain.complete) return a.chain.text;
  if (a.account.baseline === null || a.account.target === null) return 'No numeric baseline and target';
  return '';
}

/**
 * My book's two lists beside the mail's (issue 25): chain gaps (the chain form fixes them) and results that moved but
 * wait for attribution or validation (on Outcome: docs/rules.md §1, the Result rung needs both).
 */
function worklists(
  active: readonly Assessment[],
  first: (list: readonly Assessment[]) => Assessment[],
): Pick<MyBookView, 'chainGaps' | 'toValidate'> {
  const chainGaps = active.filter((a) => chainGapOf(a) !== '');
  const toValidate = active.filter((a) => a.rung === 3);
  return {
    chainGaps: first(chainGaps).map(bookAccountOf),
    toValidate: first(toValidate).map(bookAccountOf),
  };
}

/** Accounts rows the book leaves out, as their data problem says it (sheets/rowBuilders.ts: "…; this row is ignored"). */
const IGNORED_ROW = /this row is ignored/i;

/**
 * How the accounts shown add up: the tiles count the accounts on the ladder; churned accounts are listed but counted
 * nowhere (docs/rules.md §2); an ignored row (a duplicate Account ID) is in no list at all. Each is named.
 */
function tallyOf(
  shown: readonly Assessment[],
  active: readonly Assessment[],
  problems: readonly ProblemView[],
): BookTallyView {
  const ignored = problems.filter((p) => p.sheet === SHEET.accounts && IGNORED_ROW.test(p.message));
  return {
    rows: shown.length + ignored.length,
    onLadder: active.length,
    churned: shown
      .filter((a) => a.churned)
      .map((a) => ({ row: a.account.row, id: a.account.id, name: a.account.name })),
    ignored,
  };
}
