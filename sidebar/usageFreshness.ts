// The "usage as of …" line of the Account view and My book: stale usage is said as a warning, read out when it
// appears (role=status), never as a gray footnote.
import { el } from './dom';

export function usageFreshnessLine(view: {
  readonly usageFreshness?: string;
  readonly usageStale?: boolean;
}): HTMLElement | null {
  if (!view.usageFreshness) return null;
  return el(
    'p',
    view.usageStale
      ? { class: 'error usage-freshness', attrs: { role: 'status' } }
      : { class: 'gray usage-freshness' },
    view.usageFreshness,
  );
}
