// The demo book of the local preview: a small CS team's workbook where every rung, health reason and data problem shows.
import { dateOfDay, dayFromIso } from '../src/core/dates';
import { type Health, RUNG_NAMES, type Rung } from '../src/core/types';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../src/sheets/layout';
import { seededRandom } from './random';

export interface DemoBookOptions {
  /** The day the book is written for, 'YYYY-MM-DD': usage, results and checks are placed relative to it. */
  readonly today: string;
  /** Dates are the instants of midnight in this zone, as Sheets hands them to the script. */
  readonly timeZone: string;
}

/** The team: three CSMs and a leader, all on one domain so the reminders' default domain rule admits them. */
export const DEMO_DOMAIN = 'acme.example';
export const DEMO_LEADER = `lead@${DEMO_DOMAIN}`;
const MAYA = `maya.chen@${DEMO_DOMAIN}`;
const JONAS = `jonas.weber@${DEMO_DOMAIN}`;
const PRIYA = `priya.nair@${DEMO_DOMAIN}`;
const SAM = `sam.ortiz@${DEMO_DOMAIN}`;

type SegmentName = 'SMB' | 'Mid-Market' | 'Enterprise';

/**
 * What an account's records are built to show. The rules decide the rung and health; `expect` is only
 * what the story intends, used to write a Ladder history row that agrees with today's state.
 */
type Story =
  | 'triage-no-result' // no named result and no validator
  | 'triage-no-validator' // a named result nobody will validate
  | 'dormant' // used the product once, nothing in the activity window
  | 'light' // used, below the segment's weekly-user bar
  | 'adopted' // enough weekly users, no result measured yet
  | 'fading' // was adopted, usage dropped in the last four weeks
  | 'window-passed' // adopted, past the result window with nothing measured
  | 'outcome' // the metric moved, not attributed to the product
  | 'wrong-role' // attributed and validated, by a role the segment does not accept
  | 'half-validated' // an A + B segment where only one of the two roles validated
  | 'falling' // the metric moved toward target and is sliding back
  | 'result' // validated by the right role within the check interval
  | 'result-after-no' // said No at the 90-day check, then delivered a validated result
  | 'result-stale' // validated long ago; the 90-day check was done, the validation is older than the interval
  | 'check-overdue' // validated long ago and the 90-day check is more than 14 days late
  | 'unanswered-no' // the 90-day check said No and nothing was validated since
  | 'churned'; // renewal passed, churned, never named a result

interface Plan {
  readonly id: string;
  readonly name: string;
  readonly segment: SegmentName | string;
  readonly owner: string;
  readonly story: Story;
  /** Days between the start date and today. */
  readonly startAgo: number;
  /** Which chain of the segment's list to use. */
  readonly chain: number;
  readonly renewal?: 'Renewed' | 'Churned';
  /** Ladder history as [days ago, rung, health]; default: one row agreeing with today's state. */
  readonly history?: readonly (readonly [number, Rung, Health])[];
  /** Cells written as given, to plant a data problem. */
  readonly override?: Readonly<Partial<Record<(typeof HEADERS.accounts)[number], unknown>>>;
  /** No history: an account someone just added. */
  readonly isNew?: boolean;
  /** A row typed by mistake: it gets no usage, results or checks of its own. */
  readonly noRecords?: boolean;
  /** For a `result` story: how many days ago the result was validated (else 10–30, seeded). */
  readonly validatedAgo?: number;
}

interface Chain {
  readonly pain: string;
  readonly value: string;
  readonly result: string;
  readonly metric: string;
  readonly baseline: number;
  readonly target: number;
}

const CHAINS: Record<SegmentName, readonly Chain[]> = {
  SMB: [
    {
      pain: 'Front desk spends 10 hours a week phoning patients about appointments',
      value: 'Reminders go out by text on their own; patients confirm with one tap',
      result: 'Cut no-shows from 18% to 8% within a quarter',
      metric: 'No-show rate (%)',
      baseline: 18,
      target: 8,
    },
    {
      pain: 'Month-end close takes 6 working days of manual reconciliation',
      value: 'Bank feeds reconcile themselves; only exceptions need a person',
      result: 'Close the books in 2 days instead of 6',
      metric: 'Days to close',
      baseline: 6,
      target: 2,
    },
    {
      pain: 'About 12 online orders a week get lost between the website and the kitchen',
      value:
        'Every order lands on the kitchen screen the moment it is paid, so no ticket is lost between till and kitchen',
      result: 'Zero missed online orders per week',
      metric: 'Missed orders per week',
      baseline: 12,
      target: 0,
    },
    {
      pain: 'Quotes take two days to reach the customer, and a third of them are lost',
      value: 'Quotes are filled from the job sheet and sent from the van, without a trip back to the office',
      result: 'Send every quote within 4 hours',
      metric: 'Hours to send a quote',
      baseline: 48,
      target: 4,
    },
  ],
  'Mid-Market': [
    {
      pain: 'Carriers are booked by email and 30% of loads leave late',
      value: 'One board for every load, carrier and pickup slot',
      result: 'On-time dispatch up from 70% to 92%',
      metric: 'On-time dispatch (%)',
      baseline: 70,
      target: 92,
    },
    {
      pain: 'New claims wait 12 days for a first review',
      value: 'Claims are routed to the right adjuster as they arrive, instead of waiting in a shared inbox',
      result: 'First review within 3 days for every claim',
      metric: 'Days to first review',
      baseline: 12,
      target: 3,
    },
    {
      pain: 'Store managers spend 6 hours every Sunday rebuilding staff schedules',
      value:
        'Schedules are drafted from the sales forecast, so managers approve them instead of building them',
      result: 'Cut weekly overtime hours by 25%',
      metric: 'Weekly overtime hours',
      baseline: 400,
      target: 300,
    },
    {
      pain: 'A new hire waits three weeks of IT tickets before they can work',
      value: 'Accounts and devices are provisioned from one onboarding form',
      result: 'Cut the wait for a working new hire from 15 days to 2',
      metric: 'Days until a new hire can work',
      baseline: 15,
      target: 2,
    },
  ],
  Enterprise: [
    {
      pain: 'Regulatory reports take 9 analysts three weeks every quarter',
      value:
        'Report data is assembled from the source systems with an audit trail, so analysts review numbers instead of copying them',
      result: 'Cut quarterly reporting effort by 40%',
      metric: 'Analyst hours per quarter',
      baseline: 1080,
      target: 650,
    },
    {
      pain: 'Field technicians need a second visit for 35% of repairs',
      value:
        'Parts, manuals and asset history are on the technician’s tablet, so the fix happens on the first visit',
      result: 'First-time fix rate from 65% to 85%',
      metric: 'First-time fix rate (%)',
      baseline: 65,
      target: 85,
    },
    {
      pain: 'Access reviews have produced audit findings three years running',
      value: 'Access reviews are run, signed and evidenced in one place',
      result: 'Zero access-review exceptions in the annual audit',
      metric: 'Audit exceptions',
      baseline: 14,
      target: 0,
    },
    {
      pain: 'One customer in five churns in their first year',
      value:
        'Onboarding journeys are triggered by what customers actually do, instead of a fixed email calendar',
      result: 'First-year churn down from 22% to 15%',
      metric: 'First-year churn (%)',
      baseline: 22,
      target: 15,
    },
  ],
};

/** Validators by the role each segment accepts; Mid-Market needs both a team lead and a manager. */
const PEOPLE: Record<SegmentName, readonly (readonly [string, string])[]> = {
  SMB: [
    ['Dana Lopez', 'Buyer'],
    ['Omar Haddad', 'Buyer'],
    ['Grace Whitfield', 'Buyer'],
    ['Luis Romero', 'Buyer'],
  ],
  'Mid-Market': [
    ['Chris Park', 'Team lead'],
    ['Aisha Bello', 'Team lead'],
    ['Tom Becker', 'Team lead'],
    ['Nadia Petrova', 'Team lead'],
  ],
  Enterprise: [
    ['Eleanor Vance', 'Executive sponsor'],
    ['Rajesh Iyer', 'Executive sponsor'],
    ['Margaret Cole', 'Executive sponsor'],
    ['Henrik Lund', 'Executive sponsor'],
  ],
};
const MANAGERS = ['Paula Reyes', 'Ben Okafor', 'Sofia Marin', 'Kenji Sato'];

const PLANS: readonly Plan[] = [
  // SMB
  {
    id: 'AC-1001',
    name: 'Brightline Dental',
    segment: 'SMB',
    owner: MAYA,
    story: 'result',
    startAgo: 130,
    chain: 0,
    validatedAgo: 25,
    history: [
      [120, 1, 'Yellow'],
      [75, 2, 'Yellow'],
      [40, 3, 'Yellow'],
      [25, 4, 'Green'],
    ],
  },
  {
    id: 'AC-1002',
    name: 'Juniper Bakery Co.',
    segment: 'SMB',
    owner: MAYA,
    story: 'result-after-no',
    startAgo: 160,
    chain: 2,
  },
  {
    id: 'AC-1003',
    name: 'Harbor Yoga Studio',
    segment: 'SMB',
    owner: MAYA,
    story: 'light',
    startAgo: 35,
    chain: 0,
  },
  {
    id: 'AC-1004',
    name: 'Pinecrest Realty',
    segment: 'SMB',
    owner: PRIYA,
    story: 'wrong-role',
    startAgo: 70,
    chain: 3,
  },
  {
    id: 'AC-1005',
    name: 'Copper Kettle Cafe',
    segment: 'SMB',
    owner: MAYA,
    story: 'dormant',
    startAgo: 50,
    chain: 2,
  },
  {
    id: 'AC-1006',
    name: 'Bluebird Veterinary',
    segment: 'SMB',
    owner: PRIYA,
    story: 'triage-no-result',
    startAgo: 40,
    chain: 0,
  },
  {
    id: 'AC-1007',
    name: 'Summit Bike Works',
    segment: 'SMB',
    owner: MAYA,
    story: 'adopted',
    startAgo: 55,
    chain: 3,
  },
  {
    id: 'AC-1008',
    name: 'Lakeside Tutoring',
    segment: 'SMB',
    owner: PRIYA,
    story: 'result-stale',
    startAgo: 400,
    chain: 1,
    renewal: 'Renewed',
  },
  {
    id: 'AC-1009',
    name: 'Maple & Main Florist',
    segment: 'SMB',
    owner: MAYA,
    story: 'unanswered-no',
    startAgo: 82,
    chain: 2,
  },
  {
    id: 'AC-1010',
    name: 'Redwood Plumbing',
    segment: 'SMB',
    owner: PRIYA,
    story: 'light',
    startAgo: 86,
    chain: 3,
    history: [[82, 1, 'Yellow']],
  },
  {
    id: 'AC-1011',
    name: 'Oakridge Pharmacy',
    segment: 'SMB',
    owner: MAYA,
    story: 'falling',
    startAgo: 75,
    chain: 0,
  },
  {
    id: 'AC-1012',
    name: 'Tidewater Kayaks',
    segment: 'SMB',
    owner: PRIYA,
    story: 'window-passed',
    startAgo: 140,
    chain: 3,
  },
  {
    id: 'AC-1013',
    name: 'Fernwood Accounting',
    segment: 'SMB',
    owner: MAYA,
    story: 'result',
    startAgo: 410,
    chain: 1,
    renewal: 'Renewed',
  },
  // Mid-Market
  {
    id: 'AC-2001',
    name: 'Northwind Logistics',
    segment: 'Mid-Market',
    owner: JONAS,
    story: 'result',
    startAgo: 190,
    chain: 0,
  },
  {
    id: 'AC-2002',
    name: 'Cobalt Health Partners',
    segment: 'Mid-Market',
    owner: JONAS,
    story: 'half-validated',
    startAgo: 80,
    chain: 1,
  },
  {
    id: 'AC-2003',
    name: 'Meridian Freight',
    segment: 'Mid-Market',
    owner: SAM,
    story: 'adopted',
    startAgo: 45,
    chain: 0,
  },
  {
    id: 'AC-2004',
    name: 'Sterling Insurance Group',
    segment: 'Mid-Market',
    owner: JONAS,
    story: 'check-overdue',
    startAgo: 260,
    chain: 1,
    history: [
      [105, 4, 'Green'],
      [20, 4, 'Yellow'],
      [5, 4, 'Red'],
    ],
  },
  {
    id: 'AC-2005',
    name: 'Vantage Retail',
    segment: 'Mid-Market',
    owner: SAM,
    story: 'fading',
    startAgo: 84,
    chain: 2,
    // A pain nobody could measure: the chain hint and the owner's digest call it out.
    override: { 'Business pain': 'Scheduling is a mess' },
    history: [
      [80, 1, 'Yellow'],
      [55, 2, 'Yellow'],
      [6, 1, 'Yellow'],
    ],
  },
  {
    id: 'AC-2006',
    name: 'Halcyon Software',
    segment: 'Mid-Market',
    owner: JONAS,
    story: 'triage-no-validator',
    startAgo: 30,
    chain: 3,
  },
  {
    id: 'AC-2007',
    name: 'Beacon Credit Union',
    segment: 'Mid-Market',
    owner: SAM,
    story: 'outcome',
    startAgo: 65,
    chain: 1,
  },
  {
    id: 'AC-2008',
    name: 'Granite Manufacturing',
    segment: 'Mid-Market',
    owner: JONAS,
    story: 'result',
    startAgo: 395,
    chain: 2,
    renewal: 'Renewed',
  },
  {
    id: 'AC-2009',
    name: 'Orion Hospitality',
    segment: 'Mid-Market',
    owner: SAM,
    story: 'churned',
    startAgo: 420,
    chain: 2,
    renewal: 'Churned',
  },
  {
    id: 'AC-2010',
    name: 'Atlas Staffing',
    segment: 'Mid-Market',
    owner: JONAS,
    story: 'dormant',
    startAgo: 48,
    chain: 3,
  },
  {
    id: 'AC-2011',
    name: 'Riverbend Schools',
    segment: 'Mid-Market',
    owner: SAM,
    story: 'light',
    startAgo: 28,
    chain: 3,
  },
  // Enterprise
  {
    id: 'AC-3001',
    name: 'Pacific Rail Corporation',
    segment: 'Enterprise',
    owner: SAM,
    story: 'result',
    startAgo: 220,
    chain: 1,
  },
  {
    id: 'AC-3002',
    name: 'Continental Utilities',
    segment: 'Enterprise',
    owner: PRIYA,
    story: 'result-stale',
    startAgo: 300,
    chain: 0,
  },
  {
    id: 'AC-3003',
    name: 'Helix Pharmaceuticals',
    segment: 'Enterprise',
    owner: SAM,
    story: 'outcome',
    startAgo: 78,
    chain: 3,
    history: [
      [70, 1, 'Yellow'],
      [45, 2, 'Yellow'],
      [12, 3, 'Yellow'],
    ],
  },
  {
    id: 'AC-3004',
    name: 'Ironclad Insurance',
    segment: 'Enterprise',
    owner: PRIYA,
    story: 'adopted',
    startAgo: 60,
    chain: 2,
  },
  {
    id: 'AC-3005',
    name: 'Polaris Telecom',
    segment: 'Enterprise',
    owner: SAM,
    story: 'unanswered-no',
    startAgo: 85,
    chain: 3,
  },
  {
    id: 'AC-3006',
    name: 'Westbridge Bank',
    segment: 'Enterprise',
    owner: PRIYA,
    story: 'triage-no-result',
    startAgo: 20,
    chain: 0,
  },
  {
    id: 'AC-3007',
    name: 'Aurora Energy',
    segment: 'Enterprise',
    owner: SAM,
    story: 'window-passed',
    startAgo: 150,
    chain: 1,
    history: [
      [95, 2, 'Yellow'],
      [58, 2, 'Red'],
    ],
  },
  {
    id: 'AC-3008',
    name: 'Crescent Hotels International',
    segment: 'Enterprise',
    owner: PRIYA,
    story: 'result',
    startAgo: 380,
    chain: 3,
    renewal: 'Renewed',
  },
  {
    id: 'AC-3009',
    name: 'Titan Freightways',
    segment: 'Enterprise',
    owner: SAM,
    story: 'check-overdue',
    startAgo: 280,
    chain: 2,
  },
  {
    id: 'AC-3010',
    name: 'Evergreen Health System',
    segment: 'Enterprise',
    owner: PRIYA,
    story: 'light',
    startAgo: 25,
    chain: 1,
  },
  // Data problems, planted where a real team makes them.
  {
    id: 'AC-1014',
    name: 'Corner Press Print',
    segment: 'SMB',
    owner: MAYA,
    story: 'adopted',
    startAgo: 40,
    chain: 1,
    override: { Owner: 'Jonas Weber' },
    isNew: true,
  },
  {
    id: 'AC-2012',
    name: 'Keystone Property Management',
    segment: 'Mid-Market',
    owner: JONAS,
    story: 'light',
    startAgo: 30,
    chain: 2,
    override: { 'Start date': 'Q3 2026' },
    isNew: true,
  },
  {
    id: 'AC-3011',
    name: 'Lumen Labs',
    segment: 'Strategic',
    owner: PRIYA,
    story: 'adopted',
    startAgo: 50,
    chain: 0,
    isNew: true,
  },
  {
    id: 'AC-1012',
    name: 'Tidewater Kayak Tours',
    segment: 'SMB',
    owner: MAYA,
    story: 'light',
    startAgo: 15,
    chain: 0,
    isNew: true,
    noRecords: true,
  },
  {
    id: 'AC-2013',
    name: 'Silverline Transit',
    segment: 'Mid-Market',
    owner: JONAS,
    story: 'adopted',
    startAgo: 38,
    chain: 0,
    override: { Baseline: 'about 70' },
    isNew: true,
  },
  {
    id: 'AC-1015',
    name: 'Willow Pet Supply',
    segment: 'SMB',
    owner: PRIYA,
    story: 'adopted',
    startAgo: 33,
    chain: 1,
  },
];

/** Usage rows for an account ID nobody has in Accounts (a typo a CSM made when pasting an export). */
const STRAY_USAGE_ID = 'AC-1999';

/** The rung and health each story is built to land on (for its default Ladder history row only). */
const INTENDED: Record<Story, readonly [Rung, Health]> = {
  'triage-no-result': [2, 'Red'],
  'triage-no-validator': [2, 'Red'],
  dormant: [0, 'Yellow'],
  light: [1, 'Yellow'],
  adopted: [2, 'Yellow'],
  fading: [1, 'Yellow'],
  'window-passed': [2, 'Red'],
  outcome: [3, 'Yellow'],
  'wrong-role': [3, 'Yellow'],
  'half-validated': [3, 'Yellow'],
  falling: [3, 'Yellow'],
  result: [4, 'Green'],
  'result-after-no': [4, 'Green'],
  'result-stale': [4, 'Yellow'],
  'check-overdue': [4, 'Red'],
  'unanswered-no': [2, 'Red'],
  churned: [0, 'Red'],
};

const WEEKS_OF_USAGE = 14;

function weeklyUsersFor(segment: string): number {
  const row = DEFAULT_SEGMENTS.find((s) => s[0] === segment);
  return row ? row[3] : 5;
}

function roundTo(value: number, span: number): number {
  // Whole numbers for metrics with a wide range, one decimal for small ones (rates and days).
  return span >= 20 ? Math.round(value) : Math.round(value * 10) / 10;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The demo workbook: sheet name → rows (header first), Dates at midnight in `timeZone`. About 40
 * accounts across the three default segments, 14 weeks of usage, results, checks and a Ladder history,
 * with every rung, every health reason and a handful of data problems present.
 */
export function demoBook(options: DemoBookOptions): Record<string, unknown[][]> {
  const today = dayFromIso(options.today);
  if (today === null) throw new Error(`demoBook: today must be YYYY-MM-DD, got '${options.today}'`);
  const tz = options.timeZone;
  const random = seededRandom(20261124);
  const dayAgo = (ago: number): Date => dateOfDay(today - ago, tz);
  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

  // Usage weeks start on Mondays: the most recent Monday on or before today, and the 13 before it.
  const weekday = (((today + 4) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday; 1 = Monday
  const lastMondayAgo = (weekday + 6) % 7;
  const weeksAgo = Array.from(
    { length: WEEKS_OF_USAGE },
    (_, k) => lastMondayAgo + 7 * (WEEKS_OF_USAGE - 1 - k),
  );

  const accounts: unknown[][] = [[...HEADERS.accounts]];
  const usage: unknown[][] = [[...HEADERS.usage]];
  const results: unknown[][] = [[...HEADERS.results]];
  const checks: unknown[][] = [[...HEADERS.checks]];
  const history: { ago: number; row: unknown[] }[] = [];

  PLANS.forEach((plan, index) => {
    const segment = plan.segment as SegmentName;
    const chains = CHAINS[segment] ?? CHAINS.SMB;
    const chain = chains[plan.chain % chains.length];
    const people = PEOPLE[segment] ?? PEOPLE.SMB;
    const [validator, role] = people[index % people.length];
    const manager = MANAGERS[index % MANAGERS.length];
    const triageNoResult = plan.story === 'triage-no-result';
    const noValidator = triageNoResult || plan.story === 'triage-no-validator';
    const renewalAgo = plan.startAgo - 365;

    const cells: Record<string, unknown> = {
      'Account ID': plan.id,
      Account: plan.name,
      Segment: plan.segment,
      Owner: plan.owner,
      'Start date': dayAgo(plan.startAgo),
      'Renewal date': dayAgo(renewalAgo),
      'Business pain': chain.pain,
      'Solution value': triageNoResult ? '' : chain.value,
      'Named result': triageNoResult ? '' : chain.result,
      Metric: triageNoResult ? '' : chain.metric,
      Baseline: triageNoResult ? '' : chain.baseline,
      Target: triageNoResult ? '' : chain.target,
      // Mid-Market names a person for each role in one cell (src/core/validators.ts).
      Validator: noValidator
        ? ''
        : segment === 'Mid-Market'
          ? `${validator} (${role}); ${manager} (Manager)`
          : validator,
      'Validator role': noValidator ? '' : role,
      'Renewal status': plan.renewal ?? 'Open',
      ...plan.override,
    };
    accounts.push(HEADERS.accounts.map((h) => cells[h] ?? ''));
    if (plan.noRecords) return;

    // --- usage ---
    const bar = weeklyUsersFor(segment);
    for (const ago of weeksAgo) {
      if (ago > plan.startAgo) continue;
      const recent = ago < 28;
      let users: number;
      switch (plan.story) {
        case 'dormant':
        case 'churned':
          if (recent) continue;
          users = between(1, Math.max(1, bar - 1));
          break;
        case 'light':
          users = between(1, Math.max(1, bar - 1));
          break;
        case 'fading':
          users = recent ? between(1, bar - 2) : between(bar, bar + 3);
          break;
        default:
          users = between(bar, bar * 2 + 2);
      }
      usage.push([dayAgo(ago), plan.id, users, users * between(3, 12)]);
    }

    // --- results ---
    const valueAt = (progress: number): number =>
      roundTo(
        chain.baseline + progress * (chain.target - chain.baseline),
        Math.abs(chain.target - chain.baseline),
      );
    const measured = (ago: number, progress: number, words = ''): unknown[] => [
      dayAgo(ago),
      plan.id,
      valueAt(progress),
      'No',
      '',
      '',
      words,
      `${chain.metric} from the product's report`,
      plan.owner,
    ];
    const validated = (
      ago: number,
      progress: number,
      by: string,
      byRole: string,
      words: string,
    ): unknown[] => [
      dayAgo(ago),
      plan.id,
      valueAt(progress),
      'Yes',
      by,
      byRole,
      words,
      `${chain.metric}: signed-off report`,
      plan.owner,
    ];
    /** Every role the segment asks for, one Results row each (Mid-Market is `Team lead + Manager`). */
    const validateAll = (ago: number, progress: number, words: string): void => {
      results.push(validated(ago, progress, validator, role, words));
      if (segment === 'Mid-Market') {
        results.push(
          validated(ago - 1, progress, manager, 'Manager', 'Agreed, and it shows in our numbers.'),
        );
      }
    };

    // --- checks ---
    const check = (ago: number, kind: string, named: string, notes: string): void => {
      checks.push([dayAgo(ago), plan.id, kind, named, notes, plan.owner]);
    };
    if (plan.override?.['Start date'] === undefined) {
      check(plan.startAgo, 'Kickoff', triageNoResult ? 'No' : 'Yes', 'Kickoff call: pain and value agreed.');
    }

    switch (plan.story) {
      case 'outcome':
        results.push(measured(40, 0.2), measured(12, 0.45, 'It is getting better, we think.'));
        break;
      case 'wrong-role':
        results.push(validated(20, 0.5, 'Riley Shaw', 'User', 'Our agents love it.'));
        break;
      case 'half-validated':
        results.push(validated(18, 0.6, validator, role, 'My team is clearly faster.'));
        break;
      case 'falling':
        results.push(
          measured(60, 0.55),
          measured(35, 0.4),
          measured(10, 0.2, 'The numbers slipped this month.'),
        );
        break;
      case 'result': {
        const validatedAgo = plan.validatedAgo ?? between(10, 30);
        results.push(measured(validatedAgo + 30, 0.35));
        validateAll(
          validatedAgo,
          0.9,
          `We hit it: ${lowerFirst(chain.result)}. The product made it possible.`,
        );
        if (plan.startAgo > 90)
          check(plan.startAgo - 90, '90-day', 'Yes', 'Named the result and how to measure it.');
        if (segment === 'Enterprise')
          check(validatedAgo - 3, 'QBR', 'Yes', 'Sponsor presented the result upward.');
        break;
      }
      case 'result-after-no':
        check(plan.startAgo - 90, '90-day', 'No', 'Could not name a number; intervention plan agreed.');
        results.push(measured(45, 0.3));
        validateAll(22, 0.8, 'No-shows are down and the buyer says so.');
        break;
      case 'result-stale':
        validateAll(100, 1, 'Validated at the last review.');
        check(30, '90-day', 'Yes', 'Still holding; new validation due.');
        break;
      case 'check-overdue':
        check(170, '90-day', 'Yes', '');
        validateAll(110, 0.85, 'Signed off at the review after go-live.');
        break;
      case 'unanswered-no':
        check(6, '90-day', 'No', 'Customer could not name a measurable result.');
        break;
      case 'window-passed':
        check(50, '90-day', 'Yes', 'Named the result; no measurement yet.');
        break;
      case 'churned':
        check(plan.startAgo - 90, '90-day', 'No', 'No result named.');
        break;
      default:
        break;
    }

    // --- Ladder history ---
    if (!plan.isNew) {
      const [rung, health] = INTENDED[plan.story];
      const rows = plan.history ?? [[Math.min(plan.startAgo, between(20, 40)), rung, health] as const];
      for (const [ago, r, h] of rows) history.push({ ago, row: [dayAgo(ago), plan.id, RUNG_NAMES[r], h] });
    }
  });

  // Stray usage pasted under an ID that is not in Accounts.
  usage.push([dayAgo(lastMondayAgo), STRAY_USAGE_ID, 4, 31]);

  const byDate = (a: unknown[], b: unknown[]): number => (a[0] as Date).getTime() - (b[0] as Date).getTime();
  // Rows are written by position up to the columns they fill; later optional columns (at each table's end) stay blank.
  const padded = (row: unknown[], width: number): unknown[] =>
    row.length >= width ? row : [...row, ...new Array(width - row.length).fill('')];
  const sortBody = (rows: unknown[][]): unknown[][] => [
    rows[0],
    ...rows
      .slice(1)
      .sort(byDate)
      .map((r) => padded(r, rows[0].length)),
  ];
  history.sort((a, b) => b.ago - a.ago);

  return {
    [SHEET.segments]: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
    [SHEET.accounts]: accounts,
    [SHEET.usage]: sortBody(usage),
    [SHEET.results]: sortBody(results),
    [SHEET.checks]: sortBody(checks),
    [SHEET.history]: [[...HEADERS.history], ...history.map((h) => h.row)],
    [SHEET.reminderLog]: [[...HEADERS.reminderLog]],
  };
}
