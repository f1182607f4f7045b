// The spreadsheet's time zone, read without authorization: the one place custom functions touch a service.

/**
 * Custom functions may read the active spreadsheet's time zone; when that is unavailable (a standalone run, an
 * unbound script) the script's zone stands in, then UTC, so a formula never fails for want of a zone.
 */
export function spreadsheetTimeZone(): string {
  try {
    const zone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
    if (zone) return zone;
  } catch {
    // fall through to the script's zone
  }
  try {
    const zone = Session.getScriptTimeZone();
    if (zone) return zone;
  } catch {
    // fall through to UTC
  }
  return 'Etc/UTC';
}
