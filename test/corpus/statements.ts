// A labelled corpus of statements a CS team writes in the Accounts sheet, across segments, each with the class the
// seeds imply. Written for this project (not taken from the seeds; those are in seedStatements.ts).
import type { StatementKind } from '../../src/core/measurable';

export type Segment = 'SMB' | 'Mid-Market' | 'Enterprise';
/** What the line was written as: the corpus covers every kind of line a CSM types into the chain. */
export type Written =
  | 'result'
  | 'outcome'
  | 'status change'
  | 'vague aim'
  | 'activity'
  | 'adoption'
  | 'sentiment'
  | 'pain'
  | 'value'
  | 'feature';

export interface LabelledStatement {
  readonly segment: Segment;
  readonly written: Written;
  readonly text: string;
  readonly kind: Exclude<StatementKind, 'empty'>;
}

type Row = readonly [Segment, Written, string, LabelledStatement['kind']];

const S = 'SMB' as const;
const M = 'Mid-Market' as const;
const E = 'Enterprise' as const;

const ROWS: readonly Row[] = [
  // ---- results: a magnitude in the customer's world, often with the product named as the cause ----
  [S, 'result', 'Cut invoice processing from 4 days to 1 using the tool', 'measurable'],
  [S, 'result', 'We save 6 hours a week on bookkeeping since switching to the platform', 'measurable'],
  [S, 'result', 'Late payments down 35% in the first two months', 'measurable'],
  [S, 'result', 'Quote turnaround went from 48 hours to 3', 'measurable'],
  [S, 'result', 'Stockouts fell from 12 a month to 2 after rolling out the reorder alerts', 'measurable'],
  [S, 'result', 'No-shows halved since the reminders went out by text', 'measurable'],
  [S, 'result', 'Saved $18k a year on a part-time admin', 'measurable'],
  [S, 'result', 'Payroll errors dropped to zero this quarter', 'measurable'],
  [S, 'result', 'Month-end close takes 2 days instead of 6', 'measurable'],
  [S, 'result', 'We answer support email twice as fast as last year', 'measurable'],
  [S, 'result', 'Booked 30% more appointments per week with the same staff', 'measurable'],
  [S, 'result', 'Chargebacks fell by a third after using the fraud rules', 'measurable'],
  [S, 'result', 'Delivery mistakes cut from 9% to 2%', 'measurable'],
  [S, 'result', 'Onboard new clients in 10 days instead of 30', 'measurable'],
  [S, 'result', 'Reduced time to send invoices by 70%', 'measurable'],
  [S, 'result', 'Our DSO is 31 days, down from 47', 'measurable'],
  [M, 'result', 'Cycle time for support escalations fell from 5 days to 2', 'measurable'],
  [M, 'result', 'Forecast accuracy up from 68% to 85% since using the platform', 'measurable'],
  [M, 'result', 'The sales team books 25% more demos per rep per month', 'measurable'],
  [M, 'result', 'Ticket backlog down from 400 to 120 in one quarter', 'measurable'],
  [M, 'result', 'First-response time under 2 hours for 95% of tickets', 'measurable'],
  [M, 'result', 'Recruiters fill roles in 28 days instead of 45', 'measurable'],
  [M, 'result', 'Invoice matching accuracy rose to 99.2% from 91%', 'measurable'],
  [M, 'result', 'Marketing ops ships campaigns 3x faster than before', 'measurable'],
  [M, 'result', 'Churn in the first 90 days fell from 14% to 8%', 'measurable'],
  [M, 'result', 'Warehouse pick errors are down 60% year over year', 'measurable'],
  [M, 'result', 'The AP team processes 2,000 more invoices a month without new hires', 'measurable'],
  [M, 'result', 'Deal desk approvals take 1 day, not 4', 'measurable'],
  [M, 'result', 'We cut QA regression time by half after adopting the test suite', 'measurable'],
  [M, 'result', 'Pipeline coverage went from 2.1x to 3.4x', 'measurable'],
  [M, 'result', 'Customer onboarding time is down 40% for the implementation team', 'measurable'],
  [M, 'result', 'Support cost per ticket fell from $14 to $9', 'measurable'],
  [E, 'result', 'Saved $2.4M in annual vendor spend through the procurement workflow', 'measurable'],
  [E, 'result', 'Mean time to remediate critical vulnerabilities dropped from 60 days to 12', 'measurable'],
  [E, 'result', 'Audit preparation shrank from 6 weeks to 9 days', 'measurable'],
  [E, 'result', 'Revenue leakage from billing errors cut by $800k a year', 'measurable'],
  [E, 'result', 'Days sales outstanding down 11 days across all regions', 'measurable'],
  [E, 'result', 'Gross margin on services improved 4 points', 'measurable'],
  [E, 'result', 'Regulatory filing errors fell 90% since we rolled out the platform', 'measurable'],
  [E, 'result', 'Time to close the books went from 12 days to 5', 'measurable'],
  [E, 'result', 'Unplanned downtime in the plants fell by 30 hours a month', 'measurable'],
  [E, 'result', 'Win rate against the main competitor rose from 31% to 44%', 'measurable'],
  [E, 'result', 'Inventory carrying cost down 18% in the first year', 'measurable'],
  [E, 'result', 'Claims are paid in 6 days, not 21', 'measurable'],
  [E, 'result', 'Security review of vendor contracts takes one week instead of five', 'measurable'],
  [E, 'result', 'Cut cloud spend by a quarter within two quarters of deploying the optimizer', 'measurable'],
  [E, 'result', 'Employee attrition in the call centers fell from 38% to 27%', 'measurable'],
  [E, 'result', 'Expansion revenue per account up 22% thanks to the pricing engine', 'measurable'],

  // ---- outcomes: a change in the customer's world, with a magnitude but not yet validated ----
  [S, 'outcome', 'Front desk spends about an hour less a day on the phone', 'measurable'],
  [S, 'outcome', 'The owner closes the month two days earlier than before', 'measurable'],
  [S, 'outcome', 'Fewer than five invoices a month need a second look now', 'measurable'],
  [M, 'outcome', 'Escalations to engineering are down a dozen a week', 'measurable'],
  [M, 'outcome', 'Reps spend half the time on CRM hygiene they used to', 'measurable'],
  [M, 'outcome', 'Handoffs between sales and onboarding take three days less', 'measurable'],
  [E, 'outcome', 'The risk committee gets its exposure report a week sooner', 'measurable'],
  [E, 'outcome', 'Plant managers see yield data within one shift instead of the next morning', 'measurable'],
  [E, 'outcome', 'Finance reconciles intercompany accounts in four days rather than ten', 'measurable'],

  // ---- status changes: something stops, ends, is passed or automated for good ----
  [S, 'status change', 'Eliminate manual data entry for the front desk', 'measurable'],
  [S, 'status change', 'No longer chasing customers for signed quotes', 'measurable'],
  [S, 'status change', 'Retired the shared inventory spreadsheet', 'measurable'],
  [S, 'status change', 'Payroll runs without a single manual correction', 'measurable'],
  [S, 'status change', 'We stopped double-booking the treatment rooms', 'measurable'],
  [S, 'status change', 'Got rid of paper timesheets', 'measurable'],
  [M, 'status change', 'Automate expense approvals for the field team', 'measurable'],
  [M, 'status change', 'Passed the SOC 2 audit with no exceptions', 'measurable'],
  [M, 'status change', 'Replace the weekly pipeline spreadsheet with one live view', 'measurable'],
  [M, 'status change', 'Support no longer escalates billing questions to finance', 'measurable'],
  [M, 'status change', 'Commission disputes ended once payouts became self-serve', 'measurable'],
  [M, 'status change', 'Went paperless for every new-hire contract', 'measurable'],
  [M, 'status change', 'Contracts move from email to e-signature for every deal', 'measurable'],
  [E, 'status change', 'Decommission the legacy billing system by year end', 'measurable'],
  [E, 'status change', 'Achieved ISO 27001 certification for the EU business', 'measurable'],
  [E, 'status change', 'Passed the regulator inspection without any findings', 'measurable'],
  [
    E,
    'status change',
    'The board pack is assembled automatically instead of by three analysts',
    'measurable',
  ],
  [E, 'status change', 'Closed the quarter on time for the first time in two years', 'measurable'],
  [E, 'status change', 'Stop sending unencrypted patient files by email', 'measurable'],
  [E, 'status change', 'Sunset the three regional ticketing tools', 'measurable'],
  [E, 'status change', 'Procurement moved off spreadsheets for all contracts', 'measurable'],
  [E, 'status change', 'Became compliant with the new data-residency rules', 'measurable'],

  // ---- business pains specific enough to measure ----
  [S, 'pain', 'The owner spends 10 hours a week typing invoices into the books', 'measurable'],
  [S, 'pain', 'One in five appointments is a no-show', 'measurable'],
  [S, 'pain', 'We lose about $3k a month to stock that expires on the shelf', 'measurable'],
  [S, 'pain', 'Quotes take two days to go out and we lose half of them', 'measurable'],
  [S, 'pain', 'Payroll takes the office manager a full day every two weeks', 'measurable'],
  [M, 'pain', 'Month-end close takes 10 days and the CFO wants 5', 'measurable'],
  [M, 'pain', 'Support backlog sits at 600 tickets with a 3-day first response', 'measurable'],
  [M, 'pain', 'Reps lose 6 hours a week to manual CRM updates', 'measurable'],
  [M, 'pain', 'Our forecast misses by 20% every quarter', 'measurable'],
  [M, 'pain', 'Finance spends 3 days reconciling invoices after using our platform export', 'measurable'],
  [M, 'pain', 'Onboarding a new customer takes 45 days, and 1 in 6 churn before go-live', 'measurable'],
  [E, 'pain', 'Critical vulnerabilities stay open 60 days on average; the board wants 14', 'measurable'],
  [E, 'pain', 'Billing errors cost us $1.2M in credits last year', 'measurable'],
  [E, 'pain', 'Audit prep ties up 8 people for 6 weeks every year', 'measurable'],
  [E, 'pain', 'Regional teams run 14 different ticketing tools', 'measurable'],
  [E, 'pain', 'Our checkout conversion is 1.9% against 2.6% for the market leader', 'measurable'],
  [E, 'pain', 'Plants lose 40 hours a month to unplanned downtime', 'measurable'],

  // ---- business pains and aims too vague to measure ----
  [S, 'pain', 'Bookkeeping is a mess', 'vague'],
  [S, 'pain', 'The owner wants to get organized', 'vague'],
  [S, 'pain', 'Scheduling is painful', 'vague'],
  [S, 'pain', 'Invoicing takes too long', 'vague'],
  [M, 'pain', 'Reporting is slow', 'vague'],
  [M, 'pain', 'Sales and finance never agree on the numbers', 'vague'],
  [M, 'pain', 'The team is drowning in tickets', 'vague'],
  [M, 'pain', 'Manual data entry', 'vague'],
  [E, 'pain', 'They were looking to modernize their tech stack', 'vague'],
  [E, 'pain', 'Security is a bottleneck for engineering', 'vague'],
  [E, 'pain', 'Leadership lacks a single view of the business', 'vague'],
  [E, 'pain', 'Compliance risk keeps the CFO up at night', 'vague'],
  [S, 'vague aim', 'Improve cash flow', 'vague'],
  [S, 'vague aim', 'Grow the business', 'vague'],
  [S, 'vague aim', 'Save time on admin', 'vague'],
  [S, 'vague aim', 'Make scheduling easier', 'vague'],
  [S, 'vague aim', 'Get more repeat customers', 'vague'],
  [M, 'vague aim', 'Improve conversion by Q3', 'vague'],
  [M, 'vague aim', 'Increase team productivity', 'vague'],
  [M, 'vague aim', 'Streamline the hiring process', 'vague'],
  [M, 'vague aim', 'Reduce churn this year', 'vague'],
  [M, 'vague aim', 'Boost pipeline in H2', 'vague'],
  [M, 'vague aim', 'They want to be more data-driven', 'vague'],
  [M, 'vague aim', 'Support is more efficient', 'vague'],
  [M, 'vague aim', 'Close rates improved', 'vague'],
  [E, 'vague aim', 'Transform the customer experience', 'vague'],
  [E, 'vague aim', 'Drive operational efficiency across the business', 'vague'],
  [E, 'vague aim', 'Accelerate digital transformation in FY27', 'vague'],
  [E, 'vague aim', 'Strengthen our security posture', 'vague'],
  [E, 'vague aim', 'Enable the field to sell more', 'vague'],
  [E, 'vague aim', 'Costs went down', 'vague'],
  [E, 'vague aim', 'Become the system of record for finance', 'vague'],
  [E, 'vague aim', '25% by end of FY27', 'vague'],

  // ---- activity: something happened in the product (numbers or not) ----
  [S, 'activity', 'The owner logged in twice this week', 'activity'],
  [S, 'activity', 'Sent the first invoice from the app', 'activity'],
  [S, 'activity', 'Set up the online booking page', 'activity'],
  [S, 'activity', 'They ran 12 reports in October', 'activity'],
  [S, 'activity', 'Connected their bank feed and configured 3 tax rules', 'activity'],
  [S, 'activity', 'The bookkeeper is using the platform', 'activity'],
  [M, 'activity', 'Built 8 dashboards for the sales team', 'activity'],
  [M, 'activity', 'Completed admin training for 4 team leads', 'activity'],
  [M, 'activity', '40 users were onboarded last month', 'activity'],
  [M, 'activity', 'Logins doubled after the kickoff', 'activity'],
  [M, 'activity', 'Usage grew 30% in September', 'activity'],
  [M, 'activity', 'The team exported the pipeline report on Friday', 'activity'],
  [M, 'activity', 'Rolled the tool out to the second support pod', 'activity'],
  [M, 'activity', 'Integration with Salesforce configured', 'activity'],
  [E, 'activity', 'Deployed to all 14 regions', 'activity'],
  [E, 'activity', 'Rollout to the EMEA business units is complete', 'activity'],
  [E, 'activity', '1,200 seats provisioned in the first month', 'activity'],
  [E, 'activity', 'Security team ran 300 scans last quarter', 'activity'],
  [E, 'activity', 'The executive sponsor opened the board dashboard', 'activity'],
  [E, 'activity', 'Went live on the new procurement workflow in March', 'activity'],
  [E, 'activity', 'Completed the admin certification course', 'activity'],
  [E, 'activity', 'Sessions per account rose 45%', 'activity'],

  // ---- adoption: use repeating across users and weeks, or measured as a rate of use ----
  [S, 'adoption', 'Both front-desk staff use the app every day', 'adoption'],
  [S, 'adoption', 'The owner runs the cash report weekly', 'adoption'],
  [S, 'adoption', 'Three people log in most weeks', 'adoption'],
  [M, 'adoption', '12 of 15 reps log in daily', 'adoption'],
  [M, 'adoption', 'Weekly active users up from 20 to 55', 'adoption'],
  [M, 'adoption', 'The support team uses the product every shift, across all three pods', 'adoption'],
  [M, 'adoption', 'Adoption reached 80% of licensed users', 'adoption'],
  [M, 'adoption', 'Seat utilization is at 92%', 'adoption'],
  [M, 'adoption', 'Managers review the forecast dashboard every Monday', 'adoption'],
  [M, 'adoption', 'Reports are run weekly by every team lead', 'adoption'],
  [E, 'adoption', 'Monthly active users passed 4,000', 'adoption'],
  [E, 'adoption', 'License activation is 97% across the business units', 'adoption'],
  [E, 'adoption', 'Feature adoption is strong in the APAC teams', 'adoption'],
  [E, 'adoption', 'Engineers run scans on every pull request', 'adoption'],
  [E, 'adoption', 'DAU/MAU ratio holding at 0.6', 'adoption'],
  [E, 'adoption', 'Analysts have been using the platform daily since the rollout', 'adoption'],

  // ---- sentiment: how they feel, including sentiment scores ----
  [S, 'sentiment', 'The owner loves the new invoicing screen', 'sentiment'],
  [S, 'sentiment', 'They are really happy with us', 'sentiment'],
  [S, 'sentiment', 'Great feedback at the last check-in', 'sentiment'],
  [S, 'sentiment', 'The team enjoys using it', 'sentiment'],
  [M, 'sentiment', 'NPS went from 20 to 45', 'sentiment'],
  [M, 'sentiment', 'The VP of Sales is a big fan', 'sentiment'],
  [M, 'sentiment', 'Users say they feel more in control', 'sentiment'],
  [M, 'sentiment', 'Reps like the new mobile app', 'sentiment'],
  [M, 'sentiment', 'CSAT for our support is 4.8 out of 5', 'sentiment'],
  [E, 'sentiment', 'The sponsor was delighted with the QBR', 'sentiment'],
  [E, 'sentiment', 'Strong relationship with the CIO', 'sentiment'],
  [E, 'sentiment', 'Stakeholders are excited about phase two', 'sentiment'],
  [E, 'sentiment', 'Users love it', 'sentiment'],
  [E, 'sentiment', 'Satisfaction with the platform is at 90%', 'sentiment'],

  // ---- solution value: what changes for them, in their words, without a measure ----
  [
    S,
    'value',
    'Invoices go out the moment a job is marked done, so she stops chasing them on weekends',
    'measurable',
  ],
  [S, 'value', 'Bookings land in the calendar automatically', 'value'],
  [S, 'value', 'The bank feed matches payments on its own, so the books are current without her', 'value'],
  [S, 'value', 'Clients rebook from the reminder text without calling the front desk', 'value'],
  [
    M,
    'value',
    'Findings reach developers in their pull requests, so fixes land while the code is fresh',
    'value',
  ],
  [M, 'value', 'Reps see the next best account in their inbox, so they spend the morning selling', 'value'],
  [M, 'value', 'Approvals happen in Slack instead of email', 'measurable'],
  [M, 'value', 'Forecasts update themselves from the CRM', 'value'],
  [M, 'value', 'Tickets route to the right pod before anyone reads them', 'value'],
  [M, 'value', 'Finance sees every commitment before it is signed, so surprises show up in time', 'value'],
  [E, 'value', 'Risk data reaches the committee in its own report, so decisions wait on nobody', 'value'],
  [
    E,
    'value',
    'Plant managers see yield problems during the shift, which means fixes happen the same day',
    'value',
  ],
  [E, 'value', 'Security checks run in the pipeline, so releases ship without a manual gate', 'value'],
  [E, 'value', 'Contract terms sync to billing automatically', 'value'],
  [E, 'value', 'Auditors pull evidence themselves instead of asking the controls team', 'measurable'],
  [
    E,
    'value',
    'Procurement sees every renewal 90 days out, so nothing auto-renews by accident',
    'measurable',
  ],

  // ---- feature names: a capability, not what it changes for them ----
  [S, 'feature', 'Online booking page', 'feature'],
  [S, 'feature', 'Automatic payment reminders', 'feature'],
  [S, 'feature', 'Bank feed reconciliation', 'feature'],
  [S, 'feature', 'Mobile invoicing app', 'feature'],
  [M, 'feature', 'Automated report builder', 'feature'],
  [M, 'feature', 'Checkout flow tests', 'feature'],
  [M, 'feature', 'Pipeline forecasting', 'feature'],
  [M, 'feature', 'Salesforce integration', 'feature'],
  [M, 'feature', 'Real-time alerts', 'feature'],
  [M, 'feature', 'Smarter ticket routing', 'feature'],
  [M, 'feature', 'Custom approval workflows', 'feature'],
  [E, 'feature', 'Single sign-on', 'feature'],
  [E, 'feature', 'Faster vulnerability remediation', 'feature'],
  [E, 'feature', 'Executive dashboards', 'feature'],
  [E, 'feature', 'Policy-as-code checks', 'feature'],
  [E, 'feature', 'Spend analytics', 'feature'],
  [E, 'feature', 'Contract lifecycle workspace', 'feature'],
  [E, 'feature', 'AI copilot', 'feature'],
  [E, 'feature', 'Better visibility', 'feature'],
  [E, 'feature', 'Predictive maintenance alerts', 'feature'],
];

export const STATEMENTS: readonly LabelledStatement[] = ROWS.map(([segment, written, text, kind]) => ({
  segment,
  written,
  text,
  kind,
}));
