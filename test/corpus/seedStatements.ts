// Every example statement in the two seed documents, with the file, the line and the class the seed gives it.
import type { StatementKind } from '../../src/core/measurable';

export const LADDER_SEED = '000_91cdf6c3e14fe07e.txt';
export const CHAIN_SEED = '004_f20b13b218ea5c99.txt';

export interface SeedStatement {
  readonly seed: typeof LADDER_SEED | typeof CHAIN_SEED;
  readonly line: number;
  readonly text: string;
  readonly kind: Exclude<StatementKind, 'empty'>;
  /** Why the seed implies this class, in its own words. */
  readonly because: string;
}

export const SEED_STATEMENTS: readonly SeedStatement[] = [
  // The ladder seed's table "Activity vs. outcome vs. result" (example: an analytics tool).
  {
    seed: LADDER_SEED,
    line: 13,
    text: 'The team ran a report this week.',
    kind: 'activity',
    because: 'Activity example',
  },
  {
    seed: LADDER_SEED,
    line: 16,
    text: 'Five users on the team are running reports weekly.',
    kind: 'adoption',
    because: 'Adoption example',
  },
  {
    seed: LADDER_SEED,
    line: 19,
    text: 'The team is finishing reporting two days faster than before.',
    kind: 'measurable',
    because: 'Outcome example: a before-and-after with a number',
  },
  {
    seed: LADDER_SEED,
    line: 22,
    text: "We cut reporting time 40% — that's why we renewed.",
    kind: 'measurable',
    because: 'Result example',
  },
  // The rungs.
  {
    seed: LADDER_SEED,
    line: 28,
    text: 'The customer is using the product.',
    kind: 'activity',
    because: 'Rung 1 — Activity',
  },
  {
    seed: LADDER_SEED,
    line: 28,
    text: 'Logins are happening.',
    kind: 'activity',
    because: 'Rung 1 — Activity',
  },
  {
    seed: LADDER_SEED,
    line: 28,
    text: 'Features are being touched.',
    kind: 'activity',
    because: 'Rung 1 — Activity',
  },
  {
    seed: LADDER_SEED,
    line: 30,
    text: 'Activity is repeating across users and across weeks.',
    kind: 'adoption',
    because: 'Rung 2 — Adoption',
  },
  {
    seed: LADDER_SEED,
    line: 32,
    text: 'A process is faster.',
    kind: 'vague',
    because: 'Rung 3: real, but no measure',
  },
  {
    seed: LADDER_SEED,
    line: 32,
    text: 'A number is moving.',
    kind: 'vague',
    because: 'Rung 3: real, but no measure',
  },
  {
    seed: LADDER_SEED,
    line: 32,
    text: 'A problem they used to have is no longer happening.',
    kind: 'measurable',
    because: 'Rung 3: a status change ("a number, a status change, or a before-and-after", line 4)',
  },
  // "What a result typically looks like" for SMB.
  {
    seed: LADDER_SEED,
    line: 44,
    text: 'Time saved',
    kind: 'vague',
    because: 'a kind of result, not yet measured',
  },
  {
    seed: LADDER_SEED,
    line: 44,
    text: 'Error rate dropped',
    kind: 'vague',
    because: 'a direction without a magnitude',
  },
  {
    seed: LADDER_SEED,
    line: 44,
    text: 'A manual process eliminated',
    kind: 'measurable',
    because: 'a status change (line 4)',
  },
  {
    seed: LADDER_SEED,
    line: 65,
    text: "It's been a great year together — let's talk about next year.",
    kind: 'sentiment',
    because: 'the relationship-based renewal conversation',
  },
  {
    seed: LADDER_SEED,
    line: 92,
    text: 'The customer is using the product',
    kind: 'activity',
    because: '"is not a result. It\'s the precondition for one"',
  },
  {
    seed: LADDER_SEED,
    line: 97,
    text: 'Satisfaction is what the customer feels.',
    kind: 'sentiment',
    because: '"A result is what the customer can prove"',
  },
  // The FAQ's examples of customer results.
  {
    seed: LADDER_SEED,
    line: 112,
    text: 'We reduced reporting time 40% in the first quarter using this tool.',
    kind: 'measurable',
    because: 'example of a customer result',
  },
  {
    seed: LADDER_SEED,
    line: 112,
    text: 'We eliminated 12 hours of weekly manual data entry.',
    kind: 'measurable',
    because: 'example of a customer result',
  },
  {
    seed: LADDER_SEED,
    line: 112,
    text: 'We hit a compliance audit with zero exceptions for the first time.',
    kind: 'measurable',
    because: 'example of a customer result',
  },
  {
    seed: LADDER_SEED,
    line: 112,
    text: 'We grew pipeline conversion 18% after rolling out the workflow.',
    kind: 'measurable',
    because: 'example of a customer result',
  },
  // The chain seed.
  {
    seed: CHAIN_SEED,
    line: 4,
    text: 'Logins were strong.',
    kind: 'activity',
    because: 'the adoption trap scenario',
  },
  {
    seed: CHAIN_SEED,
    line: 4,
    text: 'Feature adoption was tracking well.',
    kind: 'adoption',
    because: 'the adoption trap scenario',
  },
  { seed: CHAIN_SEED, line: 8, text: 'Logins', kind: 'activity', because: 'a proxy metric: adoption trap' },
  {
    seed: CHAIN_SEED,
    line: 8,
    text: 'Feature utilization',
    kind: 'adoption',
    because: 'a proxy metric: adoption',
  },
  {
    seed: CHAIN_SEED,
    line: 8,
    text: 'Workflow completion',
    kind: 'activity',
    because: 'a proxy metric: activity',
  },
  {
    seed: CHAIN_SEED,
    line: 8,
    text: 'Seat activation',
    kind: 'adoption',
    because: 'a proxy metric: adoption',
  },
  {
    seed: CHAIN_SEED,
    line: 11,
    text: 'A client who logs in every day',
    kind: 'adoption',
    because: '"logs in every day but never achieves the business outcome"',
  },
  {
    seed: CHAIN_SEED,
    line: 21,
    text: 'They wanted to improve their digital experience',
    kind: 'vague',
    because: '"a vague sense of why they bought"',
  },
  {
    seed: CHAIN_SEED,
    line: 21,
    text: 'They were looking to increase conversion',
    kind: 'vague',
    because: '"a vague sense of why they bought"',
  },
  { seed: CHAIN_SEED, line: 22, text: 'Improve conversion', kind: 'vague', because: '"is not a pain"' },
  {
    seed: CHAIN_SEED,
    line: 22,
    text: 'Our mobile checkout conversion rate is 1.8% and our top competitor is at 2.4% — closing that gap is a board-level priority for Q3',
    kind: 'measurable',
    because: '"is a pain": specific enough to measure',
  },
  {
    seed: CHAIN_SEED,
    line: 28,
    text: 'Faster remediation',
    kind: 'feature',
    because: '"The first version is a feature description"',
  },
  {
    seed: CHAIN_SEED,
    line: 28,
    text: 'Your developers stop context-switching to fix six-week-old findings they barely remember writing, your mean time to remediate drops from 60 days to under two weeks, and your security team stops being the bottleneck between your engineering velocity and your release schedule.',
    kind: 'measurable',
    because: '"That\'s a value statement", and it is measurable',
  },
  {
    seed: CHAIN_SEED,
    line: 46,
    text: 'Their adoption is strong',
    kind: 'adoption',
    because: '"push deeper"',
  },
  {
    seed: CHAIN_SEED,
    line: 46,
    text: "They're green",
    kind: 'vague',
    because: '"push deeper": green is not an outcome',
  },
];
