// What a setup run did, and the toast that says it in plain words.

/** What a setup run did, for the toast and the tests. */
export interface SetupReport {
  readonly createdSheets: readonly string[];
  /** Sheet name → the spec columns appended at the end of its header row. */
  readonly addedColumns: Readonly<Record<string, readonly string[]>>;
  readonly segmentsAdded: number;
  /** 'left alone' when Ladder!A1 holds something other than a LADDER formula setup wrote (the user's choice stands). */
  readonly ladderFormula: 'set' | 'updated' | 'kept' | 'left alone';
  /** Rows added to the Ladder sheet so LADDER's answer fits (Sheets will not expand a result over missing rows). */
  readonly ladderRowsAdded: number;
  /** Data sheets whose row 1 is blank above data: no header was written there (it would be a guess). */
  readonly headerless?: readonly string[];
}

/** The toast after a setup run, in plain words. */
export function setupSummary(report: SetupReport): string {
  const parts: string[] = [];
  if (report.createdSheets.length > 0) parts.push(`Created ${report.createdSheets.join(', ')}.`);
  const beside = report.createdSheets.filter((name) => /^Results (ladder|dashboard|reminder log)/.test(name));
  if (beside.length > 0)
    parts.push(`Your own tabs of the same names are left as they are; the add-on uses ${beside.join(', ')}.`);
  for (const [sheet, columns] of Object.entries(report.addedColumns)) {
    parts.push(`Added to ${sheet}: ${columns.join(', ')}.`);
  }
  if (report.segmentsAdded > 0) parts.push(`Added ${report.segmentsAdded} default segments.`);
  for (const sheet of report.headerless ?? []) {
    parts.push(
      `${sheet}: row 1 is blank above your data, so no header was written (the add-on will not guess which column is which); put the column names in row 1 and run Set up workbook again.`,
    );
  }
  if (report.ladderFormula === 'set') parts.push('The Ladder sheet shows the LADDER formula.');
  if (report.ladderFormula === 'updated')
    parts.push('The LADDER formula now covers every column, recalculates daily and reads Ladder history.');
  if (report.ladderRowsAdded > 0)
    parts.push(`Added ${report.ladderRowsAdded} rows to Ladder so it has room for every account.`);
  if (report.ladderFormula === 'left alone')
    parts.push('Ladder!A1 holds your own content, so it was left alone.');
  return parts.length > 0 ? parts.join(' ') : 'The workbook was already set up; nothing changed.';
}
