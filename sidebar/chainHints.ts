// Live hints for the Three-Link Chain form, from the same pure measurability rules the server and RESULT_LINT use.
import { CHAIN_EXAMPLES, chainStatus, judgeLink } from '../src/core/chain';
import { isMeasurable } from '../src/core/measurable';
import type { ChainLink } from '../src/core/types';
import type { SegmentView } from '../src/entry/sidebarTypes';

export interface Hint {
  readonly text: string;
  readonly warn: boolean;
}

const NONE: Hint = { text: '', warn: false };

export interface ChainInput {
  readonly pain: string;
  readonly value: string;
  readonly result: string;
  readonly baseline: string;
  readonly target: string;
  readonly validator: string;
  readonly role: string;
}

export interface ChainHints {
  readonly chain: Hint;
  readonly pain: Hint;
  readonly value: Hint;
  readonly result: Hint;
  readonly target: Hint;
  readonly role: Hint;
}

function numberOrNull(text: string): number | null {
  const cleaned = text.trim().replace(/[,\s]/g, '');
  if (!cleaned) return null;
  const n = Number(cleaned.replace(/%$/, ''));
  return Number.isFinite(n) ? n : Number.NaN;
}

export function chainHints(input: ChainInput, segment: SegmentView | null): ChainHints {
  const status = chainStatus(input.pain, input.value, input.result);
  // Each link judged as the server judges it, with an example shaped like that link.
  const judged = (link: ChainLink, text: string): Hint => {
    if (!text.trim()) return NONE;
    const j = judgeLink(link, text);
    return j.holds ? NONE : { text: j.hint, warn: true };
  };
  const pain = judged('pain', input.pain);
  const value = input.value.trim()
    ? judged('value', input.value)
    : { text: `What changes for them, in their words, e.g. ${CHAIN_EXAMPLES.value}.`, warn: false };
  const result = !input.result.trim()
    ? { text: `One measurable result, e.g. ${CHAIN_EXAMPLES.result}.`, warn: false }
    : isMeasurable(input.result)
      ? { text: 'Measurable.', warn: false }
      : judged('result', input.result);

  const baseline = numberOrNull(input.baseline);
  const targetValue = numberOrNull(input.target);
  let target = NONE;
  if (Number.isNaN(baseline) || Number.isNaN(targetValue)) {
    target = { text: 'Baseline and target must be numbers.', warn: true };
  } else if (baseline !== null && targetValue !== null && baseline === targetValue) {
    target = { text: 'Target equals baseline, so progress cannot be measured.', warn: true };
  } else if (input.result.trim() && (baseline === null || targetValue === null)) {
    target = { text: 'Set both, so progress toward the result can be measured.', warn: false };
  }

  let role = NONE;
  if (segment && input.role && !segment.acceptedRoles.some((r) => r === input.role)) {
    role = { text: `${segment.name} accepts: ${segment.validatorRoles}.`, warn: true };
  } else if (segment && !input.role) {
    role = { text: `${segment.name} accepts: ${segment.validatorRoles}.`, warn: false };
  } else if (segment?.allRolesNeeded) {
    role = { text: `${segment.name} needs every one of: ${segment.validatorRoles}.`, warn: false };
  }
  if (!input.validator.trim() && input.role) role = { text: 'Name the validator too.', warn: true };

  return {
    chain: { text: status.text, warn: !status.complete },
    pain,
    value,
    result,
    target,
    role,
  };
}
