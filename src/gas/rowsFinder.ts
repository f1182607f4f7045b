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

/**
 * A regular expression matching every way Sheets may DISPLAY the account ID `id`. TextFinder searches the text a
 * cell shows, not its value ("otherwise cells containing formulas are considered based on their displayed value";
 * a number shows through its number format: https://developers.google.com/apps-script/reference/spreadsheet/text-finder),
 * while the parser reads an ID cell by its value (a number 1001 is the ID `1001`). So an ID that is how a whole
 * number reads (`1001`: digits, no leading zero) is matched as that number shows through any plain number format:
 * leading zeros (`00000` → `01001`), thousands separators of any locale (`#,##0` → `1,001`, `1.001`, `1 001`) and
 * zero decimals (`1001.00`). Any other ID (`AC-1001`, a text `01001`) is matched as typed. docs/platform.md, "IDs".
 *
 * What this may also find: a text cell that reads like the number (`01001` typed as text, another ID to the parser).
 * Its rows are read with the account's and parsed under their own ID, so they never count for this account.
 */
export function idPattern(id: string): string {
  if (!/^[1-9][0-9]*$/.test(id) && id !== '0') return wholeCellPattern(id);
  const groups: string[] = [];
  for (let end = id.length; end > 0; end -= 3) groups.unshift(id.slice(Math.max(0, end - 3), end));
  return `\\s*0*${groups.join("[,.'\\s\u00a0\u202f]?")}(?:[.,]0+)?\\s*`;
}

/**
 * Rows (1-based) in `[fromRow, lastRow]` whose cell in `column` (1-based) shows `id` however it is formatted
 * (idPattern), in sheet order.
 */
export function rowsWithId(sheet: Sheet, column: number, id: string, fromRow = 2): number[] {
  const lastRow = sheet.getLastRow();
  if (lastRow < fromRow || id === '') return [];
  const found = sheet
    .getRange(fromRow, column, lastRow - fromRow + 1, 1)
    .createTextFinder(idPattern(id))
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
