// The Three-Link Chain: business pain → solution value → outcome; which links are missing, and what a weak one reads as.
import {
  classifyStatement,
  kindOf,
  measurabilityHint,
  RESULT_EXAMPLE,
  readingWhy,
  type StatementKind,
} from './measurable';
import type { ChainLink, ChainStatus } from './types';

const LINK_NAMES: Record<ChainLink, string> = {
  pain: 'business pain',
  value: 'solution value',
  result: 'named result',
};

/** An example shaped like the link it is for: a pain for a pain, a value statement for a value. */
export const CHAIN_EXAMPLES: Record<ChainLink, string> = {
  pain: "'Month-end close takes 10 days; the CFO wants 5'",
  value: "'findings reach developers in their pull requests, so fixes land in days'",
  result: RESULT_EXAMPLE,
};

export interface LinkJudgement {
  readonly holds: boolean;
  /** What the link reads as when it does not hold, for CHAIN_STATUS ("reads as activity"); '' when it holds. */
  readonly reads: string;
  /** What to write instead, with an example shaped like the link; '' when it holds. */
  readonly hint: string;
}

const HOLDS: LinkJudgement = { holds: true, reads: '', hint: '' };

function readsAs(kind: StatementKind): string {
  switch (kind) {
    case 'activity':
    case 'adoption':
      return `reads as ${kind}`;
    case 'feature':
      return 'reads as a feature';
    case 'sentiment':
      return 'reads as sentiment';
    case 'value':
      return 'names a change but no measure';
    default:
      return 'too vague to measure';
  }
}

/**
 * A pain and a result must be specific enough to measure (the seed: "Business pain needs to be specific enough to
 * be measurable"); a solution value must say what changes for the customer — a measure or a value statement — not
 * name a feature ("'faster remediation' … is a feature description").
 */
export function judgeLink(link: ChainLink, text: string): LinkJudgement {
  const r = classifyStatement(text);
  const example = CHAIN_EXAMPLES[link];
  if (holds(link, r.kind)) return HOLDS;
  const reads = linkReads(link, r.kind);
  if (link === 'result') return { holds: false, reads, hint: measurabilityHint(r, example) };
  // Every hint names the class, the words that decided it (readingWhy), and an example shaped like the link.
  const why = readingWhy(r);
  if (link === 'value') {
    const hint =
      r.kind === 'feature'
        ? `Reads as a feature: say what it changes for them${why}, e.g. ${example}`
        : r.kind === 'activity' || r.kind === 'adoption'
          ? `Reads as ${r.kind}${why}: say what it changes for them, e.g. ${example}`
          : r.kind === 'sentiment'
            ? `Sentiment: say what it changes for them${why}, e.g. ${example}`
            : `Too vague${why}. Say what changes for them, in their words, e.g. ${example}`;
    return { holds: false, reads, hint };
  }
  const hint =
    r.kind === 'activity' || r.kind === 'adoption'
      ? `Reads as ${r.kind}${why}, not their pain. Say what hurts and how much, e.g. ${example}`
      : r.kind === 'sentiment'
        ? `Sentiment: say what hurts and how much${why}, e.g. ${example}`
        : r.kind === 'feature'
          ? `Reads as a feature${why}, not their pain. Say what hurts and how much, e.g. ${example}`
          : r.kind === 'value'
            ? `Says how things work, not how much it hurts. Say what hurts and how much, e.g. ${example}`
            : `Too vague to measure${why}. Say how big the pain is, e.g. ${example}`;
  return { holds: false, reads, hint };
}

/** Whether a link of this class holds: a measure, or for a solution value a value statement. */
function holds(link: ChainLink, kind: StatementKind): boolean {
  return kind === 'measurable' || (link === 'value' && kind === 'value');
}

/** What a link that does not hold reads as (CHAIN_STATUS): "reads as activity", "too vague". */
function linkReads(link: ChainLink, kind: StatementKind): string {
  return link === 'value' && kind === 'vague' ? 'too vague' : readsAs(kind);
}

function isBlankText(text: unknown): boolean {
  return String(text ?? '').trim() === '';
}

/** Missing: a blank link. Weak: a filled link that does not hold (see judgeLink). */
export function chainStatus(pain: string, value: string, result: string): ChainStatus {
  const links: [ChainLink, string][] = [
    ['pain', pain],
    ['value', value],
    ['result', result],
  ];
  const missing: ChainLink[] = [];
  const weak: ChainLink[] = [];
  const reads: string[] = [];
  for (const [link, text] of links) {
    if (isBlankText(text)) {
      missing.push(link);
      continue;
    }
    // The class alone decides the status: the hint judgeLink adds is not read here (the custom function runs this
    // per row).
    const kind = kindOf(String(text));
    if (!holds(link, kind)) {
      weak.push(link);
      reads.push(`${LINK_NAMES[link]} ${linkReads(link, kind)}`);
    }
  }
  const complete = missing.length === 0 && weak.length === 0;
  const parts = [
    ...(missing.length > 0 ? [`missing ${missing.map((l) => LINK_NAMES[l]).join(', ')}`] : []),
    ...reads,
  ];
  const text = complete ? 'Complete' : parts.join('; ');
  return { complete, missing, weak, text: text.charAt(0).toUpperCase() + text.slice(1) };
}

export function chainLinkName(link: ChainLink): string {
  return LINK_NAMES[link];
}
