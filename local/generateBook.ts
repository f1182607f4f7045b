// Deterministic generated workbooks (seeded): every rung and health represented, sized for the bench and the tests.
import { dateOfDay, dayFromIso } from '../src/core/dates';
import type { Day, ValidatorRole } from '../src/core/types';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../src/sheets/layout';
import { seededRandom } from './random';

export interface GenerateOptions {
  readonly accounts: number;
  /** Weeks of Usage per account, ending at `today`. */
  readonly weeks: number;
  readonly seed?: number;
  /** The book's "today", ISO `YYYY-MM-DD`. */
  readonly today: string;
  /** Dates are midnight of their day in this zone (as Sheets holds them); default 'Etc/UTC'. */
  readonly timeZone?: string;
}

/** Where an account is meant to land; the rules decide where it does. */
type Story = 'triage' | 'dormant' | 'active' | 'adopted' | 'moving' | 'validated' | 'stale' | 'wrongRole';

const STORIES: readonly [Story, number][] = [
  ['triage', 0.1],
  ['dormant', 0.08],
  ['active', 0.14],
  ['adopted', 0.2],
  ['moving', 0.18],
  ['validated', 0.18],
  ['stale', 0.07],
  ['wrongRole', 0.05],
];

const PAINS = [
  'Month-end reporting takes 5 days of analyst time',
  'Support backlog sits at 400 open tickets',
  'Onboarding a new client takes 30 days',
  'Invoice errors cost about $20,000 a quarter',
  'Two hours a day go to copying data between tools',
];
const VALUES = [
  'Reports build themselves from the live data',
  'Tickets are routed to the right team automatically',
  'Client setup follows one guided checklist',
  'Invoices are checked before they go out',
  'The tools share one record, so nothing is copied',
];
const RESULTS: readonly { text: string; metric: string; baseline: number; target: number }[] = [
  { text: 'Cut month-end reporting from 5 days to 2', metric: 'Reporting days', baseline: 5, target: 2 },
  { text: 'Reduce open tickets from 400 to 150', metric: 'Open tickets', baseline: 400, target: 150 },
  { text: 'Onboard clients in 10 days instead of 30', metric: 'Onboarding days', baseline: 30, target: 10 },
  {
    text: 'Raise first-pass invoice accuracy to 99%',
    metric: 'Invoice accuracy %',
    baseline: 92,
    target: 99,
  },
  {
    text: 'Grow qualified pipeline 40% in two quarters',
    metric: 'Pipeline ($k)',
    baseline: 500,
    target: 700,
  },
];
const COMPANIES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark',
  'Wayne',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
];
const KINDS = ['Labs', 'Health', 'Logistics', 'Foods', 'Capital', 'Media', 'Energy', 'Retail'];
const OWNERS = ['ana', 'ben', 'chloe', 'dev', 'emma', 'farid'];
const SEGMENT_ROLES: Record<string, readonly ValidatorRole[]> = {
  SMB: ['Buyer'],
  'Mid-Market': ['Team lead', 'Manager'],
  Enterprise: ['Executive sponsor'],
};

export function generateBook(options: GenerateOptions): Record<string, unknown[][]> {
  const { accounts: count, weeks } = options;
  const random = seededRandom(options.seed ?? 42);
  const timeZone = options.timeZone ?? 'Etc/UTC';
  const today = dayFromIso(options.today);
  if (today === null) throw new Error(`generateBook: today '${options.today}' is not YYYY-MM-DD`);
  // Dates repeat (52 week dates across every account): build each Date once per day.
  const dates = new Map<Day, Date>();
  const date = (day: Day): Date => {
    let d = dates.get(day);
    if (!d) {
      d = dateOfDay(day, timeZone);
      dates.set(day, d);
    }
    return d;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const story = (): Story => {
    let r = random();
    for (const [s, p] of STORIES) {
      r -= p;
      if (r < 0) return s;
    }
    return 'adopted';
  };

  const accounts: unknown[][] = [[...HEADERS.accounts]];
  const results: unknown[][] = [[...HEADERS.results]];
  const checks: unknown[][] = [[...HEADERS.checks]];
  const plans: { id: string; story: Story; bar: number }[] = [];
  // Usage weeks: the last `weeks` weeks, the newest a few days before today (a weekly export lags).
  const newestWeek = today - 2;

  for (let i = 0; i < count; i++) {
    const id = `A${String(i + 1).padStart(6, '0')}`;
    const segment = DEFAULT_SEGMENTS[random() < 0.5 ? 0 : random() < 0.6 ? 1 : 2];
    const segName = segment[0];
    const bar = segment[3];
    const s = story();
    // Accounts still climbing are mostly young (inside their result window); results take longer.
    const young =
      s === 'triage' || s === 'active' || s === 'adopted' || s === 'moving' ? random() < 0.6 : false;
    const start = young ? today - int(20, 85) : today - int(120, 700);
    const result = pick(RESULTS);
    // Three of the five results measure a falling metric (days, tickets), two a rising one.
    const { baseline, target } = result;
    const roles = SEGMENT_ROLES[segName];
    const triageNoResult = s === 'triage' && random() < 0.5;
    const validatorRole: ValidatorRole = s === 'wrongRole' ? 'User' : roles[0];
    const renewed = random() < (s === 'validated' || s === 'stale' ? 0.85 : s === 'triage' ? 0.4 : 0.6);
    const decided = random() < 0.5;
    accounts.push([
      id,
      `${pick(COMPANIES)} ${pick(KINDS)} ${i + 1}`,
      segName,
      `${pick(OWNERS)}@acme.example`,
      date(start),
      date(start + 365),
      // A few pains are too vague to measure, as in a real book.
      random() < 0.05 ? 'Reporting is slow and painful' : pick(PAINS),
      pick(VALUES),
      triageNoResult ? '' : result.text,
      result.metric,
      baseline,
      target,
      s === 'triage' && !triageNoResult ? '' : `Val ${i + 1}`,
      validatorRole,
      decided ? (renewed ? 'Renewed' : 'Churned') : 'Open',
    ]);
    plans.push({ id, story: s, bar });

    const step = (target - baseline) / 4;
    if (s === 'moving' || s === 'validated' || s === 'stale' || s === 'wrongRole') {
      const validatedRow = (day: Day, role: ValidatorRole, fraction: number) =>
        results.push([
          date(day),
          id,
          baseline + (target - baseline) * fraction,
          'Yes',
          `Val ${i + 1}`,
          role,
          'We close the books faster now',
          'Monthly report',
          'ana@acme.example',
        ]);
      results.push([
        date(start + 60),
        id,
        baseline + step,
        s === 'moving' ? 'No' : 'Yes',
        '',
        '',
        '',
        '',
        'ana@acme.example',
      ]);
      const validatedOn = s === 'stale' ? today - int(120, 200) : today - int(5, 60);
      if (s !== 'moving') {
        for (const role of s === 'wrongRole' ? (['User'] as ValidatorRole[]) : roles)
          validatedRow(validatedOn, role, 0.75);
      }
    }
    checks.push([date(start + 7), id, 'Kickoff', 'Yes', '', 'ana@acme.example']);
    if (today - start > 90) {
      const named = s === 'validated' || s === 'stale' || (s !== 'triage' && random() < 0.5);
      checks.push([date(start + 90), id, '90-day', named ? 'Yes' : 'No', '', 'ana@acme.example']);
      if (s === 'validated' || s === 'moving') {
        checks.push([
          date(today - int(10, 80)),
          id,
          '90-day',
          s === 'validated' ? 'Yes' : random() < 0.5 ? 'Yes' : 'No',
          '',
          '',
        ]);
      }
    }
  }

  // Usage is appended a week at a time, as a weekly export would be: week-major, oldest first.
  const usage: unknown[][] = new Array(1 + count * weeks);
  usage[0] = [...HEADERS.usage];
  let n = 1;
  for (let w = weeks - 1; w >= 0; w--) {
    const week = date(newestWeek - 7 * w);
    const recent = w < 6;
    for (const { id, story: s, bar } of plans) {
      let users: number;
      if (s === 'dormant' && recent) users = 0;
      else if (s === 'active' || s === 'triage' || s === 'dormant') users = int(1, Math.max(1, bar - 1));
      else users = bar + int(0, bar);
      usage[n++] = [week, id, users, users === 0 ? 0 : users * int(3, 12)];
    }
  }

  return {
    [SHEET.segments]: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
    [SHEET.accounts]: accounts,
    [SHEET.usage]: usage,
    [SHEET.results]: results,
    [SHEET.checks]: checks,
    [SHEET.history]: [[...HEADERS.history]],
  };
}
