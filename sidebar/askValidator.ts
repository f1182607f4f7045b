// "Ask the validator to confirm": a prepared email (a mailto: link) quoting the result, its numbers and the customer's words.
import type { AccountView, ResultView } from '../src/entry/sidebarTypes';

function numberText(n: number | null): string {
  if (n === null) return '—';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/**
 * The mailto: URL asking `validator` to confirm `result`. The add-on knows the validator's name, not their
 * address, so the To line is left for the CSM to fill from their contacts; nothing is sent by the add-on (no
 * mail scope needed). Every part is encoded with encodeURIComponent, which RFC 6068 asks for: spaces as %20
 * (never '+'), line breaks as %0D%0A, and '&', '?', '#' in account text cannot cut the URL short.
 */
export function confirmMailto(view: AccountView, validator: string, result: ResultView): string {
  const a = view.account;
  const metric = a.metric.trim() || 'the metric';
  const progress =
    result.progressPercent === null ? '' : ` (${result.progressPercent}% of the way to target)`;
  const lines = [
    `Hi ${validator},`,
    '',
    `Could you confirm the result ${a.name || a.id} got from working with us?`,
    '',
    `Result: ${a.namedResult || '—'}`,
    `${metric}: ${numberText(result.value)} on ${result.date}, from a baseline of ${numberText(a.baseline)} toward a target of ${numberText(a.target)}${progress}.`,
  ];
  if (result.customerWords.trim()) lines.push(`In your team's words: "${result.customerWords.trim()}"`);
  lines.push(
    '',
    'A short reply saying whether this is right (and that the product helped) is all we need.',
    '',
    'Thank you!',
  );
  const subject = `Please confirm: ${a.namedResult || 'our result'} (${a.name || a.id})`;
  const body = lines.join('\r\n');
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
