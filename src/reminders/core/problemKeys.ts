// Who a data problem is about, read from the raw row it was found in: the key a digest remembers it by.
import type { Problem } from '../../core/types';
import type { ProblemIdentity } from './types';

/** A sheet's rows as read, and where its Account ID and its Week/Date columns are (-1 when absent). */
export interface ProblemRows {
  readonly values: readonly (readonly unknown[])[];
  readonly accountColumn: number;
  readonly dateColumn: number;
}

function cellText(v: unknown, isoOf: (d: Date) => string): string {
  if (
    v instanceof Date ||
    (v !== null && typeof v === 'object' && typeof (v as Date).getTime === 'function')
  ) {
    return isoOf(v as Date);
  }
  return v === null || v === undefined ? '' : String(v).trim();
}

/** A short, stable fingerprint of a row's cells, for rows that name no account. */
function fingerprint(cells: readonly string[]): string {
  let h = 2166136261;
  for (const c of cells.join('\u241f')) {
    h ^= c.charCodeAt(0);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h.toString(36);
}

/**
 * The account ID the problem's row names and its Week/Date (rows of one account on Usage, Results and Checks
 * differ by date); a row without an account ID is known by a fingerprint of its cells instead.
 */
export function problemIdentityIn(
  rowsBySheet: ReadonlyMap<string, ProblemRows>,
  isoOf: (d: Date) => string,
): (p: Problem) => ProblemIdentity {
  return (p) => {
    const rows = rowsBySheet.get(p.sheet);
    const row = rows?.values[p.row - 1];
    if (!rows || !row) return { accountId: '', on: `row-${p.row}` };
    const accountId = rows.accountColumn >= 0 ? cellText(row[rows.accountColumn], isoOf) : '';
    const on = rows.dateColumn >= 0 ? cellText(row[rows.dateColumn], isoOf) : '';
    if (accountId) return { accountId, on };
    return { accountId: '', on: fingerprint(row.map((v) => cellText(v, isoOf))) };
  };
}
