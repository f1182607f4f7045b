// The data sheets setup creates or adopts, with their header rows completed (and the default segments on a new Segments sheet).
import { DEFAULT_SEGMENTS, type DataSheetKey, HEADERS, normalizeHeader } from '../../sheets/layout';
import type { SheetFinder } from '../sheetFinder';
import { defaultSegmentRows } from './segments';

/** Data sheets in the order their tabs are created. */
export const SHEET_ORDER: readonly DataSheetKey[] = [
  'accounts',
  'usage',
  'results',
  'checks',
  'segments',
  'history',
  'reminderLog',
];

/** The spec columns a header row lacks, in spec order (header text compared trimmed, case-insensitively). */
export function missingColumns(key: DataSheetKey, header: readonly unknown[]): string[] {
  const present = new Set(header.map(normalizeHeader));
  return HEADERS[key].filter((h) => !present.has(normalizeHeader(h)));
}

export interface PreparedSheet {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly header: readonly unknown[];
  readonly touchedHeader: boolean;
}

/**
 * Finds the sheet (by mark, or a data sheet by name: the team's tab is adopted and marked) or creates and marks it,
 * then completes its header (and the default segments) with at most one setValues.
 */
export function prepareDataSheet(
  finder: SheetFinder,
  key: DataSheetKey,
  report: {
    createdSheets: string[];
    addedColumns: Record<string, string[]>;
    segmentsAdded: number;
    headerless: string[];
  },
): PreparedSheet {
  const { sheet, created } = finder.findOrCreate(key);
  const name = sheet.getName();
  if (created) report.createdSheets.push(name);
  const lastColumn = sheet.getLastColumn();
  const existing = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] : [];
  const blankHeader = existing.every((cell) => String(cell).trim() === '');
  if (blankHeader && sheet.getLastRow() > 1) {
    // Rows below a blank row 1: labelling their columns in the spec's order would be a guess about the team's data.
    report.headerless.push(name);
    return { sheet, header: [], touchedHeader: false };
  }
  const missing = missingColumns(key, blankHeader ? [] : existing);
  // A header row with nothing in it is replaced whole; otherwise spec columns go after the user's last column.
  const header: unknown[] = blankHeader ? [...HEADERS[key]] : [...existing, ...missing];
  const addsDefaults = key === 'segments' && sheet.getLastRow() <= 1;
  if (missing.length > 0 && !blankHeader) report.addedColumns[name] = missing;

  if (addsDefaults) {
    const rows = [header, ...defaultSegmentRows(header)];
    sheet.getRange(1, 1, rows.length, header.length).setValues(rows);
    report.segmentsAdded = DEFAULT_SEGMENTS.length;
  } else if (blankHeader) {
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
  } else if (missing.length > 0) {
    sheet.getRange(1, existing.length + 1, 1, missing.length).setValues([missing]);
  }
  return { sheet, header, touchedHeader: blankHeader || missing.length > 0 };
}
