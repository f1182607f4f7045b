// Row version tokens: a short hash of a row's cell values, so a write can tell the row changed since it was read.

/** Cell values as Sheets returns them, in a form that compares equal exactly when the cells do. */
function cellKey(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  // Dates may come from another realm (the runtime's vm), where `instanceof Date` is false.
  if (Object.prototype.toString.call(value) === '[object Date]') return `d${(value as Date).getTime()}`;
  if (typeof value === 'number') return `n${value}`;
  if (typeof value === 'boolean') return value ? 'T' : 'F';
  return `s${String(value)}`;
}

/**
 * cyrb53: a fast, well-mixed 53-bit string hash (not cryptographic; a token only has to change when the row
 * does). Written out because Apps Script has no crypto hash that is cheaper than a service call.
 */
function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The version token of a row. With `positions` (0-based columns, -1 for a column the sheet lacks), only those cells
 * count, in that order: the columns the add-on reads, so a user's own column (a `NOW()`, an `IMPORTRANGE`) that
 * changes on every recalculation never makes a save look stale. Trailing blank cells are ignored, so the same row
 * read at a different width (a column added to the right since) keeps its token.
 */
export function rowVersion(row: readonly unknown[], positions?: readonly number[]): string {
  const cells = positions ? positions.map((at) => (at >= 0 ? row[at] : '')) : row;
  const keys = cells.map(cellKey);
  let end = keys.length;
  while (end > 0 && keys[end - 1] === '') end--;
  // The unit separator between cells: a character typed cell text practically never holds.
  const text = keys.slice(0, end).join('\u001f');
  return `${end.toString(36)}-${cyrb53(text).toString(36)}`;
}
