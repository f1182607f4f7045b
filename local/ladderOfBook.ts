// LADDER as the Ladder sheet's formula calls it, for the preview and the tests that compare against it.
import { SHEET } from '../src/sheets/layout';
import type { Runtime } from './runtime/index';

/**
 * Sheets passes whole ranges, header row included, as setup writes the formula: Accounts!A:O, Usage!A:D,
 * Results!A:I, Checks!A:F, Segments!A:F, TODAY() (here: the bundle's own today) and 'Ladder history'!A:D.
 */
export function ladderOfBook(runtime: Runtime): unknown[][] {
  return runtime.call<unknown[][]>(
    'LADDER',
    runtime.values(SHEET.accounts),
    runtime.values(SHEET.usage),
    runtime.values(SHEET.results),
    runtime.values(SHEET.checks),
    runtime.values(SHEET.segments),
    undefined,
    runtime.values(SHEET.history),
  );
}
