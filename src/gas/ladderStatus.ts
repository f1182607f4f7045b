// The Ladder sheet's status cell (J1, right of LADDER's nine columns): which mode the sheet is in and as of when.

export const LADDER_STATUS_COLUMN = 10;
export const LADDER_STATUS_PREFIX = 'Ladder: ';
export const LADDER_VALUES_PREFIX = `${LADDER_STATUS_PREFIX}values`;

/** The Ladder holds values the runs wrote (not the team's own content) when its status cell says so. */
export function holdsLadderValues(sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  if (sheet.getMaxColumns() < LADDER_STATUS_COLUMN) return false;
  return String(sheet.getRange(1, LADDER_STATUS_COLUMN).getValue()).startsWith(LADDER_VALUES_PREFIX);
}
