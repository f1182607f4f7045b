// The one HTML escape used for every user string shown in the sidebar, dialogs and emails.

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Text safe inside element content and inside quoted attribute values. Anything that is not a string
 * (a number from a cell, null, a Date) is turned into text first, so callers never branch on type.
 */
export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text.replace(/[&<>"'`]/g, (ch) => ENTITIES[ch]);
}

/** An `href` value: only http(s) and mailto links pass; anything else (javascript:, data:) becomes '#'. */
export function safeHref(url: string): string {
  const trimmed = url.trim();
  return /^(https?:|mailto:)/i.test(trimmed) ? escapeHtml(trimmed) : '#';
}
