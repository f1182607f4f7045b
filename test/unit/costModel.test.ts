import { describe, expect, it } from 'vitest';
import { costOf, MS_PER_CALL } from '../../scripts/bench/costModel';

/** Counters as the runtime keeps them: cells and calls by `Class.method`. */
function counters(cells: Record<string, number>) {
  return { cellsByMethod: () => cells, count: (method?: string) => (method && method in cells ? 1 : 0) };
}

describe('the bench cost model', () => {
  it('prices every getter that brings cells to the script as a read, never as a write', () => {
    const cost = costOf(
      counters({
        'Range.getValues': 7,
        'Range.getNumberFormats': 10,
        'Range.getBackgrounds': 3,
        'Range.setValues': 5,
        'Range.clearContent': 2,
        'TextFinder.findAll': 100,
      }),
    );
    expect(cost).toMatchObject({ cellsRead: 20, cellsWritten: 7, cellsSearched: 100, calls: 6 });
    expect(cost.estimatedAppsScriptMs).toBeGreaterThanOrEqual(6 * MS_PER_CALL);
  });
});
