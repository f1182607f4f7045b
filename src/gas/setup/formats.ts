// A data sheet's look after setup: frozen bold header, number formats and dropdowns, each only where none is set.
import { type DataSheetKey, normalizeHeader } from '../../sheets/layout';
import type { PreparedSheet } from './dataSheets';
import { addDropdowns } from './dropdowns';

const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const COUNT_FORMAT = '0';
const MEASURE_FORMAT = '#,##0.##';
/** Plain text: what a user types there stays text, even when it starts with '='. */
const TEXT_FORMAT = '@';

/** Number formats per (sheet, column); columns not listed keep Sheets' automatic format. */
const FORMATS: Readonly<Partial<Record<DataSheetKey, Readonly<Record<string, string>>>>> = {
  segments: {
    'Result looks like': TEXT_FORMAT,
    'Weekly users for adoption': COUNT_FORMAT,
    'Result window (days)': COUNT_FORMAT,
    'Check every (days)': COUNT_FORMAT,
  },
  accounts: {
    'Start date': DATE_FORMAT,
    'Renewal date': DATE_FORMAT,
    'Business pain': TEXT_FORMAT,
    'Solution value': TEXT_FORMAT,
    'Named result': TEXT_FORMAT,
    Baseline: MEASURE_FORMAT,
    Target: MEASURE_FORMAT,
  },
  usage: { Week: DATE_FORMAT, 'Active users': COUNT_FORMAT, 'Key actions': COUNT_FORMAT },
  results: {
    Date: DATE_FORMAT,
    Value: MEASURE_FORMAT,
    "Customer's words": TEXT_FORMAT,
    Evidence: TEXT_FORMAT,
  },
  checks: { Date: DATE_FORMAT, Notes: TEXT_FORMAT },
  reminderLog: { Time: DATE_TIME_FORMAT },
  history: { Date: DATE_FORMAT },
};

/** Formats Sheets reports for a cell nobody formatted ("Automatic"). */
const AUTOMATIC_FORMATS = new Set(['', 'General', '0.###############']);

/**
 * Frozen bold header, number formats and dropdowns, each added only where there is none yet (read from the column's
 * first body cell), so a format or list the team set stays theirs and a second run makes no change at all.
 */
export function formatDataSheet(key: DataSheetKey, prepared: PreparedSheet): void {
  const { sheet, header } = prepared;
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  if (prepared.touchedHeader) sheet.getRange(1, 1, 1, header.length).setFontWeight('bold');
  const bodyRows = sheet.getMaxRows() - 1;
  if (bodyRows < 1) return;
  const columnOf = (name: string) =>
    header.findIndex((cell) => normalizeHeader(cell) === normalizeHeader(name)) + 1;
  for (const [name, format] of Object.entries(FORMATS[key] ?? {})) {
    const column = columnOf(name);
    if (column < 1) continue;
    const body = sheet.getRange(2, column, bodyRows, 1);
    if (AUTOMATIC_FORMATS.has(body.getNumberFormat())) body.setNumberFormat(format);
  }
  addDropdowns(key, sheet, bodyRows, columnOf);
}
