// The Three-Link Chain: business pain → solution value → outcome; which links are missing or too vague to measure.
import { isMeasurable } from './measurable';
import type { ChainLink, ChainStatus } from './types';

const LINK_NAMES: Record<ChainLink, string> = {
  pain: 'business pain',
  value: 'solution value',
  result: 'named result',
};

function isBlankText(text: unknown): boolean {
  return String(text ?? '').trim() === '';
}

/**
 * Missing: a blank link. Weak: a pain or result that is not specific enough to measure (the solution value is
 * the customer's words about how the product helps, so it is never judged for numbers).
 */
export function chainStatus(pain: string, value: string, result: string): ChainStatus {
  const links: [ChainLink, string][] = [
    ['pain', pain],
    ['value', value],
    ['result', result],
  ];
  const missing: ChainLink[] = [];
  const weak: ChainLink[] = [];
  for (const [link, text] of links) {
    if (isBlankText(text)) missing.push(link);
    else if (link !== 'value' && !isMeasurable(text)) weak.push(link);
  }
  const complete = missing.length === 0 && weak.length === 0;
  return { complete, missing, weak, text: complete ? 'Complete' : describeGaps(missing, weak) };
}

function describeGaps(missing: readonly ChainLink[], weak: readonly ChainLink[]): string {
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`Missing ${missing.map((l) => LINK_NAMES[l]).join(', ')}`);
  if (weak.length > 0) {
    const names = weak.map((l) => LINK_NAMES[l]).join(', ');
    parts.push(`${parts.length > 0 ? 'weak' : 'Weak'} ${names} (not specific enough to measure)`);
  }
  return parts.join('; ');
}

export function chainLinkName(link: ChainLink): string {
  return LINK_NAMES[link];
}
