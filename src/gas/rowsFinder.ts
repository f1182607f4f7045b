// Finds one account's rows in a sheet without reading the sheet: a TextFinder search of its ID column, then one
// getValues per run of adjacent rows found.
//
// Range.createTextFinder (developers.google.com/apps-script/reference/spreadsheet/range#createTextFinder(String))
// searches on Google's side and returns the matching cells; by default it is case-insensitive and matches part of a
// cell, so the search is a regular expression anchored to the whole cell, case-sensitive, allowing the spaces the
// parser trims. Apps Script's regular expressions are RE2 (Sheets' REGEXMATCH dialect); the escaping below is valid
// in RE2 and in JavaScript.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A regular expression matching a cell that holds exactly `text`, give or take surrounding spaces. */
export function wholeCellPattern(text: string): string {
  return `\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*`;
}

/** Rows (1-based) in `[fromRow, lastRow]` whose cell in `column` (1-based) is `id`, in sheet order. */
export function rowsWithId(sheet: Sheet, column: number, id: string, fromRow = 2): number[] {
  const lastRow = sheet.getLastRow();
  if (lastRow < fromRow || id === '') return [];
  const found = sheet
    .getRange(fromRow, column, lastRow - fromRow + 1, 1)
    .createTextFinder(wholeCellPattern(id))
    .useRegularExpression(true)
    .matchCase(true)
    .matchEntireCell(true)
    .findAll();
  return found.map((r) => r.getRow()).sort((a, b) => a - b);
}

/**
 * The values of the given rows, `width` columns from column 1, as a sparse table indexed like the sheet (row r at
 * index r − 1), so the parser numbers rows as the sheet does. One getValues per run of adjacent rows.
 */
export function readRows(
  sheet: Sheet,
  rows: readonly number[],
  width: number,
  into: unknown[][] = [],
): unknown[][] {
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    const values = sheet.getRange(rows[i], 1, j - i + 1, width).getValues();
    for (let k = 0; k <= j - i; k++) into[rows[i] + k - 1] = values[k];
    i = j + 1;
  }
  return into;
}

/** The header row (row 1), as wide as the sheet's data. */
export function headerRow(sheet: Sheet): unknown[] {
  const width = Math.max(1, sheet.getLastColumn());
  return sheet.getRange(1, 1, 1, width).getValues()[0];
}
