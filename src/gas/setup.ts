// Set up workbook (docs/rules.md §2, §9): adds what is missing — sheets, columns, default segments, formats, dropdowns, the Ladder view — marks the sheets it uses, and never touches user data. Each job is a module in setup/.
import { type DataSheetKey, SHEET, type SheetKey } from '../sheets/layout';
import { SheetFinder } from './sheetFinder';
import { prepareDataSheet, SHEET_ORDER } from './setup/dataSheets';
import { formatDataSheet } from './setup/formats';
import { setUpLadder } from './setup/ladderView';
import type { SetupReport } from './setup/report';

/** Set up workbook: idempotent; the second run writes no values. */
export function setUpWorkbook(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SetupReport {
  const report = {
    createdSheets: [] as string[],
    addedColumns: {} as Record<string, string[]>,
    segmentsAdded: 0,
    headerless: [] as string[],
  };
  const finder = SheetFinder.of(ss);
  const widths = {} as Record<DataSheetKey, number>;
  const names = { ...SHEET } as Record<SheetKey, string>;
  let accountRows = 0;
  for (const key of SHEET_ORDER) {
    const prepared = prepareDataSheet(finder, key, report);
    formatDataSheet(key, prepared);
    widths[key] = Math.max(prepared.header.length, prepared.sheet.getLastColumn());
    names[key] = prepared.sheet.getName();
    if (key === 'accounts') accountRows = prepared.sheet.getLastRow();
  }
  const ladder = setUpLadder(ss, finder, widths, names, accountRows, report.createdSheets);
  // Refresh dashboard fills it; setup only makes sure the add-on's own tab exists (beside a team's `Dashboard`).
  const dashboard = finder.findOrCreate('dashboard');
  if (dashboard.created) report.createdSheets.push(dashboard.sheet.getName());
  return { ...report, ...ladder };
}
