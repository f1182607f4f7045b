// The reminder plan: reads the book once, assesses it and decides what each digest gets; sends nothing.
import { assessBook } from '../../core/evaluate';
import { isoOfDay } from '../../core/dates';
import { type EmailContext, type RenderedEmail, renderDigest, rowLink } from '../render/emails';
import { problemIdentityIn, type ProblemRows } from '../core/problemKeys';
import {
  allowedDomainsOf,
  type Decision,
  decideDelivery,
  planReminders,
  scheduleText,
} from '../core/planning';
import type { Digest } from '../core/types';
import type { Settings } from '../../core/settings';
import type { Day } from '../../core/types';
import { type LoadedBook, loadBook, RULE_SHEETS } from '../../gas/book';
import { futureHistoryProblems } from '../../core/history';
import { remainingQuota } from '../gas/mail';
import { askWindowDays } from '../core/items';
import { pendingAsksOf } from '../../confirmations/gas/askSheet';
import { type Ledger, sentKeysOf } from '../gas/ledger';
import { SHEET } from '../../sheets/layout';
import type { PreviewStatus, ReminderPreview, ReminderPreviewDigest } from './types';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface PlannedDigest {
  readonly digest: Digest;
  readonly decision: Decision;
  readonly email: RenderedEmail;
  readonly linkOf: (sheet: string, row: number) => string;
}

export interface Plan {
  readonly loaded: LoadedBook;
  readonly settings: Settings;
  readonly settingsProblems: readonly string[];
  readonly assessments: ReturnType<typeof assessBook>['assessments'];
  readonly today: Day;
  readonly quota: number;
  readonly digests: readonly PlannedDigest[];
  /** Data problems the run itself found (history rows dated after today), for its log row. */
  readonly runNotes: readonly string[];
}

/** Links to rows, with each sheet's id looked up once (a handful of calls, never one per row). */
function linker(ss: Spreadsheet, loaded: LoadedBook): (sheet: string, row: number) => string {
  const url = ss.getUrl();
  const ids = new Map<string, number>();
  const sheets = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();
  for (const t of Object.values(loaded.tables)) if (t?.sheet) sheets.set(t.sheet.getName(), t.sheet);
  // Problems name a sheet by its spec name; a renamed sheet found by its mark answers to that name too.
  for (const [key, t] of Object.entries(loaded.tables)) {
    const specName = SHEET[key as keyof typeof SHEET];
    if (t?.sheet && !sheets.has(specName)) sheets.set(specName, t.sheet);
  }
  return (sheet, row) => {
    let id = ids.get(sheet);
    if (id === undefined) {
      const found = sheets.get(sheet) ?? ss.getSheetByName(sheet);
      id = found ? found.getSheetId() : 0;
      ids.set(sheet, id);
    }
    return rowLink(url, id, row);
  };
}

/** The rows each data problem can be looked up in, from what loadBook already read. */
function problemRows(loaded: LoadedBook): Map<string, ProblemRows> {
  const out = new Map<string, ProblemRows>();
  for (const t of Object.values(loaded.tables)) {
    if (!t?.sheet) continue;
    const cols = t.columns;
    const dateColumn = cols.Week ?? cols.Date ?? -1;
    out.set(t.sheet.getName(), { values: t.values, accountColumn: cols['Account ID'] ?? -1, dateColumn });
  }
  return out;
}

/** Reads the rule sheets once, assesses the book and decides each digest; `ledger` says what already went. */
export function plan(
  ss: Spreadsheet,
  user: string,
  settings: Settings,
  settingsProblems: readonly string[],
  ledger: Ledger,
): Plan {
  const loaded = loadBook(RULE_SHEETS, ss);
  const today = loaded.today;
  const { assessments, problems } = assessBook(loaded.book, settings, today);
  // A history row dated after today (2027 typed for 2026) is ignored by the rules and reported here.
  const future = futureHistoryProblems(loaded.book.history, today, SHEET.history);
  const allProblems = [...problems, ...future];
  // Far enough back for every item's hold: remind-every, and an unanswered ask's whole window (said once).
  const sent = sentKeysOf(ledger, today - Math.max(1, settings.remindEveryDays, askWindowDays(settings)));
  const asks = pendingAsksOf(ss, Date.now()).flatMap((ask) => {
    const askedOn = loaded.dayOf(new Date(ask.askedOn));
    return askedOn === null
      ? []
      : [{ askId: ask.askId, accountId: ask.accountId, validator: ask.validator, askedOn }];
  });
  const isoOf = (d: Date) => {
    const day = loaded.dayOf(d);
    return day === null ? '' : isoOfDay(day);
  };
  const digests = planReminders({
    assessments,
    problems: allProblems,
    settings,
    today,
    sent,
    accountsSheet: SHEET.accounts,
    problemIdentity: problemIdentityIn(problemRows(loaded), isoOf),
    asks,
  });
  const quota = remainingQuota();
  const allowed = allowedDomainsOf(settings, user);
  const linkOf = linker(ss, loaded);
  const context: EmailContext = {
    bookName: ss.getName(),
    linkOf,
    remindersOwner: settings.remindersOwner,
    schedule: scheduleText(settings, loaded.timeZone),
    remindEveryDays: settings.remindEveryDays,
    day: isoOfDay(today),
    bookUrl: ss.getUrl(),
  };
  const planned = decideDelivery(digests, quota, allowed).map(({ digest, decision }) => ({
    digest,
    decision,
    email: renderDigest(digest, context),
    linkOf,
  }));
  const runNotes = future.length
    ? [
        `${future.length} Ladder history ${future.length === 1 ? 'row is' : 'rows are'} dated after today and ignored (${future
          .map((p) => `row ${p.row}`)
          .slice(0, 5)
          .join(', ')})`,
      ]
    : [];
  return { loaded, settings, settingsProblems, assessments, today, quota, digests: planned, runNotes };
}

function statusOf(decision: Decision): PreviewStatus {
  if (decision.status === 'send') return 'would send';
  if (decision.status === 'defer') return 'defer';
  return `skip: ${decision.reason}`;
}

export function previewOf(p: Plan): ReminderPreview {
  return {
    today: isoOfDay(p.today),
    quota: p.quota,
    problems: p.settingsProblems,
    digests: p.digests.map(
      ({ digest, decision, email, linkOf }): ReminderPreviewDigest => ({
        recipient: digest.recipient,
        kind: digest.kind,
        subject: email.subject,
        items: email.shown.length,
        status: statusOf(decision),
        urgency: digest.urgency,
        moreItems: digest.items.length - email.shown.length + digest.moreItems,
        itemList: email.shown.map((i) => ({
          key: i.key,
          accountId: i.accountId,
          accountName: i.accountName,
          sheet: i.sheet,
          row: i.row,
          kind: i.kind,
          text: i.text,
          link: linkOf(i.sheet, i.row),
        })),
        text: email.text,
        html: email.html,
      }),
    ),
  };
}
