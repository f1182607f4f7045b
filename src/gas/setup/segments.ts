// The default Segments rows setup writes into an empty Segments sheet.
import { DEFAULT_SEGMENTS, HEADERS, normalizeHeader } from '../../sheets/layout';

/** Default segment rows laid out under a header that may be ordered differently or hold extra columns. */
export function defaultSegmentRows(header: readonly unknown[]): unknown[][] {
  const positions = HEADERS.segments.map((h) =>
    header.findIndex((cell) => normalizeHeader(cell) === normalizeHeader(h)),
  );
  return DEFAULT_SEGMENTS.map((segment) => {
    const row: unknown[] = new Array(header.length).fill('');
    positions.forEach((at, i) => {
      if (at >= 0) row[at] = segment[i];
    });
    return row;
  });
}
