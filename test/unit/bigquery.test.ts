// The BigQuery path: bigquery/usage_summary.sql parses as BigQuery standard SQL, and the same steps run locally over
// the same product events give exactly the ladder that raw Usage rows give.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import bigquery from 'node-sql-parser/build/bigquery';
import { describe, expect, it } from 'vitest';
import { generateBook } from '../../local/generateBook';
import { seededRandom } from '../../local/random';
import { dayConverter, dayFromIso, isoOfDay } from '../../src/core/dates';
import { assessBook } from '../../src/core/evaluate';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import type { Book, Day } from '../../src/core/types';
import { decodeWeeks, summaryCovers, usageRecordsOf } from '../../src/core/usageSummary';
import { BIGQUERY_SUMMARY_COLUMNS, USAGE_SUMMARY_HEADERS } from '../../src/gas/usageSummary';
import { parseBook } from '../../src/sheets/parse';
import { SHEET } from '../../src/sheets/layout';

const SQL = readFileSync(join(__dirname, '../../bigquery/usage_summary.sql'), 'utf8');
const ZONE = 'America/New_York';
const AS_OF = dayFromIso('2026-11-24')!;

interface ProductEvent {
  readonly account_id: string;
  readonly user_id: string;
  readonly event_time: Date;
  readonly is_key_action: boolean;
}

/** Raw events for the generated accounts: a few users a week, some weeks silent, some accounts long gone quiet. */
function eventsFor(ids: readonly string[]): ProductEvent[] {
  const random = seededRandom(11);
  const events: ProductEvent[] = [];
  for (const id of ids) {
    const quietFor = random() < 0.2 ? Math.floor(random() * 20) * 7 : 0;
    for (let back = 0; back < 26 * 7; back += 1 + Math.floor(random() * 4)) {
      if (back < quietFor) continue;
      const users = Math.floor(random() * 12);
      for (let u = 0; u < users; u++) {
        const instant = (AS_OF - back) * 86_400_000 + Math.floor(random() * 86_400_000);
        events.push({
          account_id: random() < 0.02 ? ` ${id} ` : id,
          user_id: `u${u}`,
          event_time: new Date(instant),
          is_key_action: random() < 0.4,
        });
      }
    }
  }
  return events;
}

// ---- the SQL, step by step, in TypeScript (each step names the CTE it mirrors) ----

const dayOf = dayConverter(ZONE);
/** DATE_TRUNC(DATE(event_time, @time_zone), WEEK(MONDAY)) */
const weekOf = (t: Date): Day => {
  const d = dayOf(t) as Day;
  return d - ((d + 3) % 7); // 1970-01-01 was a Thursday: (d + 3) % 7 is 0 on Mondays
};

interface WeekRow {
  account_id: string;
  week: Day;
  active_users: number;
  key_actions: number;
}

/** weekly_usage */
function weeklyUsage(events: readonly ProductEvent[]): WeekRow[] {
  const groups = new Map<string, { row: WeekRow; users: Set<string> }>();
  for (const e of events) {
    const id = e.account_id.trim();
    if (id === '') continue;
    const week = weekOf(e.event_time);
    const key = `${id}|${week}`;
    let g = groups.get(key);
    if (!g) {
      g = { row: { account_id: id, week, active_users: 0, key_actions: 0 }, users: new Set() };
      groups.set(key, g);
    }
    g.users.add(e.user_id);
    if (e.is_key_action) g.row.key_actions++;
  }
  return [...groups.values()].map((g) => ({ ...g.row, active_users: g.users.size }));
}

/** The whole query: params → recent ∪ latest_older → one row per account. */
function usageSummarySql(events: readonly ProductEvent[], asOf: Day, settings: Settings): unknown[][] {
  const windowFrom = asOf - (Math.max(settings.activityWindowDays, 7 * settings.adoptionWeeksOf) - 1);
  const weekly = weeklyUsage(events);
  const recent = weekly.filter((u) => u.week >= windowFrom);
  const latestOlder = new Map<string, WeekRow>();
  for (const u of weekly) {
    if (u.week >= windowFrom || (u.active_users <= 0 && u.key_actions <= 0)) continue;
    const seen = latestOlder.get(u.account_id);
    if (!seen || u.week > seen.week) latestOlder.set(u.account_id, u);
  }
  const kept = [...recent, ...latestOlder.values()];
  const byAccount = new Map<string, string[]>();
  for (const k of kept) {
    const list = byAccount.get(k.account_id) ?? [];
    list.push(`${isoOfDay(k.week)} ${k.active_users} ${k.key_actions}`);
    byAccount.set(k.account_id, list);
  }
  return [...byAccount.keys()]
    .sort()
    .map((id) => [id, (byAccount.get(id) ?? []).join('; '), isoOfDay(windowFrom), isoOfDay(asOf), null]);
}

// ---- the two paths into the rules ----

function bookWithRawUsage(sheets: Record<string, unknown[][]>, events: readonly ProductEvent[]): Book {
  const usage = [
    ['Week', 'Account ID', 'Active users', 'Key actions'],
    ...weeklyUsage(events).map((u) => [isoOfDay(u.week), u.account_id, u.active_users, u.key_actions]),
  ];
  return parseBook({ accounts: sheets[SHEET.accounts], segments: sheets[SHEET.segments], usage }, dayOf);
}

function bookWithSummary(
  sheets: Record<string, unknown[][]>,
  summary: readonly unknown[][],
  today: Day,
): Book {
  const book = parseBook({ accounts: sheets[SHEET.accounts], segments: sheets[SHEET.segments] }, dayOf);
  const usage = summary.flatMap((row, i) => {
    const weeks = decodeWeeks(String(row[1]));
    const from = dayFromIso(String(row[2]));
    const asOf = dayFromIso(String(row[3]));
    if (weeks === null || from === null || asOf === null) throw new Error(`summary row ${i + 2} is damaged`);
    expect(summaryCovers(from, asOf, today, DEFAULT_SETTINGS)).toBe(true);
    return usageRecordsOf(String(row[0]), weeks, i + 2);
  });
  return { ...book, usage };
}

const ladderOf = (book: Book, today: Day) =>
  assessBook(book, DEFAULT_SETTINGS, today).assessments.map((a) => ({
    id: a.account.id,
    rung: a.rungName,
    health: a.health,
    reasons: a.reasons,
    evidence: a.evidence,
    nextStep: a.nextStep,
  }));

describe('bigquery/usage_summary.sql', () => {
  it("parses as BigQuery standard SQL and returns the Usage summary sheet's columns, in order", () => {
    const parser = new bigquery.Parser();
    const ast = parser.astify(SQL, { database: 'bigquery' });
    const select = (Array.isArray(ast) ? ast[0] : ast) as unknown as {
      type: string;
      columns: { as: string | null }[];
      with: { name: { value: string } }[] | null;
    };
    expect(select.type).toBe('select');
    expect(select.columns.map((c) => c.as)).toEqual([
      'account_id',
      'usage_weeks',
      'window_from',
      'as_of',
      'usage_rows',
    ]);
    // The add-on reads an extract whose header is these names (src/gas/usageSummary.ts, summaryToRead).
    expect(select.columns.map((c) => c.as)).toEqual([...BIGQUERY_SUMMARY_COLUMNS]);
    expect(USAGE_SUMMARY_HEADERS).toEqual(['Account ID', 'Usage weeks', 'From', 'As of', 'Usage rows']);
    expect((select.with ?? []).map((w) => w.name.value)).toEqual([
      'params',
      'weekly_usage',
      'recent',
      'latest_older',
      'kept',
    ]);
    for (const param of ['@as_of', '@time_zone', '@activity_window_days', '@adoption_weeks_of'])
      expect(SQL).toContain(param);
  });

  it('gives the same ladder as raw Usage on the same events, on the day and on later days', () => {
    const sheets = generateBook({ accounts: 400, weeks: 1, today: '2026-11-24', timeZone: ZONE });
    const ids = sheets[SHEET.accounts].slice(1).map((r) => String(r[0]));
    const events = eventsFor(ids);
    const summary = usageSummarySql(events, AS_OF, DEFAULT_SETTINGS);
    expect(summary.length).toBeGreaterThan(300);
    for (const today of [AS_OF, AS_OF + 3, AS_OF + 10]) {
      // Events after the summary's day would be in Usage but not in the summary: compare on the same events.
      const upTo = events.filter((e) => (dayOf(e.event_time) as Day) <= AS_OF);
      const raw = ladderOf(bookWithRawUsage(sheets, upTo), today);
      const viaSummary = ladderOf(bookWithSummary(sheets, summary, today), today);
      expect(viaSummary).toEqual(raw);
    }
    // The books differ in how much usage they carry, not in what the rules read.
    const rungs = new Set(ladderOf(bookWithRawUsage(sheets, events), AS_OF).map((a) => a.rung));
    expect(rungs.size).toBeGreaterThan(2);
  });
});
