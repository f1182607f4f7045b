// A rough cost model of Apps Script's Spreadsheet service: a fixed cost per call plus a cost per cell moved, from
// published measurements (docs/cost-model.md explains the figures and how rough they are).
import { CELL_READ_METHODS } from '../../local/runtime/range';

/** Milliseconds per Spreadsheet call (round trip to the Sheets backend). */
export const MS_PER_CALL = 30;
/** Milliseconds per cell read by getValues (and the like). */
export const MS_PER_CELL_READ = 0.005;
/** Milliseconds per cell written by setValues (and the like). */
export const MS_PER_CELL_WRITTEN = 0.01;
/** Milliseconds per cell a TextFinder searches on Google's side (no transfer): a guess, see the doc. */
export const MS_PER_CELL_SEARCHED = 0.0005;

const SEARCH_METHODS = ['findAll', 'findNext', 'findPrevious'];
const ROUND_TRIPS = [
  'Spreadsheet.getSheetByName',
  'Sheet.getLastRow',
  'Sheet.getLastColumn',
  'Sheet.getMaxRows',
  'Sheet.getMaxColumns',
  'Sheet.insertRowsAfter',
  'Sheet.insertColumnsAfter',
];

export interface CostCounters {
  count(method?: string): number;
  cellsByMethod(): Record<string, number>;
}

export interface ActionCost {
  /** Calls priced as round trips to the Sheets backend (see costOf). */
  readonly calls: number;
  readonly cellsRead: number;
  readonly cellsSearched: number;
  readonly cellsWritten: number;
  /** Estimated milliseconds in Apps Script for the service calls alone (script CPU not included). */
  readonly estimatedAppsScriptMs: number;
}

/** Splits the runtime's cell counters into read / searched / written and prices them. */
export function costOf(counters: CostCounters): ActionCost {
  let cellsRead = 0;
  let cellsSearched = 0;
  let cellsWritten = 0;
  for (const [key, n] of Object.entries(counters.cellsByMethod())) {
    const method = key.slice(key.indexOf('.') + 1);
    if (key.startsWith('TextFinder.') && SEARCH_METHODS.includes(method)) cellsSearched += n;
    else if (CELL_READ_METHODS.has(method)) cellsRead += n;
    else cellsWritten += n;
  }
  // Calls priced as a round trip: every call that moves or searches cells, and the size and lookup calls that must
  // ask the backend. Builders (getRange, createTextFinder, matchCase…) and getters of a Range's own position are
  // assembled in the script and travel with the call that uses them.
  let calls = 0;
  for (const key of Object.keys(counters.cellsByMethod())) calls += counters.count(key);
  for (const key of ROUND_TRIPS) calls += counters.count(key);
  const estimatedAppsScriptMs = Math.round(
    calls * MS_PER_CALL +
      cellsRead * MS_PER_CELL_READ +
      cellsWritten * MS_PER_CELL_WRITTEN +
      cellsSearched * MS_PER_CELL_SEARCHED,
  );
  return { calls, cellsRead, cellsSearched, cellsWritten, estimatedAppsScriptMs };
}
