// What every run that reads the whole book leaves behind for the cheap ones: the Usage summary the sidebar reads,
// and the Ladder sheet in the mode the book's size calls for.
import type { Settings } from '../core/settings';
import { type LoadedBook, loadBook } from './book';
import { keepLadderSheet, type LadderMode } from './ladderSheet';
import { writeUsageSummary } from './usageSummary';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface FullReadOutputs {
  readonly usageSummaryRows: number;
  readonly ladderMode: LadderMode | null;
}

/** Called by Refresh dashboard and the reminder run with the book they read, under the document lock. */
export function keepFullReadOutputs(
  ss: Spreadsheet,
  loaded: LoadedBook,
  settings: Settings,
): FullReadOutputs {
  return {
    usageSummaryRows: writeUsageSummary(ss, loaded, settings),
    ladderMode: keepLadderSheet(ss, loaded, settings),
  };
}

/** Setup reads nothing whole itself; it builds the summary and the Ladder's mode from one read of the book. */
export function keepFullReadOutputsAfterSetup(ss: Spreadsheet, settings: Settings): FullReadOutputs {
  return keepFullReadOutputs(ss, loadBook(undefined, ss), settings);
}
